package main

import (
	"fmt"
	"io"
	"os"
	"strings"

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

func writeAskText(w io.Writer, e *qa.Engine, q string, answers []qa.Answer, qerr error, style boldStyle) {
	if qerr != nil {
		fmt.Fprintf(w, "%s\n\n", qerr)
		return
	}
	if len(answers) == 0 {
		fmt.Fprintln(w, e.NotFound())
		fmt.Fprintln(w)
		return
	}
	for i, a := range answers {
		if len(answers) > 1 {
			fmt.Fprintf(w, "%d. ", i+1)
		}
		if a.BySpeaker {
			fmt.Fprintf(w, "%s: ", bold(a.Speaker, style))
		}
		fmt.Fprintln(w, withBold(a.Text, a.Highlight, style))
		if a.Speaker != "" {
			fmt.Fprintf(w, "   — %s\n", speakerName(a.Speaker, a.Role))
		}
		fmt.Fprintf(w, "   %s · paragraph %d\n", a.Article, a.Paragraph)
	}
	fmt.Fprintln(w)
}

func speakerName(name, role string) string {
	if role == "" {
		return name
	}
	return name + ", " + role
}

func speakerLine(s *qa.Speaker) string { return speakerName(s.Name, s.Role) }

func writeQuoteText(w io.Writer, q qa.Quote) {
	fmt.Fprintf(w, "“%s”\n", q.Text)
	if q.Speaker != nil {
		fmt.Fprintf(w, "   — %s (%s)\n", speakerLine(q.Speaker), q.How)
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

func writeSpeakerText(w io.Writer, s *qa.Speaker) {
	fmt.Fprintf(w, "%s — %s, %s\n", speakerLine(s), plural(s.Quotes, "quote"), plural(s.Statements, "statement"))
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
