package qa

import (
	"cmp"
	"container/heap"
	"math"
	"math/bits"
	"slices"
	"sync"

	"github.com/articlebot/articlebot/qa/index"
	"github.com/articlebot/articlebot/qa/rank"
	"github.com/articlebot/articlebot/qa/text"
)

// A candidate is a sentence that may answer a question: found by BM25,
// described by its features, and scored by the ranking model.
type candidate struct {
	index.Hit
	paraGroups uint64 // the question words its paragraph matches
	features   rank.Vector
	score      float64 // the model's
	prob       float64 // the softmax of the scores: the chance that it is the answer, if one is
}

// A ranking is a question's candidates, best first, and whether the
// article answers it at all.
type ranking struct {
	cands    []candidate
	signals  rank.Signals
	answers  float64 // the decliner's probability that the best answers
	declined bool

	// Of a question declined for names an article never mentions
	// (Question.Unknown): that article, the one it is kept to or, when no
	// one article mentions all its names (unrouted), the one that lacks
	// fewest.
	lacking  *Article
	unrouted bool
}

// Options of candidate generation.
const (
	// maxCandidates is how many sentences, the best by BM25, the model
	// reads closely: for 96.4% of SQuAD 2.0 dev's answerable questions the
	// 30 best hold the answer, for about 95.7% the 20 best.
	maxCandidates = 30

	// candidateWeight is the share of the question's weight a sentence
	// must match to be a candidate: the words too light to reach it on
	// their own (the common ones, the framing ones) only add to sentences
	// heavier words found, which spares most of their long posting lists.
	candidateWeight = 0.15
)

// rankQuestion finds a question's candidates, scores them with the model
// and decides whether the best answers.
//
// A question kept to one article (Question.Within) is ranked in it with
// the article's own word statistics, as if the engine held it alone, and
// declined if it names someone or something that article never mentions.
// Of many articles, the question is ranked in all of them, to route it:
// unless the model declines it there, the article it is about is that of
// its best candidate among the articles that mention every name it
// gives; if none does, it is declined (and if no one article mentions
// all its names, Explain says so). The question is kept to that article
// from then on (so are its follow-ups), ranked again in it, and
// declined, and kept to no article, if the model declines it there. So an article gives the passage it
// gives alone, whatever else is loaded beside it; ranked in all, a word
// the other articles use often would weigh little in the one that is
// about it. (What the engine knows of names and people is still of all
// its articles.) A question that asks only what someone said ("What did
// Ann Lee say?") is not routed: it is answered from every article they
// speak in.
func (e *Engine) rankQuestion(q *Question) ranking {
	if len(q.terms) == 0 && !q.aboutSpeaker() {
		return ranking{declined: true}
	}
	switch {
	case q.within != nil:
		art := slices.Index(e.articles, q.within)
		if art < 0 {
			return ranking{declined: true} // an article of another engine: one since reloaded
		}
		searched := e.ix.Part(art)
		if len(e.articles) > 1 {
			if q.Unknown = unknownIn(q, searched); len(q.Unknown) > 0 {
				return ranking{declined: true, lacking: q.within}
			}
		}
		return e.decide(q, searched, nil)
	case len(e.articles) == 1 || q.aboutSpeaker() && !q.hasTopic():
		return e.decide(q, e.ix.All(), nil)
	}
	if len(q.Unknown) > 0 {
		return ranking{declined: true} // names no article mentions
	}
	routed := e.decide(q, e.ix.All(), nil)
	art := -1 // the best candidate's article, of those that mention all its names
	if !routed.declined {
		for _, c := range routed.cands {
			if a := int(e.sents[c.Doc].art); len(unknownIn(q, e.ix.Part(a))) == 0 {
				art = a
				break
			}
		}
	}
	if art < 0 {
		// Declined: say so if it is for names no one article mentions all
		// of, with those that the article lacking fewest (the first of
		// them loaded) lacks.
		fewest := -1
		var lacks []string
		for a := range e.articles {
			if missing := unknownIn(q, e.ix.Part(a)); fewest < 0 || len(missing) < len(lacks) {
				fewest, lacks = a, missing
			}
		}
		if len(lacks) > 0 {
			q.Unknown = lacks
			return ranking{declined: true, lacking: e.articles[fewest], unrouted: true}
		}
		routed.declined = true // by the model, or no candidate is of an article that mentions all its names
		return routed
	}
	q.within = e.articles[art]
	r := e.decide(q, e.ix.Part(art), routed.cands)
	if r.declined {
		q.within = nil // its follow-ups are not kept to an article that does not answer it
	}
	return r
}

