package bot

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/articlebot/articlebot/qa"
)

// A reply is what the bot sends back. Handlers compute replies as values
// from the engine; send and respond are the only functions that talk to
// Discord, so tests can check replies without a network.
type reply struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	Ephemeral  bool // only the asker sees it (interactions only)
}

// An outcome is what became of a question, for logs and metrics.
type outcome string

const (
	answered    outcome = "answered"
	declined    outcome = "declined" // the article does not answer it
	rateLimited outcome = "rate_limited"
	failed      outcome = "error"
)

// askReply answers a question with up to n passages, and buttons for more
// passages and for the best one's context. The question is read as a
// follow-up in conv.
func askReply(e Engine, conv *qa.Conversation, question string, n int, now time.Time) (reply, outcome) {
	// Ask for a few more than shown: the rest go behind the More button.
	answers, err := e.Follow(conv, question, n*3, now)
	var qerr qa.QuestionError
	switch {
	case errors.As(err, &qerr):
		return reply{Content: qerr.Error(), Ephemeral: true}, declined
	case err != nil:
		return reply{Content: "Something went wrong while answering; please try again.", Ephemeral: true}, failed
	case len(answers) == 0:
		return notFoundReply(e), declined
	}
	shown := answers[:min(n, len(answers))]
	r := reply{Embeds: passageEmbeds(shown)}
	if shown[0].BySpeaker {
		// "Who said …?": the reply leads with the speaker.
		r.Content = "**" + markdownEscaper.Replace(shown[0].Speaker) + "**"
	}
	var refs []qa.Ref
	for _, a := range answers[len(shown):] {
		refs = append(refs, a.Ref)
	}
	r.Components = passageButtons(e.Version(), refs, shown[0].Ref)
	return r, answered
}

// notFoundReply says politely that the article does not answer, and names
// a few things it does cover.
func notFoundReply(e Engine) reply { return reply{Content: fit(e.NotFound(), maxContent)} }

// passageEmbeds shows answers one embed each, within the 6,000 characters
// Discord allows all of a message's embeds together.
func passageEmbeds(answers []qa.Answer) []*discordgo.MessageEmbed {
	var embeds []*discordgo.MessageEmbed
	budget := maxEmbedsTotal
	for i, a := range answers {
		share := budget / (len(answers) - i)
		em := passageEmbed(a, share)
		budget -= embedsLength([]*discordgo.MessageEmbed{em})
		embeds = append(embeds, em)
	}
	return embeds
}

// Custom ids carry the state of a button, so the bot keeps none: the
// engine version, then the sentence refs. A button made before the
// articles changed says so instead of showing the wrong passage.
const (
	moreID    = "more"
	contextID = "ctx"
)

// passageButtons builds the More and Context buttons of an answer.
func passageButtons(version string, more []qa.Ref, best qa.Ref) []discordgo.MessageComponent {
	var buttons []discordgo.MessageComponent
	if id := refsID(moreID, version, more); id != "" {
		buttons = append(buttons, discordgo.Button{Label: "More", Style: discordgo.SecondaryButton, CustomID: id})
	}
	buttons = append(buttons, discordgo.Button{Label: "Context", Style: discordgo.SecondaryButton,
		CustomID: refsID(contextID, version, []qa.Ref{best})})
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: buttons}}
}

// refsID encodes "kind:version:ref,ref,…" with as many refs as fit in a
// custom id; "" when there are none.
func refsID(kind, version string, refs []qa.Ref) string {
	if len(refs) == 0 {
		return ""
	}
	id := kind + ":" + version + ":"
	for i, r := range refs {
		s := strconv.Itoa(r.Sentence)
		if len(id)+len(s)+1 > maxCustomID {
			break
		}
		if i > 0 {
			id += ","
		}
		id += s
	}
	return id
}

// parseRefsID decodes a custom id made by refsID.
func parseRefsID(id string) (kind, version string, refs []qa.Ref, err error) {
	parts := strings.SplitN(id, ":", 3)
	if len(parts) != 3 {
		return "", "", nil, fmt.Errorf("custom id %q: want kind:version:refs", id)
	}
	for _, f := range strings.Split(parts[2], ",") {
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 {
			return "", "", nil, fmt.Errorf("custom id %q: bad ref %q", id, f)
		}
		refs = append(refs, qa.Ref{Sentence: n})
	}
	return parts[0], parts[1], refs, nil
}

const staleText = "The articles have changed since this answer: please ask again."

