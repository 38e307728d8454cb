package qa

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/qa/data"
	"github.com/articlebot/articlebot/qa/index"
	"github.com/articlebot/articlebot/qa/text"
)

func TestRelatedTerms(t *testing.T) {
	// Each case is a question's word and the article's paraphrase of it,
	// stemmed as the engine stems them.
	tests := []struct {
		name, word, related string
	}{
		{"truce finds ceasefire", "truce", "ceasefire"},
		{"ceasefire finds truce", "ceasefire", "truce"},
		{"soldiers find troops", "soldiers", "troops"},
		{"troops find soldiers", "troops", "soldiers"},
		{"purchasing finds buying", "purchasing", "buying"},
		{"buying finds purchasing", "buying", "purchasing"},
		{"firearms find guns", "firearms", "guns"},
		{"gun finds firearm", "gun", "firearm"},
		{"envoy finds diplomat", "envoy", "diplomat"},
		{"diplomats find envoys", "diplomats", "envoys"},
		{"pledged finds promised", "pledged", "promised"},
		{"approve finds pass", "approve", "passed"},
		{"solve finds resolve", "solve", "resolve"},
		{"able finds capable", "able", "capable"},
		{"allegations find claims", "allegations", "claims"},
	}
	lx := text.DefaultLexicon()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from, want := lx.Stem(tt.word), lx.Stem(tt.related)
			got := relatedTerms(from)
			if !slices.Contains(got, want) {
				t.Errorf("relatedTerms(%q) = %q, want it to contain %q", from, got, want)
			}
		})
	}
}

// TestPhrasalVerbs checks that a question's phrasal verb finds the
// article's one word for it ("step down", "resigned"), and that a verb
// with another particle does not.
func TestPhrasalVerbs(t *testing.T) {
	a := mustArticle(t, "Mayor quits\n"+
		"The mayor resigned on Wednesday and the council cancelled its meeting.\n")
	e := New([]*Article{a}, DefaultOptions())
	for _, tt := range []struct {
		question, related string
		want              bool
	}{
		{"When did the mayor step down?", "resigned", true},
		{"Why did the council call off its meeting?", "cancelled", true},
		{"Why did the council call on the mayor?", "cancelled", false},
	} {
		q, err := e.ParseQuestion(tt.question)
		if err != nil {
			t.Fatal(err)
		}
		want := e.lx.Stem(tt.related)
		got := slices.ContainsFunc(q.terms, func(qt index.QueryTerm) bool { return qt.Term == want })
		if got != tt.want {
			t.Errorf("%q: finds %q %v, want %v", tt.question, tt.related, got, tt.want)
		}
	}
}

func TestRelatedTermsAbsent(t *testing.T) {
	for _, stem := range []string{"", "a", "aa", "xyzzi", "zzzzzzzz", "ceasefi", "ceasefire", "the", "make"} {
		t.Run(stem, func(t *testing.T) {
			if got := relatedTerms(stem); got != nil {
				t.Errorf("relatedTerms(%q) = %q, want nil", stem, got)
			}
		})
	}
}

// TestRelatedTable checks the embedded table as a whole: related searches
// it as it lies, trusting its form, so the form is checked here; and no key
// relates to itself or twice to the same stem.
func TestRelatedTable(t *testing.T) {
	if err := checkRelated(data.Related); err != nil {
		t.Fatal(err)
	}
	tab := relatedTable(data.Related)
	lines := strings.Split(strings.TrimSuffix(data.Related, "\n"), "\n")
	if n := len(lines); n < 30000 {
		t.Errorf("%d keys, want at least 30000", n)
	}
	for i, line := range lines {
		key, rel, _ := strings.Cut(line, "\t")
		terms := strings.Split(rel, " ")
		if len(terms) > 12 {
			t.Errorf("line %d: %s has %d related stems, want at most 12", i+1, key, len(terms))
		}
		seen := make(map[string]bool, len(terms))
		for _, term := range terms {
			switch {
			case term == "":
				t.Errorf("line %d: %s: empty related stem in %q", i+1, key, rel)
			case term == key:
				t.Errorf("line %d: %s relates to itself", i+1, key)
			case seen[term]:
				t.Errorf("line %d: %s relates to %s twice", i+1, key, term)
			}
			seen[term] = true
		}
		if got := tab.related(key); !slices.Equal(got, terms) {
			t.Fatalf("related(%q) = %q, want %q", key, got, terms)
		}
		// key+"\x00" sorts after key and before the next key.
		if got := tab.related(key + "\x00"); got != nil {
			t.Fatalf("related(%q) = %q, want nil", key+"\x00", got)
		}
	}
}

