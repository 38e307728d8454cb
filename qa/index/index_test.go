package index

import (
	"math"
	"slices"
	"testing"
)

// A testDoc is a document to index: its length in words, and its terms
// with their weighted counts, in the order to add them.
type testDoc struct {
	length int
	terms  []testCount
}

type testCount struct {
	term  string
	count float32
}

// build indexes docs and finishes the index.
func build(bm25 BM25, docs []testDoc) *Index {
	ix := New(bm25)
	addDocs(ix, docs)
	ix.Finish()
	return ix
}

// addDocs adds docs to ix in order.
func addDocs(ix *Index, docs []testDoc) {
	for _, d := range docs {
		ix.AddDoc(d.length)
		for _, c := range d.terms {
			ix.Add(ix.TermID(c.term), c.count)
		}
	}
}

// tiny is the corpus of the hand-worked scores: three documents of 6
// words in all, so of average length 2.
//
//	0  "cat sat"      cat 1, sat 1
//	1  "cat cat dog"  cat 2, dog 1
//	2  "bird"         bird 1, and pet at 0.5: a word it stands for but does not say
var tiny = []testDoc{
	{2, []testCount{{"cat", 1}, {"sat", 1}}},
	{3, []testCount{{"cat", 2}, {"dog", 1}}},
	{1, []testCount{{"bird", 1}, {"pet", 0.5}}},
}

// The scores of tiny's terms, worked out by hand with k1 = 1.2, b = 0.75.
//
// Length normalisation k1·(1 − b + b·length/2):
//
//	doc 0: 1.2·(0.25 + 0.75·2/2) = 1.2
//	doc 1: 1.2·(0.25 + 0.75·3/2) = 1.65
//	doc 2: 1.2·(0.25 + 0.75·1/2) = 0.75
//
// IDF log(1 + (3 − df + 0.5)/(df + 0.5)):
//
//	cat, in 2:          ln(1 + 1.5/2.5) = ln 1.6   = 0.47000362924573563
//	sat, dog, bird, pet: ln(1 + 2.5/1.5) = ln(8/3) = 0.9808292530117263
//
// Scores idf · tf·2.2 / (tf + norm):
//
//	cat in 0:  0.47000362924573563 · 2.2/2.2          = 0.47000362924573563
//	cat in 1:  0.47000362924573563 · 4.4/3.65         = 0.5665797174469143
//	sat in 0:  0.9808292530117263 · 2.2/2.2           = 0.9808292530117263
//	dog in 1:  0.9808292530117263 · 2.2/2.65          = 0.8142733421229427
//	bird in 2: 0.9808292530117263 · 2.2/1.75          = 1.233042489500456
//	pet in 2:  0.9808292530117263 · (0.5·2.2)/1.25    = 0.8631297426503192
const (
	catIn0  = 0.47000362924573563
	catIn1  = 0.5665797174469143
	satIn0  = 0.9808292530117263
	dogIn1  = 0.8142733421229427
	birdIn2 = 1.233042489500456
	petIn2  = 0.8631297426503192
)

// scoreTolerance is how far a search's score may be from the hand-worked
// value: the index keeps scores as float32.
const scoreTolerance = 1e-6

// hits returns what a search found, in document order.
func hits(r Result) []Hit {
	var out []Hit
	r.Each(func(h Hit) { out = append(out, h) })
	slices.SortFunc(out, func(a, b Hit) int { return int(a.Doc - b.Doc) })
	return out
}

// sameHits reports whether got and want find the same documents with the
// same question words, and scores within scoreTolerance.
func sameHits(got, want []Hit) bool {
	return slices.EqualFunc(got, want, func(g, w Hit) bool {
		return g.Doc == w.Doc && g.Groups == w.Groups && g.Primary == w.Primary &&
			math.Abs(g.Score-w.Score) <= scoreTolerance*max(1, math.Abs(w.Score))
	})
}

