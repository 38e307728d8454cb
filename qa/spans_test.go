package qa

import (
	"maps"
	"slices"
	"testing"

	"github.com/articlebot/articlebot/qa/span"
	"github.com/articlebot/articlebot/qa/text"
)

// TestPhraseFeatures checks the features of the phrases of a sentence
// that describe where a phrase stands: after a preposition, inside
// parentheses, and how long, for a bare "what"; and that a capitalised
// time is proposed once, as a time.
func TestPhraseFeatures(t *testing.T) {
	a := mustArticle(t, "Harbour reopens after the storm\n"+
		"Harbour master Tom Hale (the port's chief) reopened the harbour on Tuesday after repairs.\n")
	e := New([]*Article{a}, DefaultOptions())
	phrasesOf := func(question string) map[string][]span.Vector {
		t.Helper()
		q, err := e.ParseQuestion(question)
		if err != nil {
			t.Fatal(err)
		}
		out := make(map[string][]span.Vector)
		for _, c := range e.SpanCandidates(q, Ref{Sentence: 1}) {
			out[c.Text] = append(out[c.Text], c.Features)
		}
		return out
	}
	when := phrasesOf("When did the harbour reopen?")
	tuesday := when["Tuesday"]
	if len(tuesday) != 1 || tuesday[0][span.Match(span.AskTime, span.TypeTime)] != 1 {
		t.Fatalf("Tuesday proposed as %v, want once, as a time", tuesday)
	}
	if tuesday[0][span.PrepositionBefore] != 1 || tuesday[0][span.InParentheses] != 0 || tuesday[0][span.WordsWhat] != 0 {
		t.Errorf("Tuesday: preposition before %v, in parentheses %v, words for what %v, want 1, 0, 0",
			tuesday[0][span.PrepositionBefore], tuesday[0][span.InParentheses], tuesday[0][span.WordsWhat])
	}
	what := phrasesOf("What did the harbour master do?")
	chief := what["port's chief"]
	if len(chief) != 1 || chief[0][span.InParentheses] != 1 || chief[0][span.WordsWhat] != chief[0][span.Words] {
		t.Errorf("port's chief: %v, want one phrase, in parentheses, its length counted for what", chief)
	}
	if hale := what["Tom Hale"]; len(hale) != 1 || hale[0][span.PrepositionBefore] != 0 || hale[0][span.InParentheses] != 0 {
		t.Errorf("Tom Hale: %v, want one phrase, no preposition before, outside parentheses", hale)
	}
}

// TestPhraseShapes checks the shapes of phrase proposed whole or not at
// all: a given name's second half in lower case is part of the name, a
// compound modifier's is not, and a compound in lower case is one phrase;
// a dash typed as a hyphen before a small word ends a run of names there
// ("Turin-and on"); a part counted of a whole ("31 of the 38 flats"); what
// a name possesses ("Kim Il-sung's 100th birthday", but no ordinal alone
// after the possessive); a name with the noun it qualifies when the noun
// ends in -ly ("MacIsaac family") or is a body's noun that may also stand
// in a role ("union official").
func TestPhraseShapes(t *testing.T) {
	tests := []struct {
		name, sentence, question string
		want, not                []string
	}{
		{"names and compounds", "Kim Jong-un spoke at the Paris-based agency on Kim Il-sung's birthday about swimming-plates.",
			"Who spoke at the agency?", []string{"Kim Jong-un", "Kim Il-sung's", "swimming-plates"}, []string{"Kim Jong", "Paris-based"}},
		{"a dash typed as a hyphen", "The convoy drove through Lyon and Turin-and on to Milan by night.",
			"Which cities did the convoy drive through?", []string{"Lyon and Turin", "Turin", "Milan"}, []string{"Turin-and", "Lyon and Turin-and"}},
		{"parts and possessions", "Inspectors found damp in 31 of the 38 flats before Ofcom's final ruling on Kim Il-sung's 100th birthday.",
			"What did the inspectors find?", []string{"31 of the 38 flats", "Ofcom's final ruling", "Kim Il-sung's 100th birthday"},
			[]string{"Kim Il-sung's 100th"}},
		{"a name and its noun", "The plant, owned by the MacIsaac family, will close, the Unite hospitality union said.",
			"Who owns the plant?", []string{"MacIsaac family", "Unite hospitality union"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := New([]*Article{mustArticle(t, "A headline\n"+tt.sentence+"\n")}, DefaultOptions())
			q, err := e.ParseQuestion(tt.question)
			if err != nil {
				t.Fatal(err)
			}
			got := make(map[string]bool)
			for _, c := range e.SpanCandidates(q, Ref{Sentence: 1}) {
				got[c.Text] = true
			}
			for _, want := range tt.want {
				if !got[want] {
					t.Errorf("no phrase %q in %v", want, got)
				}
			}
			for _, not := range tt.not {
				if got[not] {
					t.Errorf("phrase %q, want none", not)
				}
			}
		})
	}
}

