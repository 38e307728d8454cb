package qa

import (
	"slices"
	"sort"
	"strings"

	"github.com/articlebot/articlebot/qa/text"
)

// How a quotation was credited, as `quotes --json` and the tests report it.
const (
	ByName         = "explicit"     // "Trump said", "said Harry Reid"
	ByTitle        = "title"        // "the US president explained"
	ByPronoun      = "pronoun"      // "she said"
	ByContinuation = "continuation" // an unattributed quote after an attributed one
	ByAccording    = "according"    // "according to X"
	ByDocument     = "document"     // "the report notes", "H.R.1424, a bill concerning"
)

// credit is who said a quotation or a sentence, and how the article says so.
type credit struct {
	ent *entity
	how string
}

// attribution is the result of reading one paragraph for speakers.
type paraCredits struct {
	quotes    []credit // per pa.Quotes
	sentences []credit // per sentence: its quote's speaker, or reported speech
}

// attribute credits every quotation and sentence of the article. Rules in
// order, first that applies wins:
//  1. after the quote: `", Trump said`, `," said Ruto`, `," she said`;
//  2. before it, in its sentence: `Trump said, "`, `adding "` (the subject of
//     the clause), `Trump added that … "`, `according to X, "`, `It is noted
//     on the X that "`, `H.R.1424, a bill concerning "`;
//  3. continuation: the speaker of an earlier quote in the paragraph, of the
//     last quote of the paragraph before (for a paragraph that opens with a
//     quote), or the person the sentence before is about.
//
// A quote none of these credits is a scare quote and gets no speaker.
func (d *docAnalysis) attribute() []paraCredits {
	out := make([]paraCredits, len(d.paras))
	var prevLast credit // last credited quote of the paragraph before
	for pi, pa := range d.paras {
		pc := paraCredits{quotes: make([]credit, len(pa.Quotes)), sentences: make([]credit, len(pa.Sentences))}
		var lastInPara credit // the last credited quote so far in this paragraph
		for qi, q := range pa.Quotes {
			c := d.creditAfter(pa, qi)
			if c.ent == nil {
				c = d.creditBefore(pa, qi, pc.quotes)
			}
			if c.ent == nil {
				c = d.creditContinuation(pa, qi, lastInPara, prevLast)
			}
			pc.quotes[qi] = c
			if c.ent != nil {
				lastInPara = c
				if c.ent.person {
					d.lastSpeaker = c.ent
					d.paraSpeaker[pi] = c.ent
				}
			}
			if c.ent != nil {
				for s := pa.SentenceAt(q.Start); s < len(pa.Sentences) && pa.Sentences[s].Start < q.End; s++ {
					if pc.sentences[s].ent == nil {
						pc.sentences[s] = c
					}
				}
			}
		}
		for s := range pc.sentences {
			if pc.sentences[s].ent == nil {
				pc.sentences[s] = d.reportedSpeech(pa, s)
			}
		}
		switch {
		case pa.Heading:
			prevLast = credit{}
		case len(pa.Quotes) > 0:
			prevLast = pc.quotes[len(pa.Quotes)-1]
		default:
			prevLast = credit{}
		}
		out[pi] = pc
	}
	return out
}

// mentionsOf returns the mentions that start in sentence s.
func (pa *paraAnalysis) mentionsOf(s int32) []mention {
	ms := pa.mentions
	i := sort.Search(len(ms), func(k int) bool { return ms[k].Sent >= s })
	j := sort.Search(len(ms), func(k int) bool { return ms[k].Sent > s })
	return ms[i:j]
}

