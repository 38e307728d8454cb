package qa

import (
	"io"
	"io/fs"

	"github.com/articlebot/articlebot/qa/text"
)

// An Article is one news article as an admin drops it into seeds/: a title
// on the first line, then one paragraph a line (see text.Article).
type Article = text.Article

// A Paragraph is one line of an article's body (see text.Paragraph).
type Paragraph = text.Paragraph

// A Span is a byte range [Start, End) of some text.
type Span = text.Span

// ParseArticle reads an article in the seeds format (see text.ParseArticle).
func ParseArticle(name string, r io.Reader) (*Article, error) { return text.ParseArticle(name, r) }

// LoadDir reads every *.txt file of a folder of fsys, in name order (see
// text.LoadDir).
func LoadDir(fsys fs.FS, dir, display string) ([]*Article, error) {
	return text.LoadDir(fsys, dir, display)
}
