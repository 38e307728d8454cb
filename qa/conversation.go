package qa

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/articlebot/articlebot/qa/attribution"
)

// How long a conversation remembers: a follow-up refers to what was just
// said, not to a question from long ago.
const (
	ConversationTurns = 5
	ConversationIdle  = 10 * time.Minute
)

// ErrNoContext is a follow-up with nothing to follow: "What else did he
// say?" as the first question.
const ErrNoContext QuestionError = "follow-up with nothing to follow"

// A NothingMoreError is a "what else" follow-up whose answers the
// conversation has given already, all of them: "What else did she say?"
// once every statement of hers has been an answer (see
// Conversation.shown). The conversation is left as it was.
type NothingMoreError struct {
	Speaker string // whose words the question asks for, if one person's: "Ann Lee"
}

func (e NothingMoreError) Error() string {
	if e.Speaker != "" {
		return "every statement of " + e.Speaker + "'s has been shown"
	}
	return "every passage that answers has been shown"
}

// A Conversation remembers the last turn of a conversation, so that a
// follow-up ("What else did he say?", "Who is she?", "When?", "And
// Trump?", "Why?") is read against it. The zero value is an empty
// conversation. It is not safe for concurrent use: one conversation is one
// channel's or one console's.
type Conversation struct {
	version string         // the engine it was held with
	last    *Question      // the last question, as resolved
	person  *Speaker       // who the last turn was about
	others  []*Speaker     // the other people it showed, in the order shown: whom "she" means when the person is a man
	shown   map[int32]bool // the sentences the conversation has given as answers: what "What else" goes past
	turns   int
	at      time.Time
}

// Reset forgets everything: the next question starts afresh.
func (c *Conversation) Reset() { *c = Conversation{} }

// Last returns the conversation's last question as the engine read it,
// with what it took from the questions before; nil before the first.
func (c *Conversation) Last() *Question { return c.last }

// active reports whether the conversation still holds context at now.
func (c *Conversation) active(e *Engine, now time.Time) bool {
	return c.last != nil && c.version == e.version && c.turns < ConversationTurns && now.Sub(c.at) <= ConversationIdle
}

// Follow answers a question in a conversation, reading it against the
// turn before, and remembers this turn.
func (e *Engine) Follow(c *Conversation, text string, k int, now time.Time) ([]Answer, error) {
	q, err := e.ParseQuestion(text)
	if err != nil {
		return nil, err
	}
	return e.FollowQuestion(c, q, k, now)
}

// FollowQuestion is Follow for a question parsed already, say one kept to
// an article (Question.Within).
func (e *Engine) FollowQuestion(c *Conversation, q *Question, k int, now time.Time) ([]Answer, error) {
	if !c.active(e, now) {
		c.Reset()
	}
	e.scope(q)
	if err := e.resolve(q, c); err != nil {
		return nil, err
	}
	var exclude map[int32]bool
	if q.more {
		exclude = c.shown
	}
	picked, exhausted := e.answerPicks(q, k, exclude)
	if exhausted && q.more {
		var err NothingMoreError
		if who := q.speakers(); q.asksWords() && len(who) == 1 {
			err.Speaker = who[0].Name
		}
		return nil, err
	}
	if c.last == nil || q.fresh {
		c.Reset()
	}
	c.version, c.last, c.at = e.version, q, now
	c.turns++
	if c.shown == nil {
		c.shown = make(map[int32]bool)
	}
	answers := make([]Answer, len(picked))
	for i, p := range picked {
		answers[i] = p.answer
	}
	// What the turn gave as answers, for "What else" to go past: a
	// question's first answer, with the passages after it only offered in
	// case it missed ("How old is she?" then "What else did she say?"
	// wants her words besides her age, the passages offered after it
	// among them); but all of a "what else" turn's, each an answer to it.
	for i, p := range picked {
		if i > 0 && !q.more {
			break
		}
		for _, s := range p.covered {
			c.shown[s] = true
		}
	}
	if p := e.turnPerson(q, answers); p != nil {
		c.person = p
	}
	c.others = e.turnOthers(q, answers, c.person)
	return answers, nil
}

