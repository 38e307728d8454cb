package qa

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

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

// TestFindSpeaker reads a speaker's name as a question would: in any
// case, by surname, and a typo or two away; a name no one has is nil.
func TestFindSpeaker(t *testing.T) {
	e := evalEngine(t, "seed")
	tests := []struct{ typed, want string }{
		{"Donald Trump", "Donald Trump"},
		{"zelenskyy", "Volodymyr Zelenskyy"},
		{"Zelensky", "Volodymyr Zelenskyy"},
		{"Zacharova", "Maria Zakharova"},
		{"Keir Starmer", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got := ""
		if s := e.FindSpeaker(tt.typed); s != nil {
			got = s.Name
		}
		if got != tt.want {
			t.Errorf("FindSpeaker(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
}

// TestGoldenQuotes keeps every quotation of the development and blind
// articles with its speaker, and the article's summary, in
// testdata/NAME.golden: a change in attribution shows up as a diff to
// review (go test -run Golden -update rewrites them).
func TestGoldenQuotes(t *testing.T) {
	names := append(append([]string(nil), newsSets...), attributionSets...)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			e := evalEngine(t, name)
			var b strings.Builder
			for _, q := range e.Quotes() {
				line := map[string]any{"quote": q.Text, "how": q.How.String(), "paragraph": q.Paragraph}
				if q.Speaker != nil {
					line["speaker"], line["role"], line["kind"] = q.Speaker.Name, q.Speaker.Role, q.Speaker.Kind.String()
				}
				out, _ := json.Marshal(line)
				b.Write(out)
				b.WriteByte('\n')
			}
			for _, s := range mustSummary(t, e, 3) {
				b.WriteString("summary: " + s + "\n")
			}
			golden(t, filepath.Join("testdata", name+".golden"), b.String())
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

// TestWholeQuotations joins the sentences of one quotation, as its
// speaker said them, and keeps apart a quotation its credit breaks and the
// next quotation.
func TestWholeQuotations(t *testing.T) {
	a := mustArticle(t, "Floods\n"+
		"\"We lost everything. The water came in at midnight,\" said Ann Lee. \"The council never came.\"\n"+
		"\"We will rebuild,\" she said, \"whatever it takes.\"\n")
	e := New([]*Article{a}, DefaultOptions())
	var got []string
	for _, q := range WholeQuotations(e.Quotes()) {
		got = append(got, q.Text)
	}
	want := []string{"We lost everything. The water came in at midnight", "The council never came.", "We will rebuild", "whatever it takes."}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if n := len(e.Quotes()); n != 5 {
		t.Errorf("Quotes lists %d sentences, want 5: the engine's own list stays by sentence", n)
	}
}

// TestWholeQuotationsByTopic checks that a speaker's quotations ordered
// by a topic keep each quotation's sentences together and in order, so
// that they are read whole, and that a quotation joined is credited as its
// credited part is.
func TestWholeQuotationsByTopic(t *testing.T) {
	a := mustArticle(t, "Floods\n"+
		"\"We lost everything. The council never came,\" said Ann Lee.\n"+
		"\"The road is still shut,\" she said.\n")
	e := New([]*Article{a}, DefaultOptions())
	s := e.FindSpeaker("Ann Lee")
	whole := WholeQuotations(e.SpeakerQuotes(s, "council"))
	if len(whole) != 2 || whole[0].Text != "We lost everything. The council never came" {
		t.Fatalf("got %+v, want the quotation about the council first, whole", whole)
	}
	if whole[0].How != ByName {
		t.Errorf("joined quotation credited %v, want by name, as its last part is", whole[0].How)
	}
	if s.Quotes != 2 {
		t.Errorf("Ann Lee has %d quotes, want 2 quotations", s.Quotes)
	}
}
