package qa

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/articlebot/articlebot/qa/index"
	"github.com/articlebot/articlebot/qa/rank"
	"github.com/articlebot/articlebot/qa/text"
)

// An Answer is one passage that answers a question, quoted exactly.
type Answer struct {
	Text      string  // the sentence, and its neighbour when one quotation spans both
	Highlight string  // the words that answer (a name, place, time, number), or ""
	BySpeaker bool    // the question asked who said it: the speaker is the answer
	Speaker   string  // who said it, or ""
	Role      string  // the speaker's role, or ""
	Article   string  // the article's title
	Paragraph int     // 1-based
	Score     float64 // the model's probability that this is the answer, if one of the candidates is
	Ref       Ref     // where the passage is, for follow-up actions such as Context
}

// A Ref points at a sentence of an engine's articles; it is stable for one
// set of articles and small enough to travel in a Discord custom_id.
type Ref struct {
	Sentence int
}

// Ask answers a question with up to k passages, best first. No passage
// means the articles do not answer it: a wrong answer is worse than none.
func (e *Engine) Ask(txt string, k int) ([]Answer, error) {
	q, err := e.ParseQuestion(txt)
	if err != nil {
		return nil, err
	}
	return e.Answer(q, k), nil
}

// Answer answers a parsed question.
func (e *Engine) Answer(q *Question, k int) []Answer {
	e.scope(q)
	return e.answer(q, k, nil)
}

// answer answers q with up to k passages, none of the sentences in exclude
// (those shown already, for "what else"): the best candidates the model
// ranks, unless it declines the question, or the question names someone
// or something the articles (or the one it is about) never mention.
func (e *Engine) answer(q *Question, k int, exclude map[int32]bool) []Answer {
	picked, _ := e.answerPicks(q, k, exclude)
	out := make([]Answer, len(picked))
	for i, p := range picked {
		out[i] = p.answer
	}
	return out
}

// answerPicks is answer, with the sentences each passage covers;
// exhausted reports that the articles answer the question but exclude
// holds every passage that does.
func (e *Engine) answerPicks(q *Question, k int, exclude map[int32]bool) (picked []pick, exhausted bool) {
	if k <= 0 || len(q.Unknown) > 0 {
		return nil, false
	}
	r := e.rankQuestion(q)
	if r.declined {
		return nil, false
	}
	if q.more && q.asksWords() {
		// "What else did he say?" asks for his words: all of them before
		// anyone else's that mention him.
		slices.SortStableFunc(r.cands, func(a, b candidate) int {
			return cmp.Compare(b.features[rank.SpeakerMatch], a.features[rank.SpeakerMatch])
		})
	}
	picked = e.picks(q, &r, k, exclude)
	return picked, len(picked) == 0 && len(r.cands) > 0
}

// A pick is a candidate the engine answers with: the passage, and the
// sentences it covers.
type pick struct {
	cand    *candidate
	answer  Answer
	covered []int32
}

// picks returns the best k candidates of a ranking as passages, each
// sentence shown once: a passage that covers a later candidate's sentence
// (one quotation running on) stands for it, and the sentences in exclude
// (shown already, for "what else") are skipped.
func (e *Engine) picks(q *Question, r *ranking, k int, exclude map[int32]bool) []pick {
	var out []pick
	used := make(map[int32]bool)
	for i := range r.cands {
		c := &r.cands[i]
		if len(out) == k {
			break
		}
		if exclude[c.Doc] || used[c.Doc] {
			continue
		}
		a, covered := e.answerPassage(q, c.Doc)
		for _, s := range covered {
			used[s] = true
		}
		a.Score = round2(c.prob)
		a.Highlight = e.highlight(q, c.Doc)
		a.BySpeaker = q.WhoSaid && a.Speaker != ""
		out = append(out, pick{c, a, covered})
	}
	return out
}

// better reports whether a ranks above b: a higher score, or the same
// score earlier in the articles.
func better(a, b index.Hit) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	return a.Doc < b.Doc
}

// sortHits orders hits best first, earlier sentences first on a tie.
func sortHits(hits []index.Hit) {
	slices.SortFunc(hits, func(a, b index.Hit) int {
		switch {
		case better(a, b):
			return -1
		case better(b, a):
			return 1
		}
		return 0
	})
}

// worstFirst is a heap of hits whose root is the worst, for keeping the
// best few of many.
type worstFirst []index.Hit

func (h worstFirst) Len() int           { return len(h) }
func (h worstFirst) Less(i, j int) bool { return better(h[j], h[i]) }
func (h worstFirst) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *worstFirst) Push(x any)        { *h = append(*h, x.(index.Hit)) }
func (h *worstFirst) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// coverage sums, per question word, the IDF weight of the best term of its
// group that the sentence matched.
//
// A word matched by its own term counts its full weight; one matched only
// through what it stands for counts the weight of its best alternative.
func (e *Engine) coverage(q *Question, h index.Hit) float64 {
	var sum float64
	for g := 0; g < q.nGroups && g < index.MaxGroups; g++ {
		switch bit := uint64(1) << g; {
		case h.Primary&bit != 0:
			sum += q.topicIDF[g]
		case h.Groups&bit != 0:
			sum += min(q.altIDF[g], q.topicIDF[g])
		}
	}
	return sum
}

// sentenceFlags are the facts about a sentence that do not depend on the
// question, recorded when it is indexed.
type sentenceFlags struct {
	future     bool // a time to come: "will", "next", "upcoming"
	shortQuote bool // a quoted term of a few words: “land swapping”
}

