package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/articlebot/articlebot/bot/reply"
	"github.com/articlebot/articlebot/qa"
	"github.com/articlebot/articlebot/seeds"
)

const usageText = `articlebot answers questions about news articles.

Usage:
  articlebot ask [--seeds DIR] [--json] [--follow] [--explain] [-k N] [--article WORDS] [QUESTION]
  articlebot quotes [--seeds DIR] [--json] [--article WORDS] [--speaker NAME | NAME]
  articlebot summary [--seeds DIR] [--json] [-n N] [--article WORDS] [--speaker NAME | NAME]
  articlebot speakers [--seeds DIR] [--json] [--article WORDS]
  articlebot articles [--seeds DIR] [--json]
  articlebot chat [--seeds DIR]
  articlebot serve [--config FILE]
  articlebot version [--seeds DIR]
  articlebot help [COMMAND]

Without --seeds the articles embedded in the binary are used; with it, every
*.txt file in DIR (title on the first line, one paragraph a line).
With no QUESTION, ask reads questions from standard input, one a line.
--article keeps a command to one article: the one of that file name or
title, else the newest whose title or file name has those words ('articlebot articles'
lists the titles, newest first). Without it, summary summarises the newest.
Flags may come before or after the other words; after "--" every word is
a word. Run 'articlebot help COMMAND' for a command's flags.
`

// commands are the subcommands, for "help COMMAND".
var commands = map[string]bool{"ask": true, "quotes": true, "summary": true, "speakers": true, "articles": true,
	"chat": true, "serve": true, "version": true}

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// errHelp is -h or --help: the usage is printed and the exit status is 0.
var errHelp = flag.ErrHelp

// stdio is where a command reads and writes.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

// run dispatches to a subcommand.
func run(ctx context.Context, args []string, in io.Reader, out, errw io.Writer) error {
	std := stdio{in, out, errw}
	if len(args) == 0 {
		fmt.Fprint(errw, usageText)
		return usageError{}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "ask":
		return runAsk(ctx, rest, std)
	case "quotes":
		return runQuotes(rest, std)
	case "summary":
		return runSummary(rest, std)
	case "speakers":
		return runSpeakers(rest, std)
	case "articles":
		return runArticles(rest, std)
	case "chat":
		return runChat(ctx, rest, std)
	case "serve":
		return runServe(ctx, rest, std)
	case "version", "--version", "-version":
		return runVersion(rest, std)
	case "help", "-h", "--help", "-help":
		if len(rest) == 1 && commands[rest[0]] {
			// "help ask" is "ask -h", on standard output: asked for.
			return run(ctx, []string{rest[0], "-h"}, in, out, out)
		}
		if len(rest) > 0 {
			fmt.Fprint(errw, usageText)
			return usageError{fmt.Sprintf("no command %q to help with", strings.Join(rest, " "))}
		}
		fmt.Fprint(out, usageText)
		return nil
	}
	fmt.Fprint(errw, usageText)
	return usageError{fmt.Sprintf("unknown command %q", cmd)}
}

// commandFlags is a flag set for one subcommand with the flags they share.
type commandFlags struct {
	*flag.FlagSet
	seeds    string
	jsonOut  bool
	article  string // --article: words of the title of the one article to use
	synopsis string
	args     []string // the words that are not flags, in order
}

func newFlags(name, synopsis string, std stdio) *commandFlags {
	f := &commandFlags{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), synopsis: synopsis}
	f.SetOutput(std.err)
	f.Usage = func() {
		fmt.Fprintf(std.err, "Usage: articlebot %s %s\n", name, synopsis)
		f.PrintDefaults()
	}
	f.StringVar(&f.seeds, "seeds", "", "folder of *.txt articles (default: the embedded articles)")
	return f
}

func (f *commandFlags) withJSON() *commandFlags {
	f.BoolVar(&f.jsonOut, "json", false, "write JSON, one object a line")
	return f
}

// withArticle adds --article, with what it does for this command.
func (f *commandFlags) withArticle(what string) *commandFlags {
	f.StringVar(&f.article, "article", "", what+": the one with this title, else the newest whose title has these `WORDS` ('articlebot articles' lists them)")
	return f
}

// cliPicker says how to pick an article on the command line.
var cliPicker = reply.Picker{
	Option:  "--article ",
	Another: "pick another with --article and words of its title ('articlebot articles' lists them)",
	Titles:  "'articlebot articles' lists the titles",

	SpeakerSummary: "'articlebot summary %s'",
}

