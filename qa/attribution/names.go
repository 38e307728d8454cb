package attribution

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/articlebot/articlebot/qa/text"
)

// maxNameWords is the most capitalised words a person's name has ("Maria
// Eugenia Vidal de la Torre" counts four): a longer run is a title, a
// heading or a list, not a name.
const maxNameWords = 5

// proper reports whether token i is part of a proper name. A capital at the
// start of a sentence proves nothing, so there the word must also be
// written with a capital elsewhere, or open a run of capitals and never be
// seen in lower case.
func (a *article) proper(p *para, i int) bool {
	t := p.Toks[i]
	if !t.Cap || t.Number {
		return false
	}
	if !t.Initial {
		return true
	}
	saying := i+1 < len(p.Toks) && p.joined(i+1) && !p.Toks[i+1].Cap && a.verbKind(p.Toks[i+1]) == speechVerb
	if t.IsStop() || a.lx.QuestionWords.Has(t.Norm) {
		// "More said" after "Sanjay More": a surname that is also a
		// small word, as the subject of a verb of saying.
		return saying && len(a.bySurname[t.Norm]) > 0
	}
	an := a.an
	if an.capMid[t.W.ID] == an.serial {
		return true
	}
	if key, _ := a.lx.PlaceAt(p.Toks, i); key != "" {
		return true
	}
	if an.lowerSeen[t.W.ID] == an.serial || a.lx.GroupNouns.Has(t.Norm) || a.lx.Quantifiers.Has(t.Norm) || a.lx.Subordinators.Has(t.Norm) {
		return false
	}
	// "Trump said …" opening a sentence: a word right before a verb of
	// saying is its subject, and a capitalised subject is a name.
	if saying {
		return true
	}
	// "Lee, a retired teacher, said …": a word set off from a verb of
	// saying by an apposition is its subject too.
	if a.apposedSubject(p, i) {
		return true
	}
	return i+1 < len(p.Toks) && p.Toks[i+1].Cap && p.joined(i+1)
}

// apposedSubject reports whether token i is followed by an apposition that
// opens with a determiner or a quantifier ("another") and closes with a
// comma right before a verb of saying: "Lee, a retired teacher, said …",
// "Roe, another of the drivers, claimed …". A sentence adverb ("Later,
// …") is no subject.
func (a *article) apposedSubject(p *para, i int) bool {
	t := p.Toks[i]
	if a.lx.ClauseAdverbs.Has(t.Norm) || strings.HasSuffix(t.Norm, "ly") || a.lx.TimeWords.Has(t.Norm) {
		return false
	}
	k := i + 1
	if k >= len(p.Toks) || p.Gap(k) != ", " || !a.lx.Determiners.Has(p.Toks[k].Norm) && !a.lx.Quantifiers.Has(p.Toks[k].Norm) {
		return false
	}
	for j := k + 1; j < len(p.Toks) && j <= k+maxAppositionWords; j++ {
		switch g := p.Gap(j); {
		case g == ", ":
			return !p.Toks[j].Cap && a.verbKind(p.Toks[j]) == speechVerb
		case strings.ContainsAny(g, ",.;:()\"“”"):
			return false
		}
	}
	return false
}

// maxAppositionWords is the most words an apposition between a subject and
// its verb may run: "another self-identified refugee from the north".
const maxAppositionWords = 8