// TestAntonymTable checks the embedded antonym table's form, as
// TestRelatedTable does the related table's, and that it opposes the
// forms an article writes: an adjective's comparative and superlative,
// and the synonyms of the word WordNet opposes ("big" to "small").
func TestAntonymTable(t *testing.T) {
	if err := checkRelated(data.Antonyms); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ stem, opposite string }{
		{"largest", "small"}, {"small", "larger"}, {"big", "small"}, {"win", "lose"}, {"rise", "fall"}, {"first", "last"},
	} {
		if got := slices.Collect(func(yield func(string) bool) { antonyms(tt.stem, yield) }); !slices.Contains(got, tt.opposite) {
			t.Errorf("antonyms(%q) = %q, want them to hold %q", tt.stem, got, tt.opposite)
		}
	}
	antonyms("harbour", func(a string) bool {
		t.Errorf("antonyms(harbour) gives %q, want none", a)
		return true
	})
}

// checkRelated reports whether table is a related table that related can
// search: every line "key\trelated", keys strictly increasing, every line
// ended by a newline.
func checkRelated(table string) error {
	n, prev := 0, ""
	for line := range strings.Lines(table) {
		n++
		line, ok := strings.CutSuffix(line, "\n")
		if !ok {
			return errors.New("last line does not end with a newline")
		}
		key, rel, ok := strings.Cut(line, "\t")
		switch {
		case !ok || key == "" || rel == "":
			return fmt.Errorf("line %d: want key, tab, related stems", n)
		case key <= prev:
			return fmt.Errorf("line %d: key %q after %q: keys must increase", n, key, prev)
		}
		prev = key
	}
	return nil
}

func TestCheckRelated(t *testing.T) {
	tests := []struct {
		name, text string
		err        string // a substring of the error, or "" for none
	}{
		{"empty", "", ""},
		{"one line", "truce\tceasefir armistic\n", ""},
		{"sorted", "a\tb\nb\ta\n", ""},
		{"unsorted", "b\ta\na\tb\n", "line 2: key \"a\" after \"b\": keys must increase"},
		{"duplicate key", "a\tb\na\tc\n", "line 2: key \"a\" after \"a\""},
		{"no tab", "a b\n", "line 1: want key, tab, related stems"},
		{"no key", "\tb\n", "line 1: want key"},
		{"no related", "a\t\n", "line 1: want key"},
		{"empty line", "a\tb\n\n", "line 2: want key"},
		{"no newline at end", "a\tb", "last line does not end with a newline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkRelated(tt.text)
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("got error %q, want none", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Fatalf("got error %v, want %q", err, tt.err)
			}
		})
	}
}

// TestRelatedLookup searches small tables, whose lines are long and short
// so that midpoints fall anywhere in them.
func TestRelatedLookup(t *testing.T) {
	const table = "ab\tx\n" +
		"abc\tx y\n" +
		"ceasefir\ttruce armistic peac\n" +
		"soldier\ttroop soldieri militari serviceman warrior fighter\n" +
		"troop\tsoldier\n" +
		"truce\tceasefir armistic\n" +
		"zymurgi\tzymolog biochemistri\n"
	if err := checkRelated(table); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		stem string
		want []string
	}{
		{"ab", []string{"x"}},                            // the first key
		{"abc", []string{"x", "y"}},                      // a key that extends another
		{"troop", []string{"soldier"}},                   // a key between keys
		{"zymurgi", []string{"zymolog", "biochemistri"}}, // the last key
		{"ceasefir", []string{"truce", "armistic", "peac"}},
		{"soldier", []string{"troop", "soldieri", "militari", "serviceman", "warrior", "fighter"}},
		{"", nil},
		{"a", nil},         // before the first key
		{"aa", nil},        // before the first key
		{"abb", nil},       // between keys
		{"abcd", nil},      // between keys, extending a key
		{"ceasefi", nil},   // a prefix of a key
		{"ceasefire", nil}, // a key extended
		{"tru", nil},
		{"zzz", nil},      // after the last key
		{"zymurgii", nil}, // after the last key, extending it
		{"truce\tceasefir", nil},
		{"troop\n", nil},
	}
	for _, tt := range tests {
		if got := relatedTable(table).related(tt.stem); !slices.Equal(got, tt.want) || (got == nil) != (tt.want == nil) {
			t.Errorf("related(%q) = %q, want %q", tt.stem, got, tt.want)
		}
	}
	for _, table := range []string{"", "ab\tx\n"} {
		for _, stem := range []string{"", "a", "abc", "b"} {
			if got := relatedTable(table).related(stem); got != nil {
				t.Errorf("table %q: related(%q) = %q, want nil", table, stem, got)
			}
		}
	}
	if got := relatedTable("ab\tx\n").related("ab"); !slices.Equal(got, []string{"x"}) {
		t.Errorf("table of one line: related(%q) = %q, want [x]", "ab", got)
	}
}

// BenchmarkRelatedLookup looks up question words, most of them keys.
func BenchmarkRelatedLookup(b *testing.B) {
	tab := relatedTable(data.Related)
	stems := []string{"ceasefir", "soldier", "troop", "purchas", "gun", "envoy", "pledg",
		"approv", "resolv", "crisi", "politician", "kenya", "omar", "alleg", "describ", "zzz"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		tab.related(stems[i%len(stems)])
		i++
	}
}
