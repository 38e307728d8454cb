package qa

import (
	"strconv"
	"strings"

	"github.com/articlebot/articlebot/qa/span"
	"github.com/articlebot/articlebot/qa/text"
)

// highlight returns the few words of sentence doc that answer q: the
// speaker for "who said", a person's role for "who is", else the phrase
// the span model picks (see spans.go); "" when the question wants a
// passage rather than a fact.
func (e *Engine) highlight(q *Question, doc int32) string {
	s := &e.sents[doc]
	switch {
	case q.WhoSaid:
		if s.speaker != nil {
			return s.speaker.Name
		}
		return ""
	case q.Kind == KindDefinition:
		return e.roleIn(q, e.sentenceText(doc))
	}
	return e.bestPhrase(q, doc)
}

// roleIn returns the role, as the sentence writes it, of the person a
// definition question asks about.
func (e *Engine) roleIn(q *Question, txt string) string {
	// The longest role the sentence writes: "U.S. envoy Dr." says less
	// than "professor of urban planning".
	lower := strings.ToLower(txt)
	best := ""
	for _, p := range q.People {
		for _, r := range p.roles {
			if i := strings.Index(lower, strings.ToLower(r)); i >= 0 && len(r) > len(best) {
				best = txt[i : i+len(r)]
			}
		}
	}
	return shortRole(e.lx, best)
}

// shortRole cuts a long role after its title: "urban planning professor at
// the University of California" → "urban planning professor". A short
// answer is a few words: at most maxShortAnswer, the longest a
// highlight may be.
func shortRole(lx *text.Lexicon, role string) string {
	toks := lx.Tokenize(role)
	if len(toks) <= maxShortAnswer {
		return role
	}
	for i, t := range toks {
		if lx.TitleHeads.Has(t.Norm) && i < maxShortAnswer {
			return role[:t.End]
		}
	}
	return role
}

// isPersonName reports whether toks name a person the engine knows.
func (e *Engine) isPersonName(toks []text.Token) bool {
	last := toks[len(toks)-1].Norm
	for _, s := range e.byWord[last] {
		if s.words[len(s.words)-1] == last {
			return true
		}
	}
	return false
}

// timeModifierWords is how many modifiers a time takes before it: "early
// next week".
const timeModifierWords = 2

// timeSpans are dates and times: "last Friday", "on Monday", "March 9,
// 2007", "10/1/2008", "2012".
func timeSpans(lx *text.Lexicon, toks []text.Token, txt string) []phrase {
	var out []phrase
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		clock := clockTime(toks, i)
		if !(lx.CalendarWords.Has(t.Norm) || weekday(lx, t.Norm) || t.IsYear() || t.Number && strings.ContainsAny(t.Norm, "/:") || clock > 0 ||
			lx.TimeWords.Has(t.Norm) && !strings.HasSuffix(t.Norm, "ly")) {
			continue
		}
		start, end := i, i+max(1, clock)
		if lx.CalendarWords.Has(t.Norm) && !weekday(lx, t.Norm) {
			start -= dayBefore(toks, txt, i) // "13 January", "the 13th of January"
		}
		for n := 0; n < timeModifierWords && start > 0 && lx.TimeModifiers.Has(toks[start-1].Norm); n++ {
			start-- // "next week", "early next week"
		}
		end = dateRunOn(lx, txt, toks, end)
		out = append(out, phrase{start: start, end: end, typ: span.TypeTime})
		// The year of a date alone, for "in what year": "2007" of "March
		// 9, 2007"; and the weekday and the date apart: "Tuesday, March 9".
		if last := end - 1; last > start && toks[last].IsYear() {
			out = append(out, phrase{start: last, end: end, typ: span.TypeTime})
		}
		if end > i+1 && weekday(lx, t.Norm) {
			out = append(out, phrase{start: start, end: i + 1, typ: span.TypeTime}, phrase{start: i + 1, end: end, typ: span.TypeTime}) // "last Tuesday", "March 9"
		}
		i = end - 1
	}
	return out
}

