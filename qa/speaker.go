package qa

import (
	"strings"
	"unicode/utf8"

	"github.com/articlebot/articlebot/qa/text"
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
	for _, w := range text.Tokenize(role) {
		if text.TitleHeads.Has(w.Norm) && w.Norm != "counterpart" {
			return w.Norm
		}
	}
	return ""
}

func (e *entity) addRole(lx *text.Lexicon, toks []text.Token, txt string) {
	if len(toks) == 0 {
		return
	}
	if honorificsOnly(toks) {
		return // "Dr." or "Mr." is a form of address, not a role
	}
	role := strings.TrimRight(txt[toks[0].Start:toks[len(toks)-1].End], ",")
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
		if key, n := lx.PlaceAt(toks, i); n > 0 {
			e.country[key] = true
			i += n - 1
			continue
		}
		w := toks[i].Norm
		switch {
		case femaleWords.Has(w):
			e.gender = 'f'
		case maleWords.Has(w):
			e.gender = 'm'
		}
		if text.TitleHeads.Has(w) {
			e.heads[text.FoldTitle(w)] = true
		} else if !text.StopWords.Has(w) {
			e.mods[w] = true
		}
	}
}

// A mention is a place in a paragraph that refers to an entity.
type mention struct {
	start, end int   // token range
	Sent       int32 // the sentence it is in, in the paragraph
	ent        *entity
	subject    bool // the first mention of its sentence outside quotes
	Quoted     bool
	defines    bool // the article gives the person's role here
}

// paraAnalysis holds what the speaker finder knows about one paragraph.
type paraAnalysis struct {
	*text.Para // its tokens are released once the article is prepared
	mentions   []mention
}

// joined reports whether tokens i-1 and i belong to one phrase: one space
// apart, or a title or initial's full stop and a space (Rep. Kennedy, George
// W. Bush).
func (pa *paraAnalysis) joined(i int) bool {
	g := pa.Gap(i)
	if g == " " {
		return true
	}
	if g == "-" || g == "‑" {
		// A hyphenated title is one word: Secretary-General, Vice-President;
		// "Trump-Zelenskyy" is two names.
		return text.TitleHeads.Has(pa.Toks[i-1].Norm) || text.TitleHeads.Has(pa.Toks[i].Norm)
	}
	if g == ". " {
		prev := pa.Toks[i-1]
		return text.IsTitleAbbreviation(prev.Norm) || (utf8.RuneCountInString(prev.Norm) == 1 && prev.Cap)
	}
	return false
}

// docAnalysis finds the entities of one article and the mentions of them.
type docAnalysis struct {
	lx          *text.Lexicon
	paras       []*paraAnalysis
	entities    []*entity
	byName      map[string]*entity   // normalised full name → entity
	bySurname   map[string][]*entity // last word of a person's name → people
	byFirstWord map[string]*entity   // first word of a name of several words → its first bearer
	lastSpeaker *entity              // the person last credited with a quotation
	paraSpeaker map[int]*entity      // paragraph → the person it last quoted
	seen        int                  // mentions so far, to order them
	w           *worker
	cache       *text.Cache
	doc         *text.Doc
	serial      int32     // this article's in the worker, for the words' stamps
	people      []*entity // the entities that are people
}