// decide ranks a question's candidates in one part of the index (all the
// articles, or one) and decides whether the best answers. read are
// candidates already described in a wider search, if any, whose reading
// (see readFeatures) is the same in this one.
func (e *Engine) decide(q *Question, searched index.Part, read []candidate) ranking {
	cands, qv, total := e.rankIn(q, searched, read)
	if len(cands) == 0 {
		return ranking{declined: true}
	}
	r := ranking{cands: cands, signals: e.signals(q, qv, cands, total)}
	r.answers = e.model.Answers(&r.signals)
	r.declined = e.model.Declines(&r.signals)
	return r
}

// rankIn finds a question's candidates in one part of the index (all the
// articles, or one) and scores them with the model, best first. It
// returns too what the decliner reads besides them: the question as the
// candidates were compared with it, and its words' total weight.
func (e *Engine) rankIn(q *Question, searched index.Part, read []candidate) (cands []candidate, qv *questionView, total float64) {
	q.weighTerms(searched, e.opts.MissingWordWeight)
	for _, w := range q.topicIDF {
		total += w
	}
	// The best by BM25, in a heap whose root is the worst kept; and every
	// paragraph's sum and the question words it matches.
	var hits []index.Hit
	worst := (*worstFirst)(&hits)
	found := searched.Search(q.terms, q.topicIDF, candidateWeight*total)
	defer found.Release()
	paras := e.paraScratch.Get().(*paraSums)
	defer paras.release(&e.paraScratch)
	found.Each(func(h index.Hit) {
		paras.add(e.paraKey(h.Doc), h)
		switch {
		case len(hits) < maxCandidates:
			heap.Push(worst, h)
		case better(h, hits[0]):
			hits[0] = h
			heap.Fix(worst, 0)
		}
	})
	// A question about what someone said reads their statements too: the
	// best that match it, or their first when it names no topic ("What
	// did Zelenskyy say?").
	if q.aboutSpeaker() {
		var theirs []index.Hit
		worstOfTheirs := (*worstFirst)(&theirs)
		for _, p := range q.speakers() {
			for _, doc := range p.sentences {
				h := found.At(doc)
				switch {
				case !e.sents[doc].prose || h.Score == 0 && len(q.terms) > 0 || !searched.Contains(doc):
				case len(theirs) < maxCandidates:
					heap.Push(worstOfTheirs, h)
				case better(h, theirs[0]):
					theirs[0] = h
					heap.Fix(worstOfTheirs, 0)
				}
			}
		}
		sortHits(theirs)
		for _, h := range theirs {
			if !slices.ContainsFunc(hits, func(c index.Hit) bool { return c.Doc == h.Doc }) {
				hits = append(hits, h)
			}
		}
	}
	if len(hits) == 0 {
		return nil, nil, total
	}
	sortHits(hits)
	var best, bestPara float64
	for _, h := range hits {
		best = max(best, h.Score)
	}
	for _, k := range paras.touched {
		bestPara = max(bestPara, paras.sums[k].score)
	}
	qv = e.questionView(q, searched)
	cands = make([]candidate, len(hits))
	scores := make([]float64, len(hits))
	for i, h := range hits {
		c := &cands[i]
		c.Hit = h
		e.describe(q, qv, c, i, best, bestPara, total, paras, found, read)
		c.score = e.model.Score(&c.features)
		scores[i] = c.score
	}
	// Best first. A candidate is large, and sorting them moves each many
	// times: sort their numbers, then move each candidate once.
	order := make([]int, len(cands))
	for i, p := range rank.Probabilities(scores) {
		cands[i].prob = p
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(scores[b], scores[a]); c != 0 {
			return c
		}
		return cmp.Compare(cands[a].Doc, cands[b].Doc)
	})
	permute(cands, order)
	return cands, qv, total
}

// permute reorders s so that s[i] is what s[order[i]] was, moving each
// element once: it follows each cycle of the permutation, holding its
// first element aside. It uses up order.
func permute[T any](s []T, order []int) {
	for i := range order {
		if order[i] < 0 {
			continue // moved with an earlier cycle
		}
		first, j := s[i], i
		for {
			k := order[j]
			order[j] = -1
			if k == i {
				s[j] = first
				break
			}
			s[j], j = s[k], k
		}
	}
}