// nameRun returns the end of the run of capitalised words that starts at
// token i: "US President Donald Trump", "House of Representatives", "Abdul
// Ati al-Obeidi", "Norfolk Fire and Rescue Service".
func (a *article) nameRun(p *para, i int) int {
	j := i + 1
	and := -1    // where the run takes an "and", which only a body's name holds
	bodied := -1 // where it takes an "of" or a "for" after a word of a body's name
	for j < len(p.Toks) && !p.Toks[j-1].Possessive && p.joined(j) && p.Toks[j].Quoted == p.Toks[i].Quoted {
		t := p.Toks[j]
		switch {
		case t.Cap && !t.Number && !firstPerson(t):
			j++
			continue
		case !t.Cap && p.hyphenBefore(j):
			j++ // joined by a name's hyphen: "Ki-moon"
			continue
		case t.Cap || t.Number:
		case a.lx.NameParticles.Has(t.Norm) || a.lx.NameConnectors.Has(t.Norm):
			// Particles and connectors, one or two ("de la", "van der"),
			// between capitalised words.
			k := j + 1
			if k < len(p.Toks) && p.joined(k) && !p.Toks[k].Cap && a.lx.NameParticles.Has(p.Toks[k].Norm) {
				k++
			}
			if k >= len(p.Toks) || !p.Toks[k].Cap || p.Toks[k].Number || !p.joined(k) || a.lx.CalendarWords.Has(p.Toks[k].Norm) {
				break
			}
			if (t.Norm == "of" || t.Norm == "for") && j-i >= 2 && a.titledPersonName(p, i, j) {
				// "Ursula van der Berg of Utrecht University", "Sergeant
				// Jane Roe of Westshire Police": a person and where she
				// works.
				return j
			}
			if t.Norm == "and" && and < 0 {
				and = j
			}
			if (t.Norm == "of" || t.Norm == "for") && bodied < 0 && a.bodyWordIn(p, i, j) {
				bodied = j
			}
			j = k + 1
			continue
		}
		break
	}
	// "Fire and Rescue Service", "Commission for England and Wales" are
	// one body each; "Trump and Zelenskyy" two names.
	if and >= 0 && !a.lx.OrgWords.Has(p.Toks[j-1].Norm) && !(bodied >= 0 && bodied < and) {
		return and
	}
	// Letters after a name, "Simon Latchford KC", are not part of it,
	// nor after a titled one, "Judge Ann Roe KC".
	if j-i >= 3 && p.Toks[j-1].AllCaps && len(p.Toks[j-1].Norm) <= postNominalLength && a.titledPersonName(p, i, j-1) {
		return j - 1
	}
	return j
}

// titledPersonName reports whether tokens [start, end) are a person's
// name, after the titles before it if any: "Ann Roe", "Judge Ann Roe",
// "Detective Sergeant Ann Roe".
func (a *article) titledPersonName(p *para, start, end int) bool {
	if a.personName(p, start, end) {
		return true
	}
	n := a.splitRun(p, start, end)
	return n > start && end-n >= 2 && a.personName(p, n, end)
}

// postNominalLength is the longest run of capitals after a person's name
// read as letters after it (KC, MP, PhD) rather than part of the name.
const postNominalLength = 3

// givenName reports whether a word is a known given name.
func (a *article) givenName(norm string) bool {
	_, known := a.lx.GivenName(norm)
	return known
}

// bodyWordIn reports whether tokens [from, to) hold a word that names a
// body: "Commission" in "Charity Commission for England".
func (a *article) bodyWordIn(p *para, from, to int) bool {
	for k := from; k < to; k++ {
		if a.lx.OrgWords.Has(p.Toks[k].Norm) {
			return true
		}
	}
	return false
}

// splitRun divides a run of capitals into a role and a name: "US President
// Donald Trump" → "US President", "Donald Trump". A run that is all role or
// organisation ("Vice President of Taxpayers for Common Sense", "White
// House") has no name part: n == end.
func (a *article) splitRun(p *para, start, end int) (n int) {
	n = start
	connector := false
	for k := start; k < end; k++ {
		t := p.Toks[k]
		if a.lx.NameConnectors.Has(t.Norm) && !t.Cap {
			connector = true
		}
		// A place counts as role only before a title ("Russian President"),
		// which the title itself takes care of: "George Washington" is a name.
		role := a.lx.TitleHeads.Has(t.Norm) || a.lx.RoleModifiers.Has(t.Norm)
		if role && k == end-1 && n == start && k > start {
			role = false // a surname after a name: "Howard Dean", "Gordon Brown"
		}
		// A body's word in a place's name is the place's: "Black Water
		// Bay", "Power Station Road".
		body := a.lx.OrgWords.Has(t.Norm) && !a.lx.PlaceWords.Has(p.Toks[end-1].Norm)
		if role || body || t.AllCaps ||
			k == start && t.Initial && end-start > 2 && occupationWord(a.lx, t.Norm, true) && a.an.capMid[t.W.ID] != a.an.serial {
			// A role, or the word for what someone does that opens a
			// sentence: "Photographer Tim Hetherington".
			n = k + 1
		}
	}
	first := p.Toks[start].Norm
	if connector && (a.lx.TitleHeads.Has(first) || a.lx.RoleModifiers.Has(first)) {
		return end
	}
	if n < end && a.lx.NameConnectors.Has(p.Toks[n].Norm) && !p.Toks[n].Cap {
		return end // "University of California": a body's name, not a person's
	}
	return n
}

