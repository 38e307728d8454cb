package qa

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// chooseArticles returns three articles: two on harbours, one on a final,
// the final the newest by file time and the harbour storm the oldest.
func chooseArticles(t *testing.T) []*Article {
	t.Helper()
	day := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	storm := mustArticle(t, "Storm closes the harbour\n\"We have no choice,\" Mayor Ann Lee said of the harbour.\n")
	storm.Name, storm.Modified = "seeds/storm.txt", day
	fees := mustArticle(t, "Harbour fees rise in spring\nThe harbour board raised its fees by a tenth, chairman Tom Hale said.\n")
	fees.Name, fees.Modified = "seeds/fees.txt", day.Add(time.Hour)
	final := mustArticle(t, "Fans queue for the Ukraine final\n\"It is worth it,\" one fan said.\n")
	final.Name, final.Modified = "seeds/cup-final.txt", day.Add(2*time.Hour)
	return []*Article{storm, fees, final}
}

func titles(as []*Article) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Title)
	}
	return out
}

func TestFindArticles(t *testing.T) {
	e := New(chooseArticles(t), DefaultOptions())
	tests := []struct {
		name, typed string
		want        []string
	}{
		{"nothing typed: all, newest first", "", []string{"Fans queue for the Ukraine final", "Harbour fees rise in spring", "Storm closes the harbour"}},
		{"a title word", "harbour", []string{"Harbour fees rise in spring", "Storm closes the harbour"}},
		{"every word must match", "harbour storm", []string{"Storm closes the harbour"}},
		{"the last word unfinished", "ukr", []string{"Fans queue for the Ukraine final"}},
		{"only the last word may be unfinished", "ukr final", nil},
		{"a word of the file name", "cup", []string{"Fans queue for the Ukraine final"}},
		{"case does not matter", "HARBOUR Fees", []string{"Harbour fees rise in spring"}},
		{"no such article", "election", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := titles(e.FindArticles(tt.typed)); !slices.Equal(got, tt.want) {
				t.Errorf("FindArticles(%q) = %q, want %q", tt.typed, got, tt.want)
			}
		})
	}
}

