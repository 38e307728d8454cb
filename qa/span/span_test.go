package span

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/qa/data"
)

// The embedded model must load, name every feature the code computes, and
// survive a round trip through Format.
func TestDefaultModel(t *testing.T) {
	m, err := Parse(strings.NewReader(data.SpanModel))
	if err != nil {
		t.Fatalf("qa/data/span-model.tsv: %v (run go generate ./qa)", err)
	}
	var buf bytes.Buffer
	if err := m.Format(&buf, []string{"header"}); err != nil {
		t.Fatal(err)
	}
	again, err := Parse(&buf)
	if err != nil {
		t.Fatalf("reading the model written back: %v", err)
	}
	if *again != *m {
		t.Error("Format then Parse changed the model")
	}
	// A model fitted on data prefers, for "who", a person to a sum.
	var person, money Vector
	person[Match(AskPerson, TypePerson)] = 1
	money[Match(AskPerson, TypeMoney)] = 1
	if m.Score(&person) <= m.Score(&money) {
		t.Error("the model scores a sum above a person for a who question")
	}
}

func TestNames(t *testing.T) {
	seen := make(map[string]bool)
	for f := range Feature(NumFeatures) {
		n := f.String()
		if n == "" || seen[n] {
			t.Errorf("feature %d: name %q empty or repeated", f, n)
		}
		seen[n] = true
	}
	if got := Match(AskNumber, TypeMoney).String(); got != "ask_number_money" {
		t.Errorf("Match(number, money) is %q", got)
	}
}

func TestParseErrors(t *testing.T) {
	good := data.SpanModel
	tests := []struct{ name, text, want string }{
		{"unknown feature", strings.Replace(good, "span\town\t", "span\towned\t", 1), `cannot read "span\towned`},
		{"missing feature", strings.Replace(good, "span\tnear\t", "# span\tnear\t", 1), `no weight for feature "near"`},
		{"not a number", strings.Replace(good, "span\town\t", "span\town\tx", 1), "is not a number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.text))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse: %v, want an error with %q", err, tt.want)
			}
		})
	}
}

func TestSquadF1(t *testing.T) {
	tests := []struct {
		name, pred, gold string
		want             float64
	}{
		{"the same after normalisation", "The Treaty of Rome!", "treaty of rome", 1},
		{"half the words", "treaty of rome", "rome", 0.5},
		{"nothing shared", "Paris", "Rome", 0},
		{"both empty", "the", "", 1},
		{"one empty", "", "Rome", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SquadF1(tt.pred, tt.gold); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("SquadF1(%q, %q) = %v, want %v", tt.pred, tt.gold, got, tt.want)
			}
		})
	}
}
