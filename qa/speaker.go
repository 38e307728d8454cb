package qa

import (
	"strings"
	"unicode/utf8"
)

// An entity is someone or something an article names: a person ("Donald
// Trump"), an organisation, a place or a document. People are found from
// capitalised names; a role before or beside a name ("US President Donald
// Trump", "Hassan Omar, vice chairman of …,") is remembered so that a later
// "the US president" can find him.
type entity struct {
	name    string   // the fullest form in the article: "Donald Trump"
	words   []string // normalised words of name
	person  bool
	gender  byte // 'f', 'm', or 0 when the article does not tell
	roles   []string
	heads   map[string]bool // title nouns of its roles, synonyms folded: "president"
	mods    map[string]bool // other role words: "foreign", "un", "former"
	country map[string]bool // countries its roles name: "united states"

	headCount map[string]int // how often each title noun describes it
	lastSeen  int            // order of its latest mention so far
}

// role is the role to show beside the name: of the roles with a title noun
// in them, the first whose title the article uses most ("the Ukrainian
// president" twice beats "the Ukrainian leader" once); else the first role.
func (e *entity) role() string {
	best, bestCount := "", 0
	for _, r := range e.roles {
		if h := roleHead(r); h != "" && e.headCount[h] > bestCount {
			best, bestCount = r, e.headCount[h]
		}
	}
	if best == "" && len(e.roles) > 0 {
		best = e.roles[0]
	}
	return best
}

// roleHead returns the title noun of a role, "" if it has none. A
// "counterpart" is a relation, not a title.
func roleHead(role string) string {
	for _, w := range tokenize(role) {
		if titleHeads[w.Norm] && w.Norm != "counterpart" {
			return w.Norm
		}
	}
	return ""
}

func (e *entity) addRole(lx *lexicon, toks []token, text string) {
	if len(toks) == 0 {
		return
	}
	if honorificsOnly(toks) {
		return // "Dr." or "Mr." is a form of address, not a role
	}
	role := strings.TrimRight(text[toks[0].Start:toks[len(toks)-1].End], ",")
	if e.headCount == nil {
		e.headCount = map[string]int{}
	}
	if h := roleHead(role); h != "" {
		e.headCount[h]++
	}
	for _, r := range e.roles {
		if strings.EqualFold(r, role) {
			return
		}
	}
	e.roles = append(e.roles, role)
	if e.heads == nil {
		e.heads, e.mods, e.country = map[string]bool{}, map[string]bool{}, map[string]bool{}
	}
	for i := 0; i < len(toks); i++ {
		if key, n := lx.placeAt(toks, i); n > 0 {
			e.country[key] = true
			i += n - 1
			continue
		}
		w := toks[i].Norm
		switch {
		case femaleWords[w]:
			e.gender = 'f'
		case maleWords[w]:
			e.gender = 'm'
		}
		if titleHeads[w] {
			e.heads[foldTitle(w)] = true
		} else if !stopWords[w] {
			e.mods[w] = true
		}
	}
}

func foldTitle(w string) string {
	if s, ok := titleSynonyms[w]; ok {
		return s
	}
	return w
}

// A mention is a place in a paragraph that refers to an entity.
type mention struct {
	start, end int   // token range
	sent       int32 // the sentence it is in, in the paragraph
	ent        *entity
	subject    bool // the first mention of its sentence outside quotes
	quoted     bool
	defines    bool // the article gives the person's role here
}

// paraAnalysis holds what the speaker finder knows about one paragraph.
type paraAnalysis struct {
	p        *Paragraph
	index    int     // in docAnalysis.paras
	toks     []token // released once the article is prepared (see releaseTokens)
	quotes   []Span
	mentions []mention
}

// gap returns the text between tokens i-1 and i.
func (pa *paraAnalysis) gap(i int) string {
	if i <= 0 || i >= len(pa.toks) {
		return ""
	}
	return pa.p.Text[pa.toks[i-1].End:pa.toks[i].Start]
}

