package qa

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/articlebot/articlebot/qa/attribution"
	"github.com/articlebot/articlebot/qa/index"
	"github.com/articlebot/articlebot/qa/rank"
	"github.com/articlebot/articlebot/qa/span"
	"github.com/articlebot/articlebot/qa/text"
)

// Options tune an Engine. Start from DefaultOptions.
type Options struct {
	K1, B float64 // BM25 term saturation and length normalisation (see index.BM25)

	// AliasWeight is what a word counts in a sentence that does not write it
	// but refers to it: "Volodymyr Zelenskyy" in a sentence that says "the
	// Ukrainian president" or "he", "Ukraine" where it says "Ukrainian".
	AliasWeight float64

	// SpeakerWeight is what the speaker's name and role count in a sentence
	// credited to them, so "What did Zelenskyy say" finds his quotes.
	SpeakerWeight float64

	// RelatedWeight is what a synonym or related word of a question's word
	// counts (from WordNet, see related.go): less than the word itself.
	RelatedWeight float64

	// LogicWeight is what a logic word of the question counts ("if",
	// "not", "because"): it tells apart sentences that match the same
	// topic, but a topic word says more.
	LogicWeight float64

	// FrameWeight is what a word that frames the question counts rather
	// than names its topic: the verb of saying in "how did X describe",
	// "what kind of", the word after "how" ("how long").
	FrameWeight float64

	// MissingWordWeight is how much a question word that no article uses
	// counts against confidence, relative to its IDF. Questions paraphrase
	// ("How long did Annan spend …" for "a three-day visit"), so a missing
	// word counts less than one the articles have and a sentence lacks.
	MissingWordWeight float64

	// MaxQuestion is the longest question accepted, in characters.
	MaxQuestion int

	// Model ranks the candidate sentences and declines questions the
	// articles do not answer; nil means rank.Default(), the model fitted on
	// the development sets (see qa/rank).
	Model *rank.Model

	// SpanModel picks the words that answer in the answering sentence;
	// nil means span.Default(), fitted with Model (see qa/span).
	SpanModel *span.Model
}

// DefaultOptions returns the options the development sets were tuned with.
func DefaultOptions() Options {
	return Options{
		K1:                index.DefaultK1,
		B:                 index.DefaultB,
		AliasWeight:       0.5,
		SpeakerWeight:     0.6,
		RelatedWeight:     0.35,
		LogicWeight:       0.3,
		FrameWeight:       0.5,
		MissingWordWeight: 0.35,
		MaxQuestion:       1000,
	}
}

// A Speaker is a person or body the articles quote or report, or a
// document they quote.
type Speaker struct {
	Name       string           // the fullest form in the article: "Maria Zakharova"
	Role       string           // as the article gives it: "Russia's foreign ministry spokesperson"
	Kind       attribution.Kind // a person, an organisation, a document, or someone unnamed ("resident")
	Quotes     int              // direct quotations credited to them, a quotation of several sentences once
	Statements int              // sentences credited to them, quoted or reported

	person    bool
	gender    attribution.Gender
	roles     []string        // every role the article gives, as written
	sentences []int32         // the sentences credited to them, in order
	words     []string        // normalised words of Name
	aliases   []string        // short forms of Name: "mdc"
	heads     map[string]bool // title nouns of the role, synonyms folded
	mods      map[string]bool // other words of the role
	country   map[string]bool // countries the role names
	article   int             // the article that first mentions them
	articles  []int32         // the articles that name them, in order
}

// A Quote is the part of one direct quotation that lies in one sentence,
// and who said it: the engine lists a quotation of three sentences as three
// Quotes, each with its credit; WholeQuotations joins them to be read, and
// a speaker's count of quotes counts them once.
type Quote struct {
	Text      string   // the quoted words, without the marks
	Speaker   *Speaker // nil for a quotation the article credits to no one
	How       How      // how the article credits it: ByName, ByTitle, …
	Article   *Article
	Paragraph int // 1-based
	sentence  int32
	quotation int32 // the engine's number of the quotation it is part of
	span      Span  // where Text is in its paragraph's text
}