func TestSearchScores(t *testing.T) {
	ix := build(defaults, tiny)
	tests := []searchCase{
		{"one term", []QueryTerm{{Term: "cat", Weight: 1, Primary: true}},
			[]Hit{{0, catIn0, 1, 1}, {1, catIn1, 1, 1}}},
		{"two question words add", []QueryTerm{{Term: "cat", Weight: 1, Primary: true}, {Term: "dog", Weight: 1, Group: 1, Primary: true}},
			[]Hit{{0, catIn0, 0b01, 0b01}, {1, catIn1 + dogIn1, 0b11, 0b11}}},
		{"a weight scales", []QueryTerm{{Term: "sat", Weight: 0.5, Primary: true}},
			[]Hit{{0, 0.5 * satIn0, 1, 1}}},
		{"an alias counts less", []QueryTerm{{Term: "pet", Weight: 1, Primary: true}},
			[]Hit{{2, petIn2, 1, 1}}},
		{"a term standing for the same word", []QueryTerm{{Term: "bird", Weight: 1, Primary: true}, {Term: "pet", Weight: 0.5}},
			[]Hit{{2, birdIn2 + 0.5*petIn2, 1, 1}}},
		{"matched only by what it stands for", []QueryTerm{{Term: "parrot", Weight: 1, Primary: true}, {Term: "pet", Weight: 0.5}},
			[]Hit{{2, 0.5 * petIn2, 1, 0}}},
		{"a term no document has", []QueryTerm{{Term: "unicorn", Weight: 1, Primary: true}}, nil},
		{"a group past MaxGroups scores without a bit", []QueryTerm{{Term: "dog", Weight: 1, Group: MaxGroups, Primary: true}},
			[]Hit{{1, dogIn1, 0, 0}}},
	}
	checkSearches(t, ix, nil, 0, tests)
}

// A search's memory goes back to the index: the next search must start
// from nothing.
// A searchCase is a query and the hits it must find.
type searchCase struct {
	name  string
	query []QueryTerm
	want  []Hit
}

