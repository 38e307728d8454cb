// Package reply computes articlebot's replies as values and words them
// once, for every place that answers: the Discord bot (package bot) shows
// them as messages and embeds, the command line (cmd/articlebot: chat,
// ask, quotes, summary, speakers) as terminal text. Both therefore answer
// the same things with the same words; only the layout differs.
//
// It sits between the engine and the transports. qa returns typed results
// and errors (qa.NotFound, qa.QuestionError, qa.LongQuestionError) and no
// English; this package turns them into sentences. It imports neither
// discordgo nor bot, so the command line uses it without the Discord
// client's types, and it lives under bot/ because the layout allows only
// cmd/, bot/, qa/ and seeds/ at the top and the bot is its first user.
//
// What only one transport has stays with it: buttons, passage context,
// rate limits and Discord's length limits with the bot; /new, /quit and
// the flags with the command line; and each one's help, which describes
// its own way of typing commands. Where a reply tells how to pick an
// article, each passes its own words (a Picker).
package reply

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/articlebot/articlebot/qa"
)

// Engine is what the replies need from the engine; *qa.Engine provides it.
type Engine interface {
	ParseQuestion(question string) (*qa.Question, error)
	FollowQuestion(c *qa.Conversation, q *qa.Question, k int, now time.Time) ([]qa.Answer, error)
	Summary(a *qa.Article, n int) ([]string, error)
	SpeakerSummary(s *qa.Speaker, in *qa.Article, n int) ([]string, error)
	SpeakerQuotes(s *qa.Speaker, topic string) []qa.Quote
	Speakers() []*qa.Speaker
	SpeakersIn(a *qa.Article) []*qa.Speaker
	SpeakerIn(s *qa.Speaker, a *qa.Article) *qa.Speaker
	FindSpeaker(name string) *qa.Speaker
	Articles() []*qa.Article
	ArticlesByNewest() []*qa.Article
	FindArticles(typed string) []*qa.Article
	Stats(a *qa.Article) qa.Stats
	NotFound() qa.NotFound
	Version() string
}

// A Reply is one of the values below: Answers, NotFound, Notice, Summary,
// Quotes, Speakers or About.
type Reply interface{ isReply() }

// Answers are the passages that answer a question, best first.
type Answers struct{ Answers []qa.Answer }

// NotFound says the articles do not answer, and what they cover; or,
// for a question kept to one article, that it does not.
type NotFound struct {
	qa.NotFound
	In string // the title of the article the question was kept to; "" for all
}

// A Notice is a sentence in place of an answer: a question that cannot be
// read, a speaker the articles do not quote, something that went wrong.
type Notice struct {
	Text string
	// Private: only the one who asked needs to see it (Discord's
	// ephemeral replies); the terminal shows it as any other.
	Private bool
	// Failed: the fault is articlebot's, not the question's.
	Failed bool
}

// A Summary is a few sentences under a heading, of an article or of what
// one speaker said.
type Summary struct {
	// Note, when not "", goes above the sections: the article summarised
	// is the newest of several, and how to pick another.
	Note     string
	Sections []Section
}

// A Section is one heading and its lines.
type Section struct {
	Title string
	Lines []string
}

// Quotes are a speaker's quotations, or any list of quotations.
type Quotes struct {
	Speaker *qa.Speaker // nil for quotations of several speakers
	Quotes  []qa.Quote
}

// Speakers are the people and bodies quoted or reported.
type Speakers struct {
	Speakers []*qa.Speaker
	In       string // the title of the one article they are counted in; "" for all
}

// About describes the articles loaded.
type About struct {
	Articles []ArticleStats
	Loaded   time.Time
	Version  string // the articles', qa.Engine.Version
	Program  string // the program's, "" when unknown
}

// ArticleStats are an article's title and counts.
type ArticleStats struct {
	Title string
	qa.Stats
}

func (Answers) isReply()  {}
func (NotFound) isReply() {}
func (Notice) isReply()   {}
func (Summary) isReply()  {}
func (Quotes) isReply()   {}
func (Speakers) isReply() {}
func (About) isReply()    {}

// NotFoundText opens the reply to a question the article does not answer;
// NotFoundManyText, to one that none of several answers.
const (
	NotFoundText     = "I couldn't find that in the article."
	NotFoundManyText = "I couldn't find that in the articles."
)

