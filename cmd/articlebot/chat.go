package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/articlebot/articlebot/qa"
)

const chatHelp = `Ask a question about the article, or type a command:
  /summary [N] [NAME] the article in N sentences (default 3), or what NAME said
  /quote NAME         NAME's quotations
  /speakers           who is quoted
  /about              the articles loaded
  /new                start a new conversation (follow-ups refer to the last question)
  /help               this text
  /quit               leave (or Ctrl-D)
`

// chat is an interactive console that answers like the bot does, for
// trying articlebot without Discord.
func chat(ctx context.Context, e *qa.Engine, io stdio) error {
	interactive := isTerminal(io.in)
	w := bufio.NewWriter(io.out)
	if interactive {
		fmt.Fprintf(w, "articlebot: %d article(s) loaded. Type a question, /help for commands.\n", len(e.Articles()))
	}
	lines := newLineReader(io.in)
	var conv qa.Conversation
	for {
		if interactive {
			fmt.Fprint(w, "> ")
		}
		if err := w.Flush(); err != nil {
			return err
		}
		line, ok, err := lines.next(ctx)
		if !ok {
			if err != nil && interactive {
				fmt.Fprintln(w) // end the prompt's line, as a shell does after ^C
			}
			if ferr := w.Flush(); err == nil {
				err = ferr
			}
			return err
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if line == "/quit" || line == "/exit" {
			return w.Flush()
		}
		chatLine(w, e, &conv, line, styleFor(io.out))
	}
}

func chatLine(w *bufio.Writer, e *qa.Engine, conv *qa.Conversation, line string, style boldStyle) {
	if !strings.HasPrefix(line, "/") {
		answers, err := e.Follow(conv, line, 3, time.Now())
		writeAskText(w, e, line, answers, err, style)
		return
	}
	cmd, arg, _ := strings.Cut(line, " ")
	arg = strings.TrimSpace(arg)
	switch cmd {
	case "/summary":
		n, name := 3, arg
		if first, rest, _ := strings.Cut(arg, " "); first != "" && first[0] >= '0' && first[0] <= '9' || first == "-" || strings.HasPrefix(first, "-") {
			v, err := strconv.Atoi(first)
			if err != nil || v < 1 {
				fmt.Fprintf(w, "/summary takes a number of sentences, 1 or more, not %q\n\n", first)
				return
			}
			n, name = v, strings.TrimSpace(rest)
		}
		if name != "" {
			s := e.FindSpeaker(name)
			if s == nil {
				fmt.Fprintf(w, "No one called %q is quoted in the articles. /speakers lists who is.\n\n", name)
				return
			}
			sents, _ := e.SpeakerSummary(s, n) // n ≥ 1 was checked
			writeSummaryText(w, speakerLine(s), sents)
			return
		}
		for _, a := range e.Articles() {
			sents, _ := e.Summary(a, n)
			writeSummaryText(w, a.Title, sents)
		}
	case "/quote", "/quotes":
		s := e.FindSpeaker(arg)
		if s == nil {
			fmt.Fprintf(w, "No one called %q is quoted in the articles. /speakers lists who is.\n\n", arg)
			return
		}
		quotes := e.SpeakerQuotes(s, "")
		switch {
		// The bot's words for these too (bot/reply.go, quoteReply).
		case len(quotes) == 0 && s.Statements > 0:
			fmt.Fprintf(w, "%s is reported but not quoted directly. Try /summary %s.\n\n", s.Name, s.Name)
			return
		case len(quotes) == 0:
			fmt.Fprintf(w, "%s is mentioned, but the articles do not quote or report them.\n\n", s.Name)
			return
		}
		for _, q := range quotes {
			writeQuoteText(w, q)
		}
	case "/speakers":
		for _, s := range e.Speakers() {
			writeSpeakerText(w, s)
		}
		fmt.Fprintln(w)
	case "/about":
		for _, a := range e.Articles() {
			st := e.Stats(a)
			fmt.Fprintf(w, "%s — %s, %s, %s\n", a.Title, plural(st.Paragraphs, "paragraph"), plural(st.Sentences, "sentence"), plural(st.Quotes, "quote"))
		}
		fmt.Fprintln(w)
	case "/new":
		conv.Reset()
		fmt.Fprintln(w, "New conversation.")
		fmt.Fprintln(w)
	case "/help":
		fmt.Fprint(w, chatHelp)
	default:
		fmt.Fprintf(w, "Unknown command %s.\n%s", cmd, chatHelp)
	}
}

// isTerminal reports whether r is an interactive terminal, to decide
// whether to greet and prompt.
func isTerminal(r any) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
