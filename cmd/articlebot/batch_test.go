package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestAnswerAllKeepsOrder answers questions that take different times on
// several workers: the answers come out in the order of the questions,
// blank lines skipped.
func TestAnswerAllKeepsOrder(t *testing.T) {
	var in strings.Builder
	for i := range 200 {
		fmt.Fprintf(&in, "q%d\n", i)
		if i%7 == 0 {
			in.WriteString("   \n")
		}
	}
	var out bytes.Buffer
	w := bufio.NewWriter(&out)
	err := answerAll(context.Background(), strings.NewReader(in.String()), w, 4, func(w io.Writer, q string) {
		if strings.HasSuffix(q, "3") {
			time.Sleep(time.Millisecond) // a slow question must not reorder the answers
		}
		fmt.Fprintf(w, "a(%s)\n", q)
	})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 200 {
		t.Fatalf("got %d answers, want 200", len(lines))
	}
	for i, l := range lines {
		if want := fmt.Sprintf("a(q%d)", i); l != want {
			t.Fatalf("answer %d: got %q, want %q", i, l, want)
		}
	}
}

// failingWriter fails every write, as a closed pipe does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

// TestAnswerAllStopsOnWriteError stops reading and answering questions
// once the output cannot be written, and says why.
func TestAnswerAllStopsOnWriteError(t *testing.T) {
	const questions = 10000
	in := strings.Repeat("q\n", questions)
	var answered atomic.Int64
	err := answerAll(context.Background(), strings.NewReader(in), bufio.NewWriter(failingWriter{}), 4, func(w io.Writer, q string) {
		answered.Add(1)
		fmt.Fprintf(w, "a(%s)\n", q)
	})
	if err == nil || err.Error() != "broken pipe" {
		t.Fatalf("got error %v, want broken pipe", err)
	}
	if n := answered.Load(); n >= questions/2 {
		t.Errorf("answered %d of %d questions after the output failed, want it to stop", n, questions)
	}
}