// TestJoinedPhrases checks that two phrases of a kind joined by "and" are
// proposed as one answer too, marked as joined, and as asked for when the
// question asks for things in the plural.
func TestJoinedPhrases(t *testing.T) {
	a := mustArticle(t, "Harbour contract\n"+
		"Acme and the Northwind Group bid for the contract on 12 and 14 May.\n")
	e := New([]*Article{a}, DefaultOptions())
	for _, tt := range []struct {
		question string
		plural   float64
	}{
		{"Which firms bid for the contract?", 1},
		{"Which firm bid for the contract?", 0},
	} {
		t.Run(tt.question, func(t *testing.T) {
			q, err := e.ParseQuestion(tt.question)
			if err != nil {
				t.Fatal(err)
			}
			got := make(map[string]span.Vector)
			for _, c := range e.SpanCandidates(q, Ref{Sentence: 1}) {
				got[c.Text] = c.Features
			}
			firms, ok := got["Acme and the Northwind Group"]
			if !ok || firms[span.Joined] != 1 || firms[span.JoinedPlural] != tt.plural {
				t.Errorf("Acme and the Northwind Group %v (proposed %v), want joined, joined_plural %v", firms, ok, tt.plural)
			}
			if acme, ok := got["Acme"]; !ok || acme[span.Joined] != 0 {
				t.Errorf("Acme %v (proposed %v), want proposed alone, not joined", acme, ok)
			}
		})
	}
}

// TestPlural checks which nouns after "which" or "what" ask for several.
func TestPlural(t *testing.T) {
	lx := text.DefaultLexicon()
	for noun, want := range map[string]bool{"parties": true, "charges": true, "people": true, "countries": true,
		"party": false, "news": false, "business": false, "press": false, "status": false, "bus": false,
		"crisis": false, "analysis": false, "israelis": true, "taxis": true} {
		if got := plural(noun, lx.Stem(noun)); got != want {
			t.Errorf("plural(%q) = %v, want %v", noun, got, want)
		}
	}
}

// TestGrainAsked checks that a question for a year, a month or a day marks
// the time phrases of that grain, and that a date's year is proposed alone.
func TestGrainAsked(t *testing.T) {
	a := mustArticle(t, "Bridge opened\n"+
		"The bridge opened on Tuesday, March 9, 2007, after work began in May.\n"+
		"The market under it opens on Saturdays.\n")
	e := New([]*Article{a}, DefaultOptions())
	for _, tt := range []struct {
		question string
		want     map[string]float64 // phrase → GrainAsked
	}{
		{"In what year did the bridge open?", map[string]float64{"2007": 1, "March 9, 2007": 0, "Tuesday": 0, "May": 0}},
		{"On what day did the bridge open?", map[string]float64{"2007": 0, "March 9, 2007": 1, "Tuesday": 1, "May": 0}},
		{"In which month did work begin?", map[string]float64{"2007": 0, "March 9, 2007": 0, "May": 1}},
		{"When did the bridge open?", map[string]float64{"2007": 0, "March 9, 2007": 0, "Tuesday": 0}},
		{"On what day of the week is the market open?", map[string]float64{"Saturdays": 1, "2007": 0}},
	} {
		q, err := e.ParseQuestion(tt.question)
		if err != nil {
			t.Fatal(err)
		}
		got := make(map[string]float64)
		for _, sentence := range []int{1, 2} {
			for _, c := range e.SpanCandidates(q, Ref{Sentence: sentence}) {
				got[c.Text] = c.Features[span.GrainAsked]
			}
		}
		for phrase, want := range tt.want {
			if g, ok := got[phrase]; !ok || g != want {
				t.Errorf("%q: %q grain asked %v (proposed %v), want %v", tt.question, phrase, g, ok, want)
			}
		}
	}
}