// WholeQuotations joins the parts of a quotation that follow one another
// in quotes into one Quote, as its speaker said them: "We won. We
// deserved it." rather than one Quote a sentence, which is how the engine
// lists them (Engine.Quotes, Engine.SpeakerQuotes). Parts are joined only
// when nothing but space stands between them in the article, so a
// quotation its credit breaks ("We won," she said, "and …") stays in its
// parts.
func WholeQuotations(quotes []Quote) []Quote {
	var out []Quote
	for _, q := range quotes {
		if n := len(out); n > 0 && continues(out[n-1], q) {
			last := &out[n-1]
			last.span.End = q.span.End
			last.Text = last.Article.Paragraphs[last.Paragraph-1].Text[last.span.Start:last.span.End]
			if last.How == ByContinuation {
				last.How = q.How // `"A. B," said Ann Lee`: credited where the credit is
			}
			continue
		}
		out = append(out, q)
	}
	return out
}

// continues reports whether quote b is the part of a quotation that comes
// right after quote a, with only space between them.
func continues(a, b Quote) bool {
	if a.Article == nil || a.Article != b.Article || a.Paragraph != b.Paragraph || a.quotation != b.quotation ||
		a.Speaker != b.Speaker || a.span.End <= a.span.Start || b.span.Start < a.span.End ||
		a.Paragraph < 1 || a.Paragraph > len(a.Article.Paragraphs) || b.span.Start > len(a.Article.Paragraphs[a.Paragraph-1].Text) {
		return false // not the engine's quotes, or not one after the other
	}
	return strings.TrimSpace(a.Article.Paragraphs[a.Paragraph-1].Text[a.span.End:b.span.Start]) == ""
}

// How says how an article credits a quotation (see attribution.How); its
// String is what `quotes --json` shows.
type How = attribution.How

// The ways an article credits a quotation.
const (
	ByName         = attribution.ByName       // "Trump said", "said Harry Reid"
	ByTitle        = attribution.ByTitle      // "the US president explained", "one resident said"
	ByPronoun      = attribution.ByPronoun    // "she said"
	ByContinuation = attribution.Continuation // a quotation going on from one credited before
	ByAccording    = attribution.ByAccording  // "according to X"
	ByDocument     = attribution.ByDocument   // "the report notes"
)

// sentence is one indexed sentence of an article.
type sentence struct {
	art     int32
	para    int32
	span    Span
	speaker *Speaker
	quote   int32 // the engine's number of a quotation it is part of, or -1
	prose   bool  // answerable: not debris, not a heading
	people  bool  // names a person
	flags   sentenceFlags
}

// An Engine answers questions about a set of articles. It is read-only once
// built and safe for concurrent use.
type Engine struct {
	opts     Options
	lx       *text.Lexicon
	articles []*Article
	sents    []sentence
	quotes   []Quote
	speakers []*Speaker // in order of first mention

	quotations int32 // how many quotations the quotes are parts of
	paragraphs int32 // how many paragraphs the sentences are in, headlines too
	ix         *index.Index

	// words holds what indexing learnt of every word the articles write,
	// by its normalised form. Read-only once New returns.
	words map[string]indexedWord

	// names are the words of the names of people the articles mention,
	// for reading a misspelt name in a question.
	names []string

	// byWord and byHead find people by a word of their name and by the
	// title nouns of their roles, for reading the people in a question;
	// bodies finds organisations by their short names ("the MDC") and
	// their names of one word ("Hamas").
	byWord map[string][]*Speaker
	byHead map[string][]*Speaker
	// leadTerms are the index terms of the words that say someone leads,
	// runs or owns something (LeadTitles) that the articles use: what
	// answers "Who runs the bank?" besides "runs" ("its chief executive").
	leadTerms []string
	bodies    map[string][]*Speaker

	// defines lists, per person, the sentences that give their role: the
	// answer to "Who is Maria Zakharova?".
	defines map[*Speaker][]int32

	version string // a hash of the articles' text

	// reads and readAt hold every sentence's words as reading a candidate
	// needs them: sentence i's are reads[readAt[i]:readAt[i+1]].
	reads  []readToken
	readAt []int32

	model       *rank.Model
	spanModel   *span.Model
	paraOf      []int32   // per sentence, its paragraph's number across the articles
	paraScratch sync.Pool // of *paraSums sized to the paragraphs

	// newest holds the articles' numbers, newest first, and articleWords,
	// per article, the words of its title and file name (see choose.go).
	newest       []int32
	articleWords [][]string

	// creditedShare is, per article, the share of its sentences credited
	// to someone: a person who says nothing in an article that quotes
	// many is more surely silent than one in an article that quotes none.
	creditedShare []float64
}

