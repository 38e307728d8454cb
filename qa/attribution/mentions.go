package attribution

import (
	"slices"
	"sort"
	"strings"

	"github.com/articlebot/articlebot/qa/text"
)

// findMentions walks a paragraph's names, descriptions and pronouns in
// order and links each to its entity, recording roles and gender along the
// way.
func (a *article) findMentions(p *para) {
	for i := 0; i < len(p.Toks); {
		t := p.Toks[i]
		// A title written in capitals after "the" is a description, as
		// one in lower case is: "the MP said", not a body called MP.
		titleCaps := t.AllCaps && t.Is(text.KindTitleHead) && i > 0 && p.Toks[i-1].Norm == "the" &&
			(i+1 == len(p.Toks) || !p.Toks[i+1].Cap)
		if h := a.partyTitle(p, i); h > i {
			// "the Labour MP said", "the Independent TD said": a
			// description, as "the MP" is, with its party, if someone
			// holds the title; else read as a name, as before.
			if start, e := a.resolveDescription(p, h); e != nil {
				a.addMention(p, start, h+1, e, Description)
				i = h + 1
				continue
			}
		}
		if e := a.initialledTitle(p, i); e != nil {
			// "the CS told journalists" of Cabinet Secretary Wilfred
			// Ndege: his title's initials, not a body called CS.
			a.addMention(p, i-1, i+1, e, Description)
			i++
			continue
		}
		if a.proper(p, i) && !titleCaps {
			end := a.nameRun(p, i)
			n := a.splitRun(p, i, end)
			if n == end {
				// No person in the run: an organisation, place or document
				// ("Moscow", "the Congressional Website", "H.R.1424").
				n = i
			}
			if a.lx.CalendarWords.Has(p.Toks[n].Norm) && end-n == 1 && !a.surnameSaying(p, n) {
				i = end
				continue // a weekday or a month is never anyone, but "May said" after Theresa May
			}
			e := a.kinOf(p, n, end)
			if e == nil {
				e = a.resolveName(p.Toks[n:end], p.Phrase(n, end))
			}
			if n > i && end-n == 1 {
				e = a.addressed(p.Toks[i:n], e) // "Mr Mitra" of two Mitras: the man
			}
			if e.Kind == Unknown && n > i && a.titledName(p, i, n) {
				e.Kind = Person // "Mr Abbot", "President Mugabe": a person
				a.people = append(a.people, e)
			}
			if female, known := a.lx.GivenName(e.Words[0]); known && e.Kind == Unknown && len(e.Words) == 1 {
				// "her first name, Tasha": a person.
				e.Kind, e.Gender = Person, Male
				if female {
					e.Gender = Female
				}
				a.people = append(a.people, e)
			}
			if e.Kind == Person && e.Gender == GenderUnknown && a.gendered(p, i) {
				e.learnGender(a.lx, p.Toks[i-1].Norm) // "his mother, Sunanda": a woman
			}
			if i > 0 && a.lx.PlacePrepositions.Has(p.Toks[i-1].Norm) && p.Toks[i-1].Norm != "to" && p.Toks[i-1].Norm != "from" {
				e.place = true // "in Lagos"
			}
			if i > 1 && p.Toks[i-1].Norm == "of" && a.lx.PlaceNouns.Has(p.Toks[i-2].Norm) {
				e.place, e.namedPlace = true, true // "the fishing town of Port Ellery"
			}
			a.addMention(p, n, end, e, ByNameForm)
			a.learnAcronym(p, end, e)
			if e.Kind == Person && end+1 < len(p.Toks) && p.Toks[end].Norm == "of" && p.inWord(end) && p.inWord(end+1) {
				// "Beatriz Duarte of Brazil": where she is from, for "the
				// Brazilian" later.
				if key, k := a.lx.PlaceAt(p.Toks, end+1); k > 0 {
					if e.Country == nil {
						e.Heads, e.Mods, e.Country = map[string]bool{}, map[string]bool{}, map[string]bool{}
					}
					e.Country[key] = true
				}
			}
			if e.Kind == Person && a.learnRole(p, i, n, end, e) {
				p.mentions[len(p.mentions)-1].Defines = true
			}
			i = end
			continue
		}
		if !t.Quoted && (!t.Cap || titleCaps) && t.Is(text.KindTitleHead) {
			if start, e := a.resolveDescription(p, i); e != nil {
				a.addMention(p, start, i+1, e, Description)
			}
		}
		if !t.Quoted && (t.Norm == "a" || t.Norm == "an" || t.Norm == "one" || t.Norm == "another") && p.subjectAt(i) {
			a.someoneUnnamed(p, i)
		}
		switch t.Norm {
		case "he", "she", "his", "her", "him":
			// The gendered pronouns, compared outright: the commonest
			// words of all, not looked up.
			a.learnGender(p, i)
			if !t.Quoted {
				g := pronounGender(t.Norm)
				if e := a.resolvePronoun(p, i, g); e != nil {
					a.addMention(p, i, i+1, e, Pronoun)
					if e.Gender == GenderUnknown && (t.Norm == "he" || t.Norm == "she") && i+1 < len(p.Toks) && p.speechAt(i+1) {
						// "he said" of someone is a man; but in "Lee's
						// coach, Kim, said she would rest", she may be Lee.
						e.Gender = g
					}
				}
			}
		}
		i++
	}
}

