package index

import "sort"

// A Part is a run of an index's documents searched as if the index held
// them alone: one article of many, asked about on its own. Its document
// frequencies, and so its IDF, are counted over its own documents, and its
// documents' lengths were measured against its own average (see
// StartPart). Get one from Index.Part or Index.All.
type Part struct {
	ix         *Index
	first, end int32 // its documents: first up to, not including, end
}

// Docs returns how many documents the part has.
func (p Part) Docs() int { return int(p.end - p.first) }

// Contains reports whether document doc is in the part.
func (p Part) Contains(doc int32) bool { return doc >= p.first && doc < p.end }

// postings returns the postings of term id in the part's documents.
func (p Part) postings(id int32) []posting {
	ps := p.ix.postings[id]
	if p.first == 0 && int(p.end) == len(p.ix.docLen) {
		return ps
	}
	from := sort.Search(len(ps), func(i int) bool { return ps[i].doc >= p.first })
	to := from + sort.Search(len(ps)-from, func(i int) bool { return ps[from+i].doc >= p.end })
	return ps[from:to]
}

// Lookup returns the index's number for a term, if a document of the part
// has it.
func (p Part) Lookup(term string) (int32, bool) {
	id, ok := p.ix.terms.Lookup(term)
	if !ok || len(p.postings(id)) == 0 {
		return 0, false
	}
	return id, true
}

// DocFreq returns how many of the part's documents have a term.
func (p Part) DocFreq(term string) int {
	if id, ok := p.ix.terms.Lookup(term); ok {
		return len(p.postings(id))
	}
	return 0
}

// IDF returns BM25's inverse document frequency of a term in the part; a
// term none of its documents has gets the highest value.
func (p Part) IDF(term string) float64 { return idf(p.Docs(), p.DocFreq(term)) }

// rescale returns what a term's scores, computed with its IDF in the whole
// index, are multiplied by to be its scores in the part: 1 for the whole.
func (p Part) rescale(id int32, inPart []posting) float64 {
	all := len(p.ix.postings[id])
	if len(inPart) == all && p.Docs() == len(p.ix.docLen) {
		return 1
	}
	return idf(p.Docs(), len(inPart)) / idf(len(p.ix.docLen), all)
}
