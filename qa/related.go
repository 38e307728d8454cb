package qa

import (
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
)

// Questions paraphrase the article: "truce" for "ceasefire", "troops" for
// "soldiers", "firearms" for "guns". The related table maps a stem to the
// stems of its synonyms, derived forms and close kinds, closest first, taken
// from Princeton WordNet 3.0 (licence in data/WORDNET-LICENSE).
//
// data/related.txt.gz is generated and committed; the recipe, and why, is
// documented in qa/internal/wordnetgen. From the module root, with Debian's
// wordnet-base installed:
//
//	go run ./qa/internal/wordnetgen -dict /usr/share/wordnet -out qa/data/related.txt.gz
//
// which is what go generate runs from this package's folder:
//
//go:generate go run ./internal/wordnetgen -dict /usr/share/wordnet -out data/related.txt.gz
//go:embed data/related.txt.gz
var relatedData string

// relatedTable is the decompressed table, one "key\trel1 rel2\n" line per
// key sorted by key, indexed by line start: no map and no string per key, so
// loading it costs one decompression and one pass.
type relatedTable struct {
	text  string   // the lines
	lines []uint32 // where each line starts in text
}

// defaultRelated is parsed once, on first use, from the embedded table; it
// is read-only afterwards and safe for concurrent use.
var defaultRelated = sync.OnceValue(func() *relatedTable {
	t, err := parseRelated(relatedData)
	if err != nil {
		panic(err) // the embedded data is part of the program: a test catches this
	}
	return t
})

// relatedTerms returns the stems related to stem, closest first, or nil.
// See relatedTable.related.
func relatedTerms(stem string) []string { return defaultRelated().related(stem) }

// parseRelated decompresses and indexes a gzipped related table, checking
// that every line is "key\trelated" with keys in strictly increasing order.
func parseRelated(gz string) (*relatedTable, error) {
	const name = "data/related.txt.gz"
	zr, err := gzip.NewReader(strings.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("qa: %s: %w", name, err)
	}
	var b strings.Builder
	if len(gz) >= 4 {
		// The gzip trailer holds the decompressed size: grow once, within
		// reason should the trailer be corrupt.
		b.Grow(min(int(binary.LittleEndian.Uint32([]byte(gz[len(gz)-4:]))), 64<<20))
	}
	if _, err := io.Copy(&b, zr); err != nil {
		return nil, fmt.Errorf("qa: %s: %w", name, err)
	}
	text := b.String()
	if len(text) > 0 && text[len(text)-1] != '\n' {
		return nil, fmt.Errorf("qa: %s: last line does not end with a newline", name)
	}
	t := &relatedTable{text: text, lines: make([]uint32, 0, strings.Count(text, "\n"))}
	prev := ""
	for start := 0; start < len(text); {
		end := start + strings.IndexByte(text[start:], '\n')
		key, rel, ok := strings.Cut(text[start:end], "\t")
		switch {
		case !ok || key == "" || rel == "":
			return nil, fmt.Errorf("qa: %s: line %d: want key, tab, related stems", name, len(t.lines)+1)
		case key <= prev:
			return nil, fmt.Errorf("qa: %s: line %d: key %q after %q: keys must increase", name, len(t.lines)+1, key, prev)
		}
		t.lines = append(t.lines, uint32(start))
		prev, start = key, end+1
	}
	return t, nil
}

// line returns the i-th line without its newline.
func (t *relatedTable) line(i int) string {
	end := len(t.text)
	if i+1 < len(t.lines) {
		end = int(t.lines[i+1])
	}
	return t.text[t.lines[i] : end-1]
}

func (t *relatedTable) key(i int) string {
	l := t.line(i)
	return l[:strings.IndexByte(l, '\t')]
}

// related returns the stems related to stem, closest first, or nil if it
// has none. The slice is new and the caller's; its strings share the
// table's memory.
func (t *relatedTable) related(stem string) []string {
	i := sort.Search(len(t.lines), func(i int) bool { return t.key(i) >= stem })
	if i == len(t.lines) {
		return nil
	}
	key, rel, _ := strings.Cut(t.line(i), "\t")
	if key != stem {
		return nil
	}
	return strings.Split(rel, " ")
}
