package qa

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlebot/articlebot/qa/span"
	"github.com/articlebot/articlebot/qa/text"
)

// The words that answer: candidate phrases of the answering sentence,
// described for the span model (qa/span), which picks one.

// A phrase is a candidate short answer: tokens [start, end) of a sentence,
// and what kind of phrase it is.
type phrase struct {
	start, end int
	typ        span.Type
	joined     bool // two phrases of its type joined by "and" or "or"
	tally      bool // two numbers "to" or "and" joins as a vote's tally, "34 votes to 29": proposed only when a tally is asked, as a range reads the same ("berths 4 to 9")
}

// A SpanCandidate is a phrase the engine considered as the words that
// answer, as the span model saw it: for the command that fits the model
// (qa/internal/rankgen).
type SpanCandidate struct {
	Text     string
	Features span.Vector
}

// askOf returns what kind of short answer a question wants, and whether it
// wants one at all: "why", "did …" and "what did X say" want a passage.
func askOf(q *Question) (span.Ask, bool) {
	switch q.Kind {
	case KindPerson:
		return span.AskPerson, true
	case KindPlace:
		return span.AskPlace, true
	case KindTime:
		return span.AskTime, true
	case KindNumber:
		if q.measure == "many" {
			return span.AskCount, true // a share or a sum answers "how much", never "how many"
		}
		return span.AskNumber, true
	case KindQuote:
		// "How did the MDC describe …", "What term …": a few quoted words.
		return span.AskQuote, q.wantsTerm || q.describes
	case KindPassage:
		if q.typeNoun != "" {
			return span.AskWhich, true
		}
		return span.AskWhat, true
	}
	return 0, false
}

// eachSpan hands visit the phrases of sentence doc that may answer q,
// each with its features, and returns the sentence's text and tokens.
// The features are visit's to read until it returns: one vector serves
// every phrase, as a sentence has dozens and a vector is large.
func (e *Engine) eachSpan(q *Question, ask span.Ask, doc int32, visit func(p phrase, v *span.Vector)) (string, []text.Token) {
	txt := e.sentenceText(doc)
	toks := e.lx.Tokenize(txt)
	quotes := text.FindQuotes(txt)
	sv := e.spanView(q, toks)
	var v span.Vector
	for _, p := range e.phrases(txt, toks, quotes) {
		if p.tally && !sv.tally {
			continue // only a vote asked for answers with one: "berths 4 to 9" is not a count
		}
		v = span.Vector{}
		e.describePhrase(&v, sv, ask, p, txt, toks, quotes)
		if v[span.Own] == 1 {
			continue // the question's own words do not answer it
		}
		visit(p, &v)
	}
	return txt, toks
}

// SpanCandidates returns the phrases of the sentence ref points at that
// may answer q, with the features the span model reads; none when q wants
// a passage.
func (e *Engine) SpanCandidates(q *Question, ref Ref) []SpanCandidate {
	ask, ok := askOf(q)
	if !ok || q.WhoSaid || ref.Sentence < 0 || ref.Sentence >= len(e.sents) {
		return nil
	}
	var phrases []phrase
	var vectors []span.Vector
	txt, toks := e.eachSpan(q, ask, int32(ref.Sentence), func(p phrase, v *span.Vector) {
		phrases, vectors = append(phrases, p), append(vectors, *v)
	})
	out := make([]SpanCandidate, len(phrases))
	for i, p := range phrases {
		out[i] = SpanCandidate{phraseText(txt, toks, p), vectors[i]}
	}
	return out
}

// bestPhrase returns the words of sentence doc that answer q best by the
// span model, or "" when q wants a passage or the sentence has no phrase.
func (e *Engine) bestPhrase(q *Question, doc int32) string {
	ask, ok := askOf(q)
	if !ok {
		return ""
	}
	var best phrase
	var seen []phrase
	bestScore := math.Inf(-1)
	txt, toks := e.eachSpan(q, ask, doc, func(p phrase, v *span.Vector) {
		if s := e.spanModel.Score(v); s > bestScore {
			best, bestScore = p, s
		}
		seen = append(seen, p)
	})
	if len(seen) == 0 {
		return ""
	}
	f := &factReader{e: e, q: q, ask: ask, txt: txt, toks: toks, seen: seen}
	return phraseText(txt, toks, f.whole(best))
}

// phraseText returns a phrase as the sentence writes it, with the currency
// sign before a sum and the percent sign after a share.
func phraseText(txt string, toks []text.Token, p phrase) string {
	start, end := toks[p.start].Start, toks[p.end-1].End
	if r, size := utf8.DecodeLastRuneInString(txt[:start]); strings.ContainsRune(text.CurrencySigns, r) {
		start -= size // "$110 billion", "£3m"
		if n := countryLetters(txt[:start]); n > 0 {
			start -= n // the country of a dollar: "A$1.2 million", "HK$40"
		}
	}
	if end < len(txt) && txt[end] == '%' {
		end++
	}
	return txt[start:end]
}

// A spanView is what describing phrases needs of a question: the sentence's
// tokens that share a word with it (its anchors), and which token terms
// are its own.
type spanView struct {
	anchors   []int
	own       []bool        // by token: a content word the question has
	typeNoun  []bool        // by token: the noun of "which X"
	counted   []bool        // by token: what "how many" counts ("libraries" of "How many libraries …")
	grain     string        // "year", "month" or "day" when the question asks for one ("in what year"), else ""
	units     text.WordKind // the units a measure asked for is counted in: time for "how long", length for "how far"
	tally     bool          // the question asks for a score or a vote's tally: "What was the result of the vote?"
	age       bool          // the question asks how old someone is
	plural    bool          // the question asks for things in the plural: "Which firms …"
	bodyAsked bool          // the question asks for a body: "Which company …"
	clause    questionClause
}

