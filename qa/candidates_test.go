package qa

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/qa/rank"
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

// TestNamedSilent checks the decliner's evidence that an article never
// quotes the person whose words a question asks for: on for one named by
// name who says nothing, and off for one who speaks, for someone named
// only as another's ("Hale's lawyer") or by a role that a name qualifies
// ("the Acme analyst"), and for a question that asks for no words.
func TestNamedSilent(t *testing.T) {
	const article = `Harbour wall opens
Mayor Ann Lee opened the new harbour wall on Friday. "It will keep the town dry," Lee said.
Engineer Tom Hale designed the wall, which cost four million pounds.
Hale's lawyer said the firm had been paid in full.
An Acme analyst said the cost was fair.
`
	a, err := ParseArticle("harbour.txt", strings.NewReader(article))
	if err != nil {
		t.Fatal(err)
	}
	e := New([]*Article{a}, DefaultOptions())
	for _, tt := range []struct {
		name, question string
		want           float64
	}{
		{"named, says nothing", "What did Tom Hale say about the wall?", 1},
		{"surname, says nothing", "What did Hale say about the cost?", 1},
		{"named, speaks", "What did Ann Lee say about the wall?", 0},
		{"another's lawyer", "What did Hale's lawyer say about the firm?", 0},
		{"a role a name qualifies", "How did the Acme analyst describe the cost?", 0},
		{"no words asked for", "When did Tom Hale write about the wall?", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			q, err := e.ParseQuestion(tt.question)
			if err != nil {
				t.Fatal(err)
			}
			if _, s, _ := e.Candidates(q); s[rank.NamedSilent] != tt.want {
				t.Errorf("%q: named_silent = %v, want %v", tt.question, s[rank.NamedSilent], tt.want)
			}
		})
	}
}

// TestAntonymSignal checks the decliner's evidence that the best
// sentence says the opposite of what a question asks: on when it lacks a
// question word and holds its antonym, in any of the forms an article
// writes ("smallest" asked, "larger" written); off when it holds the
// question's word too, or no antonym.
func TestAntonymSignal(t *testing.T) {
	e := New([]*Article{mustArticle(t, "Port figures\n"+
		"Kelbury is the largest port on the east coast, and Marlow the busiest.\n"+
		"The port lost money in its first year and won a contract in its second.\n"+
		"The new harbour at Marlow opened in 1990.\n")}, DefaultOptions())
	for _, tt := range []struct {
		question string
		want     float64
	}{
		{"Which is the smallest port on the east coast?", 1},
		{"Which is the largest port on the east coast?", 0},
		{"What did the port win in its last year?", 1},
		{"What did the port win in its second year?", 0},
		{"Which port on the east coast is the busiest?", 0},
		{"How old is the harbour at Marlow?", 0}, // "how old" frames the question; "new" answers it
		{"Which new port is the smallest on the east coast?", 1},
	} {
		q, err := e.ParseQuestion(tt.question)
		if err != nil {
			t.Fatal(err)
		}
		if _, s, _ := e.Candidates(q); s[rank.Antonym] != tt.want {
			t.Errorf("%q: antonym = %v, want %v", tt.question, s[rank.Antonym], tt.want)
		}
	}
}

// TestScoreAnswered asks for a score: the sentence with one answers, not
// the one that shares the word "scored".
func TestScoreAnswered(t *testing.T) {
	a := mustArticle(t, "Semi-final\n"+
		"France beat Belgium 1–0 in the semi-final on Tuesday, and will play Croatia in the final.\n"+
		"Samuel Roe scored the only goal of the match, from a corner.\n")
	e := New([]*Article{a}, DefaultOptions())
	answers, err := e.Ask("What was the final score of the semi-final?", 1)
	if err != nil || len(answers) == 0 || !strings.Contains(answers[0].Text, "1–0") || answers[0].Highlight != "1–0" {
		t.Errorf("got %+v, %v, want the sentence with 1–0, in bold", answers, err)
	}
}

