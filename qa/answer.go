package qa

import (
	"container/heap"
	"slices"
	"sort"
	"strings"

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
	Score     float64 // BM25 with the question's kind taken into account
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
func (e *Engine) Answer(q *Question, k int) []Answer { return e.answer(q, k, nil) }

// answer answers q with up to k passages, none of the sentences in exclude
// (those shown already, for "what else").
func (e *Engine) answer(q *Question, k int, exclude map[int32]bool) []Answer {
	if k <= 0 || len(q.Unknown) > 0 {
		return nil
	}
	// Passages may join two sentences, and some may have been shown
	// already: rank a few more than asked for.
	hits := e.rank(q, 2*k+len(exclude))
	var out []Answer
	used := make(map[int32]bool)
	for _, h := range hits {
		if exclude[h.doc] {
			continue
		}
		if len(out) == k {
			break
		}
		if used[h.doc] {
			continue
		}
		a, covered := e.passage(h.doc)
		for _, s := range covered {
			used[s] = true
		}
		a.Score = round2(h.score)
		a.Highlight = e.highlight(q, h.doc)
		a.BySpeaker = q.WhoSaid && a.Speaker != ""
		out = append(out, a)
	}
	return out
}

// rank returns, best first, up to limit sentences that answer the
// question with enough confidence.
//
// BM25 and coverage are cheap and computed for every sentence that matches;
// the kind of the question (a count for "how many", a date for "when") is
// read from the sentence only for the best candidates, in order, until no
// candidate left could overtake the ones kept even with the largest bonus.
func (e *Engine) rank(q *Question, limit int) []hit {
	people := make(map[*Speaker]bool)
	for _, p := range q.People {
		people[p] = true
	}
	// A question about what someone said keeps to their sentences; if the
	// articles never credit that person with anything, they cannot answer.
	bySpeaker := false
	if q.Speech && !q.WhoSaid && len(q.People) > 0 {
		for _, p := range q.People {
			bySpeaker = bySpeaker || p.Statements > 0
		}
		if !bySpeaker {
			return nil
		}
	}
	// Debris and headings are not indexed; only questions about someone
	// need a filter as they search: their sentences, or credited ones.
	var accept bitset
	switch {
	case bySpeaker:
		accept = newBitset(len(e.sents))
		for _, p := range q.People {
			for _, doc := range p.sentences {
				accept.set(doc)
			}
		}
	case q.WhoSaid:
		accept = e.credited
	}
	var cands []hit
	if len(q.terms) == 0 {
		if !bySpeaker {
			return nil
		}
		// "What did Zakharova say?": their statements in article order.
		for _, p := range q.People {
			for _, doc := range p.sentences {
				if e.sents[doc].prose {
					cands = append(cands, hit{doc: doc, score: 1 / float64(doc+1)})
				}
			}
		}
	} else {
		var total float64
		for _, w := range q.topicIDF {
			total += w
		}
		// Keep the best maxCloseReads by score, in a heap whose root is
		// the worst kept.
		worst := (*worstFirst)(&cands)
		e.ix.search(q.terms, q.topicIDF, e.opts.MinConfidence*total, accept, func(h hit) {
			cov := e.coverage(q, h) / total
			if cov < e.opts.MinConfidence {
				return
			}
			h.score *= cov
			switch {
			case len(cands) < maxCloseReads:
				heap.Push(worst, h)
			case better(h, cands[0]):
				cands[0] = h
				heap.Fix(worst, 0)
			}
		})
	}
	sortHits(cands)
	var kept []hit
	maxBonus := maxKindBonus(q)
	for read, best := range cands {
		if read == maxCloseReads || len(kept) == limit && best.score*maxBonus < kept[len(kept)-1].score {
			break // no one left can overtake the ones kept
		}
		bonus := e.kindBonus(q, best.doc, people)
		if bonus == 0 {
			continue
		}
		best.score *= bonus
		kept = append(kept, best)
		sortHits(kept)
		if len(kept) > limit {
			kept = kept[:limit]
		}
	}
	return kept
}

// maxCloseReads bounds how many of the best candidates ranking reads for
// the kind of answer: when the 64 sentences that match a question best
// hold no count for "how many", the articles do not answer it.
const maxCloseReads = 64

// better reports whether a ranks above b: a higher score, or the same
// score earlier in the articles.
func better(a, b hit) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.doc < b.doc
}