// grainOf says what a time phrase names: a "year" alone, a "month" (and
// perhaps its year), a "day" (a weekday, or a month and a day of it), or
// "" for anything else ("last week", "10/1/2008").
func grainOf(lx *text.Lexicon, toks []text.Token) string {
	var year, month, day, dayNumber bool
	for _, t := range toks {
		switch {
		case t.IsYear():
			year = true
		case weekday(lx, t.Norm):
			day = true
		case lx.CalendarWords.Has(t.Norm):
			month = true
		case t.Number && len(t.Norm) <= 2:
			dayNumber = true
		}
	}
	switch {
	case day || month && dayNumber:
		return "day"
	case month:
		return "month"
	case year && len(toks) == 1:
		return "year"
	}
	return ""
}

func (e *Engine) spanView(q *Question, toks []text.Token) *spanView {
	// The people asked about are who the sentence is about, not where in
	// it the answer is: "Who came with Zelenskyy to Washington?"
	asked := make(map[string]bool)
	for _, p := range q.People {
		for _, w := range p.words {
			asked[w] = true
		}
	}
	sv := &spanView{own: make([]bool, len(toks)), typeNoun: make([]bool, len(toks)), counted: make([]bool, len(toks)), plural: q.plural, bodyAsked: q.bodyAsked, clause: q.clause}
	switch q.typeNoun {
	case "year", "month", "day":
		sv.grain = q.typeNoun
	case "date":
		sv.grain = "day"
	}
	sv.units, sv.tally, sv.age = measureUnits[q.measure], q.measure == "score", q.measure == "old"
	for i, t := range toks {
		if t.IsStop() {
			continue
		}
		term := e.lookupTerm(t.Norm)
		sv.typeNoun[i] = q.typeNoun != "" && term == q.typeNoun
		sv.counted[i] = slices.Contains(q.focus, term)
		// "High Court" answers "Which court …": the noun asked for is
		// not one of the question's own words, which do not answer it.
		own, anchor := q.termRole(term)
		sv.own[i] = own && !sv.typeNoun[i]
		if anchor && !asked[t.Norm] {
			sv.anchors = append(sv.anchors, i)
		}
	}
	return sv
}

// support returns the share of the question's words in the sentence that
// stand within supportReach words of a phrase, in its clause (no comma or
// semicolon between, but the comma of an apposition): "$192 million in tax
// rebates for the Virgin Islands rum industry" for "How much did the
// Virgin Islands rum industry get?".
func (sv *spanView) support(txt string, toks []text.Token, p phrase) float64 {
	if len(sv.anchors) == 0 {
		return 0
	}
	all, near := make(map[string]bool), make(map[string]bool)
	for _, a := range sv.anchors {
		all[toks[a].Norm] = true
		var between string
		switch {
		case a < p.start && p.start-a <= supportReach:
			between = txt[toks[a].End:toks[p.start].Start]
		case a >= p.end && a-p.end < supportReach:
			between = txt[toks[p.end-1].End:toks[a].Start]
		default:
			continue
		}
		if !strings.ContainsAny(between, ",;") || strings.TrimSpace(between) == "," {
			near[toks[a].Norm] = true
		}
	}
	return float64(len(near)) / float64(len(all))
}

// Reaches of a phrase's features, in words.
const (
	supportReach  = 10 // the question's words that stand by it
	kindNounReach = 3  // the noun of "which X" beside the phrase
	phraseWords   = 4  // the longest lower-case phrase proposed
	countWords    = 3  // the words after a number that say what it counts
	partReach     = 6  // the words after a part's "of" that say what it is part of: "the county's 23 public libraries"
)

// partOfCounted reports whether a count is a part of a whole of what the
// question counts: "nine of the county's 23 libraries" for "How many
// libraries …", not "five of the council's staff" for "How many libraries
// will the council close?". The whole is the words after its "of", within
// partReach and unbroken.
func partOfCounted(sv *spanView, txt string, toks []text.Token, p phrase) bool {
	if p.typ != span.TypeCount || p.end+1 >= len(toks) || toks[p.end].Norm != "of" {
		return false
	}
	for k := p.end + 1; k < len(toks) && k <= p.end+partReach; k++ {
		if strings.ContainsAny(txt[toks[k-1].End:toks[k].Start], ",;:.()") {
			return false
		}
		if sv.counted[k] {
			return true
		}
	}
	return false
}