// aboutSpeaker reports whether a question asks what someone it names said.
func (q *Question) aboutSpeaker() bool {
	if !q.asksWords() {
		return false
	}
	for _, p := range q.speakers() {
		if p.Statements > 0 {
			return true
		}
	}
	return false
}

// hasTopic reports whether a question has a topic besides whose words it
// asks for: "What did Ann Lee say about the harbour?", not "What did Ann
// Lee say?".
func (q *Question) hasTopic() bool {
	for g, frame := range q.frame {
		if !frame && (g >= index.MaxGroups || q.speakerGroups&(1<<g) == 0) {
			return true
		}
	}
	return false
}

// asksWords reports whether a question asks for someone's words, not who
// said something: "What did Zelenskyy say about …?".
func (q *Question) asksWords() bool { return q.Speech && !q.WhoSaid }

// speakers returns the people whose words a question asks for: those it
// names as the one speaking; else, when it names no one there ("What did
// he say?", resolved from the question before), all it names.
func (q *Question) speakers() []*Speaker {
	if len(q.asked) > 0 || q.speakerNamed {
		return q.asked
	}
	return q.People
}

// A paraMatch is what the sentences of a paragraph match of a question.
type paraMatch struct {
	score  float64
	groups uint64
}

// paraSums sum one search's hits by paragraph, one slot a paragraph as the
// search's accumulator has one a sentence; the engine pools them.
type paraSums struct {
	sums    []paraMatch
	touched []int32
}

func (p *paraSums) add(para int32, h index.Hit) {
	pm := &p.sums[para]
	if pm.score == 0 && pm.groups == 0 {
		p.touched = append(p.touched, para)
	}
	pm.score += h.Score
	pm.groups |= h.Groups
}

// release clears the sums and hands them back to pool.
func (p *paraSums) release(pool *sync.Pool) {
	for _, k := range p.touched {
		p.sums[k] = paraMatch{}
	}
	p.touched = p.touched[:0]
	pool.Put(p)
}

// paraKey numbers a sentence's paragraph across the articles: the
// headline is a paragraph of its own.
func (e *Engine) paraKey(doc int32) int32 { return e.paraOf[doc] }

// A questionView is what describing candidates needs of a question, by
// index term: its words in order, which question word each term stands
// for, and what kind of answer it asks for.
type questionView struct {
	terms    []int32           // the question's content words as index terms, in order; -1 for one no sentence has
	groupOf  map[int32]int     // a term of the question → its question word (group)
	own      map[int32]bool    // the terms of the question's own words
	people   map[*Speaker]bool // whom it names
	speakers map[*Speaker]bool // whose words it asks for
	kind     rank.Feature      // the feature of the kind of answer asked for, or -1
	counted  map[int32]bool    // what "how many" counts, with the terms related to it
	namesOf  int32             // what it asks the names of, or -1
	named    map[int32]bool    // the terms of the names of the people it names
	leads    bool              // it asks who runs, leads, heads or owns something: "Who runs the hospice?"
	old      int32             // the term of "old", when the question asks "how old", else -1
	units    tokenFlags        // the units the measure asked for is counted in (measureUnits)
}

func (e *Engine) questionView(q *Question, searched index.Part) *questionView {
	qv := &questionView{groupOf: make(map[int32]int), own: make(map[int32]bool), people: make(map[*Speaker]bool),
		speakers: make(map[*Speaker]bool), kind: -1, namesOf: -1}
	id := func(term string) int32 {
		if id, ok := searched.Lookup(term); ok {
			return id
		}
		return -1
	}
	for _, t := range q.terms {
		if id := id(t.Term); id >= 0 {
			if _, ok := qv.groupOf[id]; !ok {
				qv.groupOf[id] = t.Group
			}
		}
	}
	for _, w := range q.surface {
		t := id(e.lookupTerm(w))
		qv.terms = append(qv.terms, t)
		if t >= 0 {
			qv.own[t] = true
		}
	}
	for _, p := range q.People {
		qv.people[p] = true
		for _, w := range p.words {
			if t := id(e.lookupTerm(w)); t >= 0 {
				if qv.named == nil {
					qv.named = make(map[int32]bool)
				}
				qv.named[t] = true
			}
		}
	}
	for _, p := range q.speakers() {
		qv.speakers[p] = true
	}
	if len(q.focus) > 0 {
		qv.counted = make(map[int32]bool)
		for _, st := range q.focus {
			qv.counted[id(st)] = true
			for _, rel := range relatedTerms(st) {
				qv.counted[id(rel)] = true
			}
		}
		delete(qv.counted, -1)
	}
	if q.namesOf != "" {
		qv.namesOf = id(q.namesOf)
	}
	qv.leads = q.leadVerb >= 0
	qv.old = -1
	if q.measure == "old" {
		qv.old = id(e.lookupTerm("old"))
	}
	qv.units = flagsOf(measureUnits[q.measure])
	switch q.Kind {
	case KindTime:
		qv.kind = rank.AnswerTime
	case KindNumber:
		qv.kind = rank.AnswerNumber
	case KindPerson:
		qv.kind = rank.AnswerPerson
	case KindPlace:
		qv.kind = rank.AnswerPlace
	}
	return qv
}

