package attribution

import (
	"sort"
	"strings"
	"unicode"

	"github.com/articlebot/articlebot/qa/text"
)

// credit credits every quotation and sentence of a paragraph. A quotation
// is credited by the first of these that applies:
//  1. the words after it in its sentence: `", Trump said`, `," said Ruto`,
//     `," she added`, `," one resident was quoted as saying`;
//  2. the words before it in its sentence: the verb of saying nearest to
//     it and that verb's subject (`Trump said, "`, `Ban called the attempt
//     "`, `…, adding "`, `with Smith stating: "`, `according to X, "`);
//  3. an introduction that ends with a colon in the sentence before (`He
//     was more critical of Hood:`);
//  4. "according to" someone at the end of its sentence, however far after
//     it (`are "worn out" because of rotas that …, according to Ann Roe.`);
//  5. continuation: the speaker of an earlier quotation in the paragraph,
//     of the last quotation of the paragraph before (for a paragraph of
//     quotation alone), or the person the sentence before is about.
//
// A quotation none of these credits is a scare quote and gets no speaker.
func (a *article) credit(p *para) {
	{
		p.credits = make([]Credit, len(p.Quotes))
		p.cues = make([]int, len(p.Quotes))
		p.sentences = make([]Credit, len(p.Sentences))
		// Sentences with no quotation first: a body or a document they
		// name ("The newly-released document states …") may be what a
		// quotation's "it" refers to.
		for s := range p.sentences {
			if !p.quotedIn(s) {
				p.sentences[s] = a.reportedSpeech(p, s)
			}
		}
		for qi := range p.Quotes {
			c, cue := a.creditAfter(p, qi)
			if c.Entity == nil {
				c, cue = a.creditBefore(p, qi)
			}
			if c.Entity == nil {
				c, cue = a.creditIntro(p, qi)
			}
			if c.Entity == nil {
				c, cue = a.creditLateAccording(p, qi)
			}
			if c.Entity == nil {
				c, cue = a.creditContinuation(p, qi), -1
			}
			p.credits[qi], p.cues[qi] = c, cue
			if c.Entity != nil {
				p.speaker = c.Entity
				if c.Entity.Kind == Person {
					a.lastSpeaker = c.Entity
				}
			}
		}
		a.splitQuotes(p)
		for s := range p.sentences {
			if p.sentences[s].Entity == nil {
				p.sentences[s] = a.reportedSpeech(p, s)
			}
		}
		if p.Heading {
			a.lastSpeaker = nil
		}
	}
}

// quotedIn reports whether sentence s holds a quotation or part of one.
func (p *para) quotedIn(s int) bool {
	sp := p.Sentences[s]
	k := sort.Search(len(p.Quotes), func(k int) bool { return p.Quotes[k].End > sp.Start })
	return k < len(p.Quotes) && p.Quotes[k].Start < sp.End
}

// creditAfter reads the words after quotation qi, up to the next quotation
// or the end of its sentence, for "SPEAKER VERB" or "VERB SPEAKER".
func (a *article) creditAfter(p *para, qi int) (Credit, int) {
	q := p.Quotes[qi]
	s := p.SentenceAt(max(q.End-1, q.Start))
	limit := p.Sentences[s].End
	if qi+1 < len(p.Quotes) {
		limit = min(limit, p.Quotes[qi+1].Start)
	}
	i, j := p.TokenRange(q.End, limit)
	if i >= j {
		return Credit{}, -1
	}
	if gap := p.Text[q.End:p.Toks[i].Start]; strings.ContainsAny(gap, ".!?") && !strings.Contains(gap, ",") {
		return Credit{}, -1
	}
	for v := i; v < j && v < i+afterReach; v++ {
		if p.accordingTo(v, j) {
			return a.according(p, v, j), s
		}
		if !p.speechAt(v) {
			continue
		}
		if participle(p.Toks[v]) {
			// `"…" while saying that …`: the speaker is the subject of
			// the clause the quotation is in.
			from, _ := p.SentenceTokens(p.SentenceAt(q.Start))
			c := a.participleSubject(p, from, v, qi)
			return c, p.SentenceAt(q.Start)
		}
		if p.skipToVerb(v, i) == i {
			// `," said Senate Majority Leader Harry Reid`, `," she said`
			if v > i {
				return a.resolve(p, phrase{i, p.skipToVerb(v, i)}), s
			}
			// `," said the trust's director, Ann Roe.`: the name set off
			// after a description is the speaker.
			return a.resolve(p, p.apposedAfter(p.npRight(v+1, j), j)), s
		}
		// `," the U.S. Ambassador Ryan Crocker said`: the subject must
		// reach back to the quotation, or be the name set off after a
		// description that does (`," the managing director, Ann Lee,
		// said`).
		ph, _ := p.subjectBefore(v, i)
		if ph.start != i && p.apposedAfter(p.npRight(i, ph.start), v) != ph {
			return Credit{}, -1
		}
		return a.resolve(p, ph), s
	}
	return Credit{}, -1
}

