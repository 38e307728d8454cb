package attribution

import (
	"strings"
	"unicode/utf8"

	"github.com/articlebot/articlebot/qa/text"
)

// article is what attribution knows of the article being analysed.
type article struct {
	an    *Analyzer
	lx    *text.Lexicon
	paras []*para

	entities    []*Entity
	people      []*Entity
	byName      map[string]*Entity   // normalised full name → entity
	bySurname   map[string][]*Entity // last word of a person's name → people
	byFirstWord map[string]*Entity   // first word of a name of several words → its first bearer
	byPrefix    map[string]*Entity   // first words of a body's name of three or more → the body
	bodies      map[string]bool      // the keys of names the article shows to be a body's
	byNoun      map[string]*Entity   // an unnamed speaker, body or document by its noun phrase
	seen        int                  // mentions so far, to order them

	lastSpeaker     *Entity // the person last credited with a quotation
	lastNamedByNoun *Entity // the speaker last named by a noun: "one protester"
}

// para is what attribution knows of one paragraph.
type para struct {
	*text.Para
	a *article

	mentions []Mention
	// at is, per token, 1 + the index in mentions of the name or
	// description that covers it; 0 for none.
	at        []int32
	subjectIn int32 // 1 + the last sentence with a Subject mention

	// refs are the phrases that name a body, a document or an unnamed
	// speaker, found as attribution reads them; they join mentions at
	// the end.
	refs []Mention

	quotes    []Quote
	sentences []Credit
	credits   []Credit // per quotation (text.Para.Quotes)
	cues      []int    // per quotation: the sentence whose words credit it, or -1
	speaker   *Entity  // the last entity the paragraph credits with a quotation
}

func newArticle(an *Analyzer, d *text.Doc) *article {
	a := &article{
		an:          an,
		lx:          an.lx,
		byName:      map[string]*Entity{},
		bySurname:   map[string][]*Entity{},
		byFirstWord: map[string]*Entity{},
		byPrefix:    map[string]*Entity{},
		bodies:      map[string]bool{},
		byNoun:      map[string]*Entity{},
	}
	a.paras = make([]*para, len(d.Paras))
	for i, tp := range d.Paras {
		a.paras[i] = &para{Para: tp, a: a, at: make([]int32, len(tp.Toks))}
	}
	return a
}

// prev returns the paragraph before p, or nil.
func (p *para) prev() *para {
	if p.Index == 0 {
		return nil
	}
	return p.a.paras[p.Index-1]
}

// hyphenBefore reports whether a hyphen joins tokens i-1 and i.
func (p *para) hyphenBefore(i int) bool { return text.IsHyphen(p.Gap(i)) }

// joined reports whether tokens i-1 and i belong to one phrase: one space
// apart, a title or initial's full stop and a space (Rep. Kennedy, George
// W. Bush), a hyphen inside a name (Ban Ki-moon, Abdul Ati al-Obeidi,
// Secretary-General), or an ampersand between names (Marks & Spencer).
func (p *para) joined(i int) bool {
	g := p.Gap(i)
	switch g {
	case " ":
		return true
	case "-", "‑":
		return p.nameHyphen(i)
	case ". ":
		prev := p.Toks[i-1]
		return text.IsTitleAbbreviation(prev.Norm) || (utf8.RuneCountInString(prev.Norm) == 1 && prev.Cap)
	case " & ":
		return p.Toks[i-1].Cap && p.Toks[i].Cap // a firm's name: "Halloran & Pike"
	case "' ", "’ ":
		// A plural's possessive inside a body's name: "Allied Workers'
		// Union"; not a country's ("the Netherlands' Anouk Verbeek",
		// "the Netherlands' Delta Institute").
		prev, next := p.Toks[i-1], p.Toks[i]
		if !prev.Cap || !next.Cap || !strings.HasSuffix(prev.Norm, "s") || prev.Quoted != next.Quoted {
			return false
		}
		if key, _ := p.a.lx.PlaceAt(p.Toks, i-1); key != "" {
			return false
		}
		return p.bodyWordFrom(i)
	}
	return false
}

// bodyWordFrom reports whether the capitalised words from token i, set
// apart by spaces, hold within bodyNameReach words a word that names a
// body: "Welfare Association" of "Members' Welfare Association".
func (p *para) bodyWordFrom(i int) bool {
	for k := i; k < len(p.Toks) && k < i+bodyNameReach && p.Toks[k].Cap && (k == i || p.Gap(k) == " "); k++ {
		if p.a.lx.OrgWords.Has(p.Toks[k].Norm) {
			return true
		}
	}
	return false
}

// bodyNameReach is how many words after a plural's possessive may hold
// the word that makes the name a body's.
const bodyNameReach = 4

// nameHyphen reports whether the hyphen between tokens i-1 and i is inside
// one name or title: "Secretary-General", "al-Obeidi", "Kosciusko-Morizet",
// "Ki-moon"; but "Paris-based", "US-led" and "Trump-Zelenskyy" (two names
// the article also writes apart) are two words.
func (p *para) nameHyphen(i int) bool {
	l, r := p.Toks[i-1], p.Toks[i]
	switch {
	case p.a.lx.TitleHeads.Has(l.Norm) || p.a.lx.TitleHeads.Has(r.Norm):
		return true
	case !l.Cap && p.a.lx.NameParticles.Has(l.Norm):
		return r.Cap
	case !l.Cap || l.Number || r.Number:
		return false
	case r.Cap:
		an := p.a.an
		return an.standalone[l.W.ID] != an.serial || an.standalone[r.W.ID] != an.serial
	}
	// A lower-case second half: a given name's (Ki-moon, Jong-un), unless
	// it makes a compound modifier (Paris-based, Trump-appointed).
	return p.a.lx.NameTail(r.Norm)
}

// mentionAt returns the name or description mention that covers token i.
func (p *para) mentionAt(i int) (Mention, bool) {
	if i < 0 || i >= len(p.at) || p.at[i] == 0 {
		return Mention{}, false
	}
	return p.mentions[p.at[i]-1], true
}

// clauseReach is how many words back from a quotation or a verb the
// attribution reads for what governs it, the subject of its clause, or the
// clause's start: far more than any clause of news prose takes, and a
// bound on the work a paragraph with no full stop (one sentence of
// thousands of words) costs.
const clauseReach = 80

// sentenceSpan returns the token range [from, to) of the sentence that
// holds token i.
func (p *para) sentenceSpan(i int) (int, int) {
	return p.SentenceTokens(int(p.Toks[i].Sent))
}
