package index

// Terms numbers terms from 0 in the order it meets them. The index numbers
// its terms with one, and the engine's analysis workers each with theirs,
// so that a sentence's terms are small numbers to compare and the index
// looks each term up once a worker, not once a sentence. The zero value
// is an empty table.
type Terms struct {
	ids   map[string]int32
	terms []string // by number
}

// ID returns the number of a term, numbering it if new.
func (t *Terms) ID(term string) int32 {
	id, ok := t.ids[term]
	if !ok {
		if t.ids == nil {
			t.ids = make(map[string]int32)
		}
		id = int32(len(t.terms))
		t.ids[term] = id
		t.terms = append(t.terms, term)
	}
	return id
}

// Lookup returns the number of a term, if it has one.
func (t *Terms) Lookup(term string) (int32, bool) {
	id, ok := t.ids[term]
	return id, ok
}

// Term returns the term numbered id.
func (t *Terms) Term(id int32) string { return t.terms[id] }

// Len returns how many terms the table has numbered.
func (t *Terms) Len() int { return len(t.terms) }

// Since returns the terms numbered from n on, in order. The table appends
// past them, never into them, so another goroutine may read them.
func (t *Terms) Since(n int) []string { return t.terms[n:len(t.terms):len(t.terms)] }