// TestAgeMeasured checks what answers "how old" in the narrow sense: an
// age set off after the name of whom the question asks, not after another
// name; a time that "old" follows; not a time that "old" does not.
func TestAgeMeasured(t *testing.T) {
	a := mustArticle(t, "Final\n"+
		"Ann Lee, 22, beat Tom Hale in a final that lasted two hours.\n"+
		"Hale, 30, had won the title twice before.\n"+
		"The 19-year-old referee, Sam Roe, sent off two players.\n"+
		"After 12 years Hale left the club.\n")
	e := New([]*Article{a}, DefaultOptions())
	checkMeasured(t, e, []featureCase{
		{"How old is Tom Hale?", map[string]float64{"Ann Lee": 0, "Hale, 30": 1, "After 12 years": 0}},
		{"How old is Ann Lee?", map[string]float64{"Ann Lee": 1}},
		{"How old is the referee?", map[string]float64{"The 19-year-old": 1}},
	})
}

// TestSizeMeasured checks what answers a question for a depth, a speed,
// how soon, how full or how high in the narrow sense: a number in units of
// it (a share for how full, a sum for a level), not a count of something
// else.
func TestSizeMeasured(t *testing.T) {
	a := mustArticle(t, "Wreck raised\n"+
		"Divers found the wreck of the steamer, which sank with 94 passengers, in 1998.\n"+
		"The wreck lay roughly 94 metres down, and the steamer was raised at about 2 feet a minute.\n"+
		"The bell will go on show within three years.\n"+
		"The nearby dam was 64% full in 1998.\n"+
		"Tickets to see the bell rose to £3.50 in May.\n")
	e := New([]*Article{a}, DefaultOptions())
	checkMeasured(t, e, []featureCase{
		{"How deep was the wreck of the steamer?", map[string]float64{"Divers found": 0, "The wreck lay": 1}},
		{"How fast was the steamer raised?", map[string]float64{"Divers found": 0, "The wreck lay": 1}},
		{"How soon will the bell of the steamer go on show?", map[string]float64{"Divers found": 0, "The bell": 1}},
		{"How full was the nearby dam?", map[string]float64{"The nearby dam": 1}},                                 // a share
		{"How high did tickets to see the bell go?", map[string]float64{"Tickets to see": 1, "The bell will": 0}}, // a sum
	})
}

// A featureCase is a question and, for the candidates that open with
// given words, the value of a feature each must have.
type featureCase struct {
	question string
	want     map[string]float64 // a sentence's opening words → the feature's value
}

// checkMeasured checks answer_measured (see checkFeature).
func checkMeasured(t *testing.T, e *Engine, tests []featureCase) {
	t.Helper()
	checkFeature(t, e, rank.AnswerMeasured, tests)
}

// checkFeature asks each case's question and checks feature f of the
// candidates it names, each of which must be among the candidates.
func checkFeature(t *testing.T, e *Engine, f rank.Feature, tests []featureCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			q, err := e.ParseQuestion(tt.question)
			if err != nil {
				t.Fatal(err)
			}
			cands, _, _ := e.Candidates(q)
			for opening, want := range tt.want {
				i := slices.IndexFunc(cands, func(c Candidate) bool { return strings.HasPrefix(c.Text, opening) })
				if i < 0 {
					t.Errorf("no candidate opens %q", opening)
				} else if got := cands[i].Features[f]; got != want {
					t.Errorf("%q %v = %v, want %v", opening, f, got, want)
				}
			}
		})
	}
}

// TestSumMeasured checks that "how much" with a word of money ("cost",
// "paid") is answered in the narrow sense by a sum only, and without one
// by a quantity in units too.
func TestSumMeasured(t *testing.T) {
	a := mustArticle(t, "Cable laid\n"+
		"The crews laid 500 miles of cable for the new line.\n"+
		"The new line cost £3m, the council said.\n")
	e := New([]*Article{a}, DefaultOptions())
	checkMeasured(t, e, []featureCase{
		{"How much did the new line cost?", map[string]float64{"The crews laid": 0, "The new line cost": 1}},
		{"How much cable did the crews lay for the new line?", map[string]float64{"The crews laid": 1}},
	})
}

