package qa

import (
	"strings"
	"testing"
	"time"
)

func TestConversation(t *testing.T) {
	e := evalEngine(t, "seed")
	start := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	type step struct {
		question string
		after    time.Duration // since the conversation's start
		contains string        // in the top answer; "" for no answer
		speaker  string
		err      error
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"what else did he say", []step{
			{"Who said Europe is the first line of defence?", 0, "first line of defence", "Donald Trump", nil},
			{"What else did he say?", time.Minute, "", "Donald Trump", nil},
		}},
		{"who is she", []step{
			{"What did Zakharova say?", 0, "uncontrollable escalation", "Maria Zakharova", nil},
			{"Who is she?", time.Minute, "foreign ministry spokesperson Maria Zakharova", "", nil},
		}},
		{"when", []step{
			{"Where was the meeting between Trump and Putin?", 0, "Alaska", "", nil},
			{"When?", time.Minute, "Alaska last Friday", "", nil},
		}},
		{"and someone else", []step{
			{"What did Zelenskyy say about security guarantees?", 0, "security guarantees", "Volodymyr Zelenskyy", nil},
			{"And Trump?", time.Minute, "", "Donald Trump", nil},
		}},
		{"a follow-up with nothing to follow", []step{
			{"What else did he say?", 0, "", "", ErrNoContext},
			{"When?", 0, "", "", ErrNoContext},
		}},
		{"a pronoun of the wrong gender", []step{
			{"Who said Europe is the first line of defence?", 0, "first line of defence", "Donald Trump", nil},
			{"What did she say?", time.Minute, "", "", ErrNoContext},
		}},
		{"forgotten after ten minutes", []step{
			{"Who said Europe is the first line of defence?", 0, "first line of defence", "Donald Trump", nil},
			{"What else did he say?", 11 * time.Minute, "", "", ErrNoContext},
		}},
		{"forgotten after five turns", []step{
			{"Who said Europe is the first line of defence?", 0, "first line of defence", "Donald Trump", nil},
			{"What else did he say?", 1, "", "Donald Trump", nil},
			{"What else did he say?", 2, "", "Donald Trump", nil},
			{"What else did he say?", 3, "", "Donald Trump", nil},
			{"What else did he say?", 4, "", "Donald Trump", nil},
			{"What else did he say?", 5, "", "", ErrNoContext},
		}},
		{"a new question starts afresh", []step{
			{"What did Zakharova say?", 0, "escalation", "Maria Zakharova", nil},
			{"Who said Europe is the first line of defence?", time.Minute, "first line of defence", "Donald Trump", nil},
			{"What else did he say?", 2 * time.Minute, "", "Donald Trump", nil},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c Conversation
			seen := map[string]bool{}
			for _, s := range tt.steps {
				answers, err := e.Follow(&c, s.question, 3, start.Add(s.after))
				if err != s.err {
					t.Fatalf("%q: got error %v, want %v", s.question, err, s.err)
				}
				if err != nil {
					continue
				}
				if len(answers) == 0 {
					t.Fatalf("%q: no answer", s.question)
				}
				a := answers[0]
				if !strings.Contains(a.Text, s.contains) || s.speaker != "" && a.Speaker != s.speaker {
					t.Errorf("%q: got %q by %q, want %q by %q", s.question, a.Text, a.Speaker, s.contains, s.speaker)
				}
				if strings.Contains(s.question, "else") && seen[a.Text] {
					t.Errorf("%q: repeated %q", s.question, a.Text)
				}
				seen[a.Text] = true
			}
		})
	}
}

// TestPronounOfTheBoldAnswer checks that "he" after a question answered
// with a person's name is that person, not the one the answer quotes.
func TestPronounOfTheBoldAnswer(t *testing.T) {
	a := mustArticle(t, "Harbour reopens after the storm\n"+
		"Harbour master Tom Hale reopened the harbour on Tuesday, officials said.\n"+
		"Hale, who has run the harbour since 2019, grew up in Falmouth.\n"+
		"\"We are open for business,\" Mayor Ann Lee said.\n")
	e, c, now := conversationOn(a)
	first, err := e.Follow(c, "Which official reopened the harbour?", 1, now)
	if err != nil || len(first) == 0 || first[0].Highlight != "Tom Hale" {
		t.Fatalf("got %+v, %v, want the harbour master in bold", first, err)
	}
	got, err := e.Follow(c, "Where did he grow up?", 1, now.Add(time.Minute))
	if err != nil || len(got) == 0 || !strings.Contains(got[0].Text, "Falmouth") {
		t.Errorf("got %+v, %v, want where Tom Hale grew up", got, err)
	}
}

