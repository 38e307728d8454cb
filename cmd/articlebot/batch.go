package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"strings"
	"sync"
)

// answerAll answers every non-blank line of in with answer, on workers
// goroutines, and writes the answers to w in the order of the questions.
// Each answer is written as soon as those before it are, and w is flushed
// whenever no further answer is ready, so a person typing questions sees
// each answer at once while a file of questions uses every core. When ctx
// is done it stops at once, with the signal that stopped it; when w fails,
// it stops reading and answering, and returns the write error.
func answerAll(ctx context.Context, in io.Reader, w *bufio.Writer, workers int, answer func(w io.Writer, q string)) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		seq int
		q   string
	}
	type result struct {
		seq int
		out []byte
	}
	jobs := make(chan job, 2*workers)
	results := make(chan result, 2*workers)
	var readErr error
	lines := newLineReader(in)
	go func() {
		defer close(jobs)
		for seq := 0; ; {
			line, ok, err := lines.next(ctx)
			if !ok {
				readErr = err // read by the writer after results is closed
				return
			}
			if q := strings.TrimSpace(line); q != "" {
				jobs <- job{seq, q}
				seq++
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if ctx.Err() != nil {
					continue // stopped: the rest would not be written
				}
				var b bytes.Buffer
				answer(&b, j.q)
				results <- result{j.seq, b.Bytes()}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	pending := make(map[int][]byte)
	next := 0
	var writeErr error
	for r := range results {
		pending[r.seq] = r.out
		for out, ok := pending[next]; ok; out, ok = pending[next] {
			if writeErr == nil {
				_, writeErr = w.Write(out)
			}
			delete(pending, next)
			next++
		}
		if len(pending) == 0 && writeErr == nil {
			writeErr = w.Flush()
		}
		if writeErr != nil {
			cancel() // nothing more can be written: stop reading and answering
		}
	}
	if writeErr != nil {
		return writeErr
	}
	if readErr != nil {
		return readErr
	}
	return w.Flush()
}