// chosenArticle returns the article --article names, nil without it; an
// --article that names none is a usage error.
func (f *commandFlags) chosenArticle(e *qa.Engine) (*qa.Article, error) {
	a, ok := reply.ChooseArticle(e, f.article)
	if !ok {
		return nil, usageError{reply.UnknownArticle(f.article, cliPicker).Text}
	}
	if note := reply.ArticleNote(e, f.article, a, cliPicker); note != "" {
		fmt.Fprintf(f.Output(), "articlebot: %s\n", note)
	}
	return a, nil
}

// parse parses args, flags anywhere among the other words as most command
// lines allow ("ask "How many?" -k 1"), every word after "--" a word; and
// maps flag errors to usage errors.
func (f *commandFlags) parse(args []string) error {
	rest := args
	var after []string
	if i := slices.Index(args, "--"); i >= 0 {
		rest, after = args[:i], args[i+1:]
	}
	for {
		if err := f.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return errHelp
			}
			return usageError{} // the flag package has printed the problem and the usage
		}
		rest = f.FlagSet.Args()
		if len(rest) == 0 {
			break
		}
		f.args = append(f.args, rest[0])
		rest = rest[1:]
	}
	f.args = append(f.args, after...)
	return nil
}

// Args returns the words of the command line that are not flags.
func (f *commandFlags) Args() []string { return f.args }

// NArg returns how many words of the command line are not flags.
func (f *commandFlags) NArg() int { return len(f.args) }

// speakerArg reads the words that are not flags as the speaker's name
// ("quotes Trump" is "quotes --speaker Trump"); both at once are refused.
func (f *commandFlags) speakerArg(speaker *string) error {
	if f.NArg() == 0 {
		return nil
	}
	if *speaker != "" {
		f.Usage()
		return usageError{fmt.Sprintf("a speaker twice: --speaker %q and %q", *speaker, strings.Join(f.Args(), " "))}
	}
	*speaker = strings.Join(f.Args(), " ")
	return nil
}

// noArgs refuses words that are not flags, for a command that takes none.
func (f *commandFlags) noArgs(name, hint string) error {
	if f.NArg() == 0 {
		return nil
	}
	f.Usage()
	return usageError{fmt.Sprintf("%s takes no arguments (got %q)%s", name, strings.Join(f.Args(), " "), hint)}
}

// engine loads the articles: from --seeds, or the embedded ones.
func (f *commandFlags) engine() (*qa.Engine, error) { return loadEngine(f.seeds) }

// loadEngine builds the engine from the articles in dir, or from the
// embedded ones when dir is "".
func loadEngine(dir string) (*qa.Engine, error) { return seeds.Engine(dir) }

// answerJSON is the fixed shape of one answer in `ask --json`.
type answerJSON struct {
	Text      string  `json:"text"`
	Highlight string  `json:"highlight"`
	Speaker   string  `json:"speaker"`
	Role      string  `json:"role"`
	Article   string  `json:"article"`
	Paragraph int     `json:"paragraph"`
	Score     float64 `json:"score"`
}

type askJSON struct {
	Question string       `json:"question"`
	Answers  []answerJSON `json:"answers"`
	Error    string       `json:"error,omitempty"`
	Explain  *explainJSON `json:"explain,omitempty"`
}

