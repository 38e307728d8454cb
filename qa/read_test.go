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

// TestApposedAge checks which numbers are read as an age set off after a
// name, and that "how old" finds the sentence that gives one.
func TestApposedAge(t *testing.T) {
	lx := text.DefaultLexicon()
	tests := []struct {
		name, sentence, number string
		want                   bool
	}{
		{"between commas", "Daniel Pryce, 52, who chairs the society, spoke.", "52", true},
		{"before the verb", "\"We won,\" Okafor, 24, said.", "24", true},
		{"at the end", "The winner was Ann Lee, 68.", "68", true},
		{"after a year", "In 2008, 52 people died.", "52", false},
		{"a count after a name", "Ann Lee, 52 votes, won.", "52", false},
		{"too many digits", "Acme, 2024, said.", "2024", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := lx.Tokenize(tt.sentence)
			for i, tok := range toks {
				if tok.Norm == tt.number {
					if got := apposedAge(toks, i, tt.sentence); got != tt.want {
						t.Errorf("apposedAge(%q) = %v, want %v", tt.number, got, tt.want)
					}
					return
				}
			}
			t.Fatalf("no token %q in %q", tt.number, tt.sentence)
		})
	}
	a := mustArticle(t, "Village vote\n"+
		"Daniel Pryce, 52, who chairs the village society, presented a petition with 1,342 signatures.\n"+
		"The society was founded 40 years ago and Pryce has chaired it for 12 years.\n"+
		"The prize went to Ann Lee, 68. She thanked the jury of 12 judges.\n")
	e := New([]*Article{a}, DefaultOptions())
	for _, tt := range []struct {
		question string
		sentence int
	}{
		{"How old is Daniel Pryce?", 1},
		{"How old is Ann Lee?", 3}, // the age ends its sentence, not its paragraph
	} {
		t.Run(tt.question, func(t *testing.T) {
			got, err := e.Ask(tt.question, 1)
			if err != nil || len(got) == 0 || got[0].Ref.Sentence != tt.sentence {
				t.Errorf("got %+v, %v; want sentence %d, which gives the age", got, err, tt.sentence)
			}
		})
	}
}
