package attribution

import (
	"slices"
	"sort"
	"strings"

	"github.com/articlebot/articlebot/qa/text"
)

// resolve finds who a speaker's phrase names, and how: a name, a title
// ("the US president"), a pronoun, an unnamed speaker ("one resident"), a
// body ("China's foreign ministry") or a document, which is credited to
// whoever issued it ("said a statement on Amuary's website").
func (a *article) resolve(p *para, ph phrase) Credit {
	if ph.empty() {
		return Credit{}
	}
	h := p.headOf(ph)
	if h < ph.start {
		return Credit{}
	}
	t := p.Toks[h]
	if h == ph.start && isPronoun(t) {
		return a.resolvePronounAt(p, h)
	}
	if m, ok := p.mentionAt(h); ok {
		if key, n := a.lx.PlaceAt(p.Toks, m.Start); m.Entity.Kind == Place && n == m.End-m.Start &&
			key != nameKey(p.Toks[m.Start:m.End]) && m.Start > ph.start && p.Toks[ph.start].Norm == "the" {
			// "the Brazilian": a person of that country, not the country.
			return a.ofCountry(p, ph.start, key)
		}
		return a.creditMention(p, m, ph)
	}
	// "the 58-year-old added": someone just mentioned, as "he" would be.
	if t.Norm == "old" && h-ph.start >= 2 && p.Toks[h-1].Norm == "year" && p.Toks[h-2].Number {
		if e := a.resolvePronoun(p, ph.start, GenderUnknown); e != nil {
			return Credit{e, ByPronoun}
		}
		return Credit{}
	}
	if t.Cap && !t.Initial || t.Number {
		return Credit{}
	}
	kind, plural := headNoun(a.lx, t.Norm)
	if kind == notANoun && (a.someoneIs(t.Norm) || occupationWord(a.lx, t.Norm, false)) {
		kind = personNoun // "the Dutch glaciologist", "the juror"
	}
	// "The company said", "the midfielder said": someone the article has
	// named, if a role fits or the phrase points back ("the"); "a", "one"
	// or "another" bring in someone new.
	first := p.Toks[ph.start].Norm
	definite := first == "the" || first == "this" || first == "that"
	someoneNew := indefinite(a.lx, first)
	for k := ph.start; k < h; k++ {
		if p.Toks[k].Possessive {
			definite = false // "the minister's brother" is not whom "the" points back to
		}
	}
	switch kind {
	case titleNoun, personNoun:
		if !someoneNew && !plural {
			if e := a.describedPerson(p.modifiers(ph.start, h), t.Norm); e != nil {
				return Credit{e, ByTitle}
			}
			if e := a.byNoun[strings.ToLower(t.Norm)]; definite && e != nil && e.Kind == Unnamed {
				return Credit{e, ByTitle} // "One juror said …" then "the juror said"
			}
			if e := a.resolvePronoun(p, ph.start, nounGender(a.lx, t.Norm)); definite && e != nil && a.couldBe(e, p.modifiers(ph.start, h), t.Norm) {
				return Credit{e, ByTitle}
			}
		}
		return a.unnamedWhose(p, ph.start, h, ph.end, plural)
	case orgNoun:
		if definite && !plural {
			// "the foundation", "the company": the body the article named
			// with that word, else the one it is about.
			if e := a.bodyNamed(t.Norm); e != nil && namedBy(e, p.Toks[ph.start+1:h]) {
				return Credit{e, ByTitle} // "the trading company" for Hudson Trading Company, not "the rival company"
			}
			if e := a.salientBody(p, ph.start); e != nil && h == ph.start+1 && ph.end == h+1 {
				return Credit{e, ByTitle}
			}
		}
		return a.unnamed(p, ph.start, ph.end, Organisation, plural)
	case documentNoun:
		return a.document(p, ph, h)
	}
	if a.lx.SpeechNouns.Has(t.Norm) && h > ph.start {
		// "His answer was simple:", "the minister's reply": the one whose
		// words they are.
		if o := a.owner(p, phrase{ph.start, h}, h); o != nil {
			return Credit{o, ByPronoun}
		}
	}
	if h == ph.start && a.lx.Quantifiers.Has(t.Norm) {
		// "Another added": one more of the speakers the article has just
		// named by a noun.
		if e := a.lastUnnamed(p); e != nil {
			return Credit{e, ByTitle}
		}
	}
	return Credit{}
}