// describe works out a candidate's features.
func (e *Engine) describe(q *Question, qv *questionView, c *candidate, at int, best, bestPara, total float64,
	paras *paraSums, found index.Result, read []candidate) {
	s := &e.sents[c.Doc]
	f := &c.features
	if best > 0 {
		f[rank.BM25] = c.Hit.Score / best
		var around float64
		for _, n := range [2]int32{c.Doc - 1, c.Doc + 1} {
			if n >= 0 && int(n) < len(e.sents) && e.paraKey(n) == e.paraKey(c.Doc) {
				around += found.At(n).Score
			}
		}
		f[rank.Neighbours] = around / best
	}
	f[rank.BM25Rank] = 1 / float64(1+at)
	theirs := q.asksWords() && s.speaker != nil && qv.speakers[s.speaker]
	if theirs {
		// "What did Zelenskyy say about the talks?": a sentence of his
		// has his name by being his, however it refers to him.
		c.Groups |= q.speakerGroups
		c.Primary |= q.speakerGroups
	}
	pm := paras.sums[e.paraKey(c.Doc)]
	c.paraGroups = pm.groups
	if total > 0 {
		f[rank.Coverage] = e.coverage(q, c.Hit) / total
		f[rank.Exact] = exactShare(q, c.Primary) / total
		f[rank.ParagraphCoverage] = e.coverage(q, index.Hit{Groups: pm.groups, Primary: pm.groups}) / total
	}
	if bestPara > 0 {
		f[rank.Paragraph] = pm.score / bestPara
	}
	f[rank.Length] = math.Log1p(float64(e.ix.DocLen(c.Doc)))
	f[rank.First] = boolFeature(s.para != titlePara && (c.Doc == 0 || e.sents[c.Doc-1].para != s.para || e.sents[c.Doc-1].art != s.art))
	f[rank.Headline] = boolFeature(s.para == titlePara)
	f[rank.Quoted] = boolFeature(s.quote >= 0)
	f[rank.QuotedAsked] = boolFeature(s.quote >= 0 && q.asksWords())
	f[rank.SpeakerMatch] = boolFeature(theirs)
	f[rank.Credited] = boolFeature(q.WhoSaid && s.speaker != nil)
	if q.typeNoun != "" {
		f[rank.AnswerTypeNoun] = boolFeature(e.ix.Has(q.typeNoun, c.Doc))
	}
	for p := range qv.people {
		if e.ix.Has(e.lookupTerm(p.words[len(p.words)-1]), c.Doc) {
			f[rank.PersonNamed] = 1
		}
		if slices.Contains(e.defines[p], c.Doc) {
			f[rank.Defines] = 1
			f[rank.DefinesAsked] = boolFeature(q.Kind == KindDefinition)
		}
	}
	for i := range read {
		if read[i].Doc == c.Doc {
			for _, rf := range readFeatures {
				f[rf] = read[i].features[rf]
			}
			if q.Kind == KindNumber {
				// What "how many" counts is only what the articles
				// searched have: with none of it, any count will do.
				f[rank.AnswerMeasured] = boolFeature(measures(q, qv, e.sentenceReads(c.Doc)))
			}
			return
		}
	}
	e.readCandidate(q, qv, c)
}

// readFeatures are the features readCandidate works out but the measure
// of "how many": they depend on the question and the sentence's words,
// not on what else is searched, so that a sentence read in all the
// articles need not be read again in its own.
var readFeatures = [...]rank.Feature{rank.Novel, rank.Density, rank.Bigrams, rank.AnswerTime, rank.AnswerNumber,
	rank.AnswerPerson, rank.AnswerPlace, rank.AnswerNear, rank.AnswerFuture, rank.AnswerTerm, rank.AnswerNames, rank.AnswerLeads}