// creditLateAccording credits a quotation whose sentence ends in
// "according to" someone set off by a comma, however far after the
// quotation (`are "worn out" because of rotas that …, according to Ann
// Roe, secretary of the union.`), when nothing nearer credits it. The
// phrase must end the sentence, or only a description of the one it names
// follow: in "…, according to Ann Roe, is balanced" it is about something
// else.
func (a *article) creditLateAccording(p *para, qi int) (Credit, int) {
	q := p.Quotes[qi]
	s := p.SentenceAt(max(q.End-1, q.Start))
	i, j := p.TokenRange(q.End, p.Sentences[s].End)
	if qi+1 < len(p.Quotes) && p.Quotes[qi+1].Start < p.Sentences[s].End {
		return Credit{}, -1 // another quotation comes first
	}
	for v := i; v+1 < j; v++ {
		if !p.accordingTo(v, j) || !strings.HasPrefix(p.Gap(v), ",") {
			continue
		}
		ph := p.accordingPhrase(v, j)
		for k := ph.end; k < j; k++ {
			if k == ph.end && !strings.HasPrefix(p.Gap(k), ",") || a.lx.Auxiliaries.Has(p.Toks[k].Norm) || p.speechAt(k) {
				return Credit{}, -1
			}
		}
		c := a.resolve(p, ph)
		c.How = ByAccording
		return c, s
	}
	return Credit{}, -1
}

// recentQuotes is how many quotations back a quotation looks for the one
// it goes on from.
const recentQuotes = 8

// afterReach is how many words after a quotation its verb of saying may
// come: `," the young North Korean leader on Sunday said`.
const afterReach = 14

// according credits what "according to" at token v attributes, up to
// token limit: the phrase after it, or the name set off after a
// description ("according to its chief executive, Jane Roe").
func (a *article) according(p *para, v, limit int) Credit {
	c := a.resolve(p, p.accordingPhrase(v, limit))
	c.How = ByAccording
	return c
}

// accordingPhrase returns the phrase that "according to" at token v
// names, up to token limit: the one after it, or the name set off after
// a description there; past a document it names the document's source
// ("according to a statement from her lawyer, Jane Roe").
func (p *para) accordingPhrase(v, limit int) phrase {
	ph := p.npRight(v+2, limit)
	if !ph.empty() && ph.end+1 < limit && (p.Toks[ph.end].Norm == "from" || p.Toks[ph.end].Norm == "by") {
		if kind, _ := headNoun(p.a.lx, p.Toks[p.headOf(ph)].Norm); kind == documentNoun {
			// Its source, if it names someone: not "a report from last
			// year", "documents from the trial".
			if src := p.apposedAfter(p.npRight(ph.end+1, limit), limit); p.namesSomeone(src) {
				return src
			}
		}
	}
	return p.apposedAfter(ph, limit)
}

// namesSomeone reports whether a phrase holds a capitalised word that is
// not its first: a name, "her solicitor, Maria Ortega", "Acme's lawyer".
func (p *para) namesSomeone(ph phrase) bool {
	for k := ph.start; k < ph.end; k++ {
		if t := p.Toks[k]; t.Cap && !t.Number && (k > ph.start || !t.Initial) {
			return true
		}
	}
	return false
}