// New builds an engine over articles: it analyses them (on every core),
// gives their people and bodies one Speaker each across the articles,
// indexes their sentences in order, and then indexes the people.
func New(articles []*Article, opts Options) *Engine {
	e := newEngine(articles, opts)
	an := e.analyse(articles)
	book := newSpeakerBook()
	version := digestOffset // of the article digests, in order
	// The workers number the terms they meet; termIDs[w] maps worker w's
	// numbers to the index's. A worker's articles arrive here in the order
	// it prepared them, so its numbers only ever grow.
	termIDs := make([][]int32, an.workers)
	for ai := range articles {
		r := an.next(ai)
		book.startArticle(ai)
		for _, en := range r.attr.Entities {
			if en.Kind == attribution.Person {
				book.speakerOf(en)
			}
		}
		for _, t := range r.prepared.newTerms {
			termIDs[r.worker] = append(termIDs[r.worker], e.ix.TermID(t))
		}
		e.addArticle(ai, r.attr, r.prepared, termIDs[r.worker], book.speakerOf)
		version = mix(version ^ r.prepared.digest)
		an.recycle(r.prepared)
	}
	e.speakers = book.speakers
	e.words = make(map[string]indexedWord)
	for _, w := range an.finish() {
		e.learnWords(w)
	}
	e.ix.Finish()
	e.paraScratch.New = func() any { return &paraSums{sums: make([]paraMatch, e.paragraphs)} }
	e.indexPeople()
	e.indexArticles()
	e.creditedShare = creditedShares(e.sents, len(articles))
	for _, w := range e.lx.LeadTitles.Words() {
		if t := e.lookupTerm(w); !slices.Contains(e.leadTerms, t) {
			if _, ok := e.ix.Lookup(t); ok {
				e.leadTerms = append(e.leadTerms, t)
			}
		}
	}
	slices.Sort(e.leadTerms) // the same query whatever the map's order
	e.version = fmt.Sprintf("%08x", uint32(version))
	return e
}

// newEngine returns an engine over articles with nothing indexed yet, its
// tables sized for them.
func newEngine(articles []*Article, opts Options) *Engine {
	e := &Engine{
		opts:     opts,
		lx:       text.DefaultLexicon(),
		articles: articles,
		ix:       index.New(index.BM25{K1: opts.K1, B: opts.B}),
		defines:  make(map[*Speaker][]int32),
		model:    opts.Model,

		spanModel: opts.SpanModel,
	}
	if e.model == nil {
		e.model = rank.Default()
	}
	if e.spanModel == nil {
		e.spanModel = span.Default()
	}
	sentences, bytes := 0, 0
	for _, a := range articles {
		sentences++ // the headline
		bytes += len(a.Title)
		for _, p := range a.Paragraphs {
			sentences += len(p.Sentences)
			bytes += len(p.Text)
		}
	}
	e.sents = make([]sentence, 0, sentences)
	e.readAt = make([]int32, 0, sentences)
	e.reads = make([]readToken, 0, bytes/bytesPerWord)
	e.ix.Reserve(sentences)
	return e
}

// indexPeople fills the tables that find people and bodies by the words of
// a question: byWord, byHead, bodies and names.
func (e *Engine) indexPeople() {
	e.byWord = make(map[string][]*Speaker)
	e.byHead = make(map[string][]*Speaker)
	e.bodies = make(map[string][]*Speaker)
	for _, s := range e.speakers {
		if s.Kind == attribution.Organisation {
			for _, w := range s.aliases {
				e.bodies[w] = append(e.bodies[w], s)
			}
			if len(s.words) == 1 {
				e.bodies[s.words[0]] = append(e.bodies[s.words[0]], s)
			}
		}
		if !s.person {
			continue
		}
		for _, w := range s.words {
			if len(e.byWord[w]) == 0 {
				e.names = append(e.names, w)
			}
			e.byWord[w] = append(e.byWord[w], s)
		}
		for h := range s.heads {
			e.byHead[h] = append(e.byHead[h], s)
		}
	}
}

