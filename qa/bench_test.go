package qa

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/articlebot/articlebot/qa/text"
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
	text.DefaultLexicon() // loaded once per process, measured on its own below
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

// The State of the Union corpus (233 addresses, 10.7 MB) measures the
// engine at scale. It is not in the repository: point $ARTICLEBOT_SOTU at
// the folder (../shared/corpora/sotu) to run these; its questions are read
// from sotu-questions.txt beside it.

func sotu(b *testing.B) ([]*Article, int64) {
	b.Helper()
	dir := os.Getenv("ARTICLEBOT_SOTU")
	if dir == "" {
		b.Skip("set ARTICLEBOT_SOTU to the State of the Union corpus folder")
	}
	arts, err := LoadDir(os.DirFS(dir), ".", dir)
	if err != nil {
		b.Fatal(err)
	}
	// ARTICLEBOT_SOTU_SCALE=k repeats the corpus k times, to see how the
	// engine grows with it.
	if k, _ := strconv.Atoi(os.Getenv("ARTICLEBOT_SOTU_SCALE")); k > 1 {
		one := arts
		for range k - 1 {
			arts = append(arts, one...)
		}
	}
	var size int64
	for _, a := range arts {
		size += int64(len(a.Title))
		for _, p := range a.Paragraphs {
			size += int64(len(p.Text))
		}
	}
	return arts, size
}

func BenchmarkSOTUNew(b *testing.B) {
	arts, size := sotu(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		New(arts, DefaultOptions())
	}
}

// BenchmarkSOTUAsk asks the 2,000 generated questions in turn and reports
// the median and 99th percentile latency besides the mean.
func BenchmarkSOTUAsk(b *testing.B) {
	arts, _ := sotu(b)
	e := New(arts, DefaultOptions())
	data, err := os.ReadFile(filepath.Join(filepath.Dir(filepath.Clean(os.Getenv("ARTICLEBOT_SOTU"))), "sotu-questions.txt"))
	if err != nil {
		b.Fatal(err)
	}
	questions := strings.Split(strings.TrimSpace(string(data)), "\n")
	var took []time.Duration
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		start := time.Now()
		if _, err := e.Ask(questions[i%len(questions)], 3); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
		i++
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds()), "p99-µs")
}
