package qa

import (
	"errors"
	"math"
	"sort"

	"github.com/articlebot/articlebot/qa/text"
)

// ErrSummaryLength is returned for a summary of fewer than one sentence.
var ErrSummaryLength = errors.New("a summary needs at least one sentence")

// Summary returns an extractive summary of article a: n of its sentences,
// in article order. News puts what matters first, so a sentence's position
// counts; so does how much of the article's main vocabulary (its most
// repeated names and words) it covers that the sentences already chosen do
// not. More sentences than the article has gives them all.
func (e *Engine) Summary(a *Article, n int) ([]string, error) {
	if n < 1 {
		return nil, ErrSummaryLength
	}
	var units []sentenceRange
	for i := range e.sents {
		s := &e.sents[i]
		if e.articles[s.art] == a && s.prose && s.para != titlePara {
			units = append(units, sentenceRange{int32(i), int32(i)})
		}
	}
	return e.pick(units, n, true), nil
}

// SpeakerSummary returns up to n key statements of a speaker, in article
// order: each quotation whole (all the sentences it runs through) or a
// sentence of reported speech, the ones covering most of what they talked
// about first.
func (e *Engine) SpeakerSummary(s *Speaker, n int) ([]string, error) {
	if n < 1 {
		return nil, ErrSummaryLength
	}
	var units []sentenceRange
	for i := 0; i < len(e.sents); i++ {
		sn := &e.sents[i]
		if sn.speaker != s || !sn.prose || sn.para == titlePara {
			continue
		}
		r := sentenceRange{int32(i), int32(i)}
		for e.sameQuote(r.last, r.last+1) && e.sents[r.last+1].speaker == s {
			r.last++
		}
		units = append(units, r)
		i = int(r.last)
	}
	return e.pick(units, n, false), nil
}

// A sentenceRange is the sentences first to last, inclusive, of one
// paragraph.
type sentenceRange struct{ first, last int32 }

func (e *Engine) rangeText(r sentenceRange) string {
	f, l := &e.sents[r.first], &e.sents[r.last]
	return e.paragraphText(f)[f.span.Start:l.span.End]
}

// pick chooses n of the units greedily by salience and returns their texts
// in article order.
func (e *Engine) pick(units []sentenceRange, n int, byPosition bool) []string {
	if len(units) == 0 {
		return nil
	}
	// The weight of a term is how often the candidates use it, damped: a
	// name repeated ten times is central, not ten times so.
	termsOf := make([]map[string]float64, len(units))
	weight := make(map[string]float64)
	for i, u := range units {
		termsOf[i] = e.textTerms(e.rangeText(u))
		for t := range termsOf[i] {
			weight[t]++
		}
	}
	for t, c := range weight {
		weight[t] = math.Log1p(c - 1)
	}
	covered := make(map[string]bool)
	chosen := make([]bool, len(units))
	var picked []int
	for len(picked) < n && len(picked) < len(units) {
		best, bestScore := -1, -1.0
		for i := range units {
			if chosen[i] {
				continue
			}
			gain := 0.0
			for t := range termsOf[i] {
				if !covered[t] {
					gain += weight[t]
				}
			}
			// Long sentences cover more by being long; divide by the square
			// root of the length to prefer dense ones without favouring
			// fragments.
			score := gain / math.Sqrt(float64(len(termsOf[i])+1))
			if byPosition {
				score *= 1 + 1.5/float64(i+1)
				if e.sents[units[i].first].quote >= 0 {
					score *= 0.8 // a summary reports; quotes are for quotes
				}
			}
			if score > bestScore {
				best, bestScore = i, score
			}
		}
		chosen[best] = true
		picked = append(picked, best)
		for t := range termsOf[best] {
			covered[t] = true
		}
	}
	sort.Ints(picked)
	out := make([]string, len(picked))
	for k, i := range picked {
		out[k] = e.rangeText(units[i])
	}
	return out
}

// textTerms returns the index terms of the words of text.
func (e *Engine) textTerms(txt string) map[string]float64 {
	terms := make(map[string]float64)
	for _, t := range text.Tokenize(txt) {
		if !t.IsStop() {
			terms[e.lookupTerm(t.Norm)]++
		}
	}
	return terms
}

func (e *Engine) sentenceText(doc int32) string {
	s := &e.sents[doc]
	return e.paragraphText(s)[s.span.Start:s.span.End]
}

// paragraphText returns the text of the paragraph a sentence is in; the
// headline for a headline.
func (e *Engine) paragraphText(s *sentence) string {
	a := e.articles[s.art]
	if s.para == titlePara {
		return a.Title
	}
	return a.Paragraphs[s.para].Text
}

// A NotFound is the answer to a question the articles do not answer:
// nothing to quote, and a few things they do cover, most talked about
// first, so that a reply can suggest what to ask.
type NotFound struct{ Topics []string }

// notFoundTopics is how many topics a NotFound offers: a few to choose
// from, short enough for one sentence.
const notFoundTopics = 3

// NotFound is the answer to a question the articles do not answer, for
// the bot and the console alike.
func (e *Engine) NotFound() NotFound { return NotFound{Topics: e.Topics(notFoundTopics)} }

// Topics returns up to n things the articles talk about most, for telling
// someone what to ask: the most repeated two-word phrases ("security
// guarantees"), then the most quoted speakers.
func (e *Engine) Topics(n int) []string {
	counts := make(map[string]int)
	var order []string
	for i := range e.sents {
		if !e.sents[i].prose || e.sents[i].para == titlePara {
			continue
		}
		toks := text.Tokenize(e.sentenceText(int32(i)))
		for k := 1; k < len(toks); k++ {
			a, b := toks[k-1], toks[k]
			if a.IsStop() || b.IsStop() || a.Number || b.Number || a.Cap || b.Cap || len(a.Norm) < 3 || len(b.Norm) < 3 {
				continue
			}
			key := a.Norm + " " + b.Norm
			if counts[key] == 0 {
				order = append(order, key)
			}
			counts[key]++
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return counts[order[i]] > counts[order[j]] })
	var out []string
	for _, p := range order {
		if len(out) == n-1 || counts[p] < 2 {
			break
		}
		out = append(out, p)
	}
	for _, s := range e.Speakers() {
		if len(out) == n {
			break
		}
		if s.person {
			out = append(out, s.Name)
		}
	}
	return out
}