// creditedShares returns, per article, the share of its sentences credited
// to someone (see Engine.creditedShare).
func creditedShares(sents []sentence, articles int) []float64 {
	shares := make([]float64, articles)
	sentsOf := make([]int, articles)
	for _, sn := range sents {
		sentsOf[sn.art]++
		if sn.speaker != nil {
			shares[sn.art]++
		}
	}
	for a, n := range sentsOf {
		if n > 0 {
			shares[a] /= float64(n)
		}
	}
	return shares
}

// The engine's version is a digest of its articles' text, FNV-1a style
// but eight bytes at a time: it needs to change when the text does, and
// hashing a byte at a time cost more than reading the files.
const (
	digestOffset uint64 = 14695981039346656037 // FNV's 64-bit offset basis
	digestPrime  uint64 = 1099511628211        // and prime
)

// digest folds s into h.
func digest(h uint64, s string) uint64 {
	for ; len(s) >= 8; s = s[8:] {
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		h = mix(h ^ w)
	}
	for i := 0; i < len(s); i++ {
		h = mix(h ^ uint64(s[i]))
	}
	return h
}

// mix multiplies by the prime, which carries low bits up, and folds the
// high half down, so that every bit of the text reaches every bit of h.
func mix(h uint64) uint64 {
	h *= digestPrime
	return h ^ h>>32
}

// articleDigest hashes an article's text, for the engine's version.
func articleDigest(a *Article) uint64 {
	h := digest(digestOffset, a.Title)
	for _, p := range a.Paragraphs {
		h = digest(h, p.Text)
	}
	return h
}

// bytesPerWord is about what English text takes a word, its space and its
// share of the punctuation: enough to size the engine's readTokens at once
// for most text.
const bytesPerWord = 5

// titlePara is the paragraph index of a headline.
const titlePara = -1

// A termWeight is a term of a sentence, by the number its worker gave it
// (see index.Terms), and what it counts there.
type termWeight struct {
	term   int32
	weight float32
}

// A preparedSentence is what indexing needs of one sentence.
type preparedSentence struct {
	terms  []termWeight
	reads  []readToken // its words, their terms a worker's numbers
	length int         // the sentence's own words, for BM25's length normalisation
	flags  sentenceFlags
	people bool
}

// articleSlabs hold the terms and the readTokens of an article's
// sentences, one allocation each for all its sentences.
type articleSlabs struct {
	terms []termWeight
	reads []readToken
}

// A preparedArticle is an article made ready for the index: the work that
// needs nothing from the other articles, done on the analysis worker.
type preparedArticle struct {
	title  preparedSentence
	paras  [][]preparedSentence
	terms  []termWeight // the slab the sentences' terms lie in
	reads  []readToken  // and their readTokens
	digest uint64       // articleDigest

	// newTerms are the terms the worker numbered first for this article,
	// in order.
	newTerms []string
}