// Text is the sentence that says so, with the topics the articles cover.
func (n NotFound) Text() string {
	if n.In != "" {
		// The topics are all the articles', not this one's.
		return "I couldn't find that in “" + n.In + "”."
	}
	text, covers := NotFoundText, " It covers "
	if n.Articles > 1 {
		text, covers = NotFoundManyText, " They cover "
	}
	if len(n.Topics) == 0 {
		return text
	}
	and := n.Topics[len(n.Topics)-1]
	if len(n.Topics) > 1 {
		and = strings.Join(n.Topics[:len(n.Topics)-1], ", ") + " and " + and
	}
	return text + covers + and + "."
}

// FailedText is the reply when answering went wrong.
const FailedText = "Something went wrong while answering; please try again."

// Ask answers question, with up to k passages, as the next turn of conv:
// from article in alone, or from every article when in is nil.
func Ask(e Engine, conv *qa.Conversation, question string, in *qa.Article, k int, now time.Time) Reply {
	q, err := e.ParseQuestion(question)
	if err != nil {
		return QuestionNotice(err)
	}
	q.Within(in)
	answers, err := e.FollowQuestion(conv, q, k, now)
	return Answered(e, answers, err, in)
}

// Answered is the reply to a question the engine answered with answers
// or refused with err; in is the article it was kept to, nil for none.
func Answered(e Engine, answers []qa.Answer, err error, in *qa.Article) Reply {
	switch {
	case err != nil:
		return QuestionNotice(err)
	case len(answers) == 0:
		return NotFound{NotFound: e.NotFound(), In: titleOf(in)}
	}
	return Answers{answers}
}

// QuestionNotice words an error of the engine's about a question; an
// error that is not about the question is a failure.
func QuestionNotice(err error) Notice {
	var long qa.LongQuestionError
	var more qa.NothingMoreError
	switch {
	case errors.Is(err, qa.ErrEmptyQuestion):
		return Notice{Text: "the question is empty: ask something about the article", Private: true}
	case errors.Is(err, qa.ErrNoWords):
		return Notice{Text: "the question has no words to search for: ask it in words", Private: true}
	case errors.Is(err, qa.ErrNoContext):
		return Notice{Text: "I'm not sure who or what you mean: ask again with a name or a topic", Private: true}
	case errors.As(err, &more) && more.Speaker != "":
		return Notice{Text: "That's everything " + more.Speaker + " says: all of it is in the answers above."}
	case errors.As(err, &more):
		return Notice{Text: "That's all the article has on that: it is all in the answers above."}
	case errors.As(err, &long):
		return Notice{Text: "the question is too long: keep it under " + grouped(long.Max) + " characters", Private: true}
	}
	return Notice{Text: FailedText, Private: true, Failed: true}
}

