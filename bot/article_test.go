package bot

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/articlebot/articlebot/bot/discordtest"
	"github.com/articlebot/articlebot/bot/reply"
	"github.com/articlebot/articlebot/qa"
	"github.com/articlebot/articlebot/seeds"
)

const (
	trumpTitle = "Trump tells Zelenskyy US will be involved in security guarantees for Ukraine"
	stormTitle = "Storm hits the coast of Europe"
)

// twoArticles is an engine over the seed article and a newer one on a
// storm, which also says who called Europe the first line of defence.
func twoArticles(t *testing.T, more ...*qa.Article) *qa.Engine {
	t.Helper()
	articles, err := qa.LoadDir(seeds.FS, ".", "seeds")
	if err != nil {
		t.Fatal(err)
	}
	storm, err := qa.ParseArticle("seeds/storm.txt", strings.NewReader(stormTitle+"\n"+
		"\"Europe is the first line of defence against the sea,\" Mayor Ann Lee said.\n"+
		"The storm destroyed six houses on Tuesday, the mayor said.\n"))
	if err != nil {
		t.Fatal(err)
	}
	storm.Modified = time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC) // the seed has no time: older
	return qa.New(append(append(articles, storm), more...), qa.DefaultOptions())
}

// TestArticleOption runs the article option against the fake Discord:
// its autocomplete, and each command with and without it.
func TestArticleOption(t *testing.T) {
	h := startBot(t, nil)
	h.bot.SetEngine(twoArticles(t))
	t.Run("autocomplete", func(t *testing.T) {
		for _, tt := range []struct {
			command, typed string
			want           []string
		}{
			{"summary", "", []string{stormTitle, trumpTitle}},
			{"ask", "eur", []string{stormTitle}},
			{"quote", "ukraine trump", []string{trumpTitle}},
			{"speakers", "election", nil},
		} {
			resp := h.autocomplete(t, tt.command, discordtest.CommandOption{Name: "article", Type: 3, Value: tt.typed, Focused: true})
			var got []string
			for _, c := range resp.Data.Choices {
				got = append(got, c.Name)
				if a, ok := reply.ChooseArticle(h.bot.current(), c.Value); !ok || a.Title != c.Name {
					t.Errorf("/%s: the choice %q sends %q, which picks %v", tt.command, c.Name, c.Value, a)
				}
			}
			if resp.Type != 8 || !slices.Equal(got, tt.want) {
				t.Errorf("/%s article:%q: got type %d, %q, want type 8, %q", tt.command, tt.typed, resp.Type, got, tt.want)
			}
		}
	})
	t.Run("speaker autocomplete in an article", func(t *testing.T) {
		for _, tt := range []struct {
			name, article string
			want          func([]string) bool
		}{
			{"the storm's", "storm", func(got []string) bool { return slices.Equal(got, []string{"Ann Lee"}) }},
			{"every article's", "", func(got []string) bool {
				return slices.Contains(got, "Ann Lee") && slices.Contains(got, "Donald Trump")
			}},
		} {
			opts := []discordtest.CommandOption{{Name: "speaker", Type: 3, Value: "", Focused: true}}
			if tt.article != "" {
				opts = append(opts, discordtest.CommandOption{Name: "article", Type: 3, Value: tt.article})
			}
			resp := h.autocomplete(t, "quote", opts...)
			var got []string
			for _, c := range resp.Data.Choices {
				got = append(got, c.Value)
			}
			if !tt.want(got) {
				t.Errorf("%s speakers: got %q", tt.name, got)
			}
		}
	})
	str := func(name, v string) discordtest.CommandOption {
		return discordtest.CommandOption{Name: name, Type: 3, Value: v}
	}
	defence := str("question", "Who said Europe is the first line of defence?")
	tests := []struct {
		name      string
		command   string
		opts      []discordtest.CommandOption
		want      []string // in the reply's text
		not       string   // not in it
		ephemeral bool
	}{
		{"ask, kept to an article", "ask", []discordtest.CommandOption{defence, str("article", "storm")}, []string{"Ann Lee", stormTitle}, trumpTitle, false},
		{"ask, kept to the other", "ask", []discordtest.CommandOption{defence, str("article", trumpTitle)}, []string{"Donald Trump"}, stormTitle, false},
		{"ask, not in the article", "ask", []discordtest.CommandOption{str("question", "How many houses did the storm destroy?"), str("article", "trump")}, []string{"I couldn't find that in “" + trumpTitle + "”."}, "", false},
		{"summary of the newest", "summary", nil, []string{"The newest of 2 articles; pick another with the article option.", stormTitle}, trumpTitle, false},
		{"summary of an article", "summary", []discordtest.CommandOption{str("article", "Zelenskyy")}, []string{trumpTitle}, "The newest", false},
		{"quote in an article", "quote", []discordtest.CommandOption{str("speaker", "Lee"), str("article", "storm")}, []string{"Europe is the first line of defence against the sea"}, "", false},
		{"speakers in an article", "speakers", []discordtest.CommandOption{str("article", "storm coast")}, []string{"Who is quoted in “" + stormTitle + "”", "Ann Lee**, Mayor — 1 quote, 2 statements"}, "Trump", false},
		{"no such article", "speakers", []discordtest.CommandOption{str("article", "election")}, []string{`no article matches article:"election": /about lists the titles`}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := h.slash(t, alice+tt.name, tt.command, tt.opts...)
			resp := decode[interactionResponse](t, h.wait(t, 1, callbackOf(in.ID))[0])
			text := resp.Data.text()
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("got %q, want %q in it", text, w)
				}
			}
			if tt.not != "" && strings.Contains(text, tt.not) {
				t.Errorf("got %q, want no %q in it", text, tt.not)
			}
			if eph := resp.Data.Flags&64 != 0; eph != tt.ephemeral {
				t.Errorf("ephemeral %v, want %v", eph, tt.ephemeral)
			}
		})
	}
}