// prepare works out the index terms of every sentence of an article: its
// words, what its names and places stand for, and who said it.
func (e *Engine) prepare(w *worker, d *text.Doc, attr *attribution.Result, slab articleSlabs) *preparedArticle {
	a := d.Article
	pr := &preparedArticle{paras: make([][]preparedSentence, len(d.Paras)), digest: articleDigest(a)}
	numbered := w.terms.Len()
	words := 0
	for _, pa := range d.Paras {
		words += len(pa.Toks)
	}
	// Stop words take no term and repeats share one: the terms of an
	// article number fewer than its words, names and places added.
	b := sentenceBuilder{e: e, w: w, terms: slices.Grow(slab.terms[:0], words*3/4+64), reads: slices.Grow(slab.reads[:0], words+64)}
	toks := e.lx.Tokenize(a.Title)
	b.words(toks, a.Title)
	for k := range toks {
		if key, n := e.lx.PlaceAt(toks, k); n > 0 {
			b.alias(w.term("@"+key), float32(e.opts.AliasWeight))
			markPlace(b.reads[b.readFrom:], k)
		}
	}
	pr.title = b.done()
	for pi, pa := range d.Paras {
		p := pa.Paragraph
		ap := &attr.Paras[pi]
		sents := make([]preparedSentence, len(p.Sentences))
		t := 0
		for s, sp := range p.Sentences {
			start := t
			for t < len(pa.Toks) && pa.Toks[t].Start < sp.End {
				t++
			}
			if !p.Prose || p.Heading {
				continue // debris and headings are never answers: not indexed
			}
			b.words(pa.Toks[start:t], p.Text)
			b.flags = readFlags(pa.Toks[start:t], shortQuoteIn(p.Text, pa.Quotes, sp))
			alias := float32(e.opts.AliasWeight)
			// A sentence stands for whom its names, descriptions and
			// pronouns refer to: "She retired to a farm" is about Ann
			// Hale.
			for _, m := range ap.MentionsOf(int32(s)) {
				for _, word := range m.Entity.Words {
					b.alias(w.stemTerm(word), alias)
				}
				b.people = b.people || m.Entity.Kind == attribution.Person
			}
			for k := start; k < t; k++ {
				if !pa.Toks[k].Cap && !pa.Toks[k].Is(text.KindTitleHead) {
					continue
				}
				if key, n := e.lx.PlaceAt(pa.Toks, k); n > 0 {
					b.alias(w.term("@"+key), alias)
					markPlace(b.reads[b.readFrom:], k-start)
					k += n - 1
					continue
				}
				// A title also stands for its synonyms: "Rep." for a
				// congressman.
				if tok := pa.Toks[k]; tok.Is(text.KindTitleHead) && e.lx.FoldTitle(tok.Norm) != tok.Norm {
					b.alias(b.w.stemTerm(e.lx.FoldTitle(tok.Norm)), alias)
				}
			}
			if en := ap.Sentences[s].Entity; en != nil {
				weight := float32(e.opts.SpeakerWeight)
				for _, word := range en.Words {
					b.alias(w.stemTerm(word), weight)
				}
				for h := range en.Heads {
					b.alias(w.stemTerm(h), weight)
				}
				for m := range en.Mods {
					b.alias(w.stemTerm(m), weight)
				}
				for c := range en.Country {
					b.alias(w.term("@"+c), weight)
				}
			}
			sents[s] = b.done()
		}
		pr.paras[pi] = sents
	}
	pr.terms, pr.reads = b.terms, b.reads
	pr.newTerms = w.terms.Since(numbered)
	return pr
}

// sentenceBuilder gathers one sentence's terms at a time.
type sentenceBuilder struct {
	e *Engine
	w *worker
	// terms holds the article's sentences' terms one after another, one
	// allocation for them all; the sentence being built is terms[from:].
	terms  []termWeight
	from   int
	length int
	flags  sentenceFlags
	people bool

	// reads holds the article's sentences' readTokens, the sentence being
	// built's from readFrom; tokTerms is room for a sentence's terms.
	reads    []readToken
	readFrom int
	tokTerms []int32
}

// words adds a sentence's own words (offsets into txt): each counts 1,
// stop words nothing but the few that carry logic (if, not, because); and
// records them for reading the sentence as a candidate.
func (b *sentenceBuilder) words(toks []text.Token, txt string) {
	b.tokTerms = b.tokTerms[:0]
	for _, tok := range toks {
		w := tok.W
		if w == nil {
			w = b.w.cache.Intern(tok.Norm) // the headline's tokens
			b.w.grow()
		}
		seen := wordIndexed
		if !tok.Cap {
			seen |= wordIndexedLower
		}
		b.w.indexed[w.ID] |= seen
		// A logic word is indexed (as itself, see wordTerm) but, a stop
		// word, does not count towards the sentence's length.
		term := int32(-1)
		switch {
		case w.Kinds&text.KindLogic != 0:
			term = b.w.wordTerm(w)
			b.count(term)
		case !tok.IsStop():
			term = b.w.wordTerm(w)
			b.count(term)
			b.length++
		}
		b.tokTerms = append(b.tokTerms, term)
	}
	b.reads = readTokens(b.reads, toks, b.tokTerms, txt)
}

