package qa

import (
	"slices"
	"strings"
	"testing"
)

func TestParseQuestion(t *testing.T) {
	e := evalEngine(t, "seed")
	tests := []struct {
		name     string
		question string
		kind     Kind
		speech   bool
		whoSaid  bool
		people   string // names, comma-separated
		unknown  string
		wantErr  error
	}{
		{name: "who said", question: "Who said Europe is the first line of defence?", kind: KindQuote, speech: true, whoSaid: true},
		{name: "what did X say", question: "What did Trump say about Europe?", kind: KindQuote, speech: true, people: "Donald Trump"},
		{name: "speech verb after a long subject", question: "What kind of crisis did Zelenskyy say they face?", kind: KindQuote, speech: true, people: "Volodymyr Zelenskyy"},
		{name: "person by role", question: "What did the Russian spokesperson say?", kind: KindQuote, speech: true, people: "Maria Zakharova"},
		{name: "person by role and country", question: "What term did the US president use?", kind: KindQuote, people: "Donald Trump"},
		{name: "definition", question: "Who is Maria Zakharova?", kind: KindDefinition, people: "Maria Zakharova"},
		{name: "definition, contracted", question: "Who's Maria Zakharova?", kind: KindDefinition, people: "Maria Zakharova"},
		{name: "definition in lower case", question: "who is maria zakharova", kind: KindDefinition, people: "Maria Zakharova"},
		{name: "a name's possession asks for a person", question: "Who is Russia's foreign minister?", kind: KindPerson},
		{name: "where", question: "Where did the talks take place?", kind: KindPlace},
		{name: "when", question: "When did Trump meet Putin?", kind: KindTime, people: "Donald Trump,Vladimir Putin"},
		{name: "a score", question: "What was the final score?", kind: KindNumber},
		{name: "a measure's noun", question: "What proportion of Ukrainians back the deal?", kind: KindNumber},
		{name: "score the verb", question: "What did Trump score?", kind: KindPassage, people: "Donald Trump"},
		{name: "how many", question: "How many deals did Trump settle this year?", kind: KindNumber, people: "Donald Trump"},
		{name: "why", question: "Why did Trump change his mind?", kind: KindReason, people: "Donald Trump"},
		{name: "yes or no", question: "Did Russia attack Ukraine during the talks?", kind: KindYesNo},
		{name: "called for is not speech", question: "What has Zelenskyy repeatedly called for?", kind: KindPassage, people: "Volodymyr Zelenskyy"},
		{name: "passive: what of someone, not their words", question: "What is Zakharova accused of?", kind: KindPassage, people: "Maria Zakharova"},
		{name: "passive after been", question: "What has Zelenskyy been asked to do?", kind: KindPassage, people: "Volodymyr Zelenskyy"},
		{name: "progressive is no passive", question: "What is Zakharova saying about the talks?", kind: KindQuote, speech: true, people: "Maria Zakharova"},
		{name: "quoted speaks", question: "What was Zakharova quoted as saying?", kind: KindQuote, speech: true, people: "Maria Zakharova"},
		{name: "a passive without a subject asks for words", question: "What was said about the talks?", kind: KindQuote, speech: true},
		{name: "a passive of a verb of calling asks for words", question: "What were the talks described as?", kind: KindQuote, speech: true},
		{name: "which with a title asks for a person", question: "Which president came to Washington?", kind: KindPerson},
		{name: "which with a modifier and a title asks for a person", question: "Which union leader came to Washington?", kind: KindPerson},
		{name: "which with a modifier and a place noun asks for a place", question: "Which Ukrainian city was attacked?", kind: KindPlace},
		{name: "which thing, though words are sent", question: "Which newspaper did Russia use to send a warning?", kind: KindPassage, speech: true},
		{name: "what words", question: "What did Zakharova warn?", kind: KindQuote, speech: true, people: "Maria Zakharova"},
		{name: "unknown name", question: "What did Keir Starmer say?", kind: KindQuote, speech: true, unknown: "Keir,Starmer"},
		{name: "unknown country", question: "What is the capital of France?", kind: KindPassage, unknown: "France"},
		{name: "lower-case question", question: "what did trump say", kind: KindQuote, speech: true, people: "Donald Trump"},
		{name: "shouted", question: "WHAT DID TRUMP SAY ABOUT EUROPE", kind: KindQuote, speech: true, people: "Donald Trump"},
		{name: "a country in lower case", question: "what did the russian spokesperson say", kind: KindQuote, speech: true, people: "Maria Zakharova"},
		{name: "misspelt name", question: "What did Zelensky say?", kind: KindQuote, speech: true, people: "Volodymyr Zelenskyy"},
		{name: "misspelt in another way", question: "what did zelenskiy say", kind: KindQuote, speech: true, people: "Volodymyr Zelenskyy"},
		{name: "misspelt surname", question: "Who is Zacharova?", kind: KindDefinition, people: "Maria Zakharova"},
		{name: "empty", question: "  \t ", wantErr: ErrEmptyQuestion},
		{name: "punctuation only", question: "?!", wantErr: ErrNoWords},
		{name: "emoji only", question: "🤔🤔", wantErr: ErrNoWords},
		{name: "too long", question: strings.Repeat("why ", 300), wantErr: LongQuestionError{Max: DefaultOptions().MaxQuestion}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := e.ParseQuestion(tt.question)
			if err != tt.wantErr {
				t.Fatalf("got error %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			var people []string
			for _, p := range q.People {
				people = append(people, p.Name)
			}
			if q.Kind != tt.kind || q.Speech != tt.speech || q.WhoSaid != tt.whoSaid ||
				strings.Join(people, ",") != tt.people || strings.Join(q.Unknown, ",") != tt.unknown {
				t.Errorf("got kind %v speech %v whoSaid %v people %q unknown %q\nwant kind %v speech %v whoSaid %v people %q unknown %q",
					q.Kind, q.Speech, q.WhoSaid, people, q.Unknown, tt.kind, tt.speech, tt.whoSaid, tt.people, tt.unknown)
			}
		})
	}
}

// TestKindOf checks that "what kind of X" asks for an X, as "which X"
// does, but for a description of one, not a number, a person or a place;
// and that the noun before a question's verb is what it asks for.
func TestKindOf(t *testing.T) {
	e := evalEngine(t, "seed")
	for _, tt := range []struct {
		name, question, noun string
		kind                 Kind
	}{
		{"kind of", "What kind of talks did Trump and Putin hold?", "talks", KindPassage},
		{"type of", "Which type of summit was it?", "summit", KindPassage},
		{"a kind of a number's noun", "What kind of loss did the firm suffer?", "loss", KindPassage},
		{"a kind of a person", "What kind of leader is Putin?", "leader", KindPassage},
		{"a kind of someone's words", "What kind of crisis did Zelenskyy say they face?", "crisis", KindQuote},
		{"the noun itself", "What summit did Trump attend?", "summit", KindPassage},
		{"kind with no noun", "What kind of is it?", "", KindPassage},
	} {
		t.Run(tt.name, func(t *testing.T) {
			q, err := e.ParseQuestion(tt.question)
			if err != nil {
				t.Fatal(err)
			}
			want := ""
			if tt.noun != "" {
				want = e.lx.Stem(tt.noun)
			}
			if q.typeNoun != want || q.Kind != tt.kind {
				t.Errorf("%q asks for %q of kind %v, want %q of kind %v", tt.question, q.typeNoun, q.Kind, want, tt.kind)
			}
		})
	}
}

func TestAskDeclines(t *testing.T) {
	e := evalEngine(t, "seed")
	for _, q := range []string{
		"What is the capital of France?",
		"Who is the German chancellor?",
		"How many soldiers does Ukraine have?",
		"What did Keir Starmer say about the talks?",
		"When will Putin visit Kyiv?",
		"What is Ukraine's GDP?",
		"Today",
	} {
		t.Run(q, func(t *testing.T) {
			answers, err := e.Ask(q, 3)
			if err != nil {
				t.Fatal(err)
			}
			if len(answers) > 0 {
				t.Errorf("got %q, want no answer", answers[0].Text)
			}
		})
	}
}

func TestAskAnswers(t *testing.T) {
	e := evalEngine(t, "seed")
	tests := []struct {
		question, contains, speaker string
		paragraph                   int // 0: any
	}{
		{"Who said Europe is the first line of defence?", "Europe is the first line of defence", "Donald Trump", 3},
		{"What did Zakharova say?", "uncontrollable escalation", "Maria Zakharova", 13},
		{"What did the Ukrainian president say about security?", "Security in Ukraine depends", "Volodymyr Zelenskyy", 9},
		{"How many deals did Trump settle?", "six deals", "Donald Trump", 27},
		{"where was the meeting between trump and putin", "Alaska", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			answers, err := e.Ask(tt.question, 3)
			if err != nil {
				t.Fatal(err)
			}
			if len(answers) == 0 {
				t.Fatal("no answer")
			}
			a := answers[0]
			if !strings.Contains(a.Text, tt.contains) || a.Speaker != tt.speaker || tt.paragraph != 0 && a.Paragraph != tt.paragraph {
				t.Errorf("got %q by %q in paragraph %d, want %q by %q in paragraph %d", a.Text, a.Speaker, a.Paragraph, tt.contains, tt.speaker, tt.paragraph)
			}
		})
	}
}

