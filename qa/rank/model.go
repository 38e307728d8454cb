package rank

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/articlebot/articlebot/qa/data"
)

// A Model ranks candidates and decides whether the best answers. It is
// read-only once made and safe for concurrent use.
type Model struct {
	// Ranker: a candidate's score is the sum over features of
	// Weight[f]·(v[f]−Mean[f])/Scale[f].
	Mean, Scale, Weight Vector

	// Decliner: the probability that the best candidate answers is the
	// logistic of DeclineBias + the sum over signals of
	// DeclineWeight[s]·(v[s]−DeclineMean[s])/DeclineScale[s]; below
	// Threshold the question is taken as one the article does not
	// answer.
	DeclineMean, DeclineScale, DeclineWeight Signals
	DeclineBias, Threshold                   float64
}

// Score returns a candidate's score.
func (m *Model) Score(v *Vector) float64 {
	var s float64
	for f := range NumFeatures {
		s += m.Weight[f] * (v[f] - m.Mean[f]) / m.Scale[f]
	}
	return s
}

// A Contribution is what one feature or signal added to a score: its
// value and its weighted share.
type Contribution struct {
	Name   string  // the feature's or signal's, as the model file writes it
	Value  float64 // as the engine measured it
	Points float64 // what it added to the score
}

// Explain returns what each feature contributed to a candidate's score,
// the largest first; they sum to Score(v).
func (m *Model) Explain(v *Vector) []Contribution {
	out := make([]Contribution, NumFeatures)
	for f := range NumFeatures {
		out[f] = Contribution{f.String(), v[f], m.Weight[f] * (v[f] - m.Mean[f]) / m.Scale[f]}
	}
	sortContributions(out)
	return out
}

// ExplainDecline returns what each signal contributed to the log-odds that
// the best candidate answers, the largest first; with DeclineBias they
// sum to the logit of Answers(s).
func (m *Model) ExplainDecline(s *Signals) []Contribution {
	out := make([]Contribution, NumSignals)
	for k := range NumSignals {
		out[k] = Contribution{k.String(), s[k], m.DeclineWeight[k] * (s[k] - m.DeclineMean[k]) / m.DeclineScale[k]}
	}
	sortContributions(out)
	return out
}

// sortContributions puts the largest, for or against, first; a stable
// insertion sort, as there are a few dozen.
func sortContributions(cs []Contribution) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && math.Abs(cs[j].Points) > math.Abs(cs[j-1].Points); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// Probabilities returns the softmax of scores: the probability of each
// candidate that it is the answer, given that one of them is.
func Probabilities(scores []float64) []float64 {
	if len(scores) == 0 {
		return nil
	}
	top := scores[0]
	for _, s := range scores {
		top = max(top, s)
	}
	ps := make([]float64, len(scores))
	var sum float64
	for i, s := range scores {
		ps[i] = math.Exp(s - top)
		sum += ps[i]
	}
	for i := range ps {
		ps[i] /= sum
	}
	return ps
}

// Answers returns the probability that the best candidate answers the
// question, from the question's signals.
func (m *Model) Answers(s *Signals) float64 {
	z := m.DeclineBias
	for k := range NumSignals {
		z += m.DeclineWeight[k] * (s[k] - m.DeclineMean[k]) / m.DeclineScale[k]
	}
	return 1 / (1 + math.Exp(-z))
}

// Declines reports whether the article is taken not to answer a question
// with these signals.
func (m *Model) Declines(s *Signals) bool { return m.Answers(s) < m.Threshold }

// Default returns the model of qa/data/rank-model.tsv, read once, on first
// use.
func Default() *Model { return defaultModel() }

var defaultModel = sync.OnceValue(func() *Model {
	m, err := Parse(strings.NewReader(data.RankModel))
	if err != nil {
		panic(err) // the embedded model is part of the program: a test catches this
	}
	return m
})