// initialledTitle returns the one person whose title the capitals at
// token i abbreviate after "the", by the initials of its last words:
// "the CS" of "Health Cabinet Secretary Wilfred Ndege", "the DA" of
// "District Attorney Ann Lee"; nil for none, or for two who fit.
func (a *article) initialledTitle(p *para, i int) *Entity {
	t := p.Toks[i]
	if !t.AllCaps || i == 0 || p.Toks[i-1].Norm != "the" || len(t.Norm) < 2 || len(t.Norm) > maxTitleInitials {
		return nil
	}
	var found *Entity
	for _, e := range a.people {
		if !slices.ContainsFunc(e.Roles, func(r string) bool { return initialsEnd(a.lx, r, t.Norm) }) {
			continue
		}
		if found != nil && found != e {
			return nil
		}
		found = e
	}
	return found
}

// maxTitleInitials is the most letters of a title's initials: "the CEO".
const maxTitleInitials = 4

// initialsEnd reports whether the initials of the last words of a role
// spell letters: "cs" of "Health Cabinet Secretary".
func initialsEnd(lx *text.Lexicon, role, letters string) bool {
	words := lx.Tokenize(role)
	if len(words) < len(letters) {
		return false
	}
	for k, w := range words[len(words)-len(letters):] {
		if w.Norm == "" || w.Norm[0] != letters[k] {
			return false
		}
	}
	return true
}

// partyTitle returns, when token i follows "the" and opens a few capitalised
// words that end in a title written in capitals with no name after it
// ("the Labour MP said", "the Independent TD"), the title's token; else i.
func (a *article) partyTitle(p *para, i int) int {
	if i == 0 || p.Toks[i-1].Norm != "the" || !p.Toks[i].Cap || p.Toks[i].AllCaps || p.Toks[i].Quoted {
		return i
	}
	for h := i + 1; h < len(p.Toks) && h <= i+partyWords && p.inWord(h); h++ {
		t := p.Toks[h]
		if t.AllCaps && t.Is(text.KindTitleHead) {
			if h+1 < len(p.Toks) && p.Toks[h+1].Cap && p.inWord(h+1) {
				return i // "the Labour MP Ann Lee": a name follows
			}
			return h
		}
		if !t.Cap || t.AllCaps || a.lx.TitleHeads.Has(t.Norm) {
			return i
		}
	}
	return i
}

// partyWords is how many capitalised words may come before such a title:
// "the Scottish Labour MSP".
const partyWords = 2

