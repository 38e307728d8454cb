package text

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/qa/data"
)

// TestWordFiles checks that every file of qa/data/words is a list of the
// lexicon and that each opens with its header: its name, then what it is.
func TestWordFiles(t *testing.T) {
	var w Words
	var listed []string
	for _, l := range w.lists() {
		listed = append(listed, l.file)
	}
	files, err := fs.Glob(data.Words, "words/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		name := strings.TrimPrefix(f, "words/")
		t.Run(name, func(t *testing.T) {
			if !slices.Contains(listed, name) {
				t.Errorf("%s is in qa/data/words but no list of Words reads it", name)
			}
			b, err := fs.ReadFile(data.Words, f)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(string(b), "\n")
			if want := "# " + name + " - "; !strings.HasPrefix(first, want) {
				t.Errorf("first line %q, want it to begin %q", first, want)
			}
		})
	}
	for _, name := range listed {
		if !slices.Contains(files, "words/"+name) {
			t.Errorf("no file words/%s in qa/data", name)
		}
	}
}

// TestWordListsHaveNoRepeats fails on a word written twice in one list,
// which is harmless to the set but says the list was not read with care,
// and on a word not in lower case, which no token's Norm would match.
func TestWordListsHaveNoRepeats(t *testing.T) {
	var w Words
	for _, l := range w.lists() {
		t.Run(l.file, func(t *testing.T) {
			words, err := readWordFile(l.file)
			if err != nil {
				t.Fatal(err)
			}
			if len(words) == 0 {
				t.Fatal("no words")
			}
			seen := make(map[string]bool)
			for _, word := range words {
				if seen[word] {
					t.Errorf("got %q twice", word)
				}
				seen[word] = true
				if lower := strings.ToLower(word); word != lower {
					t.Errorf("got %q, want %q", word, lower)
				}
			}
		})
	}
}

// TestSetsReadFromSeveralFilesHaveNoRepeats fails on a word in two files
// of one set (a general list and the domain list kept apart from it).
func TestSetsReadFromSeveralFilesHaveNoRepeats(t *testing.T) {
	var w Words
	fileOf := make(map[*WordSet]map[string]string) // per set, each word's file
	for _, l := range w.lists() {
		words, err := readWordFile(l.file)
		if err != nil {
			t.Fatal(err)
		}
		if fileOf[l.set] == nil {
			fileOf[l.set] = make(map[string]string)
		}
		for _, word := range words {
			if other, ok := fileOf[l.set][word]; ok && other != l.file {
				t.Errorf("got %q in both %s and %s, which fill one set", word, other, l.file)
			}
			fileOf[l.set][word] = l.file
		}
	}
}

// TestWordListsDisjoint fails on a word in two lists that must not share
// one, because a stage reads the word by the first list it finds it in, or
// because the two lists say opposite things of it.
func TestWordListsDisjoint(t *testing.T) {
	lx, err := parseLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string // why the lists must not overlap
		a, b WordSet
	}{
		// Ranking drops stop words, but question analysis reads the
		// question words ("who" wants a person) and keeps them apart.
		{"stop and question words", lx.StopWords, lx.QuestionWords},
		// A role's title noun would be skipped as a stop word: "the
		// Ukrainian president" must keep "president".
		{"stop words and title heads", lx.StopWords, lx.TitleHeads},
		// A count must stay a number, never a word to drop: "three".
		{"stop and number words", lx.StopWords, lx.NumberWords},
		// A word of both would give a person both genders.
		{"female and male words", lx.FemaleWords, lx.MaleWords},
		// Attribution's headNoun reads a noun as a document, a body, a
		// title or a person, the first list it is in winning: a word in
		// two would never be read as the later.
		{"document and body nouns", lx.DocNouns, lx.OrgNouns},
		{"document and person nouns", lx.DocNouns, lx.PersonNouns},
		{"body and person nouns", lx.OrgNouns, lx.PersonNouns},
		{"document nouns and title heads", lx.DocNouns, lx.TitleHeads},
		{"body nouns and title heads", lx.OrgNouns, lx.TitleHeads},
		// A determiner points to no owner; a possessive one does.
		{"determiners and possessives", lx.Determiners, lx.PossessiveDeterminers},
		// A unit measures one thing: "how long" wants time, "how far"
		// length, "how much" money or a quantity. Currency and quantity
		// units share "cent", a coin and half of "per cent".
		{"time and currency units", lx.TimeUnits, lx.CurrencyWords},
		{"time and length units", lx.TimeUnits, lx.LengthUnits},
		{"time and weight units", lx.TimeUnits, lx.WeightUnits},
		{"time and quantity units", lx.TimeUnits, lx.QuantityUnits},
		{"currency and length units", lx.CurrencyWords, lx.LengthUnits},
		{"currency and weight units", lx.CurrencyWords, lx.WeightUnits},
		{"length and weight units", lx.LengthUnits, lx.WeightUnits},
		{"length and quantity units", lx.LengthUnits, lx.QuantityUnits},
		{"weight and quantity units", lx.WeightUnits, lx.QuantityUnits},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var both []string
			for _, w := range tt.a.Words() {
				if tt.b.Has(w) {
					both = append(both, w)
				}
			}
			slices.Sort(both)
			if len(both) > 0 {
				t.Errorf("got %q in both, want none", both)
			}
		})
	}
}