// Parse reads a model in the format Format writes: comment lines start
// with '#'; every other line is "rank", "decline" or "threshold" and its
// values, TAB-separated:
//
//	rank	FEATURE	MEAN	SCALE	WEIGHT
//	decline	SIGNAL	MEAN	SCALE	WEIGHT
//	decline	bias	WEIGHT
//	threshold	PROBABILITY
//
// Every feature and signal must have its line, once; a name the code does
// not know is an error, so that a model and the code that computes its
// features cannot drift apart.
func Parse(r io.Reader) (*Model, error) {
	m := &Model{}
	var seenF [NumFeatures]bool
	var seenS [NumSignals]bool
	seenBias, seenThreshold := false, false
	err := data.Rows(r, func(f []string) error {
		nums, err := parseFloats(f[min(len(f), 2):])
		if f[0] == "threshold" {
			nums, err = parseFloats(f[1:])
		}
		if err != nil {
			return err
		}
		switch {
		case f[0] == "rank" && len(f) == 5:
			k, ok := featureByName(f[1])
			if !ok || seenF[k] {
				return fmt.Errorf("unknown or repeated feature %q", f[1])
			}
			seenF[k] = true
			m.Mean[k], m.Scale[k], m.Weight[k] = nums[0], nums[1], nums[2]
		case f[0] == "decline" && len(f) == 3 && f[1] == "bias":
			m.DeclineBias, seenBias = nums[0], true
		case f[0] == "decline" && len(f) == 5:
			k, ok := signalByName(f[1])
			if !ok || seenS[k] {
				return fmt.Errorf("unknown or repeated signal %q", f[1])
			}
			seenS[k] = true
			m.DeclineMean[k], m.DeclineScale[k], m.DeclineWeight[k] = nums[0], nums[1], nums[2]
		case f[0] == "threshold" && len(f) == 2:
			m.Threshold, seenThreshold = nums[0], true
		default:
			return fmt.Errorf("cannot read %q", strings.Join(f, "\t"))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("rank model: %w", err)
	}
	for k := range NumFeatures {
		if !seenF[k] {
			return nil, fmt.Errorf("rank model: no weight for feature %q", k)
		}
		if m.Scale[k] <= 0 {
			return nil, fmt.Errorf("rank model: feature %q: scale %v, want above 0", k, m.Scale[k])
		}
	}
	for k := range NumSignals {
		if !seenS[k] {
			return nil, fmt.Errorf("rank model: no weight for signal %q", k)
		}
		if m.DeclineScale[k] <= 0 {
			return nil, fmt.Errorf("rank model: signal %q: scale %v, want above 0", k, m.DeclineScale[k])
		}
	}
	if !seenBias || !seenThreshold {
		return nil, fmt.Errorf("rank model: no decline bias or threshold")
	}
	return m, nil
}

func parseFloats(fields []string) ([]float64, error) {
	out := make([]float64, len(fields))
	for i, s := range fields {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, fmt.Errorf("%q is not a number", s)
		}
		out[i] = x
	}
	return out, nil
}

func featureByName(name string) (Feature, bool) {
	for k, n := range featureNames {
		if n == name {
			return Feature(k), true
		}
	}
	return 0, false
}

func signalByName(name string) (Signal, bool) {
	for k, n := range signalNames {
		if n == name {
			return Signal(k), true
		}
	}
	return 0, false
}

// Format writes the model as Parse reads it, after the header lines
// given.
func (m *Model) Format(w io.Writer, header []string) error {
	bw := bufio.NewWriter(w)
	for _, h := range header {
		fmt.Fprintf(bw, "# %s\n", h)
	}
	num := func(x float64) string { return strconv.FormatFloat(x, 'g', 8, 64) }
	for k := range NumFeatures {
		fmt.Fprintf(bw, "rank\t%s\t%s\t%s\t%s\n", k, num(m.Mean[k]), num(m.Scale[k]), num(m.Weight[k]))
	}
	for k := range NumSignals {
		fmt.Fprintf(bw, "decline\t%s\t%s\t%s\t%s\n", k, num(m.DeclineMean[k]), num(m.DeclineScale[k]), num(m.DeclineWeight[k]))
	}
	fmt.Fprintf(bw, "decline\tbias\t%s\n", num(m.DeclineBias))
	fmt.Fprintf(bw, "threshold\t%s\n", num(m.Threshold))
	return bw.Flush()
}
