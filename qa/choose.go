package qa

import (
	"slices"
	"strings"

	"github.com/articlebot/articlebot/qa/text"
)

// ArticlesByNewest returns the articles newest first: by the time their
// files changed, and, for the same time (the embedded seeds have none), the
// later in name order first, so that "2026-12-04-summit.txt" comes before
// "2026-12-01-vote.txt".
func (e *Engine) ArticlesByNewest() []*Article {
	out := make([]*Article, len(e.newest))
	for i, ai := range e.newest {
		out[i] = e.articles[ai]
	}
	return out
}

// indexArticles orders the articles newest first and records the words of
// their titles and file names, once: autocomplete asks at every keystroke.
func (e *Engine) indexArticles() {
	e.newest = make([]int32, len(e.articles))
	e.articleWords = make([][]string, len(e.articles))
	for i, a := range e.articles {
		e.newest[i] = int32(i)
		e.articleWords[i] = articleWords(e.lx, a)
	}
	slices.SortStableFunc(e.newest, func(i, j int32) int {
		if c := e.articles[j].Modified.Compare(e.articles[i].Modified); c != 0 {
			return c
		}
		return int(j - i)
	})
}

// FindArticles returns the articles whose title or file name holds every
// word of typed, newest first; the last word may be unfinished ("ukr" for
// "Ukraine"), as someone types it into an autocomplete. Nothing typed
// finds every article.
func (e *Engine) FindArticles(typed string) []*Article {
	words := e.lx.Tokenize(typed)
	var out []*Article
	for _, ai := range e.newest {
		a, have := e.articles[ai], e.articleWords[ai]
		ok := true
		for i, w := range words {
			last := i == len(words)-1
			if !slices.ContainsFunc(have, func(h string) bool { return h == w.Norm || last && strings.HasPrefix(h, w.Norm) }) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, a)
		}
	}
	return out
}

// articleWords returns the normalised words of an article's title and of
// its file's name ("summit" of "seeds/summit.txt").
func articleWords(lx *text.Lexicon, a *Article) []string {
	base := a.Name[strings.LastIndexAny(a.Name, `/\`)+1:]
	base = strings.TrimSuffix(base, ".txt")
	var out []string
	for _, t := range lx.Tokenize(a.Title + " " + strings.NewReplacer("-", " ", "_", " ").Replace(base)) {
		out = append(out, t.Norm)
	}
	return out
}

// SpeakersIn returns the speakers article a quotes or reports, listed as
// Speakers lists them but counted in a alone: each is a copy whose Quotes
// and Statements are a's. Use the copies to show, not to look up: the
// engine's own speaker is the one FindSpeaker returns.
func (e *Engine) SpeakersIn(a *Article) []*Speaker {
	counted := e.countIn(a)
	var in []*Speaker
	for _, s := range e.speakers { // in order of first mention, as Speakers
		if c := counted[s]; c != nil {
			in = append(in, c)
		}
	}
	return listed(in)
}

// countIn returns, for each of the engine's speakers that article a quotes
// or reports, a copy counting what they say in a alone: one pass over the
// quotations and the sentences, not one a speaker.
func (e *Engine) countIn(a *Article) map[*Speaker]*Speaker {
	counted := make(map[*Speaker]*Speaker)
	count := func(s *Speaker) *Speaker {
		c := counted[s]
		if c == nil {
			c = new(Speaker)
			*c = *s
			c.Quotes, c.Statements = 0, 0
			counted[s] = c
		}
		return c
	}
	for i, q := range e.quotes {
		if q.Speaker != nil && q.Article == a && e.startsQuotation(i) {
			count(q.Speaker).Quotes++
		}
	}
	for _, sn := range e.sents {
		if sn.speaker != nil && e.articles[sn.art] == a {
			count(sn.speaker).Statements++
		}
	}
	return counted
}

// SpeakerIn returns a copy of s whose Quotes and Statements count what it
// says in article a alone.
func (e *Engine) SpeakerIn(s *Speaker, a *Article) *Speaker {
	c := *s
	c.Quotes, c.Statements = 0, 0
	for i, q := range e.quotes {
		if q.Speaker == s && q.Article == a && e.startsQuotation(i) {
			c.Quotes++
		}
	}
	for _, doc := range s.sentences {
		if e.articles[e.sents[doc].art] == a {
			c.Statements++
		}
	}
	return &c
}