// ofCountry credits "the Brazilian", at token i, to the person last
// mentioned whose role or origin the article ties to the country key,
// else to whom the text before is about.
func (a *article) ofCountry(p *para, i int, key string) Credit {
	var best *Entity
	for _, e := range a.people {
		if e.Country[key] && (best == nil || e.lastSeen > best.lastSeen) {
			best = e
		}
	}
	if best == nil {
		best = a.resolvePronoun(p, i, GenderUnknown)
	}
	if best == nil {
		return Credit{}
	}
	return Credit{best, ByTitle}
}

// couldBe reports whether a description with the words mods and the noun
// head may be of e, whom the text is about: not if the article gave e a
// title and not this one ("the young North Korean leader" is not the US
// Secretary of State), nor a country the description contradicts.
func (a *article) couldBe(e *Entity, mods []text.Token, head string) bool {
	if e.titled() && !e.Heads[a.lx.FoldTitle(head)] && a.lx.TitleHeads.Has(head) {
		return false
	}
	_, ok := a.describes(e, mods, a.lx.FoldTitle(head))
	return ok
}

// nounGender is the gender a noun for a person shows: "actress", "brother".
func nounGender(lx *text.Lexicon, norm string) Gender {
	switch {
	case lx.FemaleWords.Has(norm):
		return Female
	case lx.MaleWords.Has(norm):
		return Male
	}
	return GenderUnknown
}

// salientBody returns the body the text before token i of p is about: the
// last organisation it names, preferring one that opens a clause, in this
// paragraph or the one before.
func (a *article) salientBody(p *para, i int) *Entity {
	for q := p; q != nil && q.Index >= p.Index-1; q = q.prev() {
		end := len(q.mentions)
		if q == p {
			end = sort.Search(len(q.mentions), func(k int) bool { return q.mentions[k].Start >= i })
		}
		var anyone *Entity
		for k := end - 1; k >= 0 && k >= end-recentMentions; k-- {
			m := q.mentions[k]
			if m.Quoted || m.Form != ByNameForm || m.Entity.Kind != Organisation {
				continue
			}
			if q.subjectAt(m.Start) {
				return m.Entity
			}
			if anyone == nil {
				anyone = m.Entity
			}
		}
		if anyone != nil {
			return anyone
		}
	}
	return nil
}

// namedBy reports whether the words between "the" and a body's noun are
// all of its name: none ("the company"), or its own ("the trading company"
// for Hudson Trading Company); not a word that may set another body apart
// ("the rival company", "the insurance company").
func namedBy(e *Entity, mods []text.Token) bool {
	for _, t := range mods {
		if !containsWord(e.Words, t.Norm) {
			return false
		}
	}
	return true
}

// bodyNamed returns the body, most recently mentioned, whose name has the
// word: the Al-Noor Foundation for "the foundation".
func (a *article) bodyNamed(word string) *Entity {
	var found *Entity
	for _, e := range a.entities {
		if e.Kind == Organisation && len(e.Words) > 1 && containsWord(e.Words, word) && (found == nil || e.lastSeen > found.lastSeen) {
			found = e
		}
	}
	return found
}

// someoneIs reports whether the article gives a person a role with the
// noun head: "glaciologist" for "Dutch glaciologist Ursula van der Berg".
func (a *article) someoneIs(head string) bool {
	for _, e := range a.people {
		if e.Heads[head] {
			return true
		}
	}
	return false
}