// TestDatelines asks where, of a paragraph opening with a dateline and of
// one with an all-capitals word later on (which once read past its end).
func TestDatelines(t *testing.T) {
	a := mustArticle(t, "Talks end\nCOPENHAGEN, Oct. 14 (Reuters) - Ministers failed to agree on coal on Tuesday.\nThe talks ran late. NATO, the alliance, was not there, officials said.")
	e := New([]*Article{a}, DefaultOptions())
	answers, err := e.Ask("Where did the ministers meet?", 1)
	if err != nil || len(answers) == 0 || answers[0].Highlight != "COPENHAGEN" {
		t.Fatalf("got %+v (%v), want the dateline's place", answers, err)
	}
}

// TestPassageJoinsItsQuote checks that an answer inside a quotation of
// several sentences brings the neighbouring sentence of the same quotation.
func TestPassageJoinsItsQuote(t *testing.T) {
	e := evalEngine(t, "kenya_annan_warning")
	answers, err := e.Ask("Who can solve the crisis?", 1)
	if err != nil || len(answers) == 0 {
		t.Fatalf("no answer (%v)", err)
	}
	want := `"Only Kenya's politicians can solve that crisis. I urge them to listen to the voices of Kenyans."`
	if answers[0].Text != want {
		t.Errorf("got %q, want %q", answers[0].Text, want)
	}
}

