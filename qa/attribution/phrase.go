package attribution

import (
	"strings"

	"github.com/articlebot/articlebot/qa/text"
)

// The clause grammar reads noun phrases and the subjects of verbs without
// tagging parts of speech: it knows the closed classes of English (see
// text.Determiners and the lists after it), the nouns that head a speaker's
// phrase (titles, bodies, documents, people), the names the article
// capitalises, and the punctuation between clauses. A word it does not know
// is taken for a noun or an adjective inside a phrase, and ends a phrase
// after its head.

// A phrase is a noun phrase: tokens [start, end) of a paragraph.
type phrase struct{ start, end int }

func (ph phrase) empty() bool { return ph.start >= ph.end }

// breaksClause reports whether the gap before token i ends a phrase: a
// comma, a colon, a bracket, a dash or a quotation mark.
func (p *para) breaksClause(i int) bool {
	if i <= 0 || i >= len(p.Toks) {
		return true
	}
	return strings.ContainsAny(p.Gap(i), ",;:()[]—–\"“”‘") || p.Toks[i].Quoted != p.Toks[i-1].Quoted
}

// inWord reports whether tokens i-1 and i are one word or one phrase with
// nothing but a space, a hyphen or an abbreviation's full stop between.
func (p *para) inWord(i int) bool {
	if p.breaksClause(i) {
		return false
	}
	switch g := p.Gap(i); g {
	case " ", "-", "‑":
		return true
	default:
		return p.joined(i)
	}
}

// closedClass reports whether a token is a function word, which a noun
// phrase may not take in its middle.
func closedClass(lx *text.Lexicon, t text.Token) bool {
	n := t.Norm
	return lx.Prepositions.Has(n) || lx.Conjunctions.Has(n) || lx.Subordinators.Has(n) ||
		lx.Relatives.Has(n) || lx.Auxiliaries.Has(n) || isPronoun(t) || lx.StopWords.Has(n) && !t.AllCaps
}

// isPronoun reports whether a token is a personal pronoun: "he", but not
// "US" or "IT".
func isPronoun(t text.Token) bool {
	if t.AllCaps {
		return false
	}
	switch t.Norm {
	case "he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "us", "me":
		return true
	}
	return false
}

// adverb reports whether a token is an adverb that may stand between a
// subject and its verb: "Trump later said", "repeatedly warned".
func adverb(lx *text.Lexicon, t text.Token) bool {
	if t.Cap {
		return false
	}
	return lx.ClauseAdverbs.Has(t.Norm) || len(t.Norm) > 4 && lx.LyAdverb(t.Norm)
}

// A nounKind is what a common noun at the head of a phrase names.
type nounKind uint8

const (
	notANoun     nounKind = iota
	titleNoun             // president, spokesman
	personNoun            // resident, brother, officials
	orgNoun               // ministry, navy, government
	documentNoun          // statement, report, memo
)

// headNoun says what the common noun norm names as the head of a phrase,
// and whether it is plural.
func headNoun(lx *text.Lexicon, norm string) (nounKind, bool) {
	one := text.Singular(norm)
	plural := one != norm
	switch {
	case lx.DocNouns.Has(norm) || lx.DocNouns.Has(one):
		return documentNoun, plural
	case lx.OrgNouns.Has(norm) || lx.OrgNouns.Has(one):
		return orgNoun, plural
	case lx.TitleHeads.Has(norm):
		return titleNoun, false
	case lx.PersonNouns.Has(norm) || lx.PersonNouns.Has(one) || lx.GroupNouns.Has(norm) || lx.TitleHeads.Has(one) ||
		lx.FemaleWords.Has(norm) || lx.MaleWords.Has(norm):
		return personNoun, plural || lx.GroupNouns.Has(norm)
	}
	return notANoun, false
}

// nounLike reports whether token i may stand inside a noun phrase: a name,
// a number, or a word that is not a function word or a verb of saying.
func (p *para) nounLike(i int) bool {
	t := p.Toks[i]
	if t.Cap || t.Number {
		if m, ok := p.mentionAt(i); ok && m.Form == ByNameForm && m.Entity.Kind == Person && t.Cap {
			return true // a name that is also a small word: "More" of Sanjay More
		}
		return !closedClass(p.a.lx, t) || t.AllCaps || t.Initial && !t.IsStop()
	}
	if closedClass(p.a.lx, t) || adverb(p.a.lx, t) {
		return false
	}
	if p.a.verbKind(t) == notSpeech {
		return true
	}
	// A verb of saying that is also a noun, after a word of its phrase:
	// "The report notes", "an engineering report".
	kind, _ := headNoun(p.a.lx, t.Norm)
	return kind != notANoun && i > 0 && p.inWord(i) && !closedClass(p.a.lx, p.Toks[i-1]) || i > 0 && opensNoun(p.a.lx, p.Toks[i-1])
}

