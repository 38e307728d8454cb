package bot

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/articlebot/articlebot/bot/reply"
	"github.com/articlebot/articlebot/qa"
)

// A message is what the bot sends back. Handlers compute replies as
// values (package reply, shared with the command line) and show them as
// messages here; send and respond are the only functions that talk to
// Discord, so tests can check messages without a network.
type message struct {
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

// askReply answers a question with up to n passages, from article in
// alone unless it is nil, and buttons for more passages and for the best
// one's context. The question is read as a follow-up in conv.
func askReply(e Engine, conv *qa.Conversation, question string, in *qa.Article, n int, now time.Time) (message, outcome) {
	// Ask for a few more than shown: the rest go behind the More button.
	r := reply.Ask(e, conv, question, in, n*3, now)
	found, ok := r.(reply.Answers)
	if !ok {
		return render(r)
	}
	answers := found.Answers
	shown := answers[:min(n, len(answers))]
	m := message{Embeds: passageEmbeds(shown)}
	if shown[0].BySpeaker {
		// "Who said …?": the reply leads with the speaker.
		m.Content = "**" + markdownEscaper.Replace(shown[0].Speaker) + "**"
	}
	var refs []qa.Ref
	for _, a := range answers[len(shown):] {
		refs = append(refs, a.Ref)
	}
	m.Components = passageButtons(e.Version(), refs, shown[0].Ref)
	return m, answered
}

// render shows a reply as a Discord message (Answers without the buttons
// askReply adds), with what became of the request.
func render(r reply.Reply) (message, outcome) {
	switch r := r.(type) {
	case reply.Answers:
		return message{Embeds: passageEmbeds(r.Answers)}, answered
	case reply.NotFound:
		return message{Content: fit(r.Text(), maxContent)}, declined
	case reply.Notice:
		out := declined
		if r.Failed {
			out = failed
		}
		// A notice holds what people typed and the articles' names, never
		// formatting of its own: shown as written.
		return message{Content: fit(markdownEscaper.Replace(r.Text), maxContent), Ephemeral: r.Private}, out
	case reply.Summary:
		var embeds []*discordgo.MessageEmbed
		for _, sec := range r.Sections {
			if len(embeds) == maxEmbeds {
				break
			}
			if len(sec.Lines) > 0 {
				embeds = append(embeds, listEmbed(sec.Title, sec.Lines))
			}
		}
		if len(embeds) == 0 {
			return message{Content: nothingText}, answered
		}
		return message{Content: fit(r.Note, maxContent), Embeds: trimEmbeds(embeds)}, answered
	case reply.Quotes:
		var lines []string
		for _, q := range r.Quotes {
			lines = append(lines, "“"+q.Text+"”")
		}
		title := ""
		if r.Speaker != nil {
			title = reply.SpeakerTitle(r.Speaker)
		}
		return message{Embeds: []*discordgo.MessageEmbed{listEmbed(title, lines)}}, answered
	case reply.Speakers:
		return speakersMessage(r), answered
	case reply.About:
		return aboutMessage(r), answered
	}
	return message{Content: reply.FailedText, Ephemeral: true}, failed
}

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
func buttonReply(e Engine, customID string, n int) (message, outcome) {
	kind, version, refs, err := parseRefsID(customID)
	if err != nil {
		return message{Content: "That button is not one of mine.", Ephemeral: true}, failed
	}
	if version != e.Version() {
		return message{Content: staleText, Ephemeral: true}, declined
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
			return message{Content: staleText, Ephemeral: true}, declined
		}
		shown := answers[:min(n, len(answers))]
		r := message{Embeds: passageEmbeds(shown), Ephemeral: true}
		if rest := refs[len(shown):]; len(rest) > 0 {
			r.Components = passageButtons(version, rest, shown[0].Ref)
		} else {
			r.Components = passageButtons(version, nil, shown[0].Ref)
		}
		return r, answered
	case contextID:
		c, ok := e.Context(refs[0])
		if !ok {
			return message{Content: staleText, Ephemeral: true}, declined
		}
		return contextReply(c), answered
	}
	return message{Content: "That button is not one of mine.", Ephemeral: true}, failed
}

// contextReply shows a passage's paragraph between its neighbours, the
// paragraph itself in bold-free quote style so it stands out.
func contextReply(c qa.Context) message {
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
	return message{Ephemeral: true, Embeds: []*discordgo.MessageEmbed{{
		Title:       fit(c.Article, maxEmbedTitle),
		Description: desc,
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("paragraphs %d–%d", first, last)},
	}}}
}

// speakersMessage is /speakers' list, in one embed, titled with the
// article when they are one article's.
func speakersMessage(r reply.Speakers) message {
	var lines []string
	for _, s := range r.Speakers {
		line := "**" + markdownEscaper.Replace(s.Name) + "**"
		if s.Role != "" {
			line += ", " + markdownEscaper.Replace(s.Role)
		}
		lines = append(lines, line+" — "+reply.SpeakerCounts(s))
	}
	title := "Who is quoted"
	if r.In != "" {
		title += " in “" + r.In + "”"
	}
	return message{Embeds: []*discordgo.MessageEmbed{{Title: fit(title, maxEmbedTitle), Description: fitLines(lines, maxEmbedDesc), Color: embedColor}}}
}

// aboutMessage is /about: the articles loaded, when, which version of them
// (the engine's, as `articlebot version` prints it) and, on a line of its
// own, the program's.
func aboutMessage(r reply.About) message {
	var lines []string
	for _, a := range r.Articles {
		lines = append(lines, "**"+markdownEscaper.Replace(a.Title)+"** — "+a.Counts())
	}
	footer := r.LoadedLine()
	if r.Program != "" {
		footer = fit(footer+"\n"+r.Program, maxEmbedFooter)
	}
	return message{Embeds: trimEmbeds([]*discordgo.MessageEmbed{{
		Title:       "Articles loaded",
		Description: fitLines(lines, maxEmbedDesc),
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: footer},
	}})}
}

const helpText = `I answer questions about the news article(s) I was given, with exact quotes: the passage that answers, the words that answer in bold, and who said them. If the article does not say, I tell you so.

**Ask** by mentioning me, replying to one of my answers, in a direct message, or with /ask.
**/summary** [sentences] [speaker] — the article in a few sentences (the newest, of several), or what someone said.
**/quote** speaker [topic] — a speaker's quotations.
**/speakers** — who is quoted.
**/about** — the articles I know.
With several articles, the **article** option of /ask, /summary, /quote and /speakers picks one: type words of its title.`

func helpReply() message { return message{Content: helpText, Ephemeral: true} }

func rateLimitedReply(wait time.Duration) message {
	return message{Content: fmt.Sprintf("You're asking quickly: try again in %d s.", max(1, int(wait.Round(time.Second)/time.Second))), Ephemeral: true}
}

// nothingText is a list with nothing in it.
const nothingText = "Nothing to show."

// listEmbed shows lines under a title, in one embed, whole lines only.
func listEmbed(title string, lines []string) *discordgo.MessageEmbed {
	var bullets []string
	for _, l := range lines {
		bullets = append(bullets, "• "+markdownEscaper.Replace(l))
	}
	return &discordgo.MessageEmbed{Title: fit(title, maxEmbedTitle), Description: fitLines(bullets, maxEmbedDesc), Color: embedColor}
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
