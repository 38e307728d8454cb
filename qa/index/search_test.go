package index

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// longList is a corpus for light words: forty documents of two words,
// all with "the", the first five with "often", the eighth with "rare".
// Every document is of the average length, so a term's score in it is its
// IDF (idf · 2.2/(1 + 1.2·1)):
//
//	the, in 40:   ln(1 + 0.5/40.5)  = 0.012270092591814401
//	often, in 5:  ln(1 + 35.5/5.5)  = 2.0088239744658827
//	rare, in 1:   ln(1 + 39.5/1.5)  = 3.3081069585961433
func longList() []testDoc {
	docs := make([]testDoc, 40)
	for i := range docs {
		docs[i] = testDoc{length: 2, terms: []testCount{{"the", 1}}}
		switch {
		case i < 5:
			docs[i].terms = append(docs[i].terms, testCount{"often", 1})
		case i == 7:
			docs[i].terms = append(docs[i].terms, testCount{"rare", 1})
		}
	}
	return docs
}

const (
	theIn   = 0.012270092591814401
	oftenIn = 2.0088239744658827
	rareIn  = 3.3081069585961433
)

// A light word (one that cannot make a document confident on its own)
// adds to the documents heavier words found and finds none itself, whether
// the search reads its postings or looks the documents up in them.
func TestLightWords(t *testing.T) {
	ix := build(defaults, longList())
	the := QueryTerm{Term: "the", Weight: 1, Group: 1, Primary: true}
	// Group 1 weighs 0.01 of the 1 a document must match: light.
	weights, minWeight := []float64{3, 0.01}, 1.0
	tests := []searchCase{
		{"few found: looked up", []QueryTerm{{Term: "rare", Weight: 1, Primary: true}, the},
			[]Hit{{7, rareIn + theIn, 0b11, 0b11}}},
		{"many found: read through", []QueryTerm{{Term: "often", Weight: 1, Primary: true}, the},
			[]Hit{{0, oftenIn + theIn, 0b11, 0b11}, {1, oftenIn + theIn, 0b11, 0b11}, {2, oftenIn + theIn, 0b11, 0b11},
				{3, oftenIn + theIn, 0b11, 0b11}, {4, oftenIn + theIn, 0b11, 0b11}}},
		{"the light word first", []QueryTerm{the, {Term: "rare", Weight: 1, Primary: true}},
			[]Hit{{7, rareIn + theIn, 0b11, 0b11}}},
		{"a light word alone finds nothing", []QueryTerm{the}, nil},
	}
	checkSearches(t, ix, weights, minWeight, tests)
}

// A term of weight 0 adds nothing, so it matches nothing: it neither finds
// a document nor marks its question word matched. (It once marked the
// document found with its score still zero, and the next term to add to
// the document marked it again, so that the search listed it twice.) A
// posting counted 0 finds nothing either.
func TestZeroWeightTerm(t *testing.T) {
	// tiny, with a word of document 0 counted 0; cat and the rest score as
	// in tiny, as it is in one document of three.
	docs := slices.Clone(tiny)
	docs[0].terms = append(slices.Clone(docs[0].terms), testCount{"unsaid", 0})
	ix := build(defaults, docs)
	tests := []searchCase{
		{"before a term that scores", []QueryTerm{{Term: "pet", Weight: 0, Primary: true}, {Term: "bird", Weight: 1, Group: 1, Primary: true}},
			[]Hit{{2, birdIn2, 0b10, 0b10}}},
		{"after a term that scores", []QueryTerm{{Term: "bird", Weight: 1, Group: 1, Primary: true}, {Term: "pet", Weight: 0, Primary: true}},
			[]Hit{{2, birdIn2, 0b10, 0b10}}},
		{"alone", []QueryTerm{{Term: "pet", Weight: 0, Primary: true}}, nil},
		{"a posting counted 0", []QueryTerm{{Term: "unsaid", Weight: 1, Primary: true}}, nil},
		{"a posting counted 0, then one that scores", []QueryTerm{{Term: "unsaid", Weight: 1, Primary: true}, {Term: "cat", Weight: 1, Group: 1, Primary: true}},
			[]Hit{{0, catIn0, 0b10, 0b10}, {1, catIn1, 0b10, 0b10}}},
	}
	checkSearches(t, ix, nil, 0, tests)
}

// Shape of the benchmark's corpus: sentence-sized documents over a
// vocabulary whose words are used as unevenly as a language's (Zipf).
const (
	benchDocs       = 50000
	benchVocabulary = 20000
	benchMinLength  = 5
	benchMaxLength  = 30
	benchQueries    = 256
	benchQueryLen   = 5
	benchZipfS      = 1.1  // the exponent of the words' frequencies
	benchShare      = 0.15 // of a query's weight a document must match, as the engine asks
)

// BenchmarkSearch searches a corpus of news-sized sentences with queries
// of a question's size, the light words among them as the engine marks
// them.
func BenchmarkSearch(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	zipf := rand.NewZipf(rng, benchZipfS, 1, benchVocabulary-1)
	word := func() string { return "w" + strconv.FormatUint(zipf.Uint64(), 10) }
	ix := New(defaults)
	seen := make(map[int32]int)
	for range benchDocs {
		n := benchMinLength + rng.IntN(benchMaxLength-benchMinLength)
		ix.AddDoc(n)
		clear(seen)
		var order []int32
		for range n {
			id := ix.TermID(word())
			if seen[id] == 0 {
				order = append(order, id)
			}
			seen[id]++
		}
		for _, id := range order {
			ix.Add(id, float32(seen[id]))
		}
	}
	ix.Finish()
	type query struct {
		terms     []QueryTerm
		weights   []float64
		minWeight float64
	}
	queries := make([]query, benchQueries)
	for i := range queries {
		q := &queries[i]
		var total float64
		for g := range benchQueryLen {
			term := word()
			q.terms = append(q.terms, QueryTerm{Term: term, Weight: 1, Group: g, Primary: true})
			q.weights = append(q.weights, ix.IDF(term))
			total += ix.IDF(term)
		}
		q.minWeight = benchShare * total
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		q := &queries[i%len(queries)]
		ix.Search(q.terms, q.weights, q.minWeight).Release()
		i++
	}
}