// someoneUnnamed reads a phrase that opens a clause at token i with "a",
// "one" or "another" and is headed by a noun for a person ("One
// Conservative activist, who …, was blunter"): someone the article does
// not name, whom a "she" after may mean.
func (a *article) someoneUnnamed(p *para, i int) {
	ph := p.npRight(i, len(p.Toks))
	if ph.end-ph.start < 2 {
		return
	}
	if k := i - 1; k >= 0 && strings.HasPrefix(p.Gap(i), ",") {
		// "Amy Hollins, 27, a nurse": what a named person is.
		for k > 0 && p.Toks[k].Number && strings.HasPrefix(p.Gap(k), ",") {
			k--
		}
		if m, ok := p.mentionAt(k); ok && m.Entity.Kind == Person {
			return
		}
	}
	h := p.headOf(ph)
	if _, named := p.mentionAt(h); named || p.Toks[h].Cap {
		return
	}
	if kind, plural := headNoun(a.lx, p.Toks[h].Norm); plural || kind != personNoun && kind != titleNoun {
		return
	}
	c := a.unnamedWhose(p, ph.start, h, len(p.Toks), false)
	if g := nounGender(a.lx, p.Toks[h].Norm); g != GenderUnknown {
		c.Entity.Gender = g
	}
	for k := range p.refs {
		if p.refs[k].Start >= ph.start && p.refs[k].Entity == c.Entity {
			p.refs[k].Subject = true
		}
	}
}

// learnAcronym reads "Movement for Democratic Change (MDC)": the
// capitals in brackets after a name of several words are its short form,
// and the name a body's.
func (a *article) learnAcronym(p *para, end int, e *Entity) {
	if end >= len(p.Toks) || len(e.Words) < 2 || !p.Toks[end].AllCaps || p.Gap(end) != " (" ||
		end+1 < len(p.Toks) && !strings.HasPrefix(p.Gap(end+1), ")") {
		return
	}
	a.addAlias(p.Toks[end].Norm, e)
	if e.Kind == Unknown {
		e.Kind = Organisation // people have no initials in brackets
	}
}

// occupation reports whether a lower-case word right before a name is a
// noun that says what the person is: "glaciologist Ursula van der Berg",
// "coauthor Erik Demaine", "striker Callum Hartley". English puts such a
// noun there; a verb before a name ("met Zelenskyy", "told Smith") has no
// such ending.
func occupation(lx *text.Lexicon, t text.Token) bool {
	return !t.Cap && !closedClass(lx, t) && !adverb(lx, t) && !t.Number && occupationWord(lx, t.Norm, true)
}

// occupationWord reports whether a normalised word is a noun for what
// someone is or does, by the lists or by its ending (see
// text.HasOccupationSuffix).
func occupationWord(lx *text.Lexicon, norm string, loose bool) bool {
	if kind, _ := headNoun(lx, norm); kind == titleNoun || kind == personNoun {
		return true
	}
	if lx.StopWords.Has(norm) || lx.Quantifiers.Has(norm) || lx.SpeechNouns.Has(norm) {
		return false
	}
	return text.HasOccupationSuffix(norm, loose)
}

// addressed returns the person a surname with a form of address before it
// refers to: e, unless the form says a gender e is not and another person
// of that surname is of it, or else of no known gender ("Mr Mitra" after
// "Arindam Mitra" and "his mother, Sunanda Mitra"): the most recently
// mentioned of them.
func (a *article) addressed(address []text.Token, e *Entity) *Entity {
	want := GenderUnknown
	for _, t := range address {
		if g := wordGender(a.lx, t.Norm); g != GenderUnknown && a.lx.Honorifics.Has(t.Norm) {
			want = g
		}
	}
	if want == GenderUnknown || e.Gender == want || len(e.Words) == 0 {
		return e
	}
	namesakes := a.bySurname[e.Words[len(e.Words)-1]]
	of := func(g Gender) []*Entity {
		var out []*Entity
		for _, o := range namesakes {
			if o.Gender == g {
				out = append(out, o)
			}
		}
		return out
	}
	if same := of(want); len(same) > 0 {
		return mostRecent(same)
	}
	if unknown := of(GenderUnknown); e.Gender != GenderUnknown && len(unknown) > 0 {
		return mostRecent(unknown)
	}
	return e
}

// gendered reports whether a noun that may say a gender is set off right
// before the name at token i as its description: "his mother, Sunanda",
// "the widow, Jane Roe"; not "Like her father, Sam Ortiz became …".
func (a *article) gendered(p *para, i int) bool {
	if i < 2 || p.Gap(i) != ", " {
		return false
	}
	before := p.Toks[i-2].Norm
	return (before == "the" || a.lx.PossessiveDeterminers.Has(before)) && (i < 3 || !comparing[p.Toks[i-3].Norm])
}