// TestWordKinds checks that a word's kinds are looked up from its lists.
func TestWordKinds(t *testing.T) {
	lx, err := parseLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		word string
		want WordKind
	}{
		{"stop word", "them", KindStop},
		{"question word", "who", KindStop},
		{"logic and stop word", "not", KindStop | KindLogic},
		{"modal and month", "may", KindStop | KindTime},
		{"title head", "mayor", KindTitleHead | KindLead},
		{"title head only", "spokesman", KindTitleHead},
		{"two units", "tons", KindQuantityUnit},
		{"place", "kyiv", KindPlace},
		{"first word of a place", "united", KindPlaceStart},
		{"no kind", "banana", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lx.Kinds(tt.word); got != tt.want {
				t.Errorf("Kinds(%q) = %b, want %b", tt.word, got, tt.want)
			}
			for _, tok := range lx.Tokenize(tt.word) {
				if tok.Kinds != tt.want {
					t.Errorf("Tokenize(%q) kinds %b, want %b", tt.word, tok.Kinds, tt.want)
				}
			}
		})
	}
}

// readWordFile must skip the header and read every word of the lines after.
func TestReadWordFile(t *testing.T) {
	words, err := readWordFile("name-connectors.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(words, " "), "of for on the and"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestTitleSynonyms checks title-synonyms.tsv: both titles of a line are
// title heads, and the title one stands for stands for no other, since
// FoldTitle folds once.
func TestTitleSynonyms(t *testing.T) {
	lx, err := parseLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if len(lx.titleSynonyms) == 0 {
		t.Fatal("no title synonyms")
	}
	for title, folded := range lx.titleSynonyms {
		t.Run(title, func(t *testing.T) {
			for _, w := range []string{title, folded} {
				if !lx.TitleHeads.Has(w) {
					t.Errorf("%q is not in title-heads.txt", w)
				}
			}
			if got := lx.FoldTitle(folded); got != folded {
				t.Errorf("FoldTitle(%q) = %q, want %q", folded, got, folded)
			}
		})
	}
}

// TestParticleVerbs checks particle-verbs.tsv: each verb says something
// with its particles and not with another word.
func TestParticleVerbs(t *testing.T) {
	lx, err := parseLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if len(lx.particleVerbs) == 0 {
		t.Fatal("no particle verbs")
	}
	for stem, particles := range lx.particleVerbs {
		for _, p := range particles {
			if !lx.SaysWithParticle(stem, p) {
				t.Errorf("SaysWithParticle(%q, %q) = false", stem, p)
			}
		}
		if lx.SaysWithParticle(stem, "the") {
			t.Errorf("SaysWithParticle(%q, \"the\") = true", stem)
		}
	}
	if !lx.SaysWithParticle(lx.Stem("pointed"), "out") || lx.ParticleVerb(lx.Stem("walked")) {
		t.Error("\"pointed out\" does not say, or \"walked\" needs a particle to")
	}
	for _, tt := range []struct {
		name string
		row  []string
	}{
		{"a verb of a stem already read", []string{"points", "to"}},
		{"no particles", []string{"hint", ""}},
		{"capitals", []string{"Hint", "at"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := lx.addParticleVerb(tt.row); err == nil {
				t.Errorf("addParticleVerb(%q) = nil, want an error", tt.row)
			}
		})
	}
}
