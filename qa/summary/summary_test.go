package summary_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/qa/summary"
)

// sentence is a made-up sentence: its terms as the engine would give them
// (stop words left out, each once), separated by spaces.
type sentence struct {
	terms     string
	paragraph int
	position  int
	quotation int
}

func sentences(ss []sentence) []summary.Sentence {
	out := make([]summary.Sentence, len(ss))
	for i, s := range ss {
		out[i] = summary.Sentence{Terms: strings.Fields(s.terms), Paragraph: s.paragraph, Position: s.position, Quotation: s.quotation}
	}
	return out
}

// single lists passages of one sentence each.
func single(idx ...int) []summary.Passage {
	out := make([]summary.Passage, len(idx))
	for k, i := range idx {
		out[k] = summary.Passage{First: i, Last: i}
	}
	return out
}

const none = summary.NoQuotation

// storm is a made-up article of five sentences, one a paragraph, the
// headline left out.
var storm = []sentence{
	{"storm floods harbour town", 1, 1, none},            // Storm floods the harbour town.
	{"mayor orders harbour town evacuation", 2, 2, none}, // The mayor orders the harbour town's evacuation.
	{"storm expected pass friday", 3, 3, none},           // The storm is expected to pass by Friday.
	{"mayor says evacuation saves lives", 4, 4, 0},       // "The evacuation saves lives," the mayor says.
	{"friday market cancelled", 5, 5, none},              // Friday's market is cancelled.
}

