package qa

import (
	"path/filepath"
	"slices"
	"testing"
)

// TestPermute checks that permute puts each element where the order says,
// whatever the cycles of the order.
func TestPermute(t *testing.T) {
	for _, order := range [][]int{{}, {0}, {1, 0}, {2, 0, 1}, {0, 2, 1, 3}, {3, 2, 1, 0}, {4, 0, 3, 1, 2}} {
		s := make([]string, len(order))
		want := make([]string, len(order))
		for i := range s {
			s[i] = string(rune('a' + i))
		}
		for i, k := range order {
			want[i] = s[k]
		}
		permute(s, slices.Clone(order))
		if !slices.Equal(s, want) {
			t.Errorf("permute by %v = %v, want %v", order, s, want)
		}
	}
}

// TestReadOnce checks that a sentence read in all the articles, to route a
// question, is described in its own article as if read again there: the
// features readFeatures copies are all of those readCandidate works out,
// and the same in both searches.
func TestReadOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("ranks every question of the 17 news articles twice")
	}
	e := New(newsArticles(t), DefaultOptions())
	var compared int
	for _, name := range newsSets {
		var golds []goldQA
		readJSONL(t, filepath.Join("testdata/eval", name, "qa.jsonl"), &golds)
		for _, g := range golds {
			q, err := e.ParseQuestion(g.Q)
			if err != nil || len(q.terms) == 0 {
				continue
			}
			routed, _, _ := e.rankIn(q, e.ix.All(), nil)
			if len(routed) == 0 {
				continue
			}
			part := e.ix.Part(int(e.sents[routed[0].Doc].art))
			copied, _, _ := e.rankIn(q, part, routed)
			read, _, _ := e.rankIn(q, part, nil)
			for i := range read {
				if read[i].Doc != copied[i].Doc || read[i].features != copied[i].features {
					t.Fatalf("%s: %q: candidate %d read again %v, copied %v", name, g.Q, i, read[i].features, copied[i].features)
				}
				compared++
			}
		}
	}
	t.Logf("%d candidates compared", compared)
}