// joined reports whether tokens i-1 and i belong to one phrase: one space
// apart, or a title or initial's full stop and a space (Rep. Kennedy, George
// W. Bush).
func (pa *paraAnalysis) joined(i int) bool {
	g := pa.gap(i)
	if g == " " {
		return true
	}
	if g == "-" || g == "‑" {
		// A hyphenated title is one word: Secretary-General, Vice-President;
		// "Trump-Zelenskyy" is two names.
		return titleHeads[pa.toks[i-1].Norm] || titleHeads[pa.toks[i].Norm]
	}
	if g == ". " {
		prev := pa.toks[i-1]
		return titleAbbreviations[prev.Norm] || (utf8.RuneCountInString(prev.Norm) == 1 && prev.Cap)
	}
	return false
}

func (pa *paraAnalysis) text(start, end int) string {
	if start >= end {
		return ""
	}
	t := pa.p.Text[pa.toks[start].Start:pa.toks[end-1].End]
	if pa.toks[end-1].Possessive {
		t = strings.TrimSuffix(strings.TrimSuffix(t, "’s"), "'s")
	}
	return t
}

// docAnalysis finds the entities of one article and the mentions of them.
type docAnalysis struct {
	lx          *lexicon
	paras       []*paraAnalysis
	entities    []*entity
	byName      map[string]*entity   // normalised full name → entity
	bySurname   map[string][]*entity // last word of a person's name → people
	byFirstWord map[string]*entity   // first word of a name of several words → its first bearer
	lastSpeaker *entity              // the person last credited with a quotation
	paraSpeaker map[int]*entity      // paragraph → the person it last quoted
	seen        int                  // mentions so far, to order them
	cache       *wordCache
	serial      int32     // this article's in cache, for the words' stamps
	people      []*entity // the entities that are people
}

// analyse reads an article for its people and their mentions. cache holds
// what is known of words; analyses on the same goroutine share it, one
// after another (see releaseTokens).
func analyse(lx *lexicon, a *Article, cache *wordCache) *docAnalysis {
	cache.serial++
	d := &docAnalysis{
		lx:          lx,
		cache:       cache,
		serial:      cache.serial,
		byName:      map[string]*entity{},
		bySurname:   map[string][]*entity{},
		byFirstWord: map[string]*entity{},
		paraSpeaker: map[int]*entity{},
	}
	for i := range a.Paragraphs {
		pa := newParaAnalysis(&a.Paragraphs[i], cache)
		pa.index = i
		d.paras = append(d.paras, pa)
	}
	for _, pa := range d.paras {
		for i, t := range pa.toks {
			switch {
			case !t.Cap:
				t.w.lowerSeen = d.serial
			case !pa.toks[i].initial:
				t.w.capMid = d.serial
			}
		}
	}
	// Names first, in two passes: the fullest form of a name may come after
	// a short one, and a bare surname needs the full name to resolve.
	for _, pa := range d.paras {
		d.registerNames(pa)
	}
	for _, pa := range d.paras {
		d.findMentions(pa)
	}
	return d
}

// releaseTokens hands the article's tokens back to the cache for the next
// analysis to write over; what is left of this one (mentions, quotations,
// sentences) no longer reads them, and must not. Until then the next
// analysis appends its tokens after these.
func (d *docAnalysis) releaseTokens() {
	for _, pa := range d.paras {
		pa.toks = nil
	}
	d.cache.toks = d.cache.toks[:0]
}