// accordingTo reports whether tokens v and v+1 are "according to".
func (p *para) accordingTo(v, limit int) bool {
	return v+1 < limit && p.Toks[v].Norm == "according" && p.Toks[v+1].Norm == "to" && !p.Toks[v].Quoted
}

// creditBefore reads the words before quotation qi, from the start of its
// sentence, for the verb of saying nearest to it.
func (a *article) creditBefore(p *para, qi int) (Credit, int) {
	q := p.Quotes[qi]
	s := p.SentenceAt(q.Start)
	from, _ := p.SentenceTokens(s)
	_, j := p.TokenRange(p.Sentences[s].Start, q.Start)
	from = max(from, j-clauseReach)
	for v := j - 1; v >= from; v-- {
		t := p.Toks[v]
		if t.Quoted {
			continue
		}
		if t.Norm == "that" && v > from && a.lx.Conjunctions.Has(p.Toks[v-1].Norm) {
			// "said that A and that the offer was "…"": the clause A
			// is another thing said, not what introduces the quotation;
			// so is it in "said A and that "…"", back to the verb.
			and := v - 1
			for v -= 2; v > from && p.Toks[v].Norm != "that"; v-- {
			}
			if v < from || p.Toks[v].Norm != "that" {
				// No first "that": back to the verb that says both.
				for v = and - 1; v > from && !p.speechAt(v); v-- {
				}
				v++ // read it next
			}
			continue
		}
		if p.accordingTo(v, j) {
			return a.according(p, v, j), s
		}
		if a.lx.DocVerbs.Has(t.Norm) {
			if c := a.documentBefore(p, from, v); c.Entity != nil {
				return c, s
			}
			continue
		}
		if p.passive(v) && a.verbKind(t) == speechVerb {
			// `It is noted on the Congressional Website that "…"`: a
			// passive verb of saying may name its source after it.
			if c := a.passiveSource(p, v, j); c.Entity != nil {
				return c, s
			}
		}
		if !p.speechAt(v) {
			continue
		}
		if participle(t) {
			if c := a.participleSubject(p, from, v, qi); c.Entity != nil {
				return c, s
			}
			continue
		}
		ph, coordinated := p.subjectBefore(v, from)
		switch {
		case coordinated:
			// "called the attempt "deplorable" and said it "…"".
			c := a.earlierInSentence(p, qi, s)
			if c.Entity == nil {
				c = a.resolve(p, p.mainSubject(from, v))
			}
			if c.Entity != nil && (a.verbKind(t) != documentVerb || c.fromDocument()) {
				return c, s
			}
			continue
		case ph.empty():
			if v == from {
				// `Said the minister: "…"`
				if c := a.resolve(p, p.npRight(v+1, j)); c.Entity != nil {
					return c, s
				}
			}
			continue
		}
		c := a.resolve(p, ph)
		if a.verbKind(t) == documentVerb && !c.fromDocument() {
			continue // people who discuss "who will do what" quote no one
		}
		if c.Entity != nil {
			if outer := a.reporter(p, q, from, v, c); outer.Entity != nil {
				return outer, s
			}
			return c, s
		}
		// "Castleford said … that the player had asked …": the one who
		// asked is no one known; the one who said may be.
	}
	if j > from && strings.HasSuffix(strings.TrimSpace(p.Text[p.Toks[j-1].End:q.Start]), ":") {
		// `Hale was blunt about the cost: "Nobody …"`: with no verb of
		// saying, a clause ending in a colon introduces the quotation.
		if c := a.colonIntro(p, from, j); c.Entity != nil {
			return c, s
		}
	}
	return Credit{}, -1
}