// describePhrase works out a phrase's features.
func (e *Engine) describePhrase(v *span.Vector, sv *spanView, ask span.Ask, p phrase, txt string, toks []text.Token, quotes []Span) {
	v[span.Match(ask, p.typ)] = 1
	content, own, caps := 0, 0, 0
	for k := p.start; k < p.end; k++ {
		if toks[k].Cap {
			caps++
		}
		if toks[k].IsStop() {
			continue
		}
		content++
		if sv.own[k] {
			own++
		}
	}
	if content > 0 {
		v[span.Own] = float64(own) / float64(content)
	}
	v[span.Capitals] = float64(caps) / float64(p.end-p.start)
	if p.typ == span.TypeCount || p.typ == span.TypeMoney || p.typ == span.TypeShare {
		v[span.Counted] = boolFeature(partOfCounted(sv, txt, toks, p))
		for k := p.start + 1; k < len(toks) && k < p.end+countWords; k++ {
			if sv.own[k] {
				v[span.Counted] = 1 // "11 goals", "11 league goals"
			}
			if k < p.end && (toks[k].Is(text.KindTimeUnit) || toks[k].Is(text.KindLengthUnit) || toks[k].Is(text.KindQuantityUnit)) {
				v[span.Unit] = 1 // "five-year", "45 km"
			}
			if k < p.end && sv.units != 0 && toks[k].Is(sv.units) && (!sv.age || k+1 < len(toks) && toks[k+1].Norm == "old") {
				v[span.UnitAsked] = 1 // "twenty minutes" for "how long"; "19-year-old" for "how old", not "a seven-week trial"
			}
		}
		switch {
		case sv.tally && tallyLen(toks, txt, p.start) > 0:
			v[span.UnitAsked] = 1 // "34 votes to 29" for "What was the result of the vote?"
		case sv.age && p.end == p.start+1 && apposedAge(toks, p.start, txt):
			v[span.UnitAsked] = 1 // "Ann Lee, 43, of Formby" for "How old is Ann Lee?"
		case p.typ == span.TypeMoney && sv.units&text.KindCurrency != 0:
			v[span.UnitAsked] = 1 // "£1.12bn" for "how much"
		}
	}
	v[span.Words] = math.Log1p(float64(p.end - p.start))
	if p.typ == span.TypeTime && sv.grain != "" {
		v[span.GrainAsked] = boolFeature(grainOf(e.lx, toks[p.start:p.end]) == sv.grain)
	}
	if ask == span.AskWhat {
		v[span.WordsWhat] = v[span.Words]
	}
	if p.joined {
		v[span.Joined] = 1
		v[span.JoinedPlural] = boolFeature(sv.plural)
	}
	v[span.First] = boolFeature(p.start == 0)
	// "Kim Il-sung": a name's tail after a hyphen is the name's.
	tail := p.end-1 > p.start && text.IsHyphen(txt[toks[p.end-2].End:toks[p.end-1].Start])
	v[span.KindHead] = boolFeature(sv.typeNoun[p.end-1])
	v[span.BodyAsked] = boolFeature(sv.bodyAsked && (p.typ == span.TypeBody || p.typ == span.TypeName))
	v[span.RaggedEnd] = boolFeature(e.raggedEnd(toks[p.end-1]) && !tail)
	v[span.OfAfter] = boolFeature(p.end < len(toks) && toks[p.end].Norm == "of")
	v[span.PrepositionBefore] = boolFeature(p.start > 0 && e.lx.Prepositions.Has(toks[p.start-1].Norm))
	c := &sv.clause
	v[span.AfterStranded] = boolFeature(c.stranded != "" && objectOf(e.lx, toks, p.start, c.stranded))
	v[span.SubjectAsked] = boolFeature(c.subjectOf != "" && e.subjectOf(toks, p.end, c.subjectOf))
	v[span.NameGiven] = boolFeature(c.asksName && namedAt(e.lx, toks, p.start))
	before := txt[:toks[p.start].Start]
	v[span.InParentheses] = boolFeature(strings.Count(before, "(") > strings.Count(before, ")"))
	for _, qs := range quotes {
		if qs.Start <= toks[p.start].Start && toks[p.end-1].End <= qs.End {
			v[span.InQuote] = 1
		}
	}
	for k := max(0, p.start-kindNounReach); k < len(toks) && k < p.end+kindNounReach; k++ {
		if sv.typeNoun[k] {
			v[span.KindNear] = 1
		}
	}
	// The nearest word shared with the question, outside the phrase.
	nearest, dist := -1, len(toks)
	for _, a := range sv.anchors {
		d := -1
		switch {
		case a < p.start:
			d = p.start - a - 1
		case a >= p.end:
			d = a - p.end
		}
		if d >= 0 && d < dist {
			nearest, dist = a, d
		}
	}
	if nearest < 0 {
		v[span.Alone] = 1
		return
	}
	v[span.Near] = 1 / float64(1+dist)
	v[span.Support] = sv.support(txt, toks, p)
	var between string
	if nearest < p.start {
		v[span.AnchorBefore] = 1
		between = txt[toks[nearest].End:toks[p.start].Start]
	} else {
		between = txt[toks[p.end-1].End:toks[nearest].Start]
	}
	v[span.Breaks] = float64(strings.Count(between, ",") + strings.Count(between, ";"))
	v[span.Apposition] = boolFeature(dist == 0 && strings.TrimSpace(between) == ",")
	v[span.Relative] = boolFeature(relativeHolds(e.lx, sv, p, txt, toks))
}

// A questionClause is what a question's grammar says of where the words
// that answer stand in the answering sentence, for the span features.
type questionClause struct {
	stranded  string // a preposition left without its object: "with" of "Who did she meet with in Paris?"
	subjectOf string // the term of the verb whose subject is asked for: "take" of "Who took the corner?"
	asksName  bool   // what something is called is asked: "What is the fold known as?"
	named     string // the term of the noun whose name is asked: "fire" of "What is the fire called?"
}