func newParaAnalysis(p *Paragraph, cache *wordCache) *paraAnalysis {
	if need := tokenEstimate(p.Text); cap(cache.toks)-len(cache.toks) < need {
		// A new slab rather than a copy of this one: the paragraphs
		// before keep their tokens in the old.
		cache.toks = make([]token, 0, max(2*cap(cache.toks), need))
	}
	from := len(cache.toks)
	cache.toks = appendTokens(cache.toks, p.Text, cache)
	pa := &paraAnalysis{p: p, toks: cache.toks[from:len(cache.toks):len(cache.toks)], quotes: FindQuotes(p.Text)}
	s, q := 0, 0
	for i, t := range pa.toks {
		for s+1 < len(p.Sentences) && t.Start >= p.Sentences[s].End {
			s++
		}
		pa.toks[i].sent = int32(s)
		for q < len(pa.quotes) && t.Start >= pa.quotes[q].End {
			q++
		}
		inQuote := q < len(pa.quotes) && t.Start >= pa.quotes[q].Start
		pa.toks[i].quoted = inQuote
		switch {
		case i == 0 || pa.toks[i-1].sent != int32(s):
			pa.toks[i].initial = true
		case inQuote && !pa.toks[i-1].quoted:
			pa.toks[i].initial = true
		case strings.ContainsAny(pa.gap(i), ":;—–") || strings.Contains(pa.gap(i), "("):
			// "… said: The" and a bracketed aside begin afresh.
			pa.toks[i].initial = true
		}
	}
	return pa
}

// proper reports whether token i is part of a proper name. A capital at the
// start of a sentence proves nothing, so there the word must also be
// written with a capital elsewhere, or open a run of capitals and never be
// seen in lower case.
func (d *docAnalysis) proper(pa *paraAnalysis, i int) bool {
	t := pa.toks[i]
	if !t.Cap || t.Number {
		return false
	}
	if !pa.toks[i].initial {
		return true
	}
	if isStop(t) || questionWords[t.Norm] {
		return false
	}
	if t.w.capMid == d.serial {
		return true
	}
	if key, _ := d.lx.placeAt(pa.toks, i); key != "" {
		return true
	}
	if t.w.lowerSeen == d.serial || groupNouns[t.Norm] {
		return false
	}
	// "Trump said …" opening a sentence: a word right before a verb of
	// saying is its subject, and a capitalised subject is a name.
	if i+1 < len(pa.toks) && pa.joined(i+1) && !pa.toks[i+1].Cap && d.speechKind(pa.toks[i+1]) == speechVerb {
		return true
	}
	return i+1 < len(pa.toks) && pa.toks[i+1].Cap && pa.joined(i+1)
}

// nameRun returns the end of the run of capitalised words that starts at
// token i: "US President Donald Trump", "House of Representatives".
func (d *docAnalysis) nameRun(pa *paraAnalysis, i int) int {
	j := i + 1
	for j < len(pa.toks) && !pa.toks[j-1].Possessive && pa.joined(j) && pa.toks[j].quoted == pa.toks[i].quoted {
		t := pa.toks[j]
		if t.Cap && !t.Number {
			j++
			continue
		}
		if nameConnectors[t.Norm] && !t.Cap && j+1 < len(pa.toks) && pa.toks[j+1].Cap && pa.joined(j+1) && !calendarWords[pa.toks[j+1].Norm] {
			j += 2
			continue
		}
		break
	}
	return j
}

// splitRun divides a run of capitals into a role and a name: "US President
// Donald Trump" → "US President", "Donald Trump". A run that is all role or
// organisation ("Vice President of Taxpayers for Common Sense", "White
// House") has no name part: n == end.
func (d *docAnalysis) splitRun(pa *paraAnalysis, start, end int) (n int) {
	n = start
	connector := false
	for k := start; k < end; k++ {
		t := pa.toks[k]
		if nameConnectors[t.Norm] && !t.Cap {
			connector = true
		}
		// A place counts as role only before a title ("Russian President"),
		// which the title itself takes care of: "George Washington" is a name.
		if titleHeads[t.Norm] || roleModifiers[t.Norm] || orgWords[t.Norm] || t.AllCaps {
			n = k + 1
		}
	}
	first := pa.toks[start].Norm
	if connector && (titleHeads[first] || roleModifiers[first]) {
		return end
	}
	if n < end && nameConnectors[pa.toks[n].Norm] && !pa.toks[n].Cap {
		return end // "University of California": a body's name, not a person's
	}
	return n
}