// personName reports whether tokens [start, end) can be a person's name: a
// few capitalised words, with particles (al-, von, de), none of which names
// an organisation or a place.
func (a *article) personName(p *para, start, end int) bool {
	toks := p.Toks[start:end]
	words, particles := 0, 0
	for i, t := range toks {
		switch {
		case a.lx.NameParticles.Has(t.Norm) && !t.Cap:
			// One group of particles, before the surname: "Ursula von der
			// Leyen"; "Direction de la Surveillance du Territoire" is a body.
			if i > 0 && !a.lx.NameParticles.Has(toks[i-1].Norm) {
				particles++
			}
			if particles > 1 {
				return false
			}
			continue
		case !t.Cap && !(i > 0 && p.hyphenBefore(start+i)):
			return false
		case t.AllCaps || t.Number:
			return false
		case a.lx.CalendarWords.Has(t.Norm) && (i == 0 || i < len(toks)-1 || !a.givenName(toks[0].Norm)):
			return false // "Monday", "May 2024"; but "Theresa May"
		case a.lx.OrgWords.Has(t.Norm):
			// "Pacific Ridge Power" is a body; "Samantha Power" a woman.
			if !a.givenName(toks[0].Norm) || i == 0 {
				return false
			}
		case a.lx.TitleHeads.Has(t.Norm) && (i < len(toks)-1 || i == 0):
			return false // a title, but a surname last: "Howard Dean"
		case a.lx.PlaceWords.Has(t.Norm) && i > 0:
			// "Crosson Ice Shelf" is a place; "Linda Park" a woman.
			if !a.givenName(toks[0].Norm) {
				return false
			}
		}
		if key, n := a.lx.PlaceAt(toks, i); i == 0 && (n == len(toks) || n > 0 && key != nameKey(toks[:n]) && !a.givenName(toks[0].Norm)) {
			// The whole name is a place ("Buenos Aires"), or it opens
			// with a nationality ("British Antarctic Survey"); a country
			// may be a given name (Chad, Jordan), a demonym is not, a
			// capital may be (Sofia Brandt, Victoria Hale).
			return false
		}
		words++
	}
	if words == 0 || words > maxNameWords || len(toks) == 1 && utf8.RuneCountInString(toks[0].Norm) < 2 {
		return false
	}
	if len(toks) == 2 && toks[0].Cap && a.lx.NameParticles.Has(toks[0].Norm) && p.hyphenBefore(start+1) {
		return false // "Al-Arabiya", "El-Watan": a particle and a name, no one's given name
	}
	// "the Crosson Shelf", "the Banyan Tree": a person has no article.
	return start == 0 || p.Toks[start-1].Norm != "the" || !p.inWord(start)
}

// findBodies reads a paragraph for names that the words around them show
// to be a body's, not a person's: "Portland-based Tidewater Live",
// "Lattice Forge, the San Jose-based maker of …", "Tidewater Live's
// founder". A name is a body's if the article says so anywhere.
func (a *article) findBodies(p *para) {
	for i := 0; i < len(p.Toks); {
		if !a.proper(p, i) {
			i++
			continue
		}
		end := a.nameRun(p, i)
		if !a.givenName(p.Toks[i].Norm) && a.bodyContext(p, i, end) {
			a.bodies[nameKey(p.Toks[i:end])] = true
		}
		i = end
	}
}

