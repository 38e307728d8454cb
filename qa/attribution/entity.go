package attribution

import (
	"strings"

	"github.com/articlebot/articlebot/qa/text"
)

// A Kind is what sort of thing an entity is.
type Kind uint8

const (
	// Unknown is a capitalised name the article gives no sign of: a lone
	// "Alaska" or "Obama" may be a person or a place.
	Unknown Kind = iota
	Person
	Organisation // a body: "the navy", "Norfolk Fire and Rescue Service", "China's foreign ministry"
	Document     // "the joint statement", "a memo", "his Twitter account"
	Unnamed      // someone the article names only by a noun: "one resident", "protesters"
	Place        // where something happens: "in Lagos"; never a speaker
)

var kindNames = [...]string{"unknown", "person", "organisation", "document", "unnamed", "place"}

func (k Kind) String() string { return kindNames[k] }

// A Gender is what the article shows of a person's gender.
type Gender uint8

const (
	GenderUnknown Gender = iota
	Female
	Male
)

// An Entity is someone or something an article names. People are found
// from capitalised names; a role before or beside a name ("US President
// Donald Trump", "Hassan Omar, vice chairman of …,") is remembered so that
// a later "the US president" can find him.
type Entity struct {
	Name   string   // the fullest form in the article: "Donald Trump", "office of the Maldives President"
	Words  []string // normalised words of Name
	Kind   Kind
	Gender Gender
	Plural bool // "residents", "the Democrats": "they" may refer to it

	// Aliases are the short forms the article gives its name, normalised:
	// "mdc" for "Movement for Democratic Change (MDC)".
	Aliases []string

	// Roles are the roles the article gives, as written: "US President".
	Roles []string
	// Heads are the title nouns of its roles, synonyms folded
	// ("president"); Mods the other words of its roles ("foreign",
	// "un"); Country the countries its roles name ("united states").
	Heads, Mods, Country map[string]bool

	// Issuer is who issued a document: the navy for "the navy's
	// statement", or for "the statement" after "the navy said in a
	// statement". A quotation from a document is credited to its issuer.
	Issuer *Entity

	headCount  map[string]int // how often each title noun describes it
	roleHeads  []string       // the title noun of each of Roles, "" for none
	lastSeen   int            // order of its latest mention so far
	place      bool           // named after a preposition of place: "in Lagos"
	namedPlace bool           // named as a place: "the town of Port Ellery"; never "he" or "she"
	country    bool           // a place of the gazetteer, which may speak for its government
}

// Speaks reports whether the entity can be credited with words: a place
// cannot, nor a name the article never shows to be anyone.
func (e *Entity) Speaks() bool {
	switch e.Kind {
	case Person, Organisation, Document, Unnamed:
		return true
	}
	return false
}

// Role is the role to show beside the name: of the roles with a title noun
// in them, the first whose title the article uses most ("the Ukrainian
// president" twice beats "the Ukrainian leader" once); else the first role.
func (e *Entity) Role() string {
	best, bestCount := "", 0
	for i, r := range e.Roles {
		if h := e.roleHeads[i]; h != "" && e.headCount[h] > bestCount {
			best, bestCount = r, e.headCount[h]
		}
	}
	if best == "" && len(e.Roles) > 0 {
		best = e.Roles[0]
	}
	return best
}

// roleHead returns the title noun of a role, "" if it has none. A
// "counterpart" is a relation, not a title.
func roleHead(lx *text.Lexicon, role string) string {
	for _, w := range lx.Tokenize(role) {
		if lx.TitleHeads.Has(w.Norm) && w.Norm != "counterpart" {
			return w.Norm
		}
	}
	return ""
}

// addRole records a role the article gives the entity, written
// txt[toks[0].Start:toks[len-1].End].
func (e *Entity) addRole(lx *text.Lexicon, toks []text.Token, txt string) {
	if len(toks) == 0 || honorificsOnly(lx, toks) {
		return // "Dr." or "Mr." is a form of address, not a role
	}
	role := strings.TrimRight(txt[toks[0].Start:toks[len(toks)-1].End], ",")
	if e.headCount == nil {
		e.headCount = map[string]int{}
	}
	h := roleHead(lx, role)
	if h != "" {
		e.headCount[h]++
	}
	for _, r := range e.Roles {
		if strings.EqualFold(r, role) {
			return
		}
	}
	e.Roles = append(e.Roles, role)
	e.roleHeads = append(e.roleHeads, h)
	if e.Heads == nil {
		e.Heads, e.Mods, e.Country = map[string]bool{}, map[string]bool{}, map[string]bool{}
	}
	for i := 0; i < len(toks); i++ {
		if key, n := lx.PlaceAt(toks, i); n > 0 {
			e.Country[key] = true
			i += n - 1
			continue
		}
		w := toks[i].Norm
		e.learnGender(lx, w)
		if lx.TitleHeads.Has(w) || i == len(toks)-1 && (!toks[i].Cap || lx.PersonNouns.Has(w)) && !lx.StopWords.Has(w) {
			// A title, or the noun a role ends with: "glaciologist", and
			// "Farmer" of "Farmer Ann Lee".
			e.Heads[lx.FoldTitle(w)] = true
		} else if !lx.StopWords.Has(w) {
			e.Mods[w] = true
		}
	}
}

// titled reports whether the article gives the entity a title: a head
// noun of a role other than "counterpart", which says how the person
// relates to another, not what they are.
func (e *Entity) titled() bool {
	for h := range e.Heads {
		if h != "counterpart" {
			return true
		}
	}
	return false
}

// learnGender reads a word of a person's role or form of address for
// their gender: "spokeswoman", "Mr".
func (e *Entity) learnGender(lx *text.Lexicon, w string) {
	if g := wordGender(lx, w); g != GenderUnknown {
		e.Gender = g
	}
}

// wordGender returns the gender a word says: Female for "spokeswoman" or
// "Mrs", Male for "Mr", GenderUnknown for most.
func wordGender(lx *text.Lexicon, w string) Gender {
	switch {
	case lx.FemaleWords.Has(w):
		return Female
	case lx.MaleWords.Has(w):
		return Male
	}
	return GenderUnknown
}

func honorificsOnly(lx *text.Lexicon, toks []text.Token) bool {
	for _, t := range toks {
		if !lx.Honorifics.Has(t.Norm) {
			return false
		}
	}
	return true
}
