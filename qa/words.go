package qa

// Word lists of news English that the speaker finder reads. They are the
// grammar of attribution, not facts about the world (those are in data/),
// and each is small enough to read in full.

// speechVerbs are verbs that introduce what someone said, in their base
// form; the lexicon stems them once so that "emphasised", "emphasized" and
// "emphasises" all count.
const speechVerbs = `say tell state add explain emphasise emphasize note warn ask insist
	admit claim argue reiterate urge describe write tweet post announce declare reply respond
	stress acknowledge suggest predict recall remark comment observe assert concede confirm
	deny promise vow pledge affirm contend continue conclude testify reveal exclaim mention
	quip joke counter retort complain lament boast shout whisper call report caution
	accuse criticise criticize propose recommend agree disagree estimate forecast threaten`

// participleSpeech are speech verbs in -ing form; their subject is the
// subject of the clause they hang on ("Trump said, adding …").
func isParticiple(t token) bool { return len(t.Norm) > 4 && t.Norm[len(t.Norm)-3:] == "ing" }

// docVerbs introduce the words of a document rather than a speaker: "H.R.
// 1424, a bill concerning "…"", "the resolution, titled "…"".
var docVerbs = setOf(`concerning titled entitled headlined reading subtitled captioned`)

// pronouns that can be the subject of a speech verb, with their gender.
var subjectPronouns = map[string]byte{"he": 'm', "she": 'f', "they": 0, "i": 0, "we": 0}

// titleHeads are nouns that name a person by office or role: "the Ukrainian
// president", "Russia's foreign ministry spokesperson".
var titleHeads = setOf(`president leader minister premier chancellor spokesperson spokesman
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
	correspondent historian strategist pollster consultant chairperson boss councilman
	councilwoman councillor councilor alderman alderwoman assemblyman assemblywoman
	commissioner treasurer comptroller auditor midfielder defender striker goalkeeper forward
	coach captain`)

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

// femaleWords and maleWords in a role or an honorific give a person's gender.
var (
	femaleWords = setOf(`mrs ms miss madam spokeswoman chairwoman congresswoman councilwoman assemblywoman alderwoman queen princess lady dame sister mother wife daughter businesswoman actress`)
	maleWords   = setOf(`mr sir spokesman chairman congressman councilman assemblyman alderman king prince lord brother father husband son businessman actor`)
)

// roleModifiers are lower-case words that may stand in a role before a
// name: "Kenyan cabinet minister William Ruto", "Russia's foreign ministry
// spokesperson Maria Zakharova".
var roleModifiers = setOf(`foreign ministry cabinet former deputy vice senior acting interim
	national opposition state defence defense finance interior justice health press prime top
	outgoing incoming first majority minority party security trade economy energy environment
	education labour labor communications military army navy police intelligence presidential
	assistant associate regional local federal provincial junior co lead special political
	supreme high parliamentary council committee commission department union house senate
	chief general executive public affairs human rights development treasury transport
	agriculture immigration home environmental legal medical civil spy central bank
	government administration campaign white`)

// docHeads are nouns for documents and institutions that can be quoted:
// "the joint statement said", "the report notes".
var docHeads = setOf(`statement report ministry government agency website document letter
	resolution bill communique communiqué declaration study survey newspaper court council
	committee commission embassy office department memo memorandum filing ruling verdict
	indictment complaint lawsuit release announcement poll paper plan proposal treaty
	agreement law act constitution kremlin pentagon military army police campaign company
	firm`)

// orgWords in a capitalised name make it an organisation or a place, not a
// person: "White House", "Kenyan National Commission on Human Rights".
var orgWords = setOf(`house office senate congress parliament assembly commission committee
	council ministry department party union court bank fund website agency act bill
	government university college school institute association organization organisation
	corporation company inc ltd llc plc group times post news press network forces army navy
	airlines airways island islands street road avenue square palace hall center centre
	rights representatives republic kingdom states nations church league federation
	foundation council board bureau service services authority police guard museum hospital
	club team cup games olympics summit conference treaty accord agreement declaration
	resolution amendment division program programme project initiative
	monday tuesday wednesday thursday friday saturday sunday january february march april may
	june july august september october november december christmas easter ramadan
	democrats republicans democrat republican conservatives labour liberals greens
	united rovers fc athletic wanderers rangers albion hotspur academy`)

// nameConnectors may stand inside a capitalised name: "House of
// Representatives", "Ursula von der Leyen", "Taxpayers for Common Sense".
var nameConnectors = setOf(`of for on the de del der van von da di du la le al bin ibn el`)

// determiners open a description: "the US president", "his Ukrainian
// counterpart".
var determiners = setOf(`the a an his her its their our this that`)

// adverbs that may stand between a speaker and the verb: "Trump later said".
var speechAdverbs = setOf(`also later then again previously recently earlier further
	finally repeatedly reportedly publicly privately once had has have`)

// groupNouns are the plural subjects of news attribution ("Critics say",
// "Officials warned"): capitalised at the start of a sentence, they are
// still not names.
var groupNouns = setOf(`critics officials analysts experts residents witnesses police authorities
	lawmakers legislators observers sources diplomats protesters supporters opponents voters
	doctors scientists researchers investigators prosecutors leaders people others many some
	both several few most all neighbours neighbors parents teachers students workers
	officers soldiers troops militants rebels activists economists commentators insiders`)

// calendarWords end a name: "Geneva on Monday" is a place and a day.
var calendarWords = setOf(`monday tuesday wednesday thursday friday saturday sunday january
	february march april may june july august september october november december jan feb mar apr
	jun jul aug sep sept oct nov dec`)
