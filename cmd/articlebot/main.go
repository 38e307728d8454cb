// Command articlebot answers questions about news articles, quoting the
// passages that answer and who said them. It runs as a Discord bot
// (articlebot serve) or from the command line on the articles embedded in
// the binary or in a folder:
//
//	articlebot ask "Who said Europe is the first line of defence?"
//	articlebot quotes --speaker Trump
//	articlebot summary -n 3
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
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// exitCode prints err and maps it to the process's exit status: 2 for a
// usage mistake (the usage has been printed already), 1 for anything else.
func exitCode(err error, stderr io.Writer) int {
	if err == nil || errors.Is(err, errHelp) {
		return 0
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
