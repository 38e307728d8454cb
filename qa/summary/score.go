package summary

import "math"

// termWeights weighs each term by how many of the units use it, damped: a
// name repeated in ten sentences is central, not ten times so, and a term
// only one unit uses weighs nothing.
func termWeights(termsOf [][]string) map[string]float64 {
	weight := make(map[string]float64)
	for _, terms := range termsOf {
		for _, t := range terms {
			weight[t]++
		}
	}
	for t, c := range weight {
		weight[t] = math.Log1p(c - 1)
	}
	return weight
}

// coverage is the weight of the terms a unit adds to those covered,
// divided by the square root of its length: long sentences cover more by
// being long, and this prefers dense ones without favouring fragments.
func coverage(terms []string, weight map[string]float64, covered map[string]bool) float64 {
	gain := 0.0
	for _, t := range terms {
		if !covered[t] {
			gain += weight[t]
		}
	}
	return gain / math.Sqrt(float64(len(terms)+1))
}
