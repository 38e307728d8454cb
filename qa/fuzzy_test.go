package qa

import (
	"slices"
	"strings"
	"testing"
)

// harbourArticle is a made-up article with two people of one surname
// (Helen and James Okafor), a first name that begins like another's
// surname (Barry, Barrow), and an organisation with a short name (MDC).
const harbourArticle = `Council approves new harbour wall
The Movement for Democratic Change (MDC) said the vote was "a victory for the town".
Mayor Helen Okafor said: "We have waited ten years for this wall."
"It will protect every family on the sea front," Okafor added.
Engineer James Okafor, the mayor's brother, said the work would start in May.
Fisherman Tom Barrow said the wall came too late. "We lost three boats last winter. Nobody came to help," Barrow said.
Councillor Barry Holt said he had voted against the plan.
"Finally," said shopkeeper Ann Lee.
The MDC added that it would watch the costs.
`

func harbourEngine(t *testing.T) (*Engine, *Article) {
	t.Helper()
	a, err := ParseArticle("harbour.txt", strings.NewReader(harbourArticle))
	if err != nil {
		t.Fatal(err)
	}
	return New([]*Article{a}, DefaultOptions()), a
}

func TestFindSpeakerTyped(t *testing.T) {
	e, _ := harbourEngine(t)
	tests := []struct{ name, typed, want string }{
		{"full name", "Helen Okafor", "Helen Okafor"},
		{"any case", "HELEN okafor", "Helen Okafor"},
		{"surname", "Barrow", "Tom Barrow"},
		{"first name", "Tom", "Tom Barrow"},
		{"possessive", "Okafor's", "Helen Okafor"},
		{"misspelt surname", "Barow", "Tom Barrow"},
		{"misspelt first name", "Hellen", "Helen Okafor"},
		{"misspelt in a full name", "Jmes Okafor", "James Okafor"},
		// One letter from both Barrow and Barry: neither is read.
		{"misspelt, as near two names", "Barro", ""},
		// Two Okafors: the surname alone is the more quoted; the first
		// name tells them apart.
		{"surname of two, the more quoted", "Okafor", "Helen Okafor"},
		{"surname of two, by first name", "James Okafor", "James Okafor"},
		{"organisation, a word of its name", "Movement", "Movement for Democratic Change"},
		{"organisation, its full name", "Movement for Democratic Change", "Movement for Democratic Change"},
		{"organisation, its short name", "MDC", "Movement for Democratic Change"},
		{"organisation, its short name in lower case", "mdc", "Movement for Democratic Change"},
		{"a role is not a name", "mayor", ""},
		{"too far from any name", "Barrowman", ""},
		{"nothing near", "Zzzz", ""},
		{"nothing typed", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if s := e.FindSpeaker(tt.typed); s != nil {
				got = s.Name
			}
			if got != tt.want {
				t.Errorf("FindSpeaker(%q): got %q, want %q", tt.typed, got, tt.want)
			}
		})
	}
}

func TestMatchSpeakers(t *testing.T) {
	e, _ := harbourEngine(t)
	tests := []struct {
		name  string
		typed string
		n     int
		want  []string
	}{
		// Most quoted first (a quotation of two sentences is one), then most statements.
		{"nothing typed", "", 10, []string{"Helen Okafor", "Tom Barrow", "Movement for Democratic Change", "Ann Lee", "James Okafor", "Barry Holt"}},
		{"nothing typed, at most n", "", 2, []string{"Helen Okafor", "Tom Barrow"}},
		{"start of a name", "hel", 10, []string{"Helen Okafor"}},
		{"full name", " Helen Okafor ", 10, []string{"Helen Okafor"}},
		{"start of a surname", "hol", 10, []string{"Barry Holt"}},
		{"surname of two, the more quoted first", "okafor", 10, []string{"Helen Okafor", "James Okafor"}},
		{"surname of two, at most n", "okafor", 1, []string{"Helen Okafor"}},
		// Tom Barrow is quoted more, but Barry's name starts with it.
		{"start of a name before start of a surname", "barr", 10, []string{"Barry Holt", "Tom Barrow"}},
		{"misspelt surname", "barow", 10, []string{"Tom Barrow"}},
		{"misspelt, two people", "okafr", 10, []string{"Helen Okafor", "James Okafor"}},
		{"misspelt first name", "jmes", 10, []string{"James Okafor"}},
		{"organisation, a word of its name", "democ", 10, []string{"Movement for Democratic Change"}},
		{"organisation, its short name", "mdc", 10, []string{"Movement for Democratic Change"}},
		{"organisation, the start of its short name", "md", 10, []string{"Movement for Democratic Change"}},
		{"nothing near", "zzzz", 10, nil},
		{"n of none", "okafor", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range e.MatchSpeakers(tt.typed, tt.n, nil) {
				got = append(got, s.Name)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("MatchSpeakers(%q, %d): got %q, want %q", tt.typed, tt.n, got, tt.want)
			}
		})
	}
}

// TestQuestionNamesCorrected checks that a question's word the article
// does not use is read as the name it is a typo of, in any case, unless
// it is an English word written in lower case: "halt" is no typo of Holt.
func TestQuestionNamesCorrected(t *testing.T) {
	e, _ := harbourEngine(t)
	tests := []struct{ question, want string }{
		{"What did Barow say about the wall?", "Tom Barrow"},
		{"What did barow say about the wall?", "Tom Barrow"},
		{"What did Barry Hlt say about the plan?", "Barry Holt"},
		{"Did the council halt the plan?", ""},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			q, err := e.ParseQuestion(tt.question)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if len(q.People) > 0 {
				got = q.People[0].Name
			}
			if got != tt.want {
				t.Errorf("%q names %q, want %q", tt.question, got, tt.want)
			}
		})
	}
}