// creditAfter reads the words after quote qi up to the next quote or the end
// of the sentence for "SPEAKER VERB" or "VERB SPEAKER".
func (d *docAnalysis) creditAfter(pa *paraAnalysis, qi int) credit {
	q := pa.Quotes[qi]
	limit := pa.Sentences[pa.SentenceAt(max(q.End-1, q.Start))].End
	if qi+1 < len(pa.Quotes) {
		limit = min(limit, pa.Quotes[qi+1].Start)
	}
	i, j := pa.TokenRange(q.End, limit)
	if i >= j || strings.ContainsAny(pa.Text[q.End:pa.Toks[i].Start], ".!?") && !strings.Contains(pa.Text[q.End:pa.Toks[i].Start], ",") {
		return credit{}
	}
	for v := i; v < j && v < i+9; v++ {
		if pa.Toks[v].Norm == "according" && v+1 < j && pa.Toks[v+1].Norm == "to" {
			c := d.resolveNP(pa, v+2, d.npAfter(pa, v+2, j)) // `," according to X`
			c.how = ByAccording
			return c
		}
		if !d.isSpeechVerb(pa, v) {
			continue
		}
		if v == i {
			return d.resolveNP(pa, v+1, d.npAfter(pa, v+1, j))
		}
		if a := d.subjectBefore(pa, v); a == i {
			return d.resolveNP(pa, a, d.npEnd(pa, a, d.apposed(pa, a, v)))
		}
		return credit{}
	}
	return credit{}
}

// subjectBefore is npBefore that also steps back over an apposition set off
// by commas: "Rachel Stein, the U.S. envoy, said" → Rachel Stein.
func (d *docAnalysis) subjectBefore(pa *paraAnalysis, v int) int {
	if a := d.npBefore(pa, v); a < v {
		return a
	}
	if v < 2 || strings.TrimSpace(pa.Gap(v)) != "," {
		return v
	}
	// The apposition runs back to a comma before it, within a few words
	// (and may hold commas of its own: "Dr. Samuel Reyes, a professor at
	// the University of California, Riverside, said"): the subject is the
	// nearest person named right before one of them.
	for k := v - 1; k > 0 && k >= v-20; k-- {
		if pa.Toks[k].Quoted {
			return v
		}
		if strings.TrimSpace(pa.Gap(k)) != "," {
			continue
		}
		for _, m := range pa.mentionsOf(pa.Toks[k-1].Sent) {
			if m.end == k && m.ent.person && !m.Quoted {
				if a := d.phraseEndingAt(pa, k, k); a < k {
					return a
				}
			}
		}
	}
	return v
}

// apposed returns where the subject that starts at a ends before the verb
// at v: at v, or at the comma of an apposition.
func (d *docAnalysis) apposed(pa *paraAnalysis, a, v int) int {
	for k := a + 1; k < v; k++ {
		if strings.TrimSpace(pa.Gap(k)) == "," {
			return k
		}
	}
	return v
}

// creditBefore reads the words before quote qi, from the start of its
// sentence or the end of the quote before, for the last speech verb.
func (d *docAnalysis) creditBefore(pa *paraAnalysis, qi int, earlier []credit) credit {
	q := pa.Quotes[qi]
	from := pa.Sentences[pa.SentenceAt(q.Start)].Start
	if qi > 0 {
		from = max(from, pa.Quotes[qi-1].End)
	}
	i, j := pa.TokenRange(from, q.Start)
	for v := j - 1; v >= i; v-- {
		t := pa.Toks[v]
		switch {
		case t.Norm == "according" && v+1 < j && pa.Toks[v+1].Norm == "to":
			c := d.resolveNP(pa, v+2, d.npAfter(pa, v+2, j))
			c.how = ByAccording
			return c
		case docVerbs.Has(t.Norm):
			return d.documentSource(pa, i, v)
		case !d.isSpeechVerb(pa, v):
			continue
		case isParticiple(t):
			return d.clauseSubject(pa, i, v, qi, earlier)
		}
		if a := d.subjectBefore(pa, v); a < v {
			c := d.resolveNP(pa, a, d.npEnd(pa, a, d.apposed(pa, a, v)))
			if c.ent == nil && a == v-1 && pa.Toks[a].Norm == "it" {
				return d.passiveSource(pa, v, j)
			}
			if c.ent == nil {
				// "Castleford said … that the player had asked …": the one
				// who asked is no one known; the one who said may be.
				continue
			}
			return c
		}
		if v > i && isAux(pa.Toks[v-1]) {
			return d.passiveSource(pa, v, j)
		}
		// Inversion before a colon: `Said the minister: "…"`; but in
		// "Stein said Washington supported "…"", Washington is the
		// subject of what was said, not the one who said it.
		if b := d.npAfter(pa, v+1, j); b == j {
			return d.resolveNP(pa, v+1, b)
		}
		return credit{}
	}
	return credit{}
}

