package qa

import (
	"fmt"
	"slices"
	"testing"
)

// TestSpeakersIn checks that an article's speakers are those it quotes or
// reports, counted in it alone, and that the engine's own counts stay.
func TestSpeakersIn(t *testing.T) {
	vote := mustArticle(t, "Council votes on the harbour\n\"We will vote today,\" Mayor Ann Lee said.\n\"It is late,\" Lee added.\nCouncillor Tom Hale said the vote was rushed.\n")
	vote.Name = "seeds/vote.txt"
	storm := mustArticle(t, "Storm closes the harbour\n\"We have no choice,\" Mayor Ann Lee said of the harbour.\n")
	storm.Name = "seeds/storm.txt"
	e := New([]*Article{vote, storm}, DefaultOptions())
	counts := func(speakers []*Speaker) []string {
		var out []string
		for _, s := range speakers {
			out = append(out, fmt.Sprintf("%s %d/%d", s.Name, s.Quotes, s.Statements))
		}
		return out
	}
	tests := []struct {
		name string
		got  []*Speaker
		want []string
	}{
		{"the first article", e.SpeakersIn(vote), []string{"Ann Lee 2/2", "Tom Hale 0/1"}},
		{"the second article", e.SpeakersIn(storm), []string{"Ann Lee 1/1"}},
		{"the engine's counts stay", e.Speakers(), []string{"Ann Lee 3/3", "Tom Hale 0/1"}},
		{"one speaker in an article that does not quote them", []*Speaker{e.SpeakerIn(e.FindSpeaker("Hale"), storm)}, []string{"Tom Hale 0/0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := counts(tt.got); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