// dateRunOn returns the end of a date whose month or weekday ends before
// token end: a month runs on into its day and year ("March 9, 2007",
// "Sept. 1"), a weekday into its date ("Tuesday, March 9").
func dateRunOn(lx *text.Lexicon, txt string, toks []text.Token, end int) int {
	for end < len(toks) && (toks[end].Number && len(toks[end].Norm) <= maxDateDigits || lx.CalendarWords.Has(toks[end].Norm)) &&
		gapOK(lx, txt, toks[end-1], toks[end]) {
		end++
	}
	return end
}

// maxDateDigits is the most digits of a day or a year in a date.
const maxDateDigits = 4

// dayBefore returns how many tokens before the month at token i write
// its day, as British and most other English write a date: 1 for "13
// January", 3 for "the 13th of January", 0 for none.
func dayBefore(toks []text.Token, txt string, i int) int {
	switch {
	case i >= 1 && dayOfMonth(toks[i-1]) && txt[toks[i-1].End:toks[i].Start] == " ":
		return 1
	case i >= 3 && toks[i-1].Norm == "of" && isOrdinal(toks[i-2]) && dayOfMonth(toks[i-2]) && toks[i-3].Norm == "the":
		return 3
	}
	return 0
}

// dayOfMonth reports whether a token is a day of a month, in figures or
// as an ordinal: "13", "13th".
func dayOfMonth(t text.Token) bool {
	digits := t.Norm
	if isOrdinal(t) {
		digits = digits[:len(digits)-len("th")]
	}
	n, err := strconv.Atoi(digits)
	return t.Number && err == nil && n >= 1 && n <= daysInMonth
}

// daysInMonth is the last day a month has.
const daysInMonth = 31

// clockTime returns how many tokens from i write a time of day with its
// "am" or "pm", "11.15pm", "4:40 a.m.", "2 pm", or 0 for none: an hour of
// a twelve-hour clock, "pm" in lower case (not "PM Imran Khan") and no
// year ("in 2019 PM …").
func clockTime(toks []text.Token, i int) int {
	t := toks[i]
	if !t.Number || t.IsYear() {
		return 0
	}
	n := 1
	hour := t.Norm
	switch {
	case strings.HasSuffix(hour, "am") || strings.HasSuffix(hour, "pm"):
		hour = hour[:len(hour)-2]
	case i+1 < len(toks) && (toks[i+1].Norm == "am" || toks[i+1].Norm == "pm") && !toks[i+1].Cap && !toks[i+1].AllCaps:
		n = 2
	default:
		return 0
	}
	if k := strings.IndexAny(hour, ":."); k >= 0 {
		hour = hour[:k] // "4:40", "11.15"
	}
	if h, err := strconv.Atoi(hour); err != nil || h < 1 || h > hoursOnClock {
		return 0
	}
	return n
}

// hoursOnClock is the last hour "am" or "pm" may follow.
const hoursOnClock = 12

// weekday reports whether a word names a day of the week, or its plural:
// "Friday", "on Sundays".
func weekday(lx *text.Lexicon, norm string) bool {
	return strings.HasSuffix(norm, "day") && lx.CalendarWords.Has(norm) ||
		strings.HasSuffix(norm, "days") && lx.CalendarWords.Has(norm[:len(norm)-1])
}

func isRoleWord(lx *text.Lexicon, t text.Token) bool {
	return lx.TitleHeads.Has(t.Norm) || lx.RoleModifiers.Has(t.Norm)
}

// gapOK allows the comma of a date: "March 9, 2007".
func gapOK(lx *text.Lexicon, txt string, a, b text.Token) bool {
	g := txt[a.End:b.Start]
	return g == " " || g == ", " || g == ". " && lx.CalendarWords.Has(a.Norm) // "Sept. 1"
}