// surnameSaying reports whether token i, a word that is also a month or
// a small word, is the surname of someone named in full who says
// something there: "May said", "said May", "More said".
func (a *article) surnameSaying(p *para, i int) bool {
	if len(a.bySurname[p.Toks[i].Norm]) == 0 {
		return false
	}
	after := i+1 < len(p.Toks) && p.joined(i+1) && a.verbKind(p.Toks[i+1]) == speechVerb
	before := i > 0 && p.joined(i) && a.verbKind(p.Toks[i-1]) == speechVerb
	return after || before
}

// kinOf returns, for a given name alone set off after a kin noun whose
// owner is named in full ("Eleanor Shaw's mother, Judith"), the person of
// that name and the family's surname, which the article leaves to be
// understood: Judith Shaw, never Eleanor. Else nil.
func (a *article) kinOf(p *para, n, end int) *Entity {
	if end-n != 1 || n < 2 || p.Gap(n) != ", " || !kinNouns[p.Toks[n-1].Norm] || !p.Toks[n-2].Possessive {
		return nil
	}
	if _, known := a.lx.GivenName(p.Toks[n].Norm); !known {
		return nil
	}
	owner, ok := p.mentionAt(n - 2)
	if !ok || owner.Entity.Kind != Person || len(owner.Entity.Words) < 2 {
		return nil
	}
	// The surname as the owner's full name has it: "Eleanor's mother,
	// Judith" after "Eleanor Shaw" is Judith Shaw.
	written := strings.Fields(owner.Entity.Name)
	surname := p.Toks[n]
	surname.Norm = owner.Entity.Words[len(owner.Entity.Words)-1]
	e := a.person([]text.Token{p.Toks[n], surname}, p.Phrase(n, end)+" "+written[len(written)-1])
	if e.Gender == GenderUnknown {
		e.learnGender(a.lx, p.Toks[n-1].Norm)
	}
	return e
}

// kinNouns are the family whose given name alone after a person's name
// leaves the surname understood.
var kinNouns = map[string]bool{"mother": true, "father": true, "son": true, "daughter": true, "wife": true, "husband": true,
	"brother": true, "sister": true, "grandmother": true, "grandfather": true, "grandson": true, "granddaughter": true}

// comparing open a comparison, whose noun is not the name after it.
var comparing = map[string]bool{"like": true, "unlike": true}

// titledName reports whether the run [start, n) before a one-word name is
// a title or a form of address, which make the name a person's: "Mr",
// "President", "Judge".
func (a *article) titledName(p *para, start, n int) bool {
	for k := start; k < n; k++ {
		if norm := p.Toks[k].Norm; a.lx.Honorifics.Has(norm) || a.lx.TitleHeads.Has(norm) {
			return true
		}
	}
	return false
}

// pronounGender is the gender of a third-person singular pronoun.
func pronounGender(norm string) Gender {
	switch norm {
	case "she", "her", "hers", "herself":
		return Female
	case "he", "him", "his", "himself":
		return Male
	}
	return GenderUnknown
}

func (a *article) addMention(p *para, start, end int, e *Entity, form Form) {
	m := Mention{Start: start, End: end, Sentence: p.Toks[start].Sent, Entity: e, Form: form, Quoted: p.Toks[start].Quoted}
	// "his" and "her" own or are objects: only "he" and "she" of the
	// pronouns may be a sentence's subject.
	subjectForm := form != Pronoun || p.Toks[start].Norm == "he" || p.Toks[start].Norm == "she"
	// A subject opens its clause ("…, but Kirsty Lamb pulled one back
	// before Okonkwo met a cross"), or is the first person its sentence
	// names.
	if e.Kind == Person && !m.Quoted && subjectForm && (p.subjectIn != m.Sentence+1 || p.subjectAt(start)) {
		m.Subject = true
		p.subjectIn = m.Sentence + 1
	}
	a.seen++
	e.lastSeen = a.seen
	p.mentions = append(p.mentions, m)
	if form != Pronoun {
		for k := start; k < end; k++ {
			p.at[k] = int32(len(p.mentions))
		}
	}
}