// buttonReply answers a click on More or Context, privately.
func buttonReply(e Engine, customID string, n int) (reply, outcome) {
	kind, version, refs, err := parseRefsID(customID)
	if err != nil {
		return reply{Content: "That button is not one of mine.", Ephemeral: true}, failed
	}
	if version != e.Version() {
		return reply{Content: staleText, Ephemeral: true}, declined
	}
	switch kind {
	case moreID:
		var answers []qa.Answer
		for _, r := range refs {
			if a, ok := e.Passage(r); ok {
				answers = append(answers, a)
			}
		}
		if len(answers) == 0 {
			return reply{Content: staleText, Ephemeral: true}, declined
		}
		shown := answers[:min(n, len(answers))]
		r := reply{Embeds: passageEmbeds(shown), Ephemeral: true}
		if rest := refs[len(shown):]; len(rest) > 0 {
			r.Components = passageButtons(version, rest, shown[0].Ref)
		} else {
			r.Components = passageButtons(version, nil, shown[0].Ref)
		}
		return r, answered
	case contextID:
		c, ok := e.Context(refs[0])
		if !ok {
			return reply{Content: staleText, Ephemeral: true}, declined
		}
		return contextReply(c), answered
	}
	return reply{Content: "That button is not one of mine.", Ephemeral: true}, failed
}

// contextReply shows a passage's paragraph between its neighbours, the
// paragraph itself in bold-free quote style so it stands out.
func contextReply(c qa.Context) reply {
	var b strings.Builder
	for _, p := range c.Paragraphs {
		text := markdownEscaper.Replace(p.Text)
		if p.Answer {
			text = "> " + text
		}
		fmt.Fprintf(&b, "%s\n\n", text)
	}
	desc := fit(strings.TrimSpace(b.String()), maxEmbedDesc)
	first, last := c.Paragraphs[0].Number, c.Paragraphs[len(c.Paragraphs)-1].Number
	return reply{Ephemeral: true, Embeds: []*discordgo.MessageEmbed{{
		Title:       fit(c.Article, maxEmbedTitle),
		Description: desc,
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("paragraphs %d–%d", first, last)},
	}}}
}

// summaryReply is /summary: the articles in n sentences, or what a speaker
// said.
func summaryReply(e Engine, n int, speaker string) (reply, outcome) {
	if speaker != "" {
		s := e.FindSpeaker(speaker)
		if s == nil {
			return unknownSpeakerReply(speaker), declined
		}
		sents, err := e.SpeakerSummary(s, n)
		if err != nil {
			return reply{Content: err.Error(), Ephemeral: true}, declined
		}
		return listReply(speakerTitle(s), sents), answered
	}
	var embeds []*discordgo.MessageEmbed
	for _, a := range e.Articles() {
		if len(embeds) == maxEmbeds {
			break
		}
		sents, err := e.Summary(a, n)
		if err != nil {
			return reply{Content: err.Error(), Ephemeral: true}, declined
		}
		embeds = append(embeds, listReply(a.Title, sents).Embeds...)
	}
	return reply{Embeds: trimEmbeds(embeds)}, answered
}

// quoteReply is /quote: a speaker's quotations, best match to topic first.
func quoteReply(e Engine, speaker, topic string) (reply, outcome) {
	s := e.FindSpeaker(speaker)
	if s == nil {
		return unknownSpeakerReply(speaker), declined
	}
	quotes := e.SpeakerQuotes(s, topic)
	switch {
	// The console's words for these too (cmd/articlebot/chat.go).
	case len(quotes) == 0 && s.Statements > 0:
		return reply{Content: fmt.Sprintf("%s is reported but not quoted directly. Try /summary speaker:%s.", s.Name, s.Name)}, declined
	case len(quotes) == 0:
		return reply{Content: fmt.Sprintf("%s is mentioned, but the articles do not quote or report them.", s.Name)}, declined
	}
	var lines []string
	for _, q := range quotes {
		lines = append(lines, "“"+q.Text+"”")
	}
	return listReply(speakerTitle(s), lines), answered
}

func unknownSpeakerReply(name string) reply {
	return reply{Content: fmt.Sprintf("No one called %q is quoted in the articles. /speakers lists who is.", fit(name, 100)), Ephemeral: true}
}

func speakerTitle(s *qa.Speaker) string {
	if s.Role == "" {
		return s.Name
	}
	return s.Name + ", " + s.Role
}