// skipToVerb returns where the subject of the verb at token v ends: before
// the adverbs and auxiliaries between them ("Trump later said", "she had
// said", "one resident was quoted as saying").
func (p *para) skipToVerb(v, lo int) int {
	e := v
	for e > lo && p.inWord(e) {
		t := p.Toks[e-1]
		switch {
		case adverb(p.a.lx, t) || p.a.lx.Auxiliaries.Has(t.Norm):
			e--
		case t.Norm == "as" && e-2 > lo && strings.HasSuffix(p.Toks[e-2].Norm, "ed") && p.inWord(e-1):
			e -= 2 // "quoted as saying", "cited as saying"
		case t.Norm == "to" && e-2 > lo && p.inWord(e-1) && !p.Toks[e-2].Cap && !closedClass(p.a.lx, p.Toks[e-2]) &&
			(strings.HasSuffix(p.Toks[e-2].Norm, "ed") || strings.HasSuffix(p.Toks[e-2].Norm, "s")):
			e -= 2 // "liked to point out", "wants to add"
		default:
			return e
		}
	}
	return e
}

// subjectBefore finds the subject of the finite verb at token v, which
// starts no earlier than token lo: the phrase right before it, or, after a
// comma, the phrase before the asides set off by commas ("Susan Rice, who
// is …, said"; "Police chief X, speaking to Y, said"). It reports whether
// the verb instead shares the subject of the clause before ("received the
// offer but said").
func (p *para) subjectBefore(v, lo int) (phrase, bool) {
	e := p.skipToVerb(v, lo)
	if e <= lo || p.Toks[e-1].Quoted {
		return phrase{}, false
	}
	if p.breaksClause(e) {
		return p.beforeAsides(e, lo), false
	}
	t := p.Toks[e-1]
	switch {
	case p.a.lx.Conjunctions.Has(t.Norm):
		return phrase{}, true
	case isPronoun(t):
		return phrase{e - 1, e}, false
	case p.a.lx.Relatives.Has(t.Norm):
		// "her family, who said", "a study …, which concluded": the
		// phrase the relative stands for, right before it.
		k := e - 1
		if k <= lo {
			return phrase{}, false
		}
		if ph := p.phraseBefore(k, lo); !ph.empty() || !p.breaksClause(k) {
			return ph, false
		}
		return p.beforeAsides(k, lo), false
	}
	return p.phraseBefore(e, lo), false
}

// phraseBefore returns the noun phrase that ends right before token e and
// is the subject there, past a participle phrase that follows it ("A memo
// seen by Reuters says", "An editorial published alongside the study
// described") or a relative clause ("a captain of a boat which capsized
// off the Maldives stated"), and for a description, the name before it
// ("Abdulla Rasheed, a captain … stated").
func (p *para) phraseBefore(e, lo int) phrase {
	start := p.npLeft(e, lo)
	if start == e {
		return phrase{}
	}
	ph := phrase{start, e}
	if start-2 > lo && p.a.lx.Prepositions.Has(p.Toks[start-1].Norm) && p.inWord(start) && p.inWord(start-1) && pastParticiple(p.a.lx, p.Toks[start-2]) {
		if k := p.npLeft(start-2, lo); k < start-2 {
			return p.apposedBefore(phrase{k, start - 2}, lo)
		}
	}
	// An object inside a relative clause before the verb is not its
	// subject: in "a captain of a boat which capsized off the Maldives
	// stated", the subject is the phrase before "which".
	if start > lo && p.inWord(start) && !p.clauseOpener(start-1) {
		for r := start - 1; r > lo && p.inWord(r+1); r-- {
			if p.a.lx.Relatives.Has(p.Toks[r].Norm) {
				if k := p.npLeft(r, lo); k < r && p.inWord(r) {
					ph = phrase{k, r}
				}
				break
			}
		}
	}
	return p.apposedBefore(ph, lo)
}

