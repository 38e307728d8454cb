package qa

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
			toks := tokenize(tt.phrase)
			got, n := lx.placeAt(toks, 0)
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
			if got := lx.stem(tt.word); got != tt.stem {
				t.Errorf("stem(%q) = %q, want %q", tt.word, got, tt.stem)
			}
		})
	}
	for _, verb := range []string{"said", "added", "emphasised", "emphasized", "told", "admitted", "saying", "adding"} {
		if !lx.isSpeech(lx.stem(verb)) {
			t.Errorf("%q is not a speech verb", verb)
		}
	}
}