// learnRole records the role the article gives a person at a mention: the
// title words of the name run (run[start:n]), the lower-case role words
// before it ("Kenyan cabinet minister William Ruto"), or an apposition after
// it ("Hassan Omar, vice chairman of …,") or before it ("Vice President of
// Taxpayers for Common Sense, Steve Ellis,").
func (a *article) learnRole(p *para, start, n, end int, e *Entity) bool {
	roleStart := start
	for roleStart > 0 && p.joined(roleStart) && p.Toks[roleStart-1].Quoted == p.Toks[n].Quoted {
		t := p.Toks[roleStart-1]
		if !(a.lx.RoleModifiers.Has(t.Norm) || a.lx.TitleHeads.Has(t.Norm) || t.Norm == "incumbent" || t.Cap && !t.IsStop() ||
			roleStart == start && occupation(a.lx, t)) {
			break
		}
		roleStart--
		if t.Possessive {
			break // "Russia's" opens the role
		}
	}
	if roleStart < n && !honorificsOnly(a.lx, p.Toks[roleStart:n]) {
		e.addRole(a.lx, p.Toks[roleStart:n], p.Text)
		if d := a.descriptionBefore(p, roleStart, end); d != nil {
			e.addRole(a.lx, d, p.Text) // "the jury president, Danish director Ann Roe."
		}
		return true
	}
	if r := a.apposition(p, end); r != nil {
		e.addRole(a.lx, r, p.Text)
		return true
	}
	if start >= 2 && p.Gap(start) == ", " {
		// A role run just before: "Vice President of X, Steve Ellis,".
		k := start - 1
		for k > 0 && p.joined(k) && (p.Toks[k-1].Cap || a.lx.NameConnectors.Has(p.Toks[k-1].Norm)) {
			k--
		}
		if k < start-1 && (a.lx.TitleHeads.Has(p.Toks[k].Norm) || a.lx.RoleModifiers.Has(p.Toks[k].Norm)) && p.Toks[k].Initial {
			e.addRole(a.lx, p.Toks[k:start], p.Text)
			return true
		}
		// "talks with the Kenyan Trade Secretary, Jane Roe.": a title
		// after "the", set off before the name that ends the clause.
		if p.Toks[k].Norm == "the" && k+1 < start {
			k++
		}
		if k < start-1 && k > 0 && p.Toks[k-1].Norm == "the" && a.lx.TitleHeads.Has(p.Toks[start-1].Norm) && (end >= len(p.Toks) || strings.ContainsAny(p.Gap(end), ",.;")) {
			e.addRole(a.lx, p.Toks[k:start], p.Text)
			return true
		}
	}
	if roleStart < n {
		for k := roleStart; k < n; k++ {
			e.learnGender(a.lx, p.Toks[k].Norm) // "Mr", "Mrs"
		}
	}
	return false
}

// descriptionBefore returns the description in lower case set off by a
// comma before a name whose own role words start at token at, "jury
// president" of "from the jury president, Danish director Ann Roe.", or
// nil. The name must end its sentence: in "Besides the minister, Ann Roe
// attended" and "Besides the minister, Ann Roe, the founder, attended",
// the two are different people.
func (a *article) descriptionBefore(p *para, at, end int) []text.Token {
	if at < 2 || p.Gap(at) != ", " || !a.lx.TitleHeads.Has(p.Toks[at-1].Norm) ||
		end < len(p.Toks) && !strings.ContainsAny(p.Gap(end), ".;") {
		return nil
	}
	for k := at - 2; k >= 0 && k >= at-1-maxDescriptionWords && p.joined(k+1); k-- {
		t := p.Toks[k]
		switch {
		case t.Norm == "the":
			return p.Toks[k+1 : at]
		case t.Possessive:
			return p.Toks[k:at] // "the museum's director": whose, too
		case t.Cap || t.Quoted || t.IsStop():
			return nil
		}
	}
	return nil
}

