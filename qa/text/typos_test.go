package text

import "testing"

func TestEditDistance(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want int
	}{
		{"both empty", "", "", 0},
		{"one empty", "", "log", 3},
		{"a letter missing", "zelensky", "zelenskyy", 1},
		{"a letter changed", "zacharova", "zakharova", 1},
		{"a letter changed, short", "pyke", "pike", 1},
		{"a letter changed at the end", "seedz", "seeds", 1},
		{"a letter missing, inside", "pasages", "passages", 1},
		{"neighbours swapped", "stien", "stein", 1},
		{"neighbours swapped, at the end", "sedes", "seeds", 1},
		{"several edits", "kitten", "sitting", 3},
		{"an accent is a letter", "ü", "u", 1},
		{"accents, two", "ünï", "uni", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := EditDistance(tt.a, tt.b); got != tt.want {
				t.Errorf("EditDistance(%q, %q): got %d, want %d", tt.a, tt.b, got, tt.want)
			}
			if got := EditDistance(tt.b, tt.a); got != tt.want {
				t.Errorf("EditDistance(%q, %q), the other way round: got %d, want %d", tt.b, tt.a, got, tt.want)
			}
		})
	}
}

func TestTyposAllowed(t *testing.T) {
	tests := []struct {
		name    string
		letters int
		want    int
	}{
		{"no letters", 0, 0},
		{"short word", 3, 0},
		{"shortest with a typo", 4, 1},
		{"longest with one typo", 7, 1},
		{"shortest with two typos", 8, 2},
		{"long word", 20, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := TyposAllowed(tt.letters); got != tt.want {
				t.Errorf("TyposAllowed(%d): got %d, want %d", tt.letters, got, tt.want)
			}
		})
	}
}
