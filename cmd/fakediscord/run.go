package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/articlebot/articlebot/bot"
	"github.com/articlebot/articlebot/bot/discordtest"
	"github.com/articlebot/articlebot/qa"
	"github.com/articlebot/articlebot/seeds"
)

// Who and where the console user is. Any snowflakes would do.
const (
	token     = "fakediscord-token"
	guildID   = "800000000000000001"
	channelID = "800000000000000002"
	userID    = "700000000000000001"
)

// startTimeout bounds how long the bot may take to connect to the fake
// and register its commands.
const startTimeout = 30 * time.Second

// usageError is a bad command line, already reported by the flag package.
type usageError struct{}

func (usageError) Error() string { return "usage" }

// run starts the fake Discord and the bot, then runs the console on in
// (or on -script FILE) until /quit, end of input or ctx ends.
func run(ctx context.Context, args []string, in io.Reader, out, errw io.Writer) error {
	f := flag.NewFlagSet("fakediscord", flag.ContinueOnError)
	f.SetOutput(errw)
	seedsDir := f.String("seeds", "", "folder `DIR` of *.txt articles, reloaded when they change (default: the embedded articles)")
	script := f.String("script", "", "read the lines from `FILE` instead of standard input")
	verbose := f.Bool("v", false, "write the bot's logs (level info) to standard error; without it, only warnings and errors")
	wait := f.Duration("timeout", 10*time.Second, "how long to wait for each reply")
	f.Usage = func() {
		fmt.Fprintln(errw, "Usage: fakediscord [--seeds DIR] [-script FILE] [-v] [-timeout D]")
		fmt.Fprintln(errw, "Runs articlebot against a fake Discord on this machine; type questions and slash commands.")
		f.PrintDefaults()
	}
	if err := f.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{}
	}
	if f.NArg() > 0 {
		fmt.Fprintf(errw, "fakediscord takes no arguments, got %q\n", f.Args())
		f.Usage()
		return usageError{}
	}
	interactive := *script == "" && isTerminal(in)
	if *script != "" {
		file, err := os.Open(*script)
		if err != nil {
			return fmt.Errorf("cannot read the script: %w", err)
		}
		defer file.Close()
		in = file
	}

	fake := discordtest.NewServer(discordtest.Options{Token: token})
	defer fake.Close() // after the bot has stopped: a bot that loses Discord reconnects forever
	stop, err := startBot(ctx, fake, *seedsDir, *verbose, errw)
	if err != nil {
		return err
	}
	defer stop()

	c := &console{
		Console: discordtest.Console{
			Server:    fake,
			User:      discordtest.User{ID: userID, Username: "you"},
			GuildID:   guildID,
			ChannelID: channelID,
		},
		out:         out,
		interactive: interactive,
		timeout:     *wait,
	}
	return c.run(ctx, in)
}

// startBot runs the bot on fake, as `articlebot serve` runs it on Discord,
// and returns once it is connected and has registered its commands. stop
// stops it and waits until it has.
func startBot(ctx context.Context, fake *discordtest.Server, seedsDir string, verbose bool, logs io.Writer) (stop func(), err error) {
	cfg := bot.DefaultConfig()
	cfg.Discord.Token = bot.Secret(token)
	cfg.Discord.GuildID = guildID // guild commands, as for development
	cfg.Discord.APIBaseURL = fake.URL()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	level := slog.LevelWarn
	if verbose {
		level = slog.LevelInfo
	}
	b := bot.New(cfg, nil, slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: level})))
	load := func() (bot.Engine, error) {
		e, err := loadEngine(seedsDir)
		if err != nil {
			return nil, err // not a nil *qa.Engine in a non-nil Engine
		}
		return e, nil
	}
	if err := b.LoadArticles(load); err != nil {
		return nil, err
	}

	// The bot stops when stop is called, not with ctx: after Ctrl-C the
	// console returns first, then stops the bot before closing the fake.
	botCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	watching, err := b.WatchSeeds(botCtx, seedsDir, load)
	if err != nil {
		cancel()
		return nil, err
	}
	ran := make(chan error, 1)
	go func() { ran <- b.Run(botCtx) }()
	stop = func() {
		cancel()
		<-ran
		<-watching
	}

	// The bot registers its commands once it is connected: then it
	// answers both messages and commands.
	waitCtx, cancelWait := context.WithTimeout(ctx, startTimeout)
	defer cancelWait()
	registered := make(chan error, 1)
	go func() {
		_, err := fake.WaitRequests(waitCtx, 1, discordtest.MatchRoute(discordtest.RouteOverwriteGuildCommands))
		registered <- err
	}()
	select {
	case err := <-ran:
		cancel()
		<-watching
		if err == nil {
			err = errors.New("the bot stopped before it connected")
		}
		return nil, err
	case err := <-registered:
		if err != nil {
			stop()
			if ctx.Err() != nil {
				return nil, errInterrupted
			}
			return nil, fmt.Errorf("the bot did not connect to the fake Discord: %w", err)
		}
	}
	return stop, nil
}

// loadEngine builds the engine from the articles in dir, or from the
// embedded ones when dir is "".
func loadEngine(dir string) (*qa.Engine, error) { return seeds.Engine(dir) }

// isTerminal reports whether r is an interactive terminal, to decide
// whether to greet and prompt or to echo a transcript.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