// bodyContext reports whether the words around the name [i, end) say it
// is a body's.
func (a *article) bodyContext(p *para, i, end int) bool {
	for k := i + 1; k < end; k++ {
		if p.Gap(k) == " & " && !a.personOrPlace(p.Toks[k-1]) && !a.personOrPlace(p.Toks[k]) {
			return true // "Barlow & Finch"; not "Trinidad & Tobago", "Mr & Mrs Patel"
		}
	}
	if i > 1 && p.inWord(i) && p.hyphenBefore(i-1) && a.lx.BodyModifiers.Has(p.Toks[i-1].Norm) {
		return true // "Portland-based Tidewater Live"
	}
	if end < len(p.Toks) && p.Toks[end-1].Possessive && a.lx.BodyParts.Has(p.Toks[end].Norm) {
		return true // "Tidewater Live's founder"
	}
	if end < len(p.Toks) && strings.HasPrefix(p.Gap(end), ",") && a.lx.Determiners.Has(p.Toks[end].Norm) {
		// "Lattice Forge, the San Jose-based maker of chip-design
		// software": an apposition that says what sort of body.
		ph := p.npRight(end, len(p.Toks))
		for k := ph.start; k < ph.end; k++ {
			if p.hyphenBefore(k) && a.lx.BodyModifiers.Has(p.Toks[k].Norm) {
				return true
			}
		}
		if h := p.headOf(ph); h > ph.start {
			if kind, _ := headNoun(a.lx, p.Toks[h].Norm); kind == orgNoun {
				return true
			}
		}
	}
	return false
}

// personOrPlace reports whether a word beside an ampersand names a person
// or a place rather than a firm's partner: an honorific, a given name, a
// place of the gazetteer.
func (a *article) personOrPlace(t text.Token) bool {
	key, _ := a.lx.PlaceAt([]text.Token{t}, 0)
	return a.lx.Honorifics.Has(t.Norm) || a.givenName(t.Norm) || key != ""
}

func (a *article) registerNames(p *para) {
	for i := 0; i < len(p.Toks); {
		if !a.proper(p, i) {
			i++
			continue
		}
		end := a.nameRun(p, i)
		n := a.splitRun(p, i, end)
		switch {
		case a.bodies[nameKey(p.Toks[i:end])]:
			e := a.resolveName(p.Toks[i:end], p.Phrase(i, end))
			if e.Kind == Unknown {
				e.Kind = Organisation
			}
		case end-n >= 2 && a.personName(p, n, end) && !a.modifiesRole(p, end):
			a.person(p.Toks[n:end], p.Phrase(n, end))
		case n == end && end-i >= 2 && a.bodyWordIn(p, i, end):
			// A body, known before its short form is read for a person:
			// "Al-Noor Foundation", then "Al-Noor said".
			a.resolveName(p.Toks[i:end], p.Phrase(i, end))
		}
		i = end
	}
}

// modifiesRole reports whether the name that ends before token end says
// whose a role is: "Carrow Vale manager Luis Ortega" names a club, not a
// person, before the manager's name.
func (a *article) modifiesRole(p *para, end int) bool {
	return end+1 < len(p.Toks) && p.joined(end) && occupation(a.lx, p.Toks[end]) && p.joined(end+1) && p.Toks[end+1].Cap
}

// nameKey returns the key of a name: its normalised words, spaced. Most
// names looked up are one word, and cost nothing.
func nameKey(toks []text.Token) string {
	if len(toks) == 1 {
		return toks[0].Norm
	}
	return strings.Join(nameWords(toks), " ")
}

// nameWords returns the normalised words of a name.
func nameWords(toks []text.Token) []string {
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Norm
	}
	return words
}

