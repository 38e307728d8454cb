package span

import (
	"regexp"
	"strings"
)

// SquadF1 is SQuAD's token F1 of a predicted answer against a gold one,
// after SQuAD's normalisation (see SquadWords): how the words in bold are
// scored, by the command that fits the model and by the tests.
func SquadF1(pred, gold string) float64 {
	p, g := SquadWords(pred), SquadWords(gold)
	if len(p) == 0 || len(g) == 0 {
		if len(p) == len(g) {
			return 1
		}
		return 0
	}
	return OverlapF1(g, p)
}

// SquadWords is SQuAD's normalisation of an answer, as its official
// scorer has it: lower case, no ASCII punctuation, no articles, split at
// spaces.
func SquadWords(s string) []string {
	s = strings.ToLower(s)
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(squadPunctuation, r) {
			return -1
		}
		return r
	}, s)
	return strings.Fields(squadArticles.ReplaceAllString(s, " "))
}

const squadPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~’‘“”"

var squadArticles = regexp.MustCompile(`\b(a|an|the)\b`)

// OverlapF1 is the F1 of the words two texts share, each word counted as
// often as both have it: SQuAD's F1 of an answer, ROUGE-1's of a summary.
func OverlapF1(gold, pred []string) float64 {
	count := make(map[string]int)
	for _, w := range gold {
		count[w]++
	}
	same := 0
	for _, w := range pred {
		if count[w] > 0 {
			count[w]--
			same++
		}
	}
	if same == 0 {
		return 0
	}
	precision, recall := float64(same)/float64(len(pred)), float64(same)/float64(len(gold))
	return 2 * precision * recall / (precision + recall)
}
