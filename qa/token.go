package qa

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// A token is a word or a number in a paragraph.
type token struct {
	Start, End int    // byte range in the paragraph: "Russia’s", "U.S.", "250,000"
	Norm       string // lower case, straight apostrophe, no possessive, no dots: "russia", "us", "250,000"
	Cap        bool   // begins with an upper-case letter
	AllCaps    bool   // two or more letters, all upper case: "US", "NATO", "U.S."
	Number     bool   // begins with a digit
	Possessive bool   // ended in 's as written (a closing apostrophe ends the word before it)

	// What the analysis of an article knows; zero elsewhere. w is what
	// it knows of the word, shared by its tokens (see wordCache).
	initial bool  // it begins a sentence or a quotation
	quoted  bool  // it is inside a quotation
	sent    int32 // the sentence it is in, in the paragraph
	w       *word
}

// tokenize splits text into word and number tokens. Words keep inner
// apostrophes (don't, Russia’s) and inner dots (U.S., H.R.1424); hyphens
// split words (power-sharing → power, sharing) because each half is a word a
// question may use. Numbers keep inner separators (250,000, 10/1/2008, 3.5).
func tokenize(text string) []token { return appendTokens(nil, text, nil) }

// appendTokens appends text's tokens to toks and, with a cache, gives each
// token its word: the token's Norm is then the word's, shared by every token
// that writes it, and a word seen before costs no allocation.
func appendTokens(toks []token, text string, cache *wordCache) []token {
	toks = slices.Grow(toks, tokenEstimate(text))
	scratch := make([]byte, 0, 64) // for normalising a word
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		var end int
		switch {
		case unicode.IsDigit(r):
			end = max(scanNumber(text, i), i+size)
		case unicode.IsLetter(r):
			end = max(scanWord(text, i), i+size)
		default:
			i += size
			continue
		}
		toks = append(toks, token{})
		t := &toks[len(toks)-1]
		t.setWord(text, i, end, cache, scratch)
		i = t.End
	}
	return toks
}

// tokenEstimate is about how many tokens text has, to size a slice for them
// once rather than grow it through a long paragraph: news English averages
// about six bytes a word with its space.
func tokenEstimate(text string) int { return len(text)/6 + 1 }

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isASCIIDigit(c byte) bool  { return '0' <= c && c <= '9' }

// scanWord returns the end of the word starting at text[i].
func scanWord(text string, i int) int {
	for i < len(text) {
		c := text[i]
		switch {
		case isASCIILetter(c) || isASCIIDigit(c):
			i++
			continue
		case c < utf8.RuneSelf && c != '\'' && c != '.':
			return i // a space, a comma, a hyphen: the word ends
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			i += size
		case (r == '\'' || r == '’' || r == '.') && i+size < len(text):
			// An inner apostrophe or dot joins two runs of letters: don't, U.S.
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			if !(unicode.IsLetter(next) || (r == '.' && unicode.IsDigit(next))) {
				return i
			}
			i += size
		default:
			return i
		}
	}
	return i
}

// scanNumber returns the end of the number starting at text[i]: digits with
// inner , . / : separators (250,000 3.5 10/1/2008 9:30), and letters glued
// to the end (2nd, 10am).
func scanNumber(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if isASCIIDigit(c) {
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case unicode.IsDigit(r):
			i += size
		case (r == ',' || r == '.' || r == '/' || r == ':') && i+1 < len(text) && isASCIIDigit(text[i+1]):
			i++
		case unicode.IsLetter(r):
			return scanWord(text, i)
		default:
			return i
		}
	}
	return i
}

// setWord makes t the token written text[start:end]; with a cache, its Norm
// is the cached word's. scratch is room to normalise the word in.
func (t *token) setWord(text string, start, end int, cache *wordCache, scratch []byte) {
	t.Start, t.End = start, end
	written := text[start:end]
	// A dotted acronym keeps its trailing dot as written: "U.S." is one token.
	if end < len(text) && text[end] == '.' && strings.IndexByte(written, '.') >= 0 {
		if first, _ := utf8.DecodeRuneInString(written); !unicode.IsDigit(first) {
			t.End++
			written = text[start:t.End]
		}
	}
	norm, ok := t.normASCII(written, scratch)
	switch {
	case !ok:
		t.normUnicode(written)
		if cache != nil {
			t.w = cache.intern(t.Norm)
			t.Norm = t.w.norm
		}
	case cache != nil:
		t.w = cache.internBytes(norm)
		t.Norm = t.w.norm
	case string(norm) == written:
		t.Norm = written // no copy when the word is written as it is normalised
	default:
		t.Norm = string(norm)
	}
}

// normASCII sets t's flags and returns its normalised form, built in buf,
// when written is all ASCII, the common case, in one pass; otherwise it
// reports false and normUnicode does the work.
func (t *token) normASCII(written string, buf []byte) ([]byte, bool) {
	upper, lower := 0, 0
	for i := 0; i < len(written); i++ {
		c := written[i]
		switch {
		case c >= utf8.RuneSelf:
			return nil, false
		case 'A' <= c && c <= 'Z':
			upper++
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z':
			lower++
		case c == '.' && !isASCIIDigit(written[0]):
			continue // "U.S." is "us"
		}
		buf = append(buf, c)
	}
	t.Number = isASCIIDigit(written[0])
	t.Cap = 'A' <= written[0] && written[0] <= 'Z'
	t.AllCaps = lower == 0 && upper >= 2
	buf, t.Possessive = trimPossessive(buf)
	return buf, true
}

