package text

import "strings"

// A WordSet is a fixed list of normalised words. It is built once and
// never changes, so stages may share it.
type WordSet struct{ m map[string]bool }

// NewWordSet makes a set of the words of a space-separated list.
func NewWordSet(words string) WordSet {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return WordSet{m}
}

// Has reports whether the set holds the normalised word.
func (s WordSet) Has(norm string) bool { return s.m[norm] }

// Words returns the set's words, in no order.
func (s WordSet) Words() []string {
	out := make([]string, 0, len(s.m))
	for w := range s.m {
		out = append(out, w)
	}
	return out
}

// A WordKind is a class of words that indexing asks about for every token.
// A cached word carries its kinds, looked up once when first seen (see
// Cache.Intern), so that asking costs a bit test, not a map lookup.
type WordKind uint16

const (
	KindStop      WordKind = 1 << iota // StopWords or QuestionWords
	KindLogic                          // LogicWords
	KindNumber                         // NumberWords
	KindTime                           // TimeWords
	KindFuture                         // FutureWords
	KindPlacePrep                      // PlacePrepositions
	KindTitleHead                      // TitleHeads

	// What a word is as a place, known of a cached word only (see
	// Lexicon.placeKinds).
	KindPlace      // a place by itself: Lexicon.places
	KindPlaceStart // the first word of a longer place: Lexicon.placeFirst
)

// wordKindSets are the word lists of the kinds.
var wordKindSets = []struct {
	kind WordKind
	sets []WordSet // a word in any is of the kind
}{
	{KindStop, []WordSet{StopWords, QuestionWords}},
	{KindLogic, []WordSet{LogicWords}},
	{KindNumber, []WordSet{NumberWords}},
	{KindTime, []WordSet{TimeWords}},
	{KindFuture, []WordSet{FutureWords}},
	{KindPlacePrep, []WordSet{PlacePrepositions}},
	{KindTitleHead, []WordSet{TitleHeads}},
}

// kindsOf looks up the kinds of a normalised word.
func kindsOf(norm string) WordKind {
	var k WordKind
	for _, ks := range wordKindSets {
		for _, set := range ks.sets {
			if set.Has(norm) {
				k |= ks.kind
				break
			}
		}
	}
	return k
}

// StopWords are the words that carry no topic of their own. Question words
// have their own set: question analysis reads them ("who" wants a person)
// before ranking drops them.
var StopWords = NewWordSet(`a an the and or but nor so yet if then than that this these those
	i me my mine myself we us our ours ourselves you your yours yourself yourselves
	he him his himself she her hers herself it its itself they them their theirs themselves
	am is are was were be been being have has had having do does did doing
	will would shall should can could may might must ought
	of at by for with about against between into through during before after above below
	to from up down in out on off over under again further once here there
	all any both each few more most other some such no not only own same too very
	just also s t d ll m o re ve y don't doesn't didn't won't can't isn't aren't wasn't weren't
	i'm i've i'd i'll we're we've we'd we'll you're you've you'd you'll he's she's it's
	they're they've they'd they'll that's there's let's as until while because although
	though whether`)

// LogicWords are stop words that still carry meaning a question may hinge
// on: a condition, a negation, a cause. They are indexed, and a question's
// logic words count a little towards ranking but never towards confidence.
var LogicWords = NewWordSet(`if unless not no never without because despite against`)

// QuestionWords open a question and name the kind of answer wanted.
var QuestionWords = NewWordSet(`what who whom whose when where why how which`)

// NumberWords are counts written out.
var NumberWords = NewWordSet(`one two three four five six seven eight nine ten eleven twelve thirteen
	fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
	eighty ninety hundred hundreds thousand thousands million millions billion billions trillion
	dozen dozens half quarter third double twice`)

// TimeWords mark a time expression.
var TimeWords = NewWordSet(`monday tuesday wednesday thursday friday saturday sunday january february
	march april may june july august september october november december jan feb mar apr jun jul
	aug sep sept oct nov dec yesterday today tonight
	tomorrow ago morning evening night overnight afternoon week weekend month year decade
	century annual daily weekly season spring summer autumn winter dawn noon midnight earlier
	later soon recently`)

// FutureWords mark a time to come.
var FutureWords = NewWordSet(`will next upcoming soon expected scheduled plans planned tomorrow
	approaching coming later forthcoming`)

