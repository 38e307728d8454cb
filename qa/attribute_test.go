package qa

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestAttribution covers each way news credits a quotation, one short
// article a case.
func TestAttribution(t *testing.T) {
	tests := []struct {
		name    string
		body    string // paragraphs, one a line
		speaker string // of the last quotation; "" for none
		how     string
	}{
		{"name after", `"We will help," Trump said.`, "Trump", ByName},
		{"inverted", `"We will help," said Senate Majority Leader Harry Reid.`, "Harry Reid", ByName},
		{"name before with colon", `Trump said: "We will help."`, "Trump", ByName},
		{"name before with comma", `Trump said, "We will help."`, "Trump", ByName},
		{"title from an earlier mention", "US President Donald Trump arrived.\n\"We will help,\" the US president explained.", "Donald Trump", ByTitle},
		{"title by country", "US President Donald Trump met his Ukrainian counterpart Volodymyr Zelenskyy.\n\"We spoke,\" the Ukrainian president emphasised.", "Volodymyr Zelenskyy", ByTitle},
		{"pronoun", "Representative Marcy Kaptur was not changing her vote. \"I will not support it,\" she said.", "Marcy Kaptur", ByPronoun},
		{"pronoun skips the wrong gender", "Mr. John Smith spoke. Then Representative Marcy Kaptur changed her vote.\n\"I will not support it,\" he said.", "John Smith", ByPronoun},
		{"continuation in the paragraph", `"It is a crisis," Kofi Annan said. "Only politicians can solve it."`, "Kofi Annan", ByContinuation},
		{"continuation in the next paragraph", "Trump said, \"They will take the burden.\"\n\"We're going to help them.\"", "Trump", ByContinuation},
		{"a heading breaks continuation", "Trump said, \"They will take the burden.\"\nWill they meet?\n\"We're going to help them.\"", "", ""},
		{"subject of the sentence before", "Vice President of Taxpayers for Common Sense, Steve Ellis, offered his explanation. \"People will forget.\"", "Steve Ellis", ByContinuation},
		{"participle takes the clause's subject", `“Europe is first”, Trump said, adding “but we will help”.`, "Trump", ByName},
		{"participle with an object", `The US President Donald Trump admitted it, telling Zelenskyy, "I don't think you need a ceasefire."`, "Donald Trump", ByName},
		{"reported speech holding a quote", `Trump added that one point was "who would do what."`, "Trump", ByName},
		{"called", "US President Donald Trump spoke.\nWhat the US president called “land swapping” is complicated.", "Donald Trump", ByTitle},
		{"according to", `According to Kofi Annan, "time is running out."`, "Kofi Annan", ByAccording},
		{"document", `The joint statement said: "We agree."`, "joint statement", ByDocument},
		{"passive source", `It is noted on the Congressional Website that "the Senate passed the bill."`, "Congressional Website", ByDocument},
		{"document in apposition", `The Senate took H.R.1424, a bill concerning "equity in health plans," and passed it.`, "H.R.1424", ByDocument},
		{"according to after the quote", `"Talks will resume," according to Maya Lindqvist.`, "Maya Lindqvist", ByAccording},
		{"subject with an apposition", `U.S. envoy Rachel Stein, attending as an observer, said Washington supported "an orderly transition".`, "Rachel Stein", ByName},
		{"the subject of the clause inside is not the speaker", `Councilman Derek Whitfield, who voted against it, said the projections were "wildly optimistic".`, "Derek Whitfield", ByName},
		{"an age for a name", "Manager Graham Pike spoke first.\n\"Football is a business,\" the 58-year-old added.", "Graham Pike", ByPronoun},
		{"the last-mentioned of several ministers", "Finance Minister Karl Holm opened the talks. Spain's Environment Minister Ana Ruiz spoke next.\n\"We cannot wait,\" the minister told reporters.", "Ana Ruiz", ByTitle},
		{"the statement of a body named before", "Castleford Rovers said in a statement that the offer was fair. \"We thank him,\" the statement said.", "Castleford Rovers", ByDocument},
		{"a possessive names the body", "The Riverside Chamber of Commerce backed the plan.\n\"It will bring jobs,\" the chamber's statement said.", "Riverside Chamber of Commerce", ByDocument},
		{"he after a paragraph about him and someone else", "Manager Luis Alvarez also confirmed that defender Marco Rossi would miss six weeks.\n“It's bad news for Marco,” he said.", "Luis Alvarez", ByPronoun},
		{"an age after a paragraph that quoted him", "Manager Graham Pike was blunt. Asked about the midfielder, Pike replied: \"Of course.\"\n\"It is a business,\" the 58-year-old added.", "Graham Pike", ByPronoun},
		{"scare quotes credit no one", `The leaders discussed “who will do what” at length.`, "", ""},
		{"sentence-initial common noun is not a speaker", `Critics claimed: "It is bad."`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseArticle("t.txt", strings.NewReader("Title\n"+tt.body))
			if err != nil {
				t.Fatal(err)
			}
			quotes := New([]*Article{a}, DefaultOptions()).Quotes()
			if len(quotes) == 0 {
				t.Fatal("no quotation found")
			}
			q := quotes[len(quotes)-1]
			got := ""
			if q.Speaker != nil {
				got = q.Speaker.Name
			}
			if got != tt.speaker || (got != "" && q.How != tt.how) {
				t.Errorf("got %q (%s), want %q (%s)", got, q.How, tt.speaker, tt.how)
			}
		})
	}
}