// readCandidate works out the features that take reading the sentence's
// words: its pairs of question words, how close its question words are,
// what it says that the question does not, and whether it holds the kind
// of thing asked for.
func (e *Engine) readCandidate(q *Question, qv *questionView, c *candidate) {
	f := &c.features
	toks := e.sentenceReads(c.Doc)
	first, last, novel, content := -1, -1, 0, 0
	matched := uint64(0)
	var pairs pairCounter
	prev, prevOwn := int32(-1), false
	for _, t := range toks {
		if t.has(tokStop) {
			continue
		}
		content++
		own := qv.own[t.term]
		if g, ok := qv.groupOf[t.term]; ok {
			if first < 0 {
				first = content - 1
			}
			last = content - 1
			if g < index.MaxGroups {
				matched |= 1 << g
			}
		} else if !own {
			novel++
		}
		if own && prevOwn {
			pairs.see(qv.terms, prev, t.term)
		}
		prev, prevOwn = t.term, own
	}
	if content > 0 {
		f[rank.Novel] = float64(novel) / float64(content)
	}
	if n := bits.OnesCount64(matched); n > 0 {
		f[rank.Density] = float64(n) / float64(last-first+1)
	}
	if n := len(qv.terms) - 1; n > 0 {
		f[rank.Bigrams] = float64(pairs.count(qv.terms, toks)) / float64(n)
	}
	if qv.kind >= 0 {
		if holds, near := e.holdsKind(qv, toks, c.Doc); holds {
			f[qv.kind] = 1
			f[rank.AnswerNear] = boolFeature(near)
		}
	}
	f[rank.AnswerFuture] = boolFeature(q.Future && e.sents[c.Doc].flags.future)
	if q.Kind == KindNumber {
		f[rank.AnswerMeasured] = boolFeature(measures(q, qv, toks))
	}
	if q.wantsTerm {
		f[rank.AnswerTerm] = boolFeature(e.sents[c.Doc].flags.shortQuote)
	}
	if qv.namesOf >= 0 {
		f[rank.AnswerNames] = boolFeature(namesNear(qv, toks))
	}
	if qv.leads && f[rank.AnswerPerson] > 0 {
		f[rank.AnswerLeads] = boolFeature(slices.ContainsFunc(toks, func(t readToken) bool { return t.has(tokLead) && !qv.own[t.term] }))
	}
}

// A pairCounter counts, as readCandidate reads a sentence's words once,
// the pairs of consecutive question terms the sentence also has in a row:
// each pair once, however often.
type pairCounter struct{ seen uint64 }

// see notes the words a, b in a row, both the question's own.
func (c *pairCounter) see(question []int32, a, b int32) {
	for k := 1; k < len(question) && k < maxCountedPairs; k++ {
		if question[k-1] == a && question[k] == b {
			c.seen |= 1 << k
		}
	}
}

// count returns how many pairs were seen; for a question of more pairs
// than a counter holds, it reads the sentence again.
func (c *pairCounter) count(question []int32, toks []readToken) int {
	if len(question) > maxCountedPairs {
		return sharedPairs(question, toks)
	}
	return bits.OnesCount64(c.seen)
}

// maxCountedPairs is how many question terms a pairCounter follows.
const maxCountedPairs = 64

// sharedPairs counts the pairs of consecutive question terms that a
// sentence's content words also have in a row.
func sharedPairs(question []int32, toks []readToken) int {
	n := 0
	for k := 1; k < len(question); k++ {
		if question[k-1] < 0 || question[k] < 0 {
			continue
		}
		prev := int32(-1)
		for _, t := range toks {
			if t.has(tokStop) {
				continue
			}
			if prev == question[k-1] && t.term == question[k] {
				n++
				break
			}
			prev = t.term
		}
	}
	return n
}

// narrow reports whether a question asks for something narrower than its
// kind (a count of what it counts, a time to come, a quoted term, names)
// and whether a candidate's features say it holds that.
func narrow(q *Question, f *rank.Vector) (asked, holds bool) {
	switch {
	case q.Kind == KindNumber:
		return true, f[rank.AnswerMeasured] > 0
	case q.Kind == KindTime && q.Future:
		return true, f[rank.AnswerTime] > 0 && f[rank.AnswerFuture] > 0
	case q.wantsTerm:
		return true, f[rank.AnswerTerm] > 0
	case q.namesOf != "":
		return true, f[rank.AnswerNames] > 0
	}
	return false, true
}

