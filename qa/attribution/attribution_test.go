package attribution

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/qa/text"
)

// A shape is one case of testdata/shapes.txt: an article and the speaker
// each of its quotations must be credited with.
type shape struct {
	name   string
	line   int
	body   []string
	checks []shapeCheck
}

type shapeCheck struct {
	quote     string // the words the quotation starts with
	speaker   string // "" for none
	kind, how string
	line      int
}

var checkLine = regexp.MustCompile(`^-> "(.+)": (none|(.+) \((\w+), (\w+)\))$`)

func readShapes(t *testing.T, path string) []shape {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var shapes []shape
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "== "):
			shapes = append(shapes, shape{name: strings.TrimPrefix(line, "== "), line: n})
		case len(shapes) == 0:
			t.Fatalf("%s:%d: a line before the first case", path, n)
		case strings.HasPrefix(line, "->"):
			m := checkLine.FindStringSubmatch(line)
			if m == nil {
				t.Fatalf("%s:%d: cannot read check %q", path, n, line)
			}
			shapes[len(shapes)-1].checks = append(shapes[len(shapes)-1].checks, shapeCheck{m[1], m[3], m[4], m[5], n})
		default:
			s := &shapes[len(shapes)-1]
			if len(s.checks) > 0 {
				t.Fatalf("%s:%d: a paragraph after the checks", path, n)
			}
			s.body = append(s.body, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return shapes
}

