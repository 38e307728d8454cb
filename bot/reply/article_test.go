package reply

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/articlebot/articlebot/qa"
)

// threeArticles is an engine over three articles, oldest first: a storm,
// harbour fees, and the storm again, whose title holds the first's.
func threeArticles(t *testing.T) (*qa.Engine, map[string]*qa.Article) {
	t.Helper()
	day := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	texts := []struct{ name, text string }{
		{"storm", "Storm hits the coast\n\"We have no choice,\" Mayor Ann Lee said of the harbour.\nThe storm destroyed six houses on Tuesday, the mayor said.\n"},
		{"fees", "Harbour fees rise in spring\n\"The fees must rise,\" Mayor Ann Lee said.\nThe harbour board raised its fees by a tenth, chairman Tom Hale said.\n"},
		{"again", "Storm hits the coast again\nRain fell for a week, forecaster Jo Park said.\n"},
	}
	var articles []*qa.Article
	byName := map[string]*qa.Article{}
	for i, tx := range texts {
		a, err := qa.ParseArticle("seeds/"+tx.name+".txt", strings.NewReader(tx.text))
		if err != nil {
			t.Fatal(err)
		}
		a.Modified = day.Add(time.Duration(i) * time.Hour)
		articles = append(articles, a)
		byName[tx.name] = a
	}
	return qa.New(articles, qa.DefaultOptions()), byName
}

func TestChooseArticle(t *testing.T) {
	e, as := threeArticles(t)
	tests := []struct {
		name, typed string
		want        *qa.Article
		ok          bool
	}{
		{"nothing typed chooses none", "  ", nil, true},
		{"an exact title wins over a newer match", "storm hits the COAST", as["storm"], true},
		{"a file name", "Storm.txt", as["storm"], true},
		{"a file name without .txt wins over a newer match", "storm", as["storm"], true},
		{"else the newest that has the words", "coast", as["again"], true},
		{"the last word unfinished", "harb fe", nil, false},
		{"a word of the file name", "fees", as["fees"], true},
		{"a title cut short, as an autocomplete value", "Harbour fees ri", as["fees"], true},
		{"no such article", "election", nil, false},
		{"no words", "🤔", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ChooseArticle(e, tt.typed)
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %q, %v, want %q, %v", titleOf(got), ok, titleOf(tt.want), tt.ok)
			}
		})
	}
}

// TestCommandsInAnArticle checks each command's value with an article
// chosen, and /summary's without one when several are loaded.
func TestCommandsInAnArticle(t *testing.T) {
	e, as := threeArticles(t)
	p := Picker{Option: "--article ", Another: "pick another with --article WORDS", Titles: "'articlebot articles' lists the titles", SpeakerSummary: "/summary speaker:%s"}
	tests := []struct {
		name string
		r    Reply
		want string // the reply, as %+v
	}{
		{"ask, answered from the article", Ask(e, &qa.Conversation{}, "Who raised the fees?", as["fees"], 1, time.Now()), "Article:Harbour fees rise in spring"},
		{"ask, not in the article", Ask(e, &qa.Conversation{}, "How many houses did the storm destroy?", as["fees"], 3, time.Now()), "In:Harbour fees rise in spring"},
		{"summary of the newest of several", SummaryOf(e, 1, "", nil, p), "{Note:The newest of 3 articles; pick another with --article WORDS. Sections:[{Title:Storm hits the coast again"},
		{"summary of an article", SummaryOf(e, 1, "", as["fees"], p), "{Note: Sections:[{Title:Harbour fees rise in spring"},
		{"summary of a speaker in an article", SummaryOf(e, 2, "Ann Lee", as["fees"], p), `{Note: Sections:[{Title:Ann Lee, Mayor Lines:["The fees must rise," Mayor Ann Lee said.]}]}`},
		{"summary of a speaker the article does not report", SummaryOf(e, 1, "Hale", as["storm"], p), "Tom Hale is not quoted or reported in “Storm hits the coast”."},
		{"quotes in an article", QuotesOf(e, "Lee", "", as["fees"], p), "Text:The fees must rise"},
		{"quotes in an article that does not quote them", QuotesOf(e, "Lee", "", as["again"], p), "Ann Lee is not quoted or reported in “Storm hits the coast again”."},
		{"quotes of someone reported there", QuotesOf(e, "Hale", "", as["fees"], p), "Tom Hale is reported but not quoted directly in “Harbour fees rise in spring”. Try /summary speaker:Tom Hale."},
		{"speakers in an article", SpeakersOf(e, as["storm"]), "In:Storm hits the coast}"},
		{"no article matches", UnknownArticle("election ", p), `{Text:no article matches --article "election": 'articlebot articles' lists the titles Private:true Failed:false}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fmt.Sprintf("%+v", tt.r); !strings.Contains(got, tt.want) {
				t.Errorf("got %s, want %q in it", got, tt.want)
			}
		})
	}
}

// TestSpeakersOfAnArticleCountThere checks that /speakers with an article
// counts what each says in it alone.
func TestSpeakersOfAnArticleCountThere(t *testing.T) {
	e, as := threeArticles(t)
	r, ok := SpeakersOf(e, as["fees"]).(Speakers)
	if !ok || len(r.Speakers) == 0 || r.In != "Harbour fees rise in spring" {
		t.Fatalf("got %+v, want the speakers of the fees article", r)
	}
	var got []string
	for _, s := range r.Speakers {
		got = append(got, s.Name+" "+SpeakerCounts(s))
	}
	if want := "Ann Lee 1 quote, 1 statement"; got[0] != want {
		t.Errorf("got %q, want %q first", got, want)
	}
}

// TestChooseArticleOfTheSameTitle checks that two articles of one title are
// told apart by their files' names, as the autocomplete sends them.
func TestChooseArticleOfTheSameTitle(t *testing.T) {
	var articles []*qa.Article
	for _, name := range []string{"seeds/monday.txt", "seeds/friday.txt"} {
		a, err := qa.ParseArticle(name, strings.NewReader("Weather report\nRain fell all day, forecaster Jo Park said.\n"))
		if err != nil {
			t.Fatal(err)
		}
		articles = append(articles, a)
	}
	e := qa.New(articles, qa.DefaultOptions())
	for _, a := range articles {
		if got, ok := ChooseArticle(e, FileName(a)); !ok || got != a {
			t.Errorf("ChooseArticle(%q) = %v, %v, want %s", FileName(a), got, ok, a.Name)
		}
	}
}

// TestQuotesWhole checks that /quote shows a quotation of several
// sentences whole, as its speaker said it.
func TestQuotesWhole(t *testing.T) {
	a, err := qa.ParseArticle("seeds/floods.txt", strings.NewReader("Floods\n\"We lost everything. The water came at midnight,\" said Ann Lee.\n"))
	if err != nil {
		t.Fatal(err)
	}
	e := qa.New([]*qa.Article{a}, qa.DefaultOptions())
	r, ok := QuotesOf(e, "Ann Lee", "", nil, Picker{}).(Quotes)
	if !ok || len(r.Quotes) != 1 || r.Quotes[0].Text != "We lost everything. The water came at midnight" {
		t.Errorf("got %+v, want the quotation whole", r)
	}
}
