// Package qa answers questions about news articles with exact quotes.
//
// An Engine is built from articles (ParseArticle, LoadDir). It splits each
// paragraph into sentences, finds every quotation and credits it to its
// speaker (by name, title, pronoun or continuation), and indexes the
// sentences with Snowball stems and BM25. Ask reads a question's kind and
// the people it names, ranks the sentences, and returns the passages that
// answer it, or none when the articles do not say: a wrong answer is worse
// than none. Summary and SpeakerSummary pick an article's or a speaker's
// key sentences.
//
// The package uses no network and no language model; everything it knows
// about English and the world beyond the articles is in data/.
package qa