// worstFirst is a heap of hits whose root is the worst, for keeping the
// best few of many.
type worstFirst []hit

func (h worstFirst) Len() int           { return len(h) }
func (h worstFirst) Less(i, j int) bool { return better(h[j], h[i]) }
func (h worstFirst) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *worstFirst) Push(x any)        { *h = append(*h, x.(hit)) }
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
func (e *Engine) coverage(q *Question, h hit) float64 {
	var sum float64
	for g := 0; g < q.nGroups && g < 32; g++ {
		switch bit := uint64(1) << g; {
		case h.primary&bit != 0:
			sum += q.topicIDF[g]
		case h.groups&bit != 0:
			sum += min(q.altIDF[g], q.topicIDF[g])
		}
	}
	return sum
}

// maxKindBonus bounds what kindBonus can return for q: the sum of every
// bonus it may add for such a question. Ranking relies on it to stop early.
func maxKindBonus(q *Question) float64 {
	b := 1.0
	if q.typeNoun != "" {
		b += 0.5
	}
	if q.futureAsk && q.Kind != KindTime {
		b += 0.2
	}
	switch q.Kind {
	case KindPlace, KindPerson:
		b += 0.3
	case KindQuote:
		b += 0.5
	}
	if len(q.People) > 0 {
		b += 0.3
		if !q.Speech {
			b += 1.8 * float64(len(q.People))
		}
	}
	return b
}

// kindBonus favours sentences that hold the kind of thing asked for, and
// returns 0 for a sentence that cannot answer that kind of question at all:
// "how many soldiers" needs a count of soldiers, "when" a time, "when will"
// a time to come.
func (e *Engine) kindBonus(q *Question, doc int32, people map[*Speaker]bool) float64 {
	s := &e.sents[doc]
	// What the index recorded rules most sentences out before reading them
	// again: "how many" needs a number, "when" a time.
	switch {
	case q.Kind == KindNumber && !s.flags.count,
		q.Kind == KindTime && (!s.flags.time || q.Future && !s.flags.future),
		q.Kind == KindNumber && q.measure == "many" && len(q.focus) > 0 && !e.hasAny(q.focus, doc):
		return 0
	}
	f := e.features(doc, q)
	if q.namesOf != "" && !f.namesOf {
		return 0 // asked for names, and this sentence names none of them
	}
	bonus := 1.0
	if f.typeNoun {
		bonus += 0.5 // "Which elections …": a sentence about elections
	}
	if q.futureAsk && f.future && q.Kind != KindTime {
		bonus += 0.2
	}
	switch q.Kind {
	case KindNumber:
		switch {
		case q.measure == "long" && !f.duration:
			return 0
		case q.measure == "many" && !f.countOf:
			return 0
		case !f.count:
			return 0
		}
	case KindTime:
		if !f.time || q.Future && !f.future {
			return 0
		}
	case KindPlace:
		if f.place {
			bonus += 0.3
		}
	case KindPerson:
		if f.person {
			bonus += 0.3
		}
	case KindQuote:
		if s.quote >= 0 {
			bonus += 0.2
		}
		if f.shortQuote {
			bonus += 0.3
		} else if q.wantsTerm {
			return 0 // "What term did he use": only a quoted term answers
		}
	}
	// Who someone is, where they are from, what they do: the article says so
	// where it introduces them.
	if !q.Speech {
		for _, p := range q.People {
			if slices.Contains(e.defines[p], doc) {
				if q.Kind == KindDefinition {
					bonus += 1.5
				} else {
					bonus += 0.5
				}
			}
			// A question about Hartley is answered where Hartley is named
			// (by name, or by what stands for him), not beside someone else.
			if e.ix.has(e.lookupTerm(p.words[len(p.words)-1]), doc) {
				bonus += 0.3
			}
		}
	}
	if len(people) > 0 && people[s.speaker] {
		bonus += 0.3
	}
	return bonus
}

// features are facts about a sentence that the kind of question cares about.
type features struct {
	sentenceFlags
	countOf  bool // a count of the question's focus: "six deals"
	duration bool // a length of time: "three-day", "45 years"
	person   bool // names a person
	typeNoun bool // the noun after the question's "which"
	namesOf  bool // a name, not the question's, next to what the question asks the names of
}

