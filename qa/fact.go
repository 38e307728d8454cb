package qa

import (
	"cmp"
	"strings"

	"github.com/articlebot/articlebot/qa/span"
	"github.com/articlebot/articlebot/qa/text"
)

// The whole fact: the span model weighs where in a sentence the answer
// is; how far the answer reaches is the sentence's grammar. A factReader
// widens the phrase the model picked to the fact as the sentence writes
// it, within maxShortAnswer words: "about £3.1 million a year", not "£3.1
// million"; "11.15pm on Wednesday", not "Wednesday".

// A factReader widens a picked phrase within one sentence.
type factReader struct {
	e    *Engine
	q    *Question
	ask  span.Ask
	txt  string
	toks []text.Token
	seen []phrase // the phrases the span model weighed
}

// fits reports whether tokens [start, end) are short enough to be shown
// as a short answer.
func (f *factReader) fits(start, end int) bool { return end-start <= maxShortAnswer }

// word returns token i's normalised word, or "" past either end.
func (f *factReader) word(i int) string {
	if i < 0 || i >= len(f.toks) {
		return ""
	}
	return f.toks[i].Norm
}

// is reports whether token i exists and is one of words.
func (f *factReader) is(i int, words map[string]bool) bool { return words[f.word(i)] }

// withWordBefore returns p with the word right before it, if that is one
// of words and the phrase still fits: "the" of "the spring of 2028", "by"
// of "by Friday".
func (f *factReader) withWordBefore(p phrase, words map[string]bool) phrase {
	if f.is(p.start-1, words) && f.fits(p.start-1, p.end) {
		p.start--
	}
	return p
}

// qualified returns p with the first of modifiers that stands right
// before it: "about" of "about £240 million".
func (f *factReader) qualified(p phrase, modifiers [][]string) phrase {
	if n := modifierBefore(f.toks, p.start, modifiers); n > 0 && f.fits(p.start-n, p.end) {
		p.start -= n
	}
	return p
}

// whole returns the whole fact the picked phrase is part of.
func (f *factReader) whole(best phrase) phrase {
	if p, ok := f.personAfterTitle(best); ok {
		return p
	}
	if best.typ == span.TypePhrase {
		best = f.numberAround(best)
	}
	switch best.typ {
	case span.TypeCount, span.TypeMoney, span.TypeShare:
		return f.number(best)
	case span.TypeBody, span.TypePlace, span.TypeName:
		return f.name(best)
	case span.TypeTime:
		return f.time(best)
	case span.TypePhrase:
		// "a doctor", "the airport": a noun phrase with its article
		// reads as an answer; its head alone does not.
		return f.withWordBefore(best, articles)
	case span.TypePerson:
		if !f.toks[best.end-1].Cap {
			return f.name(best) // a person's name and a noun is a name: "the MacIsaac family"
		}
		// "Dr. Priya Naidoo": a person as the article titles them; not
		// "Lady Jill Biden" of "First Lady Jill Biden", half a title.
		h := best.start - 1
		if h >= 0 && f.e.lx.Honorifics.Has(f.toks[h].Norm) && f.fits(h, best.end) && (h == 0 || !f.toks[h-1].Cap || !joined(f.txt, f.toks[h-1], f.toks[h])) {
			best.start--
		}
	}
	return best
}

// personAfterTitle returns, for a "who" question, the person a title the
// model picked is set off before: "the Indian Foreign Secretary, Shyam
// Saran".
func (f *factReader) personAfterTitle(best phrase) (phrase, bool) {
	toks := f.toks
	if f.ask != span.AskPerson || best.typ == span.TypePerson || best.end >= len(toks) ||
		!isRoleWord(f.e.lx, toks[best.end-1]) || strings.TrimSpace(f.txt[toks[best.end-1].End:toks[best.end].Start]) != "," {
		return best, false
	}
	for _, p := range f.seen {
		if p.start == best.end && p.typ == span.TypePerson && f.fits(p.start, p.end) {
			return p, true
		}
	}
	return best, false
}

// numberAround returns the number phrase a lower-case phrase starts inside
// ("percent" of "27 percent", "jobs" of "85 jobs"), the longest, or the
// phrase itself.
func (f *factReader) numberAround(inner phrase) phrase {
	best := inner
	for _, p := range f.seen {
		isNumber := p.typ == span.TypeCount || p.typ == span.TypeMoney || p.typ == span.TypeShare
		if isNumber && p.start < inner.start && inner.start < p.end && f.fits(p.start, p.end) &&
			(best == inner || p.end-p.start > best.end-best.start) {
			best = p
		}
	}
	return best
}