// count adds one occurrence of a term.
func (b *sentenceBuilder) count(term int32) {
	if i := b.find(term); i >= 0 {
		b.terms[i].weight++
		return
	}
	b.add(term, 1)
}

// alias adds a term the sentence stands for but may not say, at weight w
// unless it has it already at more.
func (b *sentenceBuilder) alias(term int32, w float32) {
	if i := b.find(term); i >= 0 {
		b.terms[i].weight = max(b.terms[i].weight, w)
		return
	}
	b.add(term, w)
}

// find returns where the sentence being built has a term, or -1. It looks
// where the worker last put the term (see worker.termAt) rather than
// read through the sentence: a paragraph with no full stop is one sentence
// of thousands of terms.
func (b *sentenceBuilder) find(term int32) int {
	at := b.w.termAt
	if int(term) < len(at) {
		// A place from another sentence or article is before from, or
		// holds another term.
		if i := int(at[term]); i >= b.from && i < len(b.terms) && b.terms[i].term == term {
			return i
		}
	}
	return -1
}

// add appends a term new to the sentence being built.
func (b *sentenceBuilder) add(term int32, w float32) {
	at := &b.w.termAt
	if n := int(term) + 1; n > len(*at) {
		*at = append(*at, make([]int32, n-len(*at))...)
	}
	(*at)[term] = int32(len(b.terms))
	b.terms = append(b.terms, termWeight{term, w})
}

// done returns the sentence gathered and starts the next.
func (b *sentenceBuilder) done() preparedSentence {
	ps := preparedSentence{terms: b.terms[b.from:len(b.terms):len(b.terms)], length: b.length, flags: b.flags, people: b.people,
		reads: b.reads[b.readFrom:len(b.reads):len(b.reads)]}
	b.from, b.length, b.flags, b.people = len(b.terms), 0, sentenceFlags{}, false
	b.readFrom = len(b.reads)
	return ps
}

// An indexedWord is what indexing learnt of a word the articles write: its
// stem, whether the index has it (a name the articles never mention is
// not), and whether in lower case (such a word in a question is not a name
// typed carelessly).
type indexedWord struct {
	stem                  string
	indexed, indexedLower bool
}

// learnWords keeps what a worker learnt of the words it indexed: their
// stems serve questions from now on, and which words the articles use,
// and write in lower case, tells a question's names from its words.
func (e *Engine) learnWords(w *worker) {
	w.cache.Words(func(word *text.Word) {
		seen := w.indexed[word.ID]
		if seen == 0 {
			return // a word of the analysis only, such as a name's in a role
		}
		mine, ok := e.words[word.Norm]
		if !ok {
			mine.stem = w.cache.Stem(word)
		}
		mine.indexed = mine.indexed || seen&wordIndexed != 0
		mine.indexedLower = mine.indexedLower || seen&wordIndexedLower != 0
		e.words[word.Norm] = mine
	})
}

// indexed reports whether an indexed sentence writes the normalised word.
func (e *Engine) indexed(norm string) bool { return e.words[norm].indexed }

// writtenLower reports whether an indexed sentence writes the normalised
// word in lower case.
func (e *Engine) writtenLower(norm string) bool { return e.words[norm].indexedLower }

// addArticle puts a prepared article into the engine: its sentences,
// quotations and speakers, and its terms into the index.
func (e *Engine) addArticle(ai int, attr *attribution.Result, pr *preparedArticle, termIDs []int32, speakerOf func(*attribution.Entity) *Speaker) {
	a := e.articles[ai]
	e.ix.StartPart() // part ai: an article's sentences, searched alone once the question is routed to it
	e.sents = append(e.sents, sentence{art: int32(ai), para: titlePara, span: Span{Start: 0, End: len(a.Title)}, quote: -1, prose: true})
	e.paraOf = append(e.paraOf, e.paragraphs)
	e.paragraphs++
	e.indexSentence(&pr.title, termIDs)
	e.addReads(pr.title.reads, termIDs)
	for pi := range a.Paragraphs {
		e.addParagraph(ai, pi, &attr.Paras[pi], pr.paras[pi], termIDs, speakerOf)
	}
}