// TestPronounOfWho checks that after "Who …?" about someone named, "he"
// is the one who answers it, not the one it names.
func TestPronounOfWho(t *testing.T) {
	a := mustArticle(t, "Coach hails winger\n"+
		"Winger Sam Cole, 21, was coached by Tom Hale at the academy.\n"+
		"Hale, who has run the academy since 2019, grew up in Falmouth.\n"+
		"Cole grew up in Penzance.\n")
	e, c, now := conversationOn(a)
	first, err := e.Follow(c, "Who coached Sam Cole?", 1, now)
	if err != nil || len(first) == 0 || first[0].Highlight != "Tom Hale" {
		t.Fatalf("got %+v, %v, want the coach in bold", first, err)
	}
	got, err := e.Follow(c, "Where did he grow up?", 1, now.Add(time.Minute))
	if err != nil || len(got) == 0 || !strings.Contains(got[0].Text, "Falmouth") {
		t.Errorf("got %+v, %v, want where Tom Hale grew up", got, err)
	}
}

// TestPronounOfAnotherShown checks that a pronoun that cannot be the
// last turn's person ("he" after a woman) is the first other person the
// turn showed whom it can be, and that one no one shown fits is refused.
func TestPronounOfAnotherShown(t *testing.T) {
	a := mustArticle(t, "Court orders new trial\n"+
		"Professor Ann Lee said appeals courts rarely order new trials.\n"+
		"\"I always said my trial was unfair,\" former treasurer Tom Hale said of the new trial.\n"+
		"Hale grew up in Falmouth.\n")
	e, c, now := conversationOn(a)
	first, err := e.Follow(c, "Who said courts rarely order new trials?", 3, now)
	if err != nil || len(first) < 2 || first[0].Speaker != "Ann Lee" || first[1].Speaker != "Tom Hale" {
		t.Fatalf("got %+v, %v, want Ann Lee's words, then Tom Hale's", first, err)
	}
	got, err := e.Follow(c, "Where did he grow up?", 1, now.Add(time.Minute))
	if err != nil || len(got) == 0 || !strings.Contains(got[0].Text, "Falmouth") {
		t.Errorf("got %+v, %v, want where Tom Hale grew up", got, err)
	}
	// "he" speaks, the name is what about.
	c.Reset()
	if _, err := e.Follow(c, "Who said courts rarely order new trials?", 3, now); err != nil {
		t.Fatal(err)
	}
	got, err = e.Follow(c, "What did he say about Lee?", 1, now.Add(time.Minute))
	if err != nil || len(got) == 0 || got[0].Speaker != "Tom Hale" {
		t.Errorf("got %+v, %v, want Tom Hale's words", got, err)
	}
	c.Reset()
	if _, err := e.Follow(c, "Where did Tom Hale grow up?", 1, now); err != nil {
		t.Fatal(err)
	}
	if got, err := e.Follow(c, "What did she say?", 1, now.Add(time.Minute)); err != ErrNoContext {
		t.Errorf("got %+v, %v, want %v: no woman was shown", got, err, ErrNoContext)
	}
}

// TestPronounOfOneWhoseGenderIsUnknown checks that a pronoun that cannot
// be the last turn's person ("he" after a woman) is another person the
// turn showed whose gender the article does not give, when no one shown
// is known to fit.
func TestPronounOfOneWhoseGenderIsUnknown(t *testing.T) {
	a := mustArticle(t, "Swimmer crosses strait\n"+
		"\"The last hours were the hardest,\" swimmer Ann Lee said after the crossing.\n"+
		"Rua Tane, the official observer on board, said the crossing kept to the rules.\n"+
		"Tane grew up in Picton.\n")
	e, c, now := conversationOn(a)
	first, err := e.Follow(c, "What was said after the crossing?", 3, now)
	if err != nil || len(first) < 2 || first[0].Speaker != "Ann Lee" || first[1].Speaker != "Rua Tane" {
		t.Fatalf("got %+v, %v, want Ann Lee's words, then Rua Tane's", first, err)
	}
	got, err := e.Follow(c, "Where did he grow up?", 1, now.Add(time.Minute))
	if err != nil || len(got) == 0 || !strings.Contains(got[0].Text, "Picton") {
		t.Errorf("got %+v, %v, want where Rua Tane grew up", got, err)
	}
}