// number widens a count, a sum or a share: with what it counts ("85
// jobs"), the whole it is part of ("29 of the 38 flats"), the words that
// qualify it ("about £240 million", "between 3 and 8 km"), the rate it is
// reckoned per ("£3.1 million a year") and, for a score, both its numbers.
func (f *factReader) number(best phrase) phrase {
	if best.typ == span.TypeCount {
		// The longest count that holds it: "up to 38,000 tonnes" for
		// "38,000".
		with := best
		for _, c := range f.seen {
			if c.typ == span.TypeCount && c.start <= best.start && c.end > best.end && f.fits(c.start, c.end) && c.end-c.start > with.end-with.start {
				with = c
			}
		}
		best = with
		// "four of its 12 beds": a part is shown with its whole.
		if k := best.end + 1; f.word(best.end) == "of" {
			k += partDeterminerAfter(f.toks, k)
			for _, c := range f.seen {
				if c.typ == span.TypeCount && c.start == k && c.end > best.end && f.fits(best.start, c.end) {
					best.end = c.end
				}
			}
		}
	}
	if best.joined && f.word(best.start-1) == "between" && f.fits(best.start-1, best.end) {
		best.start-- // "between 3 and 8 kilometres"
	}
	// "about C$2.3 million": the words before the dollar's country.
	sign := f.toks[best.start].Start - len("$")
	if k := best.start - 1; best.typ == span.TypeMoney && k >= 0 && sign >= 0 && f.txt[sign] == '$' && countryLetters(f.txt[:sign]) > 0 &&
		f.toks[k].End == sign {
		if q := f.qualified(phrase{start: k, end: best.end, typ: best.typ}, quantityModifiers); q.start < k {
			best.start = q.start
		}
	} else {
		best = f.qualified(best, quantityModifiers)
	}
	if k := best.end; f.rateAt(k) && f.fits(best.start, k+2) {
		best.end = k + 2
	}
	if end := f.periodAfter(best.end); end > best.end && f.fits(best.start, end) {
		best.end = end // "£240,000 over three years"
	}
	if f.q.measure == "score" {
		best = f.score(best)
	}
	return best
}

// periodAfter returns where the period a sum or a count is reckoned over
// ends, when one starts at token k ("over three years", "over the next 12
// months"), or k.
func (f *factReader) periodAfter(k int) int {
	if f.word(k) != "over" || !joined(f.txt, f.toks[k-1], f.toks[k]) {
		return k // "$240,000, over three years," is set off: no period of it
	}
	from := k + 1
	if f.word(from) == "the" && f.is(from+1, periodSides) {
		from += 2
	}
	end := k
	for _, c := range f.seen {
		// "over" qualifies a count too, so the count may hold it.
		if c.typ == span.TypeCount && (c.start == from || c.start == k && from == k+1) && f.toks[c.end-1].Is(text.KindTimeUnit) {
			end = max(end, c.end)
		}
	}
	return end
}

// periodSides say which way a period reaches: "over the next 12 months".
var periodSides = map[string]bool{"next": true, "past": true, "last": true, "coming": true, "following": true}

// rateAt reports whether tokens k and k+1 give the rate a number before
// them is reckoned per: "a year" of "£3.1 million a year", "per second".
// After "a", the unit must end the noun phrase ("the £2 million a local
// charity raised" has none) and no time may follow it ("300 jobs a year
// after the merger" is no rate).
func (f *factReader) rateAt(k int) bool {
	toks := f.toks
	if k == 0 || k+1 >= len(toks) || !rateWords[toks[k].Norm] || !joined(f.txt, toks[k-1], toks[k]) || !joined(f.txt, toks[k], toks[k+1]) {
		return false
	}
	unit := toks[k+1]
	if !f.e.nounLike(unit) && !unit.Is(text.KindTimeUnit) && !unit.Is(text.KindTime) {
		return false
	}
	if toks[k].Norm == "per" || k+2 == len(toks) {
		return true
	}
	next := toks[k+2]
	return !rateBreakers[next.Norm] && (!joined(f.txt, unit, next) || !lowerWord(f.e.lx, next))
}

// score widens a number to the score or tally it is one side of: "2-1",
// "34 votes to 29", whichever number was picked.
func (f *factReader) score(best phrase) phrase {
	for start := best.start; start >= 0 && start >= best.start-tallyReach; start-- {
		n := tallyLen(f.toks, f.txt, start)
		if n > 0 && start+n >= best.end && f.fits(start, start+n) {
			return phrase{start: start, end: start + n, typ: best.typ}
		}
	}
	return best
}

