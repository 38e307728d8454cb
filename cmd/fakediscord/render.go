package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/articlebot/articlebot/bot/discordtest"
)

// writeReply prints a reply of the bot's as Discord lays it out: the
// content, each embed in a box (title on the top edge, footer on the
// bottom), then the buttons, with numbers[i] the number of button i (0:
// not clickable). Markdown stays as sent: **bold** is bold in Discord.
//
//	articlebot (only you can see this):
//	  **Donald Trump**
//	  ┌ title
//	  │ description
//	  └ footer
//	  [1] More  [2] Context
func writeReply(w io.Writer, r discordtest.Reply, numbers []int) {
	if r.Deferred {
		fmt.Fprintln(w, "articlebot is thinking…")
	}
	if r.Ephemeral {
		fmt.Fprintln(w, "articlebot (only you can see this):")
	} else {
		fmt.Fprintln(w, "articlebot:")
	}
	writeLines(w, "  ", r.Content)
	for _, e := range r.Embeds {
		fmt.Fprintln(w, strings.TrimRight("  ┌ "+e.Title, " "))
		writeLines(w, "  │ ", e.Description)
		for _, f := range e.Fields {
			writeLines(w, "  │ ", "**"+f.Name+"**")
			writeLines(w, "  │ ", f.Value)
		}
		fmt.Fprintln(w, strings.TrimRight("  └ "+e.Footer, " "))
	}
	var buttons []string
	for i, b := range r.Buttons {
		switch {
		case numbers[i] > 0:
			buttons = append(buttons, fmt.Sprintf("[%d] %s", numbers[i], b.Label))
		case b.URL != "":
			buttons = append(buttons, fmt.Sprintf("[%s <%s>]", b.Label, b.URL))
		default:
			buttons = append(buttons, fmt.Sprintf("[%s (disabled)]", b.Label))
		}
	}
	if len(buttons) > 0 {
		fmt.Fprintln(w, "  "+strings.Join(buttons, "  "))
	}
	fmt.Fprintln(w)
}

// writeLines writes each line of text after prefix, trimming the space
// the prefix leaves before an empty line; nothing for empty text.
func writeLines(w io.Writer, prefix, text string) {
	if text == "" {
		return
	}
	for line := range strings.SplitSeq(text, "\n") {
		fmt.Fprintln(w, strings.TrimRight(prefix+line, " "))
	}
}