// addReads records the readTokens of the sentence just added, numbering
// their terms as the index does.
func (e *Engine) addReads(reads []readToken, termIDs []int32) {
	e.readAt = append(e.readAt, int32(len(e.reads)))
	for _, r := range reads {
		if r.term >= 0 {
			r.term = termIDs[r.term]
		}
		e.reads = append(e.reads, r)
	}
}

// indexSentence adds the sentence just added to the index, numbering its
// terms as the index does.
func (e *Engine) indexSentence(ps *preparedSentence, termIDs []int32) {
	e.ix.AddDoc(ps.length)
	for _, t := range ps.terms {
		e.ix.Add(termIDs[t.term], t.weight)
	}
}

// sentenceReads returns the readTokens of sentence doc.
func (e *Engine) sentenceReads(doc int32) []readToken {
	end := int32(len(e.reads))
	if int(doc)+1 < len(e.readAt) {
		end = e.readAt[doc+1]
	}
	return e.reads[e.readAt[doc]:end]
}

func (e *Engine) addParagraph(ai, pi int, ap *attribution.Para, prepared []preparedSentence, termIDs []int32, speakerOf func(*attribution.Entity) *Speaker) {
	p := &e.articles[ai].Paragraphs[pi]
	first := int32(len(e.sents))
	for s, sp := range p.Sentences {
		sn := sentence{art: int32(ai), para: int32(pi), span: sp, speaker: speakerOf(ap.Sentences[s].Entity), quote: -1,
			prose: p.Prose && !p.Heading, flags: prepared[s].flags, people: prepared[s].people}
		if sn.speaker != nil {
			sn.speaker.Statements++
			sn.speaker.sentences = append(sn.speaker.sentences, int32(len(e.sents)))
		}
		e.sents = append(e.sents, sn)
		e.paraOf = append(e.paraOf, e.paragraphs)
		e.indexSentence(&prepared[s], termIDs)
		e.addReads(prepared[s].reads, termIDs)
		for _, m := range ap.MentionsOf(int32(s)) {
			if m.Defines {
				sp := speakerOf(m.Entity)
				e.defines[sp] = append(e.defines[sp], first+int32(s))
			}
		}
	}
	e.paragraphs++
	quotation := -1
	for _, q := range ap.Quotes {
		if q.Quotation != quotation {
			quotation = q.Quotation
			e.quotations++
		}
		sp := speakerOf(q.Credit.Entity)
		sid := first + int32(q.Sentence)
		id := e.quotations - 1
		e.quotes = append(e.quotes, Quote{Text: p.Text[q.Span.Start:q.Span.End], Speaker: sp, How: q.Credit.How,
			Article: e.articles[ai], Paragraph: pi + 1, sentence: sid, quotation: id, span: Span{Start: q.Span.Start, End: q.Span.End}})
		if sp != nil && e.startsQuotation(len(e.quotes)-1) {
			sp.Quotes++
		}
		if e.sents[sid].quote < 0 {
			e.sents[sid].quote = id
		}
	}
}

// lookupTerm returns the index term of a normalised word of a question: from
// the stems cached while indexing, else by stemming it. It never writes the
// cache, so concurrent questions are safe.
func (e *Engine) lookupTerm(norm string) string {
	if w, ok := e.words[norm]; ok {
		return w.stem
	}
	return e.lx.Stem(norm)
}

// Articles returns the articles the engine answers about, in a slice of
// the caller's own. The articles themselves are the engine's: read only.
func (e *Engine) Articles() []*Article { return slices.Clone(e.articles) }

// Quotes returns every quotation in article order, in a slice of the
// caller's own. Their Speakers and Articles are the engine's: read only.
func (e *Engine) Quotes() []Quote { return slices.Clone(e.quotes) }

// SpeakerQuotes returns a speaker's quotations: in article order, or, with
// a topic, those that match it best first and then the rest.
func (e *Engine) SpeakerQuotes(s *Speaker, topic string) []Quote {
	var mine []Quote
	for _, q := range e.quotes {
		if q.Speaker == s {
			mine = append(mine, q)
		}
	}
	if strings.TrimSpace(topic) == "" || len(mine) < 2 {
		return mine
	}
	var query []index.QueryTerm
	for _, t := range e.lx.Tokenize(topic) {
		if !t.IsStop() {
			query = append(query, index.QueryTerm{Term: e.lookupTerm(t.Norm), Weight: 1, Group: len(query), Primary: true})
		}
	}
	found := e.ix.Search(query, nil, 0)
	defer found.Release()
	// A quotation ranks by its best sentence, and its sentences stay
	// together in the article's order, to be read whole.
	best := make(map[int32]float64)
	for _, q := range mine {
		best[q.quotation] = max(best[q.quotation], found.At(q.sentence).Score)
	}
	sort.SliceStable(mine, func(i, j int) bool {
		return best[mine[i].quotation] > best[mine[j].quotation]
	})
	return mine
}