// apposition returns the tokens of a role set off by commas after a name:
// ", vice chairman of the Kenyan National Commission on Human Rights,".
func (a *article) apposition(p *para, end int) []text.Token {
	if end >= len(p.Toks) || !strings.HasPrefix(p.Gap(end), ",") || strings.ContainsFunc(p.Gap(end), text.IsDoubleQuote) {
		return nil
	}
	k := end
	// "Susan Rice, who is also the US ambassador to the UN,": a relative
	// clause that gives a role is an apposition too.
	if p.Toks[k].Norm == "who" && k+1 < len(p.Toks) && a.lx.RelativeCopulas.Has(p.Toks[k+1].Norm) {
		k += 2
		for k < len(p.Toks) && (a.lx.RelativeCopulas.Has(p.Toks[k].Norm) || a.lx.RoleAdverbs.Has(p.Toks[k].Norm)) {
			k++ // "has been", "is both", "was then"
		}
		if k >= len(p.Toks) {
			return nil
		}
	}
	if a.lx.Determiners.Has(p.Toks[k].Norm) {
		k++
	}
	from := k
	head := -1
	for j := k; j < len(p.Toks) && j <= k+maxRoleLead; j++ {
		if a.lx.TitleHeads.Has(p.Toks[j].Norm) {
			head = j
			break
		}
		if j > end && !p.joined(j) {
			return nil
		}
		if t := p.Toks[j]; t.IsStop() && t.Norm != "of" && t.Norm != "and" {
			return nil // a clause, not a role: "according to the returning officer"
		}
	}
	if head < 0 {
		return nil
	}
	for head+1 < len(p.Toks) && a.lx.TitleHeads.Has(p.Toks[head+1].Norm) && p.joined(head+1) {
		head++ // the last of a run of titles heads it: "the official observer"
	}
	// The role runs to the closing comma, kept short: a long apposition is a
	// clause about the person, not a title.
	// A verb of saying ends it too when the comma is missing: "Jane Roe,
	// a spokeswoman for the institute said …".
	j := head + 1
	for j < len(p.Toks) && j <= head+maxRoleTail && !strings.ContainsAny(p.Gap(j), ",.;:()\"“”") && !p.speechAt(j) {
		j++
	}
	switch {
	case j == len(p.Toks): // "according to Ann Lee, policy director at Fairvote."
	case p.speechAt(j) && !strings.ContainsAny(p.Gap(j), ".;:()\"“”"):
	case !strings.HasPrefix(p.Gap(j), ",") && !strings.ContainsAny(p.Gap(j), ",;"):
		j = head + 1
	}
	return p.Toks[from:j]
}

// An apposition's title noun comes within maxRoleLead words of its start
// ("the current UN Security Council president"), and what follows it
// within maxRoleTail words ("of the Kenyan National Commission on Human
// Rights").
// maxDescriptionWords is the most words a description of a person may
// run back from its title: "the former French foreign minister".
const maxDescriptionWords = 4

const (
	maxRoleLead = 4
	maxRoleTail = 11
)

// resolveDescription reads a description ending in the title noun at token
// h ("the Ukrainian president", "Russia's president") and returns where it
// starts and the person it most likely describes.
func (a *article) resolveDescription(p *para, h int) (int, *Entity) {
	head := p.Toks[h]
	if h+1 < len(p.Toks) && p.joined(h+1) && p.Toks[h+1].Cap {
		return 0, nil // a title before a name: handled as a name
	}
	if strings.HasSuffix(head.Norm, "s") && !strings.HasSuffix(head.Norm, "ss") && head.Norm != "mrs" && head.Norm != "ms" {
		return 0, nil // plural: "the two presidents"
	}
	start := h
	var mods []text.Token
	anchored := false
	for start > 0 && p.joined(start) && h-start < maxDescriptionWords {
		t := p.Toks[start-1]
		if t.Norm == "the" {
			start--
			anchored = true
			break
		}
		if t.Possessive && t.Cap {
			start--
			mods = append(mods, t)
			anchored = true
			break
		}
		if !(t.Cap || a.lx.RoleModifiers.Has(t.Norm)) || t.IsStop() {
			break
		}
		start--
		mods = append(mods, t)
	}
	if !anchored {
		return 0, nil
	}
	best := a.describedPerson(mods, head.Norm)
	if best == nil {
		return 0, nil
	}
	// The description is a role too: "the Ukrainian president" for a man
	// introduced as "his Ukrainian counterpart".
	from := start
	if a.lx.Determiners.Has(p.Toks[from].Norm) {
		from++
	}
	best.addRole(a.lx, p.Toks[from:h+1], p.Text)
	return start, best
}