func FuzzParseQuestion(f *testing.F) {
	e := New([]*Article{mustArticle(f, "Title\n\"We will help,\" Trump said. Mr. Smith agreed.")}, DefaultOptions())
	for _, s := range []string{"Who said we will help?", "How many?", "what did the US president say", "¿Qué?", "\xff who"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, question string) {
		q, err := e.ParseQuestion(question)
		if err != nil {
			return
		}
		for _, a := range e.Answer(q, 3) {
			if a.Paragraph < 0 || a.Paragraph > 1 || a.Text == "" {
				t.Fatalf("bad answer %+v", a)
			}
		}
	})
}

func mustArticle(tb testing.TB, text string) *Article {
	tb.Helper()
	a, err := ParseArticle("test.txt", strings.NewReader(text))
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

// TestMeasureAsked checks what a "how" question asks to be measured:
// "how much time" is a duration, as "how long" is, not a sum; and that a
// vote's result or margin, or how a body voted, is asked as a score is,
// but not how one person voted, nor a margin of no vote, nor a result
// and a vote that are apart.
func TestMeasureAsked(t *testing.T) {
	e := evalEngine(t, "seed")
	tests := []struct{ question, want string }{
		{"How much time did the crew have to test the boat?", "time"},
		{"How long did the talks last?", "long"},
		{"How much did the repairs cost?", "money"},
		{"How much rain fell overnight?", "much"},
		{"How much of the money went to schools?", "much"},
		{"How much did Acme raise prices?", "much"},
		{"How many days did the talks last?", "many"},
		{"How deep was the wreck lying?", "deep"},
		{"How quickly did the crew arrive?", "quickly"},
		{"How soon will the bridge reopen?", "soon"},
		{"What was the final score?", "score"},
		{"What was the result of the council vote?", "score"},
		{"What was the margin of the council vote on the bin plan?", "score"},
		{"What was the vote count on the bill?", "score"},
		{"By what margin did councillors vote to close the pool?", "score"},
		{"What was the final Senate vote?", "score"},
		{"How did the planning committee vote on the scheme?", "score"},
		{"How did councillors vote?", "score"},
		{"How did MPs vote on the bill?", "score"},
		{"How did Senator Ann Roe vote?", ""},
		{"How did the senator vote?", ""},
		{"How does the vote work?", ""},
		{"What was the winning margin?", ""},
		{"What was the outcome of the talks before the vote?", ""},
		{"What did the mayor say about the vote?", ""},
		{"When will the council vote on the scheme?", ""},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			q, err := e.ParseQuestion(tt.question)
			if err != nil {
				t.Fatal(err)
			}
			if q.measure != tt.want {
				t.Errorf("measure %q, want %q", q.measure, tt.want)
			}
		})
	}
}

