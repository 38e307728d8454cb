// Command fakediscord runs the real articlebot against a fake Discord on
// this machine, so it can be tried from a terminal without a Discord
// account:
//
//	go run ./cmd/fakediscord
//	go run ./cmd/fakediscord --seeds DIR
//	go run ./cmd/fakediscord -script session.txt
//
// It starts bot/discordtest's fake Discord (REST API and gateway on one
// loopback port) and the bot, as `articlebot serve` runs it, connected to
// the fake. Each line typed is then what a user does in a guild channel:
//
//   - text is a message that mentions the bot, as @articlebot text;
//   - /ask, /summary, /quote, /speakers, /about and /help run the slash
//     command the bot registered: the words after the name fill its first
//     option, "name:value" the others (/quote Trump topic:Europe);
//   - a button's number, such as 1, or /press 1, clicks it;
//   - /quit, end of input or Ctrl-C (exit status 130) leaves;
//   - blank lines and lines starting with # are skipped.
//
// The bot's replies are printed as text: content, embeds (title,
// description, fields, footer) and buttons, numbered. Without a terminal
// (-script FILE, or piped input) each line is echoed after "> ", so the
// output reads as a transcript.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
)

// errInterrupted is Ctrl-C: exit status 130, as shells expect.
var errInterrupted = errors.New("interrupted")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// exitCode prints err and maps it to the exit status: 130 for Ctrl-C, 2
// for a usage mistake (the flag package printed it), 1 for anything else.
func exitCode(err error, stderr io.Writer) int {
	var usage usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errInterrupted):
		fmt.Fprintln(stderr)
		return 130
	case errors.As(err, &usage):
		return 2
	}
	fmt.Fprintln(stderr, "fakediscord:", err)
	return 1
}
