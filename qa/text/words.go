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
	KindStop         WordKind = 1 << iota // StopWords or QuestionWords
	KindLogic                             // LogicWords
	KindNumber                            // NumberWords
	KindTime                              // TimeWords
	KindFuture                            // FutureWords
	KindPlacePrep                         // PlacePrepositions
	KindTitleHead                         // TitleHeads
	KindCurrency                          // CurrencyWords
	KindTimeUnit                          // TimeUnits
	KindLengthUnit                        // LengthUnits
	KindQuantityUnit                      // WeightUnits or QuantityUnits
	KindFrequency                         // FrequencyWords

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
	{KindCurrency, []WordSet{CurrencyWords}},
	{KindTimeUnit, []WordSet{TimeUnits}},
	{KindLengthUnit, []WordSet{LengthUnits}},
	{KindQuantityUnit, []WordSet{WeightUnits, QuantityUnits}},
	{KindFrequency, []WordSet{FrequencyWords}},
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
	coming later forthcoming`)

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
	treasurer comptroller auditor midfielder defender striker goalkeeper forward undersecretary
	constable detective corporal marshal warden trustee magistrate coroner registrar`)

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
var SpeechVerbs = NewWordSet(`say tell state add explain emphasise emphasize note warn ask answer insist
	admit claim argue reiterate urge describe write tweet post announce declare reply respond
	stress acknowledge suggest predict recall remark comment observe assert concede confirm
	deny promise vow pledge affirm contend continue conclude testify reveal exclaim mention
	quip joke counter retort complain lament boast shout whisper call report caution
	accuse criticise criticize propose recommend agree disagree estimate forecast threaten`)

// The closed classes of English that the attribution stage reads clauses
// with: it tags no parts of speech, but knows these words, and takes the
// rest for nouns, names, adjectives and verbs by their place and shape.
var (
	// Determiners open a noun phrase: "the US president".
	Determiners = NewWordSet(`the a an this that these those`)

	// PossessiveDeterminers open a noun phrase and point to an owner:
	// "his Twitter account", "their statement".
	PossessiveDeterminers = NewWordSet(`his her its their our my your`)

	// Quantifiers open a noun phrase, or stand for one: "one resident",
	// "another added".
	Quantifiers = NewWordSet(`one another some many several each every all both few most no any
		other others two three four five six seven eight nine ten dozens hundreds thousands`)

	// Prepositions tie a phrase to the one before: "Jane Roe of the Harbor
	// Institute", "a correspondent in Lagos".
	Prepositions = NewWordSet(`of in on at by for from with to into about against over under after
		before during without near across between among since until via per amid amidst
		including despite behind beyond through throughout toward towards upon within outside
		inside off alongside beside beneath around along onto past regarding unlike amongst`)

	// Conjunctions join phrases and clauses: "received the offer but said".
	Conjunctions = NewWordSet(`and or but nor yet`)

	// Subordinators open a clause that is not the sentence's main one:
	// "When he first made his claims, he said".
	Subordinators = NewWordSet(`when while whilst as because although though if since whereas unless
		until once after before`)

	// Relatives open a clause about the noun before: "Susan Rice, who is
	// both …, said".
	Relatives = NewWordSet(`who whom whose which that where`)

	// Auxiliaries stand before a verb: "was quoted", "had said".
	Auxiliaries = NewWordSet(`is was are were be been being am has have had having do does did will
		would shall should can could may might must`)

	// ClauseAdverbs may stand between a subject and its verb: "Trump
	// later said", "Sarkozy himself said".
	ClauseAdverbs = NewWordSet(`also later then again previously recently earlier further finally
		repeatedly reportedly publicly privately once still now even first last already
		subsequently simply only himself herself themselves itself too never not`)
)

// NameParticles stand inside a person's name, before its last part:
// "Abdul Ati al-Obeidi", "Ursula von der Leyen", "Osama bin Laden".
var NameParticles = NewWordSet(`al el bin ibn abu bint ben van von der den de del della di da du la
	le dos das ter`)

// NameConnectors may stand inside the name of a body: "House of
// Representatives", "Movement for Democratic Change".
var NameConnectors = NewWordSet(`of for on the and`)

// Honorifics are forms of address before a name: "Mr Abbot", "Dr. Reyes".
var Honorifics = NewWordSet(`mr mrs ms miss dr prof sir dame lord lady rev hon`)

// FemaleWords and MaleWords in a role or an honorific give a person's
// gender.
var (
	FemaleWords = NewWordSet(`mrs ms miss madam spokeswoman chairwoman congresswoman councilwoman
		assemblywoman alderwoman queen princess lady dame sister mother wife daughter
		businesswoman actress woman girl grandmother aunt niece widow girlfriend`)
	MaleWords = NewWordSet(`mr sir spokesman chairman congressman councilman assemblyman alderman
		king prince lord brother father husband son businessman actor man boy grandfather
		uncle nephew widower boyfriend`)
)

