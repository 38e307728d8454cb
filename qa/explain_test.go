package qa

import "testing"

// TestExplainMatchesAnswers: the candidates Explain explains are the
// answers Ask gives, in order, whatever the passages cover; and a k of 0
// or less explains none.
func TestExplainMatchesAnswers(t *testing.T) {
	for _, name := range []string{"seed", "kenya_annan_warning", "us_senate_bailout"} {
		e := evalEngine(t, name)
		var golds []goldQA
		readJSONL(t, "testdata/eval/"+name+"/qa.jsonl", &golds)
		for _, g := range golds {
			q, err := e.ParseQuestion(g.Q)
			if err != nil {
				t.Fatal(err)
			}
			answers := e.Answer(q, 3)
			x := e.Explain(q, 3)
			if len(answers) > 0 && len(x.Candidates) != len(answers) {
				t.Fatalf("%q: %d answers, %d explained", g.Q, len(answers), len(x.Candidates))
			}
			for i, a := range answers {
				if x.Candidates[i].Answer != a {
					t.Errorf("%q: answer %d is %q, explained %q", g.Q, i+1, a.Text, x.Candidates[i].Text)
				}
			}
			if x.Declined != (len(answers) == 0) {
				t.Errorf("%q: declined %v, but %d answers", g.Q, x.Declined, len(answers))
			}
			if n := len(e.Explain(q, -1).Candidates); n != 0 {
				t.Errorf("%q: k -1 explains %d", g.Q, n)
			}
		}
	}
}