// TestWhoLeads asks who runs, leads or owns something: the sentence that
// names the person by the title that says so answers, though it never
// writes the question's verb, rather than one that does but names no one.
func TestWhoLeads(t *testing.T) {
	a := mustArticle(t, "Bank warns on profits\n"+
		"Shares in Northgate Bank fell 19 percent on Wednesday after a profit warning.\n"+
		"Northgate Bank's chief executive, Ann Lee, said the bank had been too slow to act.\n"+
		"Analysts said the way Northgate Bank is run had worried investors for months.\n"+
		"The Sheldon farm's owner, Tom Hale, said the flock was lost.\n"+
		"The council owns the fields next to the Sheldon farm, a council report said.\n"+
		"Flights were diverted to Leeds, with coaches laid on to bring passengers back to Kingsmere Airport.\n"+
		"\"Safety comes first,\" said Helen Marsh, the airport's managing director.\n"+
		"The inquiry also found that Tom Hale had ignored the warnings.\n"+
		"The inquiry's chairwoman, Ruth Cole, said the rules were clear.\n")
	e := New([]*Article{a}, DefaultOptions())
	for _, tt := range []struct{ question, want string }{
		{"Who runs Northgate Bank?", "Ann Lee"},
		{"Who owns the Sheldon farm?", "Tom Hale"},
		{"Who is in charge at Kingsmere Airport?", "Helen Marsh"}, // "coaches" are buses
		{"Who chaired the inquiry?", "Ruth Cole"},
	} {
		answers, err := e.Ask(tt.question, 1)
		if err != nil || len(answers) == 0 || answers[0].Highlight != tt.want {
			t.Errorf("%q: got %+v, %v, want %s in bold", tt.question, answers, err, tt.want)
		}
	}
}

// TestLeadVerb checks which questions ask who runs something: the verb
// right after "who", not a title the question names; and that no word
// for leading shares its term with a common word ("founded" with "found").
func TestLeadVerb(t *testing.T) {
	e := New([]*Article{mustArticle(t, "Clinic\nThe clinic's director, Ann Lee, said it would open.\nInspectors found no fault.\n")}, DefaultOptions())
	if found := e.lookupTerm("found"); slices.Contains(e.leadTerms, found) {
		t.Errorf("lead terms %q hold %q, the term of the past of 'find'", e.leadTerms, found)
	}
	for question, want := range map[string]bool{
		"Who runs the clinic?":               true,
		"Who has been running the clinic?":   true,
		"Who is in charge of the clinic?":    true,
		"Who is the director of the clinic?": false,
		"What did the clinic's head say?":    false,
		"Who saw the clinic's head?":         false,
		"Who founded the clinic?":            true,
		"Who is the head of the clinic?":     true,
		"Who is the head nurse?":             false,
		"Who found the clinic's keys?":       false,
	} {
		q, err := e.ParseQuestion(question)
		if err != nil {
			t.Fatal(err)
		}
		if got := q.leadVerb >= 0; got != want {
			t.Errorf("%q: asks who leads = %v, want %v", question, got, want)
		}
	}
}

// TestQuotedAsked checks that quoted_asked marks the quotations among the
// candidates of a question about what someone said, and nothing for other
// questions.
func TestQuotedAsked(t *testing.T) {
	a := mustArticle(t, "Bridge to reopen\n"+
		"The mayor, Ann Lee, said the bridge would reopen in May after repairs.\n"+
		"\"The bridge is safe, and we will reopen it in May,\" Lee said.\n")
	e := New([]*Article{a}, DefaultOptions())
	checkFeature(t, e, rank.QuotedAsked, []featureCase{
		{"What did Ann Lee say about the bridge?", map[string]float64{"The mayor": 0, "\"The bridge": 1}},
		{"When will the bridge reopen?", map[string]float64{"The mayor": 0, "\"The bridge": 0}},
	})
}