// Version identifies the set of articles. A Ref is only meaningful to an
// engine of the same version: a button made before the articles changed
// can tell that it is stale.
func (e *Engine) Version() string { return e.version }

// Speakers returns the people and bodies quoted or reported, and the
// unnamed speakers ("resident"), documents and names of no known kind
// that are quoted, most quoted first. The Speakers are the engine's, as
// are those FindSpeaker and MatchSpeakers return: read only.
func (e *Engine) Speakers() []*Speaker { return listed(e.speakers) }

// listed returns the speakers worth listing, most quoted first (see
// Engine.Speakers).
func listed(speakers []*Speaker) []*Speaker {
	var out []*Speaker
	for _, s := range speakers {
		switch s.Kind {
		case attribution.Person, attribution.Organisation:
			if s.Statements > 0 || s.Quotes > 0 {
				out = append(out, s)
			}
		default:
			// "European leaders said they …", or a name the article gives
			// no sign of, is no one to list unless quoted.
			if s.Quotes > 0 {
				out = append(out, s)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Quotes != out[j].Quotes {
			return out[i].Quotes > out[j].Quotes
		}
		return out[i].Statements > out[j].Statements
	})
	return out
}

// Stats counts what an article holds, for /about.
type Stats struct{ Paragraphs, Sentences, Quotes int }

// Stats returns the counts for article a.
func (e *Engine) Stats(a *Article) Stats {
	st := Stats{Paragraphs: len(a.Paragraphs)}
	for _, p := range a.Paragraphs {
		st.Sentences += len(p.Sentences)
	}
	for i, q := range e.quotes {
		if q.Article == a && e.startsQuotation(i) {
			st.Quotes++
		}
	}
	return st
}

// startsQuotation reports whether e.quotes[i] is a quotation or the first
// of its parts, not a part that continues the one before (see
// WholeQuotations): what counts as one quote.
func (e *Engine) startsQuotation(i int) bool {
	return i == 0 || !continues(e.quotes[i-1], e.quotes[i])
}

// FindSpeaker returns the speaker a name refers to: the full name, the
// surname, or any single word of the name, case-insensitively, and read as
// questions read names (a typo or two away: "Zelensky"), words of the role
// telling apart two of one name ("John Smith, striker"); or a body's short
// form ("MDC"); nil if none.
func (e *Engine) FindSpeaker(name string) *Speaker {
	toks := e.lx.Tokenize(name)
	if len(toks) == 0 {
		return nil
	}
	e.correctNames(toks)
	var best *Speaker
	bestScore := 0
	for _, s := range e.speakers {
		score := 0
		for _, t := range toks {
			for i, w := range s.words {
				if t.Norm == w {
					score++
					if i == len(s.words)-1 {
						score++ // the surname counts more than a first name
					}
				}
			}
		}
		if score > 0 {
			// Words of the role tell two people of one name apart: "John
			// Smith, striker" (as the autocomplete offers them).
			for _, t := range toks {
				if s.heads[e.lx.FoldTitle(t.Norm)] || s.mods[t.Norm] {
					score++
				}
			}
		}
		if score > bestScore || score == bestScore && best != nil && s.Quotes > best.Quotes {
			best, bestScore = s, score
		}
	}
	if bestScore == 0 && len(toks) == 1 {
		// A body by its short form: "MDC" for the Movement for
		// Democratic Change, the most quoted of those it may be.
		for _, s := range e.bodies[toks[0].Norm] {
			if best == nil || s.Quotes > best.Quotes {
				best = s
			}
		}
		return best
	}
	if bestScore == 0 {
		return nil
	}
	return best
}
