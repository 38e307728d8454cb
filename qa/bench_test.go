package qa

import (
	"os"
	"path/filepath"
	"testing"
)

// Benchmarks on the seed article. The SOTU corpus benchmarks at scale read
// $ARTICLEBOT_SOTU and skip without it.

func seedArticle(b *testing.B) (*Article, int64) {
	b.Helper()
	path := filepath.Join("testdata/eval/seed/article.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	f, _ := os.Open(path)
	defer f.Close()
	a, err := ParseArticle(path, f)
	if err != nil {
		b.Fatal(err)
	}
	return a, int64(len(data))
}

// BenchmarkNew builds the engine for the seed article: splitting, quotes,
// speakers and the index.
func BenchmarkNew(b *testing.B) {
	a, size := seedArticle(b)
	defaultLexicon() // loaded once per process, measured on its own below
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		New([]*Article{a}, DefaultOptions())
	}
}

// BenchmarkAsk answers the development questions of the seed article in turn.
func BenchmarkAsk(b *testing.B) {
	a, _ := seedArticle(b)
	e := New([]*Article{a}, DefaultOptions())
	questions := []string{
		"Who said Europe is the first line of defence?",
		"What did Trump say about a trilateral meeting?",
		"Where did the talks take place?",
		"How many deals did Trump settle this year?",
		"What is the capital of France?",
		"Did Russia attack Ukraine during the talks?",
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := e.Ask(questions[i%len(questions)], 3); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkLexicon parses the embedded gazetteer and verb tables: the cost
// every process pays once at start-up.
func BenchmarkLexicon(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseLexicon(); err != nil {
			b.Fatal(err)
		}
	}
}