// creditMention credits the entity a name or description names, if it can
// speak: a country or a capital speaks for its government ("China said"),
// but no other place does, nor a weekday.
func (a *article) creditMention(p *para, m Mention, ph phrase) Credit {
	e := m.Entity
	switch e.Kind {
	case Place:
		if !e.country {
			return Credit{} // "Kaafu Atoll" says nothing
		}
		e.Kind = Organisation // a country or a capital for its government
	case Unknown:
		if e.place {
			return Credit{}
		}
	}
	if m.Form == Description {
		return Credit{e, ByTitle}
	}
	return Credit{e, ByName}
}

// resolvePronounAt credits the pronoun at token i: he or she a person,
// they a body, a group or people, it a body or a document.
func (a *article) resolvePronounAt(p *para, i int) Credit {
	var e *Entity
	switch n := p.Toks[i].Norm; n {
	case "he", "she":
		if m, ok := p.pronounMention(i); ok {
			e = m.Entity
		} else {
			e = a.resolvePronoun(p, i, pronounGender(n))
		}
	case "they":
		e = a.resolveGroup(p, i, true)
	case "it":
		e = a.resolveGroup(p, i, false)
	}
	if e == nil {
		return Credit{}
	}
	return Credit{e, ByPronoun}
}

// pronounMention returns the mention findMentions made of the pronoun at
// token i.
func (p *para) pronounMention(i int) (Mention, bool) {
	k := sort.Search(len(p.mentions), func(k int) bool { return p.mentions[k].Start >= i })
	if k < len(p.mentions) && p.mentions[k].Start == i && p.mentions[k].Form == Pronoun {
		return p.mentions[k], true
	}
	return Mention{}, false
}

// modifiers returns the words of a description before its title noun,
// without determiners: "Ukrainian" in "the Ukrainian president".
func (p *para) modifiers(start, h int) []text.Token {
	var mods []text.Token
	for k := start; k < h; k++ {
		if t := p.Toks[k]; !p.a.lx.Determiners.Has(t.Norm) && !p.a.lx.Quantifiers.Has(t.Norm) && !t.IsStop() {
			mods = append(mods, t)
		}
	}
	return mods
}

// unnamed credits someone the article names only by a noun phrase, tokens
// [start, end): "one resident" → "resident", "A Reuters correspondent" →
// "Reuters correspondent", "China's foreign ministry". The same words
// later are the same speaker.
func (a *article) unnamed(p *para, start, end int, kind Kind, plural bool) Credit {
	for k := start; k < end-1 && kind == Unnamed; k++ {
		if a.lx.ChainPrepositions.Has(p.Toks[k].Norm) {
			break // whose: "the head of England's water regulator"
		}
		if p.Toks[k].Possessive {
			start = k + 1 // "the minister's brother" is a brother
		}
	}
	for start < end-1 {
		t := p.Toks[start]
		if !(a.lx.Determiners.Has(t.Norm) || a.lx.Quantifiers.Has(t.Norm) || a.lx.PossessiveDeterminers.Has(t.Norm) ||
			t.Number || t.IsStop() && !t.Cap) {
			break
		}
		start++
	}
	name := p.Phrase(start, end)
	if end-start == 1 {
		name = p.Text[p.Toks[start].Start:p.Toks[start].End]
	}
	if p.Toks[start].Initial && p.Toks[start].Cap && !p.Toks[start].AllCaps && start+1 == end {
		name = strings.ToLower(name[:1]) + name[1:] // "Critics said": "critics"
	}
	key := strings.ToLower(name)
	e := a.byNoun[key]
	if e == nil {
		e = a.newEntity(name, nameWords(p.Toks[start:end]), kind)
		e.Plural = plural
		a.byNoun[key] = e
	}
	p.addRef(start, end, e)
	a.lastNamedByNoun = e
	return Credit{e, ByTitle}
}