// person returns the entity for a full name, creating it, or merging it with
// a known person whose name it extends (George Bush, George W. Bush; Abu
// Hamza, Abu Hamza al-Rashid).
func (a *article) person(toks []text.Token, written string) *Entity {
	key := nameKey(toks)
	if e := a.byName[key]; e != nil {
		return e
	}
	if e := a.byPrefix[key]; e != nil {
		return e // the first words of a body's name
	}
	words := nameWords(toks)
	sur := words[len(words)-1]
	for _, e := range a.bySurname[sur] {
		if len(e.Words) > 1 && len(words) > 1 && e.Words[0] != words[0] {
			continue // another person of that surname
		}
		if len(words) > len(e.Words) {
			e.Name, e.Words = written, words
		}
		a.byName[key] = e
		return e
	}
	// "Ferreira-Lobo" after "Tomás Ferreira-Lobo": the end of a name
	// given in full, a surname of two words.
	for _, e := range a.bySurname[sur] {
		if len(e.Words) > len(words) && slices.Equal(e.Words[len(e.Words)-len(words):], words) {
			a.byName[key] = e
			return e
		}
	}
	// "Abu Hamza" then "Abu Hamza al-Rashid": the longer extends the
	// shorter, whose last word is not the surname after all.
	for k := len(words) - 1; k >= 2; k-- {
		if e := a.byName[strings.Join(words[:k], " ")]; e != nil && e.Kind == Person {
			e.Name, e.Words = written, words
			a.byName[key] = e
			a.bySurname[sur] = append(a.bySurname[sur], e)
			return e
		}
	}
	e := a.newEntity(written, words, Person)
	if female, known := a.lx.GivenName(words[0]); known {
		e.Gender = Male
		if female {
			e.Gender = Female
		}
	}
	if a.byFirstWord[words[0]] == nil {
		a.byFirstWord[words[0]] = e // "Callum" for Callum Hartley
	}
	a.byName[key] = e
	a.bySurname[sur] = append(a.bySurname[sur], e)
	return e
}

// newEntity adds an entity to the article.
func (a *article) newEntity(name string, words []string, kind Kind) *Entity {
	e := &Entity{Name: name, Words: words, Kind: kind}
	a.entities = append(a.entities, e)
	if kind == Person {
		a.people = append(a.people, e)
	}
	return e
}

// resolveName finds the entity a name refers to: a full name, a bare
// surname or first word of a name given in full somewhere in the article,
// or such a name misspelt by one letter ("Abbot" for Tony Abbott). Names
// that are not people's (Moscow, the Kremlin, H.R.1424) become entities of
// their own.
func (a *article) resolveName(toks []text.Token, written string) *Entity {
	key := nameKey(toks)
	if e := a.byName[key]; e != nil {
		return e
	}
	last := toks[len(toks)-1].Norm
	if people := a.bySurname[last]; len(people) > 0 {
		return mostRecent(people)
	}
	// "Castleford" after "Castleford Rovers", "Callum" after "Callum
	// Hartley": the short form of a name given in full.
	if len(toks) == 1 {
		if e := a.byFirstWord[key]; e != nil {
			return e
		}
		if e := a.misspelt(key); e != nil {
			return e
		}
	}
	// "Al-Noor" after "Al-Noor Foundation": the first words of a body's
	// name.
	if len(toks) > 1 {
		if _, n := a.lx.PlaceAt(toks, 0); n != len(toks) { // "United Nations" is a body of its own
			if e := a.byPrefix[key]; e != nil {
				return e
			}
		}
	}
	if len(toks) == 1 && toks[0].AllCaps {
		if _, n := a.lx.PlaceAt(toks, 0); n == 0 { // "US" is a place of its own
			if e := a.initialsOf(key); e != nil {
				a.addAlias(key, e)
				return e
			}
		}
	}
	kind := Unknown
	if len(toks) == 2 && toks[0].Cap && a.lx.NameParticles.Has(toks[0].Norm) {
		kind = Organisation // "Al-Arabiya", "Al-Shabaab": no one's given name
	}
	country := false // a country or a capital, which speaks for its government
	for i, t := range toks {
		if a.lx.OrgWords.Has(t.Norm) || t.AllCaps && len(toks) == 1 {
			kind = Organisation
		}
		if key, n := a.lx.PlaceAt(toks, i); key != "" && i == 0 && n == len(toks) {
			kind, country = Place, true
		}
		if a.lx.PlaceWords.Has(t.Norm) && i == len(toks)-1 {
			kind, country = Place, false // "Kaafu Atoll"
		}
	}
	// A lone capitalised word never given in full (Alaska, Obama) may be a
	// person or a place; without a full name the article does not say which.
	e := a.newEntity(written, nameWords(toks), kind)
	e.country = country
	a.byName[key] = e
	if len(toks) > 1 && a.byFirstWord[e.Words[0]] == nil {
		a.byFirstWord[e.Words[0]] = e
	}
	for k := 2; k < len(e.Words); k++ {
		if prefix := strings.Join(e.Words[:k], " "); a.byPrefix[prefix] == nil {
			a.byPrefix[prefix] = e
		}
	}
	return e
}

