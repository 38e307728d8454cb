package qa

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/articlebot/articlebot/qa/index"
	"github.com/articlebot/articlebot/qa/text"
)

// A Kind is the kind of answer a question wants.
type Kind int

const (
	KindPassage    Kind = iota // what, how: a passage
	KindPerson                 // who, whose
	KindPlace                  // where, which country
	KindTime                   // when, what year
	KindNumber                 // how many, how much, how long
	KindReason                 // why
	KindYesNo                  // did, is, will …
	KindQuote                  // what did X say, who said, what term
	KindDefinition             // who is X, what is X
)

var kindNames = [...]string{"passage", "person", "place", "time", "number", "reason", "yes/no", "quote", "definition"}

func (k Kind) String() string { return kindNames[k] }

// A Question is a question as the engine reads it.
type Question struct {
	Text    string
	Kind    Kind
	WhoSaid bool       // "who said …": the answer is a speaker
	Speech  bool       // asks for someone's words: "what did X say", "how did X describe"
	People  []*Speaker // the people it names, by name or role
	asked   []*Speaker // of them, those whose words it asks for: "What did Abbas say about Bush?"

	speakerFrom, speakerTo int            // the tokens between "did" and "say", where asked are named
	speakerNamed           bool           // a name or a role stands there, whether or not the engine knows whose
	askedByName            []*Speaker     // those of asked named by their own name: "Ann Lee", not "Ann Lee's lawyer" or "the mayor"
	Unknown                []string       // names the articles never mention; once ranked, those the article kept to (or lacking fewest) never mentions
	names                  []questionName // its capitalised words but the first: what an article that answers it must mention
	Future                 bool           // "when will …": a past date does not answer it
	measure                string         // after "how": many, much, long …; "time" for "how much time"
	wantsTerm              bool           // "what term/word/phrase …": a quoted term answers
	describes              bool           // "how did X describe …", "what did X call …": a few quoted words answer
	typeNoun               string         // the noun after "which" or "what", as a term: what the answer is
	bodyAsked              bool           // that noun heads a body's name: "Which company", "What agency"
	plural                 bool           // that noun is plural: "Which firms …" may be answered by two
	surface                []string       // the question's own words as written (normalised), for exact matches
	namesOf                string         // "the names of the ethnic groups": what must be named, as a term
	clause                 questionClause // what the words that answer stand in, in the answering sentence's clause
	focus                  []string       // what "how many" counts, as terms: "deal" in "how many deals"
	leadVerb               int            // the token of "runs" in "Who runs the bank?" (a LeadVerb right after "who"), or -1
	terms                  []index.QueryTerm
	nGroups                int // question words

	// What of the question no sentence searched has: the weight (IDF) of
	// its words that no article (or not the one it is kept to) writes, and
	// those words. Set, as topicIDF and altIDF are, by weighTerms when the
	// question is ranked.
	missingWeight float64
	missingWords  []string
	missingRoles  int // role words no article uses and no one holds

	// Bits by group of the question's names and numbers, and of its
	// negations ("not", "never"): an answer leaves out none of them.
	nameGroups, negations uint64
	speakerGroups         uint64    // the groups of the words that name the one whose words it asks for
	frame                 []bool    // per group: a word that frames the question, not its topic
	topicIDF              []float64 // per group: the weight the best sentence should match
	altIDF                []float64 // per group: the weight of its best term but the primary

	// For follow-ups (see Conversation).
	pronoun       byte // 'm' for he/him/his, 'f' for she/her, else 0
	pronounSpeaks bool // the pronoun is the one speaking: "What did he say about Trump?"
	copula        bool // "who is …", "what was …"
	elliptic      bool // no topic of its own: "When?", "Why?", "And Trump?"
	andAbout      bool // "And Trump?", "What about Putin?"
	more          bool // "what else", "anything more": not what was shown already
	fresh         bool // a question of its own, that starts a new context

	within   *Article // the one article to answer from; nil for any
	parsedIn *Article // the article whose people it was read among; nil for all
	amongArt int32    // parsedIn's number, or -1
}

// Within keeps the question's answers to article a, one of the engine's
// (see Engine.FindArticles). The people it names are then read again
// among that article's when it is answered: "the UN chief" is the one
// that article names, whoever another article calls so.
func (q *Question) Within(a *Article) { q.within = a }

// scope reads a question kept to an article again among that article's
// people, as an engine holding that article alone would, unless it was
// read so already. It is called before anything else is made of the
// question, so that nothing the conversation added is lost.
func (e *Engine) scope(q *Question) {
	if q.within == nil || q.parsedIn == q.within {
		return
	}
	if len(e.articles) == 1 {
		q.parsedIn = q.within // its people are that article's already
		return
	}
	if fresh, err := e.parseQuestion(q.Text, q.within); err == nil {
		*q = *fresh
	}
}