// grouped writes n with commas between thousands: 1,000.
func grouped(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// maxEchoedName bounds how much of an unknown name or title a reply
// repeats.
const maxEchoedName = 100

// UnknownSpeaker is the reply about a name the articles do not quote.
func UnknownSpeaker(name string) Notice {
	return Notice{Text: fmt.Sprintf("No one called %q is quoted in the articles. /speakers lists who is.", echoed(name)), Private: true}
}

// echoed is what someone typed, as a reply repeats it: cut at
// maxEchoedName characters.
func echoed(s string) string {
	if r := []rune(s); len(r) > maxEchoedName {
		return string(r[:maxEchoedName-1]) + "…"
	}
	return s
}

// SummaryOf is /summary: an article in n sentences or, with a speaker,
// what they said. The article is in; or, when in is nil, the only one
// loaded, or the newest of several, with a Note that says so and how to
// pick another in p's words. n must be at least 1.
func SummaryOf(e Engine, n int, speaker string, in *qa.Article, p Picker) Reply {
	if speaker != "" {
		s := e.FindSpeaker(speaker)
		if s == nil {
			return UnknownSpeaker(speaker)
		}
		sents, err := e.SpeakerSummary(s, in, n)
		switch {
		case err != nil:
			return Notice{Text: FailedText, Private: true, Failed: true} // n < 1, which callers rule out
		case len(sents) == 0 && in != nil:
			return Notice{Text: fmt.Sprintf("%s is not quoted or reported in “%s”.", s.Name, in.Title)}
		}
		return Summary{Sections: []Section{{SpeakerTitle(s), sents}}}
	}
	var sum Summary
	if in == nil {
		newest := e.ArticlesByNewest()
		if len(newest) == 0 {
			return sum
		}
		in = newest[0]
		if len(newest) > 1 {
			sum.Note = fmt.Sprintf("The newest of %d articles; %s.", len(newest), p.Another)
		}
	}
	sents, err := e.Summary(in, n)
	if err != nil {
		return Notice{Text: FailedText, Private: true, Failed: true} // n < 1, which callers rule out
	}
	sum.Sections = []Section{{in.Title, sents}}
	return sum
}

// QuotesOf is /quote: a speaker's quotations, best match to topic first;
// those in article in alone, unless in is nil.
func QuotesOf(e Engine, speaker, topic string, in *qa.Article, p Picker) Reply {
	s := e.FindSpeaker(speaker)
	if s == nil {
		return UnknownSpeaker(speaker)
	}
	quotes := e.SpeakerQuotes(s, topic)
	counted, where := s, ""
	if in != nil {
		quotes = slices.DeleteFunc(quotes, func(q qa.Quote) bool { return q.Article != in })
		counted, where = e.SpeakerIn(s, in), " in “"+in.Title+"”"
	}
	switch {
	case len(quotes) == 0 && counted.Statements > 0:
		return Notice{Text: fmt.Sprintf("%s is reported but not quoted directly%s. Try %s.", s.Name, where, fmt.Sprintf(p.SpeakerSummary, s.Name))}
	case len(quotes) == 0 && in != nil:
		return Notice{Text: fmt.Sprintf("%s is not quoted or reported%s.", s.Name, where)}
	case len(quotes) == 0:
		return Notice{Text: fmt.Sprintf("%s is mentioned, but the articles do not quote or report them.", s.Name)}
	}
	return Quotes{Speaker: s, Quotes: qa.WholeQuotations(quotes)}
}

// SpeakersOf is /speakers: who is quoted or reported, in article in
// alone (with their counts in it) unless in is nil.
func SpeakersOf(e Engine, in *qa.Article) Reply {
	if in != nil {
		speakers := e.SpeakersIn(in)
		if len(speakers) == 0 {
			return Notice{Text: "No one is quoted in “" + in.Title + "”."}
		}
		return Speakers{Speakers: speakers, In: in.Title}
	}
	speakers := e.Speakers()
	if len(speakers) == 0 {
		return Notice{Text: "No one is quoted in the articles."}
	}
	return Speakers{Speakers: speakers}
}

// AboutOf is /about: the articles, loaded at loaded, and the program's
// version (may be "").
func AboutOf(e Engine, loaded time.Time, program string) About {
	ab := About{Loaded: loaded, Version: e.Version(), Program: program}
	for _, a := range e.Articles() {
		ab.Articles = append(ab.Articles, ArticleStats{a.Title, e.Stats(a)})
	}
	return ab
}

// LoadedLine is the line that says when the articles were loaded and which
// version of them: "Loaded 2025-08-19 14:05 UTC · articles 1a2b3c4d".
func (a About) LoadedLine() string {
	return "Loaded " + a.Loaded.UTC().Format("2006-01-02 15:04 MST") + " · articles " + a.Version
}

// Counts is an article's counts: "12 paragraphs, 30 sentences, 24 quotes".
func (s ArticleStats) Counts() string {
	return Plural(s.Paragraphs, "paragraph") + ", " + Plural(s.Sentences, "sentence") + ", " + Plural(s.Quotes, "quote")
}

// SpeakerCounts is a speaker's counts: "3 quotes, 1 statement".
func SpeakerCounts(s *qa.Speaker) string {
	return Plural(s.Quotes, "quote") + ", " + Plural(s.Statements, "statement")
}

// SpeakerTitle is "Donald Trump, US President", or the name alone.
func SpeakerTitle(s *qa.Speaker) string { return SpeakerName(s.Name, s.Role) }

// SpeakerName is "name, role", or the name alone.
func SpeakerName(name, role string) string {
	if role == "" {
		return name
	}
	return name + ", " + role
}

// Plural is "1 quote", "2 quotes".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