// measures reports whether a sentence's words hold what a number question
// asks for in the narrow sense: a count of the thing counted ("six deals"
// for "how many deals"), a number in the units of what "how long", "how
// far", "how deep", "how fast" and the like measure (measureUnits), an
// age for "how old", a sum or a quantity in units for "how much" (a share
// by its word, "per cent"), a frequency for "how often", a score or a
// tally for a vote.
func measures(q *Question, qv *questionView, toks []readToken) bool {
	for i, t := range toks {
		if q.measure == "often" && t.has(tokFrequency) && !qv.own[t.term] {
			return true // "fortnightly", "twice a year"
		}
		if !t.has(tokCount) || qv.own[t.term] {
			continue
		}
		unitFollows := func(units tokenFlags) bool {
			for k := i + 1; k < len(toks) && k <= i+unitReach; k++ {
				if toks[k].has(units) {
					return true
				}
			}
			return false
		}
		switch q.measure {
		case "score":
			if t.has(tokScore) {
				return true // "beat Acme 2-1"
			}
		case "many":
			if len(qv.counted) == 0 {
				return true // "how many of the injured": any count
			}
			for k := i + 1; k < len(toks) && k <= i+countReach; k++ {
				if qv.counted[toks[k].term] {
					return true
				}
			}
		case "long", "far", "time", "deep", "tall", "wide", "high", "heavy", "full", "fast", "quickly", "soon":
			// In its units; a level may be a sum ("How high did prices
			// go?"), and a quantity a share ("How full is the dam?").
			if t.has(tokSuffixed) || unitFollows(qv.units) || qv.units&tokCurrency != 0 && t.has(tokCurrency) ||
				qv.units&tokQuantityUnit != 0 && t.has(tokShare) {
				return true
			}
		case "old":
			// An age is a time "old" follows ("the 19-year-old", "six
			// months old"; not "two hours"), a number after "aged", or
			// one set off after a name: after the name of whom the
			// question asks, if it names anyone ("How old is Lisk?" is
			// not answered by "Castellan, 22, beat Lisk").
			if ageUnitFollows(qv, toks, i) || i > 0 && toks[i-1].has(tokAge) ||
				t.has(tokApposedAge) && (len(qv.named) == 0 || qv.named[toks[i-1].term]) {
				return true
			}
		case "often":
			if unitFollows(tokFrequency) {
				return true
			}
		case "much":
			if t.has(tokCurrency|tokSuffixed) || unitFollows(qv.units) {
				return true
			}
		case "money":
			if t.has(tokCurrency) || unitFollows(qv.units) {
				return true // "£3m", "85 million pounds"
			}
		default: // "what number", "how big": any count
			return true
		}
	}
	return false
}

// measureUnits are the units each measure a question asks for ("how
// long", "how far", …) is counted in: what answers it in the narrow sense
// (measures) and what the span model reads as the unit asked (span
// feature unit_asked). A size ("how big") may be any count to the ranking.
var measureUnits = map[string]text.WordKind{
	"long":  text.KindTimeUnit | text.KindLengthUnit,
	"time":  text.KindTimeUnit,
	"old":   text.KindTimeUnit,
	"far":   text.KindLengthUnit,
	"much":  text.KindCurrency | text.KindQuantityUnit | text.KindLengthUnit,
	"money": text.KindCurrency,
	"big":   text.KindLengthUnit | text.KindQuantityUnit,
	"large": text.KindLengthUnit | text.KindQuantityUnit,
	// A height, a depth, a width; a level ("How high did prices go?");
	// a weight; how full; a speed or how soon ("about 2 feet a day",
	// "within 40 minutes").
	"deep":    text.KindLengthUnit,
	"tall":    text.KindLengthUnit,
	"wide":    text.KindLengthUnit,
	"high":    text.KindLengthUnit | text.KindQuantityUnit | text.KindCurrency,
	"heavy":   text.KindQuantityUnit,
	"full":    text.KindQuantityUnit,
	"fast":    text.KindLengthUnit | text.KindTimeUnit | text.KindQuantityUnit,
	"quickly": text.KindLengthUnit | text.KindTimeUnit | text.KindQuantityUnit,
	"soon":    text.KindTimeUnit,
}