// readFlags reads a sentence's tokens for its flags; shortQuote says
// whether it holds a quoted term of a few words.
func readFlags(toks []text.Token, shortQuote bool) sentenceFlags {
	f := sentenceFlags{shortQuote: shortQuote}
	for _, t := range toks {
		if t.Is(text.KindFuture) {
			f.future = true
		}
	}
	return f
}

// passage returns the answer for sentence doc: the sentence, with the next
// (or previous) sentence when the same quotation runs on into it.
func (e *Engine) passage(doc int32) (Answer, []int32) {
	s := e.sents[doc]
	a := e.articles[s.art]
	txt := e.paragraphText(&s)
	covered := []int32{doc}
	span := s.span
	if s.quote >= 0 {
		switch {
		case e.sameQuote(doc, doc+1):
			span.End = e.sents[doc+1].span.End
			covered = append(covered, doc+1)
		case e.sameQuote(doc, doc-1):
			span.Start = e.sents[doc-1].span.Start
			covered = append(covered, doc-1)
		}
	}
	ans := Answer{
		Text:      txt[span.Start:span.End],
		Article:   a.Title,
		Paragraph: int(s.para) + 1, // the headline is paragraph 0
		Ref:       Ref{Sentence: int(doc)},
	}
	if len(ans.Text) > maxPassage {
		ans.Text = txt[s.span.Start:s.span.End]
		covered = covered[:1]
	}
	if s.speaker != nil {
		ans.Speaker, ans.Role = s.speaker.Name, s.speaker.Role
	}
	return ans, covered
}

// answerPassage returns the passage that answers q with sentence doc, and
// the sentences it covers: for a question about what someone said, the
// sentence with what the speaker goes on to say in the same paragraph, as
// a report often names the speaker, then quotes them: "Dr Ann Hale said
// the slope was unstable. "The danger was already there," she said."
func (e *Engine) answerPassage(q *Question, doc int32) (Answer, []int32) {
	a, covered := e.passage(doc)
	s := &e.sents[doc]
	if !q.asksWords() || s.speaker == nil {
		return a, covered
	}
	txt := e.paragraphText(s)
	start := e.sents[slices.Min(covered)].span.Start
	last := slices.Max(covered)
	end := e.sents[last].span.End
	for n := last + 1; int(n) < len(e.sents); n++ {
		next := &e.sents[n]
		if next.art != s.art || next.para != s.para || next.speaker != s.speaker || next.span.End-start > maxPassage {
			break
		}
		end = next.span.End
		covered = append(covered, n)
	}
	a.Text = txt[start:end]
	return a, covered
}

// maxPassage keeps a passage short enough to read at a glance (and within
// the limits of the outside scorers, which read 600 characters).
const maxPassage = 600

func (e *Engine) sameQuote(a, b int32) bool {
	if b < 0 || int(b) >= len(e.sents) {
		return false
	}
	sa, sb := e.sents[a], e.sents[b]
	return sa.quote >= 0 && sa.quote == sb.quote && sa.para == sb.para && sa.art == sb.art
}

func round2(x float64) float64 { return float64(int64(x*100+0.5)) / 100 }

// Passage returns the answer passage for a sentence an earlier answer
// pointed at, for "show me more". It reports false for a ref this engine
// does not have.
func (e *Engine) Passage(ref Ref) (Answer, bool) {
	if ref.Sentence < 0 || ref.Sentence >= len(e.sents) {
		return Answer{}, false
	}
	a, _ := e.passage(int32(ref.Sentence))
	return a, true
}

// A Context is a passage's paragraph with the paragraphs around it.
type Context struct {
	Article    string
	Paragraphs []ContextParagraph // in article order
}

// A ContextParagraph is one paragraph of a Context.
type ContextParagraph struct {
	Number int // 1-based; 0 is the headline
	Text   string
	Answer bool // the paragraph the passage is in
}

// Context returns the paragraph of ref with the one before and the one
// after it, for reading an answer in its place.
func (e *Engine) Context(ref Ref) (Context, bool) {
	if ref.Sentence < 0 || ref.Sentence >= len(e.sents) {
		return Context{}, false
	}
	s := &e.sents[ref.Sentence]
	a := e.articles[s.art]
	c := Context{Article: a.Title}
	if s.para == titlePara {
		c.Paragraphs = append(c.Paragraphs, ContextParagraph{0, a.Title, true})
		if len(a.Paragraphs) > 0 {
			c.Paragraphs = append(c.Paragraphs, ContextParagraph{1, a.Paragraphs[0].Text, false})
		}
		return c, true
	}
	for p := max(int(s.para)-1, 0); p <= int(s.para)+1 && p < len(a.Paragraphs); p++ {
		c.Paragraphs = append(c.Paragraphs, ContextParagraph{p + 1, a.Paragraphs[p].Text, p == int(s.para)})
	}
	return c, true
}

// A short quote is a quoted term, “land swapping”: at most
// shortQuoteWords words, and never more than shortQuoteBytes long (a
// longer quotation's words are not counted at all).
const (
	shortQuoteWords = 4
	shortQuoteBytes = 100
)

// shortQuoteIn reports whether a short quote overlaps the span sp of text.
func shortQuoteIn(txt string, quotes []Span, sp Span) bool {
	first := sort.Search(len(quotes), func(i int) bool { return quotes[i].End > sp.Start })
	for _, q := range quotes[first:] {
		if q.Start >= sp.End {
			break
		}
		if q.End-q.Start > shortQuoteBytes {
			continue // too long to be a term; and do not count its words
		}
		in := text.QuoteInner(txt, q)
		if n := len(strings.Fields(txt[in.Start:in.End])); n > 0 && n <= shortQuoteWords {
			return true
		}
	}
	return false
}
