package index

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// buildParts indexes each group of docs as a part of one index, and
// finishes it.
func buildParts(bm25 BM25, parts ...[]testDoc) *Index {
	ix := New(bm25)
	for _, docs := range parts {
		ix.StartPart()
		addDocs(ix, docs)
	}
	ix.Finish()
	return ix
}

// randomDocs returns n documents of a few words each, drawn from a small
// vocabulary so that terms repeat within and across documents.
func randomDocs(r *rand.Rand, n, words int) []testDoc {
	docs := make([]testDoc, n)
	for i := range docs {
		counts := make(map[string]float32)
		length := 1 + r.IntN(8)
		for range length {
			counts["w"+strconv.Itoa(r.IntN(words))]++
		}
		docs[i].length = length
		for term, c := range counts {
			docs[i].terms = append(docs[i].terms, testCount{term, c})
		}
	}
	return docs
}

// TestPartSearchedAlone checks that a part of an index is searched as an
// index of its documents alone would be: the same documents found (less
// the documents before the part), the same scores and question words, the
// same document frequencies and IDF; and that the whole index searched as
// one part is the index.
func TestPartSearchedAlone(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	groups := [][]testDoc{randomDocs(r, 30, 12), randomDocs(r, 5, 12), randomDocs(r, 60, 20)}
	ix := buildParts(defaults, groups...)
	if ix.Parts() != len(groups) {
		t.Fatalf("Parts() = %d, want %d", ix.Parts(), len(groups))
	}
	var query []QueryTerm
	for g := range 8 {
		query = append(query, QueryTerm{Term: "w" + strconv.Itoa(g), Weight: 1 - 0.1*float64(g), Group: g, Primary: true})
	}
	query = append(query, QueryTerm{Term: "w15", Weight: 0.35, Group: 2})
	offset := int32(0)
	for i, docs := range groups {
		alone := build(defaults, docs)
		part := ix.Part(i)
		if part.Docs() != len(docs) {
			t.Errorf("part %d: %d documents, want %d", i, part.Docs(), len(docs))
		}
		for _, q := range query {
			if got, want := part.DocFreq(q.Term), alone.DocFreq(q.Term); got != want {
				t.Errorf("part %d: DocFreq(%s) = %d, want %d", i, q.Term, got, want)
			}
			if got, want := part.IDF(q.Term), alone.IDF(q.Term); got != want {
				t.Errorf("part %d: IDF(%s) = %v, want %v", i, q.Term, got, want)
			}
			_, got := part.Lookup(q.Term)
			if want := alone.DocFreq(q.Term) > 0; got != want {
				t.Errorf("part %d: Lookup(%s) found %v, want %v", i, q.Term, got, want)
			}
		}
		weights := []float64{3, 2, 1, 1, 0.5, 0.2, 0.1, 0.1}
		for _, minWeight := range []float64{0, 1.5} {
			found := part.Search(query, weights, minWeight)
			got := hits(found)
			found.Release()
			want := hits(alone.Search(query, weights, minWeight))
			for k := range want {
				want[k].Doc += offset
			}
			if len(want) == 0 {
				t.Fatalf("part %d: the query finds nothing, so it tests nothing", i)
			}
			if !sameHits(got, want) {
				t.Errorf("part %d, least weight %v:\n got %v\nwant %v", i, minWeight, got, want)
			}
		}
		offset += int32(len(docs))
	}
	all := hits(ix.All().Search(query, nil, 0))
	if want := hits(ix.Search(query, nil, 0)); !sameHits(all, want) {
		t.Errorf("All().Search: got %v, want Search's %v", all, want)
	}
}

// TestNoParts checks that an index given no parts is one part of all its
// documents.
func TestNoParts(t *testing.T) {
	ix := build(defaults, tiny)
	if ix.Parts() != 1 || ix.Part(0).Docs() != len(tiny) {
		t.Errorf("Parts() = %d of %d documents, want 1 of %d", ix.Parts(), ix.Part(0).Docs(), len(tiny))
	}
	if got, want := ix.Part(0).IDF("cat"), ix.IDF("cat"); got != want {
		t.Errorf("IDF of the one part = %v, want the index's %v", got, want)
	}
}

// TestPartLightWords checks that a light word (see TestLightWords) adds to
// the documents of a part that heavier words found, as in an index of the
// part alone, when the search looks the documents up in its long postings.
func TestPartLightWords(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	ix := buildParts(defaults, randomDocs(r, 20, 6), longList())
	alone := build(defaults, longList())
	query := []QueryTerm{{Term: "rare", Weight: 1, Primary: true}, {Term: "the", Weight: 1, Group: 1, Primary: true}}
	weights := []float64{rareIn, theIn}
	found := ix.Part(1).Search(query, weights, rareIn/2) // "the" is light: it finds nothing alone
	got := hits(found)
	found.Release()
	want := hits(alone.Search(query, weights, rareIn/2))
	for k := range want {
		want[k].Doc += 20
	}
	if len(want) != 1 || !sameHits(got, want) {
		t.Errorf("got %v, want %v, one document", got, want)
	}
}