// A QuestionError is a question the engine cannot read. Callers branch
// on which one (errors.Is) and word it for the person who asked (the
// replies in bot/reply); the messages here are for logs.
type QuestionError string

func (e QuestionError) Error() string { return string(e) }

const (
	ErrEmptyQuestion QuestionError = "empty question"
	ErrNoWords       QuestionError = "question without words to search for"
)

// How far a question is read for its parts, in words.
const (
	// speechVerbReach is how far after the question word a verb of saying
	// makes it a question about someone's words: "What did the Kenyan
	// foreign minister say …".
	speechVerbReach = 10

	// maxRoleModifiers is how many words before a title may say which
	// holder of it a question means: "Kenya's foreign minister".
	maxRoleModifiers = 3
)

// roleOnly is the score of a person found by the title alone, with none
// of the question's modifiers of it; a title with modifiers must match
// one of them ("the Kenyan minister" is not any minister).
const roleOnly = 1

// A LongQuestionError is a question longer than Options.MaxQuestion
// characters, which it carries so that a reply can say the limit.
type LongQuestionError struct{ Max int }

func (e LongQuestionError) Error() string {
	return fmt.Sprintf("question longer than %d characters", e.Max)
}

// mentionsName reports whether toks hold a capitalised name.
func (q *Question) mentionsName(toks []text.Token) bool {
	for _, t := range toks {
		if t.Cap && !t.IsStop() {
			return true
		}
	}
	return false
}

// ParseQuestion reads a question against the engine's articles: its kind,
// the people it names and its topic words.
func (e *Engine) ParseQuestion(txt string) (*Question, error) { return e.parseQuestion(txt, nil) }

// parseQuestion is ParseQuestion, with the people it names read among
// those that article in names (among all the articles' when in is nil).
func (e *Engine) parseQuestion(txt string, in *Article) (*Question, error) {
	txt = strings.TrimSpace(txt)
	if txt == "" {
		return nil, ErrEmptyQuestion
	}
	if len([]rune(txt)) > e.opts.MaxQuestion {
		return nil, LongQuestionError{Max: e.opts.MaxQuestion}
	}
	q := &Question{Text: txt, within: in, parsedIn: in, amongArt: e.articleNumber(in), leadVerb: -1}
	toks := e.lx.Tokenize(shoutedDown(txt))
	if len(toks) == 0 {
		return nil, ErrNoWords // "?!", "🤔🤔"
	}
	toks = e.expandIs(e.dropChat(toks))
	e.correctNames(toks)
	for _, t := range toks {
		if !t.IsStop() && !e.lx.QuestionWords.Has(t.Norm) {
			q.surface = append(q.surface, t.Norm)
		}
	}
	q.classify(e.lx, toks)
	q.leadVerb = leadVerbAt(e.lx, q, toks)
	q.readNamesOf(e.lx, toks)
	q.readFollowUp(e.lx, toks)
	named := e.findPeople(q, toks)
	for i := q.speakerFrom; i < q.speakerTo; i++ {
		if t := toks[i]; t.Cap && !t.IsStop() || t.Is(text.KindTitleHead) {
			q.speakerNamed = true
		}
	}
	e.findUnknown(q, toks, named)
	e.buildTerms(q, toks, named)
	e.readClause(q, toks)
	q.elliptic = q.andAbout || q.topicWords() == 0 && len(q.People) == 0 && len(q.Unknown) == 0
	return q, nil
}

// plural reports whether a noun, whose stem is given, is a plural: "parties",
// "charges", "people"; not "news", "business", "press" or "crisis".
func plural(noun, stem string) bool {
	switch noun {
	case "people", "men", "women", "children":
		return true
	}
	return strings.HasSuffix(noun, "s") && !strings.HasSuffix(noun, "ss") && !strings.HasSuffix(noun, "us") && !strings.HasSuffix(noun, "sis") &&
		!strings.HasSuffix(noun, "itis") && noun != "axis" &&
		noun != "news" && stem != noun
}

// readNamesOf notes a question that asks for names ("What are the names of
// the ethnic groups that …?"): only a sentence that names them answers it.
func (q *Question) readNamesOf(lx *text.Lexicon, toks []text.Token) {
	for i := 0; i+1 < len(toks); i++ {
		if (toks[i].Norm != "name" && toks[i].Norm != "names") || toks[i+1].Norm != "of" {
			continue
		}
		// The head of the phrase after "of": its last word before a
		// relative pronoun or the end.
		head := ""
		for k := i + 2; k < len(toks); k++ {
			n := toks[k].Norm
			if n == "that" || n == "who" || n == "which" || n == "whom" || lx.QuestionAuxiliaries.Has(n) {
				break
			}
			if !toks[k].IsStop() {
				head = lx.Stem(n)
			}
		}
		q.namesOf = head
		return
	}
}

