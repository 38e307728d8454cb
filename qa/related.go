package qa

import (
	"strings"

	"github.com/articlebot/articlebot/qa/data"
)

// Questions paraphrase the article: "truce" for "ceasefire", "troops" for
// "soldiers", "firearms" for "guns". The related table maps a stem to the
// stems of its synonyms, derived forms and close kinds, closest first, taken
// from Princeton WordNet 3.0 (licence in data/WORDNET-LICENSE).
//
// A question may also say the opposite of what its best sentence says:
// "the smallest" of a sentence about "the largest" asks what the article
// does not say. The antonym table, from the same WordNet, maps a stem to
// the stems WordNet opposes to it; the decliner reads it (rank.Antonym).
//
// data/related.txt and data/antonyms.txt are generated and committed; the
// recipe, and why, is documented in qa/internal/wordnetgen. From the module
// root, with Debian's wordnet-base installed:
//
//	go run ./qa/internal/wordnetgen -dict /usr/share/wordnet -out qa/data/related.txt -antonyms qa/data/antonyms.txt
//
// which is what go generate runs from this package's folder:
//
//go:generate go run ./internal/wordnetgen -dict /usr/share/wordnet -out data/related.txt -antonyms data/antonyms.txt
//
// The ranking and span models (data/rank-model.tsv, data/span-model.tsv,
// see qa/rank and qa/span) are fitted on features that read these related
// words, so they are fitted again after them:
//
//go:generate go run ./internal/rankgen -squad testdata/squad2 -news testdata/eval -out data/rank-model.tsv -spans data/span-model.tsv

// relatedTable is the text of a related table: one "key\trel1 rel2\n" line
// per key, keys in strictly increasing byte order. It is searched where it
// lies, in the binary's read-only data: there is no map and no line index
// to build, so no load step, and nothing on the heap. The tests check that
// the embedded table is well formed.
type relatedTable string

// relatedTerms returns the stems related to stem, closest first, or nil.
// See relatedTable.related.
func relatedTerms(stem string) []string { return relatedTable(data.Related).related(stem) }

// related returns the stems related to stem, closest first, or nil if it
// has none. The slice is new and the caller's; its strings share the
// table's memory.
func (t relatedTable) related(stem string) []string {
	if rel, ok := t.lookup(stem); ok {
		return strings.Split(rel, " ")
	}
	return nil
}

// antonyms calls yield with each stem WordNet opposes to stem, until it
// returns false; it allocates nothing.
func antonyms(stem string, yield func(string) bool) {
	line, _ := relatedTable(data.Antonyms).lookup(stem)
	for line != "" {
		var a string
		a, line, _ = strings.Cut(line, " ")
		if !yield(a) {
			return
		}
	}
}

// inWordNet reports whether a stem is a word WordNet relates to others:
// an English word, not a name.
func inWordNet(stem string) bool {
	_, ok := relatedTable(data.Related).lookup(stem)
	return ok
}

// lookup returns the line of stem's related stems, as the table writes
// them, and whether the table has it.
func (t relatedTable) lookup(stem string) (string, bool) {
	// A binary search over bytes rather than lines: lo and hi are line
	// starts, the keys of the lines before lo are less than stem and those
	// from hi on greater. The line that holds the midpoint is compared and
	// the range cut before or after it.
	text := string(t)
	lo, hi := 0, len(text)
	for lo < hi {
		mid := (lo + hi) / 2
		start := lo + strings.LastIndexByte(text[lo:mid], '\n') + 1
		line := text[start:]
		line = line[:strings.IndexByte(line, '\n')]
		key, rel, _ := strings.Cut(line, "\t")
		switch {
		case key < stem:
			lo = start + len(line) + 1
		case key > stem:
			hi = start
		default:
			return rel, true
		}
	}
	return "", false
}