// TestUnitAsked checks that a question for a measure ("how long", "how
// much time", "how far", "how old", "how much") marks the numbers in units
// of it, and no other count: an age is set off after a name or is years
// "old", and a sum answers "how much".
func TestUnitAsked(t *testing.T) {
	a := mustArticle(t, "Blasts hit markets\n"+
		"Separated by twenty minutes, the blasts hit two markets 15 km apart.\n"+
		"Tom Hale, 43, of Dover, was convicted after a seven-week trial of stealing £1.2m from the 19-year-old heir.\n"+
		"The repairs to the markets cost £40,000, about 12 per cent of the town's budget.\n"+
		"An appeal for the markets raised Rs 1.8 crore in three weeks.\n"+
		"Police offered a R500,000 reward, and the insurer added Sh2 million.\n")
	e := New([]*Article{a}, DefaultOptions())
	for _, tt := range []struct {
		question string
		want     map[string]float64 // phrase → UnitAsked
		sentence int
	}{
		{"How old is Tom Hale?", map[string]float64{"43": 1, "seven-week trial": 0, "19-year-old heir": 1}, 2},
		{"How much did Tom Hale steal?", map[string]float64{"£1.2m": 1, "43": 0}, 2},
		{"How much time passed between the blasts?", map[string]float64{"twenty minutes": 1, "two markets": 0, "15 km apart": 0}, 1},
		{"How long after the first blast did the second come?", map[string]float64{"twenty minutes": 1, "two markets": 0, "15 km apart": 1}, 1},
		{"How far apart were the markets?", map[string]float64{"twenty minutes": 0, "two markets": 0, "15 km apart": 1}, 1},
		{"How wide was the gap between the markets?", map[string]float64{"twenty minutes": 0, "15 km apart": 1}, 1},
		{"How many markets were hit?", map[string]float64{"twenty minutes": 0, "two markets": 0, "15 km apart": 0}, 1},
		{"How much did the repairs cost?", map[string]float64{"£40,000": 1, "12 per cent": 0}, 3},            // "per cent" is no sum's currency
		{"How much money did the appeal raise?", map[string]float64{"Rs 1.8 crore": 1, "three weeks": 0}, 4}, // a currency's word before the sum
		{"How much was offered as a reward?", map[string]float64{"R500,000": 1, "Sh2 million": 1}, 5},        // … or glued to it
	} {
		q, err := e.ParseQuestion(tt.question)
		if err != nil {
			t.Fatal(err)
		}
		got := make(map[string]float64)
		for _, c := range e.SpanCandidates(q, Ref{Sentence: tt.sentence}) {
			got[c.Text] = c.Features[span.UnitAsked]
		}
		for phrase, want := range tt.want {
			if g, ok := got[phrase]; !ok || g != want {
				t.Errorf("%q: %q unit asked %v (proposed %v), want %v", tt.question, phrase, g, ok, want)
			}
		}
	}
}

// TestRaggedEnd checks that a phrase that runs on past its noun into a
// verb, an adverb or a preposition is marked, and that a count stops at
// the verb after what it counts; a name's tail after a hyphen is no verb
// ("sung" of "Kim Il-sung"), nor a participle an adverb qualifies, nor a
// noun in -ed ("speed"); and that a time takes two modifiers ("early next
// week").
func TestRaggedEnd(t *testing.T) {
	a := mustArticle(t, "Storm hits zoo\n"+
		"A storm packing winds of up to 165 mph tore through Dunmore Zoo near Kelso, killing three zebras, keeper Kim Il-sung said.\n"+
		"The zoo will hire 12 newly qualified nurses early next week and set a 30 mph speed limit.\n")
	e := New([]*Article{a}, DefaultOptions())
	q, err := e.ParseQuestion("What did the storm hit?")
	if err != nil {
		t.Fatal(err)
	}
	got := make(map[string]float64)
	for sentence := 1; sentence <= 2; sentence++ {
		for _, c := range e.SpanCandidates(q, Ref{Sentence: sentence}) {
			got[c.Text] = c.Features[span.RaggedEnd]
		}
	}
	for phrase, want := range map[string]float64{"up to 165 mph": 0, "Dunmore Zoo near": 1, "Dunmore Zoo": 0, "three zebras": 0, "Kim Il-sung": 0,
		"12 newly qualified nurses": 0, "30 mph speed limit": 0, "early next week": 0} {
		if g, ok := got[phrase]; !ok || g != want {
			t.Errorf("%q ragged end %v (proposed %v), want %v", phrase, g, ok, want)
		}
	}
	if _, ok := got["up to 165 mph tore"]; ok {
		t.Errorf("the count runs on into the verb after it: %q", "up to 165 mph tore")
	}
}