// TestArticlesByNewestWithoutTimes checks that articles with no file times
// (the embedded seeds) go by name order, the later first.
func TestArticlesByNewestWithoutTimes(t *testing.T) {
	as := chooseArticles(t)
	for _, a := range as {
		a.Modified = time.Time{}
	}
	e := New(as, DefaultOptions())
	want := []string{"Fans queue for the Ukraine final", "Harbour fees rise in spring", "Storm closes the harbour"}
	if got := titles(e.ArticlesByNewest()); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestQuestionWithin checks that a question kept to one article is
// answered from it alone, or not at all.
func TestQuestionWithin(t *testing.T) {
	e := New(chooseArticles(t), DefaultOptions())
	ask := func(txt string, within *Article) []Answer {
		t.Helper()
		q, err := e.ParseQuestion(txt)
		if err != nil {
			t.Fatal(err)
		}
		q.Within(within)
		return e.Answer(q, 3)
	}
	fees := e.FindArticles("fees")[0]
	storm := e.FindArticles("storm")[0]
	for _, a := range ask("What did they say about the harbour?", fees) {
		if a.Article != fees.Title {
			t.Errorf("got an answer from %q, want only %q", a.Article, fees.Title)
		}
	}
	if got := ask("What did Tom Hale say about the fees?", storm); len(got) != 0 {
		t.Errorf("got %d answers from %q, which does not say, want none", len(got), storm.Title)
	}
	if got := ask("What did Tom Hale say about the fees?", nil); len(got) == 0 || !strings.Contains(got[0].Text, "a tenth") {
		t.Errorf("got %+v with no article chosen, want the fees sentence", got)
	}
	// An article of another engine, as one reloaded since it was chosen.
	if got := ask("What did Tom Hale say about the fees?", mustArticle(t, "Harbour fees rise in spring\nThe fees rose.\n")); len(got) != 0 {
		t.Errorf("got %+v from an article the engine does not have, want none", got)
	}
}

// TestRoutedToArticleThatNamesAll checks that a question is routed to the
// article of its best candidate among those that mention every name it
// does: the harbour sentence that matches most of its words is of a town
// the question does not ask about.
func TestRoutedToArticleThatNamesAll(t *testing.T) {
	other := mustArticle(t, "Harbour shut\nThe harbour closed because the storm wrecked the harbour wall, the harbour master said.\n")
	kestrel := mustArticle(t, "Fishing town waits\nKestrel is a small fishing town on the east coast.\n"+
		"Its harbour closed after a trawler sank at the entrance.\n")
	e := New([]*Article{other, kestrel}, DefaultOptions())
	got, err := e.Ask("Why did the Kestrel harbour close?", 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 || got[0].Article != kestrel.Title || !strings.Contains(got[0].Text, "trawler") {
		t.Errorf("got %+v, want the trawler sentence of %q", got, kestrel.Title)
	}
}

// TestMatchSpeakersIn checks that speaker suggestions kept to an article
// are the engine's speakers who speak in it, and only they.
func TestMatchSpeakersIn(t *testing.T) {
	e := New(chooseArticles(t), DefaultOptions())
	names := func(ss []*Speaker) []string {
		var out []string
		for _, s := range ss {
			out = append(out, s.Name)
			if e.FindSpeaker(s.Name) != s {
				t.Errorf("%s: a copy, not the engine's speaker", s.Name)
			}
		}
		slices.Sort(out)
		return out
	}
	fees := e.FindArticles("fees")[0]
	storm := e.FindArticles("storm")[0]
	for _, tt := range []struct {
		name  string
		typed string
		in    *Article
		want  []string
	}{
		{"every article", "", nil, []string{"Ann Lee", "Tom Hale", "fan"}}, // "one fan said", of the final
		{"the fees", "", fees, []string{"Tom Hale"}},
		{"the storm", "", storm, []string{"Ann Lee"}},
		{"a name not in it", "hale", storm, nil},
		{"a name in it", "hale", fees, []string{"Tom Hale"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := names(e.MatchSpeakers(tt.typed, 10, tt.in)); !slices.Equal(got, tt.want) {
				t.Errorf("MatchSpeakers(%q) = %q, want %q", tt.typed, got, tt.want)
			}
		})
	}
}

// TestRoutingDeclines checks what routing among many articles does with
// the names a question gives: a question only about what someone said is
// answered from every article they speak in; one kept to an article that
// never mentions a name it gives is declined for it; one whose names no
// one article mentions all of is declined, and not kept to any article.
func TestRoutingDeclines(t *testing.T) {
	storm := mustArticle(t, "Storm closes the harbour\n\"We have no choice,\" Mayor Ann Lee said of the harbour Storm Ilse wrecked.\n")
	fees := mustArticle(t, "Harbour fees rise\n\"The fees must rise,\" Mayor Ann Lee said.\n"+
		"The harbour board raised its fees by a tenth, chairman Tom Hale said.\n")
	e := New([]*Article{storm, fees}, DefaultOptions())
	ask := func(txt string, within *Article) (*Question, *Explanation, []Answer) {
		t.Helper()
		q, err := e.ParseQuestion(txt)
		if err != nil {
			t.Fatal(err)
		}
		q.Within(within)
		x := e.Explain(q, 3)
		q, _ = e.ParseQuestion(txt)
		q.Within(within)
		return q, x, e.Answer(q, 3)
	}
	t.Run("only what someone said", func(t *testing.T) {
		_, _, got := ask("What did Ann Lee say?", nil)
		from := make(map[string]bool)
		for _, a := range got {
			from[a.Article] = true
		}
		if !from[storm.Title] || !from[fees.Title] {
			t.Errorf("answers from %v, want both articles", from)
		}
	})
	t.Run("kept to an article without the name", func(t *testing.T) {
		_, x, got := ask("What did Tom Hale say about the fees?", storm)
		if len(got) != 0 || x.UnknownIn != storm.Title || !slices.Equal(x.Unknown, []string{"Tom", "Hale"}) {
			t.Errorf("got %d answers, unknown %q in %q; want none, Tom and Hale in %q", len(got), x.Unknown, x.UnknownIn, storm.Title)
		}
	})
	t.Run("no one article has all its names", func(t *testing.T) {
		q, x, got := ask("What did Tom Hale say about the harbour Storm Ilse wrecked?", nil)
		if len(got) != 0 || !x.NoArticleHasAll || q.within != nil {
			t.Errorf("got %d answers, no article has all %v, kept to %v; want none, true, none", len(got), x.NoArticleHasAll, q.within)
		}
	})
}

// TestKeptQuestionReadsItsArticlesPeople keeps a question to one article
// of two: the role it names is read among that article's people, as an
// engine holding that article alone would read it, not among another's.
func TestKeptQuestionReadsItsArticlesPeople(t *testing.T) {
	named := mustArticle(t, "Bombs condemned\n"+
		"UN human rights chief Navi Roe said the bombs would cause civilian deaths.\n")
	kept := mustArticle(t, "Shelling goes on\n"+
		"The UN human rights office condemned the shelling of the port on Friday.\n")
	e := New([]*Article{named, kept}, DefaultOptions())
	q, err := e.ParseQuestion("What did the UN human rights chief say about the shelling?")
	if err != nil {
		t.Fatal(err)
	}
	if len(q.People) != 1 || q.People[0].Name != "Navi Roe" {
		t.Fatalf("read among all the articles: %v, want Navi Roe", q.People)
	}
	q.Within(kept)
	e.Answer(q, 1)
	if len(q.People) != 0 {
		t.Errorf("kept to %q: %v, want no one: it names no chief", kept.Title, q.People[0].Name)
	}
	// A follow-up stays in the article, and reads its people there too.
	var c Conversation
	now := time.Now()
	first, err := e.ParseQuestion("What did the UN human rights office say about the shelling?")
	if err != nil {
		t.Fatal(err)
	}
	first.Within(kept)
	if _, err := e.FollowQuestion(&c, first, 1, now); err != nil {
		t.Fatal(err)
	}
	more, err := e.ParseQuestion("What else did the UN human rights chief say?")
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.FollowQuestion(&c, more, 1, now.Add(time.Minute))
	if slices.ContainsFunc(more.People, func(s *Speaker) bool { return s.Name == "Navi Roe" }) {
		t.Errorf("follow-up in %q read Navi Roe (%v), whom it does not name", kept.Title, err)
	}
}
