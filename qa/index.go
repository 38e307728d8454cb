package qa

import (
	"math"
	"slices"
	"sort"
	"sync"
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
// "Ukrainian") counts less. Once the index is complete, finish replaces
// the count by the term's BM25 score in the sentence, so that a search
// only adds.
type posting struct {
	doc int32
	tf  float32 // the weighted count; after finish, the BM25 score
}

// index is an inverted index of sentences scored with BM25.
type index struct {
	k1, b    float64
	terms    termTable   // term → id
	postings [][]posting // id → postings in sentence order
	docLen   []float32   // words in each sentence (its own, not expansions)
	avgLen   float64
	norm     []float64 // per sentence: BM25's k1·(1 − b + b·len/avglen)
	scratch  sync.Pool // of *accumulator sized to the index
}

func newIndex(k1, b float64) *index {
	return &index{k1: k1, b: b, terms: newTermTable()}
}

// termID returns the index's number for a term, numbering it if new.
func (ix *index) termID(term string) int32 {
	id := ix.terms.id(term)
	if int(id) == len(ix.postings) {
		ix.postings = append(ix.postings, nil)
	}
	return id
}

// A termTable numbers terms in the order it meets them. The index numbers
// its terms with one, and so does each analysis worker, so that a
// sentence's terms are small numbers to compare and the index looks each
// term up once a worker, not once a sentence.
type termTable struct {
	ids   map[string]int32
	terms []string // by number
}

func newTermTable() termTable { return termTable{ids: make(map[string]int32)} }

// lookup returns the number of a term, if it has one.
func (t *termTable) lookup(term string) (int32, bool) {
	id, ok := t.ids[term]
	return id, ok
}

// len returns how many terms the table has numbered.
func (t *termTable) len() int { return len(t.terms) }

// since returns the terms numbered from n on, in order. The table appends
// past them, never into them, so another goroutine may read them.
func (t *termTable) since(n int) []string { return t.terms[n:len(t.terms):len(t.terms)] }

// id returns the number of a term, numbering it if new.
func (t *termTable) id(term string) int32 {
	id, ok := t.ids[term]
	if !ok {
		id = int32(len(t.terms))
		t.ids[term] = id
		t.terms = append(t.terms, term)
	}
	return id
}

// add appends a sentence with its terms (each once), numbered as a worker
// numbered them, ids mapping those numbers to the index's; and its length.
func (ix *index) add(terms []termWeight, ids []int32, length int) int32 {
	doc := int32(len(ix.docLen))
	ix.docLen = append(ix.docLen, float32(length))
	for _, t := range terms {
		id := ids[t.term]
		ix.postings[id] = append(ix.postings[id], posting{doc, t.weight})
	}
	return doc
}

func (ix *index) finish() {
	var total float64
	for _, l := range ix.docLen {
		total += float64(l)
	}
	ix.avgLen = max(total/float64(max(len(ix.docLen), 1)), 1)
	ix.norm = make([]float64, len(ix.docLen))
	for i, l := range ix.docLen {
		ix.norm[i] = ix.k1 * (1 - ix.b + ix.b*float64(l)/ix.avgLen)
	}
	n := len(ix.docLen)
	ix.scratch.New = func() any { return &accumulator{hits: make([]slot, n)} }
	for _, ps := range ix.postings {
		idf := bm25IDF(n, len(ps))
		for i, p := range ps {
			tf := float64(p.tf)
			ps[i].tf = float32(idf * tf * (ix.k1 + 1) / (tf + ix.norm[p.doc]))
		}
	}
}

// idf is BM25's inverse document frequency; a term no sentence has gets the
// highest value, which is what makes "not in the article" measurable.
func (ix *index) idf(term string) float64 {
	df := 0
	if id, ok := ix.terms.lookup(term); ok {
		df = len(ix.postings[id])
	}
	return bm25IDF(len(ix.docLen), df)
}

// bm25IDF is BM25's IDF of a term in df of n sentences.
func bm25IDF(n, df int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
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

// maxGroups is how many question words a search tracks by bit: a search
// slot keeps them in a uint32, to stay small. A question's later words
// still score; their matches are not told apart.
const maxGroups = 32

// A hit is a sentence's BM25 score and which question words it matched.
type hit struct {
	doc     int32
	score   float64
	groups  uint64 // bit g set when a term of group g matched (first 32 groups)
	primary uint64 // bit g set when group g's primary term matched
}

// search scores the sentences that match the query well enough; the
// result holds them until released. The score of one term in one
// sentence is bleve's and Lucene's BM25,
// idf · tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen)), computed once by
// finish.
//
// weight[g] is what question word g counts towards confidence, and a
// sentence must match words worth at least minWeight: so the words too
// light to reach it on their own (the common ones, the framing ones) only
// add to sentences that heavier words found, and never make a sentence a
// candidate. That spares most of the long posting lists.
func (ix *index) search(query []qterm, weight []float64, minWeight float64) searchResult {
	acc := ix.scratch.Get().(*accumulator)
	light := lightGroups(weight, minWeight)
	for pass := 0; pass < 2; pass++ {
		for _, q := range query {
			isLight := q.group < len(light) && light[q.group]
			if isLight != (pass == 1) {
				continue
			}
			id, ok := ix.terms.lookup(q.term)
			if !ok {
				continue
			}
			var gbit uint32
			if q.group < maxGroups {
				gbit = 1 << q.group
			}
			ps := ix.postings[id]
			if isLight && len(acc.touched) < len(ps)/16 {
				// Few candidates, a long list: look each one up.
				for _, doc := range acc.touched {
					i := sort.Search(len(ps), func(i int) bool { return ps[i].doc >= doc })
					if i < len(ps) && ps[i].doc == doc {
						acc.add(doc, q.weight*float64(ps[i].tf), gbit, q.primary)
					}
				}
				continue
			}
			for _, p := range ps {
				if isLight && acc.hits[p.doc].score == 0 {
					continue // light words add to candidates, never make them
				}
				acc.add(p.doc, q.weight*float64(p.tf), gbit, q.primary)
			}
		}
	}
	return searchResult{ix, acc}
}

// A searchResult is one search's scores, by sentence. Release it when done:
// its memory serves the next search.
type searchResult struct {
	ix  *index
	acc *accumulator
}

// each hands every sentence the search found to visit, in no particular
// order.
func (r searchResult) each(visit func(hit)) {
	for _, doc := range r.acc.touched {
		visit(r.at(doc))
	}
}

// at returns sentence doc's hit; a zero score if the search did not find it.
func (r searchResult) at(doc int32) hit {
	sl := r.acc.hits[doc]
	return hit{doc: doc, score: float64(sl.score), groups: uint64(sl.groups), primary: uint64(sl.primary)}
}

// release clears the result and hands its memory back to the index.
func (r searchResult) release() {
	for _, doc := range r.acc.touched {
		r.acc.hits[doc] = slot{}
	}
	r.acc.touched = r.acc.touched[:0]
	r.ix.scratch.Put(r.acc)
}

// lightGroups marks the question words that, all together, weigh less than
// minWeight: no sentence that matches only them can be confident enough.
func lightGroups(weight []float64, minWeight float64) []bool {
	order := make([]int, len(weight))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return weight[order[i]] < weight[order[j]] })
	light := make([]bool, len(weight))
	sum := 0.0
	for _, g := range order {
		if sum+weight[g] >= minWeight || g >= maxGroups { // a light word must have a bit
			break
		}
		sum += weight[g]
		light[g] = true
	}
	return light
}