// normUnicode is setWord's general case: any script, curly apostrophes.
func (t *token) normUnicode(written string) {
	first, _ := utf8.DecodeRuneInString(written)
	t.Number = unicode.IsDigit(first)
	t.Cap = unicode.IsUpper(first)
	t.AllCaps = isAllCaps(written)
	norm := strings.ToLower(strings.ReplaceAll(written, "’", "'"))
	if !t.Number {
		norm = strings.ReplaceAll(norm, ".", "")
	}
	b, possessive := trimPossessive([]byte(norm))
	if possessive {
		norm = string(b)
	}
	t.Norm, t.Possessive = norm, possessive
}

// trimPossessive drops the 's of a possessive: "russia's" → "russia".
func trimPossessive(norm []byte) ([]byte, bool) {
	if n := len(norm); n > 2 && norm[n-2] == '\'' && norm[n-1] == 's' {
		return norm[:n-2], true
	}
	return norm, false
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// stem reduces a normalised word to its index term: irregular verb forms to
// their base (took → take, said → say), then the Snowball English stemmer.
// Numbers are their own terms.
func (lx *lexicon) stem(norm string) string {
	if norm == "" || unicode.IsDigit(rune(norm[0])) {
		return norm
	}
	if base, ok := lx.irregular[norm]; ok {
		norm = base
	}
	return english.Stem(norm, true)
}

// A wordKind is a class of words that indexing asks about for every token.
// A cached word carries its kinds, looked up once when first seen (see
// wordCache.intern), so that asking costs a bit test, not a map lookup.
type wordKind uint16

const (
	kindStop      wordKind = 1 << iota // stopWords or questionWords
	kindLogic                          // logicWords
	kindNumber                         // numberWords
	kindTime                           // timeWords
	kindFuture                         // futureWords
	kindPlacePrep                      // placePrepositions
	kindTitleHead                      // titleHeads

	// What a word is as a place, known of a cached word only (see
	// lexicon.placeKinds).
	kindPlace      // a place by itself: lexicon.places
	kindPlaceStart // the first word of a longer place: lexicon.placeFirst
)

// wordKindSets are the word lists of the kinds.
var wordKindSets = []struct {
	kind wordKind
	sets []map[string]bool // a word in any is of the kind
}{
	{kindStop, []map[string]bool{stopWords, questionWords}},
	{kindLogic, []map[string]bool{logicWords}},
	{kindNumber, []map[string]bool{numberWords}},
	{kindTime, []map[string]bool{timeWords}},
	{kindFuture, []map[string]bool{futureWords}},
	{kindPlacePrep, []map[string]bool{placePrepositions}},
	{kindTitleHead, []map[string]bool{titleHeads}},
}

// inAny reports whether a word is in any of sets.
func inAny(sets []map[string]bool, norm string) bool {
	for _, set := range sets {
		if set[norm] {
			return true
		}
	}
	return false
}

// kindsOf looks up the kinds of a normalised word.
func kindsOf(norm string) wordKind {
	var k wordKind
	for _, ks := range wordKindSets {
		if inAny(ks.sets, norm) {
			k |= ks.kind
		}
	}
	return k
}

// is reports whether the token's word is of kind k, one kind: for a token
// with no cached word it looks the word up in the kind's list, and the place
// kinds, which have none, are false.
func (t token) is(k wordKind) bool {
	if t.w != nil {
		return t.w.kinds&k != 0
	}
	for _, ks := range wordKindSets {
		if ks.kind == k {
			return inAny(ks.sets, t.Norm)
		}
	}
	return false
}

// isStop reports whether a token carries no topic: articles, pronouns,
// auxiliaries, prepositions, question words. An acronym that spells a stop
// word (US, IT) is not one.
func isStop(t token) bool {
	return t.is(kindStop) && !t.AllCaps
}

// stopWords are the words that carry no topic of their own. Question words
// have their own set: question analysis reads them ("who" wants a person)
// before ranking drops them.
var stopWords = setOf(`a an the and or but nor so yet if then than that this these those
	i me my mine myself we us our ours ourselves you your yours yourself yourselves
	he him his himself she her hers herself it its itself they them their theirs themselves
	am is are was were be been being have has had having do does did doing
	will would shall should can could may might must ought
	of at by for with about against between into through during before after above below
	to from up down in out on off over under again further once here there
	all any both each few more most other some such no not only own same too very
	just also s t d ll m o re ve y don't doesn't didn't won't can't isn't aren't wasn't weren't
	i'm i've i'd i'll we're we've we'd we'll you're you've you'd you'll he's she's it's
	they're they've they'd they'll that's there's let's as until while because although
	though whether`)

// logicWords are stop words that still carry meaning a question may hinge
// on: a condition, a negation, a cause. They are indexed, and a question's
// logic words count a little towards ranking but never towards confidence.
var logicWords = setOf(`if unless not no never without because despite against`)

// questionWords open a question and name the kind of answer wanted.
var questionWords = setOf(`what who whom whose when where why how which`)

func setOf(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