// pastParticiple reports whether a word may be a verb's past participle:
// "seen", "written", "obtained".
func pastParticiple(lx *text.Lexicon, t text.Token) bool {
	n := t.Norm
	return !t.Cap && (strings.HasSuffix(n, "ed") || strings.HasSuffix(n, "en") || lx.IrregularParticiples.Has(n))
}

// clauseOpener reports whether token i opens a clause, so that the phrase
// after it may be a subject: "and", "when", "that", "later".
func (p *para) clauseOpener(i int) bool {
	t := p.Toks[i]
	return p.a.lx.Conjunctions.Has(t.Norm) || p.a.lx.Subordinators.Has(t.Norm) || t.Norm == "that" || adverb(p.a.lx, t) || p.timeWord(i)
}

// apposedBefore returns, for a subject that describes rather than names
// ("a captain of a cargo boat"), the person named before it and a comma
// ("Abdulla Rasheed, a captain of a cargo boat … stated"); else ph.
func (p *para) apposedBefore(ph phrase, lo int) phrase {
	if p.namesPerson(ph) || ph.start <= lo || !strings.HasPrefix(p.Gap(ph.start), ",") {
		return ph
	}
	// The name must run to the comma: in "Ann Lee visited the harbour
	// and agreed on a truce, officials said", "officials" describes no
	// one before it.
	if before := p.beforeAsides(ph.start, lo); p.namesPerson(before) && p.breaksClause(before.end) {
		return before
	}
	return ph
}

// apposedAfter returns, for a subject that describes rather than names
// ("Libya's foreign minister", "the ship's owner"), the person or body
// named after it between commas ("Libya's foreign minister, Abdul Ati
// al-Obeidi, criticised", "the ship's owner, Hamburg-based Meridian Bulk
// Shipping, said"); else ph.
func (p *para) apposedAfter(ph phrase, limit int) phrase {
	if p.namesPerson(ph) || ph.end >= limit || !strings.HasPrefix(p.Gap(ph.end), ",") {
		return ph
	}
	if next := p.npRight(ph.end, limit); (p.namesPerson(next) || p.namesBody(next)) && (next.end >= limit || p.breaksClause(next.end)) {
		return next
	}
	return ph
}

// possessiveHer reports whether the "her" at token a is the possessive
// before a noun of its phrase ("her attorney, Raymond Ochoa"), not the
// pronoun ("told her", "according to her,").
func (p *para) possessiveHer(a, limit int) bool {
	return p.Toks[a].Norm == "her" && a+1 < limit && p.inWord(a+1) && p.nounLike(a+1)
}

// namesBody reports whether a phrase is headed by the name of a body, or
// by a name of several words the article never shows to be a person's or
// a place's ("Meridian Bulk Shipping").
func (p *para) namesBody(ph phrase) bool {
	if ph.empty() {
		return false
	}
	m, ok := p.mentionAt(p.headOf(ph))
	return ok && m.Form == ByNameForm && (m.Entity.Kind == Organisation || m.Entity.Kind == Unknown && len(m.Entity.Words) > 1)
}

// namesPerson reports whether a phrase is headed by a person's name.
func (p *para) namesPerson(ph phrase) bool {
	if ph.empty() {
		return false
	}
	m, ok := p.mentionAt(p.headOf(ph))
	return ok && m.Entity.Kind == Person && m.Form == ByNameForm
}

// joinsRole reports whether token k, a preposition such as "with", joins
// a body to the title before it: "the chief negotiator with the IAEA". Only
// after a title, since "forces with one unit" are not one phrase.
func (p *para) joinsRole(k int) bool {
	return k >= 1 && p.a.lx.RolePrepositions.Has(p.Toks[k].Norm) && p.inWord(k) && p.a.lx.TitleHeads.Has(p.Toks[k-1].Norm)
}

