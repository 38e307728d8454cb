package index_test

import (
	"fmt"
	"slices"

	"github.com/articlebot/articlebot/qa/index"
)

func Example() {
	ix := index.New(index.BM25{K1: index.DefaultK1, B: index.DefaultB})
	for _, words := range [][]string{{"cat", "sat"}, {"cat", "cat", "dog"}, {"bird"}} {
		ix.AddDoc(len(words))
		// Each term once a document, with its count.
		counts := make(map[int32]float32)
		var terms []int32
		for _, w := range words {
			id := ix.TermID(w)
			if counts[id] == 0 {
				terms = append(terms, id)
			}
			counts[id]++
		}
		for _, id := range terms {
			ix.Add(id, counts[id])
		}
	}
	ix.Finish()

	// Two question words, each a group of its own.
	found := ix.Search([]index.QueryTerm{
		{Term: "cat", Weight: 1, Group: 0, Primary: true},
		{Term: "dog", Weight: 1, Group: 1, Primary: true},
	}, nil, 0)
	defer found.Release()
	var hits []index.Hit
	found.Each(func(h index.Hit) { hits = append(hits, h) })
	slices.SortFunc(hits, func(a, b index.Hit) int { return int(a.Doc - b.Doc) })
	for _, h := range hits {
		fmt.Printf("document %d: score %.3f, question words %02b\n", h.Doc, h.Score, h.Groups)
	}
	// Output:
	// document 0: score 0.470, question words 01
	// document 1: score 1.381, question words 11
}
