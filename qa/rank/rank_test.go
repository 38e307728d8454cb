package rank

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/qa/data"
)

// The embedded model must load, name every feature and signal the code
// computes, and survive a round trip through Format.
func TestDefaultModel(t *testing.T) {
	m, err := Parse(strings.NewReader(data.RankModel))
	if err != nil {
		t.Fatalf("qa/data/rank-model.tsv: %v (run go generate ./qa)", err)
	}
	if m.Threshold <= 0 || m.Threshold >= 1 {
		t.Errorf("threshold %v, want within (0, 1)", m.Threshold)
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
}

func TestNamesAreUnique(t *testing.T) {
	seen := make(map[string]bool)
	for f := range NumFeatures {
		if n := f.String(); n == "" || seen[n] {
			t.Errorf("feature %d: name %q empty or repeated", f, n)
		}
		seen[f.String()] = true
	}
	for s := range NumSignals {
		if n := s.String(); n == "" || seen[n] {
			t.Errorf("signal %d: name %q empty or repeated", s, n)
		}
		seen[s.String()] = true
	}
}

func TestParseErrors(t *testing.T) {
	good := data.RankModel
	tests := []struct {
		name, text, want string
	}{
		{"unknown feature", strings.Replace(good, "rank\tbm25\t", "rank\tbm26\t", 1), `unknown or repeated feature "bm26"`},
		{"missing feature", dropLine(good, "rank\tcoverage\t"), `no weight for feature "coverage"`},
		{"not a number", strings.Replace(good, "threshold\t", "threshold\tx", 1), "is not a number"},
		{"zero scale", replaceField(good, "rank\tlength\t", 3, "0"), `feature "length": scale 0`},
		{"no threshold", dropLine(good, "threshold\t"), "no decline bias or threshold"},
		{"stray line", good + "weights\t1\n", `cannot read "weights\t1"`},
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

// dropLine removes the line that starts with prefix.
func dropLine(text, prefix string) string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if !strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// replaceField sets TAB-separated field i of the line that starts with
// prefix.
func replaceField(text, prefix string, i int, value string) string {
	lines := strings.Split(text, "\n")
	for k, l := range lines {
		if strings.HasPrefix(l, prefix) {
			f := strings.Split(l, "\t")
			f[i] = value
			lines[k] = strings.Join(f, "\t")
		}
	}
	return strings.Join(lines, "\n")
}

func TestExplainSumsToScore(t *testing.T) {
	m := Default()
	var v Vector
	for f := range NumFeatures {
		v[f] = float64(f%3) * 0.4
	}
	var sum float64
	for _, c := range m.Explain(&v) {
		sum += c.Points
	}
	if math.Abs(sum-m.Score(&v)) > 1e-9 {
		t.Errorf("contributions sum to %v, score %v", sum, m.Score(&v))
	}
	var s Signals
	s[TopProbability], s[TopCoverage] = 0.7, 0.5
	z := m.DeclineBias
	for _, c := range m.ExplainDecline(&s) {
		z += c.Points
	}
	if p := 1 / (1 + math.Exp(-z)); math.Abs(p-m.Answers(&s)) > 1e-9 {
		t.Errorf("decline contributions give %v, Answers %v", p, m.Answers(&s))
	}
}

// Fit must find the feature that tells the right candidate from the
// others, the same weights every time.
func TestFit(t *testing.T) {
	var groups []Group
	for q := range 40 {
		g := Group{Weight: 1}
		for c := range 5 {
			var v Vector
			v[Coverage] = float64((q+c)%5) / 5 // noise
			v[Exact] = 0.1
			right := c == q%5
			if right {
				v[Exact] = 0.9 // the evidence
			}
			g.Candidates = append(g.Candidates, v)
			g.Right = append(g.Right, right)
		}
		groups = append(groups, g)
	}
	mean, scale, weight := Fit(groups, DefaultFitOptions())
	if weight[Exact] <= 0 || weight[Exact] < 5*math.Abs(weight[Coverage]) {
		t.Errorf("weights: exact %v, coverage %v; want exact to carry the ranking", weight[Exact], weight[Coverage])
	}
	m := &Model{Mean: mean, Scale: scale, Weight: weight}
	for _, g := range groups {
		best := 0
		for i := range g.Candidates {
			if m.Score(&g.Candidates[i]) > m.Score(&g.Candidates[best]) {
				best = i
			}
		}
		if !g.Right[best] {
			t.Fatal("the fitted model ranks a wrong candidate first")
		}
	}
	_, _, again := Fit(groups, DefaultFitOptions())
	if again != weight {
		t.Error("two fits of the same groups differ")
	}
}

// FitDecline must learn which way a signal points, and a sample of weight
// 2 must count as two of weight 1.
func TestFitDecline(t *testing.T) {
	var samples, doubled []Sample
	for i := range 200 {
		var s Signals
		s[TopCoverage] = float64(i%10) / 10
		right := i%10 >= 4 != (i%17 == 0) // mostly by coverage, with noise
		samples = append(samples, Sample{Signals: s, Right: right, Weight: 1})
		if i%2 == 0 {
			doubled = append(doubled, Sample{Signals: s, Right: right, Weight: 1}, Sample{Signals: s, Right: right, Weight: 1})
		} else {
			doubled = append(doubled, Sample{Signals: s, Right: right, Weight: 1})
		}
	}
	_, _, w, _ := FitDecline(samples, 1e-3)
	if w[TopCoverage] <= 0 {
		t.Errorf("weight of top_coverage %v, want above 0", w[TopCoverage])
	}
	var weighted []Sample
	for i, s := range samples {
		if i%2 == 0 {
			s.Weight = 2
		}
		weighted = append(weighted, s)
	}
	_, _, w1, b1 := FitDecline(weighted, 1e-3)
	_, _, w2, b2 := FitDecline(doubled, 1e-3)
	if math.Abs(w1[TopCoverage]-w2[TopCoverage]) > 1e-6 || math.Abs(b1-b2) > 1e-6 {
		t.Errorf("weight 2: %v, %v; two samples: %v, %v", w1[TopCoverage], b1, w2[TopCoverage], b2)
	}
}