func runAsk(ctx context.Context, args []string, std stdio) error {
	f := newFlags("ask", "[--seeds DIR] [--json] [--follow] [--explain] [-k N] [--article WORDS] [QUESTION]", std).withJSON().withArticle("answer from this article only")
	k := f.Int("k", 3, "answers per question")
	follow := f.Bool("follow", false, "read stdin as a conversation: follow-ups refer to the question before; a blank line starts anew")
	explain := f.Bool("explain", false, "show why: what each feature added to every answer's score, and what decided to answer or decline")
	if err := f.parse(args); err != nil {
		return err
	}
	if *k < 1 {
		f.Usage()
		return usageError{"-k must be at least 1"}
	}
	oneShot := f.NArg() > 0
	question := strings.Join(f.Args(), " ")
	if oneShot && strings.TrimSpace(question) == "" {
		return usageError{reply.QuestionNotice(qa.ErrEmptyQuestion).Text}
	}
	e, err := f.engine()
	if err != nil {
		return err
	}
	in, err := f.chosenArticle(e)
	if err != nil {
		return err
	}
	style := styleFor(std.out)
	// render writes a question's answers; parsed is the question as the
	// engine read it, for --explain.
	render := func(w io.Writer, q string, answers []qa.Answer, err error, parsed *qa.Question) {
		var x *qa.Explanation
		if *explain && err == nil {
			x = e.Explain(parsed, *k)
		}
		if f.jsonOut {
			writeAskJSON(w, q, answers, err, x)
			return
		}
		writeReply(w, reply.Answered(e, answers, err, in), style)
		if x != nil {
			writeExplainText(w, x)
		}
	}
	ask := func(txt string) (*qa.Question, []qa.Answer, error) {
		q, err := e.ParseQuestion(txt)
		if err != nil {
			return nil, nil, err
		}
		q.Within(in)
		return q, e.Answer(q, *k), nil
	}
	w := bufio.NewWriter(std.out)
	if oneShot {
		q, answers, err := ask(question)
		if err != nil {
			return usageError{reply.QuestionNotice(err).Text}
		}
		render(w, question, answers, nil, q)
		return w.Flush()
	}
	if !*follow {
		// Questions that do not follow one another are answered on every
		// core, and written in the order they came.
		return answerAll(ctx, std.in, w, runtime.GOMAXPROCS(0), func(w io.Writer, txt string) {
			q, answers, err := ask(txt)
			render(w, txt, answers, err, q)
		})
	}
	var conv qa.Conversation
	lines := newLineReader(std.in)
	for {
		line, ok, err := lines.next(ctx)
		if !ok {
			return err
		}
		line = strings.TrimSpace(line)
		if line == "" {
			conv.Reset() // a blank line starts a new conversation
			continue
		}
		q, err := e.ParseQuestion(line)
		var answers []qa.Answer
		if err == nil {
			q.Within(in)
			answers, err = e.FollowQuestion(&conv, q, *k, time.Now())
		}
		render(w, line, answers, err, conv.Last())
		if err := w.Flush(); err != nil {
			return err
		}
	}
}

func writeAskJSON(w io.Writer, q string, answers []qa.Answer, qerr error, x *qa.Explanation) {
	out := askJSON{Question: q, Answers: []answerJSON{}}
	if qerr != nil {
		out.Error = reply.QuestionNotice(qerr).Text
	}
	for _, a := range answers {
		out.Answers = append(out.Answers, answerOf(a))
	}
	if x != nil {
		out.Explain = explainOf(x)
	}
	writeJSON(w, out)
}

func answerOf(a qa.Answer) answerJSON {
	return answerJSON{a.Text, a.Highlight, a.Speaker, a.Role, a.Article, a.Paragraph, a.Score}
}

func writeJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v) // writes to a bufio.Writer; its error surfaces at Flush
}

type quoteJSON struct {
	Quote     string `json:"quote"`
	Speaker   string `json:"speaker"`
	Role      string `json:"role"`
	Kind      string `json:"kind"` // the speaker's: person, organisation, document, unnamed; "" for none
	How       string `json:"how"`
	Article   string `json:"article"`
	Paragraph int    `json:"paragraph"`
}

func runQuotes(args []string, std stdio) error {
	f := newFlags("quotes", "[--seeds DIR] [--json] [--article WORDS] [--speaker NAME | NAME]", std).withJSON().withArticle("only this article's quotations")
	speaker := f.String("speaker", "", "only this speaker's quotations (full name or surname)")
	if err := f.parse(args); err != nil {
		return err
	}
	if err := f.speakerArg(speaker); err != nil {
		return err
	}
	e, err := f.engine()
	if err != nil {
		return err
	}
	in, err := f.chosenArticle(e)
	if err != nil {
		return err
	}
	var only *qa.Speaker
	if *speaker != "" {
		if only = e.FindSpeaker(*speaker); only == nil {
			return fmt.Errorf("no speaker called %q in the articles (try 'articlebot speakers')", *speaker)
		}
		// Someone with nothing quoted is told why, as the bot tells it.
		if n, ok := reply.QuotesOf(e, *speaker, "", in, cliPicker).(reply.Notice); ok {
			return errors.New(n.Text)
		}
	}
	list := reply.Quotes{Speaker: only}
	for _, q := range e.Quotes() {
		if (only == nil || q.Speaker == only) && (in == nil || q.Article == in) {
			list.Quotes = append(list.Quotes, q)
		}
	}
	w := bufio.NewWriter(std.out)
	if !f.jsonOut {
		// A person reads a quotation whole; --json lists it by sentence,
		// each with its own credit.
		list.Quotes = qa.WholeQuotations(list.Quotes)
		writeReply(w, list, markdownBold)
		return w.Flush()
	}
	for _, q := range list.Quotes {
		name, role, kind := "", "", ""
		if q.Speaker != nil {
			name, role, kind = q.Speaker.Name, q.Speaker.Role, q.Speaker.Kind.String()
		}
		writeJSON(w, quoteJSON{q.Text, name, role, kind, q.How.String(), q.Article.Title, q.Paragraph})
	}
	return w.Flush()
}

