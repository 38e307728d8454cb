package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
)

// maxLine is the longest line of input read: a question is at most 1,000
// characters, and a longer line is an error, not a hang.
const maxLine = 1024 * 1024

// A lineReader hands out the lines of an input as they come. It reads on a
// goroutine of its own, so that a command waiting for the next line can
// stop when its context is done: a read from a terminal cannot be
// interrupted, and Ctrl-C must end the command at once.
type lineReader struct {
	lines chan string
	err   error // after lines is closed: why reading stopped, nil at the end of the input
}

func newLineReader(r io.Reader) *lineReader {
	watching.Store(true) // a signal ends the wait for a line
	lr := &lineReader{lines: make(chan string)}
	go func() {
		defer close(lr.lines)
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64*1024), maxLine)
		for sc.Scan() {
			lr.lines <- sc.Text()
		}
		if err := sc.Err(); err != nil {
			lr.err = fmt.Errorf("cannot read the input: %w", err)
		}
	}()
	return lr
}

// next returns the next line; at the end of the input, ok is false and err
// says why reading stopped (nil at the end of the input), and when ctx is
// done first, err is the signal that stopped the command.
func (lr *lineReader) next(ctx context.Context) (line string, ok bool, err error) {
	select {
	case <-ctx.Done():
		return "", false, stopped(ctx)
	case line, ok := <-lr.lines:
		if !ok {
			return "", false, lr.err
		}
		return line, true, nil
	}
}