// turnOthers returns the people a turn showed besides its person, in the
// order shown: those named in bold and those quoted, answer by answer,
// then those the question named.
func (e *Engine) turnOthers(q *Question, answers []Answer, person *Speaker) []*Speaker {
	var others []*Speaker
	add := func(s *Speaker) {
		if s != nil && s.person && s != person && !slices.Contains(others, s) {
			others = append(others, s)
		}
	}
	for _, a := range answers {
		add(e.personNamed(a.Highlight))
		if a.Speaker != "" {
			add(e.sents[a.Ref.Sentence].speaker)
		}
	}
	for _, p := range q.People {
		add(p)
	}
	return others
}

// referent returns whom a pronoun of the next question refers to: the
// last turn's person, or, when the pronoun cannot be them ("she" of a
// man), the first other person it showed whose gender the article gives
// and the pronoun fits, else the first whose gender it does not give
// ("he" after an answer about a woman that quoted Tane Hohaia); nil for
// none.
func (c *Conversation) referent(pronoun byte) *Speaker {
	if c.person != nil && genderFits(c.person, pronoun) {
		return c.person
	}
	for _, s := range c.others {
		if s.gender != attribution.GenderUnknown && genderFits(s, pronoun) {
			return s
		}
	}
	for _, s := range c.others {
		if s.gender == attribution.GenderUnknown {
			return s
		}
	}
	return nil
}

// turnPerson returns who a turn was about, for the pronouns of the next:
// for "who", the person whose name is the bold answer, even when the
// question names another ("Who scored? — Lukaku. Who set him up?", "Who
// coached Cole? — Hale. Where did he grow up?"); else the person the
// question named; else the person whose name is the bold answer ("Which
// player …"); else the person the answer quotes. Nil keeps the person of
// the turn before.
func (e *Engine) turnPerson(q *Question, answers []Answer) *Speaker {
	if q.Kind == KindPerson && len(answers) > 0 {
		// "Who coached Cole?": the one in bold, not Cole.
		if s := e.personNamed(answers[0].Highlight); s != nil {
			return s
		}
	}
	if len(q.People) > 0 {
		return q.People[0]
	}
	if len(answers) == 0 {
		return nil
	}
	if s := e.personNamed(answers[0].Highlight); s != nil {
		return s
	}
	// A name the article never shows to be a person's or a body's may be
	// either: "he" may follow it ("Who is Roe?", "When did he …?").
	if s := e.sents[answers[0].Ref.Sentence].speaker; s != nil && (s.person || s.Kind == attribution.Unknown) && answers[0].Speaker != "" {
		return s
	}
	return nil
}

