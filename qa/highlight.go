package qa

import (
	"slices"
	"strings"

	"github.com/articlebot/articlebot/qa/text"
)

// A span candidate is a phrase of a sentence that could be the short
// answer: tokens [start, end).
type spanCandidate struct{ start, end int }

// highlight returns the few words of sentence doc that answer q: the
// speaker for "who said", a person's role for "who is", a place, a time, a
// count; "" when the question wants a passage rather than a fact. Among
// several candidates it takes the one nearest the words the question and
// the sentence share, since that is where the sentence answers.
func (e *Engine) highlight(q *Question, doc int32) string {
	s := &e.sents[doc]
	if q.WhoSaid {
		if s.speaker != nil {
			return s.speaker.Name
		}
		return ""
	}
	txt := e.sentenceText(doc)
	toks := text.Tokenize(txt)
	var cands []spanCandidate
	switch q.Kind {
	case KindDefinition:
		return e.roleIn(q, txt)
	case KindPerson:
		cands = e.personSpans(q, toks)
	case KindPlace:
		cands = placeSpans(toks, txt)
	case KindTime:
		cands = timeSpans(toks, txt)
	case KindNumber:
		cands = e.countSpans(q, toks, txt)
	default:
		return ""
	}
	c, ok := e.nearest(q, toks, txt, cands)
	if !ok {
		return ""
	}
	start := toks[c.start].Start
	if start > 0 && strings.ContainsAny(txt[start-1:start], "$£€¥") {
		start-- // "$110 billion"
	}
	return txt[start:toks[c.end-1].End]
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
	return shortRole(best)
}

// shortRole cuts a long role after its title: "urban planning professor at
// the University of California" → "urban planning professor". A short
// answer is a few words.
func shortRole(role string) string {
	toks := text.Tokenize(role)
	if len(toks) <= 6 {
		return role
	}
	for i, t := range toks {
		if text.TitleHeads.Has(t.Norm) && i < 6 {
			return role[:t.End]
		}
	}
	return role
}

// personSpans are the people a sentence names that the question does not,
// and groups written with a capital and a plural noun: "the seven European
// leaders".
func (e *Engine) personSpans(q *Question, toks []text.Token) []spanCandidate {
	asked := make(map[string]bool)
	for _, p := range q.People {
		for _, w := range p.words {
			asked[w] = true
		}
	}
	var out []spanCandidate
	for i := 0; i < len(toks); i++ {
		if !toks[i].Cap || asked[toks[i].Norm] || toks[i].IsStop() {
			continue
		}
		j := i
		for j < len(toks) && toks[j].Cap && !asked[toks[j].Norm] && !toks[j].IsStop() {
			j++
		}
		start, end := i, j
		// A capitalised run before a plural noun of people is a group.
		if j < len(toks) && (text.GroupNouns.Has(toks[j].Norm) || strings.HasSuffix(toks[j].Norm, "s") && text.TitleHeads.Has(strings.TrimSuffix(toks[j].Norm, "s"))) {
			end = j + 1
			for start > 0 && (toks[start-1].Number || isNumberWord(toks[start-1].Norm)) {
				start--
			}
			if start > 0 && toks[start-1].Norm == "the" {
				start--
			}
			out = append(out, spanCandidate{start, end})
		} else if e.isPersonName(toks[i:j]) {
			out = append(out, spanCandidate{start, end})
		}
		i = j
	}
	return out
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

// placeSpans are the capitalised names after a preposition of place: "at
// the White House", "in Alaska".
func placeSpans(toks []text.Token, txt string) []spanCandidate {
	var out []spanCandidate
	// A place the gazetteer knows, wherever it stands: "Copenhagen climate
	// talks".
	lx := text.DefaultLexicon()
	for i := range toks {
		if _, n := lx.PlaceAt(toks, i); n > 0 && !toks[i+n-1].Possessive {
			out = append(out, spanCandidate{i, i + n})
		}
	}
	// A dateline: "COPENHAGEN, Oct. 14 (Reuters) —".
	if len(toks) > 1 && toks[0].AllCaps && toks[0].Start == 0 && strings.HasPrefix(txt[toks[0].End:], ",") {
		out = append(out, spanCandidate{0, 1})
	}
	for i := 0; i+1 < len(toks); i++ {
		if !text.PlacePrepositions.Has(toks[i].Norm) {
			continue
		}
		start := i + 1
		if toks[start].Norm == "the" && start+1 < len(toks) {
			start++
		}
		// One word may describe the place: "in nearby Walthamstow".
		if !toks[start].Cap && !toks[start].IsStop() && start+1 < len(toks) && toks[start+1].Cap && start == i+1 {
			start++
		}
		end := start
		for end < len(toks) && toks[end].Cap && !toks[end].Possessive && !text.CalendarWords.Has(toks[end].Norm) && (end == start || joinedBySpace(txt, toks[end-1], toks[end])) {
			end++
		}
		if end > start {
			if toks[i+1].Norm == "the" {
				start = i + 1
			}
			out = append(out, spanCandidate{start, end})
		}
	}
	return out
}

// timeSpans are dates and times: "last Friday", "on Monday", "March 9,
// 2007", "10/1/2008", "2012".
func timeSpans(toks []text.Token, txt string) []spanCandidate {
	var out []spanCandidate
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !(text.CalendarWords.Has(t.Norm) || t.IsYear() || t.Number && strings.ContainsAny(t.Norm, "/:") || text.TimeWords.Has(t.Norm) && !strings.HasSuffix(t.Norm, "ly")) {
			continue
		}
		start, end := i, i+1
		if start > 0 && timeModifiers.Has(toks[start-1].Norm) {
			start--
		}
		// A month runs on into its day and year: "March 9, 2007".
		for end < len(toks) && (toks[end].Number && len(toks[end].Norm) <= 4 || text.CalendarWords.Has(toks[end].Norm)) && gapOK(txt, toks[end-1], toks[end]) {
			end++
		}
		out = append(out, spanCandidate{start, end})
		i = end - 1
	}
	return out
}

