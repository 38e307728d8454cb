package qa

import "github.com/articlebot/articlebot/qa/text"

// Word lists of news English that the speaker finder reads. They are the
// grammar of attribution, not facts about the world (those are in data/),
// and each is small enough to read in full.

// participleSpeech are speech verbs in -ing form; their subject is the
// subject of the clause they hang on ("Trump said, adding …").
func isParticiple(t text.Token) bool { return len(t.Norm) > 4 && t.Norm[len(t.Norm)-3:] == "ing" }

// docVerbs introduce the words of a document rather than a speaker: "H.R.
// 1424, a bill concerning "…"", "the resolution, titled "…"".
var docVerbs = text.NewWordSet(`concerning titled entitled headlined reading subtitled captioned`)

// pronouns that can be the subject of a speech verb, with their gender.
var subjectPronouns = map[string]byte{"he": 'm', "she": 'f', "they": 0, "i": 0, "we": 0}

// femaleWords and maleWords in a role or an honorific give a person's gender.
var (
	femaleWords = text.NewWordSet(`mrs ms miss madam spokeswoman chairwoman congresswoman councilwoman assemblywoman alderwoman queen princess lady dame sister mother wife daughter businesswoman actress`)
	maleWords   = text.NewWordSet(`mr sir spokesman chairman congressman councilman assemblyman alderman king prince lord brother father husband son businessman actor`)
)

// docHeads are nouns for documents and institutions that can be quoted:
// "the joint statement said", "the report notes".
var docHeads = text.NewWordSet(`statement report ministry government agency website document letter
	resolution bill communique communiqué declaration study survey newspaper court council
	committee commission embassy office department memo memorandum filing ruling verdict
	indictment complaint lawsuit release announcement poll paper plan proposal treaty
	agreement law act constitution kremlin pentagon military army police campaign company
	firm`)

// orgWords in a capitalised name make it an organisation or a place, not a
// person: "White House", "Kenyan National Commission on Human Rights".
var orgWords = text.NewWordSet(`house office senate congress parliament assembly commission committee
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
var nameConnectors = text.NewWordSet(`of for on the de del der van von da di du la le al bin ibn el`)

// determiners open a description: "the US president", "his Ukrainian
// counterpart".
var determiners = text.NewWordSet(`the a an his her its their our this that`)

// adverbs that may stand between a speaker and the verb: "Trump later said".
var speechAdverbs = text.NewWordSet(`also later then again previously recently earlier further
	finally repeatedly reportedly publicly privately once had has have`)