// features reads a sentence for the question: what the index recorded of
// it, and, only for the questions that need them, what takes reading it
// again.
func (e *Engine) features(doc int32, q *Question) features {
	s := &e.sents[doc]
	f := features{sentenceFlags: s.flags, person: s.people}
	if q.typeNoun != "" {
		f.typeNoun = e.ix.has(q.typeNoun, doc)
	}
	if q.Kind != KindNumber && q.namesOf == "" {
		return f
	}
	toks := text.Tokenize(e.sentenceText(doc))
	for i, t := range toks {
		if !(t.Number && !t.IsYear() || isNumberWord(t.Norm)) {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+3; k++ {
			st := e.lookupTerm(toks[k].Norm)
			if slices.Contains(q.focus, st) {
				f.countOf = true
			}
			if timeUnits.Has(st) && k <= i+2 {
				f.duration = true
			}
		}
	}
	if q.namesOf != "" {
		f.namesOf = e.namesNear(q, toks, q.namesOf)
	}
	return f
}

// hasAny reports whether sentence doc has any of the terms.
func (e *Engine) hasAny(terms []string, doc int32) bool {
	for _, t := range terms {
		if e.ix.has(t, doc) {
			return true
		}
	}
	return false
}

// sentenceFlags are the facts about a sentence that do not depend on the
// question, recorded when it is indexed.
type sentenceFlags struct {
	count      bool // a number that is not a year: "six", "$250,000", "74"
	time       bool // a date, day, year or time word
	future     bool // a time to come: "will", "next", "approaching"
	place      bool // at, in, to … a capitalised name
	shortQuote bool // a quoted term of a few words: “land swapping”
}

// readFlags reads a sentence's tokens (offsets into para, the text of its
// paragraph) for its flags; shortQuote says whether it holds a quoted term
// of a few words.
func readFlags(toks []text.Token, para string, shortQuote bool) sentenceFlags {
	var f sentenceFlags
	for i, t := range toks {
		switch {
		case t.IsYear():
			f.time = true
		case t.Number || t.Is(text.KindNumber):
			f.count = true
			if strings.ContainsAny(t.Norm, "/:") {
				f.time = true
			}
		case t.Is(text.KindTime):
			f.time = true
		}
		if t.Is(text.KindFuture) {
			f.future = true
		}
		if t.Start == 0 && t.AllCaps && len(toks) > 1 && strings.HasPrefix(para[t.End:], ",") {
			f.place = true // a dateline: "COPENHAGEN, Oct. 14"
		}
		if t.Cap && i > 0 {
			prev := toks[i-1]
			if prev.Norm == "the" && i > 1 {
				prev = toks[i-2]
			}
			if prev.Is(text.KindPlacePrep) {
				f.place = true
			}
		}
	}
	f.shortQuote = shortQuote
	return f
}

// namesNear reports whether a capitalised word the question does not use
// stands within three words of a word with the stem head: "the Kikuyu and
// Kalenjin communities" names communities; "one of the ethnic groups named
// by the BBC report" does not name the groups.
func (e *Engine) namesNear(q *Question, toks []text.Token, head string) bool {
	asked := make(map[string]bool)
	for _, w := range q.surface {
		asked[w] = true
	}
	for i, t := range toks {
		if t.Cap || e.lookupTerm(t.Norm) != head {
			continue
		}
		for k := max(0, i-3); k < len(toks) && k <= i+3; k++ {
			if n := toks[k]; n.Cap && k > 0 && !asked[n.Norm] && !n.IsStop() {
				return true
			}
		}
	}
	return false
}

var timeUnits = text.NewWordSet(`second minut hour day week month year decad centuri`)

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

// shortQuoteIn reports whether a quotation of four words or fewer (a
// quoted term, “land swapping”) overlaps the span sp of text.
func shortQuoteIn(txt string, quotes []Span, sp Span) bool {
	first := sort.Search(len(quotes), func(i int) bool { return quotes[i].End > sp.Start })
	for _, q := range quotes[first:] {
		if q.Start >= sp.End {
			break
		}
		if q.End-q.Start > 100 {
			continue // too long to be a term; and do not count its words
		}
		in := text.QuoteInner(txt, q)
		if n := len(strings.Fields(txt[in.Start:in.End])); n > 0 && n <= 4 {
			return true
		}
	}
	return false
}