// clauseSubject finds who is speaking when the verb before a quote is a
// participle ("…, adding "…"", "saying, "…""): the speaker of a finite
// speech verb earlier in the clause, of an earlier quote in the sentence, or
// the person the sentence opens with.
func (d *docAnalysis) clauseSubject(pa *paraAnalysis, i, v, qi int, earlier []credit) credit {
	for u := v - 1; u >= i; u-- {
		if d.isSpeechVerb(pa, u) && !isParticiple(pa.Toks[u]) {
			if a := d.npBefore(pa, u); a < u {
				if c := d.resolveNP(pa, a, d.npEnd(pa, a, u)); c.ent != nil {
					return c
				}
			}
		}
	}
	s := pa.SentenceAt(pa.Quotes[qi].Start)
	for k := qi - 1; k >= 0; k-- {
		if pa.SentenceAt(pa.Quotes[k].End-1) != s {
			break
		}
		if earlier[k].ent != nil {
			return earlier[k]
		}
	}
	for _, m := range pa.mentionsOf(int32(s)) {
		if m.subject && m.start < v {
			return credit{m.ent, d.mentionHow(pa, m)}
		}
	}
	return credit{}
}

// passiveSource reads `It is noted on the Congressional Website that "…"`:
// the source follows the verb after on, in or by.
func (d *docAnalysis) passiveSource(pa *paraAnalysis, v, j int) credit {
	for k := v + 1; k < j && k < v+3; k++ {
		switch pa.Toks[k].Norm {
		case "on", "in", "by":
			c := d.resolveNP(pa, k+1, d.npAfter(pa, k+1, j))
			c.how = ByDocument
			return c
		}
	}
	return credit{}
}

// documentSource reads `H.R.1424, a bill originating in the House concerning
// "…"`: the document is the name before the apposition that the verb at v
// ends.
func (d *docAnalysis) documentSource(pa *paraAnalysis, i, v int) credit {
	for k := v; k > i; k-- {
		if strings.HasPrefix(pa.Gap(k), ",") && determiners.Has(pa.Toks[k].Norm) {
			for _, m := range pa.mentionsOf(pa.Toks[k-1].Sent) {
				if m.end == k {
					return credit{m.ent, ByDocument}
				}
			}
			return credit{}
		}
	}
	return credit{}
}

// creditContinuation credits a quote that its own sentence does not
// attribute.
func (d *docAnalysis) creditContinuation(pa *paraAnalysis, qi int, lastInPara, prevLast credit) credit {
	if lastInPara.ent != nil {
		return credit{lastInPara.ent, ByContinuation}
	}
	q := pa.Quotes[qi]
	s := pa.SentenceAt(q.Start)
	if pa.Sentences[s].Start != q.Start {
		return credit{} // the quote is inside a sentence that credits no one
	}
	if s == 0 {
		if prevLast.ent != nil && d.quoteOnly(pa) {
			return credit{prevLast.ent, ByContinuation}
		}
		return credit{}
	}
	// The sentence before, with no quote of its own, is about its subject:
	// "Steve Ellis offered his explanation. "People who …"".
	for _, m := range pa.mentionsOf(int32(s - 1)) {
		if m.subject {
			return credit{m.ent, ByContinuation}
		}
	}
	return credit{}
}

// quoteOnly reports whether a paragraph holds little but its quotations.
func (d *docAnalysis) quoteOnly(pa *paraAnalysis) bool {
	outside := 0
	for i := range pa.Toks {
		if !pa.Toks[i].Quoted {
			outside++
		}
	}
	return outside <= 2
}