// OrgWords in a capitalised name make it an organisation or a place, not
// a person: "White House", "Norfolk Fire and Rescue Service".
var OrgWords = NewWordSet(`house office senate congress parliament assembly commission committee
	council ministry department party union court bank fund website agency act bill
	government university college school institute association organization organisation
	corporation company inc ltd llc plc group times post news press network forces army navy
	airlines airways island islands street road avenue square palace hall center centre
	rights representatives republic kingdom states nations church league federation
	foundation board bureau service services authority police guard museum hospital alliance
	coalition partnership movement
	club team cup games olympics summit conference treaty accord agreement declaration
	resolution amendment division program programme project initiative daily journal
	tribune herald gazette telegraph guardian observer chronicle monitor radio television
	tv channel broadcasting chamber society trust institution motors holdings industries buses
	coaches rail railway railways trains ferries transport
	systems technologies pharmaceuticals partners insurance foods brands media entertainment
	communications telecom steel petroleum mining resources logistics shipping airline power
	energy electric utilities
	democrats republicans democrat republican conservatives labour liberals greens
	united rovers fc athletic wanderers rangers albion hotspur academy`)

// OrgNouns, lower case, head a phrase that names a body: "China's foreign
// ministry", "the office of the Maldives President".
var OrgNouns = NewWordSet(`ministry government office agency department military army navy
	police embassy court council committee commission company firm party newspaper paper union
	league club team administration campaign authority organisers organizers organisation
	organization board bureau service group network broadcaster station channel institute
	university school hospital kremlin pentagon parliament senate congress cabinet regime
	junta force forces coalition alliance federation association consortium charity
	prosecutors prosecution foundation trust society chamber fund bank centre center
	institution commissioners museum gallery library zoo theatre theater utility regulator
	watchdog insurer carmaker airline maker retailer supermarket operator provider developer
	publisher festival`)

// DocNouns head a phrase that names a document, which may be quoted: "the
// joint statement said", "a memo seen by Reuters".
var DocNouns = NewWordSet(`statement report memo memorandum letter study survey document filing
	ruling verdict indictment complaint lawsuit release announcement poll plan proposal
	treaty agreement resolution bill communique communiqué declaration website account post
	tweet message email transcript editorial article note notice order decree judgment
	judgement summary review assessment analysis leaflet flyer pamphlet manifesto brochure
	petition`)

// PersonNouns head a phrase that names a person, or people, without a
// name; the article's noun is then the speaker: "one resident said", "the
// minister's brother said".
var PersonNouns = NewWordSet(`resident witness protester protestor demonstrator source official
	neighbour neighbor friend relative brother sister mother father son daughter wife husband
	uncle aunt cousin parent student teacher worker farmer driver passenger survivor victim
	member employee fan voter man woman boy girl person observer analyst expert critic
	supporter opponent activist officer soldier doctor nurse pilot engineer shopkeeper
	trader owner customer visitor tourist local villager citizen refugee migrant
	colleague partner player manager coach captain spokesperson spokesman spokeswoman
	insider aide adviser advisor lawyer attorney representative delegate diplomat
	correspondent reporter journalist commentator researcher scientist professor economist
	investigator prosecutor judge governor mayor minister president leader chief head
	barrister solicitor counsel family juror neighbour neighbor people`)

// CompoundSuffixes are the lower-case halves of a hyphenated modifier after a
// name ("Paris-based organisers", "US-led coalition"): the name ends before
// the hyphen.
var CompoundSuffixes = NewWordSet(`based led linked backed born owned run style like era wide made
	funded controlled held speaking affiliated allied aligned sponsored supported brokered
	inspired dominated bound educated trained registered listed flagged friendly area type level
	scale range class free only long old related focused centred centered`)

// QuoteVerbs introduce the very words someone used only when a quotation
// follows within a few words: "called the attempt “deplorable”",
// "dismissed the claims as “rumours”", "his account, which read, “…”".
var QuoteVerbs = NewWordSet(`call dismiss brand label dub term hail describe accept read condemn
	decry praise slam quote cite recall`)

// DocumentVerbs introduce a document's words, and no one else's: "the memo
// discusses an “agreement in principle”"; people who discuss “who will do
// what” are quoting no one.
var DocumentVerbs = NewWordSet(`discuss outline detail show list specify stipulate`)