// TestArticleChoicesFitDiscord checks that a title over Discord's 100
// characters is offered cut, and that the value sent back still picks it.
func TestArticleChoicesFitDiscord(t *testing.T) {
	long := strings.Repeat("Harbour ", 11) + "fees rise again and again in the spring of every year"
	a, err := qa.ParseArticle("seeds/fees.txt", strings.NewReader(long+"\nThe harbour board raised its fees, chairman Tom Hale said.\n"))
	if err != nil {
		t.Fatal(err)
	}
	a.Modified = time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	e := twoArticles(t, a)
	choices := articleChoices(e, "harbour")
	if len(choices) != 1 {
		t.Fatalf("got %d choices, want 1", len(choices))
	}
	name, value := choices[0].Name, choices[0].Value.(string)
	if utf8.RuneCountInString(name) > maxChoiceName || !strings.HasSuffix(name, "…") {
		t.Errorf("got name %q, want it cut to %d characters with …", name, maxChoiceName)
	}
	if value != "fees.txt" {
		t.Errorf("got value %q, want the file's name", value)
	}
	// A file name over the limit gives way to the title, cut after a
	// whole word, whose words still find the article.
	a.Name = "seeds/" + strings.Repeat("harbour-", 14) + "fees.txt"
	value = articleChoices(e, "harbour")[0].Value.(string)
	if utf8.RuneCountInString(value) > maxChoiceName || !strings.HasSuffix(value, " fees rise") {
		t.Errorf("got value %q, want the title cut after a whole word, at most %d characters", value, maxChoiceName)
	}
	if got, ok := reply.ChooseArticle(e, value); !ok || got != a {
		t.Errorf("the value %q picks %v, want the article", value, got)
	}
	if n := len(articleChoices(e, "")); n != 3 {
		t.Errorf("nothing typed: %d choices, want every article", n)
	}
}

// TestSpeakerChoicesOfOneName checks that two speakers of one name are
// offered with their roles, and that each choice finds its own.
func TestSpeakerChoicesOfOneName(t *testing.T) {
	var articles []*qa.Article
	for name, body := range map[string]string{
		"seeds/storm.txt": "Storm closes the harbour\nPolice chief John Smith said the harbour would stay shut.\n",
		"seeds/final.txt": "Fans queue for the final\nThe striker John Smith said the queue was long.\n",
	} {
		a, err := qa.ParseArticle(name, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		articles = append(articles, a)
	}
	e := qa.New(articles, qa.DefaultOptions())
	choices := speakerChoices(e, "smith", nil)
	var got []string
	for _, c := range choices {
		got = append(got, c.Name)
		if s := e.FindSpeaker(c.Value.(string)); s == nil || c.Name != s.Name+", "+s.Role {
			t.Errorf("the choice %q finds %+v", c.Value, s)
		}
	}
	slices.Sort(got)
	if want := []string{"John Smith, Police chief", "John Smith, striker"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestArticleTypedForSeveral checks that an article option typed by hand
// that matches several titles answers from the newest and says so, and
// that a whole title picks its article with no note.
func TestArticleTypedForSeveral(t *testing.T) {
	const againTitle = "Storm hits the coast again"
	again, err := qa.ParseArticle("seeds/again.txt", strings.NewReader(againTitle+"\n"+
		"The sea wall held this time, harbour master Tom Hale said.\n"))
	if err != nil {
		t.Fatal(err)
	}
	again.Modified = time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	h := startBot(t, nil)
	h.bot.SetEngine(twoArticles(t, again))
	note := "From “" + againTitle + "”, the newest of 2 articles that article:\"coast\" matches; a whole title or a file name picks one"
	for _, tt := range []struct{ name, article, want, not string }{
		{"words of two titles", "coast", note, stormTitle},
		{"a whole title", stormTitle, stormTitle, "the newest of"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := h.slash(t, alice+tt.name, "speakers", discordtest.CommandOption{Name: "article", Type: 3, Value: tt.article})
			text := decode[interactionResponse](t, h.wait(t, 1, callbackOf(in.ID))[0]).Data.text()
			if !strings.Contains(text, tt.want) || strings.Contains(text, tt.not) {
				t.Errorf("got %q, want %q in it and no %q", text, tt.want, tt.not)
			}
		})
	}
}