// TestKindHeadAndBody checks that a phrase headed by the noun "which"
// asks for is marked ("High Court" for "Which court"), and that a body's
// name is marked for a question that asks for a body, not for one that
// asks for a place.
func TestKindHeadAndBody(t *testing.T) {
	a := mustArticle(t, "Court voids lease\n"+
		"The High Court in Kestrel Bay annulled the lease held by Corvex Telecom, which has 31 million customers.\n")
	e := New([]*Article{a}, DefaultOptions())
	for _, tt := range []struct {
		question string
		f        span.Feature
		want     map[string]float64
	}{
		{"Which court annulled the lease?", span.KindHead, map[string]float64{"High Court": 1, "Kestrel Bay": 0, "Corvex Telecom": 0}},
		{"Which company held the lease?", span.BodyAsked, map[string]float64{"Corvex Telecom": 1, "31 million customers": 0}},
		{"Which town is the court in?", span.BodyAsked, map[string]float64{"Corvex Telecom": 0, "Kestrel Bay": 0}},
	} {
		q, err := e.ParseQuestion(tt.question)
		if err != nil {
			t.Fatal(err)
		}
		got := make(map[string]float64)
		for _, c := range e.SpanCandidates(q, Ref{Sentence: 1}) {
			got[c.Text] = c.Features[tt.f]
		}
		for phrase, want := range tt.want {
			if g, ok := got[phrase]; !ok || g != want {
				t.Errorf("%q: %q %s %v (proposed %v), want %v", tt.question, phrase, tt.f, g, ok, want)
			}
		}
	}
}

// TestKindNounNotOwn checks that the noun "which" asks for is not one of
// the question's own words in a phrase ("High Court" for "Which court …"),
// while the question's other words are: a phrase of only those is not
// proposed.
func TestKindNounNotOwn(t *testing.T) {
	a := mustArticle(t, "Lease annulled\n"+
		"The High Court in Kestrel Bay on Tuesday annulled the port lease.\n")
	e := New([]*Article{a}, DefaultOptions())
	q, err := e.ParseQuestion("Which court in Kestrel Bay annulled the lease?")
	if err != nil {
		t.Fatal(err)
	}
	got := make(map[string]span.Vector)
	for _, c := range e.SpanCandidates(q, Ref{Sentence: 1}) {
		got[c.Text] = c.Features
	}
	court, ok := got["High Court"]
	if !ok || court[span.Own] != 0 || court[span.KindNear] != 1 {
		t.Errorf("High Court: proposed %v, own %v, kind near %v; want proposed, own 0, kind near 1", ok, court[span.Own], court[span.KindNear])
	}
	if _, ok := got["Kestrel Bay"]; ok {
		t.Errorf("Kestrel Bay proposed: all its words are the question's own, which never answer it")
	}
}

