package index

// An accumulator holds one search's running scores, one slot a document:
// adding to a slice is several times faster than to a map, and the
// index's pool keeps the slices between searches.
type accumulator struct {
	hits    []slot
	touched []int32 // the slots in use, each once, to list and clear them
}

// A slot is a document's running score, kept small: a search touches slots
// all over the slice, and the fewer cache lines they take the better.
type slot struct {
	score           float32
	groups, primary uint32 // as in Hit, for the first MaxGroups question words
}

// add adds a term's score to document doc's, with its group's bit.
//
// A slot is in use once its score is not zero, so a score of zero (a
// posting counted 0, as a word an option weighs 0 is) must not put it in
// use: the next term to add to the document would put it in use again, and
// the search would list the document twice. Such a term therefore finds no
// document; it still marks its word matched in one found. The check costs
// only the first touch of each slot, not every posting.
func (acc *accumulator) add(doc int32, score float64, gbit uint32, primary bool) {
	h := &acc.hits[doc]
	if h.score == 0 {
		if score == 0 {
			return
		}
		acc.touched = append(acc.touched, doc)
	}
	h.score += float32(score)
	h.groups |= gbit
	if primary {
		h.primary |= gbit
	}
}
