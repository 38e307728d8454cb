// Package summary is the stage of articlebot's engine that writes
// extractive summaries: it picks the sentences that best summarise an
// article (Article), and a speaker's key statements (Statements).
//
// It knows nothing of articles, stemming or speakers: the engine describes
// each sentence by a Sentence (its index terms, its paragraph, its place
// among all the sentences, the quotation it is part of) and gets back
// Passages, runs of the sentences it gave, to quote.
//
// The choice is greedy and favours coverage: the weight of a term is how
// many of the candidates use it, damped, so a summary covers the
// article's main names and words; a sentence scores the weight of the
// terms it adds to those already chosen, divided by the square root of its
// length. News puts what matters first, so an article's summary also
// favours its first sentences, and prefers reporting to quoting.
package summary
