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
// quotes is read for ‘single’ quotation marks, the British style. Empty
// quotes are skipped. The spans are in order and do not overlap.
func FindQuotes(text string) []Span {
	if hasDoubleQuote(text) {
		return pairMarks(text, IsDoubleQuote, IsDoubleQuote)
	}
	if strings.ContainsRune(text, '‘') {
		return pairMarks(text, func(r rune) bool { return r == '‘' }, func(r rune) bool { return r == '’' })
	}
	return nil
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
	if r, size := utf8.DecodeRuneInString(text[s:e]); IsDoubleQuote(r) || r == '‘' {
		s += size
	}
	if r, size := utf8.DecodeLastRuneInString(text[s:e]); s < e && (IsDoubleQuote(r) || r == '’') {
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