// ageUnitFollows reports whether a unit of time follows the number at
// token i, within unitReach words, and then the question's "old": "19
// year old" of "the 19-year-old", "30 years old".
func ageUnitFollows(qv *questionView, toks []readToken, i int) bool {
	for k := i + 1; k+1 < len(toks) && k <= i+unitReach; k++ {
		if toks[k].has(tokTimeUnit) {
			return qv.old >= 0 && toks[k+1].term == qv.old
		}
	}
	return false
}

// Reaches of a number: the counted noun stands within countReach words
// after it ("six trade deals"), a unit within unitReach ("45 years").
const (
	countReach = 3
	unitReach  = 2
)

// namesNear reports whether a capitalised word the question does not use
// stands within nameReach words of what the question asks the names of:
// "the Kikuyu and Kalenjin communities" names communities; "one of the
// ethnic groups named by the report" does not name the groups.
func namesNear(qv *questionView, toks []readToken) bool {
	for i, t := range toks {
		if t.has(tokCap) || t.term != qv.namesOf {
			continue
		}
		for k := max(0, i-nameReach); k < len(toks) && k <= i+nameReach; k++ {
			if n := toks[k]; n.has(tokCap) && k > 0 && !qv.own[n.term] && !n.has(tokStop) {
				return true
			}
		}
	}
	return false
}

// nameReach is how many words from what a question asks the names of a
// name may stand.
const nameReach = 3

// holdsKind reports whether a sentence's words hold a thing of the kind
// the question asks for that the question does not name: a time for
// "when", a number for "how many", a person for "who", a place for
// "where".
//
// near reports whether one stands within answerReach words of a word of
// the question: "six deals" for "how many deals".
func (e *Engine) holdsKind(qv *questionView, toks []readToken, doc int32) (holds, near bool) {
	for i, t := range toks {
		if qv.own[t.term] {
			continue
		}
		is := false
		switch qv.kind {
		case rank.AnswerTime:
			is = t.has(tokTime)
		case rank.AnswerNumber:
			is = t.has(tokCount)
		case rank.AnswerPerson:
			is = t.has(tokCap) && !t.has(tokStop) && i > 0 && e.sents[doc].people
		case rank.AnswerPlace:
			is = t.has(tokPlace)
		}
		if !is {
			continue
		}
		holds = true
		for k := max(0, i-answerReach); k < len(toks) && k <= i+answerReach; k++ {
			if _, ok := qv.groupOf[toks[k].term]; ok && k != i && !toks[k].has(tokStop) {
				return true, true
			}
		}
	}
	return holds, false
}

// answerReach is how many words from a question word the thing asked for
// may stand to count as near it.
const answerReach = 3

// exactShare sums the weight of the question words a sentence matches by
// the question's own word.
func exactShare(q *Question, primary uint64) float64 {
	var sum float64
	for g := 0; g < q.nGroups && g < index.MaxGroups; g++ {
		if primary&(1<<g) != 0 {
			sum += q.topicIDF[g]
		}
	}
	return sum
}

