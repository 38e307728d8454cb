package index

import "math"

// BM25's parameters as the development sets were measured with them;
// Lucene's and bleve's too.
const (
	DefaultK1 = 1.2
	DefaultB  = 0.75
)

// BM25 is the Okapi BM25 scoring function as bleve and Lucene compute it.
// Its parameters are fields, not package variables, so that two indexes
// in one process can differ.
type BM25 struct {
	// K1 is how soon repeating a term stops adding to its score: 0 counts
	// a term once however often it is said. DefaultK1 unless tuned.
	K1 float64

	// B is how much a document's length discounts its terms, from 0 (not
	// at all) to 1 (in proportion). DefaultB unless tuned.
	B float64
}

// Score is BM25's score of a term in a document: the term's inverse
// document frequency idf (see idf), its count tf in the document,
// the document's length and the average length of the documents,
//
//	idf · tf·(k1+1) / (tf + k1·(1 − b + b·length/avgLength))
//
// The order of the operations is part of the contract: the engine's
// answers are compared byte for byte, and reordering rounds differently.
func (p BM25) Score(idf, tf, length, avgLength float64) float64 {
	return idf * tf * (p.K1 + 1) / (tf + p.K1*(1-p.B+p.B*length/avgLength))
}

// idf is BM25's inverse document frequency of a term in df of n documents,
// log(1 + (n − df + 0.5)/(df + 0.5)): always positive, and highest for a
// term no document has, which is what makes "not in the article"
// measurable.
func idf(n, df int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}