// readFollowUp notes what may make a question refer to the one before: a
// pronoun, "else", an opening "and" or "what about".
func (q *Question) readFollowUp(lx *text.Lexicon, toks []text.Token) {
	hasQuestionWord := false
	for i, t := range toks {
		switch t.Norm {
		case "he", "him", "his", "himself":
			q.pronoun = 'm'
		case "she", "her", "hers", "herself":
			q.pronoun = 'f'
		case "else", "more", "other":
			q.more = true
		case "is", "was", "are", "were":
			if i > 0 && lx.QuestionWords.Has(toks[i-1].Norm) {
				q.copula = true
			}
		}
		if (t.Norm == "he" || t.Norm == "she") && i >= q.speakerFrom && i < q.speakerTo {
			q.pronounSpeaks = true // where classify found the speaker: "What did he say about Trump?"
		}
		if lx.QuestionWords.Has(t.Norm) && !(i == 0 && t.Norm == "what" || i == 0 && t.Norm == "how") {
			hasQuestionWord = true
		}
	}
	first := toks[0].Norm
	second := ""
	if len(toks) > 1 {
		second = toks[1].Norm
	}
	q.andAbout = first == "and" && !hasQuestionWord || (first == "what" || first == "how") && second == "about"
}

// classify sets the kind from the question word and the words after it.
func (q *Question) classify(lx *text.Lexicon, toks []text.Token) {
	qw := -1
	for i, t := range toks {
		if lx.QuestionWords.Has(t.Norm) {
			qw = i
			break
		}
	}
	if qw < 0 {
		if lx.QuestionAuxiliaries.Has(toks[0].Norm) {
			q.Kind = KindYesNo
		}
		q.Future = toks[0].Norm == "will"
		return
	}
	next := func(k int) string {
		if qw+k < len(toks) {
			return toks[qw+k].Norm
		}
		return ""
	}
	speechVerbAt := func(k int) bool {
		st := lx.Stem(next(k))
		// "called for", "agreed to", "continued" are not about words said.
		return lx.IsSpeech(st) && st != lx.Stem("continue") && st != lx.Stem("agree") && st != lx.Stem("call")
	}
	// "What did X say", "How did Omar describe", "What kind of crisis did
	// Annan say …": a speech verb after an auxiliary and its subject makes it
	// a question about someone's words.
	aux := -1
	for k := 1; qw+k < len(toks) && k < speechVerbReach; k++ {
		if lx.QuestionAuxiliaries.Has(next(k)) {
			if aux < 0 {
				aux = k
			}
		} else if aux >= 0 && speechVerbAt(k) {
			if passiveAt(lx, toks, qw+aux, qw+k) {
				continue // "What is Ann Lee accused of?" asks what of her, not her words
			}
			q.Speech = true
			q.describes = lx.IsQuoteVerb(lx.Stem(next(k)))
			// Who is asked about is between: "What did Abbas say about
			// Bush's visit?" asks about Abbas's words.
			q.speakerFrom, q.speakerTo = qw+aux+1, qw+k
			break
		}
	}
	switch toks[qw].Norm {
	case "who", "whom":
		switch {
		case speechVerbAt(1):
			q.Kind, q.WhoSaid, q.Speech = KindQuote, true, true
		case (next(1) == "is" || next(1) == "was") && qw+2 < len(toks) && toks[qw+2].Cap && !ownerOfAnother(toks, qw+2):
			q.Kind = KindDefinition // "Who is Ann Lee?", not "Who is Acme's chief executive?"
		default:
			q.Kind = KindPerson
		}
	case "whose":
		q.Kind = KindPerson
	case "when":
		q.Kind = KindTime
		q.Future = next(1) == "will"
	case "where":
		q.Kind = KindPlace
	case "why":
		q.Kind = KindReason
	case "how":
		switch next(1) {
		case "many", "much", "long", "old", "often", "far", "big", "large", // a number, in units of what it asks (measureUnits)
			"deep", "tall", "wide", "high", "heavy", "full", "fast", "quickly", "soon":
			q.Kind = KindNumber
			q.measure = next(1)
			if q.measure == "much" && next(2) == "time" {
				q.measure = "time" // "how much time": a duration, never a length
			}
			if q.measure == "much" && next(2) != "of" && slices.ContainsFunc(toks[qw+2:], func(t text.Token) bool { return lx.MoneyWords.Has(t.Norm) }) {
				q.measure = "money" // "how much did the repairs cost": a sum, never a length; "how much of the money" a share too
			}
			for k := 2; k <= 4 && qw+k < len(toks) && !lx.QuestionAuxiliaries.Has(next(k)) && !toks[qw+k].IsStop(); k++ {
				q.focus = append(q.focus, lx.Stem(next(k)))
			}
		default:
			q.Kind = KindPassage
			if q.Speech {
				q.Kind = KindQuote
			}
			if asksHowVoted(lx, toks[qw+1:]) {
				q.Kind, q.measure = KindNumber, "score" // "How did the council vote?"
			}
		}
	case "what", "which":
		n, head, from := next(1), 0, 1
		if kindWords[n] && next(2) == "of" && qw+3 < len(toks) && !toks[qw+3].IsStop() {
			from, n = 3, next(3) // "What kind of forest": a forest
		}
		if qw+from < len(toks) && !toks[qw+from].IsStop() && (from > 1 || !lx.FrameWords.Has(n)) && !lx.QuestionAuxiliaries.Has(n) {
			head = from - 1 + compoundHead(lx, toks[qw+from:]) // "Which union leader": a leader
			n = next(head + 1)
			q.typeNoun = lx.Stem(n) // "Which elections": an answer names elections
			q.plural = plural(n, q.typeNoun)
			q.bodyAsked = lx.OrgNouns.Has(n) || q.plural && lx.OrgNouns.Has(text.Singular(n)) // "Which companies"
		}
		kindOf := from > 1 // "What kind of loss": a description, not a sum
		switch {
		case asksScore(toks[qw+1:]):
			q.Kind, q.measure = KindNumber, "score" // "What was the final score?"
		case q.Speech && kindOf:
			q.Kind = KindQuote // "What kind of crisis did Ann Lee say they face?": her words
		case kindOf:
			q.Kind = KindPassage
		case lx.RoleNouns.Has(n) && q.mentionsName(toks[qw+2+head:]):
			q.Kind = KindDefinition // "What position does Hassan Omar hold?"
		case lx.NumberNouns.Has(n):
			q.Kind = KindNumber
		case lx.TimeNouns.Has(n):
			q.Kind = KindTime
		case lx.PlaceNouns.Has(n):
			q.Kind = KindPlace
		case lx.TermNouns.Has(n):
			q.Kind, q.wantsTerm = KindQuote, true
		case lx.TitleHeads.Has(n):
			q.Kind = KindPerson // "Which congressman sponsored …"
		case q.Speech && q.typeNoun == "":
			// "What did China warn?" asks for words; "Which newspaper
			// did China use to send a warning?" for a newspaper.
			q.Kind = KindQuote
		case (n == "is" || n == "was" || n == "are") && qw+3 >= len(toks)-1:
			q.Kind = KindDefinition
		default:
			q.Kind = KindPassage
		}
	}
}

