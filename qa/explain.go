package qa

import "github.com/articlebot/articlebot/qa/rank"

// An Explanation says why the engine answers a question as it does, in the
// manner of a search engine's explain: for each of the best candidates,
// what every feature added to its score, and what every signal added to
// the decision to answer at all.
type Explanation struct {
	Question string
	Kind     Kind
	Unknown  []string // names no article mentions, or, with UnknownIn, that article does not: such a question is declined whatever the model says

	// Of names some article mentions: the article that lacks Unknown,
	// the one the question is kept to or, when no one article mentions
	// all its names (NoArticleHasAll), the one that lacks fewest.
	UnknownIn       string
	NoArticleHasAll bool

	// The decliner: the probability that the best candidate answers, the
	// threshold below which the question is declined, and what each
	// signal added to the log-odds (with Bias, they sum to them).
	Probability, Threshold, Bias float64
	Signals                      []rank.Contribution
	Declined                     bool

	Candidates []ExplainedAnswer // the best, best first
}

// An ExplainedAnswer is a candidate as the model saw it.
type ExplainedAnswer struct {
	Answer
	Points   float64             // the model's score: the sum of the contributions
	Features []rank.Contribution // the largest first
}

// Explain explains the engine's answer to a question with up to k of its
// best candidates: those Answer answers with, or would if it did not
// decline. (For a follow-up that asks for more, Follow also skips what the
// conversation has shown; Explain does not know it.)
func (e *Engine) Explain(q *Question, k int) *Explanation {
	e.scope(q)
	x := &Explanation{Question: q.Text, Kind: q.Kind, Threshold: e.model.Threshold, Bias: e.model.DeclineBias}
	r := e.rankQuestion(q)
	x.Unknown, x.NoArticleHasAll = q.Unknown, r.unrouted // once ranked: of the article that lacks them, if one does
	if r.lacking != nil {
		x.UnknownIn = r.lacking.Title
	}
	x.Declined = r.declined || len(q.Unknown) > 0
	if len(r.cands) > 0 {
		x.Probability = r.answers
		x.Signals = e.model.ExplainDecline(&r.signals)
	}
	for _, p := range e.picks(q, &r, max(k, 0), nil) {
		x.Candidates = append(x.Candidates, ExplainedAnswer{Answer: p.answer, Points: p.cand.score, Features: e.model.Explain(&p.cand.features)})
	}
	return x
}