// TestCounted checks that a number is read as counting what the question
// counts when those words follow it, or follow the "of" of a part in the
// same clause, and not otherwise: not when another word of the question
// follows that "of" ("Five of the council's staff").
func TestCounted(t *testing.T) {
	a := mustArticle(t, "Libraries to close\n"+
		"The council voted to close nine of the county's 23 public libraries, despite 14,000 signatures.\n"+
		"Five of the council's staff, and 40 libraries elsewhere, were spared.\n")
	e := New([]*Article{a}, DefaultOptions())
	q, err := e.ParseQuestion("How many libraries will the council close?")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		sentence int
		want     map[string]float64 // phrase → Counted
	}{
		{1, map[string]float64{"nine": 1, "23 public libraries": 1, "14,000 signatures": 0}},
		{2, map[string]float64{"Five": 0, "40": 1}}, // "council" is the question's, but not what it counts; the comma ends the part's whole
	} {
		got := make(map[string]float64)
		for _, c := range e.SpanCandidates(q, Ref{Sentence: tt.sentence}) {
			got[c.Text] = c.Features[span.Counted]
		}
		for phrase, want := range tt.want {
			if g, ok := got[phrase]; !ok || g != want {
				t.Errorf("%q: counted %v (proposed %v), want %v", phrase, g, ok, want)
			}
		}
	}
}

// TestClauseFeatures checks the span features read off the clause: a
// question with a preposition left without its object marks the phrases that are its
// object in the sentence (after_stranded); a question whose question word
// is the subject of its verb marks the phrase right before that verb
// (subject_asked); a question that asks what something is called marks
// the phrase a naming word gives (name_given). Other phrases, and other
// questions, mark none.
func TestClauseFeatures(t *testing.T) {
	a := mustArticle(t, "Cup final\n"+
		"Captain Ann Lee took the corner and Tom Hale scored from a header in Dover.\n"+
		"The ground, known as the Old Mill, holds 4,000 people.\n"+
		"Heavy rain caused the flood.\n"+
		"Tom Hale took over from Captain Ann Lee.\n"+
		"The stand is known locally as the Shed End, and the club as the Millers.\n"+
		"The match was called off as Storm Babet hit.\n")
	e := New([]*Article{a}, DefaultOptions())
	for _, tt := range []struct {
		question string
		feature  span.Feature
		want     map[string]float64
		sentence int
	}{
		{"Who did Tom Hale score from?", span.AfterStranded, map[string]float64{"header": 1, "Dover": 0}, 1},
		{"Which town did Tom Hale score in?", span.AfterStranded, map[string]float64{"Dover": 1, "header": 0}, 1},
		{"Which town did Tom Hale score?", span.AfterStranded, map[string]float64{"Dover": 0}, 1},
		{"What did Tom Hale score from in the final?", span.AfterStranded, map[string]float64{"header": 1, "Dover": 0}, 1},
		{"Who took the corner?", span.SubjectAsked, map[string]float64{"Captain Ann Lee": 1, "Tom Hale": 0}, 1},
		{"Which player took the corner?", span.SubjectAsked, map[string]float64{"Captain Ann Lee": 1, "Tom Hale": 0}, 1},
		{"Who scored from a header?", span.SubjectAsked, map[string]float64{"Captain Ann Lee": 0, "Tom Hale": 1}, 1},
		{"Who did Tom Hale score for?", span.SubjectAsked, map[string]float64{"Captain Ann Lee": 0}, 1},
		{"What is the ground called?", span.NameGiven, map[string]float64{"Old Mill": 1, "4,000 people": 0}, 2},
		{"What is the ground known as?", span.NameGiven, map[string]float64{"Old Mill": 1, "4,000 people": 0}, 2},
		{"How many people does the ground hold?", span.NameGiven, map[string]float64{"Old Mill": 0}, 2},
		{"Who named the ground?", span.NameGiven, map[string]float64{"Old Mill": 0}, 2},
		{"What is the stand called?", span.NameGiven, map[string]float64{"Shed End": 1}, 5},
		{"What was the match called?", span.NameGiven, map[string]float64{"Storm Babet": 0}, 6},
		{"What caused the flood?", span.SubjectAsked, map[string]float64{"Heavy rain": 1}, 3},
		{"Who did Tom Hale take over from?", span.AfterStranded, map[string]float64{"Captain Ann Lee": 1}, 4},
	} {
		t.Run(tt.question, func(t *testing.T) {
			q, err := e.ParseQuestion(tt.question)
			if err != nil {
				t.Fatal(err)
			}
			got := make(map[string]span.Vector)
			for _, c := range e.SpanCandidates(q, Ref{Sentence: tt.sentence}) {
				got[c.Text] = c.Features
			}
			for text, want := range tt.want {
				if v, ok := got[text]; !ok || v[tt.feature] != want {
					t.Errorf("%q: %v %v (proposed %v), want %v; proposed %v", text, tt.feature, v[tt.feature], ok, want, slices.Sorted(maps.Keys(got)))
				}
			}
		})
	}
}

