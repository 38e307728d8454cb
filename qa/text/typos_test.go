package text

import "testing"

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"zelensky", "zelenskyy", 1}, {"zacharova", "zakharova", 1}, {"kitten", "sitting", 3},
		{"ü", "u", 1}, {"stien", "stein", 1}, {"pyke", "pike", 1}, {"seedz", "seeds", 1}, {"sedes", "seeds", 1},
		{"", "log", 3}, {"pasages", "passages", 1}, {"ünï", "uni", 2},
	}
	for _, tt := range tests {
		if got := EditDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := EditDistance(tt.b, tt.a); got != tt.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d (the other way round)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestTyposAllowed(t *testing.T) {
	for n, want := range map[int]int{0: 0, 3: 0, 4: 1, 7: 1, 8: 2, 20: 2} {
		if got := TyposAllowed(n); got != want {
			t.Errorf("TyposAllowed(%d) = %d, want %d", n, got, want)
		}
	}
}
