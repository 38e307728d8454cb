package qa

import (
	"slices"
	"strings"
	"unicode"

	"github.com/articlebot/articlebot/qa/text"
)

// A readToken is one word of a sentence as reading a candidate needs it:
// its index term and what kind of word it is, recorded when the sentence
// is indexed, so that answering a question reads no text again.
type readToken struct {
	term  int32 // the index's term (a worker's number until the article is added); -1 for a stop word
	flags tokenFlags
}

// tokenFlags say what kind of word a readToken is.
type tokenFlags uint16

const (
	tokStop         tokenFlags = 1 << iota // carries no topic (Token.IsStop)
	tokCap                                 // capitalised
	tokCount                               // a number that is not a year, or a count written out
	tokTime                                // a year, a date or time word, a date written in figures
	tokPlace                               // begins a place of the gazetteer, or a name after "in", "at" …
	tokCurrency                            // a currency, or an amount written with its sign: "$250,000"
	tokTimeUnit                            // "days", "years"
	tokLengthUnit                          // "km", "miles"
	tokQuantityUnit                        // a weight or another unit: "kg", "tonnes", "percent"
	tokFrequency                           // "weekly", "twice"
	tokSuffixed                            // a number with a unit joined to it: "5kg", "3m"
	tokAge                                 // "aged", "age"
	tokApposedAge                          // a number set off after a name, an age: the 52 of "Ann Lee, 52, who …"
	tokScore                               // begins a score or a vote's tally (tallyLen): the 2 of "2-1", the 34 of "34 votes to 29"
	tokLead                                // says someone leads, runs or owns something: "chief", "led" (LeadTitles)
	tokShare                               // a number with a percent sign: "64%"
)

// has reports whether t has any of the flags.
func (t readToken) has(f tokenFlags) bool { return t.flags&f != 0 }

// readTokens records the readTokens of a sentence's tokens, whose offsets
// are into txt, appending them to out; terms[i] is token i's term, -1 for
// a stop word. Places are marked later, by markPlace.
func readTokens(out []readToken, toks []text.Token, terms []int32, txt string) []readToken {
	for i, t := range toks {
		var f tokenFlags
		if t.IsStop() {
			f |= tokStop
		}
		if t.Cap {
			f |= tokCap
		}
		year := t.IsYear()
		if t.Number && !year || t.Is(text.KindNumber) {
			f |= tokCount
		}
		if year || t.Is(text.KindTime) && !t.IsStop() || t.Number && strings.ContainsAny(t.Norm, "/:") {
			f |= tokTime
		}
		if t.Cap && i > 0 && toks[i-1].Is(text.KindPlacePrep) {
			f |= tokPlace
		}
		if t.Is(text.KindCurrency) {
			f |= tokCurrency
		}
		if t.Number {
			if currencyBefore(txt, t.Start) || currencyWordBefore(txt, toks, i) {
				f |= tokCurrency
			}
			if strings.IndexFunc(t.Norm, unicode.IsLetter) > 0 {
				f |= tokSuffixed
			}
			if strings.HasPrefix(txt[t.End:], "%") {
				f |= tokShare
			}
		}
		for _, u := range unitFlags {
			if t.Is(u.kind) {
				f |= u.flag
			}
		}
		if t.Norm == "aged" || t.Norm == "age" {
			f |= tokAge
		}
		if t.Is(text.KindLead) && (!t.Cap || i == 0 || t.Is(text.KindTitleHead)) {
			f |= tokLead // "chief executive Ann Lee", "Mayor Tom Hale", "led by"
		}
		if apposedAge(toks, i, txt) {
			f |= tokApposedAge
		}
		if tallyLen(toks, txt, i) > 0 {
			f |= tokScore
		}
		out = append(out, readToken{terms[i], f})
	}
	return out
}