// analyse reads an article for its people and their mentions. The worker
// holds what is known of words; analyses on the same goroutine share it,
// one after another (see releaseTokens).
func analyse(lx *text.Lexicon, a *Article, w *worker) *docAnalysis {
	w.serial++
	d := &docAnalysis{
		lx:          lx,
		w:           w,
		cache:       w.cache,
		serial:      w.serial,
		byName:      map[string]*entity{},
		bySurname:   map[string][]*entity{},
		byFirstWord: map[string]*entity{},
		paraSpeaker: map[int]*entity{},
	}
	d.doc = w.cache.Read(a)
	w.grow()
	for _, p := range d.doc.Paras {
		d.paras = append(d.paras, &paraAnalysis{Para: p})
	}
	for _, pa := range d.paras {
		for i, t := range pa.Toks {
			switch {
			case !t.Cap:
				w.lowerSeen[t.W.ID] = d.serial
			case !pa.Toks[i].Initial:
				w.capMid[t.W.ID] = d.serial
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
func (d *docAnalysis) releaseTokens() { d.doc.Release() }

// proper reports whether token i is part of a proper name. A capital at the
// start of a sentence proves nothing, so there the word must also be
// written with a capital elsewhere, or open a run of capitals and never be
// seen in lower case.
func (d *docAnalysis) proper(pa *paraAnalysis, i int) bool {
	t := pa.Toks[i]
	if !t.Cap || t.Number {
		return false
	}
	if !pa.Toks[i].Initial {
		return true
	}
	if t.IsStop() || text.QuestionWords.Has(t.Norm) {
		return false
	}
	if d.w.capMid[t.W.ID] == d.serial {
		return true
	}
	if key, _ := d.lx.PlaceAt(pa.Toks, i); key != "" {
		return true
	}
	if d.w.lowerSeen[t.W.ID] == d.serial || text.GroupNouns.Has(t.Norm) {
		return false
	}
	// "Trump said …" opening a sentence: a word right before a verb of
	// saying is its subject, and a capitalised subject is a name.
	if i+1 < len(pa.Toks) && pa.joined(i+1) && !pa.Toks[i+1].Cap && d.speechKind(pa.Toks[i+1]) == speechVerb {
		return true
	}
	return i+1 < len(pa.Toks) && pa.Toks[i+1].Cap && pa.joined(i+1)
}

// nameRun returns the end of the run of capitalised words that starts at
// token i: "US President Donald Trump", "House of Representatives".
func (d *docAnalysis) nameRun(pa *paraAnalysis, i int) int {
	j := i + 1
	for j < len(pa.Toks) && !pa.Toks[j-1].Possessive && pa.joined(j) && pa.Toks[j].Quoted == pa.Toks[i].Quoted {
		t := pa.Toks[j]
		if t.Cap && !t.Number {
			j++
			continue
		}
		if nameConnectors.Has(t.Norm) && !t.Cap && j+1 < len(pa.Toks) && pa.Toks[j+1].Cap && pa.joined(j+1) && !text.CalendarWords.Has(pa.Toks[j+1].Norm) {
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
		t := pa.Toks[k]
		if nameConnectors.Has(t.Norm) && !t.Cap {
			connector = true
		}
		// A place counts as role only before a title ("Russian President"),
		// which the title itself takes care of: "George Washington" is a name.
		if text.TitleHeads.Has(t.Norm) || text.RoleModifiers.Has(t.Norm) || orgWords.Has(t.Norm) || t.AllCaps {
			n = k + 1
		}
	}
	first := pa.Toks[start].Norm
	if connector && (text.TitleHeads.Has(first) || text.RoleModifiers.Has(first)) {
		return end
	}
	if n < end && nameConnectors.Has(pa.Toks[n].Norm) && !pa.Toks[n].Cap {
		return end // "University of California": a body's name, not a person's
	}
	return n
}

// personName reports whether the words of toks can be a person's name: a
// few capitalised words, none of which names an organisation or a place.
func (d *docAnalysis) personName(toks []text.Token) bool {
	if len(toks) == 0 || len(toks) > 4 || len(toks) == 1 && utf8.RuneCountInString(toks[0].Norm) < 2 {
		return false
	}
	for i, t := range toks {
		if !t.Cap && !nameConnectors.Has(t.Norm) {
			return false
		}
		if t.AllCaps || orgWords.Has(t.Norm) || text.TitleHeads.Has(t.Norm) || t.Number {
			return false
		}
		if _, n := d.lx.PlaceAt(toks, i); i == 0 && n == len(toks) {
			return false // the whole name is a place: "Buenos Aires"
		}
	}
	return true
}

func (d *docAnalysis) registerNames(pa *paraAnalysis) {
	for i := 0; i < len(pa.Toks); {
		if !d.proper(pa, i) {
			i++
			continue
		}
		end := d.nameRun(pa, i)
		n := d.splitRun(pa, i, end)
		if end-n >= 2 && d.personName(pa.Toks[n:end]) {
			d.person(pa.Toks[n:end], pa.Phrase(n, end))
		}
		i = end
	}
}

// nameKey returns the key of a name: its normalised words, spaced. Most
// names looked up are one word, and cost nothing.
func nameKey(toks []text.Token) string {
	if len(toks) == 1 {
		return toks[0].Norm
	}
	return strings.Join(nameWords(toks), " ")
}

// nameWords returns the normalised words of a name.
func nameWords(toks []text.Token) []string {
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Norm
	}
	return words
}

// person returns the entity for a full name, creating it, or merging it with
// a known person whose name it extends (George Bush, George W. Bush).
func (d *docAnalysis) person(toks []text.Token, written string) *entity {
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
	for i := 0; i < len(pa.Toks); {
		t := pa.Toks[i]
		if d.proper(pa, i) {
			end := d.nameRun(pa, i)
			n := d.splitRun(pa, i, end)
			if n == end {
				// No person in the run: an organisation, place or document
				// ("Moscow", "the Congressional Website", "H.R.1424").
				n = i
			}
			if e := d.resolveName(pa.Toks[n:end], pa.Phrase(n, end)); e != nil {
				d.addMention(pa, n, end, e)
				if e.person && d.learnRole(pa, i, n, end, e) {
					pa.mentions[len(pa.mentions)-1].defines = true
				}
			}
			i = end
			continue
		}
		if !pa.Toks[i].Quoted && !t.Cap && t.Is(text.KindTitleHead) {
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
func (d *docAnalysis) resolveName(toks []text.Token, written string) *entity {
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
	m := mention{start: start, end: end, Sent: pa.Toks[start].Sent, ent: e, Quoted: pa.Toks[start].Quoted}
	if e.person && !m.Quoted {
		m.subject = true
		for k := len(pa.mentions) - 1; k >= 0 && pa.mentions[k].Sent == pa.Toks[start].Sent; k-- {
			if prev := pa.mentions[k]; !prev.Quoted && prev.ent.person {
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
	for roleStart > 0 && pa.joined(roleStart) && pa.Toks[roleStart-1].Quoted == pa.Toks[n].Quoted {
		t := pa.Toks[roleStart-1]
		if !(text.RoleModifiers.Has(t.Norm) || text.TitleHeads.Has(t.Norm) || t.Norm == "incumbent" || t.Cap && !t.IsStop()) {
			break
		}
		roleStart--
		if t.Possessive {
			break // "Russia's" opens the role
		}
	}
	if roleStart < n && !honorificsOnly(pa.Toks[roleStart:n]) {
		e.addRole(d.lx, pa.Toks[roleStart:n], pa.Text)
		return true
	}
	if r := d.apposition(pa, end); r != nil {
		e.addRole(d.lx, r, pa.Text)
		return true
	}
	if start >= 2 && pa.Gap(start) == ", " {
		// A role run just before: "Vice President of X, Steve Ellis,".
		k := start - 1
		for k > 0 && pa.joined(k) && (pa.Toks[k-1].Cap || nameConnectors.Has(pa.Toks[k-1].Norm)) {
			k--
		}
		if k < start-1 && (text.TitleHeads.Has(pa.Toks[k].Norm) || text.RoleModifiers.Has(pa.Toks[k].Norm)) && pa.Toks[k].Initial {
			e.addRole(d.lx, pa.Toks[k:start], pa.Text)
			return true
		}
	}
	return false
}

// apposition returns the tokens of a role set off by commas after a name:
// ", vice chairman of the Kenyan National Commission on Human Rights,".
func (d *docAnalysis) apposition(pa *paraAnalysis, end int) []text.Token {
	if end >= len(pa.Toks) || !strings.HasPrefix(pa.Gap(end), ",") || strings.ContainsFunc(pa.Gap(end), text.IsDoubleQuote) {
		return nil
	}
	k := end
	if determiners.Has(pa.Toks[k].Norm) {
		k++
	}
	head := -1
	for j := k; j < len(pa.Toks) && j < k+4; j++ {
		if text.TitleHeads.Has(pa.Toks[j].Norm) {
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
	for j < len(pa.Toks) && j < head+12 && !strings.ContainsAny(pa.Gap(j), ",.;:()\"“”") {
		j++
	}
	if j < len(pa.Toks) && !strings.HasPrefix(pa.Gap(j), ",") {
		if !strings.ContainsAny(pa.Gap(j), ",;") {
			j = head + 1
		}
	}
	from := end
	if determiners.Has(pa.Toks[end].Norm) {
		from++
	}
	return pa.Toks[from:j]
}

// resolveDescription reads a description ending in the title noun at token
// h ("the Ukrainian president", "Russia's president") and returns where it
// starts and the person it most likely describes.
func (d *docAnalysis) resolveDescription(pa *paraAnalysis, h int) (int, *entity) {
	head := pa.Toks[h]
	if h+1 < len(pa.Toks) && pa.joined(h+1) && pa.Toks[h+1].Cap {
		return 0, nil // a title before a name: handled as a name
	}
	if strings.HasSuffix(head.Norm, "s") && !strings.HasSuffix(head.Norm, "ss") && head.Norm != "mrs" && head.Norm != "ms" {
		return 0, nil // plural: "the two presidents"
	}
	start := h
	var mods []text.Token
	anchored := false
	for start > 0 && pa.joined(start) && h-start < 4 {
		t := pa.Toks[start-1]
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
		if !(t.Cap || text.RoleModifiers.Has(t.Norm)) || t.IsStop() {
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
		score, ok := d.describes(e, mods, text.FoldTitle(head.Norm))
		if e.heads[text.FoldTitle(head.Norm)] {
			heads++
		}
		if ok && (score > bestScore || score == bestScore && score > 0 && d.mentionedLater(e, best)) {
			best, bestScore = e, score
		}
	}
	// A bare "the minister" among several ministers is the one last
	// mentioned; one with words that fit no one is no one.
	if bestScore >= 2 || bestScore == 1 && best.heads[text.FoldTitle(head.Norm)] && (heads == 1 || len(mods) == 0) {
		// The description is a role too: "the Ukrainian president" for a
		// man introduced as "his Ukrainian counterpart".
		from := start
		if determiners.Has(pa.Toks[from].Norm) {
			from++
		}
		best.addRole(d.lx, pa.Toks[from:h+1], pa.Text)
		return start, best
	}
	return 0, nil
}

// describes scores how well a description fits a person: a country in the
// description that the person's role names counts double; one that
// contradicts it rules the person out.
func (d *docAnalysis) describes(e *entity, mods []text.Token, head string) (int, bool) {
	score := 0
	if e.heads[head] {
		score++
	}
	for i := range mods {
		if key, _ := d.lx.PlaceAt(mods, i); key != "" {
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
	if pa.Toks[i].Quoted {
		return
	}
	var g byte = 'm'
	if t := pa.Toks[i].Norm; t == "she" || t == "her" {
		g = 'f'
	}
	var last *mention
	for k := len(pa.mentions) - 1; k >= 0 && pa.mentions[k].Sent == pa.Toks[i].Sent; k-- {
		m := &pa.mentions[k]
		if m.start < i && !m.Quoted && m.ent.person {
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

var honorifics = text.NewWordSet(`mr mrs ms miss dr prof sir dame lord lady rev hon`)

func honorificsOnly(toks []text.Token) bool {
	for _, t := range toks {
		if !honorifics.Has(t.Norm) {
			return false
		}
	}
	return true
}
