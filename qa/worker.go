package qa

import (
	"github.com/articlebot/articlebot/qa/attribution"
	"github.com/articlebot/articlebot/qa/index"
	"github.com/articlebot/articlebot/qa/text"
)

// A worker is what one goroutine that prepares articles keeps from one
// article to the next: the words it has read, the attribution stage's
// analyzer, what indexing learnt of words by word ID, and the numbers it
// gave index terms.
type worker struct {
	cache *text.Cache
	attr  *attribution.Analyzer

	// termOf is, by word ID, 1 + the worker's number for the word's index
	// term; 0 until asked. indexed says, by word ID, whether an indexed
	// sentence has the word, and in lower case (wordIndexed…).
	termOf  []int32
	indexed []uint8

	terms index.Terms // the index terms this worker has met

	// termAt is, by term number, where a sentence builder last put the
	// term in its terms (see sentenceBuilder.find).
	termAt []int32
}

// Bits of worker.indexed.
const (
	wordIndexed      uint8 = 1 << iota // an indexed sentence has the word
	wordIndexedLower                   // and writes it in lower case
)

func newWorker(lx *text.Lexicon) *worker {
	c := text.NewCache(lx)
	return &worker{cache: c, attr: attribution.NewAnalyzer(c)}
}

// grow makes room in the tables by word ID for every word the cache knows.
func (w *worker) grow() {
	n := w.cache.Len()
	if n <= len(w.termOf) {
		return
	}
	n = max(n, 2*len(w.termOf))
	w.termOf = growTo(w.termOf, n)
	w.indexed = growTo(w.indexed, n)
}

func growTo[T any](s []T, n int) []T {
	return append(s, make([]T, n-len(s))...)
}

// wordTerm returns the worker's number for a word's index term: the word
// itself for a logic word (see Lexicon.LogicWords), else its stem.
func (w *worker) wordTerm(word *text.Word) int32 {
	if w.termOf[word.ID] == 0 {
		t := word.Norm
		if word.Kinds&text.KindLogic == 0 {
			t = w.cache.Stem(word)
		}
		w.termOf[word.ID] = w.terms.ID(t) + 1
	}
	return w.termOf[word.ID] - 1
}

// stemTerm returns the worker's number for a normalised word's stem.
func (w *worker) stemTerm(norm string) int32 {
	word := w.cache.Intern(norm)
	w.grow()
	if word.Kinds&text.KindLogic == 0 {
		return w.wordTerm(word) // its index term is its stem
	}
	return w.terms.ID(w.cache.Stem(word))
}

// term returns the worker's number for an index term.
func (w *worker) term(t string) int32 { return w.terms.ID(t) }
