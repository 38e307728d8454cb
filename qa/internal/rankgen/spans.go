package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/articlebot/articlebot/qa"
	"github.com/articlebot/articlebot/qa/rank"
	"github.com/articlebot/articlebot/qa/span"
)

// The span model learns which phrase of the answering sentence is the
// short answer: from SQuAD's gold answers, and from the news sets' "short"
// answers.

// shorts returns a gold line's short answers: SQuAD's answers are all
// short; a news line's are its "short" field, if any.
func (g gold) shorts(kind string) []string {
	if kind == "squad" {
		return g.Accept
	}
	if len(g.Short) == 0 {
		return nil
	}
	var one string
	if json.Unmarshal(g.Short, &one) == nil {
		return []string{one}
	}
	var many []string
	if json.Unmarshal(g.Short, &many) == nil {
		return many
	}
	return nil
}

// spanRightF1 is the least SQuAD F1 with a gold answer that makes a SQuAD
// phrase right: most of its words, and most of the answer's.
const spanRightF1 = 0.5

// spanRight reports whether a phrase is right for a gold line: for SQuAD,
// close enough to a gold answer by SQuAD's F1; for news, holding the short
// answer in at most six words, as score_short.py judges it.
func spanRight(kind, phrase string, shorts []string) bool {
	for _, s := range shorts {
		if kind == "squad" && span.SquadF1(phrase, s) >= spanRightF1 {
			return true
		}
		if kind == "news" && strings.Contains(norm(phrase), norm(s)) && len(strings.Fields(phrase)) <= 6 {
			return true
		}
	}
	return false
}

// spanLists are, for every training question with a short answer that a
// candidate sentence holds, the phrases of the best such sentence, which of
// them are right, and what the question counts for.
func spanLists(m *rank.Model, sets []set) []rank.List {
	var lists []rank.List
	opts := engineOptions()
	opts.Model = m
	for _, s := range sets {
		e := qa.New([]*qa.Article{s.article}, opts)
		for _, g := range s.golds {
			shorts := g.shorts(s.kind)
			if len(shorts) == 0 {
				continue
			}
			q, err := e.ParseQuestion(g.Q)
			if err != nil {
				continue
			}
			cands, _, _ := e.Candidates(q)
			for _, c := range cands {
				if !right(g, c.Answer) {
					continue
				}
				list := rank.List{Weight: 1}
				if s.kind == "news" {
					list.Weight = newsSpanWeight
				}
				for _, sc := range e.SpanCandidates(q, c.Ref) {
					list.Candidates = append(list.Candidates, sc.Features[:])
					list.Right = append(list.Right, spanRight(s.kind, sc.Text, shorts))
				}
				lists = append(lists, list)
				break
			}
		}
	}
	return lists
}

// fitSpans fits the span model on the training sets, with the candidate
// sentences ranked by m.
func fitSpans(m *rank.Model, train []set) *span.Model {
	mean, scale, weight := rank.FitLists(spanLists(m, train), span.NumFeatures, rank.DefaultFitOptions())
	sm := &span.Model{}
	copy(sm.Mean[:], mean)
	copy(sm.Scale[:], scale)
	copy(sm.Weight[:], weight)
	return sm
}

// spanScores reports, on the sets of one kind, how often the phrase the
// engine shows in bold for the sentence that answers is right: SQuAD's F1
// and exact match, or the news sets' short-answer score.
func spanScores(m *rank.Model, sm *span.Model, sets []set, kind string) string {
	opts := engineOptions()
	opts.Model, opts.SpanModel = m, sm
	var n, exact int
	var f1 float64
	for _, s := range sets {
		if s.kind != kind {
			continue
		}
		e := qa.New([]*qa.Article{s.article}, opts)
		for _, g := range s.golds {
			shorts := g.shorts(kind)
			if len(shorts) == 0 {
				continue
			}
			n++
			answers, _ := e.Ask(g.Q, 1)
			if len(answers) == 0 {
				continue
			}
			h := answers[0].Highlight
			best := 0.0
			for _, sh := range shorts {
				best = max(best, span.SquadF1(h, sh))
			}
			f1 += best
			if spanRight(kind, h, shorts) && (kind == "news" || best == 1) {
				exact++
			}
		}
	}
	pct := func(x float64) float64 { return 100 * x / float64(max(n, 1)) }
	return fmt.Sprintf("short answers %d: right %.1f%%, F1 %.1f", n, pct(float64(exact)), pct(f1))
}

// engineOptions are the engine's options for fitting: with no span model
// but a blank one until it is fitted, so that fitting never reads the
// embedded models it is about to replace.
func engineOptions() qa.Options {
	opts := qa.DefaultOptions()
	opts.Model = blankModel()
	sm := &span.Model{}
	for f := range sm.Scale {
		sm.Scale[f] = 1
	}
	opts.SpanModel = sm
	return opts
}

// newsSpanWeight is how many SQuAD short answers one news short answer
// counts for in fitting the span model. Fewer than a news question counts
// for in ranking: the news sets' short answers run longer than SQuAD's
// ("85 jobs" where SQuAD has "85"), and weighed as much as in ranking
// they draw the model to long phrases, which SQuAD's highlight F1 (a
// floor) pays for while the news sets' short answers gain nothing.
const newsSpanWeight = 2
