package qa

import (
	"testing"

	"github.com/articlebot/articlebot/qa/text"
)

// TestSentenceReads checks that what indexing recorded of each sentence's
// words lines up with the sentence: one readToken a token, stop words
// without a term, across several articles and their headlines.
func TestSentenceReads(t *testing.T) {
	var articles []*Article
	for _, name := range []string{"seed", "kenya_annan_warning", "us_senate_bailout"} {
		articles = append(articles, evalEngine(t, name).Articles()...)
	}
	e := New(articles, DefaultOptions())
	if len(e.readAt) != len(e.sents) {
		t.Fatalf("%d sentences, %d of them with their words recorded", len(e.sents), len(e.readAt))
	}
	for doc := range e.sents {
		s := &e.sents[doc]
		reads := e.sentenceReads(int32(doc))
		if !s.prose {
			continue // debris and headings are not indexed: nothing recorded
		}
		toks := e.lx.Tokenize(e.sentenceText(int32(doc)))
		if len(reads) != len(toks) {
			t.Fatalf("sentence %d %q: %d words recorded, %d tokens", doc, e.sentenceText(int32(doc)), len(reads), len(toks))
		}
		for i, tok := range toks {
			stop := tok.IsStop() && !tok.Is(text.KindLogic)
			if reads[i].has(tokStop) != tok.IsStop() || stop != (reads[i].term < 0) {
				t.Fatalf("sentence %d, word %q: recorded %+v", doc, tok.Norm, reads[i])
			}
			if !stop && e.ix.Term(reads[i].term) != e.lookupTerm(tok.Norm) && !tok.Is(text.KindLogic) {
				t.Fatalf("sentence %d, word %q: term %q, want %q", doc, tok.Norm, e.ix.Term(reads[i].term), e.lookupTerm(tok.Norm))
			}
		}
	}
}