// PlacePrepositions come before a place: "in Kyiv", "from Moscow".
var PlacePrepositions = NewWordSet(`at in to from near outside inside across into`)

// CalendarWords are days and months; a name ends before one: "Geneva on
// Monday" is a place and a day.
var CalendarWords = NewWordSet(`monday tuesday wednesday thursday friday saturday sunday january
	february march april may june july august september october november december jan feb mar apr
	jun jul aug sep sept oct nov dec`)

// TitleHeads are nouns that name a person by office or role: "the Ukrainian
// president", "Russia's foreign ministry spokesperson".
var TitleHeads = NewWordSet(`president leader minister premier chancellor spokesperson spokesman
	spokeswoman secretary senator representative congressman congresswoman governor mayor
	chief head chairman chairwoman chair chairperson director ambassador envoy official
	diplomat commander general king queen prince princess pope judge justice prosecutor
	attorney counterpart lawmaker legislator adviser advisor aide negotiator ceo founder
	executive economist analyst professor expert researcher scientist activist candidate
	nominee monarch emperor sheikh emir ayatollah cleric archbishop bishop priest rabbi imam
	lawyer doctor officer inspector colonel captain lieutenant sergeant admiral deputy
	commissioner superintendent sheriff coach manager owner speaker whip rapporteur mediator
	president-elect vice-president mp mep lady sir dame lord mr mrs ms dr prof rep sen gov gen
	lt col capt sgt rev hon dean rector provost principal editor author journalist reporter
	correspondent historian strategist pollster consultant boss councilman
	councilwoman councillor councilor alderman alderwoman assemblyman assemblywoman
	treasurer comptroller auditor midfielder defender striker goalkeeper forward`)

// titleSynonyms let a description find a person whose role the article
// words differently: "the Ukrainian leader" is the Ukrainian president.
var titleSynonyms = map[string]string{
	"leader": "president", "head": "president", "premier": "minister",
	"spokesman": "spokesperson", "spokeswoman": "spokesperson", "chairwoman": "chairman",
	"chair": "chairman", "chairperson": "chairman", "congressman": "representative",
	"congresswoman": "representative", "rep": "representative", "sen": "senator",
	"gov": "governor", "gen": "general", "advisor": "adviser", "boss": "chief",
	"councilwoman": "councilman", "councillor": "councilman", "councilor": "councilman",
}

// FoldTitle returns the title noun that stands for a title and its
// synonyms: "spokeswoman" and "spokesman" are "spokesperson".
func FoldTitle(w string) string {
	if s, ok := titleSynonyms[w]; ok {
		return s
	}
	return w
}

// RoleModifiers are lower-case words that may stand in a role before a
// name: "Kenyan cabinet minister William Ruto", "Russia's foreign ministry
// spokesperson Maria Zakharova".
var RoleModifiers = NewWordSet(`foreign ministry cabinet former deputy vice senior acting interim
	national opposition state defence defense finance interior justice health press prime top
	outgoing incoming first majority minority party security trade economy energy environment
	education labour labor communications military army navy police intelligence presidential
	assistant associate regional local federal provincial junior co lead special political
	supreme high parliamentary council committee commission department union house senate
	chief general executive public affairs human rights development treasury transport
	agriculture immigration home environmental legal medical civil spy central bank
	government administration campaign white`)

// GroupNouns are the plural subjects of news attribution ("Critics say",
// "Officials warned"): capitalised at the start of a sentence, they are
// still not names.
var GroupNouns = NewWordSet(`critics officials analysts experts residents witnesses police authorities
	lawmakers legislators observers sources diplomats protesters supporters opponents voters
	doctors scientists researchers investigators prosecutors leaders people others many some
	both several few most all neighbours neighbors parents teachers students workers
	officers soldiers troops militants rebels activists economists commentators insiders`)

// SpeechVerbs are verbs that introduce what someone said, in their base
// form; the lexicon stems their forms once so that "emphasised",
// "emphasized" and "emphasises" all count (see Lexicon.IsSpeech).
var SpeechVerbs = NewWordSet(`say tell state add explain emphasise emphasize note warn ask insist
	admit claim argue reiterate urge describe write tweet post announce declare reply respond
	stress acknowledge suggest predict recall remark comment observe assert concede confirm
	deny promise vow pledge affirm contend continue conclude testify reveal exclaim mention
	quip joke counter retort complain lament boast shout whisper call report caution
	accuse criticise criticize propose recommend agree disagree estimate forecast threaten`)
