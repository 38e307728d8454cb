package qa

import (
	"fmt"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/qa/index"
)

// TestLongSentenceIndex indexes a paragraph with no full stop, one
// sentence of hundreds of terms each said several times, and checks that
// the index holds each term once a sentence with its count.
func TestLongSentenceIndex(t *testing.T) {
	var words []string
	for i := range 300 {
		words = append(words, fmt.Sprintf("word%d", i))
	}
	once := strings.Join(words, " ")
	a, err := ParseArticle("long.txt", strings.NewReader("Long\n"+once+" "+once+" "+once))
	if err != nil {
		t.Fatal(err)
	}
	e := New([]*Article{a}, DefaultOptions())
	if n := len(e.sents); n != 2 {
		t.Fatalf("%d sentences, want the headline and one", n)
	}
	for _, w := range words {
		term := e.lookupTerm(w)
		if _, ok := e.ix.Lookup(term); !ok {
			t.Fatalf("%s: not indexed", w)
		}
		if df, has := e.ix.DocFreq(term), e.ix.Has(term, 1); df != 1 || !has {
			t.Fatalf("%s: in %d sentences (sentence 1 among them: %v), want only sentence 1", w, df, has)
		}
	}
	// All 300 terms count 3 in a sentence of 900 words, so they score alike.
	score := func(w string) float64 {
		found := e.ix.Search([]index.QueryTerm{{Term: e.lookupTerm(w), Weight: 1}}, nil, 0)
		defer found.Release()
		return found.At(1).Score
	}
	if first, last := score(words[0]), score(words[299]); first != last {
		t.Errorf("word0 scores %v, word299 %v: want the same count", first, last)
	}
}

// TestHugeParagraph loads an article of one 10 MB paragraph: nothing in
// loading, splitting, attribution or indexing may grow faster than the text.
func TestHugeParagraph(t *testing.T) {
	if testing.Short() {
		t.Skip("10 MB article")
	}
	para := strings.Repeat(`The senator said, "We will vote." Mr. Smith of the U.S. House agreed, she said. `, 10<<20/80)
	a, err := ParseArticle("huge.txt", strings.NewReader("Huge\n"+para))
	if err != nil {
		t.Fatal(err)
	}
	e := New([]*Article{a}, DefaultOptions())
	if _, err := e.Ask("What did the senator say?", 3); err != nil {
		t.Fatal(err)
	}
}
