package attribution

import (
	"sort"

	"github.com/articlebot/articlebot/qa/text"
)

// How says how an article credits words to their speaker.
type How uint8

const (
	NoCredit     How = iota // a scare quote, or a sentence no one is credited with
	ByName                  // "Trump said", "said Harry Reid"
	ByTitle                 // "the US president explained", "one resident said"
	ByPronoun               // "she said"
	Continuation            // a quotation that goes on from one credited before
	ByAccording             // "according to X"
	ByDocument              // "the report notes", "said a statement on X's website"
)

var howNames = [...]string{"", "explicit", "title", "pronoun", "continuation", "according", "document"}

// String returns the name `quotes --json` gives the way: "explicit",
// "title", "pronoun", "continuation", "according", "document"; "" for none.
func (h How) String() string { return howNames[h] }

// A Credit is who said a quotation or a sentence, and how the article says
// so. A zero Credit credits no one.
type Credit struct {
	Entity *Entity
	How    How
}

// fromDocument reports whether the credit goes to a document, or to
// whoever issued the document that says the words.
func (c Credit) fromDocument() bool {
	return c.How == ByDocument || c.Entity != nil && c.Entity.Kind == Document
}

// A Form is how a mention refers to its entity.
type Form uint8

const (
	ByNameForm  Form = iota // a name: "Donald Trump", "Trump"
	Description             // a description: "the Ukrainian president"
	Pronoun                 // "he", "she"
)

// A Mention is a place in a paragraph that refers to an entity.
type Mention struct {
	Start, End int   // token range in the paragraph
	Sentence   int32 // the sentence it is in, in the paragraph
	Entity     *Entity
	Form       Form
	Subject    bool // the first mention of a person in its sentence, outside quotations
	Quoted     bool // inside a quotation
	Defines    bool // the article gives the person's role here
}

// A Quote is the part of a quotation that lies in one sentence: a quotation
// of three sentences is three Quotes, the way news quotes are counted.
type Quote struct {
	Span      text.Span // the quoted words in the paragraph, without marks
	Sentence  int       // in the paragraph
	Quotation int       // which quotation of the paragraph it is part of
	Credit    Credit
}

// A Para is what attribution found in one paragraph.
type Para struct {
	Mentions  []Mention // in order of their start
	Quotes    []Quote   // in order
	Sentences []Credit  // per sentence: its quotation's speaker, or who it reports
}

// MentionsOf returns the mentions that start in sentence s.
func (p *Para) MentionsOf(s int32) []Mention {
	ms := p.Mentions
	i := sort.Search(len(ms), func(k int) bool { return ms[k].Sentence >= s })
	j := sort.Search(len(ms), func(k int) bool { return ms[k].Sentence > s })
	return ms[i:j]
}

// A Result is what attribution found in one article.
type Result struct {
	Entities []*Entity // in order of first mention
	Paras    []Para    // per paragraph of the article
}

// An Analyzer attributes the articles a text.Cache reads, one after
// another on one goroutine, remembering what it learns of words (whether
// and how each is a verb of saying) in slices by word ID.
type Analyzer struct {
	cache  *text.Cache
	lx     *text.Lexicon
	serial int32 // of the article being analysed, for the words' stamps

	// By word ID: what the word is as a verb of saying (a verbKind), and
	// the serial of the last article that wrote it in lower case, with a
	// capital inside a sentence, and as a capitalised word on its own
	// (not half of a hyphenated pair).
	verb                          []verbKind
	lowerSeen, capMid, standalone []int32
}

// NewAnalyzer returns an analyzer for the documents cache reads.
func NewAnalyzer(cache *text.Cache) *Analyzer {
	return &Analyzer{cache: cache, lx: cache.Lexicon()}
}

// grow makes room in the tables by word ID for every word the cache knows.
func (an *Analyzer) grow() {
	n := an.cache.Len()
	if n <= len(an.verb) {
		return
	}
	n = max(n, 2*len(an.verb))
	an.verb = append(an.verb, make([]verbKind, n-len(an.verb))...)
	an.lowerSeen = append(an.lowerSeen, make([]int32, n-len(an.lowerSeen))...)
	an.capMid = append(an.capMid, make([]int32, n-len(an.capMid))...)
	an.standalone = append(an.standalone, make([]int32, n-len(an.standalone))...)
}

// Analyse finds the entities of an article read into d, its mentions of
// them, and who said each quotation and sentence. d's tokens must not have
// been released.
func (an *Analyzer) Analyse(d *text.Doc) *Result {
	an.serial++
	an.grow()
	a := newArticle(an, d)
	a.stamp()
	// Names first, in passes: what shows a name to be a body's may come
	// after it, the fullest form of a name may come after a short one, and
	// a bare surname needs the full name to resolve.
	for _, p := range a.paras {
		a.findBodies(p)
	}
	for _, p := range a.paras {
		a.registerNames(p)
	}
	// Then, paragraph by paragraph, who is mentioned and who speaks: a
	// "she" may be whom the paragraph before quoted.
	for _, p := range a.paras {
		a.findMentions(p)
		a.credit(p)
	}
	res := &Result{Paras: make([]Para, len(a.paras))}
	for _, e := range a.entities {
		if e.lastSeen > 0 {
			res.Entities = append(res.Entities, e)
		}
	}
	for i, p := range a.paras {
		ms := p.mentions
		if len(p.refs) > 0 {
			ms = append(ms, p.refs...)
			sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
		}
		res.Paras[i] = Para{Mentions: ms, Quotes: p.quotes, Sentences: p.sentences}
	}
	return res
}

// stamp records, for each word, where the article writes it: in lower case,
// with a capital inside a sentence, standing on its own.
func (a *article) stamp() {
	an := a.an
	for _, p := range a.paras {
		for i, t := range p.Toks {
			id := t.W.ID
			switch {
			case !t.Cap:
				an.lowerSeen[id] = an.serial
			case !t.Initial:
				an.capMid[id] = an.serial
			}
			if t.Cap && !p.hyphenBefore(i) && !p.hyphenBefore(i+1) {
				an.standalone[id] = an.serial
			}
		}
	}
}