// describedPerson returns the person a description with the title noun
// head and the words mods fits best, or nil: a bare "the minister" among
// several ministers is the one last mentioned; one with words that fit no
// one is no one.
func (a *article) describedPerson(mods []text.Token, head string) *Entity {
	head = a.lx.FoldTitle(head)
	best, bestScore, heads := (*Entity)(nil), 0, 0
	anyOffice := head == anyOfficeTitle && len(mods) > 0
	for _, e := range a.people {
		if e.titled() && !e.Heads[head] && !anyOffice {
			continue // "the Afghan team's coach" is not the Afghan ambassador
		}
		score, ok := a.describes(e, mods, head)
		if e.Heads[head] {
			heads++
		}
		if ok && (score > bestScore || score == bestScore && score > 0 && (best == nil || e.lastSeen > best.lastSeen)) {
			best, bestScore = e, score
		}
	}
	if bestScore >= 2 || bestScore == 1 && (best.Heads[head] && (heads == 1 || len(mods) == 0) || anyOffice && heads == 0) {
		return best
	}
	return nil
}

// anyOfficeTitle is the title of whoever holds an office the words before
// it name, whatever the office: "the union official" is the union's
// regional secretary when no one is called its official.
const anyOfficeTitle = "official"

// describes scores how well a description fits a person: a country in the
// description that the person's role names counts double; one that
// contradicts it rules the person out.
func (a *article) describes(e *Entity, mods []text.Token, head string) (int, bool) {
	score := 0
	if e.Heads[head] {
		score++
	}
	for i := range mods {
		if key, _ := a.lx.PlaceAt(mods, i); key != "" {
			if e.Country[key] {
				score += 2
			} else if len(e.Country) > 0 {
				return 0, false
			}
			continue
		}
		if e.Mods[mods[i].Norm] {
			score++
		}
	}
	return score, true
}

// learnGender reads a gendered pronoun at token i as evidence about the
// person who is the subject of its sentence, when no other person has been
// mentioned in between ("Marcy Kaptur was not changing her vote").
func (a *article) learnGender(p *para, i int) {
	if p.Toks[i].Quoted {
		return
	}
	g := pronounGender(p.Toks[i].Norm)
	var last *Mention
	for k := len(p.mentions) - 1; k >= 0 && k >= len(p.mentions)-recentMentions && p.mentions[k].Sentence == p.Toks[i].Sent; k-- {
		m := &p.mentions[k]
		if m.Start < i && !m.Quoted && m.Entity.Kind == Person && m.Form != Pronoun {
			if last != nil && last.Entity != m.Entity {
				return // two people before the pronoun: ambiguous
			}
			last = m
		}
	}
	if last != nil && last.Entity.Gender == GenderUnknown {
		last.Entity.Gender = g
	}
}

// resolvePronoun finds the person "he" or "she" at token i refers to: the
// subject of a sentence earlier in the paragraph, else the last person named
// in it, else the last speaker of the paragraphs before; a person whose
// gender the article shows must match.
func (a *article) resolvePronoun(p *para, i int, g Gender) *Entity {
	fits := func(e *Entity) bool {
		return (e.Kind == Person || e.Kind == Unnamed && !e.Plural) && !e.namedPlace && (e.Gender == GenderUnknown || g == GenderUnknown || e.Gender == g)
	}
	// Look back a few sentences at most: a pronoun refers to someone near,
	// named ("Hannah Lister") or not ("One Conservative activist").
	var subject, anyone *Mention
	for _, list := range [][]Mention{p.mentions, p.refs} {
		end := sort.Search(len(list), func(k int) bool { return list[k].Start >= i })
		for k := end - 1; k >= 0 && k >= end-recentMentions && list[k].Sentence >= p.Toks[i].Sent-pronounReach; k-- {
			m := &list[k]
			if m.Quoted || !fits(m.Entity) || m.Entity.Kind == Unnamed && !m.Subject {
				continue
			}
			if m.Subject && (subject == nil || m.Start > subject.Start) {
				subject = m
			}
			if anyone == nil || m.Start > anyone.Start {
				anyone = m
			}
		}
	}
	if subject != nil {
		return subject.Entity
	}
	if anyone != nil {
		return anyone.Entity
	}
	// The paragraph before: whom it quoted, else who it was about.
	if prev := p.prev(); prev != nil {
		if e := prev.speaker; e != nil && fits(e) {
			return e
		}
		ms := prev.mentions
		for k := len(ms) - 1; k >= 0 && k >= len(ms)-recentMentions; k-- {
			if !ms[k].Quoted && ms[k].Subject && fits(ms[k].Entity) {
				return ms[k].Entity
			}
		}
	}
	// The last person quoted, who is most often who goes on talking.
	if a.lastSpeaker != nil && fits(a.lastSpeaker) {
		return a.lastSpeaker
	}
	// Else the last named in the two paragraphs before, and then the last
	// quoted, or the subject of a sentence, a few paragraphs back.
	for back, q := 0, p.prev(); back < 2 && q != nil; back, q = back+1, q.prev() {
		ms := q.mentions
		for k := len(ms) - 1; k >= 0 && k >= len(ms)-recentMentions; k-- {
			if !ms[k].Quoted && fits(ms[k].Entity) {
				return ms[k].Entity
			}
		}
	}
	for back, q := 0, p.prev(); back < pronounParagraphs && q != nil; back, q = back+1, q.prev() {
		if q.speaker != nil && fits(q.speaker) {
			return q.speaker
		}
		ms := q.mentions
		for k := len(ms) - 1; k >= 0 && k >= len(ms)-recentMentions; k-- {
			if !ms[k].Quoted && ms[k].Subject && fits(ms[k].Entity) {
				return ms[k].Entity
			}
		}
	}
	return nil
}