func TestSpeakerRoles(t *testing.T) {
	e := evalEngine(t, "seed")
	tests := []struct{ name, role string }{
		{"Donald Trump", "US President"},
		{"Volodymyr Zelenskyy", "Ukrainian president"},
		{"Maria Zakharova", "Russia’s foreign ministry spokesperson"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := e.FindSpeaker(tt.name)
			if s == nil {
				t.Fatalf("no speaker %q", tt.name)
			}
			if s.Role != tt.role {
				t.Errorf("got role %q, want %q", s.Role, tt.role)
			}
		})
	}
}

// TestGoldenQuotes keeps every quotation of the development articles with
// its speaker in testdata/*.quotes.golden: a change in attribution shows up
// as a diff to review (go test -run Golden -update rewrites them).
func TestGoldenQuotes(t *testing.T) {
	for _, set := range evalSets {
		t.Run(set.name, func(t *testing.T) {
			e := evalEngine(t, set.name)
			var b strings.Builder
			for _, q := range e.Quotes() {
				line := map[string]any{"quote": q.Text, "how": q.How, "paragraph": q.Paragraph}
				if q.Speaker != nil {
					line["speaker"], line["role"] = q.Speaker.Name, q.Speaker.Role
				}
				out, _ := json.Marshal(line)
				b.Write(out)
				b.WriteByte('\n')
			}
			for _, s := range mustSummary(t, e, 3) {
				b.WriteString("summary: " + s + "\n")
			}
			golden(t, filepath.Join("testdata", set.name+".golden"), b.String())
		})
	}
}

func mustSummary(t *testing.T, e *Engine, n int) []string {
	t.Helper()
	s, err := e.Summary(e.Articles()[0], n)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update rewrites it):\n got:\n%s\nwant:\n%s", path, got, want)
	}
}

func FuzzAttribution(f *testing.F) {
	for _, s := range []string{
		"Title\n\"We will help,\" Trump said.\n\"More,\" she said.",
		"T\nUS President Donald Trump met. \"x\" the US president said, adding \"y\".",
		"T\nIt is noted on the X that \"a\". According to \"b",
		"T\n\" \" \"\n“”‘’",
		"T\nA b went. NATO, the alliance, said \"no\", according to X.\nRIVERSIDE, Calif. (AP) — Dr. Y, a professor, said: \"ok\" the 58-year-old added.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a, err := ParseArticle("fuzz.txt", strings.NewReader(text))
		if err != nil {
			return
		}
		e := New([]*Article{a}, DefaultOptions())
		for _, q := range e.Quotes() {
			if q.Paragraph < 1 || q.Paragraph > len(a.Paragraphs) || !strings.Contains(a.Paragraphs[q.Paragraph-1].Text, q.Text) {
				t.Fatalf("quote %q not in paragraph %d", q.Text, q.Paragraph)
			}
		}
	})
}
