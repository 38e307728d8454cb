package index

import (
	"fmt"
	"slices"
	"sort"
	"sync"
)

// A posting is one document's weighted count of a term. A word of the
// document counts 1 each time it is said; a word that only stands for
// something the document says (the full name behind "the US president",
// the country behind "Ukrainian") counts less. Finish replaces the count
// by the term's BM25 score in the document, so that a search only adds.
type posting struct {
	doc int32
	tf  float32 // the weighted count; after Finish, the BM25 score
}

// An Index is an inverted index of documents scored with BM25. Build it
// with New, TermID, AddDoc and Add, then call Finish before searching.
type Index struct {
	bm25     BM25
	terms    Terms
	postings [][]posting // by term number, in document order
	docLen   []float32   // by document: its words (its own, not what they stand for)
	parts    []int32     // by part: its first document (see StartPart)
	scratch  sync.Pool   // of *accumulator sized to the documents
}

// New returns an empty index that scores with bm25.
func New(bm25 BM25) *Index {
	return &Index{bm25: bm25}
}

// Reserve makes room for docs documents, for an engine that knows how
// many it will add.
func (ix *Index) Reserve(docs int) { ix.docLen = slices.Grow(ix.docLen, docs) }

// TermID returns the index's number for a term, numbering it if new.
func (ix *Index) TermID(term string) int32 {
	id := ix.terms.ID(term)
	if int(id) == len(ix.postings) {
		ix.postings = append(ix.postings, nil)
	}
	return id
}

// Lookup returns the index's number for a term, if it has numbered it.
// A term may be numbered and yet in no document.
func (ix *Index) Lookup(term string) (int32, bool) { return ix.terms.Lookup(term) }

// Term returns the term the index numbered id.
func (ix *Index) Term(id int32) string { return ix.terms.Term(id) }

// StartPart begins a part of the index: the documents added from now on,
// until the next StartPart, are one article of many. Each document's
// length counts against the average of its own part, and Part searches a
// part as if the index held it alone. An index given no parts is one.
func (ix *Index) StartPart() {
	ix.parts = append(ix.parts, int32(len(ix.docLen)))
}

// AddDoc begins a document of length words and returns its number, the
// count of documents before it; Add then gives it its terms.
func (ix *Index) AddDoc(length int) int32 {
	ix.docLen = append(ix.docLen, float32(length))
	return int32(len(ix.docLen) - 1)
}

// Add gives the document AddDoc last began a term (a number from TermID)
// with its weighted count: 1 each time the document says the word, less
// for a word it only stands for. Add each term once a document: the
// count is the document's total.
func (ix *Index) Add(term int32, count float32) {
	doc := int32(len(ix.docLen) - 1)
	ix.postings[term] = append(ix.postings[term], posting{doc, count})
}

// Finish turns every count into the term's BM25 score in its document and
// readies the index for searching. Call it once, after the last Add.
//
// A term's score is its IDF in the whole index, so that a search of the
// whole adds scores as they are; a search of one part rescales each
// term's scores by its IDF there (see Part.Search).
func (ix *Index) Finish() {
	if len(ix.parts) == 0 || ix.parts[0] != 0 {
		ix.parts = slices.Insert(ix.parts, 0, 0) // documents before any part are one
	}
	// avgLen[d] is the average length of document d's part.
	avgLen := make([]float64, len(ix.docLen))
	for i := range ix.parts {
		part := ix.Part(i)
		var total float64
		for _, l := range ix.docLen[part.first:part.end] {
			total += float64(l)
		}
		// An empty part, or one of empty documents, must not divide by zero.
		avg := max(total/float64(max(part.end-part.first, 1)), 1)
		for d := part.first; d < part.end; d++ {
			avgLen[d] = avg
		}
	}
	n := len(ix.docLen)
	ix.scratch.New = func() any { return &accumulator{hits: make([]slot, n)} }
	for _, ps := range ix.postings {
		termIDF := idf(n, len(ps))
		for i, p := range ps {
			ps[i].tf = float32(ix.bm25.Score(termIDF, float64(p.tf), float64(ix.docLen[p.doc]), avgLen[p.doc]))
		}
	}
}

// Parts returns how many parts the index has: one if StartPart was never
// called.
func (ix *Index) Parts() int { return max(len(ix.parts), 1) }

// Part returns part i of a finished index, in the order StartPart began
// them (documents added before the first StartPart are a part of their
// own, the first). It panics if there is no part i.
func (ix *Index) Part(i int) Part {
	if i < 0 || i >= ix.Parts() {
		panic(fmt.Sprintf("index: part %d of %d", i, ix.Parts()))
	}
	p := Part{ix: ix, first: 0, end: int32(len(ix.docLen))}
	if i < len(ix.parts) {
		p.first = ix.parts[i]
	}
	if i+1 < len(ix.parts) {
		p.end = ix.parts[i+1]
	}
	return p
}

// All returns the whole index as one part.
func (ix *Index) All() Part { return Part{ix: ix, first: 0, end: int32(len(ix.docLen))} }

// Docs returns how many documents the index has.
func (ix *Index) Docs() int { return len(ix.docLen) }

// DocLen returns the length document doc was added with.
func (ix *Index) DocLen(doc int32) float32 { return ix.docLen[doc] }

// DocFreq returns how many documents have a term.
func (ix *Index) DocFreq(term string) int { return ix.All().DocFreq(term) }

// IDF returns BM25's inverse document frequency of a term; a term no
// document has gets the highest value.
func (ix *Index) IDF(term string) float64 { return ix.All().IDF(term) }

// What makes a term common (see Common).
const (
	commonMinDocs = 50 // in more documents than this
	commonShare   = 20 // and in more than one document in this many
)

// Common reports whether a term is in more than one document in twenty
// (and more than fifty): a word that frequent needs no synonyms to be
// found, and searching for them costs more than they add.
func (ix *Index) Common(term string) bool {
	df := ix.DocFreq(term)
	return df > commonMinDocs && df*commonShare > len(ix.docLen)
}

// Has reports whether document doc has term.
func (ix *Index) Has(term string, doc int32) bool {
	id, ok := ix.terms.Lookup(term)
	if !ok {
		return false
	}
	_, ok = find(ix.postings[id], doc)
	return ok
}

// find returns the posting of document doc in ps, if it has one.
func find(ps []posting, doc int32) (posting, bool) {
	i := sort.Search(len(ps), func(i int) bool { return ps[i].doc >= doc })
	if i < len(ps) && ps[i].doc == doc {
		return ps[i], true
	}
	return posting{}, false
}