// reportedSpeech credits a sentence that reports what someone said without
// quoting: "Zelenskyy said security guarantees were …", "according to X".
func (d *docAnalysis) reportedSpeech(pa *paraAnalysis, s int) credit {
	if !pa.Prose || pa.Heading {
		return credit{}
	}
	sp := pa.Sentences[s]
	i, j := pa.TokenRange(sp.Start, sp.End)
	for v := i; v < j; v++ {
		if pa.Toks[v].Quoted {
			continue
		}
		if pa.Toks[v].Norm == "according" && v+1 < j && pa.Toks[v+1].Norm == "to" {
			c := d.resolveNP(pa, v+2, d.npAfter(pa, v+2, j))
			if c.ent != nil {
				c.how = ByAccording
				return c
			}
		}
		if !d.isSpeechVerb(pa, v) || isParticiple(pa.Toks[v]) {
			continue
		}
		if a := d.subjectBefore(pa, v); a < v {
			if c := d.resolveNP(pa, a, d.npEnd(pa, a, d.apposed(pa, a, v))); c.ent != nil {
				return c
			}
		}
	}
	return credit{}
}

// isSpeechVerb reports whether token v, outside quotes, is a verb of saying.
// "point" counts only in "pointed out"; "call" only right before the quote
// or its object ("called "land swapping"", "called it "…"").
func (d *docAnalysis) isSpeechVerb(pa *paraAnalysis, v int) bool {
	t := pa.Toks[v]
	if pa.Toks[v].Quoted || t.Cap && !pa.Toks[v].Initial || t.Number {
		return false
	}
	switch d.speechKind(t) {
	case speechPoint:
		return v+1 < len(pa.Toks) && pa.Toks[v+1].Norm == "out"
	case speechCall:
		return v+1 < len(pa.Toks) && pa.Toks[v+1].Quoted
	case speechVerb:
		return true
	}
	return false
}

// What a word is as a verb of saying.
const (
	speechUnknown = iota // not looked up yet
	speechNone
	speechVerb
	speechPoint // "point", a verb of saying in "pointed out"
	speechCall  // "call", one right before a quotation: called "land swapping"
)

// speechKind says what a text.Token's word is as a verb of saying, worked out
// once a word: attribution asks it of every word of every sentence.
func (d *docAnalysis) speechKind(t text.Token) int8 {
	if k := d.w.speech[t.W.ID]; k != speechUnknown {
		return k
	}
	var k int8 = speechNone
	switch st := d.cache.Stem(t.W); {
	case st == "point":
		k = speechPoint
	case st == "call":
		k = speechCall
	case d.lx.IsSpeech(st):
		k = speechVerb
	}
	d.w.speech[t.W.ID] = k
	return k
}

func isAux(t text.Token) bool {
	switch t.Norm {
	case "is", "was", "are", "were", "been", "be", "being":
		return true
	}
	return false
}

// npBefore returns where the noun phrase that ends right before token v
// starts (v when there is none), skipping an adverb between ("Trump later
// said"). The phrase is the speaker's name, title or pronoun: "Russia's
// foreign ministry spokesperson Maria Zakharova", "the US president", "she".
func (d *docAnalysis) npBefore(pa *paraAnalysis, v int) int {
	end := v
	if end > 1 && speechAdverbs.Has(pa.Toks[end-1].Norm) && pa.joined(end) {
		end--
	}
	if end == 0 || !pa.joined(end) {
		return v
	}
	return d.phraseEndingAt(pa, end, v)
}

