package index

import "sort"

// A QueryTerm is a term of a query with its weight: a question's own words
// weigh 1, what they stand for less. Terms that stand for the same
// question word share a Group; the word itself is its group's Primary
// term.
type QueryTerm struct {
	Term    string  // as indexed: a stem, a logic word, "@" and a country
	Weight  float64 // what its BM25 score counts; a term of weight 0 matches nothing
	Group   int     // the question word it stands for, from 0
	Primary bool    // whether it is the question word itself
}

// MaxGroups is how many question words a search tells apart: a search
// slot keeps them as bits of a uint32, to stay small. A question's later
// words still score; their matches are not told apart.
const MaxGroups = 32

// A Hit is a document's score in a search and which question words it
// matched.
type Hit struct {
	Doc     int32
	Score   float64 // the sum of its terms' BM25 scores, each times its weight
	Groups  uint64  // bit g set when a term of group g matched (the first MaxGroups groups)
	Primary uint64  // bit g set when group g's primary term matched
}

// lookupShare is when a search for a light term looks up each document
// found so far in the term's postings rather than read them all: when the
// postings outnumber the documents found this many times over.
const lookupShare = 16

// Search scores the documents that match the query well enough; the
// Result holds them until released. A term's score in a document is its
// BM25 score (see BM25.Score) times its weight.
//
// groupWeight[g] is what question word g counts towards confidence, and a
// document must match words worth at least minWeight: so the words too
// light to reach it on their own (the common ones, the framing ones) only
// add to documents that heavier words found, and never make a document a
// hit. That spares most of the long posting lists. With no groupWeight
// and minWeight 0, every term finds documents.
func (ix *Index) Search(query []QueryTerm, groupWeight []float64, minWeight float64) Result {
	return ix.All().Search(query, groupWeight, minWeight)
}

// Search is Index.Search over the part's documents alone, each term's
// score its BM25 score in the part: as if the index held only the part.
func (p Part) Search(query []QueryTerm, groupWeight []float64, minWeight float64) Result {
	ix := p.ix
	acc := ix.scratch.Get().(*accumulator)
	light := lightGroups(groupWeight, minWeight)
	for pass := 0; pass < 2; pass++ {
		for _, q := range query {
			isLight := q.Group < len(light) && light[q.Group]
			if isLight != (pass == 1) || q.Weight == 0 {
				continue // a term of weight 0 adds nothing, so matches nothing
			}
			id, ok := ix.terms.Lookup(q.Term)
			if !ok {
				continue
			}
			var gbit uint32
			if q.Group < MaxGroups {
				gbit = 1 << q.Group
			}
			ps := p.postings(id)
			w := q.Weight * p.rescale(id, ps)
			if isLight && len(acc.touched) < len(ps)/lookupShare {
				// Few documents found, a long list: look each one up.
				for _, doc := range acc.touched {
					if pt, ok := find(ps, doc); ok {
						acc.add(doc, w*float64(pt.tf), gbit, q.Primary)
					}
				}
				continue
			}
			for _, pt := range ps {
				if isLight && acc.hits[pt.doc].score == 0 {
					continue // light words add to documents found, never find them
				}
				acc.add(pt.doc, w*float64(pt.tf), gbit, q.Primary)
			}
		}
	}
	return Result{ix, acc}
}

// A Result is one search's scores, by document. Release it when done:
// its memory serves the next search.
type Result struct {
	ix  *Index
	acc *accumulator
}

// Each hands every document the search found to visit, once each, in no
// particular order.
func (r Result) Each(visit func(Hit)) {
	for _, doc := range r.acc.touched {
		visit(r.At(doc))
	}
}

// At returns document doc's hit: a zero score if the search did not find
// it.
func (r Result) At(doc int32) Hit {
	sl := r.acc.hits[doc]
	return Hit{Doc: doc, Score: float64(sl.score), Groups: uint64(sl.groups), Primary: uint64(sl.primary)}
}

// Release clears the result and hands its memory back to the index.
func (r Result) Release() {
	for _, doc := range r.acc.touched {
		r.acc.hits[doc] = slot{}
	}
	r.acc.touched = r.acc.touched[:0]
	r.ix.scratch.Put(r.acc)
}

// lightGroups marks the question words that, all together, weigh less than
// minWeight: no document that matches only them can be confident enough.
func lightGroups(weight []float64, minWeight float64) []bool {
	order := make([]int, len(weight))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return weight[order[i]] < weight[order[j]] })
	light := make([]bool, len(weight))
	sum := 0.0
	for _, g := range order {
		if sum+weight[g] >= minWeight || g >= MaxGroups { // a light word must have a bit
			break
		}
		sum += weight[g]
		light[g] = true
	}
	return light
}