// name widens a name: with the noun a "which" question asks for ("the
// Ghazl pet market" for "Which market") or whose name it asks ("the
// Juniper Gap fire" for "What is the fire called?"), "near" before a
// place ("near Varginha"), the named place a bare "where" picked a place
// of ("Corporation Street in Birmingham"), and "the" before a name that
// is not a modifier ("the Senate", not "the Dover" of "the Dover office").
func (f *factReader) name(best phrase) phrase {
	toks := f.toks
	if asked := cmp.Or(f.q.typeNoun, f.q.clause.named); asked != "" {
		for k := best.end; k < len(toks) && k < best.end+nounWords && f.e.nounOfName(toks[k]) && joined(f.txt, toks[k-1], toks[k]); k++ {
			if f.e.lookupTerm(toks[k].Norm) == asked && f.fits(best.start, k+1) {
				best.end = k + 1
				break
			}
		}
	}
	if best.typ == span.TypePlace {
		if near := f.withWordBefore(best, approximatePlaces); near.start < best.start {
			return near
		}
		if f.ask == span.AskPlace && f.q.typeNoun == "" && f.word(best.start-1) == "in" {
			// "Where is the flagship shop?": "Corporation Street in
			// Birmingham", the place in the place the model picked; a
			// name a place's preposition opens, not "Reuters" of "an
			// interview to Reuters in London".
			start := best.start
			for _, p := range f.seen {
				if p.end == best.start-1 && p.start > 0 && f.is(p.start-1, namePlacePrepositions) && f.fits(p.start, best.end) {
					start = min(start, p.start) // the longest: "Corporation Street", not "Street"
				}
			}
			best.start = start
		}
	}
	// A name is a modifier when a noun follows it; a word that takes an
	// object after it is a verb ("the River Dunn burst its banks").
	k := best.end
	verb := k+1 < len(toks) && (f.e.lx.Determiners.Has(toks[k+1].Norm) || f.e.lx.PossessiveDeterminers.Has(toks[k+1].Norm))
	modifier := k < len(toks) && f.e.nounLike(toks[k]) && joined(f.txt, toks[k-1], toks[k]) && !verb
	if !modifier && f.word(best.start-1) == "the" && f.fits(best.start-1, best.end) {
		best.start--
	}
	return best
}

// time widens a date or a time: a time of day before its day ("11.15pm on
// Wednesday", "11am on 12 December"), a span of years ("from 2016 to
// 2020"), the words that qualify a time of day ("shortly after 2 p.m."),
// the part of a day or a period ("Friday morning", "early on Tuesday", "the
// morning of Dec 1", "the second quarter of 2027").
func (f *factReader) time(best phrase) phrase {
	toks := f.toks
	if k := best.start; k >= 2 && toks[k-1].Norm == "on" && f.dayEnd(k) > k {
		for c := k - 2; c >= 0 && c >= k-1-clockTokens; c-- {
			if (clockTime(toks, c) == k-1-c || c == k-2 && timesOfDay[toks[c].Norm]) && f.fits(c, best.end) {
				best.start = c
			}
		}
	}
	if k := best.start; toks[k].IsYear() && best.end == k+1 {
		switch {
		case f.word(k-1) == "from" && f.word(k+1) == "to" && k+2 < len(toks) && toks[k+2].IsYear():
			return phrase{start: k - 1, end: k + 3, typ: best.typ}
		case f.word(k-1) == "to" && k >= 2 && toks[k-2].IsYear() && f.word(k-3) == "from":
			return phrase{start: k - 3, end: k + 1, typ: best.typ}
		}
	}
	if clockTime(toks, best.start) > 0 || f.is(best.start, timesOfDay) {
		best = f.qualified(best, clockModifiers)
		if k := best.end; f.word(k) == "on" {
			if end := f.dayEnd(k + 1); end > k+1 && f.fits(best.start, end) {
				best.end = end // "11am on Friday", "11am on 12 December"
			}
		}
	}
	if k := best.end; weekday(f.e.lx, toks[k-1].Norm) && f.is(k, dayParts) && f.fits(best.start, k+1) {
		best.end++
	}
	if k := best.start; f.word(k-1) == "on" && (f.word(k-2) == "early" || f.word(k-2) == "late") && f.fits(k-2, best.end) {
		best.start -= 2
	}
	of := best.start - 1
	if f.word(of) == "the" && !f.wordFollows(best.end) {
		of-- // "the end of the year"; not "the end of the 2027" of "the 2027 season"
	}
	if f.word(of) == "of" && (f.is(of-1, periodParts) || f.is(of-1, dayParts) && f.dayEnd(best.start) > best.start) && f.fits(of-1, best.end) {
		best.start = of - 1
		best = f.withWordBefore(best, periodOrdinals) // "second quarter of 2027"
		best = f.withWordBefore(best, articles)       // "the spring of 2028", a noun phrase with its article
	}
	return f.withWordBefore(best, timeBounds) // "by Friday", "until 2027", "by the end of May"
}

