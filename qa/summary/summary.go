package summary

import (
	"errors"
	"slices"
)

// ErrLength is returned for a summary of fewer than one sentence.
var ErrLength = errors.New("a summary needs at least one sentence")

// NoQuotation is a Sentence's Quotation when it is part of none.
const NoQuotation = -1

// A Sentence is what a summary needs to know of one sentence.
type Sentence struct {
	// Terms are the index terms of its words, stop words left out, each
	// once: what it covers of the article's vocabulary.
	Terms []string

	// Paragraph numbers its paragraph across the articles, Position its
	// place among all their sentences (the next sentence's is one more),
	// and Quotation the direct quotation it is part of, across the
	// articles, or NoQuotation.
	Paragraph int
	Position  int
	Quotation int
}

// A Passage is the sentences First to Last, inclusive, of those given to
// Article or Statements.
type Passage struct{ First, Last int }

// Article returns n sentences that summarise an article, in order. sents
// are the article's sentences that may be in a summary (prose, the
// headline left out), in order. More sentences than there are gives them
// all; none gives none.
func Article(sents []Sentence, n int) ([]Passage, error) {
	if n < 1 {
		return nil, ErrLength
	}
	units := make([]Passage, len(sents))
	for i := range sents {
		units[i] = Passage{i, i}
	}
	return pick(sents, units, n, true), nil
}

// Statements returns up to n key statements of a speaker, in order: each
// quotation whole (all the sentences of one paragraph it runs through) or
// a sentence of reported speech, those that cover most of what the speaker
// talked about first. sents are the sentences credited to the speaker that
// may be in a summary, in order.
func Statements(sents []Sentence, n int) ([]Passage, error) {
	if n < 1 {
		return nil, ErrLength
	}
	var units []Passage
	for i := 0; i < len(sents); i++ {
		p := Passage{i, i}
		for p.Last+1 < len(sents) && sameQuotation(sents[p.Last], sents[p.Last+1]) {
			p.Last++
		}
		units = append(units, p)
		i = p.Last
	}
	return pick(sents, units, n, false), nil
}

// sameQuotation reports whether b follows a in the same quotation and the
// same paragraph: a passage is quoted from one paragraph.
func sameQuotation(a, b Sentence) bool {
	return a.Quotation != NoQuotation && a.Quotation == b.Quotation &&
		a.Paragraph == b.Paragraph && b.Position == a.Position+1
}

// leadBonus is how much more the first sentence of an article counts than
// one far into it, for an article's summary: a sentence at place i counts
// 1 + leadBonus/i times its coverage.
const leadBonus = 1.5

// quotedShare is what a quoted sentence counts in an article's summary,
// relative to a reported one: a summary reports; quotes are for quotes.
const quotedShare = 0.8

// pick chooses n of the units greedily by how much they cover, weighing
// position and quotation when byPosition, and returns them in order.
func pick(sents []Sentence, units []Passage, n int, byPosition bool) []Passage {
	if len(units) == 0 {
		return nil
	}
	termsOf := make([][]string, len(units))
	for i, u := range units {
		termsOf[i] = passageTerms(sents[u.First : u.Last+1])
	}
	weight := termWeights(termsOf)
	covered := make(map[string]bool)
	chosen := make([]bool, len(units))
	var picked []int
	for len(picked) < n && len(picked) < len(units) {
		best, bestScore := -1, -1.0
		for i := range units {
			if chosen[i] {
				continue
			}
			score := coverage(termsOf[i], weight, covered)
			if byPosition {
				score *= 1 + leadBonus/float64(i+1)
				if sents[units[i].First].Quotation != NoQuotation {
					score *= quotedShare
				}
			}
			if score > bestScore {
				best, bestScore = i, score
			}
		}
		chosen[best] = true
		picked = append(picked, best)
		for _, t := range termsOf[best] {
			covered[t] = true
		}
	}
	slices.Sort(picked)
	out := make([]Passage, len(picked))
	for k, i := range picked {
		out[k] = units[i]
	}
	return out
}

// passageTerms returns the terms of a run of sentences, each once.
func passageTerms(sents []Sentence) []string {
	if len(sents) == 1 {
		return sents[0].Terms
	}
	var terms []string
	seen := make(map[string]bool)
	for _, s := range sents {
		for _, t := range s.Terms {
			if !seen[t] {
				seen[t] = true
				terms = append(terms, t)
			}
		}
	}
	return terms
}
