package text

import (
	"strings"
	"testing"
	"unicode"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"two sentences", "Trump spoke. Zelenskyy listened.", []string{"Trump spoke.", "Zelenskyy listened."}},
		{"closing quote after the stop", `He said "we will help." Then he left.`, []string{`He said "we will help."`, "Then he left."}},
		{"stop after the closing quote", `Trump said, "I think so”. "We're going."`, []string{`Trump said, "I think so”.`, `"We're going."`}},
		{"a straight single quote opens the next", `She called it 'the toughest year'. 'We held on,' she said.`, []string{`She called it 'the toughest year'.`, `'We held on,' she said.`}},
		{"question inside a quote goes on", `"Why?" she asked. He shrugged.`, []string{`"Why?" she asked.`, "He shrugged."}},
		{"title abbreviation", "Mr. Smith met Dr. Jones. They talked.", []string{"Mr. Smith met Dr. Jones.", "They talked."}},
		{"initial", "George W. Bush spoke. Then Obama.", []string{"George W. Bush spoke.", "Then Obama."}},
		{"dotted abbreviation before a name", "The U.S. Senate voted. It passed.", []string{"The U.S. Senate voted.", "It passed."}},
		{"dotted abbreviation ends a sentence", "He flew to the U.S. The trip was long.", []string{"He flew to the U.S.", "The trip was long."}},
		{"month abbreviation before a day", "The window closes on Sept. 1 at noon. Deals follow.", []string{"The window closes on Sept. 1 at noon.", "Deals follow."}},
		{"dateline with a state", "RIVERSIDE, Calif. (AP) — The council voted. It passed.", []string{"RIVERSIDE, Calif. (AP) — The council voted.", "It passed."}},
		{"short form ends a sentence", "They met in Oct. The talks failed.", []string{"They met in Oct.", "The talks failed."}},
		{"decimal", "Growth was 3.5 percent. Prices rose.", []string{"Growth was 3.5 percent.", "Prices rose."}},
		{"page numbers", "Division B (pp. 110-255) is long. It ends.", []string{"Division B (pp. 110-255) is long.", "It ends."}},
		{"ellipsis before a capital", "The first one is security … Security depends on us.", []string{"The first one is security …", "Security depends on us."}},
		{"ellipsis before lower case", "We waited … and waited.", []string{"We waited … and waited."}},
		{"lower case after a stop", "It cost 5 p.m. prices. fine", []string{"It cost 5 p.m. prices. fine"}},
		{"em-dash and double hyphen", "A ceasefire first -- only then talks — maybe. Next.", []string{"A ceasefire first -- only then talks — maybe.", "Next."}},
		{"no final stop", "Will Trump and Zelenskyy meet Putin", []string{"Will Trump and Zelenskyy meet Putin"}},
		{"question as sub-heading", "Will Trump and Zelenskyy meet Putin?", []string{"Will Trump and Zelenskyy meet Putin?"}},
		{"empty", "", nil},
		{"spaces only", "   ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range SplitSentences(tt.text) {
				got = append(got, tt.text[s.Start:s.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("SplitSentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// checkSpans asserts the splitter's invariants: spans in order, in bounds,
// trimmed, and covering every non-space byte exactly once.
func checkSpans(t *testing.T, text string, spans []Span) {
	t.Helper()
	prev := 0
	for _, s := range spans {
		if !s.In(text) || s.Start < prev || s.Start == s.End {
			t.Fatalf("span %v out of order or bounds in %d bytes (previous end %d)", s, len(text), prev)
		}
		if strings.TrimSpace(text[prev:s.Start]) != "" {
			t.Fatalf("text lost between %d and %d: %q", prev, s.Start, text[prev:s.Start])
		}
		if sub := text[s.Start:s.End]; strings.TrimFunc(sub, unicode.IsSpace) != sub {
			t.Fatalf("span %v not trimmed: %q", s, sub)
		}
		prev = s.End
	}
	if strings.TrimSpace(text[prev:]) != "" {
		t.Fatalf("text lost at the end: %q", text[prev:])
	}
}

func FuzzSplitSentences(f *testing.F) {
	for _, s := range []string{
		"Trump spoke. Zelenskyy listened.",
		`"Why?" she asked. He shrugged.`,
		"George W. Bush and the U.S. Senate. The end…",
		"“Europe is the first line of defence”, Trump said.",
		"a. b? C! \"D\" (E.) [F.] …G",
		"\xff\xfe. A",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSpans(t, text, SplitSentences(text))
	})
}

// BenchmarkSplitLongParagraph splits a 1 MB paragraph: splitting must stay
// linear, whatever a paragraph's length.
func BenchmarkSplitLongParagraph(b *testing.B) {
	text := strings.Repeat("Mr. Smith said the U.S. economy grew 3.5 percent… “Why?” he asked. ", 1<<20/68)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		SplitSentences(text)
	}
}

// TestTitleAbbreviationsAreTitles checks that the short forms of titles a
// sentence does not end at are titles to the rest of the engine too, so
// that "Coun. Tom Hale" is a councillor.
func TestTitleAbbreviationsAreTitles(t *testing.T) {
	// The short forms that come before or after a name but give no
	// office: a saint's or a street's "St.", "Jr.", "Messrs", a mount's
	// or a fort's.
	notTitles := map[string]bool{"st": true, "jr": true, "sr": true, "messrs": true, "mt": true, "ft": true}
	lx := DefaultLexicon()
	for w := range titleAbbreviations {
		if !notTitles[w] && !lx.TitleHeads.Has(w) {
			t.Errorf("%q is a title's short form but not in title-heads.txt", w)
		}
	}
}
