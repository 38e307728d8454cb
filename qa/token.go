package qa

import (
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
	Possessive bool   // ended in 's or s' as written

	// w is what an analysis knows of the word, shared by its tokens (see
	// wordCache); nil outside the analysis of articles.
	w *word
}

// tokenize splits text into word and number tokens. Words keep inner
// apostrophes (don't, Russia’s) and inner dots (U.S., H.R.1424); hyphens
// split words (power-sharing → power, sharing) because each half is a word a
// question may use. Numbers keep inner separators (250,000, 10/1/2008, 3.5).
func tokenize(text string) []token {
	// News English averages about six bytes a word with its space: size
	// the slice once rather than grow it through a long paragraph.
	toks := make([]token, 0, len(text)/6+1)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsDigit(r):
			end := max(scanNumber(text, i), i+size)
			toks = append(toks, newToken(text, i, end))
			i = end
		case unicode.IsLetter(r):
			end := max(scanWord(text, i), i+size)
			toks = append(toks, newToken(text, i, end))
			i = end
		default:
			i += size
		}
	}
	return toks
}

// scanWord returns the end of the word starting at text[i].
func scanWord(text string, i int) int {
	for i < len(text) {
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
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsDigit(r):
			i += size
		case (r == ',' || r == '.' || r == '/' || r == ':') && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9':
			i++
		case unicode.IsLetter(r):
			return scanWord(text, i)
		default:
			return i
		}
	}
	return i
}

func newToken(text string, start, end int) token {
	t := token{Start: start, End: end}
	written := text[start:end]
	first, _ := utf8.DecodeRuneInString(written)
	t.Number = unicode.IsDigit(first)
	t.Cap = unicode.IsUpper(first)
	// A dotted acronym keeps its trailing dot as written: "U.S." is one token.
	if strings.Contains(written, ".") && !t.Number && end < len(text) && text[end] == '.' {
		t.End++
		written = text[start:t.End]
	}
	t.AllCaps = isAllCaps(written)
	norm := strings.ToLower(strings.ReplaceAll(written, "’", "'"))
	if !t.Number {
		norm = strings.ReplaceAll(norm, ".", "")
	}
	switch {
	case strings.HasSuffix(norm, "'s") && len(norm) > 2:
		norm = norm[:len(norm)-2]
		t.Possessive = true
	case strings.HasSuffix(norm, "s'") && len(norm) > 2:
		norm = norm[:len(norm)-1]
		t.Possessive = true
	}
	t.Norm = norm
	return t
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

// isStop reports whether a token carries no topic: articles, pronouns,
// auxiliaries, prepositions, question words. An acronym that spells a stop
// word (US, IT) is not one.
func isStop(t token) bool {
	if t.w != nil {
		return t.w.stop && !t.AllCaps
	}
	return (stopWords[t.Norm] || questionWords[t.Norm]) && !t.AllCaps
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