// npLeft returns where the noun phrase that ends right before token end
// starts, end if there is none. A relative clause between the phrase and
// end is passed over ("a captain of a boat which capsized … stated"), and
// phrases joined by of, for, at, in, on or from are one ("residents on the
// island of Kudahuvadhoo"), as are a title and its body joined by with
// ("an analyst with Morningstar").
func (p *para) npLeft(end, lo int) int {
	end = p.beforeTime(end, lo)
	// The phrase is [k, end); t is the word before it.
	k := end
	for k > lo {
		t := p.Toks[k-1]
		if t.Quoted || k < end && !p.inWord(k) {
			break
		}
		if m, ok := p.mentionAt(k - 1); ok && m.Start < k-1 && m.Start >= lo {
			k = m.Start // a name with words of its own: "Fire and Rescue Service"
			continue
		}
		switch {
		case t.Norm == "that" && k < end:
			// "talks that officials described as …": the phrase after
			// "that" is the subject of its clause.
			return k
		case p.a.lx.Relatives.Has(t.Norm) && k < end:
			// What lies between is a relative clause: the phrase ends
			// before it.
			if k-1 <= lo || !p.inWord(k-1) {
				return end
			}
			end = k - 1
			k = end
		case isPronoun(t) && (k == end || !p.a.lx.PossessiveDeterminers.Has(t.Norm)):
			if k == end {
				return k - 1
			}
			return k
		case p.a.lx.Determiners.Has(t.Norm) || p.a.lx.PossessiveDeterminers.Has(t.Norm) || p.a.lx.Quantifiers.Has(t.Norm):
			k--
			if b := k - 1; (t.Number || p.a.lx.NumberWords.Has(t.Norm)) && b >= lo && p.inWord(k) &&
				(p.a.lx.Determiners.Has(p.Toks[b].Norm) || p.a.lx.PossessiveDeterminers.Has(p.Toks[b].Norm)) {
				k-- // "the two organisations", "their three unions"; not "the other official", someone else
			}
			// "of the", in "the office of the president".
			if k-2 >= lo && p.a.lx.ChainPrepositions.Has(p.Toks[k-1].Norm) && p.inWord(k) && p.inWord(k-1) && p.nounLike(k-2) {
				k--
				continue
			}
			if k-2 >= lo && p.joinsRole(k-1) && p.inWord(k) {
				k--
				continue
			}
			return k
		case p.a.lx.ChainPrepositions.Has(t.Norm):
			if k == end || k-2 < lo || !p.inWord(k-1) || !p.nounLike(k-2) && !p.personEndsAt(k-2) {
				return k // but "Beatrix Holloway of Trentham Securities" goes on
			}
			k--
		case p.a.lx.RolePrepositions.Has(t.Norm):
			if k == end || k-2 < lo || !p.joinsRole(k-1) {
				return k
			}
			k--
		case p.nounLike(k-1) || k < end && p.hyphenBefore(k):
			k-- // a word of the phrase, or half of a hyphenated one: "newly-released"
		default:
			return k
		}
	}
	return k
}

// indefinite reports whether a word opens a phrase that brings in someone
// or something new, or counts them: "a", "an" and the quantifiers ("one",
// "another", "some", "all", "many").
func indefinite(lx *text.Lexicon, norm string) bool {
	return lx.Quantifiers.Has(norm) || norm == "a" || norm == "an"
}

// personEndsAt reports whether a name that may be a person's ends at
// token i.
func (p *para) personEndsAt(i int) bool {
	m, ok := p.mentionAt(i)
	return ok && m.End == i+1 && (m.Entity.Kind == Person || m.Entity.Kind == Unknown) && !m.Entity.place
}

// beforeTime returns where a phrase that ends before token end ends
// without the time that closes it, which says when, not who: "released a
// statement Wednesday", "his account on Tuesday", "a study commissioned
// last year".
func (p *para) beforeTime(end, lo int) int {
	k := end
	for k > lo+1 && p.inWord(k-1) && (p.timeWord(k-1) || p.Toks[k-1].Number) {
		k--
	}
	if k == end {
		return end
	}
	if t := p.Toks[k-1]; (t.Norm == "on" || t.Norm == "in" || t.Norm == "at" || t.Norm == "last" || t.Norm == "this" || t.Norm == "early" || t.Norm == "late") && k-1 > lo {
		k--
	}
	return k
}

