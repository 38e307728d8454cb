package reply

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/articlebot/articlebot/qa"
	"github.com/articlebot/articlebot/seeds"
)

func seedEngine(t *testing.T) *qa.Engine {
	t.Helper()
	e, err := seeds.Engine("")
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestNotFoundText(t *testing.T) {
	tests := []struct {
		name     string
		topics   []string
		articles int
		want     string
	}{
		{"no topics", nil, 1, "I couldn't find that in the article."},
		{"one", []string{"Donald Trump"}, 1, "I couldn't find that in the article. It covers Donald Trump."},
		{"three", []string{"security guarantees", "trilateral meeting", "Donald Trump"}, 1,
			"I couldn't find that in the article. It covers security guarantees, trilateral meeting and Donald Trump."},
		{"several articles", []string{"the harbour", "Ann Lee"}, 2, "I couldn't find that in the articles. They cover the harbour and Ann Lee."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (NotFound{NotFound: qa.NotFound{Topics: tt.topics, Articles: tt.articles}}).Text(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestQuestionNotice(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want Notice
	}{
		{"empty", qa.ErrEmptyQuestion, Notice{Text: "the question is empty: ask something about the article", Private: true}},
		{"no words", qa.ErrNoWords, Notice{Text: "the question has no words to search for: ask it in words", Private: true}},
		{"nothing to follow", qa.ErrNoContext, Notice{Text: "I'm not sure who or what you mean: ask again with a name or a topic", Private: true}},
		{"nothing more of someone's", qa.NothingMoreError{Speaker: "Ann Lee"}, Notice{Text: "That's everything Ann Lee says: all of it is in the answers above."}},
		{"nothing more", qa.NothingMoreError{}, Notice{Text: "That's all the article has on that: it is all in the answers above."}},
		{"too long", qa.LongQuestionError{Max: 1000}, Notice{Text: "the question is too long: keep it under 1,000 characters", Private: true}},
		{"too long, another limit", qa.LongQuestionError{Max: 12345}, Notice{Text: "the question is too long: keep it under 12,345 characters", Private: true}},
		{"too long, wrapped", fmt.Errorf("asking: %w", qa.LongQuestionError{Max: 80}), Notice{Text: "the question is too long: keep it under 80 characters", Private: true}},
		{"not the question's fault", errors.New("disk on fire"), Notice{Text: FailedText, Private: true, Failed: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := QuestionNotice(tt.err); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestLongQuestionSaysTheLimit asks a question over the engine's limit:
// the reply says the limit the engine holds, not one typed here.
func TestLongQuestionSaysTheLimit(t *testing.T) {
	e := seedEngine(t)
	r := Ask(e, &qa.Conversation{}, strings.Repeat("why ", 300), nil, 3, time.Now())
	want := "the question is too long: keep it under " + grouped(qa.DefaultOptions().MaxQuestion) + " characters"
	if n, ok := r.(Notice); !ok || n.Text != want {
		t.Errorf("got %+v, want a notice %q", r, want)
	}
}

// TestCommands checks the value each command gives on the seed article.
func TestCommands(t *testing.T) {
	e := seedEngine(t)
	tests := []struct {
		name string
		r    Reply
		want string // the reply, as %+v
	}{
		{"an answer", Ask(e, &qa.Conversation{}, "Who said Europe is the first line of defence?", nil, 1, time.Now()), "Europe is the first line of defence"},
		{"not found", Ask(e, &qa.Conversation{}, "What is the capital of France?", nil, 3, time.Now()), "Topics:[security guarantees"},
		{"a follow-up with nothing to follow", Ask(e, &qa.Conversation{}, "What else did he say?", nil, 3, time.Now()), "I'm not sure who or what you mean"},
		{"quotes", QuotesOf(e, "zakharova", "", nil, Picker{SpeakerSummary: "/summary speaker:%s"}), "(This) could lead"},
		{"quotes of someone mentioned only", QuotesOf(e, "Putin", "", nil, Picker{SpeakerSummary: "/summary speaker:%s"}), "Vladimir Putin is mentioned, but the articles do not quote or report them."},
		{"quotes of no one", QuotesOf(e, "Keir Starmer", "", nil, Picker{SpeakerSummary: "/summary speaker:%s"}), `No one called "Keir Starmer" is quoted in the articles. /speakers lists who is. Private:true`},
		{"a speaker's summary", SummaryOf(e, 1, "Zelenskyy", nil, Picker{}), "Title:Volodymyr Zelenskyy, Ukrainian president"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fmt.Sprintf("%+v", tt.r); !strings.Contains(got, tt.want) {
				t.Errorf("got %s, want %q in it", got, tt.want)
			}
		})
	}
}

func TestSpeakersOf(t *testing.T) {
	r := SpeakersOf(seedEngine(t), nil)
	if s, ok := r.(Speakers); !ok || len(s.Speakers) == 0 || s.Speakers[0].Name != "Donald Trump" {
		t.Errorf("got %+v, want the speakers, Donald Trump first", r)
	}
}

func TestAbout(t *testing.T) {
	e := seedEngine(t)
	loaded := time.Date(2025, 8, 19, 14, 5, 0, 0, time.FixedZone("CEST", 2*60*60))
	ab := AboutOf(e, loaded, "articlebot v1")
	if got, want := ab.LoadedLine(), "Loaded 2025-08-19 12:05 UTC · articles "+e.Version(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if len(ab.Articles) != 1 || !strings.HasSuffix(ab.Articles[0].Counts(), ", 18 quotes") {
		t.Errorf("got %+v, want the seed article with its 18 quotes", ab.Articles)
	}
}

func ExampleNotFound_Text() {
	fmt.Println(NotFound{NotFound: qa.NotFound{Topics: []string{"security guarantees", "Donald Trump"}}}.Text())
	// Output:
	// I couldn't find that in the article. It covers security guarantees and Donald Trump.
}

func ExampleQuestionNotice() {
	fmt.Println(QuestionNotice(qa.LongQuestionError{Max: 1000}).Text)
	// Output:
	// the question is too long: keep it under 1,000 characters
}
