package qa

import (
	"math"
	"sort"
)

// BM25 parameters. They are fields of Options, not package variables, so
// two engines in one process can differ; these are the values the
// development sets were measured with.
const (
	DefaultK1 = 1.2
	DefaultB  = 0.75
)

// A posting is one sentence's weighted count of a term. A word of the
// sentence counts 1; a word that only stands for something the sentence
// says (the full name behind "the US president", the country behind
// "Ukrainian") counts less.
type posting struct {
	doc int32
	tf  float32
}

// index is an inverted index of sentences scored with BM25.
type index struct {
	k1, b    float64
	terms    map[string]int32 // term → id
	postings [][]posting      // id → postings in sentence order
	docLen   []float32        // words in each sentence (its own, not expansions)
	avgLen   float64
}

func newIndex(k1, b float64) *index {
	return &index{k1: k1, b: b, terms: make(map[string]int32)}
}

// add appends a sentence with its terms' weights and its length.
func (ix *index) add(terms map[string]float32, length int) int32 {
	doc := int32(len(ix.docLen))
	ix.docLen = append(ix.docLen, float32(length))
	for t, w := range terms {
		id, ok := ix.terms[t]
		if !ok {
			id = int32(len(ix.postings))
			ix.terms[t] = id
			ix.postings = append(ix.postings, nil)
		}
		ix.postings[id] = append(ix.postings[id], posting{doc, w})
	}
	return doc
}

func (ix *index) finish() {
	var total float64
	for _, l := range ix.docLen {
		total += float64(l)
	}
	ix.avgLen = max(total/float64(max(len(ix.docLen), 1)), 1)
}

// idf is BM25's inverse document frequency; a term no sentence has gets the
// highest value, which is what makes "not in the article" measurable.
func (ix *index) idf(term string) float64 {
	n := float64(len(ix.docLen))
	df := 0.0
	if id, ok := ix.terms[term]; ok {
		df = float64(len(ix.postings[id]))
	}
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}

// A qterm is a query term with its weight: the question's own words weigh 1,
// expansions less. Terms that stand for the same question word share a
// group; the word itself is its group's primary term.
type qterm struct {
	term    string
	weight  float64
	group   int
	primary bool
}

// A hit is a sentence's BM25 score and which question words it matched.
type hit struct {
	doc     int32
	score   float64
	groups  uint64 // bit g set when a term of group g matched (first 64 groups)
	primary uint64 // bit g set when group g's primary term matched
}

// search scores every sentence that matches at least one term, best first.
// The score of one term in one sentence is bleve's and Lucene's BM25:
// idf · tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen)).
func (ix *index) search(query []qterm, accept func(doc int32) bool) []hit {
	acc := make(map[int32]*hit)
	for _, q := range query {
		id, ok := ix.terms[q.term]
		if !ok {
			continue
		}
		idf := ix.idf(q.term)
		for _, p := range ix.postings[id] {
			if accept != nil && !accept(p.doc) {
				continue
			}
			tf := float64(p.tf)
			norm := ix.k1 * (1 - ix.b + ix.b*float64(ix.docLen[p.doc])/ix.avgLen)
			s := q.weight * idf * tf * (ix.k1 + 1) / (tf + norm)
			h := acc[p.doc]
			if h == nil {
				h = &hit{doc: p.doc}
				acc[p.doc] = h
			}
			h.score += s
			if q.group < 64 {
				h.groups |= 1 << q.group
				if q.primary {
					h.primary |= 1 << q.group
				}
			}
		}
	}
	hits := make([]hit, 0, len(acc))
	for _, h := range acc {
		hits = append(hits, *h)
	}
	sortHits(hits)
	return hits
}

// sortHits orders hits best first, earlier sentences first on a tie.
func sortHits(hits []hit) {
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].score != hits[j].score {
			return hits[i].score > hits[j].score
		}
		return hits[i].doc < hits[j].doc
	})
}