// initialsOf returns the body whose name's initials an acronym spells,
// the small words of the name left out: "OAS" after "the Organization of
// American States", which the article never wrote with its initials in
// brackets. A name of one word, a person's, a place's or a document's is
// not taken; two bodies with the same initials are neither.
func (a *article) initialsOf(acronym string) *Entity {
	if utf8.RuneCountInString(acronym) < 2 {
		return nil
	}
	var found *Entity
	for _, e := range a.entities {
		if e.Kind != Organisation && e.Kind != Unknown || len(e.Words) < 2 {
			continue
		}
		var initials strings.Builder
		for _, w := range e.Words {
			if !a.lx.StopWords.Has(w) {
				r, _ := utf8.DecodeRuneInString(w)
				initials.WriteRune(r)
			}
		}
		if initials.String() != acronym {
			continue
		}
		if found != nil && found != e {
			return nil
		}
		found = e
	}
	if found != nil {
		found.Kind = Organisation // people have no initials used for them
	}
	return found
}

// addAlias makes a short form of a body's name, its initials, find it.
func (a *article) addAlias(key string, e *Entity) {
	if a.byName[key] == nil {
		a.byName[key] = e
		e.Aliases = append(e.Aliases, key)
	}
}

// misspeltMinLength is the shortest name that a one-letter slip may match:
// shorter names (Iran, Iraq) differ by one letter and are different names.
const misspeltMinLength = 5

// misspelt returns the one person or body whose surname or first word is
// one letter away from name (a slip, a missing or doubled letter, two
// letters swapped), or nil if none or several are.
func (a *article) misspelt(name string) *Entity {
	if utf8.RuneCountInString(name) < misspeltMinLength {
		return nil
	}
	var found *Entity
	try := func(key string, e *Entity) bool {
		if key == name || key[0] != name[0] || len(key) > len(name)+2 || len(name) > len(key)+2 || !oneSlip(key, name) {
			return true // a slip in the first letter is no slip but another name
		}
		if found != nil && found != e {
			found = nil
			return false // ambiguous
		}
		found = e
		return true
	}
	for key, people := range a.bySurname {
		if !try(key, mostRecent(people)) {
			return nil
		}
	}
	for key, e := range a.byFirstWord {
		if !try(key, e) {
			return nil
		}
	}
	return found
}

// oneSlip reports whether a and b differ by one edit: a letter changed,
// added or dropped, or two neighbours swapped.
func oneSlip(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	switch len(ra) - len(rb) {
	case 0:
		diff := -1
		for i := range ra {
			if ra[i] == rb[i] {
				continue
			}
			if diff >= 0 {
				// A second difference: only a swap of neighbours is one slip.
				return diff == i-1 && ra[diff] == rb[i] && ra[i] == rb[diff] && string(ra[i+1:]) == string(rb[i+1:])
			}
			diff = i
		}
		return diff >= 0
	case 1:
		i := 0
		for i < len(rb) && ra[i] == rb[i] {
			i++
		}
		return string(ra[i+1:]) == string(rb[i:])
	}
	return false
}

// mostRecent picks, among people who share a surname, the one mentioned
// last.
func mostRecent(people []*Entity) *Entity {
	best := people[0]
	for _, e := range people[1:] {
		if e.lastSeen > best.lastSeen {
			best = e
		}
	}
	return best
}

// firstPerson reports whether a word is the pronoun "I": contracted
// ("I'm", "I've") anywhere, alone inside a quotation, where a numeral
// ("Elizabeth I", "World War I") is rare. Capitalised, it is never part of
// a name, as in a quotation's "Now I'm getting half".
func firstPerson(t text.Token) bool {
	return strings.HasPrefix(t.Norm, "i'") || strings.HasPrefix(t.Norm, "i’") || t.Norm == "i" && t.Quoted
}