// phraseEndingAt returns where the speaker's phrase that ends right before
// token end starts, or none (none) when there is no such phrase.
func (d *docAnalysis) phraseEndingAt(pa *paraAnalysis, end, none int) int {
	v := none
	if end == 0 || pa.Toks[end-1].Quoted {
		return v
	}
	if last := pa.Toks[end-1].Norm; last == "he" || last == "she" || last == "it" || last == "they" {
		return end - 1
	}
	// "the 58-year-old": a person as surely as "he".
	if end >= 3 && pa.Toks[end-1].Norm == "old" && pa.Toks[end-2].Norm == "year" && pa.Toks[end-3].Number {
		if end >= 4 && determiners.Has(pa.Toks[end-4].Norm) {
			return end - 4
		}
		return end - 3
	}
	a := end
	for a > 0 && (a == end || pa.joined(a)) && !pa.Toks[a-1].Quoted {
		t := pa.Toks[a-1]
		if determiners.Has(t.Norm) {
			a--
			break
		}
		ok := t.Cap && !t.IsStop() || text.RoleModifiers.Has(t.Norm) || text.TitleHeads.Has(t.Norm) || docHeads.Has(t.Norm) ||
			nameConnectors.Has(t.Norm) && a < end && pa.Toks[a].Cap ||
			a >= end-1 && !t.IsStop() && !t.Number // the head noun itself: "statement"
		if !ok {
			break
		}
		a--
	}
	for a < end && nameConnectors.Has(pa.Toks[a].Norm) && !determiners.Has(pa.Toks[a].Norm) && !pa.Toks[a].Cap {
		a++
	}
	if a == end {
		return v
	}
	return a
}

// npEnd is the end of the phrase that starts at a and runs up to the verb
// at v, without an adverb before the verb.
func (d *docAnalysis) npEnd(pa *paraAnalysis, a, v int) int {
	if v-1 > a && speechAdverbs.Has(pa.Toks[v-1].Norm) {
		return v - 1
	}
	return v
}

// npAfter returns the end of the speaker's phrase that starts at token a
// ("said Senate Majority Leader Harry Reid", "according to the report").
func (d *docAnalysis) npAfter(pa *paraAnalysis, a, limit int) int {
	if a >= limit || pa.Toks[a].Quoted {
		return a
	}
	if n := pa.Toks[a].Norm; n == "he" || n == "she" {
		return a + 1
	}
	det := determiners.Has(pa.Toks[a].Norm)
	b := a
	if det {
		b++
	}
	for b < limit && (b == a || pa.joined(b)) && !pa.Toks[b].Quoted {
		t := pa.Toks[b]
		ok := t.Cap && !t.IsStop() || text.RoleModifiers.Has(t.Norm) || text.TitleHeads.Has(t.Norm) || docHeads.Has(t.Norm) ||
			nameConnectors.Has(t.Norm) && !t.Cap && b+1 < limit && pa.Toks[b+1].Cap && pa.joined(b+1) ||
			det && b < a+4 && !t.IsStop() && !t.Number // "the joint statement"
		if !ok {
			break
		}
		b++
	}
	return b
}

// resolveNP finds the entity that the phrase toks[a:b] names.
func (d *docAnalysis) resolveNP(pa *paraAnalysis, a, b int) credit {
	if a >= b {
		return credit{}
	}
	// "the 58-year-old added": someone just mentioned, as "he" would be.
	if b-a >= 3 && pa.Toks[b-1].Norm == "old" && pa.Toks[b-2].Norm == "year" {
		return credit{d.resolvePronoun(pa, a, 0), ByPronoun}
	}
	if b-a == 1 {
		if g, ok := subjectPronouns[pa.Toks[a].Norm]; ok {
			if pa.Toks[a].Norm == "he" || pa.Toks[a].Norm == "she" {
				return credit{d.resolvePronoun(pa, a, g), ByPronoun}
			}
			return credit{}
		}
		if pa.Toks[a].Norm == "it" {
			return credit{}
		}
	}
	// The phrase names whom its last word's mention names: "Russia's
	// foreign ministry spokesperson Maria Zakharova" → Maria Zakharova; "the
	// European leaders" names no one.
	ms := pa.mentionsOf(pa.Toks[b-1].Sent)
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.start >= a && m.end == b {
			return credit{m.ent, d.mentionHow(pa, m)}
		}
	}
	// A document or institution: "the joint statement", "the report".
	head := pa.Toks[b-1]
	if docHeads.Has(head.Norm) {
		if e := d.issuer(pa, a, b); e != nil {
			return credit{e, ByDocument}
		}
		start := a
		if determiners.Has(pa.Toks[a].Norm) {
			start++
		}
		name := pa.Phrase(start, b)
		key := "the " + strings.ToLower(name)
		e := d.byName[key]
		if e == nil {
			e = &entity{name: name, words: []string{head.Norm}}
			d.entities = append(d.entities, e)
			d.byName[key] = e
		}
		return credit{e, ByDocument}
	}
	return credit{}
}