// unnamedWhose credits someone named only by the noun at h, with whose
// they are when the phrase goes on to say it, up to limit: "a spokeswoman
// for the National Cricket Board" is not any spokeswoman, nor another
// body's. "The spokeswoman" later is still she.
func (a *article) unnamedWhose(p *para, start, h, limit int, plural bool) Credit {
	end := h + 1
	if end+1 < limit && p.inWord(end) && p.inWord(end+1) {
		switch p.Toks[end].Norm {
		case "for", "of", "at":
			// Of a body by name, or for one at all: not "residents of
			// the island".
			body := p.npRight(end+1, limit)
			named := slices.ContainsFunc(p.Toks[body.start:body.end], func(t text.Token) bool { return t.Cap })
			if !body.empty() && body.end-body.start <= maxBodyWords && (named || p.Toks[end].Norm == "for") {
				end = body.end
			}
		}
	}
	c := a.unnamed(p, start, end, Unnamed, plural)
	if head := strings.ToLower(p.Toks[h].Norm); end > h+1 && a.byNoun[head] == nil {
		a.byNoun[head] = c.Entity
	}
	return c
}

// maxBodyWords is the most words the body after "a spokeswoman for" may
// take: "the European Research Council", "the regional health board".
const maxBodyWords = 6

// lastUnnamed returns the speaker the article last named by a noun, for
// "Another added", if it did so in this paragraph or the one before.
func (a *article) lastUnnamed(p *para) *Entity {
	e := a.lastNamedByNoun
	if e == nil || e.Kind != Unnamed || a.seen-e.lastSeen > recentMentions {
		return nil
	}
	return e
}

// document credits a quotation from a document, the phrase ph headed by
// token h: to whoever issued it, if the article says, else to the
// document.
func (a *article) document(p *para, ph phrase, h int) Credit {
	// Whose it is, by what stands before its noun or right after it:
	// "the navy's statement", "a statement from the agency", whether or
	// not the phrase runs on past the noun.
	issuer := a.owner(p, phrase{ph.start, h + 1}, h)
	head := text.Singular(p.Toks[h].Norm)
	key := "document:" + head
	doc := a.byNoun[key]
	definite := a.lx.Determiners.Has(p.Toks[ph.start].Norm) && p.Toks[ph.start].Norm != "a" && p.Toks[ph.start].Norm != "an"
	if doc == nil || !definite || issuer != nil {
		if issuer == nil && a.lx.IssuedDocNouns.Has(head) {
			// "the statement" points back past its own sentence, whose
			// subject may be anyone ("The board is "…," the statement
			// said"); "a statement" is issued by its sentence's subject.
			from := h
			if definite {
				from, _ = p.sentenceSpan(h)
				from--
			}
			issuer = a.issuerBefore(p, from, p.Toks[h].Norm)
		}
		start := ph.start
		for start < h && (a.lx.Determiners.Has(p.Toks[start].Norm) || a.lx.Quantifiers.Has(p.Toks[start].Norm)) {
			start++
		}
		doc = a.newEntity(p.Phrase(start, h+1), nameWords(p.Toks[start:h+1]), Document)
		doc.Issuer = issuer
		a.byNoun[key] = doc
	}
	p.addRef(ph.start, h+1, doc)
	if doc.Issuer != nil {
		return Credit{doc.Issuer, ByDocument}
	}
	return Credit{doc, ByDocument}
}