// personName reports whether the words of toks can be a person's name: a
// few capitalised words, none of which names an organisation or a place.
func (d *docAnalysis) personName(toks []token) bool {
	if len(toks) == 0 || len(toks) > 4 || len(toks) == 1 && utf8.RuneCountInString(toks[0].Norm) < 2 {
		return false
	}
	for i, t := range toks {
		if !t.Cap && !nameConnectors[t.Norm] {
			return false
		}
		if t.AllCaps || orgWords[t.Norm] || titleHeads[t.Norm] || t.Number {
			return false
		}
		if _, n := d.lx.placeAt(toks, i); i == 0 && n == len(toks) {
			return false // the whole name is a place: "Buenos Aires"
		}
	}
	return true
}

func (d *docAnalysis) registerNames(pa *paraAnalysis) {
	for i := 0; i < len(pa.toks); {
		if !d.proper(pa, i) {
			i++
			continue
		}
		end := d.nameRun(pa, i)
		n := d.splitRun(pa, i, end)
		if end-n >= 2 && d.personName(pa.toks[n:end]) {
			d.person(pa.toks[n:end], pa.text(n, end))
		}
		i = end
	}
}

// nameKey returns the key of a name: its normalised words, spaced. Most
// names looked up are one word, and cost nothing.
func nameKey(toks []token) string {
	if len(toks) == 1 {
		return toks[0].Norm
	}
	return strings.Join(nameWords(toks), " ")
}

// nameWords returns the normalised words of a name.
func nameWords(toks []token) []string {
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Norm
	}
	return words
}

// person returns the entity for a full name, creating it, or merging it with
// a known person whose name it extends (George Bush, George W. Bush).
func (d *docAnalysis) person(toks []token, written string) *entity {
	key := nameKey(toks)
	if e := d.byName[key]; e != nil {
		return e
	}
	words := nameWords(toks)
	sur := words[len(words)-1]
	for _, e := range d.bySurname[sur] {
		if len(e.words) > 1 && len(words) > 1 && e.words[0] != words[0] {
			continue // another person of that surname
		}
		if len(words) > len(e.words) {
			e.name, e.words = written, words
		}
		d.byName[key] = e
		return e
	}
	e := &entity{name: written, words: words, person: true}
	d.entities = append(d.entities, e)
	d.people = append(d.people, e)
	if d.byFirstWord[words[0]] == nil {
		d.byFirstWord[words[0]] = e // "Callum" for Callum Hartley
	}
	d.byName[key] = e
	d.bySurname[sur] = append(d.bySurname[sur], e)
	return e
}

// findMentions walks a paragraph's names and descriptions in order and
// links each to its entity, recording roles and gender along the way.
func (d *docAnalysis) findMentions(pa *paraAnalysis) {
	for i := 0; i < len(pa.toks); {
		t := pa.toks[i]
		if d.proper(pa, i) {
			end := d.nameRun(pa, i)
			n := d.splitRun(pa, i, end)
			if n == end {
				// No person in the run: an organisation, place or document
				// ("Moscow", "the Congressional Website", "H.R.1424").
				n = i
			}
			if e := d.resolveName(pa.toks[n:end], pa.text(n, end)); e != nil {
				d.addMention(pa, n, end, e)
				if e.person && d.learnRole(pa, i, n, end, e) {
					pa.mentions[len(pa.mentions)-1].defines = true
				}
			}
			i = end
			continue
		}
		if !pa.toks[i].quoted && !t.Cap && t.is(kindTitleHead) {
			if start, e := d.resolveDescription(pa, i); e != nil {
				d.addMention(pa, start, i+1, e)
			}
		}
		// The gendered pronouns of subjectPronouns, and their possessives:
		// compared outright, the commonest words of all, not looked up.
		if t.Norm == "he" || t.Norm == "she" || t.Norm == "his" || t.Norm == "her" {
			d.learnGender(pa, i)
		}
		i++
	}
}

