package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/articlebot/articlebot/qa"
)

// The text forms below are what a person reads in Discord, laid out for a
// terminal: the passage, then who said it, then where it is.

func writeAskText(w io.Writer, e *qa.Engine, q string, answers []qa.Answer, qerr error) {
	if qerr != nil {
		fmt.Fprintf(w, "%s\n\n", qerr)
		return
	}
	if len(answers) == 0 {
		fmt.Fprintln(w, notFound(e))
		fmt.Fprintln(w)
		return
	}
	for i, a := range answers {
		if len(answers) > 1 {
			fmt.Fprintf(w, "%d. ", i+1)
		}
		fmt.Fprintln(w, a.Text)
		if a.Speaker != "" {
			fmt.Fprintf(w, "   — %s\n", speakerName(a.Speaker, a.Role))
		}
		fmt.Fprintf(w, "   %s · paragraph %d\n", a.Article, a.Paragraph)
	}
	fmt.Fprintln(w)
}

// notFound is the polite answer when the articles do not answer, with a
// few things they do cover.
func notFound(e *qa.Engine) string {
	msg := "I couldn't find that in the article."
	if topics := e.Topics(3); len(topics) > 0 {
		msg += " It covers " + joinAnd(topics) + "."
	}
	return msg
}

func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
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
		fmt.Fprintf(w, "   — %s\n", speakerLine(q.Speaker))
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
