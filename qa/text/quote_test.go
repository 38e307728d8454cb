package text

import (
	"testing"
)

func TestFindQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // the quotations' inner words
	}{
		{"curly", `“Europe is the first line of defence”, Trump said.`, []string{"Europe is the first line of defence"}},
		{"straight", `"We spoke," she said.`, []string{"We spoke"}},
		{"mismatched straight and curly", `Trump said, "I think that they will take the burden”.`, []string{"I think that they will take the burden"}},
		{"two in one sentence", `“Europe first”, Trump said, adding “but we will help”.`, []string{"Europe first", "but we will help"}},
		{"nested single quotes stay inside", `"if we have a 'trilat' there's a chance," Trump stated.`, []string{"if we have a 'trilat' there's a chance"}},
		{"left open to the end", `"We're going to help them, and more`, []string{"We're going to help them, and more"}},
		{"a new opening mark ends an open quote", `“who will do what in terms “Europe first” he said`, []string{"who will do what in terms", "Europe first"}},
		{"apostrophes are not quotes", `Russia’s president didn’t say.`, nil},
		{"british single quotes", `‘We will not yield,’ the minister said.`, []string{"We will not yield"}},
		{"british quote with an apostrophe inside", `‘We won’t yield,’ she said.`, []string{"We won’t yield"}},
		{"straight single quotes", `Lee called it 'the toughest year', but said: 'We have held on. Our staff stayed.'`, []string{"the toughest year", "We have held on. Our staff stayed."}},
		{"straight single quote around a plural's apostrophe", `'The workers' pay must rise,' she said.`, []string{"The workers' pay must rise"}},
		{"a straight quote closed before a small word", `He called the plan 'reckless' and left.`, []string{"reckless"}},
		{"straight apostrophes are not quotes", `The company's shares rose in the '90s, and the drinkers' union cheered.`, nil},
		{"elisions are not quotes", `We waited 'til dawn for rock 'n' roll, Lee said. It was over.`, nil},
		{"a straight quote left open runs on only from the paragraph's start", `'We held on, and we will hold on`, []string{"We held on, and we will hold on"}},
		{"a plural's apostrophe before a word that begins outside ASCII", `'We back the workers' élan,' she said.`, []string{"We back the workers' élan"}},
		{"an open double quote keeps a single-quoted word's closing mark", `"The plan is 'reckless'`, []string{"The plan is 'reckless'"}},
		{"empty quotes skipped", `He said "" and left.`, nil},
		{"stray closing mark", `a” b`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range FindQuotes(tt.text) {
				in := QuoteInner(tt.text, q)
				got = append(got, tt.text[in.Start:in.End])
			}
			if len(got) != len(tt.want) {
				t.Fatalf("FindQuotes(%q) = %q, want %q", tt.text, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("quote %d: got %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func FuzzFindQuotes(f *testing.F) {
	for _, s := range []string{
		`“Europe”, Trump said, adding “but”.`,
		`'The workers' pay must rise,' she said of the '90s.`,
		`"a" "b “c” d”`,
		`‘x’ don’t ‘y`,
		"\"\xff\"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, q := range FindQuotes(text) {
			if !q.In(text) || q.Start < prev || q.Start >= q.End {
				t.Fatalf("quote %v out of order or bounds (previous end %d, %d bytes)", q, prev, len(text))
			}
			if in := QuoteInner(text, q); !in.In(text) || in.Start < q.Start || in.End > q.End {
				t.Fatalf("inner %v outside quote %v", in, q)
			}
			prev = q.End
		}
	})
}