// resolveName finds the entity a name refers to: a full name, or a bare
// surname of a person named in full somewhere in the article. Names that are
// not people's (Moscow, the Kremlin, H.R.1424) become entities of their own.
func (d *docAnalysis) resolveName(toks []token, written string) *entity {
	key := nameKey(toks)
	if e := d.byName[key]; e != nil {
		return e
	}
	if people := d.bySurname[toks[len(toks)-1].Norm]; len(people) > 0 {
		return d.mostRecent(people)
	}
	// "Castleford" after "Castleford Rovers", "Callum" after "Callum
	// Hartley": the short form of a name given in full.
	if len(toks) == 1 {
		if e := d.byFirstWord[key]; e != nil {
			return e
		}
	}
	words := nameWords(toks)
	// A lone capitalised word never given in full (Alaska, Obama) may be a
	// person or a place; without a full name the article does not say which.
	e := &entity{name: written, words: words}
	d.entities = append(d.entities, e)
	d.byName[key] = e
	if len(words) > 1 && d.byFirstWord[words[0]] == nil {
		d.byFirstWord[words[0]] = e
	}
	return e
}

// mostRecent picks, among people who share a surname, the one mentioned
// last.
func (d *docAnalysis) mostRecent(people []*entity) *entity {
	best := people[0]
	for _, e := range people[1:] {
		if e.lastSeen > best.lastSeen {
			best = e
		}
	}
	return best
}

func (d *docAnalysis) addMention(pa *paraAnalysis, start, end int, e *entity) {
	m := mention{start: start, end: end, sent: pa.toks[start].sent, ent: e, quoted: pa.toks[start].quoted}
	if e.person && !m.quoted {
		m.subject = true
		for k := len(pa.mentions) - 1; k >= 0 && pa.mentions[k].sent == pa.toks[start].sent; k-- {
			if prev := pa.mentions[k]; !prev.quoted && prev.ent.person {
				m.subject = false
				break
			}
		}
	}
	d.seen++
	e.lastSeen = d.seen
	pa.mentions = append(pa.mentions, m)
}

// learnRole records the role the article gives a person at a mention: the
// title words of the name run (run[start:n]), the lower-case role words
// before it ("Kenyan cabinet minister William Ruto"), or an apposition after
// it ("Hassan Omar, vice chairman of …,") or before it ("Vice President of
// Taxpayers for Common Sense, Steve Ellis,").
func (d *docAnalysis) learnRole(pa *paraAnalysis, start, n, end int, e *entity) bool {
	roleStart := start
	for roleStart > 0 && pa.joined(roleStart) && pa.toks[roleStart-1].quoted == pa.toks[n].quoted {
		t := pa.toks[roleStart-1]
		if !(roleModifiers[t.Norm] || titleHeads[t.Norm] || t.Norm == "incumbent" || t.Cap && !isStop(t)) {
			break
		}
		roleStart--
		if t.Possessive {
			break // "Russia's" opens the role
		}
	}
	if roleStart < n && !honorificsOnly(pa.toks[roleStart:n]) {
		e.addRole(d.lx, pa.toks[roleStart:n], pa.p.Text)
		return true
	}
	if r := d.apposition(pa, end); r != nil {
		e.addRole(d.lx, r, pa.p.Text)
		return true
	}
	if start >= 2 && pa.gap(start) == ", " {
		// A role run just before: "Vice President of X, Steve Ellis,".
		k := start - 1
		for k > 0 && pa.joined(k) && (pa.toks[k-1].Cap || nameConnectors[pa.toks[k-1].Norm]) {
			k--
		}
		if k < start-1 && (titleHeads[pa.toks[k].Norm] || roleModifiers[pa.toks[k].Norm]) && pa.toks[k].initial {
			e.addRole(d.lx, pa.toks[k:start], pa.p.Text)
			return true
		}
	}
	return false
}