// readClause reads a question's clause (questionClause) from its tokens.
func (e *Engine) readClause(q *Question, toks []text.Token) {
	prep := func(i int) bool { return i < len(toks) && e.lx.Prepositions.Has(toks[i].Norm) }
	for i := range toks {
		if !prep(i) || i+1 < len(toks) && !prep(i+1) {
			continue
		}
		// "Who did she meet with?", "Who did she meet with in Paris?";
		// at the end, the last of a run: "from" of "Who did he take over
		// from?".
		j := i
		for prep(j + 1) {
			j++
		}
		if j+1 == len(toks) {
			i = j
		}
		q.clause.stranded = toks[i].Norm
		break
	}
	w := slices.IndexFunc(toks, func(t text.Token) bool { return e.lx.QuestionWords.Has(t.Norm) })
	if w < 0 || toks[w].Norm != "who" && toks[w].Norm != "what" && toks[w].Norm != "which" {
		return
	}
	// "What is the fold called?", "What was the ship known as?"
	last := len(toks) - 1
	q.clause.asksName = toks[w].Norm != "who" && (e.lx.NamingWords.Has(toks[last].Norm) ||
		toks[last].Norm == "as" && last > 0 && e.lx.NamingWords.Has(toks[last-1].Norm))
	if q.clause.asksName {
		n := last - 1 // "fire" of "What is the fire called?"
		if toks[last].Norm == "as" {
			n-- // "ship" of "What was the ship known as?"
		}
		if n > w && e.nounLike(toks[n]) {
			q.clause.named = e.lookupTerm(toks[n].Norm)
		}
	}
	j := w + 1
	if toks[w].Norm != "who" && q.typeNoun != "" {
		// "Which French player took …", "Which player is …": past the
		// noun of "which X"; but in "What caused the flood?" the word
		// after "what" is the verb, with no verb after it.
		for k := j; k < len(toks) && k <= w+typeNounReach; k++ {
			if e.lookupTerm(toks[k].Norm) == q.typeNoun {
				if k+1 < len(toks) && (!toks[k+1].IsStop() || e.lx.Auxiliaries.Has(toks[k+1].Norm)) {
					j = k + 1
				}
				break
			}
		}
	}
	if j >= len(toks) || toks[j].IsStop() || e.lx.QuestionAuxiliaries.Has(toks[j].Norm) || e.lx.Auxiliaries.Has(toks[j].Norm) {
		return
	}
	q.clause.subjectOf = e.lookupTerm(toks[j].Norm)
}

// subjectOf reports whether the verb verb follows token end closely: the
// phrase that ends there is its subject ("Ann Lee took the corner", "Ann
// Lee has since taken …").
func (e *Engine) subjectOf(toks []text.Token, end int, verb string) bool {
	for k := end; k < len(toks) && k <= end+subjectReach; k++ {
		if !toks[k].IsStop() && e.lookupTerm(toks[k].Norm) == verb {
			return true
		}
	}
	return false
}

// typeNounReach is how far after "which" its noun may stand: "which
// French club".
const typeNounReach = 3

// subjectReach is how many words may stand between a subject and its
// verb: an auxiliary and an adverb ("has since taken").
const subjectReach = 2

// objectOf reports whether the phrase that starts at token i is the object
// of the preposition prep: it begins with it, or follows it, perhaps past
// a determiner ("with the mayor", "to Ann Lee").
func objectOf(lx *text.Lexicon, toks []text.Token, i int, prep string) bool {
	if toks[i].Norm == prep {
		return true
	}
	if i > 0 && lx.Determiners.Has(toks[i-1].Norm) {
		i--
	}
	return i > 0 && toks[i-1].Norm == prep
}

// namedAt reports whether the phrase that starts at token i follows a
// word that names it, perhaps past "as" and a determiner: "called
// Miura-ori", "known as the Iron Lady".
func namedAt(lx *text.Lexicon, toks []text.Token, i int) bool {
	if i > 0 && lx.Determiners.Has(toks[i-1].Norm) {
		i--
	}
	if i == 0 {
		return false
	}
	if toks[i-1].Norm != "as" {
		return lx.NamingWords.Has(toks[i-1].Norm)
	}
	// "known as", and with where or how it is so known between: "known
	// in origami as", "known locally as"; not "called off as".
	as := i - 1
	for k := as - 1; k >= 0 && k >= as-1-namingReach; k-- {
		if lx.NamingWords.Has(toks[k].Norm) {
			between := toks[k+1 : as]
			return len(between) == 0 || strings.HasSuffix(between[0].Norm, "ly") || namingPlaces[between[0].Norm]
		}
	}
	return false
}

// namingReach is how many words may stand between a naming word and the
// "as" before the name, and namingPlaces the prepositions they may open
// with: "known in origami as", "known to locals as".
const namingReach = 3

var namingPlaces = map[string]bool{"in": true, "to": true, "among": true, "across": true}

// relativeHolds reports whether a relative clause set off after the phrase,
// past an apposition, holds a word of the question: the phrase is who or
// what the clause is about ("Ann Lee, 68, whose flight was cancelled").
func relativeHolds(lx *text.Lexicon, sv *spanView, p phrase, txt string, toks []text.Token) bool {
	for r := p.end; r < len(toks) && r <= p.end+relativeReach; r++ {
		if !lx.Relatives.Has(toks[r].Norm) {
			continue
		}
		if !strings.Contains(txt[toks[r-1].End:toks[r].Start], ",") {
			return false // "the man who", a restrictive clause, is read as a phrase of its own
		}
		for _, a := range sv.anchors {
			if a > r && a <= r+relativeClause {
				return true
			}
		}
		return false
	}
	return false
}

