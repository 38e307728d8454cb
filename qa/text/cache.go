package text

import (
	"sort"
	"strings"
)

// A Cache remembers what has been worked out about words, for the next
// articles read on the same goroutine: each token of an article is looked
// up here once, and every later question about its word (its stem, its
// kinds) is answered from the Word. It also holds the tokens of the article
// being read, reused by the next (see Doc.Release). A Cache is not safe for
// concurrent use: give each goroutine its own.
type Cache struct {
	lx    *Lexicon
	words map[string]*Word

	// toks holds the tokens of the article being read, paragraph after
	// paragraph, and is reused by the next: a long corpus then allocates
	// as much token memory as its longest article needs, not as all its
	// articles do.
	toks []Token
}

// A Word is what is known of one normalised word.
type Word struct {
	Norm  string
	Kinds WordKind

	// ID numbers the words of a cache from 0 in the order it met them.
	// The stages after this one keep what they learn of a word (its index
	// term, how it is used as a verb) in slices by ID.
	ID int32

	stem string // "" until asked
}

// NewCache returns an empty cache that reads words with lx.
func NewCache(lx *Lexicon) *Cache {
	return &Cache{lx: lx, words: make(map[string]*Word)}
}

// Lexicon returns the lexicon the cache reads words with.
func (c *Cache) Lexicon() *Lexicon { return c.lx }

// Len returns how many words the cache knows; their IDs are below it.
func (c *Cache) Len() int { return len(c.words) }

// Intern returns the word for norm.
func (c *Cache) Intern(norm string) *Word {
	w := c.words[norm]
	if w == nil {
		w = &Word{Norm: norm, Kinds: c.lx.kinds[norm], ID: int32(len(c.words))}
		c.words[norm] = w
	}
	return w
}

// internBytes is Intern for a word in a scratch buffer: a word seen before
// costs no allocation.
func (c *Cache) internBytes(norm []byte) *Word {
	if w := c.words[string(norm)]; w != nil {
		return w
	}
	return c.Intern(string(norm))
}

// Stem returns a word's stem (see Lexicon.Stem), working it out the first
// time it is asked.
func (c *Cache) Stem(w *Word) string {
	if w.stem == "" {
		w.stem = c.lx.Stem(w.Norm)
	}
	return w.stem
}

// Words calls fn for every word of the cache, in no order.
func (c *Cache) Words(fn func(w *Word)) {
	for _, w := range c.words {
		fn(w)
	}
}

// A Doc is an article read into tokens, paragraph by paragraph.
type Doc struct {
	Article *Article
	Paras   []*Para
	cache   *Cache
}

// A Para is one paragraph of a Doc: its tokens, each knowing its sentence
// and whether it is quoted, and its quotations.
type Para struct {
	*Paragraph
	Index  int     // in Doc.Paras and Article.Paragraphs
	Toks   []Token // valid until the Doc is released
	Quotes []Span  // FindQuotes of the text
}

// Read tokenizes an article's paragraphs. The tokens lie in the cache's
// slab, after those of any Doc not yet released.
func (c *Cache) Read(a *Article) *Doc {
	d := &Doc{Article: a, Paras: make([]*Para, len(a.Paragraphs)), cache: c}
	for i := range a.Paragraphs {
		d.Paras[i] = c.readParagraph(&a.Paragraphs[i], i)
	}
	return d
}

// Release hands the article's tokens back to the cache for the next Doc to
// write over; what was learnt from them must no longer read them.
func (d *Doc) Release() {
	for _, p := range d.Paras {
		p.Toks = nil
	}
	d.cache.toks = d.cache.toks[:0]
}

func (c *Cache) readParagraph(p *Paragraph, index int) *Para {
	if need := tokenEstimate(p.Text); cap(c.toks)-len(c.toks) < need {
		// A new slab rather than a copy of this one: the paragraphs
		// before keep their tokens in the old.
		c.toks = make([]Token, 0, max(2*cap(c.toks), need))
	}
	from := len(c.toks)
	c.toks = appendTokens(c.toks, p.Text, c, c.lx)
	pa := &Para{Paragraph: p, Index: index, Toks: c.toks[from:len(c.toks):len(c.toks)], Quotes: FindQuotes(p.Text)}
	s, q := 0, 0
	for i, t := range pa.Toks {
		for s+1 < len(p.Sentences) && t.Start >= p.Sentences[s].End {
			s++
		}
		pa.Toks[i].Sent = int32(s)
		for q < len(pa.Quotes) && t.Start >= pa.Quotes[q].End {
			q++
		}
		inQuote := q < len(pa.Quotes) && t.Start >= pa.Quotes[q].Start
		pa.Toks[i].Quoted = inQuote
		switch {
		case i == 0 || pa.Toks[i-1].Sent != int32(s):
			pa.Toks[i].Initial = true
		case inQuote && !pa.Toks[i-1].Quoted:
			pa.Toks[i].Initial = true
		case strings.ContainsAny(pa.Gap(i), ":;—–") || strings.Contains(pa.Gap(i), "("):
			// "… said: The" and a bracketed aside begin afresh.
			pa.Toks[i].Initial = true
		}
	}
	return pa
}

// Gap returns the text between tokens i-1 and i.
func (p *Para) Gap(i int) string {
	if i <= 0 || i >= len(p.Toks) {
		return ""
	}
	return p.Text[p.Toks[i-1].End:p.Toks[i].Start]
}

// Phrase returns the text of tokens [start, end), without the 's of a
// possessive last word: "Russia's foreign ministry" → "Russia's foreign
// ministry", "the chamber's" → "the chamber".
func (p *Para) Phrase(start, end int) string {
	if start >= end {
		return ""
	}
	t := p.Text[p.Toks[start].Start:p.Toks[end-1].End]
	if p.Toks[end-1].Possessive {
		t = strings.TrimSuffix(strings.TrimSuffix(t, "’s"), "'s")
	}
	return t
}

// SentenceAt returns the sentence of the paragraph that holds byte offset.
func (p *Para) SentenceAt(offset int) int {
	ss := p.Sentences
	s := sort.Search(len(ss), func(i int) bool { return offset < ss[i].End })
	return min(s, len(ss)-1)
}

// TokenRange returns the tokens that lie within bytes [from, to).
func (p *Para) TokenRange(from, to int) (int, int) {
	i := sort.Search(len(p.Toks), func(k int) bool { return p.Toks[k].Start >= from })
	j := sort.Search(len(p.Toks), func(k int) bool { return p.Toks[k].End > to })
	return i, max(i, j)
}

// SentenceTokens returns the tokens of sentence s.
func (p *Para) SentenceTokens(s int) (int, int) {
	sp := p.Sentences[s]
	return p.TokenRange(sp.Start, sp.End)
}