// TestPersonNamed checks which bold answers name a person for the
// pronouns of the next question: the name, the surname, the given name of
// one person alone, or the name with more after it, but never a name a
// typo away or a word shared with it.
func TestPersonNamed(t *testing.T) {
	a := mustArticle(t, "Harbour reopens\nHarbour master Tom Hale reopened the harbour, Mayor Ann Lee said.\n"+
		"Fisherman Ann Cole said the harbour was busy.\n")
	e := New([]*Article{a}, DefaultOptions())
	tests := []struct{ bold, want string }{
		{"Tom Hale", "Tom Hale"},
		{"hale", "Tom Hale"},
		{"Ann Lee of the council", "Ann Lee"},
		{"Hales", ""},
		{"Tom", "Tom Hale"}, // "his mother, Sunanda"
		{"Ann", ""},         // two of them
		{"To", ""},
		{"the harbour", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got := ""
		if s := e.personNamed(tt.bold); s != nil {
			got = s.Name
		}
		if got != tt.want {
			t.Errorf("personNamed(%q) = %q, want %q", tt.bold, got, tt.want)
		}
	}
}

// TestFollowUpStaysInItsArticle checks that a follow-up is asked of the
// article the question before was kept to, whether the person asking chose
// it or the engine routed the question to it.
func TestFollowUpStaysInItsArticle(t *testing.T) {
	storm := mustArticle(t, "Storm closes the harbour\n\"We have no choice,\" Mayor Ann Lee said of the harbour.\n"+
		"\"The boats will be safe,\" she added.\n")
	fees := mustArticle(t, "Harbour fees rise\n\"The fees must rise,\" Mayor Ann Lee said.\n")
	e := New([]*Article{storm, fees}, DefaultOptions())
	for _, chosen := range []bool{true, false} {
		var c Conversation
		now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
		q, err := e.ParseQuestion("What did Ann Lee say about the harbour?")
		if err != nil {
			t.Fatal(err)
		}
		if chosen {
			q.Within(storm)
		}
		if got, err := e.FollowQuestion(&c, q, 1, now); err != nil || len(got) == 0 || got[0].Article != storm.Title {
			t.Fatalf("article chosen %v: got %+v, %v, want the storm quote", chosen, got, err)
		}
		got, err := e.Follow(&c, "What else did she say?", 3, now.Add(time.Minute))
		if err != nil || len(got) == 0 {
			t.Fatalf("article chosen %v: got %+v, %v, want what else she said of the storm", chosen, got, err)
		}
		for _, a := range got {
			if a.Article != storm.Title {
				t.Errorf("article chosen %v: got an answer from %q, want only %q", chosen, a.Article, storm.Title)
			}
		}
	}
}

// TestPronounSpeaksAboutName checks that in "What did she say about
// Hale?" after a turn about Ann Lee, she is the one speaking and Hale only
// the topic.
func TestPronounSpeaksAboutName(t *testing.T) {
	a := mustArticle(t, "Bridge to reopen in spring\n"+
		"Mayor Ann Lee said the bridge would reopen in the spring.\n"+
		"Governor Tom Hale said the repairs were on schedule.\n"+
		"Hale said the state would pay for them.\n"+
		"Lee said Hale had \"kept every promise he made to this town\".\n")
	e, c, now := conversationOn(a)
	if _, err := e.Follow(c, "When did Ann Lee say the bridge would reopen?", 1, now); err != nil {
		t.Fatal(err)
	}
	got, err := e.Follow(c, "What did she say about Hale?", 1, now.Add(time.Minute))
	if err != nil || len(got) == 0 || got[0].Speaker != "Ann Lee" || !strings.Contains(got[0].Text, "kept every promise") {
		t.Errorf("got %+v, %v, want what Ann Lee said about Hale", got, err)
	}
}

// TestPronounAfterUnknownName checks that "he" can follow a name the
// article never shows to be a person's or a body's, once an answer has
// credited it.
func TestPronounAfterUnknownName(t *testing.T) {
	a := mustArticle(t, "Boats turned back at sea\n"+
		"Navy ships turned back two boats last week, the ministry said.\n"+
		"Okafor, another of the passengers, claimed the navy towed his boat for three days from December 10.\n")
	e, c, now := conversationOn(a)
	if first, err := e.Follow(c, "Who is Okafor?", 1, now); err != nil || len(first) == 0 || first[0].Speaker != "Okafor" {
		t.Fatalf("got %+v, %v, want Okafor's claim", first, err)
	}
	got, err := e.Follow(c, "How long does he say his boat was towed?", 1, now.Add(time.Minute))
	if err != nil || len(got) == 0 || !strings.Contains(got[0].Text, "three days") {
		t.Errorf("got %+v, %v, want how long Okafor's boat was towed", got, err)
	}
}

// conversationOn returns an engine over a, an empty conversation and the
// time it starts.
func conversationOn(a *Article) (*Engine, *Conversation, time.Time) {
	return New([]*Article{a}, DefaultOptions()), new(Conversation), time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
}

// TestNothingMore asks "what else" past each first answer, the passages
// offered after it among what is left, and once every passage that answers
// has been the first: the reply says so rather than that the article does
// not answer, and the conversation goes on about the same person.
func TestNothingMore(t *testing.T) {
	a := mustArticle(t, "Floods close the valley road\n"+
		"Retired teacher Ann Lee, 67, said she left with nothing but her coat.\n"+
		"\"The water was at the top of the stairs,\" she said.\n"+
		"The road will stay closed until Friday, the council said.\n")
	e, c, now := conversationOn(a)
	first, err := e.Follow(c, "What did Ann Lee say?", 3, now)
	if err != nil || len(first) < 2 || first[0].Speaker != "Ann Lee" || first[1].Speaker != "Ann Lee" {
		t.Fatalf("got %+v, %v, want both of Ann Lee's statements", first, err)
	}
	second, err := e.Follow(c, "What else did she say?", 3, now.Add(time.Minute))
	if err != nil || len(second) != 1 || second[0].Text != first[1].Text {
		t.Fatalf("got %+v, %v, want the statement offered second, %q", second, err, first[1].Text)
	}
	want := NothingMoreError{Speaker: "Ann Lee"}
	if got, err := e.Follow(c, "What else did she say?", 3, now.Add(2*time.Minute)); err != want {
		t.Fatalf("got %+v, %v, want %v", got, err, want)
	}
	got, err := e.Follow(c, "How old is she?", 1, now.Add(3*time.Minute))
	if err != nil || len(got) == 0 || !strings.Contains(got[0].Text, "67") {
		t.Errorf("got %+v, %v, want Ann Lee's age: the conversation goes on", got, err)
	}
}

// TestWhatElseNeverRepeats asks "what else" again and again of someone
// with more statements than one turn shows: no passage a "what else" turn
// gave comes back, and the last turn says that is all.
func TestWhatElseNeverRepeats(t *testing.T) {
	a := mustArticle(t, "Floods close the valley road\n"+
		"\"The water came in at midnight,\" said Ann Lee, a retired teacher.\n"+
		"\"It was at the top of the stairs by two,\" she said.\n"+
		"\"We lost the photographs,\" she said.\n"+
		"\"The council never came,\" she added.\n"+
		"The road will stay closed until Friday.\n")
	e, c, now := conversationOn(a)
	if _, err := e.Follow(c, "What did Ann Lee say?", 3, now); err != nil {
		t.Fatal(err)
	}
	given := make(map[string]bool)
	for turn := 1; turn <= 4; turn++ {
		answers, err := e.Follow(c, "What else did she say?", 3, now.Add(time.Duration(turn)*time.Minute))
		if err != nil {
			if _, ok := err.(NothingMoreError); ok && turn > 1 {
				return
			}
			t.Fatalf("turn %d: %v", turn, err)
		}
		for _, a := range answers {
			if given[a.Text] {
				t.Fatalf("turn %d gave %q again", turn, a.Text)
			}
			given[a.Text] = true
		}
	}
	t.Errorf("four turns of \"what else\" never said that was all")
}
