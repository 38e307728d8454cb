package text

import "testing"

func TestLexicon(t *testing.T) {
	lx, err := parseLexicon()
	if err != nil {
		t.Fatal(err)
	}
	places := []struct{ phrase, country string }{
		{"Ukrainian", "ukraine"},
		{"U.S.", "united states"},
		{"White House", "united states"},
		{"Kremlin", "russia"},
		{"Downing Street", "united kingdom"},
		{"Kenyan", "kenya"},
	}
	for _, tt := range places {
		t.Run(tt.phrase, func(t *testing.T) {
			toks := DefaultLexicon().Tokenize(tt.phrase)
			got, n := lx.PlaceAt(toks, 0)
			if got != tt.country || n != len(toks) {
				t.Errorf("placeAt(%q) = %q, %d; want %q, %d", tt.phrase, got, n, tt.country, len(toks))
			}
		})
	}
	stems := []struct{ word, stem string }{
		{"took", "take"}, {"said", "say"}, {"met", "meet"}, {"guarantees", "guarante"}, {"left", "left"},
	}
	for _, tt := range stems {
		t.Run(tt.word, func(t *testing.T) {
			if got := lx.Stem(tt.word); got != tt.stem {
				t.Errorf("stem(%q) = %q, want %q", tt.word, got, tt.stem)
			}
		})
	}
	for _, verb := range []string{"said", "added", "emphasised", "emphasized", "told", "admitted", "saying", "adding"} {
		if !lx.IsSpeech(lx.Stem(verb)) {
			t.Errorf("%q is not a speech verb", verb)
		}
	}
}

// BenchmarkLexicon parses the embedded gazetteer and verb tables: the cost
// every process pays once at start-up.
func BenchmarkLexicon(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseLexicon(); err != nil {
			b.Fatal(err)
		}
	}
}