// speakersReply is /speakers.
func speakersReply(e Engine) (reply, outcome) {
	var lines []string
	for _, s := range e.Speakers() {
		line := "**" + markdownEscaper.Replace(s.Name) + "**"
		if s.Role != "" {
			line += ", " + markdownEscaper.Replace(s.Role)
		}
		line += fmt.Sprintf(" — %s, %s", plural(s.Quotes, "quote"), plural(s.Statements, "statement"))
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		return reply{Content: "No one is quoted in the articles."}, declined
	}
	return reply{Embeds: []*discordgo.MessageEmbed{{Title: "Who is quoted", Description: fitLines(lines, maxEmbedDesc), Color: embedColor}}}, answered
}

// aboutReply is /about: the articles loaded, when, and which version of
// them (the engine's, as `articlebot version` prints it).
func aboutReply(e Engine, loaded time.Time) (reply, outcome) {
	var lines []string
	for _, a := range e.Articles() {
		st := e.Stats(a)
		lines = append(lines, fmt.Sprintf("**%s** — %s, %s, %s", markdownEscaper.Replace(a.Title),
			plural(st.Paragraphs, "paragraph"), plural(st.Sentences, "sentence"), plural(st.Quotes, "quote")))
	}
	return reply{Embeds: []*discordgo.MessageEmbed{{
		Title:       "Articles loaded",
		Description: fitLines(lines, maxEmbedDesc),
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: "Loaded " + loaded.UTC().Format("2006-01-02 15:04 MST") + " · articles " + e.Version()},
	}}}, answered
}

// withProgramVersion adds the program's version (see Bot.SetVersion) to
// the footer of the /about reply r, on a line of its own, changing r's
// embed in place; "" adds nothing.
func withProgramVersion(r reply, version string) reply {
	if version == "" || len(r.Embeds) == 0 || r.Embeds[0].Footer == nil {
		return r
	}
	f := r.Embeds[0].Footer
	f.Text = fit(f.Text+"\n"+version, maxEmbedFooter)
	r.Embeds = trimEmbeds(r.Embeds)
	return r
}

const helpText = `I answer questions about the news article(s) I was given, with exact quotes: the passage that answers, the words that answer in bold, and who said them. If the article does not say, I tell you so.

**Ask** by mentioning me, replying to one of my answers, in a direct message, or with /ask.
**/summary** [sentences] [speaker] — the article in a few sentences, or what someone said.
**/quote** speaker [topic] — a speaker's quotations.
**/speakers** — who is quoted.
**/about** — the articles I know.`

func helpReply() reply { return reply{Content: helpText, Ephemeral: true} }

func rateLimitedReply(wait time.Duration) reply {
	return reply{Content: fmt.Sprintf("You're asking quickly: try again in %d s.", max(1, int(wait.Round(time.Second)/time.Second))), Ephemeral: true}
}

// listReply shows lines under a title, in one embed, whole lines only.
func listReply(title string, lines []string) reply {
	if len(lines) == 0 {
		return reply{Content: "Nothing to show."}
	}
	var bullets []string
	for _, l := range lines {
		bullets = append(bullets, "• "+markdownEscaper.Replace(l))
	}
	return reply{Embeds: []*discordgo.MessageEmbed{{Title: fit(title, maxEmbedTitle), Description: fitLines(bullets, maxEmbedDesc), Color: embedColor}}}
}

// fitLines joins lines with blank lines between them, dropping whole lines
// at the end rather than cutting one, unless the first alone is too long.
func fitLines(lines []string, limit int) string {
	var b strings.Builder
	for i, l := range lines {
		sep := ""
		if i > 0 {
			sep = "\n\n"
		}
		if utf8.RuneCountInString(b.String())+utf8.RuneCountInString(sep+l) > limit {
			if i == 0 {
				return fit(l, limit)
			}
			break
		}
		b.WriteString(sep + l)
	}
	return b.String()
}

// trimEmbeds drops embeds from the end until all fit Discord's total.
func trimEmbeds(embeds []*discordgo.MessageEmbed) []*discordgo.MessageEmbed {
	for len(embeds) > 1 && embedsLength(embeds) > maxEmbedsTotal {
		embeds = embeds[:len(embeds)-1]
	}
	if len(embeds) == 1 && embedsLength(embeds) > maxEmbedsTotal {
		embeds[0].Description = fit(embeds[0].Description, maxEmbedsTotal-embedsLength(embeds)+utf8.RuneCountInString(embeds[0].Description))
	}
	return embeds
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