// PlaceWords in a capitalised name make it a place, not a person: "Crosson
// Ice Shelf", "Kaafu Atoll", "Banyan Tree Resort".
var PlaceWords = NewWordSet(`ice shelf glacier mountain mountains mount river lake sea ocean bay
	valley desert park bridge forest canyon gulf strait cape peninsula coast basin falls hill hills
	peak delta atoll reef resort airport station port harbour harbor beach plain plateau province
	district county region state city town village square street road avenue stadium arena vale`)

// SpeechNouns are what someone says, as the subject of an introduction:
// "His answer was simple:", "The minister's reply:".
var SpeechNouns = NewWordSet(`answer reply response message words verdict view comment comments
	reaction remarks explanation warning advice plea retort assessment`)

// IssuedDocNouns are the documents their writer issues in their own name,
// so that "X released a statement" makes X its issuer; a study, a report
// or a poll that someone cites or commissions is not theirs.
var IssuedDocNouns = NewWordSet(`statement letter message post tweet email memo memorandum communique
	communiqué release announcement leaflet flyer manifesto notice`)

// occupationSuffixes end the nouns for what people do: glaciologist,
// physician, coauthor, teenager, spokesman, attendant. -er, -ant and -ent
// also end many other words (answer, water, plant, event), and count only
// right before a name: see HasOccupationSuffix.
var occupationSuffixes = [...]struct {
	suffix string
	loose  bool
}{{"ist", false}, {"ian", false}, {"or", false}, {"man", false}, {"woman", false}, {"person", false},
	{"er", true}, {"ant", true}, {"ent", true}}

// HasOccupationSuffix reports whether a normalised word ends as a noun
// for what someone does: glaciologist, juror, spokesman; with loose, right
// before a name where such a noun stands, also teenager, attendant.
func HasOccupationSuffix(norm string, loose bool) bool {
	for _, s := range occupationSuffixes {
		if (loose || !s.loose) && strings.HasSuffix(norm, s.suffix) && len(norm) > len(s.suffix)+2 {
			return true
		}
	}
	return false
}

// BodyModifiers are the second halves of what is said of a body before or
// in its name's apposition: "Portland-based", "state-owned".
var BodyModifiers = NewWordSet(`based owned backed listed run controlled funded headquartered`)

// BodyParts follow a body's name as its own: "Lattice Forge's shares".
var BodyParts = NewWordSet(`founder founders shareholders employees staff workforce headquarters
	shares board subsidiary subsidiaries customers stores plants factories`)

// ChainPrepositions join a phrase to the one before it inside a speaker's
// phrase: "Jane Roe of the Harbor Institute", "a correspondent in Lagos",
// "spokesman for the Iraqi military".
var ChainPrepositions = NewWordSet(`of for at in on from`)

// LyNouns end in -ly but are no adverbs.
var LyNouns = NewWordSet(`family ally assembly rally supply reply monopoly anomaly bully belly
	jelly lily holly italy july sally emily kelly molly`)

// IrregularParticiples are past participles without -ed or -en.
var IrregularParticiples = NewWordSet(`seen held made sent told shown brought bought led run known heard
	read left kept signed`)

// DocVerbs introduce the words of a document rather than a speaker: "H.R.
// 1424, a bill concerning "…"", "the resolution, titled "…"".
var DocVerbs = NewWordSet(`concerning titled entitled headlined reading subtitled captioned`)

// AddForms are the forms of "add", which "to" after makes no verb of
// saying.
var AddForms = NewWordSet(`add adds added adding`)

// TimeUnits measure a length of time: "five years", "a three-day visit".
var TimeUnits = NewWordSet(`second seconds minute minutes hour hours day days week weeks month months
	year years decade decades century centuries`)

// Units of measure, for "how much", "how far", "how long": what a number
// stands before when it measures something.
var (
	CurrencyWords = NewWordSet(`dollar dollars pound pounds euro euros yen yuan rupee rupees franc francs
		cent cents pence peso pesos rouble roubles ruble rubles shilling shillings dinar dinars`)
	LengthUnits = NewWordSet(`metre metres meter meters kilometre kilometres kilometer kilometers km
		mile miles foot feet inch inches yard yards centimetre centimetres cm mm millimetres`)
	WeightUnits = NewWordSet(`gram grams kilogram kilograms kilo kilos kg tonne tonnes ton tons ounce ounces
		lb lbs milligrams mg`)
	QuantityUnits = NewWordSet(`percent per cent litre litres liter liters gallon gallons barrel barrels
		acre acres hectare hectares degree degrees`)

	// CurrencySigns stand before an amount: "$250,000".
	CurrencySigns = "$£€¥₹"

	// FrequencyWords say how often: "twice a year", "fortnightly".
	FrequencyWords = NewWordSet(`daily weekly monthly yearly annually hourly fortnightly nightly quarterly
		biweekly twice once times every`)
)