// TestCountWithWhatItCounts checks that a count in bold takes what it
// counts with it, when the sentence says it: "85 jobs", not "85".
func TestCountWithWhatItCounts(t *testing.T) {
	a := mustArticle(t, "Quarry expansion refused\n"+
		"Tom Hale said the expansion would have safeguarded 85 jobs at the quarry, which opened in 1961.\n")
	e := New([]*Article{a}, DefaultOptions())
	q, err := e.ParseQuestion("How many jobs would the expansion have protected?")
	if err != nil {
		t.Fatal(err)
	}
	if got := e.highlight(q, 1); got != "85 jobs" {
		t.Errorf("got %q, want %q", got, "85 jobs")
	}
}

// TestDayFirstDates checks that a date written day first, as British and
// most other English write it, is proposed whole: "13 January", "the 3rd
// of March", not the month alone; and that a count before a month's name
// used otherwise is not read as its day.
func TestDayFirstDates(t *testing.T) {
	a := mustArticle(t, "Strike dates\n"+
		"Teachers will strike from 13 January and again on the 3rd of March, after 40 May Day rallies.\n")
	e := New([]*Article{a}, DefaultOptions())
	q, err := e.ParseQuestion("When will the teachers strike?")
	if err != nil {
		t.Fatal(err)
	}
	got := make(map[string]bool)
	for _, c := range e.SpanCandidates(q, Ref{Sentence: 1}) {
		if c.Features[span.Match(span.AskTime, span.TypeTime)] == 1 {
			got[c.Text] = true
		}
	}
	for _, want := range []string{"13 January", "the 3rd of March"} {
		if !got[want] {
			t.Errorf("%q not proposed as a time; times %v", want, slices.Sorted(maps.Keys(got)))
		}
	}
	if got["January"] || got["40 May"] {
		t.Errorf("times %v, want no month without its day and no count read as a day", slices.Sorted(maps.Keys(got)))
	}
}

// TestParaphraseAnchors checks that a paraphrase of a question's word
// marks where the answer is, as the word itself would ("close" for
// "shut"), and that a word that frames the question ("how long") does
// not.
func TestParaphraseAnchors(t *testing.T) {
	a := mustArticle(t, "Libraries to close\n"+
		"The council will close nine, its leader said, and keep 14 long-standing branches open.\n")
	e := New([]*Article{a}, DefaultOptions())
	near := func(question, phrase string) float64 {
		t.Helper()
		q, err := e.ParseQuestion(question)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range e.SpanCandidates(q, Ref{Sentence: 1}) {
			if c.Text == phrase {
				return c.Features[span.Near]
			}
		}
		t.Fatalf("%q: %q not proposed", question, phrase)
		return 0
	}
	if got := near("How many libraries will the council shut?", "nine"); got != 1 {
		t.Errorf("nine: near %v, want 1, right after the paraphrase 'close'", got)
	}
	if got := near("How long will the council wait?", "14"); got == 1 {
		t.Errorf("14: near %v, want less than 1: 'long' frames the question", got)
	}
}

// TestDatelinePhrases checks the phrases of a dateline: the month of its
// date is proposed as part of the date, not as a name of its own ("Oct.
// 14", never "Oct"), and the agency in its parentheses not at all.
func TestDatelinePhrases(t *testing.T) {
	a := mustArticle(t, "Talks end\nCOPENHAGEN, Oct. 14 (Reuters) - Ministers failed to agree on coal on Tuesday.\n")
	e := New([]*Article{a}, DefaultOptions())
	q, err := e.ParseQuestion("Where did the ministers meet?")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range e.SpanCandidates(q, Ref{Sentence: 1}) {
		if c.Text == "Oct" || c.Text == "Reuters" {
			t.Errorf("%q proposed on its own", c.Text)
		}
	}
}

