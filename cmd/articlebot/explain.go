package main

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/articlebot/articlebot/qa"
	"github.com/articlebot/articlebot/qa/rank"
)

// `ask --explain` shows why an answer is what it is: the decision to
// answer or decline, signal by signal, then each of the best candidates'
// scores, feature by feature, in the manner of a search engine's explain.

// explainJSON is the fixed shape of `ask --explain --json`'s "explain".
type explainJSON struct {
	Kind        string             `json:"kind"`
	Unknown     []string           `json:"unknown"`
	UnknownIn   string             `json:"unknown_in,omitempty"` // the article that lacks them, when another has them
	Unrouted    bool               `json:"unrouted,omitempty"`   // no one article mentions all the question's names
	Declined    bool               `json:"declined"`
	Probability float64            `json:"probability"` // that the best candidate answers
	Threshold   float64            `json:"threshold"`
	Bias        float64            `json:"bias"`
	Signals     []contributionJSON `json:"signals"`
	Candidates  []candidateJSON    `json:"candidates"`
}

type candidateJSON struct {
	answerJSON
	Points   float64            `json:"points"`
	Features []contributionJSON `json:"features"`
}

type contributionJSON struct {
	Name   string  `json:"name"`
	Value  float64 `json:"value"`
	Points float64 `json:"points"`
}

func explainOf(x *qa.Explanation) *explainJSON {
	out := &explainJSON{Kind: x.Kind.String(), Unknown: x.Unknown, UnknownIn: x.UnknownIn, Unrouted: x.NoArticleHasAll,
		Declined: x.Declined, Probability: x.Probability,
		Threshold: x.Threshold, Bias: x.Bias, Signals: contributionsOf(x.Signals), Candidates: []candidateJSON{}}
	if out.Unknown == nil {
		out.Unknown = []string{}
	}
	for _, c := range x.Candidates {
		out.Candidates = append(out.Candidates, candidateJSON{answerOf(c.Answer), c.Points, contributionsOf(c.Features)})
	}
	return out
}

func contributionsOf(cs []rank.Contribution) []contributionJSON {
	out := []contributionJSON{}
	for _, c := range cs {
		out = append(out, contributionJSON(c))
	}
	return out
}

// Shown of a score: the contributions of at least minShownPoints, at most
// maxShown of them; the rest are summed.
const (
	maxShown       = 8
	minShownPoints = 0.05
	excerptRunes   = 70 // of a candidate's text, when the answers did not show it
)

func writeExplainText(w io.Writer, x *qa.Explanation) {
	switch {
	case x.NoArticleHasAll:
		fmt.Fprintf(w, "why: declined, no one article mentions all its names: “%s”, which lacks fewest, never mentions %s\n",
			x.UnknownIn, strings.Join(x.Unknown, ", "))
	case x.UnknownIn != "":
		fmt.Fprintf(w, "why: declined, “%s” never mentions %s\n", x.UnknownIn, strings.Join(x.Unknown, ", "))
	case len(x.Unknown) > 0:
		fmt.Fprintf(w, "why: declined, the articles never mention %s\n", strings.Join(x.Unknown, ", "))
	case len(x.Candidates) == 0:
		fmt.Fprintln(w, "why: declined, no sentence has a word of the question")
	case x.Declined:
		fmt.Fprintf(w, "why: declined, the best answer is right with probability %.2f, below the threshold %.2f\n", x.Probability, x.Threshold)
	default:
		fmt.Fprintf(w, "why: answered, the best answer is right with probability %.2f, the threshold is %.2f\n", x.Probability, x.Threshold)
	}
	if len(x.Signals) > 0 {
		fmt.Fprintf(w, "  decision (log-odds): bias %+.2f; %s\n", x.Bias, contributionLine(x.Signals))
	}
	for i, c := range x.Candidates {
		excerpt := ""
		if x.Declined {
			excerpt = " " + shorten(c.Text, excerptRunes)
		}
		fmt.Fprintf(w, "  %d.%s score %.2f, probability %.2f: %s\n", i+1, excerpt, c.Points, c.Score, contributionLine(c.Features))
	}
	fmt.Fprintln(w)
}

// contributionLine writes the largest contributions as "name value +points",
// then what the others add up to.
func contributionLine(cs []rank.Contribution) string {
	var parts []string
	var rest float64
	for _, c := range cs {
		if len(parts) < maxShown && math.Abs(c.Points) >= minShownPoints {
			parts = append(parts, fmt.Sprintf("%s %s %+.2f", c.Name, formatValue(c.Value), c.Points))
		} else {
			rest += c.Points
		}
	}
	if len(parts) < len(cs) {
		parts = append(parts, fmt.Sprintf("the other %d %+.2f", len(cs)-len(parts), rest))
	}
	return strings.Join(parts, " · ")
}

func formatValue(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.2f", v)
}

// shorten returns the first n runes of s, with an ellipsis if cut, in
// quotation marks.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return "“" + s + "”"
	}
	return "“" + strings.TrimSpace(string(r[:n])) + "…”"
}