// beforeAsides finds the subject before the comma at token e: it walks the
// segments set off by commas back to lo, passing over relative clauses,
// participle phrases and adverbials, and takes the nearest that names a
// person, else the nearest that names anyone, else the nearest noun
// phrase: a description beside a name is its apposition.
func (p *para) beforeAsides(e, lo int) phrase {
	var nearest, named phrase
	for k := e; k > lo; {
		s := k - 1
		for s > lo && !p.breaksClause(s) && !p.Toks[s-1].Quoted {
			s--
		}
		if p.Toks[s].Quoted {
			break
		}
		if p.asideStart(s) {
			k = s
			continue
		}
		ph := p.npRight(s, k)
		if !p.namesPerson(ph) {
			// npRight stops at a word it cannot open a phrase with
			// ("Retired welder Ann Lee, 68, said"): read the phrase that
			// ends at the comma instead.
			if left := (phrase{p.npLeft(k, s), k}); p.namesPerson(left) {
				ph = left
			}
		}
		if ph.empty() {
			break
		}
		if p.namesPerson(ph) {
			return ph
		}
		// A phrase opened by "a", "another" or another quantifier describes
		// the name before it, whatever names it holds: "Lee, another
		// Welsh fisherman,".
		describes := indefinite(p.a.lx, p.Toks[ph.start].Norm)
		if _, ok := p.mentionAt(p.headOf(ph)); ok && named.empty() && !describes {
			named = ph // "The National Kidney Alliance, a patient advocacy group,"
		}
		if nearest.empty() {
			nearest = ph
		}
		if strings.Contains(p.Gap(s), ";") || strings.Contains(p.Gap(s), ":") {
			break
		}
		k = s
	}
	if !named.empty() {
		return named
	}
	return nearest
}

// asideStart reports whether the segment starting at token s is an aside
// and not the subject: a relative clause ("who is …"), a participle phrase
// ("speaking to …", "attending as …") or an adverbial ("in a statement").
func (p *para) asideStart(s int) bool {
	t := p.Toks[s]
	if t.Cap && !t.Initial {
		return false
	}
	n := t.Norm
	switch {
	case p.a.lx.Relatives.Has(n) && n != "that", p.a.lx.Prepositions.Has(n), p.a.lx.Subordinators.Has(n), adverb(p.a.lx, t):
		return true
	case strings.HasSuffix(n, "ing") && len(n) > 5 && !p.a.lx.PersonNouns.Has(n):
		return true
	case strings.HasSuffix(n, "ed") && len(n) > 4 && !t.Cap:
		// "based in London", "dated Aug. 29 and circulated …"; but an
		// adjective before a person's noun opens the subject: "retired
		// teacher Ann Lee".
		if s+1 < len(p.Toks) && p.inWord(s+1) {
			if kind, _ := headNoun(p.a.lx, p.Toks[s+1].Norm); kind == personNoun || kind == titleNoun {
				return false
			}
		}
		return true
	}
	return false
}

// npRight returns the noun phrase that starts at token a and ends before
// limit: "Senate Majority Leader Harry Reid", "the office of the Maldives
// President", "coauthor Erik Demaine". After its head noun or name, only
// another known noun goes on ("Reuters correspondent", "transport
// ministry"); "of" goes on after a title, a body or a document.
func (p *para) npRight(a, limit int) phrase {
	if a >= limit || p.Toks[a].Quoted {
		return phrase{a, a}
	}
	if isPronoun(p.Toks[a]) && !p.possessiveHer(a, limit) {
		return phrase{a, a + 1}
	}
	b := a
	for b < limit && b < a+2 && (p.a.lx.Determiners.Has(p.Toks[b].Norm) || p.a.lx.PossessiveDeterminers.Has(p.Toks[b].Norm) || p.a.lx.Quantifiers.Has(p.Toks[b].Norm)) {
		b++
	}
	headSeen, ofHead := false, false
	for b < limit && (b == a || p.inWord(b)) && !p.Toks[b].Quoted {
		t := p.Toks[b]
		if (t.Norm == "of" || t.Norm == "to") && ofHead && b+1 < limit && p.inWord(b+1) && (p.Toks[b+1].Cap || p.a.lx.Determiners.Has(p.Toks[b+1].Norm)) {
			b++ // "the office of the Maldives President", "Ambassador to the United States"
			headSeen = false
			for b < limit && p.a.lx.Determiners.Has(p.Toks[b].Norm) {
				b++
			}
			continue
		}
		if t.Norm == "of" && ofHead && p.a.lx.TitleHeads.Has(p.Toks[b-1].Norm) {
			if e := p.ofField(b, limit); e > b {
				b = e // "head of fleet operations", set off before the name
				continue
			}
		}
		if t.Norm == "for" && p.portfolio(b, limit) {
			// "the alderman for culture", "the minister for the Arctic":
			// its first word, and then nouns as after any head.
			b++
			for b < limit && p.a.lx.Determiners.Has(p.Toks[b].Norm) {
				b++
			}
			b++
			headSeen = true
			continue
		}
		if m, ok := p.mentionAt(b); ok && m.Start == b && m.End <= limit && m.End > b+1 {
			// A name with words of its own: "Norfolk Fire and Rescue
			// Service", "Commission for England and Wales".
			headSeen, ofHead = true, m.Entity.Kind != Person
			b = m.End
			continue
		}
		if !p.nounLike(b) {
			break
		}
		if t.Cap || t.Number {
			// A name is a head, unless it owns what follows: "Malaysia's
			// transport ministry".
			headSeen = t.Cap && !t.Possessive
			ofHead = p.a.lx.OrgWords.Has(t.Norm) || p.a.lx.TitleHeads.Has(t.Norm)
			b++
			continue
		}
		kind, _ := headNoun(p.a.lx, t.Norm)
		if headSeen && kind == notANoun && !p.a.lx.RoleModifiers.Has(t.Norm) && !p.hyphenBefore(b) {
			if e := p.roleThenPerson(b, limit); e > b {
				b = e // "Environment Agency flood manager Ruth Calloway"
				continue
			}
			if e := p.titleAfter(b, limit); e > b {
				b = e // "chief technology officer": the first title qualifies the last
				continue
			}
			break // a verb or an adverb after the head: "Hood suggested"
		}
		if kind != notANoun {
			headSeen = true
			ofHead = kind == titleNoun || kind == orgNoun || kind == documentNoun
		}
		b++
	}
	return phrase{a, b}
}