// colonIntro credits the subject of a clause, tokens [from, to), that
// ends in a colon and has no verb of saying: `Hale was blunt about the
// cost:` and `He was more critical of Hood:` introduce their subject's
// words. Not when the clause says the words came from someone else: `Hale
// got a text from Ann Roe:`, `Hale was asked by reporters:`.
func (a *article) colonIntro(p *para, from, to int) Credit {
	subj := p.mainSubject(from, to)
	if subj.empty() {
		return Credit{}
	}
	source := false // after "from" or "by"
	for k := subj.end; k < to; k++ {
		if n := p.Toks[k].Norm; n == "from" || n == "by" {
			source = true
			continue
		}
		if !source {
			continue
		}
		if _, named := p.mentionAt(k); named {
			return Credit{}
		}
		if kind, _ := headNoun(a.lx, p.Toks[k].Norm); kind == personNoun || kind == titleNoun || kind == orgNoun {
			return Credit{}
		}
	}
	return a.resolve(p, subj)
}

// reporter reads `Ann Roe said that Tom Hale told her "he did not want it"`:
// a quotation after "told her" or "told him", inside what someone else
// said, that opens with "he" or "she" for the one who told, reports their
// words in the third person, and is the outer speaker's; else no credit.
func (a *article) reporter(p *para, q text.Span, from, v int, told Credit) Credit {
	if v+1 >= len(p.Toks) || a.an.cache.Stem(p.Toks[v].W) != "tell" {
		return Credit{}
	}
	switch p.Toks[v+1].Norm {
	case "her", "him":
	default:
		return Credit{}
	}
	// The quotation right after "told her": not "told her staff: "…"".
	first, _ := p.TokenRange(q.Start, q.End)
	if first != v+2 {
		return Credit{}
	}
	switch g := told.Entity.Gender; p.Toks[first].Norm {
	case "he":
		if g == Female {
			return Credit{}
		}
	case "she":
		if g == Male {
			return Credit{}
		}
	default:
		return Credit{}
	}
	return a.speakerBefore(p, from, v, told.Entity)
}

// speakerBefore returns the credit of the subject of the nearest finite
// verb of saying between tokens from and v, other than not; else none.
func (a *article) speakerBefore(p *para, from, v int, not *Entity) Credit {
	for u := v - 1; u >= from; u-- {
		if !p.speechAt(u) || participle(p.Toks[u]) {
			continue
		}
		if ph, _ := p.subjectBefore(u, from); !ph.empty() {
			if c := a.resolve(p, ph); c.Entity != nil && c.Entity != not {
				return c
			}
		}
	}
	return Credit{}
}

// participleSubject finds who is speaking when the verb before a quotation
// is a participle: the phrase it follows after "with" ("with Mr Abbot
// calling the relationship "…""), else the subject of the sentence ("…,
// adding "…"", "by saying "…""), else the subject of a finite verb of
// saying earlier in the sentence, else the speaker of an earlier quotation
// in it.
func (a *article) participleSubject(p *para, from, v, qi int) Credit {
	if v > from && p.inWord(v) {
		if k := p.npLeft(v, from); k < v && k > from && (p.Toks[k-1].Norm == "with" || p.Toks[k-1].Norm == "without") {
			if c := a.resolve(p, phrase{k, v}); c.Entity != nil {
				return c
			}
		}
	}
	if c := a.resolve(p, p.mainSubject(from, v)); c.Entity != nil {
		return c
	}
	if c := a.speakerBefore(p, from, v, nil); c.Entity != nil {
		return c
	}
	return a.earlierInSentence(p, qi, p.SentenceAt(p.Quotes[qi].Start))
}

// earlierInSentence returns the credit of the last quotation before qi in
// sentence s.
func (a *article) earlierInSentence(p *para, qi, s int) Credit {
	for k := qi - 1; k >= 0 && k >= qi-recentQuotes; k-- {
		if p.SentenceAt(max(p.Quotes[k].End-1, p.Quotes[k].Start)) != s {
			break
		}
		if p.credits[k].Entity != nil {
			return p.credits[k]
		}
	}
	return Credit{}
}

// passiveReach is how far after a passive verb of saying its source's
// preposition may stand.
const passiveReach = 3