// checkSearches runs each case's query with the given group weights.
func checkSearches(t *testing.T, ix *Index, weights []float64, minWeight float64, tests []searchCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := ix.Search(tt.query, weights, minWeight)
			defer found.Release()
			if got := hits(found); !sameHits(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSearchReleased(t *testing.T) {
	ix := build(defaults, tiny)
	first := ix.Search([]QueryTerm{{Term: "cat", Weight: 1}}, nil, 0)
	first.Release()
	found := ix.Search([]QueryTerm{{Term: "dog", Weight: 1}}, nil, 0)
	defer found.Release()
	want := []Hit{{1, dogIn1, 1, 0}}
	if got := hits(found); !sameHits(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got := found.At(0); got != (Hit{Doc: 0}) {
		t.Errorf("document 0: got %v, want no score", got)
	}
}

// The same term said once in a short and in a long document: the short
// one scores higher, by how much b says. Two documents of lengths 1 and 3
// (average 2), both with x once: idf = ln(1 + 0.5/2.5) = ln 1.2 =
// 0.1823215567939546, and the score idf · 2.2/(1 + 1.2·(1 − b + b·len/2)).
func TestLengthNormalisation(t *testing.T) {
	docs := []testDoc{
		{1, []testCount{{"x", 1}}},
		{3, []testCount{{"x", 1}, {"y", 1}}},
	}
	tests := []struct {
		name        string
		b           float64
		short, long float64
	}{
		// 1 + 1.2·1 = 2.2 for both: idf · 1
		{"b 0: no normalisation", 0, 0.1823215567939546, 0.1823215567939546},
		// short: 1 + 1.2·0.625 = 1.75; long: 1 + 1.2·1.375 = 2.65
		{"b 0.75: the default", DefaultB, 0.2292042428266858, 0.15136129243271704},
		// short: 1 + 1.2·0.5 = 1.6; long: 1 + 1.2·1.5 = 2.8
		{"b 1: in proportion", 1, 0.2506921405916876, 0.14325265176667865},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := build(BM25{K1: DefaultK1, B: tt.b}, docs)
			found := ix.Search([]QueryTerm{{Term: "x", Weight: 1, Primary: true}}, nil, 0)
			defer found.Release()
			want := []Hit{{0, tt.short, 1, 1}, {1, tt.long, 1, 1}}
			if got := hits(found); !sameHits(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

func TestTermNumbering(t *testing.T) {
	ix := New(defaults)
	for i, term := range []string{"cat", "dog", "cat", "bird", "dog"} {
		id := ix.TermID(term)
		if got := ix.Term(id); got != term {
			t.Errorf("term %d: numbered %d, which is %q, want %q", i, id, got, term)
		}
	}
	tests := []struct {
		name string
		term string
		id   int32
		ok   bool
	}{
		{"the first term met", "cat", 0, true},
		{"the second", "dog", 1, true},
		{"a third after a repeat", "bird", 2, true},
		{"a term never met", "unicorn", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if id, ok := ix.Lookup(tt.term); id != tt.id || ok != tt.ok {
				t.Errorf("got %d, %v, want %d, %v", id, ok, tt.id, tt.ok)
			}
		})
	}
}

// A worker's table hands the index the terms it numbered since the last
// article, in order.
func TestTermsSince(t *testing.T) {
	var terms Terms
	terms.ID("cat")
	n := terms.Len()
	for _, term := range []string{"dog", "cat", "bird"} {
		terms.ID(term)
	}
	if got, want := terms.Since(n), []string{"dog", "bird"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestEmptyIndex(t *testing.T) {
	ix := build(defaults, nil)
	if n := ix.Docs(); n != 0 {
		t.Errorf("got %d documents, want 0", n)
	}
	found := ix.Search([]QueryTerm{{Term: "cat", Weight: 1}}, nil, 0)
	defer found.Release()
	if got := hits(found); len(got) != 0 {
		t.Errorf("got %v, want nothing", got)
	}
	// ln(1 + 0.5/0.5): finite, not the NaN of 0/0.
	if got, want := ix.IDF("cat"), 0.6931471805599453; math.Abs(got-want) > floatTolerance {
		t.Errorf("IDF: got %v, want %v", got, want)
	}
	if ix.Common("cat") || ix.Has("cat", 0) {
		t.Error("an empty index has a term")
	}
}

// The index may number a term no document turns out to have (the engine
// numbers an article's terms before it knows which sentences it indexes).
func TestTermInNoDocument(t *testing.T) {
	ix := New(defaults)
	ghost := ix.TermID("ghost")
	for _, d := range tiny {
		ix.AddDoc(d.length)
		for _, c := range d.terms {
			ix.Add(ix.TermID(c.term), c.count)
		}
	}
	ix.Finish()
	if id, ok := ix.Lookup("ghost"); !ok || id != ghost {
		t.Errorf("Lookup: got %d, %v, want %d, true", id, ok, ghost)
	}
	if df := ix.DocFreq("ghost"); df != 0 {
		t.Errorf("DocFreq: got %d, want 0", df)
	}
	// ln(1 + 3.5/0.5) = ln 8, above any term the documents have.
	if got, want := ix.IDF("ghost"), 2.0794415416798357; math.Abs(got-want) > floatTolerance {
		t.Errorf("IDF: got %v, want %v", got, want)
	}
	found := ix.Search([]QueryTerm{{Term: "ghost", Weight: 1}}, nil, 0)
	defer found.Release()
	if got := hits(found); len(got) != 0 {
		t.Errorf("Search: got %v, want nothing", got)
	}
}

func TestHas(t *testing.T) {
	ix := build(defaults, tiny)
	tests := []struct {
		name string
		term string
		doc  int32
		want bool
	}{
		{"first document", "cat", 0, true},
		{"last of its postings", "cat", 1, true},
		{"past its postings", "cat", 2, false},
		{"before its postings", "bird", 0, false},
		{"a term never met", "unicorn", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ix.Has(tt.term, tt.doc); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCommon(t *testing.T) {
	tests := []struct {
		name      string
		docs, has int
		want      bool
	}{
		{"more than one in twenty", 1000, 51, true},
		{"one in twenty", 1020, 51, false},
		{"frequent but in few", 100, 50, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := make([]testDoc, tt.docs)
			for i := range docs {
				docs[i] = testDoc{length: 1}
				if i < tt.has {
					docs[i].terms = []testCount{{"x", 1}}
				}
			}
			if got := build(defaults, docs).Common("x"); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
