package qa

import (
	"github.com/articlebot/articlebot/qa/summary"
)

// ErrSummaryLength is returned for a summary of fewer than one sentence.
var ErrSummaryLength = summary.ErrLength

// Summary returns an extractive summary of article a: n of its sentences,
// in article order (see package summary). More sentences than the article
// has gives them all.
func (e *Engine) Summary(a *Article, n int) ([]string, error) {
	var docs []int32
	var sents []summary.Sentence
	for i := range e.sents {
		s := &e.sents[i]
		if e.articles[s.art] == a && s.prose && s.para != titlePara {
			docs = append(docs, int32(i))
			sents = append(sents, e.summarySentence(int32(i)))
		}
	}
	picked, err := summary.Article(sents, n)
	return e.passageTexts(docs, picked), err
}

// SpeakerSummary returns up to n key statements of a speaker in article a,
// or in every article when a is nil, in article order: each quotation
// whole (all the sentences it runs through) or a sentence of reported
// speech, the ones covering most of what they talked about first (see
// package summary).
func (e *Engine) SpeakerSummary(s *Speaker, a *Article, n int) ([]string, error) {
	var docs []int32
	var sents []summary.Sentence
	for i := range e.sents {
		sn := &e.sents[i]
		if sn.speaker == s && sn.prose && sn.para != titlePara && (a == nil || e.articles[sn.art] == a) {
			docs = append(docs, int32(i))
			sents = append(sents, e.summarySentence(int32(i)))
		}
	}
	picked, err := summary.Statements(sents, n)
	return e.passageTexts(docs, picked), err
}

// summarySentence describes sentence doc for package summary.
func (e *Engine) summarySentence(doc int32) summary.Sentence {
	s := &e.sents[doc]
	q := summary.NoQuotation
	if s.quote >= 0 {
		q = int(s.quote)
	}
	return summary.Sentence{Terms: e.textTerms(e.sentenceText(doc)), Paragraph: int(e.paraOf[doc]), Position: int(doc), Quotation: q}
}

// passageTexts returns the texts of passages of the sentences docs: each
// passage's sentences lie in one paragraph.
func (e *Engine) passageTexts(docs []int32, passages []summary.Passage) []string {
	if len(passages) == 0 {
		return nil
	}
	out := make([]string, len(passages))
	for k, p := range passages {
		f, l := &e.sents[docs[p.First]], &e.sents[docs[p.Last]]
		out[k] = e.paragraphText(f)[f.span.Start:l.span.End]
	}
	return out
}

// textTerms returns the index terms of the words of text, each once, in
// the order they first appear.
func (e *Engine) textTerms(txt string) []string {
	var terms []string
	seen := make(map[string]bool)
	for _, t := range e.lx.Tokenize(txt) {
		if t.IsStop() {
			continue
		}
		if term := e.lookupTerm(t.Norm); !seen[term] {
			seen[term] = true
			terms = append(terms, term)
		}
	}
	return terms
}

func (e *Engine) sentenceText(doc int32) string {
	s := &e.sents[doc]
	return e.paragraphText(s)[s.span.Start:s.span.End]
}

// paragraphText returns the text of the paragraph a sentence is in; the
// headline for a headline.
func (e *Engine) paragraphText(s *sentence) string {
	a := e.articles[s.art]
	if s.para == titlePara {
		return a.Title
	}
	return a.Paragraphs[s.para].Text
}