var timeModifiers = text.NewWordSet(`last next this early late mid`)

// countSpans are counts with what they count: "six deals", "$250,000",
// "fifteen senior Kenyan officials", "three-day"; for "how many X", only
// counts of X.
func (e *Engine) countSpans(q *Question, toks []text.Token, txt string) []spanCandidate {
	var out []spanCandidate
	for i, t := range toks {
		if !(t.Number && !t.IsYear() || isNumberWord(t.Norm)) {
			continue
		}
		if i > 0 && toks[i-1].Number && scaleWords.Has(t.Norm) {
			continue // "million" in "192 million" belongs to the count before it
		}
		// A sum of money is the number and its scale: "$2.4 billion".
		money := t.Start > 0 && strings.ContainsAny(txt[t.Start-1:t.Start], "$£€¥")
		if money || strings.HasSuffix(t.Norm, "m") && t.Number || strings.HasSuffix(t.Norm, "bn") {
			end := i + 1
			if end < len(toks) && scaleWords.Has(toks[end].Norm) {
				end++
			}
			if q.measure != "many" {
				out = append(out, spanCandidate{i, end})
			}
			continue
		}
		// "How long": a number and its unit of time, "five-year", "45 years".
		if q.measure == "long" {
			for k := i + 1; k < len(toks) && k <= i+2; k++ {
				if text.TimeUnits.Has(toks[k].Norm) {
					out = append(out, spanCandidate{i, k + 1})
					break
				}
			}
			continue
		}
		// The counted noun: up to the last word of the question's focus
		// within four words, else the next two words that are not a name.
		end, focusEnd, named := i+1, 0, false
		for k := i + 1; k < len(toks) && k <= i+4 && !toks[k].IsStop() && !toks[k].Number; k++ {
			if slices.Contains(q.focus, e.lookupTerm(toks[k].Norm)) {
				focusEnd = k + 1
			}
			named = named || toks[k].Cap
			if k <= i+2 && !named {
				end = k + 1
			}
		}
		if focusEnd > 0 {
			end = focusEnd
		} else if q.measure == "many" && len(q.focus) > 0 {
			continue // a count of something else
		}
		out = append(out, spanCandidate{i, end})
	}
	return out
}

func isRoleWord(t text.Token) bool {
	return text.TitleHeads.Has(t.Norm) || text.RoleModifiers.Has(t.Norm)
}

var scaleWords = text.NewWordSet(`hundred thousand million billion trillion`)

// nearest picks the candidate closest to the sentence's words that the
// question also has; on a tie, the first.
func (e *Engine) nearest(q *Question, toks []text.Token, txt string, cands []spanCandidate) (spanCandidate, bool) {
	if len(cands) == 0 {
		return spanCandidate{}, false
	}
	want := make(map[string]bool)
	for _, t := range q.terms {
		if t.weight >= 1 {
			want[t.term] = true
		}
	}
	// The people asked about are who the sentence is about, not where in
	// it the answer is: "Who came with Zelenskyy to Washington?"
	asked := make(map[string]bool)
	for _, p := range q.People {
		for _, w := range p.words {
			asked[w] = true
		}
	}
	var anchors []int
	for i, t := range toks {
		if !t.IsStop() && !asked[t.Norm] && want[e.lookupTerm(t.Norm)] {
			anchors = append(anchors, i)
		}
	}
	best, bestDist := cands[0], len(toks)+1
	for _, c := range cands {
		// A candidate made of the question's own words is not an answer.
		own := true
		for k := c.start; k < c.end; k++ {
			if !toks[k].IsStop() && !want[e.lookupTerm(toks[k].Norm)] {
				own = false
			}
		}
		if own {
			continue
		}
		d := len(toks)
		for _, a := range anchors {
			switch {
			case a < c.start:
				// A sentence says what a phrase is after it more often
				// than before ("$192 million for the rum industry"): words
				// before count one further.
				d = min(d, c.start-a+1+clauseBreaks(txt, toks[a], toks[c.start]))
			case a == c.end && isRoleWord(toks[a]) && strings.TrimSpace(txt[toks[c.end-1].End:toks[a].Start]) == ",":
				d = 0 // an apposition: "Raila Odinga, prime minister"
			case a >= c.end:
				d = min(d, a-c.end+1+clauseBreaks(txt, toks[c.end-1], toks[a]))
			}
		}
		if d < bestDist {
			best, bestDist = c, d
		}
	}
	if bestDist == len(toks)+1 {
		return spanCandidate{}, false
	}
	return best, true
}

func joinedBySpace(txt string, a, b text.Token) bool { return txt[a.End:b.Start] == " " }

// gapOK allows the comma of a date: "March 9, 2007".
func gapOK(txt string, a, b text.Token) bool {
	g := txt[a.End:b.Start]
	return g == " " || g == ", " || g == ". " && text.CalendarWords.Has(a.Norm) // "Sept. 1"
}

// clauseBreaks counts, as distance, the commas and semicolons between two
// tokens: "$192 million for the rum industry, $148 million for wool" ties
// each sum to what follows it in its own clause.
func clauseBreaks(txt string, a, b text.Token) int {
	return 5*strings.Count(txt[a.End:b.Start], ",") + 5*strings.Count(txt[a.End:b.Start], ";")
}