// dropChat drops the words a question typed in a chat opens with that ask
// nothing ("hey, who is Ann Lee?"), unless they are all it has.
func (e *Engine) dropChat(toks []text.Token) []text.Token {
	n := 0
	for n < len(toks) && e.lx.ChatWords.Has(toks[n].Norm) {
		n++
	}
	if n == len(toks) {
		return toks
	}
	return toks[n:]
}

// shoutedDown returns a question typed all in capitals in lower case, to
// be read as one typed in lower case ("WHAT DID PUTIN SAY"), since a word
// in capitals is otherwise taken for a name ("NATO"). A question with a
// lower-case letter is returned as it is.
func shoutedDown(txt string) string {
	letters := 0
	for _, r := range txt {
		if unicode.IsLower(r) {
			return txt
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	if letters < minShouted {
		return txt // "NATO?"
	}
	return strings.ToLower(txt)
}

// minShouted is the fewest capitals a question in capitals has for it to
// be shouted rather than a name: more than an acronym's.
const minShouted = 8

// expandIs reads a question word with "'s" as the word and "is", as a chat
// writes it: "Who's Ann Lee?" is "Who is Ann Lee?", not whose.
func (e *Engine) expandIs(toks []text.Token) []text.Token {
	for i := 0; i < len(toks); i++ {
		if !toks[i].Possessive || !e.lx.QuestionWords.Has(toks[i].Norm) {
			continue
		}
		is := e.lx.Tokenize("is")[0]
		is.Start, is.End = toks[i].End, toks[i].End
		toks[i].Possessive = false
		toks = slices.Insert(toks, i+1, is)
	}
	return toks
}

// among reports whether s is one of the people a question is read among:
// anyone, or those its article names.
func (q *Question) among(s *Speaker) bool {
	return q.amongArt < 0 || slices.Contains(s.articles, q.amongArt)
}

// articleNumber returns the number of one of the engine's articles, or -1
// for nil or an article the engine does not hold.
func (e *Engine) articleNumber(a *Article) int32 {
	return int32(slices.Index(e.articles, a))
}

// findPeople returns the people the question names, by name or surname
// ("Zelenskyy", "William Ruto") or by role ("the US president", "the
// Russian spokeswoman"), and the tokens that named them.
func (e *Engine) findPeople(q *Question, toks []text.Token) map[int]bool {
	named := make(map[int]bool)
	add := func(s *Speaker) {
		for _, p := range q.People {
			if p == s {
				return
			}
		}
		q.People = append(q.People, s)
	}
	for i, t := range toks {
		// A name typed in lower case ("what did trump say") counts when
		// the articles never use the word in lower case.
		if !t.Cap && !t.AllCaps && (e.writtenLower(t.Norm) || t.IsStop()) {
			continue
		}
		var best *Speaker
		for _, s := range e.byWord[t.Norm] {
			if q.among(s) && (best == nil || s.Statements > best.Statements) {
				best = s
			}
		}
		if best != nil {
			add(best)
			named[i] = true
			if i >= q.speakerFrom && i < q.speakerTo && !slices.Contains(q.asked, best) {
				q.asked = append(q.asked, best)
			}
			if i >= q.speakerFrom && i < q.speakerTo && !ownerOfAnother(toks, i) && !slices.Contains(q.askedByName, best) {
				q.askedByName = append(q.askedByName, best)
			}
			continue
		}
		// "How did the MDC describe …?": a body whose words are asked for.
		if i >= q.speakerFrom && i < q.speakerTo {
			for _, s := range e.bodies[t.Norm] {
				if !q.among(s) {
					continue
				}
				if !slices.Contains(q.asked, s) {
					q.asked = append(q.asked, s)
				}
				named[i] = true
			}
		}
	}
	if e.roleInSlot(q, toks) {
		q.askedByName = nil // "the UN chief", "the ambassador to Peru": the name says whose role, not who
	}
	// A role: a title noun and the words before it, or a noun for a
	// person that some role of the articles ends with ("the farmer").
	for i, t := range toks {
		isRole := e.lx.TitleHeads.Has(t.Norm) || e.lx.PersonNouns.Has(t.Norm) && len(e.byHead[e.lx.FoldTitle(t.Norm)]) > 0
		if !isRole || i+1 < len(toks) && toks[i+1].Cap && named[i+1] {
			continue
		}
		if i > 0 && (toks[i-1].Norm == "which" || toks[i-1].Norm == "what") {
			continue // "Which congressman …" asks for a person; it names no one
		}
		head := e.lx.FoldTitle(t.Norm)
		var mods []text.Token
		k := i - 1
		for ; k >= 0 && k >= i-maxRoleModifiers && !toks[k].IsStop() && !e.lx.QuestionWords.Has(toks[k].Norm) && !e.lx.PredicateVerbs.Has(toks[k].Norm); k-- {
			mods = append(mods, toks[k])
		}
		if k >= 0 && e.lx.PredicateVerbs.Has(toks[k].Norm) && q.Kind == KindPerson {
			continue // "Who became prime minister?" asks who has the role
		}
		var best *Speaker
		bestScore := 0
		for _, s := range e.byHead[head] {
			if !q.among(s) {
				continue
			}
			score := roleOnly
			for k := range mods {
				if key, _ := e.lx.PlaceAt(mods, k); key != "" {
					if s.country[key] {
						score += 2
					} else {
						score = -1
						break
					}
				} else if s.mods[mods[k].Norm] {
					score++
				}
			}
			if score > bestScore || score == bestScore && best != nil && s.Statements > best.Statements {
				best, bestScore = s, score
			}
		}
		if best != nil && (bestScore > roleOnly || len(mods) == 0) {
			add(best)
			named[i] = true
			if i >= q.speakerFrom && i < q.speakerTo && !slices.Contains(q.asked, best) {
				q.asked = append(q.asked, best)
			}
			for k := i - len(mods); k < i; k++ {
				named[k] = true
			}
		}
	}
	return named
}

// roleInSlot reports whether the words that name whose words a question
// asks for hold a title that no name follows: a role, as in "the Acme
// analyst", not a title before a name, as in "President Ann Lee".
func (e *Engine) roleInSlot(q *Question, toks []text.Token) bool {
	for i := q.speakerFrom; i < q.speakerTo && i < len(toks); i++ {
		if e.lx.TitleHeads.Has(toks[i].Norm) && (i+1 >= len(toks) || !toks[i+1].Cap) {
			return true
		}
	}
	return false
}

// leadVerbAt returns the token of the verb that asks who leads, runs or
// owns something, right after "who" and its auxiliaries ("Who runs …?",
// "Who has been running …?", "Who is in charge of …?"), or of such a verb
// used as the noun for whoever does it ("Who is the head of …?"), or -1. A
// title the question names ("Who is the director …?") is matched as
// itself.
func leadVerbAt(lx *text.Lexicon, q *Question, toks []text.Token) int {
	if q.Kind != KindPerson {
		return -1
	}
	for i, t := range toks {
		if t.Norm != "who" {
			continue
		}
		k := i + 1
		for k < len(toks) && (lx.QuestionAuxiliaries.Has(toks[k].Norm) || toks[k].Norm == "been" || toks[k].Norm == "in") {
			k++
		}
		if k+2 < len(toks) && toks[k].Norm == "the" && (toks[k+2].Norm == "of" || toks[k+2].Norm == "at") {
			k++ // "Who is the head of the alliance?", "Who is the chair at Acme?"
		}
		if k < len(toks) && !toks[k].Cap && lx.LeadVerbs.Has(toks[k].Norm) {
			return k
		}
		return -1
	}
	return -1
}

// compoundHead returns the index in toks of the head of the noun a
// question's "which" opens: the last of the nouns that name a kind of
// person, body, place, number or time after the first ("union leader",
// "Afghan city", "weather forecaster"), else 0, the first.
func compoundHead(lx *text.Lexicon, toks []text.Token) int {
	head := 0
	for k := 1; k < len(toks) && k <= compoundReach && !toks[k].IsStop() && !toks[k-1].Possessive; k++ {
		w := toks[k].Norm // "Which country's president": a country
		if !(lx.TitleHeads.Has(w) || lx.OrgNouns.Has(w) || lx.PlaceNouns.Has(w) || lx.NumberNouns.Has(w) || lx.TimeNouns.Has(w)) {
			break
		}
		head = k
	}
	return head
}

// kindWords ask for a kind of the noun after their "of": "What kind of
// forest", "Which type of vaccine".
var kindWords = map[string]bool{"kind": true, "type": true, "sort": true, "form": true}

// compoundReach is the most words after the first that a noun "which"
// opens may run to: "which regional union leader".
const compoundReach = 2

// asksScore reports whether the words after "what" ask for a score or a
// vote's tally. A score is the noun, "was the final score", "is the score
// in the final"; not "did Ann Lee score", the verb. A tally is asked by the
// result, margin or count of a vote ("was the result of the council
// vote", "was the vote count", "margin did councillors vote by"), or by
// the vote itself ending the question ("was the final Senate vote"); not
// by a vote and a result that are apart ("was the outcome of the talks
// before the vote").
func asksScore(toks []text.Token) bool {
	for i, t := range toks {
		if t.Norm == "score" && i > 0 && (toks[i-1].Norm == "the" || toks[i-1].Norm == "final") {
			return true
		}
	}
	word := func(i int) string {
		if i >= len(toks) {
			return ""
		}
		return toks[i].Norm
	}
	// The vote a result is of, in its noun phrase: "of the council vote",
	// not "of the talks before the vote".
	voteWithin := func(from int) bool {
		for k := from; k < len(toks) && k < from+voteReach; k++ {
			switch t := toks[k]; {
			case voteWords[t.Norm]:
				return true
			case t.IsStop() && t.Norm != "the" && t.Norm != "a" && t.Norm != "did" && t.Norm != "do":
				return false
			}
		}
		return false
	}
	i := 0
	if i < len(toks) && text.IsBe(toks[i].Norm) {
		i++
	}
	if word(i) == "the" {
		i++
	}
	switch {
	case i == 0 && word(0) == "margin":
		return voteWithin(1) // "By what margin did councillors vote?"
	case tallyAskers[word(i)] && word(i+1) == "of":
		return voteWithin(i + 2) // "the result of the council vote"
	case voteWords[word(i)] && tallyAskers[word(i+1)]:
		return true // "the vote count"
	}
	last := len(toks) - 1
	return i == 2 && last >= i && last < i+voteReach && toks[last].Norm == "vote" // "the final Senate vote"
}

// asksHowVoted reports whether the words after "how" ask for a vote's
// tally: how a body or a group voted, "did the council vote (on the
// plan)", "did councillors vote"; not how one person did ("did the
// senator vote", "did Roe vote"), nor how a vote went ("does the vote
// work").
func asksHowVoted(lx *text.Lexicon, toks []text.Token) bool {
	if len(toks) < 3 || !lx.QuestionAuxiliaries.Has(toks[0].Norm) {
		return false
	}
	for k := 2; k < len(toks) && k <= voteReach; k++ {
		if toks[k].Norm != "vote" {
			continue
		}
		if k+1 < len(toks) && !voteAfters[toks[k+1].Norm] {
			return false // "vote" the noun: "does the vote work"
		}
		head := toks[k-1]
		plural := strings.HasSuffix(head.Norm, "s") && !strings.HasSuffix(head.Norm, "ss") && !head.IsStop()
		return plural || lx.OrgNouns.Has(head.Norm) || lx.OrgWords.Has(head.Norm)
	}
	return false
}

// The words of a vote; the words that ask for its tally; the words that
// may follow "vote" the verb ("vote on the plan"); and how far into the
// question the vote may come ("was the final Senate vote", "did the
// city's planning committee vote").
var (
	voteWords   = map[string]bool{"vote": true, "votes": true, "voted": true, "voting": true, "ballot": true}
	tallyAskers = map[string]bool{"result": true, "outcome": true, "margin": true, "count": true, "tally": true, "split": true}
	voteAfters  = map[string]bool{"on": true, "for": true, "against": true, "over": true, "in": true, "to": true, "at": true}
)

const voteReach = 6

// passiveAt reports whether the verb at toks[verb], after the question's
// auxiliary at toks[aux], is a passive participle with a subject of its
// own between them: after a form of "be" that is the auxiliary ("What is
// Ann Lee accused of?") or stands right before it ("What has Acme been
// asked to do?"). That subject is whom the words were said to or of, not
// who said them.
//
// Words are still asked for by "What is Ann Lee saying?" (no passive), by
// "What was said about the talks?" (no subject: what was said is what is
// asked), by one quoted ("What was Ann Lee quoted as saying?") and by a
// verb whose object is the words or what they call something ("What were
// the talks described as?").
func passiveAt(lx *text.Lexicon, toks []text.Token, aux, verb int) bool {
	v := toks[verb].Norm
	st := lx.Stem(v)
	if strings.HasSuffix(v, "ing") || verb-aux < 2 || st == lx.Stem("quote") || st == lx.Stem("say") || lx.IsQuoteVerb(st) {
		return false
	}
	return text.IsBe(toks[aux].Norm) || text.IsBe(toks[verb-1].Norm) && verb-1 > aux+1
}

// ownerOfAnother reports whether the name at toks[i] ends in a possessive,
// so that the person named is another's: "Ann Lee's lawyer".
func ownerOfAnother(toks []text.Token, i int) bool {
	for ; i+1 < len(toks) && !toks[i].Possessive && toks[i+1].Cap; i++ {
	}
	return toks[i].Possessive
}

// findUnknown lists the capitalised words of the question, other than its
// first word, that no article uses: a question about a person or place the
// articles never mention is one they cannot answer.
func (e *Engine) findUnknown(q *Question, toks []text.Token, named map[int]bool) {
	for i, t := range toks {
		// A role no article mentions and no one in them holds ("What did
		// the governor say?") is evidence the articles do not answer,
		// though no veto: they may name it another way ("envoy" for
		// "ambassador").
		if !t.Cap && e.lx.TitleHeads.Has(t.Norm) && !e.indexed(t.Norm) && !slices.ContainsFunc(e.byHead[e.lx.FoldTitle(t.Norm)], q.among) &&
			!(i > 0 && (toks[i-1].Norm == "which" || toks[i-1].Norm == "what")) {
			q.missingRoles++
			continue
		}
		if i == 0 || !t.Cap || t.IsStop() && !t.AllCaps || e.lx.QuestionWords.Has(t.Norm) || t.Norm == "i" || e.lx.TitleHeads.Has(t.Norm) {
			continue
		}
		place, _ := e.lx.PlaceAt(toks, i)
		q.names = append(q.names, questionName{text: q.Text[t.Start:t.End], term: e.lookupTerm(t.Norm), place: place})
		if named[i] || e.indexed(t.Norm) || place != "" && e.mentionsPlace(place) {
			continue
		}
		q.Unknown = append(q.Unknown, q.Text[t.Start:t.End])
	}
}

// A questionName is a capitalised word of a question, but its first: a
// name an article that answers it must mention.
type questionName struct {
	text  string // as the question writes it
	term  string // as indexed
	place string // the country it names or is of ("French"), if any
}

// unknownIn returns the names of a question that no sentence of one part
// of the index (one article) mentions.
func unknownIn(q *Question, searched index.Part) []string {
	var out []string
	for _, n := range q.names {
		if searched.DocFreq(n.term) == 0 && (n.place == "" || searched.DocFreq("@"+n.place) == 0) {
			out = append(out, n.text)
		}
	}
	return out
}

// mentionsPlace reports whether any sentence refers to the country key.
func (e *Engine) mentionsPlace(key string) bool {
	_, ok := e.ix.Lookup("@" + key)
	return ok
}

// buildTerms turns the question's topic words into weighted query terms.
// Each word is a group: the word itself at weight 1 and what it stands for
// (a country for a demonym) at AliasWeight. Words that frame the question
// rather than name its topic ("what kind of", "how long", "did … say")
// help ranking a little but do not count towards confidence.
func (e *Engine) buildTerms(q *Question, toks []text.Token, named map[int]bool) {
	leadGroup := -1
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if e.lx.LogicWords.Has(t.Norm) {
			g := q.addTerm(t.Norm, e.opts.LogicWeight, true) // "if reforms stall", "why … not"
			if e.lx.Negations.Has(t.Norm) && g < index.MaxGroups {
				q.negations |= 1 << g
			}
			continue
		}
		if t.IsStop() || e.lx.QuestionWords.Has(t.Norm) || e.lx.QuestionAuxiliaries.Has(t.Norm) {
			continue
		}
		st := e.lookupTerm(t.Norm)
		switch {
		case q.Speech && (st == e.lx.Stem("say") || st == e.lx.Stem("tell")):
			continue // "what did X say" asks for X's words, whatever they are about
		case q.Speech && e.lx.IsSpeech(st), e.lx.FrameWords.Has(t.Norm), i > 0 && toks[i-1].Norm == "how":
			q.addTerm(st, e.opts.FrameWeight, true) // warned, described, what kind, how long
			continue
		}
		group := q.addTerm(st, 1, false)
		if named[i] && i >= q.speakerFrom && i < q.speakerTo && group < index.MaxGroups {
			q.speakerGroups |= 1 << group
		}
		if (t.Cap && i > 0 || t.Number) && group < index.MaxGroups {
			q.nameGroups |= 1 << group // "Which year did Tesla …", "in 1904"
		}
		if e.lx.TitleHeads.Has(t.Norm) && e.lx.FoldTitle(t.Norm) != t.Norm {
			q.addToGroup(e.lookupTerm(e.lx.FoldTitle(t.Norm)), e.opts.AliasWeight, group)
		}
		if !t.Cap && !named[i] && e.opts.RelatedWeight > 0 && !e.ix.Common(st) {
			if len(t.Norm) >= 4 {
				// Paraphrases: "purchase" also finds "buy", "guns"
				// "firearms", at less than the question's own word; only
				// those the articles use, since the others can match
				// nothing.
				e.addRelated(q, st, st, group)
			}
			if i+1 < len(toks) && e.lx.PhrasalParticles.Has(toks[i+1].Norm) {
				// A phrasal verb's paraphrases: "step down" finds
				// "resigned", "put off" "postponed", however short its
				// verb.
				e.addRelated(q, st+"_"+toks[i+1].Norm, st, group)
			}
		}
		if i == q.leadVerb {
			leadGroup = group
		}
		if key, n := e.lx.PlaceAt(toks, i); n > 0 {
			q.addToGroup("@"+key, e.opts.AliasWeight, group)
			for k := 1; k < n; k++ {
				q.addToGroup(e.lookupTerm(toks[i+k].Norm), 1, group)
			}
			i += n - 1
		}
	}
	if leadGroup >= 0 {
		// "Who runs the bank?": "its chief executive, Ann Lee" and "the
		// bank, led by Ann Lee" answer it too. After the question's own
		// words, which keep their own groups.
		for _, lead := range e.leadTerms {
			q.addToGroup(lead, e.opts.AliasWeight, leadGroup)
		}
	}
}

// addRelated adds to a question word's group, at the related weight, the
// terms the related table gives for key that the articles use, but the
// word's own term.
func (e *Engine) addRelated(q *Question, key, own string, group int) {
	for _, rel := range relatedTerms(key) {
		if _, ok := e.ix.Lookup(rel); ok && rel != own {
			q.addToGroup(rel, e.opts.RelatedWeight, group)
		}
	}
}

// addTerm adds a term as a question word of its own and returns its group;
// frame words help ranking but not confidence.
func (q *Question) addTerm(term string, w float64, frame bool) int {
	q.frame = append(q.frame, frame)
	q.nGroups++
	q.addToGroup(term, w, q.nGroups-1)
	return q.nGroups - 1
}

// addToGroup adds a term that stands for the same question word as group;
// the first term of a group is its primary term.
func (q *Question) addToGroup(term string, w float64, group int) {
	primary := true
	for _, t := range q.terms {
		if t.Term == term {
			return
		}
		if t.Group == group {
			primary = false
		}
	}
	q.terms = append(q.terms, index.QueryTerm{Term: term, Weight: w, Group: group, Primary: primary})
}

// topicWords counts the question words that are not frame words.
func (q *Question) topicWords() int {
	n := 0
	for _, f := range q.frame {
		if !f {
			n++
		}
	}
	return n
}

// weighTerms sets what each question word weighs towards confidence in
// the articles searched (all, or the one the question is kept to): its
// best term's IDF there, less for a word none of their sentences has,
// nothing for a framing word.
func (q *Question) weighTerms(searched index.Part, missingWordWeight float64) {
	q.topicIDF = make([]float64, q.nGroups)
	q.altIDF = make([]float64, q.nGroups)
	q.missingWeight, q.missingWords = 0, nil
	present := make([]bool, q.nGroups)
	missing := make([]float64, q.nGroups)
	for _, t := range q.terms {
		g := t.Group
		w := t.Weight * searched.IDF(t.Term)
		if searched.DocFreq(t.Term) > 0 {
			present[g] = true
			q.topicIDF[g] = max(q.topicIDF[g], w)
			if !t.Primary {
				q.altIDF[g] = max(q.altIDF[g], w)
			}
		} else {
			missing[g] = max(missing[g], w)
		}
	}
	for g := range q.topicIDF {
		switch {
		case q.frame[g]:
			q.topicIDF[g] = 0
		case !present[g]:
			q.topicIDF[g] = missing[g] * missingWordWeight
			q.missingWeight += missing[g]
		}
	}
	for _, t := range q.terms {
		if t.Primary && !present[t.Group] && !q.frame[t.Group] {
			q.missingWords = append(q.missingWords, t.Term)
		}
	}
}

// isNumberWord reports whether a word is a count written out.
func isNumberWord(lx *text.Lexicon, w string) bool { return lx.NumberWords.Has(w) }
