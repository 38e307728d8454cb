package qa

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/articlebot/articlebot/qa/text"
)

// People type names as they hear them: Zelensky, Zelenskiy, Zacharova. A
// word of a question that no article uses but that is a typo or two away
// from a name the articles do use is read as that name.

// correctNames replaces, in a question's tokens, each word the articles do
// not use with the name it is a typo of, when exactly one name is nearest.
// A word in lower case that is an English word is taken as written: the
// "rally" of "a protest rally" is no typo of a Sally.
func (e *Engine) correctNames(toks []text.Token) {
	e.capitaliseNames(toks)
	for i := range toks {
		t := &toks[i]
		if t.Number || t.IsStop() || e.lx.QuestionWords.Has(t.Norm) || e.indexed(t.Norm) ||
			!t.Cap && inWordNet(e.lx.Stem(t.Norm)) {
			continue
		}
		allowed := text.TyposAllowed(utf8.RuneCountInString(t.Norm))
		if allowed == 0 {
			continue
		}
		best, bestDist, ties := "", allowed+1, 0
		for _, name := range e.names {
			if abs(len(name)-len(t.Norm)) > allowed {
				continue
			}
			switch d := text.EditDistance(name, t.Norm); {
			case d < bestDist:
				best, bestDist, ties = name, d, 1
			case d == bestDist:
				ties++
			}
		}
		if best != "" && ties == 1 {
			t.Norm, t.Kinds = best, e.lx.Kinds(best)
			t.Cap = true
		}
	}
}

// MatchSpeakers returns the speakers whose name matches what someone has
// typed so far, for autocomplete: names that start with it first, then
// names with a word that starts with it, then names a typo or two from it;
// the most quoted first within each; at most n. With an article, only
// those it quotes or reports.
func (e *Engine) MatchSpeakers(typed string, n int, in *Article) []*Speaker {
	typed = strings.ToLower(strings.TrimSpace(typed))
	var speaks map[*Speaker]*Speaker
	if in != nil {
		speaks = e.countIn(in)
	}
	// How a name matches, best first.
	const (
		startsWith = iota // "zel" of "Zelenskyy"
		wordStarts        // "vol" of "Volodymyr Zelenskyy", "md" of the MDC
		nearWords         // "zelensky"
	)
	type match struct {
		s    *Speaker
		rank int
	}
	var matches []match
	for _, s := range e.Speakers() {
		if in != nil && speaks[s] == nil {
			continue
		}
		name := strings.ToLower(s.Name)
		switch {
		case typed == "" || strings.HasPrefix(name, typed):
			matches = append(matches, match{s, startsWith})
		case wordPrefix(name, typed) || slices.ContainsFunc(s.aliases, func(a string) bool { return strings.HasPrefix(a, typed) }):
			matches = append(matches, match{s, wordStarts})
		case nearWord(name, typed):
			matches = append(matches, match{s, nearWords})
		}
	}
	sort.SliceStable(matches, func(i, j int) bool { return matches[i].rank < matches[j].rank })
	out := make([]*Speaker, 0, min(n, len(matches)))
	for _, m := range matches[:min(n, len(matches))] {
		out = append(out, m.s)
	}
	return out
}

func wordPrefix(name, typed string) bool {
	for _, w := range strings.Fields(name) {
		if strings.HasPrefix(w, typed) {
			return true
		}
	}
	return false
}

// nearWord reports whether typed is a typo or two from a word of name, or
// from the start of one: "zelensky" finds "zelenskyy", "zakh" nothing new.
func nearWord(name, typed string) bool {
	allowed := text.TyposAllowed(utf8.RuneCountInString(typed))
	if allowed == 0 {
		return false
	}
	for _, w := range strings.Fields(name) {
		if text.EditDistance(w, typed) <= allowed {
			return true
		}
		if r := []rune(w); len(r) > utf8.RuneCountInString(typed) && text.EditDistance(string(r[:utf8.RuneCountInString(typed)]), typed) <= allowed {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// capitaliseNames capitalises the names of people and the places of a
// question typed in lower case that the articles write only with a
// capital, so that it is read as the capitalised question is: "who is
// ann lee" asks who she is, and "the russian spokesperson" is the Russian
// one. A word the articles also write in lower case ("china" the plates)
// stays as typed.
func (e *Engine) capitaliseNames(toks []text.Token) {
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Cap || !e.indexed(t.Norm) || e.writtenLower(t.Norm) {
			continue
		}
		t.Cap = true
		if len(e.byWord[t.Norm]) > 0 {
			continue // a word of someone's name
		}
		_, n := e.lx.PlaceAt(toks, i)
		if n == 0 {
			t.Cap = false
			continue
		}
		for k := i + 1; k < i+n; k++ {
			toks[k].Cap = true
		}
		i += n - 1
	}
}