// passiveSource reads `It is noted on the Congressional Website that "…"`:
// the source follows the verb after on, in or by, within passiveReach
// words ("noted publicly on").
func (a *article) passiveSource(p *para, v, j int) Credit {
	for k := v + 1; k < j && k < v+passiveReach; k++ {
		switch p.Toks[k].Norm {
		case "on", "in", "by":
			c := a.resolve(p, p.npRight(k+1, j))
			if c.Entity != nil {
				c.How = ByDocument
			}
			return c
		}
	}
	return Credit{}
}

// documentBefore reads `H.R.1424, a bill originating in the House
// concerning "…"`: the document is the name before the apposition that the
// verb at v ends.
func (a *article) documentBefore(p *para, from, v int) Credit {
	for k := v; k > from; k-- {
		if strings.HasPrefix(p.Gap(k), ",") && (a.lx.Determiners.Has(p.Toks[k].Norm) || a.lx.Relatives.Has(p.Toks[k].Norm)) {
			if m, ok := p.mentionAt(k - 1); ok {
				return Credit{m.Entity, ByDocument}
			}
			return Credit{}
		}
	}
	return Credit{}
}

// creditIntro credits a quotation that opens its sentence after an
// introduction ending in a colon: `He was more critical of Hood:` then the
// quotation, in the same paragraph or the next.
func (a *article) creditIntro(p *para, qi int) (Credit, int) {
	q := p.Quotes[qi]
	s := p.SentenceAt(q.Start)
	if p.Sentences[s].Start != q.Start {
		return Credit{}, -1
	}
	ip, is := p, s-1
	if s == 0 {
		ip = p.prev()
		if ip == nil || ip.Heading || len(ip.Sentences) == 0 {
			return Credit{}, -1
		}
		is = len(ip.Sentences) - 1
	}
	sp := ip.Sentences[is]
	if !strings.HasSuffix(strings.TrimRightFunc(ip.Text[sp.Start:sp.End], unicode.IsSpace), ":") {
		return Credit{}, -1
	}
	from, to := ip.SentenceTokens(is)
	from = max(from, to-clauseReach)
	for v := to - 1; v >= from; v-- {
		if ip.speechAt(v) && !participle(ip.Toks[v]) {
			if ph, _ := ip.subjectBefore(v, from); !ph.empty() {
				if c := a.resolve(ip, ph); c.Entity != nil {
					return c, s
				}
			}
		}
	}
	return a.colonIntro(ip, from, to), s
}

// creditContinuation credits a quotation that its own sentence does not
// attribute.
func (a *article) creditContinuation(p *para, qi int) Credit {
	for k := qi - 1; k >= 0 && k >= qi-recentQuotes; k-- {
		if e := p.credits[k].Entity; e != nil {
			return Credit{e, Continuation}
		}
	}
	q := p.Quotes[qi]
	s := p.SentenceAt(q.Start)
	if p.Sentences[s].Start != q.Start {
		return Credit{} // the quotation is inside a sentence that credits no one
	}
	if s == 0 {
		prev := p.prev()
		if prev != nil && !prev.Heading && len(prev.Quotes) > 0 && p.quoteOnly() {
			if e := prev.credits[len(prev.Quotes)-1].Entity; e != nil {
				return Credit{e, Continuation}
			}
		}
		return Credit{}
	}
	// The sentence before, with no quotation of its own, is about its
	// subject: "Steve Ellis offered his explanation. "People who …"".
	k := sort.Search(len(p.mentions), func(k int) bool { return p.mentions[k].Sentence >= int32(s-1) })
	for ; k < len(p.mentions) && p.mentions[k].Sentence == int32(s-1); k++ {
		if p.mentions[k].Subject {
			return Credit{p.mentions[k].Entity, Continuation}
		}
	}
	return Credit{}
}

// quoteOnly reports whether a paragraph holds little but its quotations.
func (p *para) quoteOnly() bool {
	outside := 0
	for i := range p.Toks {
		if !p.Toks[i].Quoted {
			outside++
		}
	}
	return outside <= quoteOnlyWords
}

// quoteOnlyWords is how many words outside its quotations a paragraph may
// have and still be a quotation going on from the paragraph before: `"…"
// he said` is not one; `"…"` alone is.
const quoteOnlyWords = 2

