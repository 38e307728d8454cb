package text

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// An Article is one news article as an admin drops it into seeds/: a title
// on the first line, then one paragraph a line.
type Article struct {
	Name       string // where it came from, e.g. "seeds/summit.txt"
	Title      string
	Paragraphs []Paragraph

	// Modified is when its file last changed, which tells the newest of
	// several; zero when unknown (the embedded seeds have no times).
	Modified time.Time
}

// A Paragraph is one line of an article's body.
type Paragraph struct {
	Text string
	Line int // 1-based line in the file, for error messages and debugging

	// Sentences are byte ranges of Text, in order, covering every
	// non-space byte exactly once.
	Sentences []Span

	// Prose is false for page debris and datelines: a short line with no
	// sentence punctuation ("Today", "Saturday, October 10, 2009"). Such
	// lines are never answers and never summary sentences.
	Prose bool

	// Heading is true for a sub-heading, typically a lone question
	// ("Will Trump and Zelenskyy meet Putin?"). Headings are not answers
	// and break attribution chains between quote paragraphs.
	Heading bool
}

// A Span is a byte range [Start, End) of some text.
type Span struct{ Start, End int }

// In reports whether s lies inside the text.
func (s Span) In(text string) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= len(text) }

const bom = "\uFEFF"

// ParseArticle reads an article in the seeds format. name is used only in
// error messages. Blank lines, CRLF line ends and a leading byte order mark
// are accepted; invalid UTF-8 and an article with no body are errors.
func ParseArticle(name string, r io.Reader) (*Article, error) { return readArticle(name, r, 0) }

// readArticle reads an article of about size bytes, if known, straight into
// the string its paragraphs will be slices of: one allocation, no copy.
func readArticle(name string, r io.Reader, size int) (*Article, error) {
	var text strings.Builder
	text.Grow(size)
	if _, err := io.Copy(&text, r); err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", name, err)
	}
	return parseArticle(name, text.String())
}

// parseArticle parses a whole file's text; the paragraphs are slices of
// it, not copies, unless a line has characters to clean (see cleanLine).
func parseArticle(name string, data string) (*Article, error) {
	data = strings.TrimPrefix(data, bom)
	a := &Article{Name: name}
	lineNo := 0
	for len(data) > 0 {
		lineNo++
		var line string
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			line, data = data, ""
		}
		// A CRLF line end goes here: cleanLine would copy the line to
		// drop it.
		line = strings.TrimSuffix(line, "\r")
		if !utf8.ValidString(line) {
			col := firstInvalidByte(line)
			return nil, fmt.Errorf("cannot load %s: line %d, byte %d: invalid UTF-8", name, lineNo, col)
		}
		text := cleanLine(line)
		if text == "" {
			continue
		}
		if a.Title == "" {
			a.Title = text
			continue
		}
		a.Paragraphs = append(a.Paragraphs, newParagraph(text, lineNo))
	}
	switch {
	case a.Title == "":
		return nil, fmt.Errorf("cannot load %s: the file has no text", name)
	case len(a.Paragraphs) == 0:
		return nil, fmt.Errorf("cannot load %s: line 1: a title but no paragraphs (one paragraph a line must follow the title)", name)
	}
	return a, nil
}

func firstInvalidByte(line string) int {
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		if r == utf8.RuneError && size == 1 {
			return i + 1
		}
		i += size
	}
	return 0
}

// cleanLine trims a line and folds the control characters a copy from a web
// page leaves behind (tabs, carriage returns, non-breaking spaces) to spaces,
// so that offsets into the text stay byte-exact for everything after it.
func cleanLine(s string) string {
	if !mayNeedCleaning(s) {
		return strings.TrimSpace(s)
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\u00A0' || r == '\t' || r == '\r' || r == '\v' || r == '\f':
			return ' '
		case unicode.IsControl(r) || r == '\uFEFF':
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// mayNeedCleaning reports whether s has a byte that starts a character
// cleanLine changes: a control character, or the first byte of a
// non-breaking space (C2 A0) or a byte order mark (EF BB BF). Most lines have
// none, and skip the rune-by-rune pass.
func mayNeedCleaning(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c == 0xc2 || c == 0xef {
			return true
		}
	}
	return false
}

func newParagraph(text string, line int) Paragraph {
	p := Paragraph{Text: text, Line: line, Sentences: SplitSentences(text)}
	p.Prose = isProse(text)
	p.Heading = p.Prose && len(p.Sentences) == 1 && strings.HasSuffix(text, "?") && !startsWithQuote(text)
	return p
}

// isProse tells sentences from page debris: a line that ends without
// sentence punctuation and has fewer than eight words is a dateline, a
// caption credit or a stray word from the page, not something the article
// says.
func isProse(text string) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text, closingChars))
	if strings.ContainsRune(".!?…:;", last) {
		return true
	}
	return hasWords(text, 8)
}

// hasWords reports whether text has at least n words, reading no further
// than the n-th.
func hasWords(text string, n int) bool {
	for range n {
		text = strings.TrimLeftFunc(text, unicode.IsSpace)
		if text == "" {
			return false
		}
		if i := strings.IndexFunc(text, unicode.IsSpace); i >= 0 {
			text = text[i:]
		} else {
			text = ""
		}
	}
	return true
}

func startsWithQuote(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return IsDoubleQuote(r)
}

// LoadDir reads every *.txt file of a folder of fsys, in name order. dir is
// the folder's name in fsys; display prefixes file names in errors and in
// Article.Name (for the embedded seeds it is "seeds").
func LoadDir(fsys fs.FS, dir, display string) ([]*Article, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("cannot load articles: %s: no such folder", display)
		}
		return nil, fmt.Errorf("cannot load articles from %s: %w", display, err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".txt") {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("cannot load articles: %s has no .txt files", display)
	}
	sort.Strings(names)
	// Reading and splitting the files runs on every core.
	articles := make([]*Article, len(names))
	errs := make([]error, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				articles[i], errs[i] = loadFile(fsys, path.Join(dir, names[i]), path.Join(display, names[i]))
			}
		}()
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err // the first bad file in name order
		}
	}
	return articles, nil
}

func loadFile(fsys fs.FS, name, shown string) (*Article, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("cannot load %s: %w", shown, err)
	}
	defer f.Close()
	size := 0
	var modified time.Time
	if info, err := f.Stat(); err == nil {
		size, modified = int(info.Size()), info.ModTime()
	}
	a, err := readArticle(shown, f, size)
	if a != nil {
		a.Modified = modified
	}
	return a, err
}