// analyseText attributes an article of a title and the paragraphs body.
func analyseText(t *testing.T, body []string) (*text.Article, *Result) {
	t.Helper()
	a, err := text.ParseArticle("shape.txt", strings.NewReader("Title\n"+strings.Join(body, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	c := text.NewCache(text.DefaultLexicon())
	d := c.Read(a)
	defer d.Release()
	return a, NewAnalyzer(c).Analyse(d)
}

// quoteStarting returns the first quotation whose words start with words.
func quoteStarting(a *text.Article, res *Result, words string) (Quote, bool) {
	for pi, p := range res.Paras {
		for _, q := range p.Quotes {
			if strings.HasPrefix(a.Paragraphs[pi].Text[q.Span.Start:q.Span.End], words) {
				return q, true
			}
		}
	}
	return Quote{}, false
}

// TestShapes credits the quotations of every shape of attribution in
// testdata/shapes.txt.
func TestShapes(t *testing.T) {
	const path = "testdata/shapes.txt"
	shapes := readShapes(t, path)
	if len(shapes) < 40 {
		t.Errorf("%d shapes, want at least 40", len(shapes))
	}
	for _, s := range shapes {
		t.Run(s.name, func(t *testing.T) {
			a, res := analyseText(t, s.body)
			for _, c := range s.checks {
				q, ok := quoteStarting(a, res, c.quote)
				if !ok {
					t.Errorf("%s:%d: no quotation starts %q", path, c.line, c.quote)
					continue
				}
				got, want := describe(q.Credit), "none"
				if c.speaker != "" {
					want = fmt.Sprintf("%s (%s, %s)", c.speaker, c.kind, c.how)
				}
				if got != want {
					t.Errorf("%s:%d: %q: got %s, want %s", path, c.line, c.quote, got, want)
				}
			}
		})
	}
}

// describe writes a credit as shapes.txt does.
func describe(c Credit) string {
	if c.Entity == nil {
		return "none"
	}
	return fmt.Sprintf("%s (%s, %s)", c.Entity.Name, c.Entity.Kind, c.How)
}

// FuzzAnalyse checks that any text is analysed without a panic, and that
// what comes out lies within the article: quotations inside their
// paragraph, mentions inside its tokens, a credit for every sentence.
func FuzzAnalyse(f *testing.F) {
	for _, s := range []string{
		"Title\n\"We will help,\" Trump said.\n\"More,\" she said.",
		"T\nUS President Donald Trump met. \"x\" the US president said, adding \"y\".",
		"T\nIt is noted on the X that \"a\". According to \"b",
		"T\n\" \" \"\n“”‘’",
		"T\nA memo seen by Reuters says \"no\". In a statement, the navy said: \"a... b\" \"c,\" the statement added.",
		"T\nRIVERSIDE, Calif. (AP) — Dr. Y, a professor, said: \"ok\" the 58-year-old added. Another added: \"x\"",
		"T\nAbu Hamza al-Rashid of the Harbor Institute, who is 5, with Mr Rashid stating: \"z\" and they said \"w\".",
		"T\nAnd that \"the offer was fair,\" he said. Lee said Hale told her \"he would go\".",
	} {
		f.Add(s)
	}
	c := text.NewCache(text.DefaultLexicon())
	an := NewAnalyzer(c)
	f.Fuzz(func(t *testing.T, body string) {
		a, err := text.ParseArticle("fuzz.txt", strings.NewReader(body))
		if err != nil {
			return
		}
		d := c.Read(a)
		res := an.Analyse(d)
		if len(res.Paras) != len(a.Paragraphs) {
			t.Fatalf("%d paragraphs attributed, %d read", len(res.Paras), len(a.Paragraphs))
		}
		for pi, p := range res.Paras {
			para := d.Paras[pi]
			if len(p.Sentences) != len(para.Sentences) {
				t.Fatalf("paragraph %d: %d sentence credits, %d sentences", pi, len(p.Sentences), len(para.Sentences))
			}
			for _, q := range p.Quotes {
				if !q.Span.In(para.Text) || q.Span.Start >= q.Span.End || q.Sentence < 0 || q.Sentence >= len(para.Sentences) {
					t.Fatalf("paragraph %d: quotation %v out of bounds", pi, q)
				}
			}
			for _, m := range p.Mentions {
				if m.Start < 0 || m.End > len(para.Toks) || m.Start >= m.End || m.Entity == nil {
					t.Fatalf("paragraph %d: mention %v out of bounds", pi, m)
				}
			}
		}
		d.Release()
	})
}

// TestRolesAndAliases checks what an article says a speaker is: a role
// set off by commas, or given in a relative clause, but not a clause that
// merely mentions a title; and a short form given in brackets.
func TestRolesAndAliases(t *testing.T) {
	tests := []struct {
		body       string
		name, role string
		aliases    []string
	}{
		{`Hassan Omar, vice chairman of the rights commission, said, "It is over."`, "Hassan Omar", "vice chairman of the rights commission", nil},
		{`Ana Ruiz, who is both the current council president and mayor of Lisbon, said, "It is over."`, "Ana Ruiz", "current council president and mayor of Lisbon", nil},
		{`Ana Ruiz, who has been the city's treasurer since 2019, said, "It is over."`, "Ana Ruiz", "city's treasurer since 2019", nil},
		{`The seat went to James Whitley, according to the returning officer. "It was close," Whitley said.`, "James Whitley", "", nil},
		{`The Movement for Democratic Change (MDC) said, "We are leaving."`, "Movement for Democratic Change", "", []string{"mdc"}},
		{`Jane Roe, a spokeswoman for the Harbor Institute said the plan was late.`, "Jane Roe", "spokeswoman for the Harbor Institute", nil},
		{`Burns held talks with the Finance Minister, Ana Ruiz. "It is over," Ruiz said.`, "Ana Ruiz", "Finance Minister", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name+" "+tt.role, func(t *testing.T) {
			_, res := analyseText(t, []string{tt.body})
			var e *Entity
			for _, en := range res.Entities {
				if en.Name == tt.name {
					e = en
				}
			}
			if e == nil {
				t.Fatalf("no entity %q", tt.name)
			}
			if e.Role() != tt.role {
				t.Errorf("role %q, want %q", e.Role(), tt.role)
			}
			if !slices.Equal(e.Aliases, tt.aliases) {
				t.Errorf("aliases %q, want %q", e.Aliases, tt.aliases)
			}
		})
	}
}

// TestNoPerson checks capitalised runs that name no person: a quotation's
// "Now I'm …" (the pronoun is never part of a name) and a body whose name
// a possessive breaks ("the Acme Workers' Pension Scheme").
func TestNoPerson(t *testing.T) {
	tests := []struct {
		name string
		body []string
	}{
		{"first person", []string{`Ann Lee retired in May. "I was meant to retire at 60," she said. "Now I'm working nights."`}},
		{"a scheme", []string{`Tom Hale ran the Acme Workers' Pension Scheme for ten years.`, `"Pension Scheme members were lied to," Ann Lee said.`}},
	}
	// A numeral outside a quotation stays in its name, and a body's word
	// in a place's name in the place's.
	_, res := analyseText(t, []string{`Ann Lee, whose grandfather fought in World War I, said the memorial mattered.`,
		`Tom Hale of Black Water Bay said the beach was clean.`})
	for _, en := range res.Entities {
		if en.Name == "World War" || en.Name == "I" || en.Name == "Bay" {
			t.Errorf("%q split from its name", en.Name)
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, res := analyseText(t, tt.body)
			for _, en := range res.Entities {
				if en.Kind == Person && en.Name != "Ann Lee" && en.Name != "Tom Hale" {
					t.Errorf("%q read as a person", en.Name)
				}
			}
		})
	}
}

// TestGender checks what an article shows of a person's gender: a pronoun
// that is the subject of a verb of saying tells it, one inside what they
// said may be someone else's.
func TestGender(t *testing.T) {
	tests := []struct {
		name string
		body []string
		who  string
		want Gender
	}{
		{"she said", []string{`Dana Obi led the count. "It was close," she said.`}, "Dana Obi", Female},
		{"a pronoun in what was said", []string{`Kenya's Lee Kiprop won the final on Sunday.`, `Kiprop's coach, Sam Tadei, said she would now rest.`}, "Sam Tadei", GenderUnknown},
		{"a form of address", []string{`Mr Tadei said the vote was fair.`}, "Tadei", Male},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, res := analyseText(t, tt.body)
			for _, en := range res.Entities {
				if en.Name == tt.who {
					if en.Gender != tt.want {
						t.Errorf("got gender %v for %s, want %v", en.Gender, tt.who, tt.want)
					}
					return
				}
			}
			t.Fatalf("no entity %q in %v", tt.who, res.Entities)
		})
	}
}

