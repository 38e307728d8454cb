// Package index is the stage of articlebot's engine that finds the
// sentences a question's words are in: an inverted index of sentences
// (documents, to it) scored with BM25.
//
// The engine numbers terms (Terms, Index.TermID), adds each sentence with
// its weighted counts of terms (Index.AddDoc, Index.Add), and calls Finish
// once all are in: Finish turns every count into the term's BM25 score in
// the sentence (BM25.Score), so that a search only adds. Search then sums
// a query's weighted scores per sentence in pooled accumulators and says
// which of the query's words each sentence matched.
//
// Of many articles, each is a part of the index (Index.StartPart): a
// sentence's length counts against its own article's average, and a Part
// searches one article with its own document frequencies, as an index of
// that article alone would, from the same postings.
//
// An Index is built by one goroutine; once finished, any number may search
// it at once.
package index
