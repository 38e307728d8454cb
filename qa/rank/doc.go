// Package rank is the stage of articlebot's engine that weighs the
// candidate sentences for a question and decides whether any answers it.
// It knows nothing of articles or indexes: the engine describes each
// candidate by a Vector of graded features (its BM25 score, how much of the
// question it covers, whether it holds the kind of thing asked for, …), and
// a Model, learned from data, turns them into a score.
//
// A Model has two parts. The ranker scores candidates so that, over the
// candidates of a question, the softmax of the scores is the probability
// that each is the answer; it is fitted to maximise that probability for
// the right ones (Fit). The decliner reads the question as a whole (the
// ranker's best probability, how much of the question the best candidate
// covers, question words and names the article lacks) for the probability
// that the best answer is right, and the article is taken not to answer
// below a threshold chosen on the training data (FitDecline).
//
// Both are fitted by qa/internal/rankgen on the training half of the
// development sets, deterministically, and written with their feature
// names to qa/data/rank-model.tsv, which Default loads.
package rank
