package qa

import (
	"strings"
	"testing"
)

func TestHighlight(t *testing.T) {
	tests := []struct {
		set, question, highlight string
	}{
		// Where a question is answered, the words that answer: each case
		// reads the sentence that holds its highlight, whichever the
		// ranking puts first.
		{"seed", "Who said that security in Ukraine depends on the United States?", "Volodymyr Zelenskyy"},
		{"seed", "Who is Maria Zakharova?", "Russia’s foreign ministry spokesperson"},
		{"seed", "Where did the talks take place?", "the White House"},
		{"seed", "Who came with Zelenskyy to Washington?", "the seven European leaders"},
		{"seed", "How many deals did Trump settle this year?", "six deals"},
		{"seed", "Where did Trump meet Putin?", "Alaska"},
		{"seed", "What did Trump say about Europe?", ""}, // a passage, not a fact
		{"kenya_annan_warning", "How long did Kofi Annan spend in Kenya?", "three-day"},
		{"kenya_annan_warning", "Who became prime minister under the power-sharing deal?", "Raila Odinga"},
		{"kenya_annan_warning", "How many Kenyan officials face possible US travel bans?", "fifteen senior Kenyan officials"},
		{"us_senate_bailout", "How much did the Virgin Islands rum industry get?", "$192 million"},
		{"us_senate_bailout", "When did the Senate pass H.R.1424 as the vehicle for the rescue package?", "10/1/2008"},
		{"us_senate_bailout", "When was H.R.1424 introduced?", "March 9, 2007"},
		{"us_senate_bailout", "How much were the added tax breaks and earmarks worth?", "$110 billion"},
	}
	engines := map[string]*Engine{}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			e := engines[tt.set]
			if e == nil {
				e = evalEngine(t, tt.set)
				engines[tt.set] = e
			}
			q, err := e.ParseQuestion(tt.question)
			if err != nil {
				t.Fatal(err)
			}
			cands, _, _ := e.Candidates(q)
			if len(cands) == 0 {
				t.Fatal("no candidates")
			}
			// The best candidate that holds the highlight (a speaker's for
			// "who said"), or the best.
			doc := int32(cands[0].Ref.Sentence)
			for _, c := range cands {
				if tt.highlight != "" && (c.Speaker == tt.highlight || !q.WhoSaid && strings.Contains(c.Text, tt.highlight)) {
					doc = int32(c.Ref.Sentence)
					break
				}
			}
			if got := e.highlight(q, doc); got != tt.highlight {
				t.Errorf("got %q, want %q (in %q)", got, tt.highlight, e.sentenceText(doc))
			}
		})
	}
}