// splitQuotes cuts each quotation of p into its sentences, each a Quote
// with its quotation's credit: the sentence that holds the words that
// credit it is credited the way they do, the others as a continuation.
// A sentence takes the credit of the first quotation in it.
func (a *article) splitQuotes(p *para) {
	for qi, q := range p.Quotes {
		in := text.QuoteInner(p.Text, q)
		c := p.credits[qi]
		for s := p.SentenceAt(in.Start); s < len(p.Sentences) && p.Sentences[s].Start < in.End; s++ {
			piece := c
			if c.Entity != nil && s != p.cues[qi] {
				piece.How = Continuation
			}
			start, end := max(in.Start, p.Sentences[s].Start), min(in.End, p.Sentences[s].End)
			for _, part := range omissions(p.Text, start, end) {
				span := trimQuote(p.Text, part.Start, part.End)
				if span.Start >= span.End {
					continue
				}
				p.quotes = append(p.quotes, Quote{Span: span, Sentence: s, Quotation: qi, Credit: piece})
			}
			if p.sentences[s].Entity == nil {
				p.sentences[s] = piece
			}
		}
	}
}

// omissions cuts the text [start, end) at each ellipsis that marks words
// left out of a quotation ("… is zero... frankly, I think …"): the
// fragments on either side are said apart. The ellipsis stays with the
// fragment before it.
func omissions(s string, start, end int) []text.Span {
	var parts []text.Span
	for i := start; i < end; {
		rest := s[i:end]
		k, size := strings.Index(rest, "... "), 3
		if u := strings.Index(rest, "… "); u >= 0 && (k < 0 || u < k) {
			k, size = u, len("…")
		}
		if k < 0 {
			break
		}
		cut := i + k + size
		parts = append(parts, text.Span{Start: start, End: cut})
		start, i = cut, cut
	}
	return append(parts, text.Span{Start: start, End: end})
}

// trimQuote trims a piece of a quotation of the spaces, quotation marks
// and commas at its ends; it is empty if no letter or digit is left.
func trimQuote(s string, start, end int) text.Span {
	piece := s[start:end]
	left := strings.TrimLeftFunc(piece, func(r rune) bool { return unicode.IsSpace(r) || text.IsDoubleQuote(r) })
	start += len(piece) - len(left)
	right := strings.TrimRightFunc(left, func(r rune) bool { return unicode.IsSpace(r) || text.IsDoubleQuote(r) || r == ',' })
	end = start + len(right)
	if strings.IndexFunc(right, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return text.Span{Start: start, End: start}
	}
	return text.Span{Start: start, End: end}
}

// reportedSpeech credits a sentence that reports what someone said without
// quoting: "Zelenskyy said security guarantees were …", "according to X".
func (a *article) reportedSpeech(p *para, s int) Credit {
	if !p.Prose || p.Heading {
		return Credit{}
	}
	i, j := p.SentenceTokens(s)
	var shared Credit // the subject of a clause before, for a verb coordinated with it
	own := false      // a later verb of saying has a subject of its own, known or not
	for v := i; v < j; v++ {
		if p.Toks[v].Quoted {
			continue
		}
		if p.accordingTo(v, j) {
			if c := a.according(p, v, j); c.Entity != nil {
				return c
			}
		}
		if !p.speechAt(v) || participle(p.Toks[v]) || a.verbKind(p.Toks[v]) != speechVerb && !p.saysWithParticle(v) {
			continue
		}
		ph, coordinated := p.subjectBefore(v, max(i, v-clauseReach))
		if coordinated {
			// "Ann Lee visited the site and said the work would take a
			// week": the subject of the clause before, unless a verb of
			// saying later in the sentence has a subject of its own ("…
			// and agreed on a truce, officials said").
			if shared.Entity == nil {
				shared = a.resolve(p, p.mainSubject(i, v))
			}
			continue
		}
		if !ph.empty() {
			own = true
			if c := a.resolve(p, ph); c.Entity != nil {
				return c
			}
		}
	}
	if own {
		return Credit{} // "… and agreed on a truce, it said": not the first subject's
	}
	return shared
}
