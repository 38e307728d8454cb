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

// Two articles, each a part: "cat" is in every document of the first, so
// it tells its documents apart less there than in the whole index.
func ExamplePart() {
	ix := index.New(index.BM25{K1: index.DefaultK1, B: index.DefaultB})
	for _, article := range [][]string{{"cat", "cat"}, {"dog", "bird", "fish"}} {
		ix.StartPart()
		for _, w := range article {
			ix.AddDoc(1)
			ix.Add(ix.TermID(w), 1)
		}
	}
	ix.Finish()
	first := ix.Part(0)
	fmt.Printf("cat: in %d of %d documents of the first article, IDF %.3f there, %.3f in all\n",
		first.DocFreq("cat"), first.Docs(), first.IDF("cat"), ix.IDF("cat"))
	found := first.Search([]index.QueryTerm{{Term: "cat", Weight: 1, Primary: true}}, nil, 0)
	defer found.Release()
	fmt.Printf("document 0 in the first article: score %.3f\n", found.At(0).Score)
	// Output:
	// cat: in 2 of 2 documents of the first article, IDF 0.182 there, 0.875 in all
	// document 0 in the first article: score 0.182
}