func (acc *accumulator) add(doc int32, score float64, gbit uint32, primary bool) {
	h := &acc.hits[doc]
	if h.score == 0 {
		acc.touched = append(acc.touched, doc)
	}
	h.score += float32(score)
	h.groups |= gbit
	if primary {
		h.primary |= gbit
	}
}

// An accumulator holds one search's running scores, one slot a sentence:
// adding to a slice is several times faster than to a map, and the pool
// keeps the slices between questions.
type accumulator struct {
	hits    []slot
	touched []int32 // the slots in use, to clear them after
}

// A slot is a sentence's running score, kept small: a search touches slots
// all over the slice, and the fewer cache lines they take the better.
type slot struct {
	score           float32
	groups, primary uint32 // as in hit, for the first 32 question words
}

// common reports whether a term is in more than one sentence in twenty:
// a word that frequent needs no synonyms to be found, and searching for
// them costs more than they add.
func (ix *index) common(term string) bool {
	id, ok := ix.terms.lookup(term)
	return ok && len(ix.postings[id]) > 50 && len(ix.postings[id])*20 > len(ix.docLen)
}

// has reports whether sentence doc has term.
func (ix *index) has(term string, doc int32) bool {
	id, ok := ix.terms.lookup(term)
	if !ok {
		return false
	}
	ps := ix.postings[id]
	i := sort.Search(len(ps), func(i int) bool { return ps[i].doc >= doc })
	return i < len(ps) && ps[i].doc == doc
}

// sortHits orders hits best first, earlier sentences first on a tie.
func sortHits(hits []hit) {
	slices.SortFunc(hits, func(a, b hit) int {
		switch {
		case better(a, b):
			return -1
		case better(b, a):
			return 1
		}
		return 0
	})
}
