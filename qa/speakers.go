package qa

import (
	"slices"
	"strings"

	"github.com/articlebot/articlebot/qa/attribution"
)

// A speakerBook gives each entity the attribution stage finds in an
// article its Speaker, one across the articles for the same person or
// body. The attribution stage tells who is who within an article; across
// articles only the name and the role are left to go by, so the same name
// is the same person unless the roles say otherwise (see sameSpeaker).
type speakerBook struct {
	speakers []*Speaker            // in order of first mention
	byName   map[string][]*Speaker // by lower-cased name
	// inArticle is the speaker of each entity of the current article, so
	// that an entity keeps the Speaker it was first given.
	inArticle map[*attribution.Entity]*Speaker
	article   int // the current article's number
}

func newSpeakerBook() *speakerBook {
	return &speakerBook{byName: make(map[string][]*Speaker), inArticle: make(map[*attribution.Entity]*Speaker)}
}

// startArticle makes article ai the current one.
func (b *speakerBook) startArticle(ai int) {
	b.article = ai
	clear(b.inArticle)
}

// speakerOf returns the speaker of an entity of the current article, nil
// for none, adding it or adding to it what the article tells of it.
func (b *speakerBook) speakerOf(en *attribution.Entity) *Speaker {
	if en == nil {
		return nil
	}
	s := b.inArticle[en]
	if s == nil {
		s = b.find(en)
		b.inArticle[en] = s
		if n := len(s.articles); n == 0 || s.articles[n-1] != int32(b.article) {
			s.articles = append(s.articles, int32(b.article))
		}
	}
	if s.Kind == attribution.Unknown && en.Kind != attribution.Unknown {
		s.Kind = en.Kind // another article says who or what it is
	}
	s.person = s.Kind == attribution.Person
	if s.Role == "" {
		s.Role = en.Role()
		s.heads, s.mods, s.country = en.Heads, en.Mods, en.Country
	}
	s.roles = en.Roles
	for _, a := range en.Aliases {
		if !slices.Contains(s.aliases, a) {
			s.aliases = append(s.aliases, a)
		}
	}
	if s.gender == attribution.GenderUnknown {
		s.gender = en.Gender
	}
	return s
}

// find returns the speaker an entity new to the current article stands
// for: one of the same name from an earlier mention if it is the same
// (sameSpeaker), else a new one.
func (b *speakerBook) find(en *attribution.Entity) *Speaker {
	key := strings.ToLower(en.Name)
	for _, s := range b.byName[key] {
		if b.sameSpeaker(s, en) {
			return s
		}
	}
	s := &Speaker{Name: en.Name, Kind: en.Kind, words: en.Words, article: b.article}
	b.byName[key] = append(b.byName[key], s)
	b.speakers = append(b.speakers, s)
	return s
}

// sameSpeaker reports whether entity en of the current article is s, who
// has its name. One article's "resident" or "report" is never another's.
// People are the same unless both articles give them a role and the roles
// share no title ("a John Smith who is a police chief and one who is a
// striker") or name different countries ("Pakistan's foreign minister"
// and "India's foreign minister" of the same name).
func (b *speakerBook) sameSpeaker(s *Speaker, en *attribution.Entity) bool {
	if perArticle(en.Kind) || perArticle(s.Kind) {
		return perArticle(en.Kind) && perArticle(s.Kind) && s.article == b.article
	}
	if s.article == b.article || s.Kind != attribution.Person || en.Kind != attribution.Person {
		return true
	}
	return overlapOrEmpty(s.heads, en.Heads) && overlapOrEmpty(s.country, en.Country)
}

// perArticle reports whether speakers of kind k belong to one article:
// the nouns an article uses for the unnamed and its documents.
func perArticle(k attribution.Kind) bool {
	return k == attribution.Unnamed || k == attribution.Document
}

// overlapOrEmpty reports whether either set is empty or they share a word.
func overlapOrEmpty(a, b map[string]bool) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for w := range a {
		if b[w] {
			return true
		}
	}
	return false
}
