package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/articlebot/articlebot/bot/reply"
	"github.com/articlebot/articlebot/qa"
)

const chatHelp = `Ask a question about the article, or type a command:
  /summary [N] [NAME] the article in N sentences (default 3; the newest of
                      several), or what NAME said
  /quote NAME         NAME's quotations
  /speakers           who is quoted
  /about              the articles loaded
  article:WORDS       after /summary, /quote or /speakers: the article whose
                      title has these words ("/summary article:storm")
  /new                start a new conversation (follow-ups refer to the last question)
  /help               this text
  /quit               leave (or Ctrl-D)
`

// chat is an interactive console that answers like the bot does, for
// trying articlebot without Discord.
func chat(ctx context.Context, e *qa.Engine, std stdio) error {
	loaded := time.Now() // the articles were loaded just before
	interactive := isTerminal(std.in)
	w := bufio.NewWriter(std.out)
	if interactive {
		fmt.Fprintf(w, "articlebot: %d article(s) loaded. Type a question, /help for commands.\n", len(e.Articles()))
	}
	lines := newLineReader(std.in)
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
		chatLine(w, e, &conv, line, styleFor(std.out), loaded)
	}
}

// chatLine answers one line of the chat: a question, or a command as the
// bot's slash commands answer it.
func chatLine(w *bufio.Writer, e *qa.Engine, conv *qa.Conversation, line string, style boldStyle, loaded time.Time) {
	if !strings.HasPrefix(line, "/") {
		writeReply(w, reply.Ask(e, conv, line, nil, chatAnswers, time.Now()), style)
		return
	}
	cmd, arg, _ := strings.Cut(line, " ")
	arg, opts := chatOptions(arg)
	var in *qa.Article
	switch cmd {
	case "/summary", "/quote", "/quotes", "/speakers":
		var ok bool
		if in, ok = reply.ChooseArticle(e, opts[articleOpt]); !ok {
			writeReply(w, reply.UnknownArticle(opts[articleOpt], chatPicker), style)
			return
		}
		if note := reply.ArticleNote(e, opts[articleOpt], in, chatPicker); note != "" {
			fmt.Fprintln(w, note)
		}
	}
	switch cmd {
	case "/summary":
		n, name := defaultSentences, arg
		if first, rest, _ := strings.Cut(arg, " "); first != "" && first[0] >= '0' && first[0] <= '9' || strings.HasPrefix(first, "-") {
			v, err := strconv.Atoi(first)
			if err != nil || v < 1 {
				fmt.Fprintf(w, "/summary takes a number of sentences, 1 or more, not %q\n\n", first)
				return
			}
			n, name = v, strings.TrimSpace(rest)
		}
		if opts[speakerOpt] != "" {
			name = opts[speakerOpt]
		}
		writeReply(w, reply.SummaryOf(e, n, name, in, chatPicker), style)
	case "/quote", "/quotes":
		writeReply(w, reply.QuotesOf(e, arg, "", in, chatPicker), style)
	case "/speakers":
		writeReply(w, reply.SpeakersOf(e, in), style)
	case "/about":
		writeReply(w, reply.AboutOf(e, loaded, buildVersion()), style)
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

// The options a chat command takes as the bot's slash commands are
// written, "name:value", which the bot's replies suggest.
const (
	articleOpt = "article:"
	speakerOpt = "speaker:"
)

// chatPicker says how to pick an article in the chat.
var chatPicker = reply.Picker{
	Option:  articleOpt,
	Another: "pick another with /summary article:WORDS",
	Titles:  "/about lists the titles",

	SpeakerSummary: "/summary speaker:%s",
}

// chatOptions splits the words after a chat command into those of its
// options, each running from "name:" to the next option, and the rest:
// "Trump article:storm coast" is "Trump" and article "storm coast".
func chatOptions(arg string) (string, map[string]string) {
	opts := map[string]string{}
	var rest []string
	current := ""
	for _, word := range strings.Fields(arg) {
		for _, name := range []string{articleOpt, speakerOpt} {
			if len(word) >= len(name) && strings.EqualFold(word[:len(name)], name) {
				current, word = name, word[len(name):]
			}
		}
		switch {
		case word == "":
		case current == "":
			rest = append(rest, word)
		default:
			opts[current] = strings.TrimSpace(opts[current] + " " + word)
		}
	}
	return strings.Join(rest, " "), opts
}

// chatAnswers is how many passages the chat quotes, as many as the bot's
// default answers.passages; defaultSentences is /summary's default length,
// the bot's too.
const (
	chatAnswers      = 3
	defaultSentences = 3
)

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