// ofField returns, when "of" at token k and a few words in lower case
// after it say what a title is of and a comma ends them ("head of fleet
// operations, Henrik Aalto"), where they end; else k. Only before a
// comma: in "the head of state visited", the phrase is the head alone.
func (p *para) ofField(k, limit int) int {
	for e := k + 1; e < limit && e <= k+maxFieldWords && p.inWord(e); e++ {
		t := p.Toks[e]
		if t.Cap || t.Number || t.Quoted || !p.nounLike(e) {
			return k
		}
		if strings.HasPrefix(p.Gap(e+1), ",") {
			return e + 1
		}
	}
	return k
}

// maxFieldWords is the most words a title's field may have after its
// "of": "head of fleet operations".
const maxFieldWords = 3

// portfolio reports whether "for" at token k joins to the title before it
// what the title is for ("the alderman for culture", "the minister for
// the Arctic"), not a time ("the minister for years") or a reason.
func (p *para) portfolio(k, limit int) bool {
	if k < 1 || !p.inWord(k) || !p.a.lx.TitleHeads.Has(p.Toks[k-1].Norm) {
		return false
	}
	n := k + 1
	for n < limit && p.inWord(n) && p.a.lx.Determiners.Has(p.Toks[n].Norm) {
		n++
	}
	if n >= limit || !p.inWord(n) {
		return false
	}
	next := p.Toks[n]
	return !next.Quoted && !next.Number && !p.timeWord(n) && !p.a.lx.TimeUnits.Has(text.Singular(next.Norm)) && p.nounLike(n)
}

// titleAfter returns, when one of the titleLead words in lower case of its
// phrase from token b is a title ("technology officer" after "chief"),
// where it ends; else b.
func (p *para) titleAfter(b, limit int) int {
	for k := b; k < limit && k < b+titleLead && p.inWord(k) && !p.Toks[k].Cap; k++ {
		if p.a.lx.TitleHeads.Has(p.Toks[k].Norm) {
			return k + 1
		}
	}
	return b
}

// titleLead is how many words after a title the title it qualifies may
// end: "chief medical officer", "chief operating officer".
const titleLead = 2

// roleThenPerson returns, when a few words in lower case ending in a title
// and then a person's name follow token b ("flood manager Ruth Calloway"
// after "Environment Agency"), where the name ends; else b.
func (p *para) roleThenPerson(b, limit int) int {
	for k := b; k < limit && k < b+maxRoleLead && p.inWord(k) && !p.Toks[k].Cap; k++ {
		if !p.a.lx.TitleHeads.Has(p.Toks[k].Norm) || k+1 >= limit || !p.inWord(k+1) {
			continue
		}
		if m, ok := p.mentionAt(k + 1); ok && m.Start == k+1 && m.End <= limit && m.Entity.Kind == Person {
			return m.End
		}
	}
	return b
}

