package text

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Token is a word or a number in a paragraph.
type Token struct {
	Start, End int      // byte range in the paragraph: "Russia’s", "U.S.", "250,000"
	Norm       string   // lower case, straight apostrophe, no possessive, no dots: "russia", "us", "250,000"
	Cap        bool     // begins with an upper-case letter
	AllCaps    bool     // two or more letters, all upper case: "US", "NATO", "U.S."
	Number     bool     // begins with a digit
	Possessive bool     // ended in 's as written (a closing apostrophe ends the word before it)
	Kinds      WordKind // its word's kinds in the lexicon that read it (see Token.Is), but a currency after "per" (unmarkRates)

	// What reading a paragraph (Cache.Read) knows; zero elsewhere. W is
	// what the cache knows of the word, shared by its tokens.
	Initial bool  // it begins a sentence or a quotation, or follows a colon, a dash or a bracket
	Quoted  bool  // it is inside a quotation
	Sent    int32 // the sentence it is in, in the paragraph
	W       *Word
}

// Tokenize splits text into word and number tokens. Words keep inner
// apostrophes (don't, Russia’s) and inner dots (U.S., H.R.1424); hyphens
// split words (power-sharing → power, sharing) because each half is a word a
// question may use. Numbers keep inner separators (250,000, 10/1/2008, 3.5).
// Each token knows its word's kinds in lx, but a currency word after "per",
// which counts a rate ("34 per cent"), is no currency there.
func (lx *Lexicon) Tokenize(text string) []Token {
	toks := appendTokens(nil, text, nil, lx)
	for i := range toks {
		toks[i].Kinds = lx.kinds[toks[i].Norm]
	}
	unmarkRates(toks)
	return toks
}

// unmarkRates takes the currency from a currency word after "per": it is
// what a rate is counted by, not the currency of a sum ("34 per cent",
// "60 cents per dollar"), so that a share never answers "How much did it
// cost?".
func unmarkRates(toks []Token) {
	for i := 1; i < len(toks); i++ {
		if toks[i-1].Norm == "per" {
			toks[i].Kinds &^= KindCurrency
		}
	}
}

// appendTokens appends text's tokens to toks and, with a cache, gives each
// token its word: the token's Norm is then the word's, shared by every token
// that writes it, and a word seen before costs no allocation. With a
// lexicon, a currency's abbreviation glued to a sum is parted from it (see
// scanWord).
func appendTokens(toks []Token, text string, cache *Cache, lx *Lexicon) []Token {
	from := len(toks)
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
			end = max(scanWord(text, i, lx), i+size)
		default:
			i += size
			continue
		}
		toks = append(toks, Token{})
		t := &toks[len(toks)-1]
		t.setWord(text, i, end, cache, scratch)
		i = t.End
	}
	if cache != nil {
		unmarkRates(toks[from:])
	}
	return toks
}

// tokenEstimate is about how many tokens text has, to size a slice for them
// once rather than grow it through a long paragraph: news English averages
// about six bytes a word with its space.
func tokenEstimate(text string) int { return len(text)/6 + 1 }

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isASCIIDigit(c byte) bool  { return '0' <= c && c <= '9' }

// scanWord returns the end of the word starting at text[i]. With a
// lexicon, a currency's abbreviation glued to a sum is a word of its own,
// so that the sum is a number: "R500,000" is "R" and "500,000", "Sh50
// million" "Sh" and "50"; but "R8", "R2-D2" and "RM10" stay whole, as no
// sum follows.
func scanWord(text string, i int, lx *Lexicon) int {
	start := i
	for i < len(text) {
		c := text[i]
		switch {
		case isASCIIDigit(c) && lx != nil && i > start && GluedCurrency(text[start:i]) && lx.sumAt(text, i):
			return i
		case c == '.' && lx != nil && i+1 < len(text) && GluedCurrency(text[start:i]) && lx.sumAt(text, i+1):
			return i // "Rs.3 crore"
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

// GluedCurrency reports whether a word, as written, is the abbreviation of
// a currency that news writes glued to the sum: rand ("R2.8-billion"),
// Kenyan shillings ("Sh50 million", "KSh340,000"), rupees ("Rs3 crore",
// "Rs.3 crore"), ringgit ("RM12 million"), rupiah ("Rp5 billion").
func GluedCurrency(written string) bool { return gluedCurrencies[written] }

var gluedCurrencies = map[string]bool{"R": true, "Sh": true, "KSh": true, "Ksh": true, "Rs": true, "RM": true, "Rp": true}

// sumAt reports whether the digits at text[i] write a sum, not a code: a
// number with a thousands or decimal separator ("500,000", "2.8"), or
// one a scale word follows ("50 million", "6-million").
func (lx *Lexicon) sumAt(text string, i int) bool {
	j := i
	for j < len(text) && isASCIIDigit(text[j]) {
		j++
	}
	if j == i || j >= len(text) {
		return false
	}
	if (text[j] == ',' || text[j] == '.') && j+1 < len(text) && isASCIIDigit(text[j+1]) {
		return true
	}
	if text[j] == ' ' || text[j] == '-' {
		j++
	}
	k := j
	for k < len(text) && isASCIILetter(text[k]) {
		k++
	}
	return k > j && lx.ScaleWords.Has(strings.ToLower(text[j:k]))
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
			return scanWord(text, i, nil)
		default:
			return i
		}
	}
	return i
}

// setWord makes t the token written text[start:end]; with a cache, its Norm
// is the cached word's. scratch is room to normalise the word in.
func (t *Token) setWord(text string, start, end int, cache *Cache, scratch []byte) {
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
			t.W = cache.Intern(t.Norm)
			t.Norm, t.Kinds = t.W.Norm, t.W.Kinds
		}
	case cache != nil:
		t.W = cache.internBytes(norm)
		t.Norm, t.Kinds = t.W.Norm, t.W.Kinds
	case string(norm) == written:
		t.Norm = written // no copy when the word is written as it is normalised
	default:
		t.Norm = string(norm)
	}
}

// normASCII sets t's flags and returns its normalised form, built in buf,
// when written is all ASCII, the common case, in one pass; otherwise it
// reports false and normUnicode does the work.
func (t *Token) normASCII(written string, buf []byte) ([]byte, bool) {
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
func (t *Token) normUnicode(written string) {
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

// Is reports whether the token's word is of kind k, one kind.
func (t Token) Is(k WordKind) bool { return t.Kinds&k != 0 }

// IsStop reports whether a token carries no topic: articles, pronouns,
// auxiliaries, prepositions, question words. An acronym that spells a stop
// word (US, IT) is not one.
func (t Token) IsStop() bool {
	return t.Is(KindStop) && !t.AllCaps
}

// IsYear reports whether a token is a year: four digits from 1500 to 2199.
func (t Token) IsYear() bool {
	if !t.Number || len(t.Norm) != 4 {
		return false
	}
	for _, r := range t.Norm {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return t.Norm >= "1500" && t.Norm <= "2199"
}

// IsHyphen reports whether the text between two tokens is a hyphen: the
// ASCII one or the non-breaking one (U+2011) some wires write.
func IsHyphen(gap string) bool { return gap == "-" || gap == "‑" }
