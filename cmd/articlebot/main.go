// Command articlebot answers questions about news articles, quoting the
// passages that answer and who said them. It runs as a Discord bot
// (articlebot serve) or from the command line on the articles embedded in
// the binary or in a folder:
//
//	articlebot ask "Who said Europe is the first line of defence?"
//	articlebot quotes --speaker Trump
//	articlebot summary -n 3 --article "harbour fees"
//	articlebot articles
//	articlebot speakers
//	articlebot chat
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
)

func main() {
	// SIGINT or SIGTERM: a command that watches its context (serve, which
	// drains and exits 0; chat and ask waiting for a line, which stop at
	// once) is told through it, the signal as the cause; any other command
	// has nothing to finish and exits at once, with the shell's status for
	// the signal (130 for Ctrl-C). A second signal always exits.
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		for n := 0; ; n++ {
			s, ok := <-sigs
			if !ok {
				return
			}
			sig := s.(syscall.Signal)
			if n > 0 || !watching.Load() {
				os.Exit(128 + int(sig))
			}
			cancel(interrupted{sig})
		}
	}()
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	signal.Stop(sigs)
	close(sigs)
	os.Exit(exitCode(err, os.Stderr))
}

// watching is set by a command that watches its context for a signal.
var watching atomic.Bool

// interrupted is a command stopped by a signal before it was done.
type interrupted struct{ sig syscall.Signal }

func (e interrupted) Error() string { return "interrupted by " + e.sig.String() }

// stopped returns the error a command that reads input until ctx is done
// returns when it stops early: the signal that cancelled ctx, if any.
func stopped(ctx context.Context) error {
	var sig interrupted
	if errors.As(context.Cause(ctx), &sig) {
		return sig
	}
	return ctx.Err()
}

// exitCode prints err and maps it to the process's exit status: 2 for a
// usage mistake (the usage has been printed already), 128 plus the signal
// for a command a signal stopped (nothing printed: the user knows), 1 for
// anything else.
func exitCode(err error, stderr io.Writer) int {
	if err == nil || errors.Is(err, errHelp) {
		return 0
	}
	var sig interrupted
	if errors.As(err, &sig) {
		return 128 + int(sig.sig)
	}
	var usage usageError
	if errors.As(err, &usage) {
		if usage.msg != "" {
			fmt.Fprintln(stderr, "articlebot:", usage.msg)
		}
		return 2
	}
	fmt.Fprintln(stderr, "articlebot:", err)
	return 1
}