// relativeReach is how far past the phrase a relative clause may open (an
// age or a short apposition between), and relativeClause how many words of
// it may hold the shared word.
const (
	relativeReach  = 6
	relativeClause = 12
)

// phrases proposes the candidate phrases of a sentence: names (people,
// bodies, places, others), dates and times, numbers with what they count,
// sums and shares, quoted words, and phrases in lower case.
func (e *Engine) phrases(txt string, toks []text.Token, quotes []Span) []phrase {
	times := timeSpans(e.lx, toks, txt)
	out := append([]phrase(nil), times...)
	out = append(out, e.numberPhrases(txt, toks)...)
	for _, p := range e.namePhrases(txt, toks) {
		// "Tuesday", "March" are capitalised but times, and proposed as
		// such already, as is the month of a date: "Oct" of "Oct. 14".
		if !slices.ContainsFunc(times, func(t phrase) bool { return t.start <= p.start && p.end <= t.end }) {
			out = append(out, p)
		}
	}
	for _, qs := range quotes {
		in := text.QuoteInner(txt, qs)
		from, to := -1, -1
		for k, t := range toks {
			if t.Start >= in.Start && t.End <= in.End {
				if from < 0 {
					from = k
				}
				to = k + 1
			}
		}
		if from >= 0 && to-from <= maxShortAnswer {
			out = append(out, phrase{start: from, end: to, typ: span.TypeQuoted})
		}
	}
	// Phrases in lower case: runs of content words, the last few of a long
	// one: "water security", "a death sentence".
	for i := 0; i < len(toks); {
		if !lowerWord(e.lx, toks[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && lowerWord(e.lx, toks[j]) && joined(txt, toks[j-1], toks[j]) {
			j++ // "water security", "swimming-plates"
		}
		out = append(out, phrase{start: max(i, j-phraseWords), end: j, typ: span.TypePhrase})
		i = j
	}
	out = append(out, joinedPhrases(toks, out)...)
	if from, to := datelineAgency(txt, toks); from < to {
		// "COPENHAGEN, Oct. 14 (Reuters) -": the agency that filed the
		// report answers nothing the report says.
		out = slices.DeleteFunc(out, func(p phrase) bool { return p.start >= from && p.end <= to })
	}
	return out
}

// datelineAgency returns the tokens [from, to) of the agency in a
// dateline's parentheses, "Reuters" of "COPENHAGEN, Oct. 14 (Reuters) -",
// or from == to when the sentence opens with none: a word in capitals,
// then the parentheses within datelineReach words, then a dash.
func datelineAgency(txt string, toks []text.Token) (from, to int) {
	if len(toks) == 0 || !toks[0].AllCaps {
		return 0, 0
	}
	for k := 1; k < len(toks) && k < datelineReach; k++ {
		if !strings.HasSuffix(strings.TrimSpace(txt[toks[k-1].End:toks[k].Start]), "(") {
			continue
		}
		for j := k; j < len(toks) && j < k+agencyWords; j++ {
			after := txt[toks[j].End:]
			if strings.HasPrefix(after, ")") {
				rest := strings.TrimSpace(after[1:])
				if strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "–") {
					return k, j + 1
				}
				return 0, 0
			}
		}
		return 0, 0
	}
	return 0, 0
}

// How far into a sentence a dateline's parentheses may open, and how many
// words they may hold: "SAN JOSE, Costa Rica, Oct. 14 (Inter Press
// Service) -".
const (
	datelineReach = 8
	agencyWords   = 4
)

// joinedPhrases are the pairs of phrases of a kind that "and" or "or"
// joins, as one answer: "Acme and the Northwind Group" for "Which firms
// …", "12 and 14", "fraud and theft". Names of any type join.
func joinedPhrases(toks []text.Token, ps []phrase) []phrase {
	var out []phrase
	for _, a := range ps {
		if a.end >= len(toks) || toks[a.end].Norm != "and" && toks[a.end].Norm != "or" {
			continue
		}
		from := a.end + 1
		if from < len(toks) && toks[from].Norm == "the" {
			from++
		}
		for _, b := range ps {
			if b.start != from && b.start != a.end+1 || b.end-a.start > maxShortAnswer || !sameKind(a.typ, b.typ) {
				continue
			}
			j := phrase{start: a.start, end: b.end, typ: a.typ, joined: true}
			if !slices.ContainsFunc(ps, func(p phrase) bool { return p.start == j.start && p.end == j.end }) &&
				!slices.Contains(out, j) {
				out = append(out, j)
			}
		}
	}
	return out
}

// sameKind reports whether phrases of types a and b may join: of one type,
// or both names.
func sameKind(a, b span.Type) bool {
	name := func(t span.Type) bool {
		return t == span.TypePerson || t == span.TypeBody || t == span.TypePlace || t == span.TypeName
	}
	return a == b || name(a) && name(b)
}

// currencyWordBefore reports whether a currency's abbreviation stands
// right before number token i, as a sign would: "Rs 1.8 crore", "Rs. 500",
// "R500,000" (text.GluedCurrency); not a word that ends another phrase ("a
// dollar 40 years ago", "500 pounds 20 times").
func currencyWordBefore(txt string, toks []text.Token, i int) bool {
	if i == 0 || !toks[i].Number {
		return false
	}
	prev := toks[i-1]
	switch gap := txt[prev.End:toks[i].Start]; gap {
	case "", ".":
		return text.GluedCurrency(txt[prev.Start:prev.End]) // parted by the tokenizer
	case " ", ". ":
		return prev.Is(text.KindCurrency) && prev.Cap && len(prev.Norm) <= maxCurrencyAbbreviation
	}
	return false
}

// maxCurrencyAbbreviation is the longest abbreviation of a currency
// written before its sum: "Rs".
const maxCurrencyAbbreviation = 3

// currencyBefore reports whether a currency's sign stands right before
// byte i of txt: "$250,000", "£3m".
func currencyBefore(txt string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(txt[:i])
	return strings.ContainsRune(text.CurrencySigns, r)
}

// quantityModifiers qualify a number: "more than 500".
// The longer come first: "just over 500", not "over 500".
var quantityModifiers = [][]string{{"as", "many", "as"}, {"as", "much", "as"}, {"as", "few", "as"}, {"in", "excess", "of"},
	{"an", "average", "of"}, {"just", "over"}, {"just", "under"}, {"well", "over"}, {"more", "than"}, {"less", "than"},
	{"fewer", "than"}, {"at", "least"}, {"at", "most"}, {"up", "to"}, {"close", "to"}, {"upwards", "of"}, {"an", "estimated"},
	{"about"}, {"around"}, {"nearly"}, {"almost"}, {"roughly"}, {"some"}, {"over"}, {"under"}, {"within"}, {"just"}, {"only"}, {"every"}}

// countQualifiers may stand between a number and what it counts: "41
// other flocks", "20 more nurses".
var countQualifiers = map[string]bool{"other": true, "more": true, "further": true, "extra": true}

// modifierBefore returns how many words the first of modifiers that
// stands right before token i has, or 0 for none: 2 for "more than" of
// "more than 500".
func modifierBefore(toks []text.Token, i int, modifiers [][]string) int {
	for _, m := range modifiers {
		if n := len(m); i >= n && wordsBefore(toks, i, m) {
			return n
		}
	}
	return 0
}

// wordsBefore reports whether the words before token i are words.
func wordsBefore(toks []text.Token, i int, words []string) bool {
	for k, w := range words {
		if toks[i-len(words)+k].Norm != w {
			return false
		}
	}
	return true
}

// possessiveJoin reports whether a plural possessive's apostrophe and a
// space are all that stand between two tokens of a name: "Workers' Union".
func possessiveJoin(txt string, a, b text.Token) bool {
	g := txt[a.End:b.Start]
	return strings.HasSuffix(a.Norm, "s") && (g == "' " || g == "’ ")
}

// joined reports whether two tokens are written together in a name or a
// compound: a space or a hyphen between them ("al-Qaida", "ten-day"), or
// an ampersand between names ("Halloran & Pike").
func joined(txt string, a, b text.Token) bool {
	g := txt[a.End:b.Start]
	return g == " " || text.IsHyphen(g) || g == " & " && a.Cap && b.Cap
}

// maxShortAnswer is the most words a short answer has, as the scorers
// count them.
const maxShortAnswer = 6

func lowerWord(lx *text.Lexicon, t text.Token) bool {
	return !t.Cap && !t.Number && !t.IsStop() && !t.Is(text.KindNumber) && !lx.NameParticles.Has(t.Norm)
}

// numberPhrases are sums ("$2.4 billion"), shares ("34 per cent") and
// counts with what they count ("six deals", "fifteen senior officials"),
// and the bare number too.
func (e *Engine) numberPhrases(txt string, toks []text.Token) []phrase {
	var out []phrase
	for i, t := range toks {
		if !(t.Number && !t.IsYear() || isNumberWord(e.lx, t.Norm)) || clockTime(toks, i) > 0 {
			continue // a time of day is a time: "11.15pm"
		}
		if i > 0 && (toks[i-1].Number || isNumberWord(e.lx, toks[i-1].Norm)) && e.lx.ScaleWords.Has(t.Norm) {
			continue // "million" in "192 million" belongs to the number before it
		}
		end := i + 1
		if end < len(toks) && e.lx.ScaleWords.Has(toks[end].Norm) {
			end++ // "192 million"
		}
		for end < len(toks) && toks[end].Number && txt[toks[end-1].End:toks[end].Start] == "-" {
			end++ // a score or a vote: "7-2"
		}
		switch {
		case currencyWordBefore(txt, toks, i):
			out = append(out, phrase{start: i - 1, end: end, typ: span.TypeMoney}) // "Rs 1.8 crore"
			continue
		case currencyBefore(txt, t.Start) || end < len(toks) && toks[end].Is(text.KindCurrency):
			if end < len(toks) && toks[end].Is(text.KindCurrency) {
				end++ // "85 million pounds"
			}
			out = append(out, phrase{start: i, end: end, typ: span.TypeMoney})
			continue
		case strings.HasPrefix(txt[toks[end-1].End:], "%"):
			out = append(out, phrase{start: i, end: end, typ: span.TypeShare})
			continue
		case end+1 < len(toks) && toks[end].Norm == "per" && toks[end+1].Norm == "cent" || end < len(toks) && toks[end].Norm == "percent":
			last := end + 1
			if toks[end].Norm == "per" {
				last++
			}
			out = append(out, phrase{start: i, end: last, typ: span.TypeShare})
			continue
		}
		// "more than 500", "at least 31": the words that qualify it.
		start := i - modifierBefore(toks, i, quantityModifiers)
		out = append(out, phrase{start: i, end: end, typ: span.TypeCount})
		if n := tallyLen(toks, txt, i); n > end-i {
			out = append(out, phrase{start: i, end: i + n, typ: span.TypeCount, tally: true}) // "34 votes to 29"
		}
		if start < i {
			out = append(out, phrase{start: start, end: end, typ: span.TypeCount})
		}
		if k := e.countedEnd(txt, toks, end); k > end {
			out = append(out, phrase{start: start, end: k, typ: span.TypeCount})
		}
		// A part of a whole: "31 of the 38", "11 of its 29 nursing posts".
		if whole := end + 1 + partDeterminerAfter(toks, end+1); whole < len(toks) && toks[end].Norm == "of" &&
			(toks[whole].Number && !toks[whole].IsYear() || isNumberWord(e.lx, toks[whole].Norm)) {
			out = append(out, phrase{start: start, end: e.countedEnd(txt, toks, whole+1), typ: span.TypeCount})
		}
	}
	return out
}

// countedEnd returns the end of what the number ending before token end
// counts: the words after it up to a stop word, a number or a name, at
// most countWords ("six deals", "a ten-day tour"); end itself for none.
func (e *Engine) countedEnd(txt string, toks []text.Token, end int) int {
	k := end
	for k < len(toks) && k < end+countWords && (!toks[k].IsStop() || countQualifiers[toks[k].Norm] && k+1 < len(toks) && lowerWord(e.lx, toks[k+1])) &&
		!rateWords[toks[k].Norm] && !toks[k].Number && !toks[k].Cap && joined(txt, toks[k-1], toks[k]) &&
		(k == end || !e.verbLike(toks[k]) || strings.HasSuffix(toks[k-1].Norm, "ly")) {
		// Past its first word, no verb: "165 mph", not "165 mph tore";
		// but a participle an adverb qualifies is an adjective: "12 newly
		// qualified nurses".
		k++
	}
	return k
}

// partDeterminerAfter returns 1 when a determiner of a whole stands at
// token i ("31 of the 38", "11 of its 29"), else 0.
func partDeterminerAfter(toks []text.Token, i int) int {
	if i < len(toks) && partDeterminers[toks[i].Norm] {
		return 1
	}
	return 0
}

// namePhrases are the runs of capitalised words, with the small words
// inside names ("Department of Civil Aviation", "al-Qaida in the Islamic
// Maghreb"), each typed: a person the articles name, a body, a place, or
// another name; and a person's name without the title before it.
func (e *Engine) namePhrases(txt string, toks []text.Token) []phrase {
	var out []phrase
	for i := 0; i < len(toks); i++ {
		particle := e.lx.NameParticles.Has(toks[i].Norm) && i+1 < len(toks) && nameWord(e.lx, toks[i+1]) && txt[toks[i].End:toks[i+1].Start] == "-"
		if !nameWord(e.lx, toks[i]) && !particle {
			continue
		}
		j := i + 1
		for j < len(toks) {
			switch {
			case nameWord(e.lx, toks[j]) && (joined(txt, toks[j-1], toks[j]) || possessiveJoin(txt, toks[j-1], toks[j])) && !toks[j-1].Possessive:
				j++ // "Allied Health Workers' Union"
				continue
			case toks[j].Number && txt[toks[j-1].End:toks[j].Start] == "-" && (toks[j-1].Cap || toks[j-1].AllCaps):
				j++ // a code: "VEL-417", "F-16"
				continue
			case !toks[j].Cap && !toks[j].Number && text.IsHyphen(txt[toks[j-1].End:toks[j].Start]) && !toks[j-1].Possessive && e.lx.NameTail(toks[j].Norm):
				j++ // "Kim Jong-un", "Ban Ki-moon"
				continue
			case (e.lx.NameConnectors.Has(toks[j].Norm) || e.lx.NameParticles.Has(toks[j].Norm)) && j+1 < len(toks) && nameWord(e.lx, toks[j+1]) &&
				!e.lx.CalendarWords.Has(toks[j+1].Norm) && joined(txt, toks[j-1], toks[j]) && joined(txt, toks[j], toks[j+1]):
				j += 2 // "Department of Civil Aviation"; not "Geneva on Monday"
				continue
			case e.lx.TheConnectors.Has(toks[j].Norm) && j+2 < len(toks) && toks[j+1].Norm == "the" && nameWord(e.lx, toks[j+2]) &&
				joined(txt, toks[j-1], toks[j]):
				j += 3 // "al-Qaida in the Islamic Maghreb", "Bank of the South"
				continue
			}
			break
		}
		typ := e.nameType(txt, toks, i, j)
		// The names a run joins with "and": "Ehud Olmert and Mahmoud Abbas",
		// the run itself a joined phrase.
		run := len(out)
		out = append(out, phrase{start: i, end: j, typ: typ})
		from := i
		for k := i + 1; k < j; k++ {
			if toks[k].Norm == "and" {
				out[run].joined = true
				out = append(out, phrase{start: from, end: k, typ: e.nameType(txt, toks, from, k)})
				from = k + 1
			}
		}
		if from > i && from < j {
			out = append(out, phrase{start: from, end: j, typ: e.nameType(txt, toks, from, j)})
		}
		// A name and the noun it qualifies: "European leaders", "Ghazl pet
		// market", "the MacIsaac family", "the Unite hospitality union".
		for k := j; k < len(toks) && k < j+nounWords && !toks[j-1].Possessive && e.nounOfName(toks[k]) && joined(txt, toks[k-1], toks[k]); k++ {
			out = append(out, phrase{start: i, end: k + 1, typ: typ})
		}
		// A name's possession: "Kim Il-sung's 100th birthday", "Ofcom's
		// final ruling".
		for k := j; toks[j-1].Possessive && k < len(toks) && k < j+nounWords && (e.nounLike(toks[k]) || k == j && isOrdinal(toks[k])) &&
			joined(txt, toks[k-1], toks[k]); k++ {
			if !isOrdinal(toks[k]) {
				out = append(out, phrase{start: i, end: k + 1, typ: span.TypePhrase})
			}
		}
		// A name and the number that goes with it: "Racing 92", "Flight
		// 370", "Line 3"; not "March 8", "Tola's 2", "Ann Lee 2" nor
		// "Apple 2023".
		if j < len(toks) && toks[j].Number && !toks[j].IsYear() && typ != span.TypePerson && txt[toks[j-1].End:toks[j].Start] == " " && !toks[j-1].Possessive &&
			!e.lx.CalendarWords.Has(toks[j-1].Norm) && strings.IndexFunc(toks[j].Norm, unicode.IsLetter) < 0 {
			out = append(out, phrase{start: i, end: j + 1, typ: typ})
		}
		// "US President Donald Trump": the person without the title.
		for k := i + 1; k < j; k++ {
			if !isRoleWord(e.lx, toks[k-1]) && !e.lx.Honorifics.Has(toks[k-1].Norm) {
				break
			}
			if e.isPersonName(toks[k:j]) {
				out = append(out, phrase{start: k, end: j, typ: span.TypePerson})
				break
			}
		}
		i = j - 1
	}
	return out
}

// isOrdinal reports whether a token is an ordinal in figures: "100th",
// "2nd".
func isOrdinal(t text.Token) bool {
	n := len(t.Norm)
	return t.Number && n > 2 && ordinalSuffixes[t.Norm[n-2:]] && '0' <= t.Norm[n-3] && t.Norm[n-3] <= '9'
}

// ordinalSuffixes end an ordinal written in figures.
var ordinalSuffixes = map[string]bool{"st": true, "nd": true, "rd": true, "th": true}

// nameWord reports whether a token can be part of a name: capitalised,
// and no stop word unless an acronym ("US").
func nameWord(lx *text.Lexicon, t text.Token) bool {
	return (t.Cap || t.AllCaps) && (!t.IsStop() || t.AllCaps) && !lx.QuestionWords.Has(t.Norm)
}

// nounLike reports whether a word in lower case may be a noun: no verb
// in the past ("scored", "told"), no adverb in -ly ("family" is a noun),
// no verb of saying, no role ("Mwai Kibaki president"), no time
// ("yesterday"). There is no tagger; these are the words that follow a
// name most often.
func (e *Engine) nounLike(t text.Token) bool {
	return lowerWord(e.lx, t) && !strings.HasSuffix(t.Norm, "ed") && !e.lx.LyAdverb(t.Norm) &&
		!e.lx.IrregularVerb(t.Norm) && !e.lx.IsSpeech(e.lookupTerm(t.Norm)) && !isRoleWord(e.lx, t) &&
		!t.Is(text.KindTime)
}

// nounOfName reports whether a word may be a noun a name qualifies: a
// noun (nounLike), or a body's noun, though it may stand in a role
// ("union official"): "the Unite hospitality union".
func (e *Engine) nounOfName(t text.Token) bool {
	return e.nounLike(t) || e.lx.OrgNouns.Has(t.Norm) && !t.Cap
}

// raggedEnd reports whether a word in lower case ends no noun phrase: a
// verb (see verbLike), an adverb in -ly. No tagger again: these are the
// words a run of words runs on into past its noun.
func (e *Engine) raggedEnd(t text.Token) bool {
	return e.verbLike(t) || !t.Cap && e.lx.LyAdverb(t.Norm)
}

// verbLike reports whether a word in lower case reads as a verb or a
// preposition: a past form ("fell", "drifted"; not "speed" nor "bed",
// which end in -ed but are nouns), a verb of saying, a preposition.
func (e *Engine) verbLike(t text.Token) bool {
	if t.Cap || t.Number || t.IsStop() {
		return false
	}
	w := t.Norm
	pastForm := strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") && len(w) >= minPastForm
	return e.lx.Prepositions.Has(w) || e.lx.IrregularVerb(w) || e.lx.IrregularAmbiguous.Has(w) || e.lx.IsSpeech(e.lookupTerm(w)) || pastForm
}

// minPastForm is the shortest word read as a past form by its -ed: "used";
// "bed", "red" and "shed" are shorter.
const minPastForm = 4

// nounWords is how many words in lower case after a name may make a phrase
// with it.
const nounWords = 2

// nameType reads what a run of capitalised words names: a dateline
// ("COPENHAGEN, Oct. 14 —") is a place.
func (e *Engine) nameType(txt string, toks []text.Token, i, j int) span.Type {
	if key, n := e.lx.PlaceAt(toks, i); key != "" && n == j-i || i > 0 && toks[i-1].Is(text.KindPlacePrep) && !e.isPersonName(toks[i:j]) ||
		i == 0 && toks[0].AllCaps && strings.HasPrefix(txt[toks[j-1].End:], ",") {
		return span.TypePlace
	}
	if e.isPersonName(toks[i:j]) {
		return span.TypePerson
	}
	for k := i; k < j; k++ {
		if e.lx.OrgWords.Has(toks[k].Norm) || len(e.bodies[toks[k].Norm]) > 0 {
			return span.TypeBody
		}
	}
	return span.TypeName
}