// TestWeighTermsAgain checks that weighing a question's words again, as
// routing does (in all the articles, then in one), weighs them afresh:
// nothing of the first weighing is left in the second.
func TestWeighTermsAgain(t *testing.T) {
	storm := mustArticle(t, "Storm closes the harbour\nThe storm closed the harbour on Tuesday.\n")
	fees := mustArticle(t, "Harbour fees rise\nThe harbour board raised its fees.\n")
	e := New([]*Article{storm, fees}, DefaultOptions())
	const txt = "When did the storm close the harbour and the ferry terminal?"
	parse := func() *Question {
		q, err := e.ParseQuestion(txt)
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	once := parse()
	once.weighTerms(e.ix.Part(0), e.opts.MissingWordWeight)
	q := parse()
	q.weighTerms(e.ix.Part(1), e.opts.MissingWordWeight) // the fees: no storm, no ferry
	q.weighTerms(e.ix.Part(0), e.opts.MissingWordWeight)
	if !slices.Equal(q.missingWords, once.missingWords) || q.missingWeight != once.missingWeight ||
		!slices.Equal(q.topicIDF, once.topicIDF) || !slices.Equal(q.altIDF, once.altIDF) {
		t.Errorf("weighed again: missing %v (%v), weights %v, %v; weighed once: %v (%v), %v, %v",
			q.missingWords, q.missingWeight, q.topicIDF, q.altIDF, once.missingWords, once.missingWeight, once.topicIDF, once.altIDF)
	}
	if len(q.missingWords) == 0 || slices.Contains(q.missingWords, e.lx.Stem("storm")) {
		t.Errorf("missing %v in the storm article, want the ferry's words and not the storm", q.missingWords)
	}
}

// TestChatOpening checks that the words a chat opens a question with are
// not searched: "hey" matches nothing an article says about anyone.
func TestChatOpening(t *testing.T) {
	e := evalEngine(t, "seed")
	for _, question := range []string{"hey, who is Maria Zakharova?", "ok so what did Trump say about Europe?"} {
		q, err := e.ParseQuestion(question)
		if err != nil {
			t.Fatal(err)
		}
		for _, term := range q.terms {
			if term.Term == "hey" || term.Term == "ok" {
				t.Errorf("%q searches for %q", question, term.Term)
			}
		}
	}
	if _, err := e.ParseQuestion("hello"); err != nil {
		t.Errorf("a greeting alone: %v, want it read as it is", err)
	}
}