// tallyLen returns how many tokens from i write a score or a vote's
// tally, "2-1", "34 votes to 29", "74 yeas and 25 nays", "seven to four",
// or 0 for none. Two numbers "to" joins with nothing of a vote about them
// are a range, no tally: "from 5 to 7", "aged 5 to 11", "£5 to £7", "5 to
// 10 jobs", "5 to 7 percent"; they are a tally after "by" ("backed it by
// seven to four") or in a sentence about a vote ("voted 7 to 2").
func tallyLen(toks []text.Token, txt string, i int) int {
	number := func(k int) bool {
		return k < len(toks) && (toks[k].Number && !toks[k].IsYear() || toks[k].Is(text.KindNumber)) && !currencyBefore(txt, toks[k].Start)
	}
	if !number(i) {
		return 0
	}
	if number(i+1) && isScoreDash(txt[toks[i].End:toks[i+1].Start]) {
		return 2
	}
	for k := max(0, i-rangeReach); k < i; k++ {
		if rangeOpeners[toks[k].Norm] {
			return 0
		}
	}
	k := i + 1
	named := false // the tally says what it counts: "votes", "in favour", "nays"
	if k < len(toks) && tallyNouns[toks[k].Norm] {
		k, named = k+1, true // "34 votes to 29"
	}
	if k+1 < len(toks) && toks[k].Norm == "in" && (toks[k+1].Norm == "favour" || toks[k+1].Norm == "favor") {
		k, named = k+2, true // "12 in favour and 3 against"
	}
	if k+1 >= len(toks) || toks[k].Norm != "to" && toks[k].Norm != "and" || !number(k+1) {
		return 0
	}
	end := k + 2
	if end < len(toks) && againstWords[toks[end].Norm] {
		end, named = end+1, true // "74 yeas and 25 nays"
	} else if toks[k].Norm == "and" {
		return 0 // a list: "5 and 6"
	}
	if strings.HasPrefix(txt[toks[end-1].End:], "%") {
		return 0 // "5 to 7%"
	}
	if end < len(toks) {
		next := toks[end]
		unit := next.Is(text.KindQuantityUnit) || next.Is(text.KindTimeUnit) || next.Is(text.KindLengthUnit) || next.Is(text.KindCurrency)
		noun := !next.IsStop() && !next.Cap && !next.Number && !next.Is(text.KindTime) && !tallyFollowers[next.Norm] &&
			txt[toks[end-1].End:next.Start] == " "
		if unit || noun {
			return 0 // a range of things: "5 to 10 jobs", "5 to 7 percent"
		}
	}
	if !named && !(i > 0 && toks[i-1].Norm == "by") && !slices.ContainsFunc(toks, func(t text.Token) bool { return voteWords[t.Norm] }) {
		return 0 // "berths 4 to 9", "reach 25 to 30"
	}
	return end - i
}

// rangeOpeners open a range rather than a tally, up to rangeReach words
// before its first number: "from 5 to 7", "from about 5 to 7", "aged 5 to
// 11", "rise to 5 to 7".
var rangeOpeners = map[string]bool{"from": true, "between": true, "aged": true, "ages": true, "to": true}

const rangeReach = 2

// tallyNouns are what a vote's tally counts: "34 votes to 29".
var tallyNouns = map[string]bool{"votes": true, "ayes": true, "yeas": true, "for": true}

// againstWords close a vote's tally: "74 yeas and 25 nays", "12 in favour
// and 3 against".
var againstWords = map[string]bool{"nays": true, "noes": true, "against": true, "votes": true}

// tallyFollowers may follow a tally as the thing it decided: "a 7 to 2
// vote", "a seven to four majority".
var tallyFollowers = map[string]bool{"vote": true, "votes": true, "majority": true, "decision": true, "verdict": true, "ruling": true,
	"win": true, "victory": true, "defeat": true}

// isScoreDash reports whether the gap between two numbers joins them as a
// score or a vote: a hyphen, or the en dash typesetters use ("1–0").
func isScoreDash(gap string) bool { return gap == "-" || gap == "–" }

// apposedAge reports whether token i is a number set off by commas right
// after a name, as news gives ages: "Ann Lee, 52, who chairs …",
// "Roe, 24, said".
func apposedAge(toks []text.Token, i int, txt string) bool {
	t := toks[i]
	if !t.Number || len(t.Norm) > maxAgeDigits || strings.IndexFunc(t.Norm, unicode.IsDigit) < 0 || i == 0 || !toks[i-1].Cap {
		return false
	}
	if strings.TrimSpace(txt[toks[i-1].End:t.Start]) != "," {
		return false
	}
	if i+1 < len(toks) {
		return strings.HasPrefix(strings.TrimSpace(txt[t.End:toks[i+1].Start]), ",")
	}
	// The sentence's last word: its full stop ends it, whatever of the
	// paragraph follows.
	rest := strings.TrimSpace(txt[t.End:])
	return strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, ".")
}

// maxAgeDigits is the most digits an age has.
const maxAgeDigits = 3

// unitFlags are the flags of the word kinds of units.
var unitFlags = []struct {
	kind text.WordKind
	flag tokenFlags
}{
	{text.KindTimeUnit, tokTimeUnit},
	{text.KindLengthUnit, tokLengthUnit},
	{text.KindQuantityUnit, tokQuantityUnit},
	{text.KindFrequency, tokFrequency},
}

// flagsOf returns the readToken flags of word kinds of units and of
// currencies.
func flagsOf(kinds text.WordKind) tokenFlags {
	var f tokenFlags
	for _, u := range unitFlags {
		if kinds&u.kind != 0 {
			f |= u.flag
		}
	}
	if kinds&text.KindCurrency != 0 {
		f |= tokCurrency
	}
	return f
}

// markPlace marks the token that begins a place.
func markPlace(toks []readToken, i int) { toks[i].flags |= tokPlace }
