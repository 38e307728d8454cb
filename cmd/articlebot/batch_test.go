package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
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