// signals works out what the decliner reads of a question and its best
// candidates.
func (e *Engine) signals(q *Question, qv *questionView, cands []candidate, total float64) rank.Signals {
	var s rank.Signals
	top := &cands[0]
	s[rank.TopProbability] = top.prob
	s[rank.TopScore] = top.score
	s[rank.TopCoverage] = top.features[rank.Coverage]
	s[rank.TopExact] = top.features[rank.Exact]
	s[rank.TopAnswerType], s[rank.TopAnswerNear] = 1, 1
	if qv.kind >= 0 {
		s[rank.TopAnswerType] = top.features[qv.kind]
		s[rank.TopAnswerNear] = top.features[rank.AnswerNear]
		s[rank.KindAsked] = 1
	}
	if len(cands) > 1 {
		s[rank.Margin] = top.score - cands[1].score
	}
	if total > 0 {
		s[rank.MissingWeight] = q.missingWeight / total
	}
	s[rank.MissingWords] = float64(len(q.missingWords))
	s[rank.RolesMissing] = float64(q.missingRoles)
	if q.asksWords() && len(qv.speakers) > 0 && (e.sents[top.Doc].speaker == nil || !qv.speakers[e.sents[top.Doc].speaker]) {
		s[rank.SpeakerMissing] = 1
		if !q.aboutSpeaker() { // "What did Kibaki say …?" of a Kibaki who says nothing
			s[rank.SpeakerSilent] = e.creditedShare[e.sents[top.Doc].art]
		}
	}
	if q.asksWords() && q.Kind == KindQuote && len(q.askedByName) > 0 &&
		!slices.ContainsFunc(q.askedByName, func(p *Speaker) bool { return e.speaksIn(p, e.sents[top.Doc].art) }) {
		s[rank.NamedSilent] = 1 // "What did Ann Lee say?" of an article that quotes her nowhere
	}
	if asked, holds := narrow(q, &top.features); asked {
		s[rank.NarrowAsked] = 1
		s[rank.TopNarrow] = boolFeature(holds)
		for i := range cands {
			if _, h := narrow(q, &cands[i].features); h {
				s[rank.AnyNarrow] = 1
				break
			}
		}
	} else {
		s[rank.TopNarrow], s[rank.AnyNarrow] = 1, 1
	}
	matched, paraMatched := top.Groups|top.Primary, top.paraGroups
	s[rank.Antonym] = boolFeature(e.saysOpposite(q, matched, top.Doc))
	var heaviest float64
	for g := 0; g < q.nGroups && g < index.MaxGroups; g++ {
		heaviest = max(heaviest, q.topicIDF[g])
	}
	for g := 0; g < q.nGroups && g < index.MaxGroups; g++ {
		bit := uint64(1) << g
		if heaviest > 0 && matched&bit == 0 {
			s[rank.TopMissingMost] = max(s[rank.TopMissingMost], q.topicIDF[g]/heaviest)
		}
		if heaviest > 0 && paraMatched&bit == 0 {
			s[rank.ParagraphMissingMost] = max(s[rank.ParagraphMissingMost], q.topicIDF[g]/heaviest)
		}
		if q.nameGroups&bit != 0 && paraMatched&bit == 0 {
			s[rank.NamesMissing]++
		}
		if q.negations&bit != 0 && matched&bit == 0 {
			s[rank.NegationMissing] = 1
		}
	}
	return s
}

// saysOpposite reports whether sentence doc, which matched the question's
// groups in matched, lacks a question word and holds a word WordNet
// opposes to it: "the smallest port" asked of a sentence about the
// largest.
func (e *Engine) saysOpposite(q *Question, matched uint64, doc int32) bool {
	says := false
	for _, t := range q.terms {
		if !t.Primary || t.Group >= index.MaxGroups || matched&(1<<t.Group) != 0 || q.frame[t.Group] {
			continue // matched, or a word that frames the question: "how old"
		}
		antonyms(t.Term, func(a string) bool {
			says = e.ix.Has(a, doc) && !q.hasTerm(a) // not "new" of "How old is the new stadium?"
			return !says
		})
		if says {
			return true
		}
	}
	return false
}

// hasTerm reports whether the question searches for term.
func (q *Question) hasTerm(term string) bool {
	return slices.ContainsFunc(q.terms, func(t index.QueryTerm) bool { return t.Term == term })
}

// termRole says what a term of a sentence is to the question: one of its
// own words (own), and a mark of where in the sentence the answer is
// (anchor): its own word, or what stands for one, a paraphrase ("close"
// for "shut"), a title's synonym, a country for its people. A word that
// frames the question ("how long") is neither. A question holds each term
// once.
func (q *Question) termRole(term string) (own, anchor bool) {
	for _, t := range q.terms {
		if t.Term != term {
			continue
		}
		own = t.Weight >= 1
		return own, own || !t.Primary && t.Weight > 0 && !q.frame[t.Group]
	}
	return false, false
}

// speaksIn reports whether article art credits any sentence to p.
func (e *Engine) speaksIn(p *Speaker, art int32) bool {
	return slices.ContainsFunc(p.sentences, func(doc int32) bool { return e.sents[doc].art == art })
}

func boolFeature(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// A Candidate is a sentence the engine considered for a question, as the
// model saw it: for explaining answers, and for the command that fits the
// model (qa/internal/rankgen).
type Candidate struct {
	Answer
	Features    rank.Vector
	Probability float64 // the model's chance that it is the answer, if one is
}

// Candidates returns the candidates for a question, best first, with their
// features, and the signals the decliner read of the question; declined
// reports whether the model takes the articles not to answer it.
func (e *Engine) Candidates(q *Question) (cands []Candidate, signals rank.Signals, declined bool) {
	r := e.rankQuestion(q)
	for _, c := range r.cands {
		a, _ := e.answerPassage(q, c.Doc)
		cands = append(cands, Candidate{Answer: a, Features: c.features, Probability: c.prob})
	}
	return cands, r.signals, r.declined || len(q.Unknown) > 0
}