// TestNamePhrasesWritten checks names written with a plural possessive
// inside, a code's number, a French particle and a time of day with its
// "am" or "pm" are each proposed whole, and as what they are: a time of
// day never as a count, a year before "PM" (the prime minister) never as
// a time of day.
func TestNamePhrasesWritten(t *testing.T) {
	a := mustArticle(t, "Headline\nAt 11.15pm the Allied Health Workers' Union said VEL-417 was tested at the Palais des Nations at 4:40 a.m.\n"+
		"In 2019 PM Imran Khan opened it.\n"+
		"Rhys Hale will join Racing 92 on March 8 after Hale's 3 seasons at Cardiff.\n")
	e := New([]*Article{a}, DefaultOptions())
	got := map[string][]span.Type{}
	for _, sentence := range []int32{1, 2, 3} {
		txt := e.sentenceText(sentence)
		toks := e.lx.Tokenize(txt)
		for _, p := range e.phrases(txt, toks, nil) {
			got[phraseText(txt, toks, p)] = append(got[phraseText(txt, toks, p)], p.typ)
		}
	}
	tests := []struct {
		text string
		want []span.Type
	}{
		{"Allied Health Workers' Union", []span.Type{span.TypeBody}},
		{"VEL-417", []span.Type{span.TypeName}},
		{"Palais des Nations", []span.Type{span.TypeBody}},
		{"11.15pm", []span.Type{span.TypeTime}},
		{"4:40 a.m.", []span.Type{span.TypeTime}},
		{"2019", []span.Type{span.TypeTime}},
		{"2019 PM", nil},
		{"Racing 92", []span.Type{span.TypeName}},
		{"Racing", []span.Type{span.TypeName}},
		{"March 8", []span.Type{span.TypeTime}},
		{"Hale's 3", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if !slices.Equal(got[tt.text], tt.want) {
				t.Errorf("proposed as %v, want %v", got[tt.text], tt.want)
			}
		})
	}
}

// TestTallyLen checks which numbers read as a vote's tally or a score,
// and that a range does not.
func TestTallyLen(t *testing.T) {
	lx := text.DefaultLexicon()
	tests := []struct{ sentence, want string }{
		{"The council voted 34 votes to 29 to approve it.", "34 votes to 29"},
		{"The committee backed the plan by seven to four.", "seven to four"},
		{"Acme won 2-1 at home.", "2-1"},
		{"The Senate passed it by 74 yeas and 25 nays.", "74 yeas and 25 nays"},
		{"The board voted 9 in favour and 2 against.", "9 in favour and 2 against"},
		{"Councillors voted 7 to 2 yesterday.", "7 to 2"},
		{"It passed by a 7 to 2 vote.", "7 to 2"},
		{"Prices rose from 5 to 7 in a year.", ""},
		{"Prices rose from about 5 to 7 in a year.", ""},
		{"Children aged 5 to 11 will get the vaccine.", ""},
		{"Rates will rise to 5 to 7% next year.", ""},
		{"The firm will cut 5 to 10 jobs.", ""},
		{"Tickets cost £5 to £7 each.", ""},
		{"Turnout was 2016 to 2020 the lowest.", ""},
		{"Rooms 5 and 6 were closed.", ""},
		{"Castellan runs berths 4 to 9 at the port.", ""},
		{"Numbers may reach 25 to 30.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			toks := lx.Tokenize(tt.sentence)
			got := ""
			for i := range toks {
				if n := tallyLen(toks, tt.sentence, i); n > 0 {
					got = tt.sentence[toks[i].Start:toks[i+n-1].End]
					break
				}
			}
			if got != tt.want {
				t.Errorf("tally %q, want %q", got, tt.want)
			}
		})
	}
}

// TestAskOf checks what kind of short answer a question asks for: "how
// many" a count apart from "how much", which a sum or a share answers.
func TestAskOf(t *testing.T) {
	e := evalEngine(t, "seed")
	tests := []struct {
		question string
		want     span.Ask
	}{
		{"How many people were on the waiting list?", span.AskCount},
		{"How much did the repairs cost?", span.AskNumber},
		{"What percentage of voters backed it?", span.AskNumber},
		{"Who came with Zelenskyy to Washington?", span.AskPerson},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			q, err := e.ParseQuestion(tt.question)
			if err != nil {
				t.Fatal(err)
			}
			if got, ok := askOf(q); !ok || got != tt.want {
				t.Errorf("asks %v (%v), want %v", got, ok, tt.want)
			}
		})
	}
}
