package qa

import (
	"strings"
	"testing"
)

// TestSpeakerIdentityAcrossArticles checks that one name in two articles is
// one speaker unless the roles tell two people apart.
func TestSpeakerIdentityAcrossArticles(t *testing.T) {
	tests := []struct {
		name          string
		first, second string // how each article introduces John Smith
		want          int    // speakers called John Smith
	}{
		{"same title", "Police chief John Smith", "The police chief, John Smith,", 1},
		{"one gives no role", "Police chief John Smith", "John Smith", 1},
		{"different titles", "Police chief John Smith", "The striker John Smith", 2},
		{"different countries", "Britain's ambassador John Smith", "Canada's ambassador John Smith", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustArticle(t, "Storm closes the harbour\n"+
				tt.first+" said the harbour would stay shut. \"We have no choice,\" Smith said.\n")
			b := mustArticle(t, "Fans queue for the final\n"+
				tt.second+" said the queue was long. \"It is worth it,\" Smith said.\n")
			e := New([]*Article{a, b}, DefaultOptions())
			got := 0
			for _, s := range e.Speakers() {
				if s.Name == "John Smith" {
					got++
				}
			}
			if got != tt.want {
				t.Errorf("got %d speakers called John Smith, want %d (speakers %v)", got, tt.want, speakerNames(e))
			}
		})
	}
}

// TestUnnamedSpeakersStayInTheirArticle checks that one article's
// "resident" is not another's.
func TestUnnamedSpeakersStayInTheirArticle(t *testing.T) {
	a := mustArticle(t, "Storm closes the harbour\n\"We have no choice,\" one resident said.\n")
	b := mustArticle(t, "Fans queue for the final\n\"It is worth it,\" one resident said.\n")
	e := New([]*Article{a, b}, DefaultOptions())
	residents := map[*Speaker]bool{}
	for _, q := range e.Quotes() {
		if q.Speaker == nil || q.Speaker.Name != "resident" {
			t.Fatalf("got quote %q credited to %v, want a resident", q.Text, q.Speaker)
		}
		residents[q.Speaker] = true
	}
	if len(residents) != 2 {
		t.Errorf("got %d residents, want 2", len(residents))
	}
}

// TestAccessorsReturnCopies checks that a caller changing what Articles and
// Quotes return leaves the engine as it was.
func TestAccessorsReturnCopies(t *testing.T) {
	a := mustArticle(t, "Storm closes the harbour\n\"We have no choice,\" Mayor Ann Lee said.\n")
	e := New([]*Article{a}, DefaultOptions())
	e.Articles()[0] = nil
	qs := e.Quotes()
	want := qs[0].Text
	qs[0].Text = "changed"
	if e.Articles()[0] != a {
		t.Error("changing the slice Articles returned changed the engine's articles")
	}
	if got := e.Quotes()[0].Text; got != want {
		t.Errorf("got quote %q after changing the slice Quotes returned, want %q", got, want)
	}
}

func speakerNames(e *Engine) []string {
	var out []string
	for _, s := range e.Speakers() {
		out = append(out, s.Name+" ("+s.Role+")")
	}
	return out
}

// TestFindSpeakerOfOneNameByRole checks that the words of a role tell two
// people of one name apart, as the autocomplete offers them.
func TestFindSpeakerOfOneNameByRole(t *testing.T) {
	a := mustArticle(t, "Storm closes the harbour\nPolice chief John Smith said the harbour would stay shut. \"We have no choice,\" Smith said.\n")
	b := mustArticle(t, "Fans queue for the final\nThe striker John Smith said the queue was long. \"It is worth it,\" Smith said.\n")
	e := New([]*Article{a, b}, DefaultOptions())
	for _, typed := range []string{"John Smith, police chief", "John Smith, striker"} {
		s := e.FindSpeaker(typed)
		if s == nil || !strings.Contains(typed, strings.ToLower(s.Role)) {
			t.Errorf("FindSpeaker(%q) = %+v, want the John Smith of that role", typed, s)
		}
	}
}

// TestQuestionNamesByPersonNoun checks that a question names a person by a
// noun for a person that their role ends with ("the farmer" for "Farmer
// Glen Hale"), and not by one no role has ("the driver").
func TestQuestionNamesByPersonNoun(t *testing.T) {
	a := mustArticle(t, "Fossil found\n"+
		"Farmer Glen Hale, 58, found the first bones in May.\n"+
		"\"It belongs in a museum,\" the farmer said.\n")
	e := New([]*Article{a}, DefaultOptions())
	for _, tt := range []struct {
		question string
		want     int // people named
	}{
		{"What did the farmer say about the fossil?", 1},
		{"What did the driver say about the fossil?", 0},
	} {
		q, err := e.ParseQuestion(tt.question)
		if err != nil {
			t.Fatal(err)
		}
		if len(q.People) != tt.want || tt.want == 1 && q.People[0].Name != "Glen Hale" {
			t.Errorf("%q names %d people (%v), want %d (Glen Hale, if one)", tt.question, len(q.People), q.People, tt.want)
		}
	}
}
