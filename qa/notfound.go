package qa

import (
	"sort"
)

// A NotFound is the answer to a question the articles do not answer:
// nothing to quote, and a few things they do cover, most talked about
// first, so that a reply can suggest what to ask.
type NotFound struct {
	Topics   []string
	Articles int // how many articles the engine has: "the article" or "the articles"
}

// notFoundTopics is how many topics a NotFound offers: a few to choose
// from, short enough for one sentence.
const notFoundTopics = 3

// NotFound is the answer to a question the articles do not answer, for
// the bot and the console alike.
func (e *Engine) NotFound() NotFound {
	return NotFound{Topics: e.Topics(notFoundTopics), Articles: len(e.articles)}
}

// A topic is a phrase of two words, each at least minTopicWord letters,
// that the articles write at least minTopicRepeats times.
const (
	minTopicWord    = 3
	minTopicRepeats = 2
)

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
		toks := e.lx.Tokenize(e.sentenceText(int32(i)))
		for k := 1; k < len(toks); k++ {
			a, b := toks[k-1], toks[k]
			if a.IsStop() || b.IsStop() || a.Number || b.Number || a.Cap || b.Cap || len(a.Norm) < minTopicWord || len(b.Norm) < minTopicWord {
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
		if len(out) == n-1 || counts[p] < minTopicRepeats {
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