// TestReportedSpeech checks who a sentence without a quotation is credited
// to: the subject of a verb of saying, or of one that says only with its
// particle ("pointed out", "called for"); no one for a verb that says
// nothing without a quotation ("called the vote a farce").
func TestReportedSpeech(t *testing.T) {
	tests := []struct{ body, want string }{
		{"Amara Okafor said the vote was final.", "Amara Okafor"},
		{"Amara Okafor pointed out that the vote was final.", "Amara Okafor"},
		{"Amara Okafor called for a recount.", "Amara Okafor"},
		{"Amara Okafor called on the council to resign.", "Amara Okafor"},
		{"Amara Okafor called the vote a farce.", ""},
		{"Amara Okafor pointed the way.", ""},
		// A verb of saying that shares the subject of the clause before,
		// unless a later one has a subject of its own.
		{"Amara Okafor visited the harbour and said the vote was final.", "Amara Okafor"},
		{"Amara Okafor visited the harbour and agreed on a truce, officials said.", "officials"},
		// A description npRight does not open a phrase with, before asides.
		{"Retired welder Amara Okafor, 68, whose boat sank on Tuesday, said the vote was final.", "Amara Okafor"},
		// A participle that is an adjective of a person's noun opens the subject.
		{"At the shelter, retired teacher Amara Okafor, 67, said the vote was final.", "Amara Okafor"},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			_, res := analyseText(t, []string{tt.body})
			got := ""
			if c := res.Paras[0].Sentences[0]; c.Entity != nil {
				got = c.Entity.Name
			}
			if got != tt.want {
				t.Errorf("credited to %q, want %q", got, tt.want)
			}
		})
	}
}
