package bot

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/articlebot/articlebot/qa"
	"github.com/articlebot/articlebot/qa/text"
)

// Discord's limits on what a message may hold, in characters.
const (
	maxContent     = 2000
	maxEmbedTitle  = 256
	maxEmbedDesc   = 4096
	maxEmbedField  = 1024
	maxEmbedFooter = 2048
	maxEmbedsTotal = 6000 // all text of all embeds of one message
	maxEmbeds      = 10
	maxCustomID    = 100
	maxChoices     = 25
	maxChoiceName  = 100
)

// embedColor is the accent bar of the bot's embeds.
const embedColor = 0x3b82f6

// fit shortens s to at most limit characters, cutting after the last
// whole sentence that fits, else at the last space, and marking the cut
// with an ellipsis. It never cuts inside a word.
func fit(s string, limit int) string {
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	cut := byteOffset(s, limit-1) // room for the ellipsis
	head := s[:cut]
	best := 0
	for _, sp := range text.SplitSentences(head) {
		// A sentence that reaches the cut was cut: keep only whole ones.
		if sp.End < len(head) || cut == len(s) {
			best = sp.End
		}
	}
	if best == 0 {
		best = strings.LastIndexFunc(head, unicode.IsSpace)
		if best <= 0 {
			// One word longer than the limit: nothing to do but cut it.
			best = cut
		}
	}
	return strings.TrimRightFunc(s[:best], unicode.IsSpace) + "…"
}

// byteOffset returns the byte offset of the rune at index n of s.
func byteOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// markdownEscaper escapes what Discord would read as formatting, so a
// passage shows as written: an article's asterisks are not bold.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `~`, `\~`, `|`, `\|`, `>`, `\>`, `#`, `\#`, `[`, `\[`, `]`, `\]`,
)

// boldHighlight escapes a passage and puts its highlight in bold.
func boldHighlight(passage, highlight string) string {
	if highlight == "" {
		return markdownEscaper.Replace(passage)
	}
	i := strings.Index(passage, highlight)
	if i < 0 {
		return markdownEscaper.Replace(passage)
	}
	return markdownEscaper.Replace(passage[:i]) + "**" + markdownEscaper.Replace(highlight) + "**" +
		markdownEscaper.Replace(passage[i+len(highlight):])
}

// byline is "— **Donald Trump**, US President".
func byline(name, role string) string {
	if name == "" {
		return ""
	}
	s := "— **" + markdownEscaper.Replace(name) + "**"
	if role != "" {
		s += ", " + markdownEscaper.Replace(role)
	}
	return s
}

// where is the footer of a passage: the article and the paragraph.
func where(article string, paragraph int) string {
	if paragraph == 0 {
		return fit(article, maxEmbedFooter-len(" · headline")) + " · headline"
	}
	suffix := fmt.Sprintf(" · paragraph %d", paragraph)
	return fit(article, maxEmbedFooter-len(suffix)) + suffix
}

// passageEmbed shows one answer: the passage with its highlight in bold,
// who said it, and where it is.
func passageEmbed(a qa.Answer, budget int) *discordgo.MessageEmbed {
	by := byline(a.Speaker, a.Role)
	footer := where(a.Article, a.Paragraph)
	room := min(maxEmbedDesc, budget-utf8.RuneCountInString(footer)) - utf8.RuneCountInString(by) - 2
	desc := boldHighlight(fit(a.Text, max(room, 40)), a.Highlight)
	if utf8.RuneCountInString(desc) > room {
		// Escapes made it longer: cut the escaped text, which fit keeps
		// whole words of.
		desc = fit(desc, max(room, 40))
	}
	if by != "" {
		desc += "\n\n" + by
	}
	return &discordgo.MessageEmbed{
		Description: desc,
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: footer},
	}
}

// embedsLength counts the characters Discord counts towards the 6,000 of a
// message's embeds.
func embedsLength(embeds []*discordgo.MessageEmbed) int {
	n := 0
	for _, e := range embeds {
		n += utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description)
		if e.Footer != nil {
			n += utf8.RuneCountInString(e.Footer.Text)
		}
		if e.Author != nil {
			n += utf8.RuneCountInString(e.Author.Name)
		}
		for _, f := range e.Fields {
			n += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
		}
	}
	return n
}