type summaryJSON struct {
	Article   string   `json:"article,omitempty"`
	Speaker   string   `json:"speaker,omitempty"`
	Role      string   `json:"role,omitempty"`
	Sentences []string `json:"sentences"`
}

func runSummary(args []string, std stdio) error {
	f := newFlags("summary", "[--seeds DIR] [--json] [-n N] [--article WORDS] [--speaker NAME | NAME]", std).withJSON().
		withArticle("summarise this article (default: the newest)")
	n := f.Int("n", 3, "sentences in the summary")
	speaker := f.String("speaker", "", "summarise what this speaker said instead")
	if err := f.parse(args); err != nil {
		return err
	}
	if err := f.speakerArg(speaker); err != nil {
		return err
	}
	if *n < 1 {
		return usageError{fmt.Sprintf("-n %d: %v", *n, qa.ErrSummaryLength)}
	}
	e, err := f.engine()
	if err != nil {
		return err
	}
	in, err := f.chosenArticle(e)
	if err != nil {
		return err
	}
	var who *qa.Speaker
	if *speaker != "" {
		if who = e.FindSpeaker(*speaker); who == nil {
			return fmt.Errorf("no speaker called %q in the articles (try 'articlebot speakers')", *speaker)
		}
	}
	r := reply.SummaryOf(e, *n, *speaker, in, cliPicker)
	sum, ok := r.(reply.Summary)
	switch notice, _ := r.(reply.Notice); {
	case ok:
	case who != nil: // an error line, as Go's are: no full stop
		return errors.New(strings.TrimSuffix(notice.Text, "."))
	default:
		return fmt.Errorf("cannot summarise: %s", notice.Text)
	}
	w := bufio.NewWriter(std.out)
	if !f.jsonOut {
		writeReply(w, sum, markdownBold)
		return w.Flush()
	}
	if sum.Note != "" {
		// Standard output stays one object a line; the article is in it.
		fmt.Fprintln(std.err, sum.Note)
	}
	for _, sec := range sum.Sections {
		if who != nil {
			writeJSON(w, summaryJSON{Speaker: who.Name, Role: who.Role, Sentences: nonNil(sec.Lines)})
		} else {
			writeJSON(w, summaryJSON{Article: sec.Title, Sentences: nonNil(sec.Lines)})
		}
	}
	return w.Flush()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

type speakerJSON struct {
	Speaker    string `json:"speaker"`
	Role       string `json:"role"`
	Kind       string `json:"kind"` // person, organisation, document or unnamed
	Quotes     int    `json:"quotes"`
	Statements int    `json:"statements"`
}

func runSpeakers(args []string, std stdio) error {
	f := newFlags("speakers", "[--seeds DIR] [--json] [--article WORDS]", std).withJSON().
		withArticle("only those this article quotes or reports, with their counts in it")
	if err := f.parse(args); err != nil {
		return err
	}
	if err := f.noArgs("speakers", ""); err != nil {
		return err
	}
	e, err := f.engine()
	if err != nil {
		return err
	}
	in, err := f.chosenArticle(e)
	if err != nil {
		return err
	}
	speakers := e.Speakers()
	if in != nil {
		speakers = e.SpeakersIn(in)
	}
	w := bufio.NewWriter(std.out)
	for _, s := range speakers {
		if f.jsonOut {
			writeJSON(w, speakerJSON{s.Name, s.Role, s.Kind.String(), s.Quotes, s.Statements})
			continue
		}
		writeSpeakerText(w, s)
	}
	return w.Flush()
}

type articleJSON struct {
	Title    string    `json:"title"`
	File     string    `json:"file"`
	Modified time.Time `json:"modified,omitzero"` // the file's time; none for the embedded articles
}

func runArticles(args []string, std stdio) error {
	f := newFlags("articles", "[--seeds DIR] [--json]", std).withJSON()
	if err := f.parse(args); err != nil {
		return err
	}
	if err := f.noArgs("articles", ""); err != nil {
		return err
	}
	e, err := f.engine()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(std.out)
	for _, a := range e.ArticlesByNewest() {
		if f.jsonOut {
			writeJSON(w, articleJSON{a.Title, a.Name, a.Modified.UTC()})
			continue
		}
		fmt.Fprintln(w, a.Title)
	}
	return w.Flush()
}

func runChat(ctx context.Context, args []string, std stdio) error {
	f := newFlags("chat", "[--seeds DIR]", std)
	if err := f.parse(args); err != nil {
		return err
	}
	if err := f.noArgs("chat", ": type questions at its prompt"); err != nil {
		return err
	}
	e, err := f.engine()
	if err != nil {
		return err
	}
	return chat(ctx, e, std)
}