// issuer finds who issued the document that the phrase toks[a:b] names:
// the body of a possessive ("the chamber's statement" → the Riverside
// Chamber of Commerce), or the subject of the sentence that last mentioned
// such a document ("Castleford said in a statement …" then "the statement
// said").
func (d *docAnalysis) issuer(pa *paraAnalysis, a, b int) *entity {
	head := pa.Toks[b-1].Norm
	for k := a; k < b-1; k++ {
		if t := pa.Toks[k]; t.Possessive && !t.Cap {
			var found *entity
			for _, e := range d.entities {
				if slices.Contains(e.words, t.Norm) && (found == nil || e.lastSeen > found.lastSeen) {
					found = e
				}
			}
			return found
		}
	}
	for p := pa.Index; p >= 0 && p >= pa.Index-1; p-- {
		prev := d.paras[p]
		k := len(prev.Toks) - 1
		if p == pa.Index {
			k = a - 1
		}
		for ; k >= 0; k-- {
			if prev.Toks[k].Quoted || prev.Toks[k].Norm != head {
				continue
			}
			for _, m := range prev.mentionsOf(prev.Toks[k].Sent) {
				if !m.Quoted && m.start < k {
					return m.ent
				}
			}
			return nil
		}
	}
	return nil
}

// mentionHow tells a name from a description ("the Ukrainian president").
func (d *docAnalysis) mentionHow(pa *paraAnalysis, m mention) string {
	if pa.Toks[m.end-1].Cap || !m.ent.person {
		return ByName
	}
	return ByTitle
}

// resolvePronoun finds the person "he" or "she" at token i refers to: the
// subject of a sentence earlier in the paragraph, else the last person named
// in it, else the last speaker of the paragraphs before; a person whose
// gender the article shows must match.
func (d *docAnalysis) resolvePronoun(pa *paraAnalysis, i int, g byte) *entity {
	fits := func(e *entity) bool { return e.person && (e.gender == 0 || g == 0 || e.gender == g) }
	var any *entity
	// Look back a few sentences at most: a pronoun refers to someone near.
	for k := len(pa.mentions) - 1; k >= 0 && pa.mentions[k].Sent >= pa.Toks[i].Sent-3; k-- {
		m := pa.mentions[k]
		if m.start >= i || m.Quoted || !fits(m.ent) {
			continue
		}
		if m.subject {
			return m.ent
		}
		if any == nil {
			any = m.ent
		}
	}
	if any != nil {
		return any
	}
	// The paragraph before: whom it quoted, else who it was about.
	if p := pa.Index - 1; p >= 0 {
		if e := d.paraSpeaker[p]; e != nil && fits(e) {
			return e
		}
		ms := d.paras[p].mentions
		for k := len(ms) - 1; k >= 0 && k >= len(ms)-20; k-- {
			if !ms[k].Quoted && ms[k].subject && fits(ms[k].ent) {
				return ms[k].ent
			}
		}
	}
	// The last person quoted, who is most often who goes on talking.
	if d.lastSpeaker != nil && fits(d.lastSpeaker) {
		return d.lastSpeaker
	}
	// Else the last named in the two paragraphs before.
	for p := pa.Index - 1; p >= 0 && p >= pa.Index-2; p-- {
		ms := d.paras[p].mentions
		for k := len(ms) - 1; k >= 0 && k >= len(ms)-20; k-- {
			if !ms[k].Quoted && fits(ms[k].ent) {
				return ms[k].ent
			}
		}
	}
	return nil
}
