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
  /summary [N]        the article in N sentences (default 3)
  /quote NAME         what NAME said
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
	sc := bufio.NewScanner(io.in)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	var conv qa.Conversation
	for {
		if interactive {
			fmt.Fprint(w, "> ")
		}
		if err := w.Flush(); err != nil {
			return err
		}
		if ctx.Err() != nil || !sc.Scan() {
			break
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if line == "/quit" || line == "/exit" {
			break
		}
		chatLine(w, e, &conv, line, styleFor(io.out))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("cannot read the console: %w", err)
	}
	return w.Flush()
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
		n := 3
		if arg != "" {
			v, err := strconv.Atoi(arg)
			if err != nil || v < 1 {
				fmt.Fprintf(w, "/summary takes a number of sentences, 1 or more, not %q\n\n", arg)
				return
			}
			n = v
		}
		for _, a := range e.Articles() {
			sents, _ := e.Summary(a, n) // n ≥ 1 was checked
			writeSummaryText(w, a.Title, sents)
		}
	case "/quote", "/quotes":
		s := e.FindSpeaker(arg)
		if s == nil {
			fmt.Fprintf(w, "No one called %q is quoted. /speakers lists who is.\n\n", arg)
			return
		}
		for _, q := range e.Quotes() {
			if q.Speaker == s {
				writeQuoteText(w, q)
			}
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