// wordFollows reports whether a word in lower case joined to the word
// before it stands at token k: the phrase that ends there runs on into it
// ("the 2027 season").
func (f *factReader) wordFollows(k int) bool {
	return k > 0 && k < len(f.toks) && lowerWord(f.e.lx, f.toks[k]) && joined(f.txt, f.toks[k-1], f.toks[k])
}

// dayEnd returns the end of the day written from token k, a weekday
// ("Friday") or a date ("12 December", "December 12, 2026", "Dec 1"), or
// k for none.
func (f *factReader) dayEnd(k int) int {
	toks, lx := f.toks, f.e.lx
	switch {
	case k >= len(toks):
		return k
	case weekday(lx, toks[k].Norm):
		return k + 1
	}
	end := k
	if toks[end].Number && end+1 < len(toks) && dayBefore(toks, f.txt, end+1) == 1 {
		end++ // "12 December"
	}
	if end >= len(toks) || !lx.CalendarWords.Has(toks[end].Norm) {
		return k
	}
	return dateRunOn(lx, f.txt, toks, end+1) // "December 12, 2026"
}

// Reaches of a fact: how many tokens a time of day takes ("4:40 a.m."),
// and how far before a picked number its score's first number may stand
// ("29" of "34 votes to 29").
const (
	clockTokens = 2
	tallyReach  = 3
)

// articles open a noun phrase.
var articles = map[string]bool{"a": true, "an": true, "the": true}

// timeBounds make a time a deadline or a limit, which the answer must
// keep: "by Friday" is not "on Friday".
var timeBounds = map[string]bool{"by": true, "until": true, "till": true, "before": true, "since": true}

// clockModifiers qualify a time of day: "about 4.40am".
var clockModifiers = [][]string{{"shortly", "after"}, {"shortly", "before"}, {"just", "after"}, {"just", "before"}, {"soon", "after"}, {"about"}, {"around"}}

// partDeterminers come between a part and its whole: "four of its 12
// beds".
var partDeterminers = map[string]bool{"the": true, "its": true, "their": true, "his": true, "her": true, "our": true}

// timesOfDay are the times of a day written in words, which take their
// day as a time of day does: "midnight on Friday".
var timesOfDay = map[string]bool{"midnight": true, "noon": true, "midday": true, "dawn": true}

// namePlacePrepositions open the name of a place within a place: "on
// Corporation Street in Birmingham", "at the Benmore showground in Dubbo".
var namePlacePrepositions = map[string]bool{"on": true, "at": true, "in": true, "near": true, "outside": true, "inside": true}

// dayParts follow a day to say when in it: "Friday morning".
var dayParts = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true}

// periodParts name a part of a period: "the end of September", "the
// second half of 2027", "the spring of 2028".
var periodParts = map[string]bool{"start": true, "beginning": true, "middle": true, "end": true, "half": true, "quarter": true, "turn": true,
	"spring": true, "summer": true, "autumn": true, "winter": true}

// periodOrdinals say which part: "the second quarter".
var periodOrdinals = map[string]bool{"first": true, "second": true, "third": true, "fourth": true, "final": true, "last": true}

// rateWords join a sum or a count to the unit it is reckoned per: "£3.1
// million a year", "24 points a game", "40 litres per second".
var rateWords = map[string]bool{"a": true, "an": true, "per": true, "each": true, "every": true}

// rateBreakers after "a year" make it a time, not a rate: "a year after
// the merger", "a day before the strike".
var rateBreakers = map[string]bool{"after": true, "before": true, "earlier": true, "later": true, "ago": true}

// approximatePlaces are the prepositions that say a place is only close to
// where something is: "a farm near Varginha".
var approximatePlaces = map[string]bool{"near": true, "outside": true}

// countryLetters returns how many capital letters end s that name the
// country of a dollar after them ("A" of "A$", "HK" of "HK$"), at most
// maxCountryLetters and set off from the word before, or 0.
func countryLetters(s string) int {
	n := 0
	for n < len(s) && n <= maxCountryLetters && s[len(s)-1-n] >= 'A' && s[len(s)-1-n] <= 'Z' {
		n++
	}
	if n == 0 || n > maxCountryLetters || n < len(s) && s[len(s)-1-n] != ' ' && s[len(s)-1-n] != '(' {
		return 0
	}
	return n
}

// maxCountryLetters is the longest prefix of a dollar: "US$", "NZ$".
const maxCountryLetters = 2
