package index

import (
	"math"
	"testing"
)

// floatTolerance is how far a computed score may be from the value worked
// out by hand: the hand values are rounded to 16 digits.
const floatTolerance = 1e-12

var defaults = BM25{K1: DefaultK1, B: DefaultB}

// The scores are worked out by hand from
// idf · tf·(k1+1) / (tf + k1·(1 − b + b·length/avgLength)).
func TestScore(t *testing.T) {
	tests := []struct {
		name                     string
		bm25                     BM25
		idf, tf, length, average float64
		want                     float64
	}{
		// 1 · 1·2.2 / (1 + 1.2·(0.25 + 0.75·1)) = 2.2/2.2
		{"once at average length", defaults, 1, 1, 10, 10, 1},
		// 2 · (the above)
		{"idf scales", defaults, 2, 1, 10, 10, 2},
		// 1 · 2·2.2 / (2 + 1.2) = 4.4/3.2
		{"twice at average length", defaults, 1, 2, 10, 10, 1.375},
		// 1 · 1·2.2 / (1 + 1.2·(0.25 + 0.75·2)) = 2.2/(1 + 2.1) = 2.2/3.1
		{"twice the average length", defaults, 1, 1, 20, 10, 0.7096774193548387},
		// 1 · 1·2.2 / (1 + 1.2·(0.25 + 0.75·0.5)) = 2.2/(1 + 0.75) = 2.2/1.75
		{"half the average length", defaults, 1, 1, 5, 10, 1.2571428571428573},
		// b = 0: 1·2.2 / (1 + 1.2·1), whatever the length
		{"b 0 ignores length", BM25{K1: DefaultK1, B: 0}, 1, 1, 20, 10, 1},
		// b = 1: 1·2.2 / (1 + 1.2·2) = 2.2/3.4
		{"b 1 in proportion", BM25{K1: DefaultK1, B: 1}, 1, 1, 20, 10, 0.6470588235294118},
		// k1 = 0: 5·1 / (5 + 0), however often
		{"k1 0 counts once", BM25{K1: 0, B: DefaultB}, 1, 5, 20, 10, 1},
		// a word it only stands for: 1 · 0.5·2.2 / (0.5 + 1.2) = 1.1/1.7
		{"half a count", defaults, 1, 0.5, 10, 10, 0.6470588235294118},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.bm25.Score(tt.idf, tt.tf, tt.length, tt.average)
			if math.Abs(got-tt.want) > floatTolerance {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// The IDFs are worked out by hand from log(1 + (n − df + 0.5)/(df + 0.5)).
func TestIDF(t *testing.T) {
	tests := []struct {
		name  string
		n, df int
		want  float64
	}{
		{"in no document", 3, 0, 2.0794415416798357},      // ln(1 + 3.5/0.5) = ln 8
		{"in one", 3, 1, 0.9808292530117263},              // ln(1 + 2.5/1.5) = ln(8/3)
		{"in most", 3, 2, 0.47000362924573563},            // ln(1 + 1.5/2.5) = ln 1.6
		{"in all", 3, 3, 0.13353139262452257},             // ln(1 + 0.5/3.5) = ln(8/7)
		{"no documents at all", 0, 0, 0.6931471805599453}, // ln(1 + 0.5/0.5) = ln 2
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := idf(tt.n, tt.df); math.Abs(got-tt.want) > floatTolerance {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