// resolve reads a question against the conversation: a pronoun names the
// person of the last turn (or, when it cannot be them, another person the
// turn showed); a question with no topic of its own ("When?",
// "Why?") takes the last one's; "And Trump?" asks the last question of
// someone else. A question that needs context it does not have is
// refused rather than guessed at.
func (e *Engine) resolve(q *Question, c *Conversation) error {
	hasContext := c.last != nil
	if hasContext && q.within == nil && (q.pronoun != 0 || q.elliptic || q.more) {
		q.within = c.last.within // a follow-up stays in the article asked about
		e.scope(q)               // and reads the people it names among that article's
	}
	person := c.referent(q.pronoun)
	if q.pronoun != 0 && len(q.People) == 0 {
		if !hasContext || person == nil {
			return ErrNoContext
		}
		e.addPerson(q, person)
		if q.Kind == KindPerson && q.copula {
			q.Kind = KindDefinition // "Who is she?"
		}
		// With its person back, "What else did he say?" has what it
		// needs; only "And him?" still asks the last question again.
		q.elliptic = q.andAbout
	} else if q.pronounSpeaks && len(q.asked) == 0 && !q.speakerNamed && hasContext && person != nil &&
		!slices.Contains(q.People, person) {
		// "What did he say about Trump?": the pronoun is who speaks, the
		// name only what about.
		e.addPerson(q, person)
		q.asked = append(q.asked, person)
	}
	switch {
	case q.elliptic && !hasContext && q.pronoun == 0:
		return ErrNoContext
	case q.elliptic && q.andAbout:
		// "And Trump?": the last question, of someone else.
		prev := c.last
		q.Kind, q.Speech, q.WhoSaid, q.measure, q.focus = prev.Kind, prev.Speech, prev.WhoSaid, prev.measure, prev.focus
		e.inheritTerms(q, prev, true)
	case q.elliptic:
		// "When?", "Why?": the last question's topic, asked another way.
		prev := c.last
		q.People = append(q.People, prev.People...)
		q.Speech = q.Speech || prev.Speech && q.Kind == KindQuote
		e.inheritTerms(q, prev, false)
	default:
		q.fresh = q.pronoun == 0
	}
	return nil
}

// personNamed returns the one person whose full name, surname or given
// name the words are, exactly (case aside), or whose full name they open
// ("Ann Lee of the Harbor Institute"): the bold answer names them ("his
// mother, Sunanda" names Sunanda Mitra). Not read as a question reads a
// name, with typos and any word of it: a name that only shares a word with
// a person's is no one to refer to. A bold place that is also the given
// name of one person the article names ("Jordan") names them: the article
// gives no way to tell.
func (e *Engine) personNamed(words string) *Speaker {
	words = strings.TrimSpace(words)
	if words == "" {
		return nil
	}
	var found *Speaker
	for _, s := range e.speakers {
		if !s.person {
			continue
		}
		surname := s.Name[strings.LastIndexByte(s.Name, ' ')+1:]
		given, _, twoWords := strings.Cut(s.Name, " ")
		opens := len(words) > len(s.Name) && strings.EqualFold(words[:len(s.Name)], s.Name) && !unicode.IsLetter(rune(words[len(s.Name)]))
		if strings.EqualFold(s.Name, words) || strings.EqualFold(surname, words) || twoWords && strings.EqualFold(given, words) || opens {
			if found != nil && found != s {
				return nil // two people of that name: not known which
			}
			found = s
		}
	}
	return found
}

// genderFits reports whether "he" or "she" can be s.
func genderFits(s *Speaker, pronoun byte) bool {
	switch s.gender {
	case attribution.Female:
		return pronoun == 'f'
	case attribution.Male:
		return pronoun == 'm'
	}
	return true
}

// addPerson makes a question about s, as if it had named them.
func (e *Engine) addPerson(q *Question, s *Speaker) {
	q.People = append(q.People, s)
	for _, w := range s.words {
		q.addTerm(e.lookupTerm(w), 1, false)
	}
}

// inheritTerms gives q the topic words of prev; without its people when
// q names others of its own.
func (e *Engine) inheritTerms(q *Question, prev *Question, replacePeople bool) {
	if replacePeople && len(q.People) == 0 {
		q.People = prev.People
	}
	skip := make(map[string]bool)
	if replacePeople {
		for _, p := range prev.People {
			for _, w := range p.words {
				skip[e.lookupTerm(w)] = true
			}
		}
	}
	// Copy the question words whole, with what they stand for.
	newGroup := make(map[int]int)
	for _, t := range prev.terms {
		g := t.Group
		if skip[t.Term] || prev.frame[g] {
			continue
		}
		if ng, ok := newGroup[g]; ok {
			q.addToGroup(t.Term, t.Weight, ng)
			continue
		}
		newGroup[g] = q.addTerm(t.Term, t.Weight, false)
	}
}