// apposition returns the tokens of a role set off by commas after a name:
// ", vice chairman of the Kenyan National Commission on Human Rights,".
func (d *docAnalysis) apposition(pa *paraAnalysis, end int) []token {
	if end >= len(pa.toks) || !strings.HasPrefix(pa.gap(end), ",") || strings.ContainsFunc(pa.gap(end), isDoubleQuote) {
		return nil
	}
	k := end
	if determiners[pa.toks[k].Norm] {
		k++
	}
	head := -1
	for j := k; j < len(pa.toks) && j < k+4; j++ {
		if titleHeads[pa.toks[j].Norm] {
			head = j
			break
		}
		if j > end && !pa.joined(j) {
			return nil
		}
	}
	if head < 0 {
		return nil
	}
	// The role runs to the closing comma, kept short: a long apposition is a
	// clause about the person, not a title.
	j := head + 1
	for j < len(pa.toks) && j < head+12 && !strings.ContainsAny(pa.gap(j), ",.;:()\"“”") {
		j++
	}
	if j < len(pa.toks) && !strings.HasPrefix(pa.gap(j), ",") {
		if !strings.ContainsAny(pa.gap(j), ",;") {
			j = head + 1
		}
	}
	from := end
	if determiners[pa.toks[end].Norm] {
		from++
	}
	return pa.toks[from:j]
}

// resolveDescription reads a description ending in the title noun at token
// h ("the Ukrainian president", "Russia's president") and returns where it
// starts and the person it most likely describes.
func (d *docAnalysis) resolveDescription(pa *paraAnalysis, h int) (int, *entity) {
	head := pa.toks[h]
	if h+1 < len(pa.toks) && pa.joined(h+1) && pa.toks[h+1].Cap {
		return 0, nil // a title before a name: handled as a name
	}
	if strings.HasSuffix(head.Norm, "s") && !strings.HasSuffix(head.Norm, "ss") && head.Norm != "mrs" && head.Norm != "ms" {
		return 0, nil // plural: "the two presidents"
	}
	start := h
	var mods []token
	anchored := false
	for start > 0 && pa.joined(start) && h-start < 4 {
		t := pa.toks[start-1]
		if t.Norm == "the" {
			start--
			anchored = true
			break
		}
		if t.Possessive && t.Cap {
			start--
			mods = append(mods, t)
			anchored = true
			break
		}
		if !(t.Cap || roleModifiers[t.Norm]) || isStop(t) {
			break
		}
		start--
		mods = append(mods, t)
	}
	if !anchored {
		return 0, nil
	}
	best, bestScore, heads := (*entity)(nil), 0, 0
	for _, e := range d.people {
		score, ok := d.describes(e, mods, foldTitle(head.Norm))
		if e.heads[foldTitle(head.Norm)] {
			heads++
		}
		if ok && (score > bestScore || score == bestScore && score > 0 && d.mentionedLater(e, best)) {
			best, bestScore = e, score
		}
	}
	// A bare "the minister" among several ministers is the one last
	// mentioned; one with words that fit no one is no one.
	if bestScore >= 2 || bestScore == 1 && best.heads[foldTitle(head.Norm)] && (heads == 1 || len(mods) == 0) {
		// The description is a role too: "the Ukrainian president" for a
		// man introduced as "his Ukrainian counterpart".
		from := start
		if determiners[pa.toks[from].Norm] {
			from++
		}
		best.addRole(d.lx, pa.toks[from:h+1], pa.p.Text)
		return start, best
	}
	return 0, nil
}

// describes scores how well a description fits a person: a country in the
// description that the person's role names counts double; one that
// contradicts it rules the person out.
func (d *docAnalysis) describes(e *entity, mods []token, head string) (int, bool) {
	score := 0
	if e.heads[head] {
		score++
	}
	for i := range mods {
		if key, _ := d.lx.placeAt(mods, i); key != "" {
			if e.country[key] {
				score += 2
			} else if len(e.country) > 0 {
				return 0, false
			}
			continue
		}
		if e.mods[mods[i].Norm] {
			score++
		}
	}
	return score, true
}

// mentionedLater reports whether a's latest mention so far comes after b's.
func (d *docAnalysis) mentionedLater(a, b *entity) bool {
	return b == nil || a.lastSeen > b.lastSeen
}