func TestArticle(t *testing.T) {
	tests := []struct {
		name  string
		sents []sentence
		n     int
		want  []summary.Passage
	}{
		// The first sentence covers three words others repeat, and comes
		// first; the second adds the mayor and the evacuation; the third
		// Friday, where the quotation adds nothing new.
		{"one", storm, 1, single(0)},
		{"two", storm, 2, single(0, 1)},
		{"three", storm, 3, single(0, 1, 2)},
		{"all", storm, 5, single(0, 1, 2, 3, 4)},
		{"more than there are", storm, 9, single(0, 1, 2, 3, 4)},
		{"only a headline", nil, 3, nil},
		{"one sentence", storm[:1], 3, single(0)},
		// The second sentence repeats the first: the third, which adds
		// "d", goes in its place.
		{"repeats skipped", []sentence{
			{"a b c", 1, 1, none},
			{"a b c", 2, 2, none},
			{"a d", 3, 3, none},
			{"d e", 4, 4, none},
		}, 2, single(0, 2)},
		// The same words reported and quoted: the report goes in, though
		// the quotation comes first.
		{"reports before quotes", []sentence{
			{"opening words", 1, 1, none},
			{"x y", 2, 2, 0},
			{"x y", 3, 3, none},
		}, 1, single(2)},
		// The same words further on: the first goes in.
		{"first before later", []sentence{
			{"opening words", 1, 1, none},
			{"x y", 2, 2, none},
			{"x y", 3, 3, none},
		}, 1, single(1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := summary.Article(sentences(tt.sents), tt.n)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// A speaker's sentences: a quotation of three sentences in paragraph 2,
// and a sentence that reports them in paragraph 5.
var minister = []sentence{
	{"tax cut jobs", 2, 3, 0},    // "The tax cut brings jobs.
	{"growth", 2, 4, 0},          // It brings growth.
	{"families", 2, 5, 0},        // And it helps families," the minister said.
	{"tax families", 5, 9, none}, // She said the tax would help families.
}

func TestStatements(t *testing.T) {
	tests := []struct {
		name  string
		sents []sentence
		n     int
		want  []summary.Passage
	}{
		// The report covers the same two shared words in fewer.
		{"one", minister, 1, []summary.Passage{{3, 3}}},
		{"quotation whole", minister, 2, []summary.Passage{{0, 2}, {3, 3}}},
		{"more than there are", minister, 9, []summary.Passage{{0, 2}, {3, 3}}},
		{"one quote", []sentence{{"peace talks", 4, 7, 2}}, 3, []summary.Passage{{0, 0}}},
		{"no statements", nil, 3, nil},
		{"quotation into the next paragraph", []sentence{
			{"a", 1, 1, 0},
			{"b", 1, 2, 0},
			{"c", 2, 3, 0},
		}, 3, []summary.Passage{{0, 1}, {2, 2}}},
		// Someone else is credited with the sentence between.
		{"quotation interrupted", []sentence{
			{"a", 1, 1, 0},
			{"b", 1, 3, 0},
		}, 3, single(0, 1)},
		{"reports next to each other", []sentence{
			{"a", 1, 1, none},
			{"b", 1, 2, none},
		}, 3, single(0, 1)},
		{"two quotations", []sentence{
			{"a", 1, 1, 0},
			{"b", 1, 2, 1},
		}, 3, single(0, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := summary.Statements(sentences(tt.sents), tt.n)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestLength(t *testing.T) {
	tests := []struct {
		name string
		pick func([]summary.Sentence, int) ([]summary.Passage, error)
		n    int
	}{
		{"article, none", summary.Article, 0},
		{"article, negative", summary.Article, -1},
		{"statements, none", summary.Statements, 0},
		{"statements, negative", summary.Statements, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.pick(sentences(storm), tt.n)
			if !errors.Is(err, summary.ErrLength) || got != nil {
				t.Errorf("got %v, %v, want nil, %v", got, err, summary.ErrLength)
			}
		})
	}
}

func ExampleArticle() {
	texts := []string{
		"Storm floods the harbour town.",
		"The mayor orders the harbour town's evacuation.",
		"The storm is expected to pass by Friday.",
		`"The evacuation saves lives," the mayor says.`,
		"Friday's market is cancelled.",
	}
	// The engine gives each sentence's stemmed words, stop words left out.
	sents := []summary.Sentence{
		{Terms: []string{"storm", "flood", "harbour", "town"}, Paragraph: 1, Position: 1, Quotation: summary.NoQuotation},
		{Terms: []string{"mayor", "order", "harbour", "town", "evacu"}, Paragraph: 2, Position: 2, Quotation: summary.NoQuotation},
		{Terms: []string{"storm", "expect", "pass", "friday"}, Paragraph: 3, Position: 3, Quotation: summary.NoQuotation},
		{Terms: []string{"evacu", "save", "live", "mayor", "say"}, Paragraph: 4, Position: 4, Quotation: 0},
		{Terms: []string{"friday", "market", "cancel"}, Paragraph: 5, Position: 5, Quotation: summary.NoQuotation},
	}
	picked, _ := summary.Article(sents, 2)
	for _, p := range picked {
		fmt.Println(texts[p.First])
	}
	// Output:
	// Storm floods the harbour town.
	// The mayor orders the harbour town's evacuation.
}

func ExampleStatements() {
	texts := []string{
		`"The tax cut brings jobs.`,
		`It brings growth.`,
		`And it helps families," the minister said.`,
		`She said the tax would help families.`,
	}
	// A quotation of three sentences in paragraph 2, and a report in
	// paragraph 5.
	sents := []summary.Sentence{
		{Terms: []string{"tax", "cut", "bring", "job"}, Paragraph: 2, Position: 3, Quotation: 0},
		{Terms: []string{"bring", "growth"}, Paragraph: 2, Position: 4, Quotation: 0},
		{Terms: []string{"help", "famili", "minist", "said"}, Paragraph: 2, Position: 5, Quotation: 0},
		{Terms: []string{"said", "tax", "help", "famili"}, Paragraph: 5, Position: 9, Quotation: summary.NoQuotation},
	}
	picked, _ := summary.Statements(sents, 2)
	for _, p := range picked {
		fmt.Println(strings.Join(texts[p.First:p.Last+1], " "))
	}
	// Output:
	// "The tax cut brings jobs. It brings growth. And it helps families," the minister said.
	// She said the tax would help families.
}
