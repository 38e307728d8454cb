package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// closingChars may follow a sentence's final punctuation and still belong to
// the sentence: `… burden”.` or `(… 2008.)`.
const closingChars = "\"”’')]»"

// titleAbbreviations come before a name and never end a sentence.
var titleAbbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"sen": true, "rep": true, "gov": true, "gen": true, "lt": true, "col": true,
	"capt": true, "sgt": true, "rev": true, "hon": true, "pres": true, "jr": true,
	"sr": true, "messrs": true, "mt": true, "ft": true, "supt": true, "adm": true,
	"cmdr": true, "maj": true, "brig": true, "insp": true, "coun": true, "det": true,
	"cpl": true, "atty": true,
}

// IsTitleAbbreviation reports whether a normalised word is a title's short
// form that comes before a name: "mr", "sen", "lt".
func IsTitleAbbreviation(norm string) bool { return titleAbbreviations[norm] }

// IsBe reports whether a normalised word is a form of "be", as a passive
// is made with: "was told", "is accused", "had been denied".
func IsBe(norm string) bool {
	switch norm {
	case "is", "are", "was", "were", "be", "been", "being":
		return true
	}
	return false
}

// abbreviations are short forms that, with their full stop, usually sit
// inside a sentence: months ("Sept. 1"), US states in datelines
// ("RIVERSIDE, Calif. (AP)"), "No." and the like. Like a dotted
// abbreviation, one ends a sentence only before a typical sentence opener.
var abbreviations = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"ala": true, "ariz": true, "ark": true, "calif": true, "colo": true, "conn": true, "del": true,
	"fla": true, "ga": true, "ill": true, "ind": true, "kan": true, "kans": true, "ky": true,
	"la": true, "md": true, "mass": true, "mich": true, "minn": true, "miss": true, "mo": true,
	"mont": true, "neb": true, "nev": true, "okla": true, "ore": true, "pa": true, "tenn": true,
	"tex": true, "va": true, "vt": true, "wash": true, "wis": true, "wyo": true,
	"no": true, "nos": true, "vol": true, "fig": true, "approx": true, "est": true, "ave": true,
	"blvd": true, "rd": true, "corp": true, "inc": true, "ltd": true, "co": true, "bros": true,
	"vs": true, "etc": true, "govt": true, "dept": true, "univ": true, "assn": true,
}

// sentenceStarters are capitalised words that, after a dotted abbreviation
// such as "U.S.", show that a new sentence has begun ("… in the U.S. The
// next day …") rather than that the abbreviation qualifies a name ("the U.S.
// Senate").
var sentenceStarters = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true,
	"those": true, "it": true, "he": true, "she": true, "they": true, "we": true,
	"i": true, "you": true, "but": true, "and": true, "or": true, "so": true,
	"in": true, "on": true, "at": true, "for": true, "if": true, "when": true,
	"while": true, "as": true, "there": true, "his": true, "her": true, "their": true,
	"its": true, "our": true, "my": true, "however": true, "after": true, "before": true,
	"since": true, "then": true, "meanwhile": true, "still": true, "yet": true,
}

// SplitSentences splits a paragraph into sentences. It understands closing
// quotes after the full stop, abbreviations and initials (Mr., U.S., George
// W. Bush), decimals, ellipses and a question or exclamation inside a quote
// that the attribution continues ("Why?" she asked). The spans are in order,
// trimmed of spaces, and together cover every non-space byte of text once.
// It runs in time linear in len(text).
func SplitSentences(text string) []Span {
	var spans []Span
	start := skipSpace(text, 0)
	for i := start; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && c != '.' && c != '!' && c != '?' {
			i++ // most bytes: ASCII, and not a terminator
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		end := i + size
		if !isTerminator(r) {
			i = end
			continue
		}
		// Runs of terminators ("?!", "...") and the closers after them
		// belong to this sentence.
		for end < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[end:])
			if !isTerminator(r2) && !strings.ContainsRune(closingChars, r2) {
				break
			}
			end += s2
		}
		next := skipSpace(text, end)
		if next == end || next >= len(text) || !isBoundary(text, i, r, end, next) {
			i = end
			continue
		}
		spans = append(spans, Span{start, trimRightSpace(text, start, end)})
		start = next
		i = next
	}
	if start < len(text) {
		if e := trimRightSpace(text, start, len(text)); e > start {
			spans = append(spans, Span{start, e})
		}
	}
	return spans
}

// upperAfter reports whether an upper-case letter begins text[i:].
func upperAfter(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[min(i, len(text)):])
	return unicode.IsUpper(r)
}

func isTerminator(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

// isBoundary decides whether the terminator r at text[i] ends a sentence,
// given that the sentence would end at end and the next one begin at next.
func isBoundary(text string, i int, r rune, end, next int) bool {
	nr, _ := utf8.DecodeRuneInString(text[next:])
	if !(unicode.IsUpper(nr) || unicode.IsDigit(nr) || IsDoubleQuote(nr) || nr == '‘' || nr == '(' || nr == '[' || nr == '\'' && upperAfter(text, next+1)) {
		return false
	}
	if r != '.' || (i+1 < len(text) && text[i+1] == '.') {
		return true // ! ? … and "..." end a sentence before a capital
	}
	word := wordBefore(text, i)
	lower := strings.ToLower(word)
	switch {
	case word == "":
		return true
	case titleAbbreviations[lower]:
		return false
	case utf8.RuneCountInString(word) == 1 && unicode.IsUpper(rune(word[0])):
		return false // an initial: George W. Bush
	case strings.Contains(word, "."), abbreviations[lower] && (nr == '(' || unicode.IsDigit(nr) || unicode.IsUpper(nr)):
		// A dotted abbreviation (U.S., a.m.) or a known short form (Sept.,
		// Calif.) ends the sentence only when a typical sentence opener
		// follows.
		return sentenceStarters[strings.ToLower(wordAt(text, next))]
	case unicode.IsDigit(nr) && len(word) <= 4 && unicode.IsLower(rune(word[0])):
		return false // pp. 110, no. 10
	}
	return true
}

// wordBefore returns the run of letters, digits and inner dots that ends at
// text[i] (a full stop), without the stop itself: "U.S" for "the U.S.".
func wordBefore(text string, i int) string {
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.') {
			break
		}
		j -= size
	}
	return strings.TrimLeft(text[j:i], ".")
}

// wordAt returns the letters starting at text[i], after any opening quote.
func wordAt(text string, i int) string {
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += size
	}
	return text[i:j]
}

func skipSpace(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

func trimRightSpace(text string, start, end int) int {
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return end
}