// learnGender reads a gendered pronoun at token i as evidence about the
// person who is the subject of its sentence, when no other person has been
// mentioned in between ("Marcy Kaptur was not changing her vote").
func (d *docAnalysis) learnGender(pa *paraAnalysis, i int) {
	if pa.toks[i].quoted {
		return
	}
	var g byte = 'm'
	if t := pa.toks[i].Norm; t == "she" || t == "her" {
		g = 'f'
	}
	var last *mention
	for k := len(pa.mentions) - 1; k >= 0 && pa.mentions[k].sent == pa.toks[i].sent; k-- {
		m := &pa.mentions[k]
		if m.start < i && !m.quoted && m.ent.person {
			if last != nil && last.ent != m.ent {
				return // two people before the pronoun: ambiguous
			}
			last = m
		}
	}
	if last != nil && last.ent.gender == 0 {
		last.ent.gender = g
	}
}

// wordTerm returns the worker's number for a word's index term: the word
// itself for a logic word (see logicWords), else its stem.
func (d *docAnalysis) wordTerm(w *word) int32 {
	if w.term == 0 {
		t := w.norm
		if w.kinds&kindLogic == 0 {
			t = d.wordStem(w)
		}
		w.term = d.cache.terms.id(t) + 1
	}
	return w.term - 1
}

// stemTerm returns the worker's number for a normalised word's stem.
func (d *docAnalysis) stemTerm(norm string) int32 {
	w := d.cache.intern(norm)
	if w.kinds&kindLogic == 0 {
		return d.wordTerm(w) // its index term is its stem
	}
	return d.cache.terms.id(d.wordStem(w))
}

// term returns the worker's number for an index term.
func (d *docAnalysis) term(t string) int32 { return d.cache.terms.id(t) }

// wordStem returns a word's stem, working it out the first time.
func (d *docAnalysis) wordStem(w *word) string {
	if w.stem == "" {
		w.stem = d.lx.stem(w.norm)
	}
	return w.stem
}

// A wordCache remembers what analyses have worked out about words, for the
// next ones on the same goroutine: each token of an article is looked up
// here once, and every later question about it (its stem, whether it is a
// stop word or a verb of saying, where the article writes it with a
// capital) is answered from its word.
type wordCache struct {
	lx     *lexicon
	words  map[string]*word
	serial int32 // of the article being analysed, for the words' stamps

	// toks holds the tokens of the article being analysed, paragraph
	// after paragraph, and is reused by the next: a long corpus then
	// allocates as much token memory as its longest article needs, not
	// as all its articles do. See docAnalysis.releaseTokens.
	toks []token

	terms termTable // the index terms this worker has met

	// termAt is, by term number, where a sentence builder last put the
	// term in its terms (see sentenceBuilder.find).
	termAt []int32
}

// A word is what is known of one normalised word.
type word struct {
	norm   string
	stem   string // "" until asked
	speech int8   // a speechKind; speechUnknown until asked
	term   int32  // 1 + the worker's number for its index term; 0 until asked
	kinds  wordKind

	// Stamps: the serial of the last article in which the word was written
	// in lower case, and with a capital inside a sentence.
	lowerSeen, capMid int32

	// Whether an indexed sentence has the word, and in lower case.
	indexed, indexedLower bool
}

func newWordCache(lx *lexicon) *wordCache {
	return &wordCache{lx: lx, words: make(map[string]*word), terms: newTermTable()}
}

// intern returns the word for norm.
func (c *wordCache) intern(norm string) *word {
	w := c.words[norm]
	if w == nil {
		w = &word{norm: norm, kinds: kindsOf(norm) | c.lx.placeKinds(norm)}
		c.words[norm] = w
	}
	return w
}

// internBytes is intern for a word in a scratch buffer: a word seen before
// costs no allocation.
func (c *wordCache) internBytes(norm []byte) *word {
	if w := c.words[string(norm)]; w != nil {
		return w
	}
	return c.intern(string(norm))
}

var honorifics = setOf(`mr mrs ms miss dr prof sir dame lord lady rev hon`)

func honorificsOnly(toks []token) bool {
	for _, t := range toks {
		if !honorifics[t.Norm] {
			return false
		}
	}
	return true
}