// headOf returns the token that heads a phrase: the last of its first part,
// before any of, for, at, in, on or from that joins another phrase to it,
// and before a day or a month that ends it. "Jane Roe of the Harbor
// Institute" is headed by "Roe".
func (p *para) headOf(ph phrase) int {
	h := ph.end
	for k := ph.start + 1; k < ph.end; k++ {
		if p.a.lx.ChainPrepositions.Has(p.Toks[k].Norm) && !p.Toks[k].Cap {
			if m, ok := p.mentionAt(k); ok && m.Start < k {
				continue // inside a name: "University of California"
			}
			if k+1 < ph.end && p.Toks[k-1].Cap && p.Toks[k+1].Cap && !p.personEndsAt(k-1) {
				continue // inside a title: "Secretary of State"; not "Jane Roe of Acme"
			}
			h = k
			break
		}
	}
	for h-1 > ph.start && (p.a.lx.CalendarWords.Has(p.Toks[h-1].Norm) || p.Toks[h-1].Number || p.postNominal(h-1)) {
		h--
	}
	return h - 1
}

// postNominal reports whether token i is letters after a person's name:
// "KC" in "Simon Latchford KC".
func (p *para) postNominal(i int) bool {
	t := p.Toks[i]
	if !t.AllCaps || len(t.Norm) > postNominalLength || i == 0 {
		return false
	}
	m, ok := p.mentionAt(i - 1)
	return ok && m.Entity.Kind == Person && m.End == i
}

// mainSubject returns the subject of the main clause of a sentence whose
// tokens from its start are [k, v): the first noun phrase after any opening
// adverbials ("Last Thursday, he …", "In an interview with the BBC,
// Obeidi …", "When al-Islam first made his claims, he …").
func (p *para) mainSubject(k, v int) phrase {
	k = max(k, v-clauseReach)
	for k < v {
		t := p.Toks[k]
		if t.Quoted {
			k++
			continue
		}
		if !(p.a.lx.Prepositions.Has(t.Norm) || p.a.lx.Subordinators.Has(t.Norm) || adverb(p.a.lx, t) && !t.Cap ||
			p.a.lx.Conjunctions.Has(t.Norm) || t.Norm == "however" || t.Norm == "meanwhile" || t.Norm == "afterwards" ||
			p.timeWord(k) || p.asideStart(k) && !isPronoun(t) || p.openingParticiple(k, v)) {
			break
		}
		// An opening adverbial runs to its comma, or, with none, past
		// the phrase it governs: "On Monday the minister said".
		end := k + 1
		for end < v && !p.breaksClause(end) {
			end++
		}
		if end < v {
			k = end
			continue
		}
		k++
		if p.a.lx.Prepositions.Has(t.Norm) {
			obj := p.npRight(k, v)
			k = max(obj.end, k)
			for k < v && !p.a.lx.Determiners.Has(p.Toks[k].Norm) && !isPronoun(p.Toks[k]) && !p.Toks[k].Cap {
				k++
			}
		}
	}
	if k >= v {
		return phrase{}
	}
	return p.apposedAfter(p.npRight(k, v), v)
}

// openingParticiple reports whether token k opens a participle clause set
// off by a comma before v: "Asked whether …, van der Berg chose …".
func (p *para) openingParticiple(k, v int) bool {
	n := p.Toks[k].Norm
	if !(strings.HasSuffix(n, "ed") || strings.HasSuffix(n, "ing")) || len(n) < 5 || p.a.lx.PersonNouns.Has(n) {
		return false
	}
	for end := k + 1; end < v; end++ {
		if p.breaksClause(end) {
			return strings.HasPrefix(p.Gap(end), ",")
		}
	}
	return false
}

// timeWord reports whether token k is part of a time expression that may
// open a sentence: "Last Thursday", "This year", "Yesterday".
func (p *para) timeWord(k int) bool {
	t := p.Toks[k]
	return t.Is(text.KindTime) || p.a.lx.CalendarWords.Has(t.Norm) || t.IsYear() ||
		(t.Norm == "last" || t.Norm == "this" || t.Norm == "next" || t.Norm == "early" || t.Norm == "late") && k+1 < len(p.Toks) && p.Toks[k+1].Is(text.KindTime)
}
