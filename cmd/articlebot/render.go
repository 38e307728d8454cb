package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/articlebot/articlebot/bot/reply"
	"github.com/articlebot/articlebot/qa"
)

// The text forms below are what a person reads in Discord, laid out for a
// terminal: the passage, then who said it, then where it is.

// A boldStyle marks the words that answer: ANSI bold on a terminal,
// Markdown's ** (as Discord shows it) elsewhere.
type boldStyle struct{ open, close string }

var (
	ansiBold     = boldStyle{"\x1b[1m", "\x1b[0m"}
	markdownBold = boldStyle{"**", "**"}
)

// styleFor picks the bold style for an output: ANSI on a terminal, unless
// NO_COLOR is set (https://no-color.org), Markdown elsewhere.
func styleFor(out any) boldStyle { return pickStyle(isTerminal(out), os.Getenv("NO_COLOR")) }

func pickStyle(terminal bool, noColor string) boldStyle {
	if terminal && noColor == "" {
		return ansiBold
	}
	return markdownBold
}

func bold(s string, style boldStyle) string { return style.open + s + style.close }

// withBold puts the first occurrence of highlight in text in bold.
func withBold(text, highlight string, style boldStyle) string {
	i := strings.Index(text, highlight)
	if highlight == "" || i < 0 {
		return text
	}
	return text[:i] + bold(highlight, style) + text[i+len(highlight):]
}

// writeReply prints a reply (package reply, which the bot shows in
// Discord) as terminal text: the form of chat's replies and of the
// commands' text output. Every reply ends with a blank line.
func writeReply(w io.Writer, r reply.Reply, style boldStyle) {
	switch r := r.(type) {
	case reply.Answers:
		writeAnswersText(w, r.Answers, style)
	case reply.NotFound:
		fmt.Fprintf(w, "%s\n\n", r.Text())
	case reply.Notice:
		fmt.Fprintf(w, "%s\n\n", r.Text)
	case reply.Summary:
		if r.Note != "" {
			fmt.Fprintf(w, "%s\n\n", r.Note)
		}
		for _, sec := range r.Sections {
			writeSummaryText(w, sec.Title, sec.Lines)
		}
	case reply.Quotes:
		for _, q := range r.Quotes {
			writeQuoteText(w, q)
		}
	case reply.Speakers:
		for _, s := range r.Speakers {
			writeSpeakerText(w, s)
		}
		fmt.Fprintln(w)
	case reply.About:
		for _, a := range r.Articles {
			fmt.Fprintf(w, "%s — %s\n", a.Title, a.Counts())
		}
		fmt.Fprintln(w, r.LoadedLine())
		if r.Program != "" {
			fmt.Fprintln(w, r.Program)
		}
		fmt.Fprintln(w)
	}
}

// writeAnswersText numbers the answers when there are several.
func writeAnswersText(w io.Writer, answers []qa.Answer, style boldStyle) {
	for i, a := range answers {
		if len(answers) > 1 {
			fmt.Fprintf(w, "%d. ", i+1)
		}
		if a.BySpeaker {
			fmt.Fprintf(w, "%s: ", bold(a.Speaker, style))
		}
		fmt.Fprintln(w, withBold(a.Text, a.Highlight, style))
		if a.Speaker != "" {
			fmt.Fprintf(w, "   — %s\n", reply.SpeakerName(a.Speaker, a.Role))
		}
		fmt.Fprintf(w, "   %s · paragraph %d\n", a.Article, a.Paragraph)
	}
	fmt.Fprintln(w)
}

func writeQuoteText(w io.Writer, q qa.Quote) {
	fmt.Fprintf(w, "“%s”\n", q.Text)
	if q.Speaker != nil {
		fmt.Fprintf(w, "   — %s (%s)\n", reply.SpeakerTitle(q.Speaker), q.How)
	} else {
		fmt.Fprintln(w, "   — (not credited to anyone)")
	}
	fmt.Fprintf(w, "   %s · paragraph %d\n\n", q.Article.Title, q.Paragraph)
}

func writeSummaryText(w io.Writer, heading string, sentences []string) {
	fmt.Fprintln(w, heading)
	for _, s := range sentences {
		fmt.Fprintf(w, "  • %s\n", s)
	}
	if len(sentences) == 0 {
		fmt.Fprintln(w, "  (nothing to summarise)")
	}
	fmt.Fprintln(w)
}

// writeSpeakerText is one line of `speakers`: the speaker and counts.
func writeSpeakerText(w io.Writer, s *qa.Speaker) {
	fmt.Fprintf(w, "%s — %s\n", reply.SpeakerTitle(s), reply.SpeakerCounts(s))
}
