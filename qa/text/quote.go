package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsDoubleQuote reports whether r is a double quotation mark of any shape.
func IsDoubleQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»':
		return true
	}
	return false
}

// FindQuotes returns the direct quotations in a paragraph, each a span from
// its opening mark to just after its closing mark. Marks are paired in
// order whatever their shape, because articles mix them (`"… burden”`); a
// quotation left open runs to the end of the paragraph, as news style does
// for a quote that goes on in the next one. A paragraph with no double
// quotes is read for ‘single’ quotation marks, the British style, curly
// or straight. Empty quotes are skipped. The spans are in order and do
// not overlap.
func FindQuotes(text string) []Span {
	if hasDoubleQuote(text) {
		return pairMarks(text, IsDoubleQuote, IsDoubleQuote)
	}
	if strings.ContainsRune(text, '‘') {
		return pairMarks(text, func(r rune) bool { return r == '‘' }, func(r rune) bool { return r == '’' })
	}
	if strings.IndexByte(text, '\'') >= 0 {
		return pairStraightSingles(text)
	}
	return nil
}

// pairStraightSingles pairs the straight single quotation marks of text
// typed without curly ones ('the toughest year', she said), telling them
// from apostrophes by where they stand: a mark opens after a space and
// before a letter; it closes after a word or a stop, unless a letter
// follows (don't) or it ends a plural before the noun it belongs to ("the
// workers' union", told apart from "'reckless' and" by the word after).
// Elisions look like opening marks ("'til dawn", "rock 'n' roll"): an
// opening mark inside a quotation starts it anew, a quotation of fewer
// than two letters is none, and one left open runs to the end of the
// paragraph only if it opens the paragraph.
func pairStraightSingles(text string) []Span {
	var spans []Span
	open := -1
	for i := 0; i < len(text); i++ {
		if text[i] != '\'' {
			continue
		}
		switch r, _ := utf8.DecodeRuneInString(text[i+1:]); {
		case spaceBefore(text, i) && unicode.IsLetter(r):
			// Another opening mark inside one: the one before was an
			// elision ("'til dawn"), as quotations within use doubles.
			open = i
		case open < 0:
		case !spaceBefore(text, i) && !letterAfter(text, i+1) && !pluralPossessive(text, i):
			if i-open-1 >= minStraightQuote {
				spans = appendQuote(spans, text, open, i+1)
			}
			open = -1
		}
	}
	if open == 0 {
		spans = appendQuote(spans, text, open, len(text))
	}
	return spans
}

// minStraightQuote is the fewest bytes a quotation in straight single
// marks holds between them: "'n'" is an elision, "'OK'" a quotation.
const minStraightQuote = 2

// pluralPossessive reports whether the straight mark at text[i] is the
// apostrophe of a plural's possessive: after an s, and before a space and
// a word in lower case that cannot follow a closing quotation mark, the
// noun it owns.
func pluralPossessive(text string, i int) bool {
	if i == 0 || text[i-1] != 's' || i+1 >= len(text) || text[i+1] != ' ' {
		return false
	}
	next := text[i+2:]
	if k := strings.IndexFunc(next, func(r rune) bool { return !unicode.IsLetter(r) }); k >= 0 {
		next = next[:k]
	}
	r, _ := utf8.DecodeRuneInString(next)
	return next != "" && unicode.IsLower(r) && !followsQuote(next)
}

// followsQuote reports whether a word may follow a closing quotation mark
// in running text: "'reckless' and said", "'a disgrace' to the town".
func followsQuote(word string) bool {
	switch word {
	case "and", "or", "but", "nor", "as", "to", "in", "on", "at", "for", "from", "by", "with", "of", "about",
		"after", "before", "he", "she", "they", "we", "it", "i", "you", "the", "a", "an", "said", "says", "added",
		"told", "is", "was", "were", "are", "that", "which", "who", "when", "while", "because", "if", "than",
		"then", "so", "according":
		return true
	}
	return false
}

// hasDoubleQuote reports whether text has a double quotation mark.
func hasDoubleQuote(text string) bool {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '"':
			return true
		case c >= utf8.RuneSelf:
			if r, _ := utf8.DecodeRuneInString(text[i:]); IsDoubleQuote(r) {
				return true
			}
		}
	}
	return false
}

// pairMarks pairs opening and closing marks left to right. Every quotation
// mark is '"' or outside ASCII, so the scan steps over the other ASCII
// bytes, most of a text, without decoding them: opens and closes must not
// take any other ASCII character.
func pairMarks(text string, opens, closes func(rune) bool) []Span {
	var spans []Span
	open := -1
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && c != '"' {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case open < 0 && opens(r):
			// A right-hand mark glued to the word before it cannot open a
			// quotation: it is a stray close or an apostrophe.
			if (r == '”' || r == '’' || r == '»') && !spaceBefore(text, i) {
				break
			}
			open = i
		case open >= 0 && closes(r):
			// A single right mark between letters is an apostrophe (don’t).
			if r == '’' && letterAfter(text, i+size) && !spaceBefore(text, i) {
				break
			}
			// A left-hand mark after a space and before a word opens a new
			// quotation: the one before was never closed.
			if r == '“' && spaceBefore(text, i) && letterAfter(text, i+size) {
				spans = appendQuote(spans, text, open, trimRightSpace(text, open, i))
				open = i
				break
			}
			spans = appendQuote(spans, text, open, i+size)
			open = -1
		}
		i += size
	}
	if open >= 0 {
		spans = appendQuote(spans, text, open, len(text))
	}
	return spans
}

func appendQuote(spans []Span, text string, start, end int) []Span {
	if strings.IndexFunc(text[start:end], func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return spans
	}
	return append(spans, Span{start, end})
}

func spaceBefore(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsSpace(r) || strings.ContainsRune("([{—–-/", r)
}

func letterAfter(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// QuoteInner returns the words of a quotation without its marks and the
// punctuation that news style puts inside them (`"…, " she said`).
func QuoteInner(text string, q Span) Span {
	s, e := q.Start, q.End
	opening, size := utf8.DecodeRuneInString(text[s:e])
	if IsDoubleQuote(opening) || opening == '‘' || opening == '\'' {
		s += size
	}
	// The closing mark of the opening's kind: a double-quoted quotation
	// left open may end with a word in single quotes ("… 'reckless'").
	if r, size := utf8.DecodeLastRuneInString(text[s:e]); s < e && (IsDoubleQuote(r) && IsDoubleQuote(opening) ||
		r == '’' && opening == '‘' || r == '\'' && opening == '\'') {
		e -= size
	}
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for s < e {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != ',' {
			break
		}
		e -= size
	}
	return Span{s, e}
}
