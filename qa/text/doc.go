// Package text is the first stage of articlebot's engine: it reads an
// article in the seeds format, splits its paragraphs into sentences, finds
// its quotation marks and cuts its text into tokens, and holds the lexicon
// (word lists, irregular verbs, the gazetteer) that the later stages read
// words with, loaded once from the files of qa/data.
//
// A Cache remembers what is known of each word for one goroutine, and
// reads an article into a Doc: its paragraphs' tokens, each knowing its
// sentence and whether it is quoted.
package text