// pronounParagraphs is how many paragraphs back "she" may look for whom
// it refers to when no one nearer fits.
const pronounParagraphs = 5

// How far back a pronoun looks for whom it refers to: this many sentences
// of its own paragraph, and this many mentions of each paragraph before.
const (
	pronounReach   = 3
	recentMentions = 20
)

// resolveGroup finds the body or group "they" or "it" at token i refers
// to: the last organisation, document or group named as the subject of a
// sentence in the paragraph or the one before, else the last named.
func (a *article) resolveGroup(p *para, i int, plural bool) *Entity {
	fits := func(e *Entity) bool {
		switch e.Kind {
		case Organisation:
			return true
		case Document:
			return !plural
		case Unnamed:
			return e.Plural == plural
		case Unknown:
			return !e.place
		}
		return false
	}
	// The nearest before i in this paragraph, within a few sentences,
	// then at the end of the one before, preferring one that is a
	// clause's subject.
	for q := p; q != nil && q.Index >= p.Index-1; q = q.prev() {
		var best, anyone *Mention
		for _, list := range [][]Mention{q.mentions, q.refs} {
			end, from := len(list), int32(0)
			if q == p {
				end = sort.Search(len(list), func(k int) bool { return list[k].Start >= i })
				from = p.Toks[i].Sent - pronounReach
			}
			for k := end - 1; k >= 0 && k >= end-recentMentions && list[k].Sentence >= from; k-- {
				m := &list[k]
				if m.Quoted || !fits(m.Entity) {
					continue
				}
				later := func(x *Mention) bool { return x == nil || m.Start > x.Start }
				if later(anyone) && m.Entity.Kind != Unknown {
					anyone = m
				}
				if m.Form != Pronoun && q.subjectAt(m.Start) && later(best) {
					best = m
				}
			}
		}
		if best != nil {
			return best.Entity
		}
		if anyone != nil {
			return anyone.Entity
		}
	}
	return nil
}

// subjectAt reports whether the phrase at token i opens its clause: at the
// start of its sentence or after a comma, with no word of its own clause
// before it.
func (p *para) subjectAt(i int) bool {
	from, _ := p.sentenceSpan(i)
	from = max(from, i-clauseReach)
	for k := i; k > from; k-- {
		if strings.ContainsAny(p.Gap(k), ",;:") {
			return true
		}
		t := p.Toks[k-1]
		if p.a.lx.Conjunctions.Has(t.Norm) || p.a.lx.Subordinators.Has(t.Norm) || t.Norm == "that" {
			return true
		}
		if !(t.Cap || p.a.lx.Determiners.Has(t.Norm) || p.a.lx.PossessiveDeterminers.Has(t.Norm) || t.Possessive) {
			return false
		}
	}
	return true
}