// owner finds whose a document is from a possessive in its phrase, a
// body's name right before its head noun (token head), or the phrase after
// it that says where it is from: "the navy's statement", "his Twitter
// account", "an Acme Foods statement", "a statement on Amuary's website",
// "a statement from the navy". A head of -1 takes no name before it.
func (a *article) owner(p *para, ph phrase, head int) *Entity {
	if ph.end+1 < len(p.Toks) && p.inWord(ph.end) {
		switch p.Toks[ph.end].Norm {
		case "from", "by", "on":
			from := p.npRight(ph.end+1, len(p.Toks))
			if e := a.owner(p, from, -1); e != nil {
				return e
			}
			if p.Toks[ph.end].Norm != "on" {
				if c := a.resolve(p, from); c.Entity != nil && c.Entity.Kind != Document {
					return c.Entity
				}
			}
		}
	}
	for k := ph.start; k < ph.end; k++ {
		t := p.Toks[k]
		switch {
		case a.lx.PossessiveDeterminers.Has(t.Norm) && t.Norm != "its" && t.Norm != "their" && t.Norm != "our" && t.Norm != "my" && t.Norm != "your":
			if m, ok := p.pronounMention(k); ok {
				return m.Entity
			}
			return a.resolvePronoun(p, k, pronounGender(t.Norm))
		case t.Norm == "its" || t.Norm == "their":
			return a.resolveGroup(p, k, t.Norm == "their")
		case !t.Possessive:
			if m, ok := p.mentionAt(k); ok && m.Start == k && m.End == head && m.Entity.Kind == Organisation {
				return m.Entity // "an Acme Foods statement", "the Acme Foods reply"; not "the Lisbon declaration"
			}
			continue
		}
		if m, ok := p.mentionAt(k); ok {
			if c := a.creditMention(p, m, ph); c.Entity != nil {
				return c.Entity
			}
			return nil
		}
		// "the chamber's statement": the body of that noun.
		var found *Entity
		for _, e := range a.entities {
			if e.Kind != Person && containsWord(e.Words, t.Norm) && (found == nil || e.lastSeen > found.lastSeen) {
				found = e
			}
		}
		return found
	}
	return nil
}

func containsWord(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

// issuerBefore finds who issued a document the article names by the noun
// head, reading back from token h of p: the subject of the last sentence, this one or one before
// it in this paragraph or the one before, that mentions such a document
// and is not about the document itself ("Castleford said in a statement
// …" then "the statement said"; "China's foreign ministry released a
// statement that …").
func (a *article) issuerBefore(p *para, h int, head string) *Entity {
	// stop is the first sentence of q to read: the reach counts sentences
	// back from h, across paragraphs.
	stop := int32(-documentReach)
	if h >= 0 {
		stop += p.Toks[h].Sent
	}
	budget := documentReach * clauseReach // words, for sentences that never end
	for q, k := p, h; q != nil; {
		for ; k >= 0 && q.Toks[k].Sent >= stop && budget > 0; k, budget = k-1, budget-1 {
			if q.Toks[k].Quoted || q.Toks[k].Norm != head {
				continue
			}
			from, to := q.sentenceSpan(k)
			subj := q.mainSubject(from, to)
			if subj.empty() || subj.start == q.npLeft(k+1, from) {
				// The document is the subject here: who issued it may
				// have been said before.
				k = from
				continue
			}
			if kind, _ := headNoun(a.lx, q.Toks[q.headOf(subj)].Norm); kind == documentNoun {
				return nil // "the report cites a memo": documents issue none
			}
			if c := a.resolve(q, subj); c.Entity != nil && c.Entity.Kind != Document {
				return c.Entity
			}
			return nil
		}
		if stop >= 0 || budget <= 0 {
			return nil
		}
		q = q.prev()
		if q != nil {
			k = len(q.Toks) - 1
			stop += int32(len(q.Sentences))
		}
	}
	return nil
}

// documentReach is how many sentences back "the statement" looks for the
// one that said who issued it.
const documentReach = 8

// addRef records that tokens [start, end) name an entity the article names
// by a noun phrase (a body, a document, an unnamed speaker), for "they" and
// "it" to find.
func (p *para) addRef(start, end int, e *Entity) {
	a := p.a
	a.seen++
	e.lastSeen = a.seen
	// Kept in order of their start, as mentions are.
	k := sort.Search(len(p.refs), func(k int) bool { return p.refs[k].Start >= start })
	if k < len(p.refs) && p.refs[k].Start == start && p.refs[k].End == end {
		return
	}
	p.refs = slices.Insert(p.refs, k, Mention{Start: start, End: end, Sentence: p.Toks[start].Sent, Entity: e, Form: Description, Quoted: p.Toks[start].Quoted})
}
