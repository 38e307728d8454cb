package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, word string
		file       byte
		want       string
		ok         bool
	}{
		{"noun", "truce", 'n', "truce", true},
		{"hyphenated noun is joined", "cease-fire", 'n', "ceasefire", true},
		{"hyphenated adjective is two words", "well-known", 'a', "", false},
		{"multiword", "armed_forces", 'n', "", false},
		{"digits", "9-11", 'n', "", false},
		{"proper name", "Kenya", 'n', "", false},
		{"dotted", "a.d.", 'r', "", false},
		{"inner apostrophe", "o'clock", 'r', "o'clock", true},
		{"trailing apostrophe", "goin'", 'v', "", false},
		{"empty", "", 'n', "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := normalize(tt.word, tt.file)
			if got != tt.want || ok != tt.ok {
				t.Errorf("normalize(%q, %q) = %q, %v; want %q, %v", tt.word, tt.file, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestPhrasalKey(t *testing.T) {
	tests := []struct {
		lemma string
		file  byte
		want  string
		ok    bool
	}{
		{"step_down", 'v', "step_down", true},
		{"called_off", 'v', "call_off", true},
		{"step_down", 'n', "", false},         // only verbs
		{"take_into_account", 'v', "", false}, // one particle only
		{"come_across", 'v', "", false},       // not a particle the table keys
		{"resign", 'v', "", false},
	}
	for _, tt := range tests {
		if got, ok := phrasalKey(tt.lemma, tt.file); got != tt.want || ok != tt.ok {
			t.Errorf("phrasalKey(%q, %q) = %q, %v; want %q, %v", tt.lemma, tt.file, got, ok, tt.want, tt.ok)
		}
	}
}

// TestCommittedTableIsCurrent regenerates the table from the WordNet
// files, when they are installed, and compares it with the committed one:
// a change to the recipe must come with the regenerated table.
func TestCommittedTableIsCurrent(t *testing.T) {
	const dict = "/usr/share/wordnet"
	if _, err := os.Stat(filepath.Join(dict, "data.noun")); err != nil {
		t.Skipf("WordNet is not installed (apt-get install wordnet-base): %v", err)
	}
	if testing.Short() {
		t.Skip("regenerating the table takes seconds")
	}
	dir := t.TempDir()
	out, antonyms := filepath.Join(dir, "related.txt"), filepath.Join(dir, "antonyms.txt")
	if err := run(dict, out, antonyms); err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct{ regenerated, committed string }{{out, "related.txt"}, {antonyms, "antonyms.txt"}} {
		got, want := readFile(t, f.regenerated), readFile(t, "../../data/"+f.committed)
		if !bytes.Equal(got, want) {
			t.Errorf("qa/data/%s is stale (%d bytes, regenerated %d): run go generate ./qa", f.committed, len(want), len(got))
		}
	}
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestComparatives(t *testing.T) {
	wn := &wordNet{irregular: map[string][]string{"good": {"better", "best"}}, nounOrVerb: map[string]bool{"shutter": true}}
	tests := []struct {
		word string
		want []string
	}{
		{"large", []string{"larger", "largest"}},
		{"big", []string{"bigger", "biggest"}},
		{"happy", []string{"happier", "happiest"}},
		{"small", []string{"smaller", "smallest"}},
		{"slim", []string{"slimmer", "slimmest"}},
		{"open", []string{"opener", "openest"}}, // two syllables: no doubled n
		{"good", []string{"better", "best"}},
		{"important", nil},             // compared with "more"
		{"closed", nil},                // a participle
		{"shut", []string{"shuttest"}}, // "shutter" is a noun
	}
	for _, tt := range tests {
		var want []string
		for _, w := range tt.want {
			want = append(want, stem(w))
		}
		if got := wn.comparatives(tt.word); !slices.Equal(got, want) {
			t.Errorf("comparatives(%q) = %q, want %q", tt.word, got, want)
		}
	}
}
