package qa

import (
	"errors"
	"slices"
	"testing"
)

// The summary's choices are tested in package summary; these test what
// the engine gives it and makes of its passages.

func TestSummary(t *testing.T) {
	e, a := harbourEngine(t)
	tests := []struct {
		name    string
		article *Article
		n       int
		want    []string
	}{
		{"two", a, 2, []string{
			`The Movement for Democratic Change (MDC) said the vote was "a victory for the town".`,
			`Mayor Helen Okafor said: "We have waited ten years for this wall."`,
		}},
		{"an article the engine does not have", &Article{Title: "Other"}, 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := e.Summary(tt.article, tt.n)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestSummaryHeadline summarises an article of only a headline, which the
// seeds format does not allow but an Article can be: the headline is never
// a summary.
func TestSummaryHeadline(t *testing.T) {
	a := &Article{Name: "headline.txt", Title: "Council approves new harbour wall"}
	e := New([]*Article{a}, DefaultOptions())
	got, err := e.Summary(a, 3)
	if err != nil || got != nil {
		t.Errorf("got %q, %v, want nil, nil", got, err)
	}
}

func TestSpeakerSummary(t *testing.T) {
	e, _ := harbourEngine(t)
	tests := []struct {
		name    string
		speaker string
		n       int
		want    []string
	}{
		{"one quote", "Ann Lee", 3, []string{`"Finally," said shopkeeper Ann Lee.`}},
		// A quotation of two sentences is one statement.
		{"a report and a quotation", "Tom Barrow", 3, []string{
			"Fisherman Tom Barrow said the wall came too late.",
			`"We lost three boats last winter. Nobody came to help," Barrow said.`,
		}},
		{"a statement of two", "Tom Barrow", 1, []string{"Fisherman Tom Barrow said the wall came too late."}},
		{"quotations in two paragraphs", "Helen Okafor", 3, []string{
			`Mayor Helen Okafor said: "We have waited ten years for this wall."`,
			`"It will protect every family on the sea front," Okafor added.`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := e.FindSpeaker(tt.speaker)
			if s == nil {
				t.Fatalf("no speaker %q", tt.speaker)
			}
			got, err := e.SpeakerSummary(s, nil, tt.n)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSummaryLength(t *testing.T) {
	e, a := harbourEngine(t)
	if got, err := e.Summary(a, 0); !errors.Is(err, ErrSummaryLength) || got != nil {
		t.Errorf("Summary(a, 0): got %q, %v, want nil, %v", got, err, ErrSummaryLength)
	}
	if got, err := e.SpeakerSummary(e.FindSpeaker("Ann Lee"), nil, 0); !errors.Is(err, ErrSummaryLength) || got != nil {
		t.Errorf("SpeakerSummary(s, nil, 0): got %q, %v, want nil, %v", got, err, ErrSummaryLength)
	}
}
