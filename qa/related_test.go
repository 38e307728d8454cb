package qa

import (
	"bytes"
	"compress/gzip"
	"slices"
	"strings"
	"testing"
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
	lx := defaultLexicon()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel() // the lazy table is shared: -race checks the once
			from, want := lx.stem(tt.word), lx.stem(tt.related)
			got := relatedTerms(from)
			if !slices.Contains(got, want) {
				t.Errorf("relatedTerms(%q) = %q, want it to contain %q", from, got, want)
			}
		})
	}
}

func TestRelatedTermsAbsent(t *testing.T) {
	for _, stem := range []string{"", "a", "xyzzi", "zzzzzzzz", "ceasefire", "the", "make"} {
		t.Run(stem, func(t *testing.T) {
			if got := relatedTerms(stem); got != nil {
				t.Errorf("relatedTerms(%q) = %q, want nil", stem, got)
			}
		})
	}
}

// TestRelatedTable checks the embedded table as a whole: it parses, its
// keys increase, and no key relates to itself or twice to the same stem.
func TestRelatedTable(t *testing.T) {
	tab, err := parseRelated(relatedData)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(tab.lines); n < 30000 {
		t.Errorf("%d keys, want at least 30000", n)
	}
	prev := ""
	for i := range tab.lines {
		key, rel, _ := strings.Cut(tab.line(i), "\t")
		if key <= prev {
			t.Errorf("line %d: key %q after %q", i+1, key, prev)
		}
		prev = key
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
	}
}

func TestParseRelated(t *testing.T) {
	tests := []struct {
		name, text string
		keys       int
		err        string // a substring of the error, or "" for none
	}{
		{"empty", "", 0, ""},
		{"one line", "truce\tceasefir armistic\n", 1, ""},
		{"sorted", "a\tb\nb\ta\n", 2, ""},
		{"unsorted", "b\ta\na\tb\n", 0, "line 2: key \"a\" after \"b\": keys must increase"},
		{"duplicate key", "a\tb\na\tc\n", 0, "line 2: key \"a\" after \"a\""},
		{"no tab", "a b\n", 0, "line 1: want key, tab, related stems"},
		{"no related", "a\t\n", 0, "line 1: want key"},
		{"no newline at end", "a\tb", 0, "last line does not end with a newline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, err := parseRelated(gzipped(t, tt.text))
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("got error %q, want none", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Fatalf("got error %v, want %q", err, tt.err)
			case err == nil && len(tab.lines) != tt.keys:
				t.Errorf("got %d keys, want %d", len(tab.lines), tt.keys)
			}
		})
	}
	if _, err := parseRelated("not gzip"); err == nil {
		t.Error("parseRelated(not gzip): got no error")
	}
}

func gzipped(t testing.TB, text string) string {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(text)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// BenchmarkRelatedLoad decompresses and indexes the embedded table: the
// cost the first question pays once per process.
func BenchmarkRelatedLoad(b *testing.B) {
	tab, err := parseRelated(relatedData)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(tab.text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseRelated(relatedData); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRelatedLookup looks up question words, most of them keys.
func BenchmarkRelatedLookup(b *testing.B) {
	tab := defaultRelated()
	stems := []string{"ceasefir", "soldier", "troop", "purchas", "gun", "envoy", "pledg",
		"approv", "resolv", "crisi", "politician", "kenya", "omar", "alleg", "describ", "zzz"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		tab.related(stems[i%len(stems)])
		i++
	}
}
