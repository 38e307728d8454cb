package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestScriptedSession runs the command in-process, the real bot on the
// fake Discord, with a session piped to its standard input: a question, a
// click on its More button and on the More button of that answer, a
// summary, and lines the console answers itself. It checks the
// transcript.
func TestScriptedSession(t *testing.T) {
	t.Parallel()
	script := `# comments and blank lines are skipped

Who said Europe is the first line of defence?
1
3
/summary sentences:2
/quote
/summary 20
9
/nope
/quit
Who said this after /quit?
`
	transcript := runScript(t, nil, strings.NewReader(script))
	// Each step's part of the transcript, from its echo to the next.
	steps := strings.Split(transcript, "\n> ")
	want := []struct {
		name string
		step int
		text string
	}{
		{"question echoed", 0, "> Who said Europe is the first line of defence?\n"},
		{"question answered in public", 0, "\narticlebot:\n  **Donald Trump**\n"},
		{"embed description", 0, "  │ “Europe is the first line of defence”, Trump said"},
		{"embed byline", 0, "  │ — **Donald Trump**, US President\n"},
		{"embed footer", 0, "  └ Trump tells Zelenskyy US will be involved in security guarantees for Ukraine · paragraph 3\n"},
		{"buttons numbered", 0, "  [1] More  [2] Context\n"},
		{"click echoed", 1, "1\n"},
		{"More answers privately", 1, "articlebot (only you can see this):\n  ┌\n  │ "},
		{"More's own buttons numbered on", 1, "  [3] More  [4] Context\n"},
		{"second click echoed", 2, "3\n"},
		{"second click answers privately", 2, "articlebot (only you can see this):\n  ┌\n  │ "},
		{"the last More has only Context", 2, "  [5] Context\n"},
		{"summary echoed", 3, "/summary sentences:2\n"},
		{"summary in public", 3, "\narticlebot:\n"},
		{"summary's embed title", 3, "\n  ┌ Trump tells Zelenskyy US will be involved in security guarantees for Ukraine\n  │ • "},
		{"missing required option", 4, "/quote needs speaker: (Who)\n"},
		{"option over its maximum", 5, "/summary sentences: 20 is more than 10\n"},
		{"no such button", 6, "There is no button [9]; they are numbered [1] to [5].\n"},
		{"no such command", 7, "no command /nope: the bot registered /ask, /summary, /quote, /speakers, /about, /help\n"},
	}
	for _, w := range want {
		if w.step >= len(steps) || !strings.Contains(steps[w.step], w.text) {
			t.Errorf("%s: step %d lacks %q; transcript:\n%s", w.name, w.step, w.text, transcript)
		}
	}
	if n := strings.Count(transcript, "\n  │ • "); n != 2 {
		t.Errorf("/summary sentences:2 printed %d sentences, want 2:\n%s", n, transcript)
	}
	if strings.Contains(transcript, "after /quit") {
		t.Errorf("a line after /quit was read:\n%s", transcript)
	}
}

// TestTour runs the tour the README shows, with -script: every step gets
// the bot's answer.
func TestTour(t *testing.T) {
	t.Parallel()
	transcript := runScript(t, []string{"-script", "testdata/tour.txt"}, strings.NewReader("-script replaces standard input\n"))
	if strings.Contains(transcript, "replaces standard input") {
		t.Errorf("standard input was read:\n%s", transcript)
	}
	steps := strings.Split(transcript, "\n> ")
	if len(steps) != 5 {
		t.Fatalf("got %d steps, want the tour's 5:\n%s", len(steps), transcript)
	}
	for i, want := range []string{"  [1] More  [2] Context\n", "(only you can see this):\n  ┌ ", "┌ Trump tells Zelenskyy", "┌ Maria Zakharova", "I couldn't find that in the article."} {
		if !strings.Contains(steps[i], want) {
			t.Errorf("step %d lacks %q:\n%s", i+1, want, steps[i])
		}
	}
}

// TestSeedsFolder answers from --seeds DIR rather than the embedded
// articles.
func TestSeedsFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	article := "Ministers agree on river plan\n\"The river will be clean by 2030,\" Environment Minister Jane Doe said on Tuesday.\n"
	if err := os.WriteFile(filepath.Join(dir, "river.txt"), []byte(article), 0o600); err != nil {
		t.Fatal(err)
	}
	transcript := runScript(t, []string{"--seeds", dir}, strings.NewReader("Who said the river will be clean?\n/about\n"))
	for _, want := range []string{"  **Jane Doe**\n", "  │ — **Jane Doe**, Environment Minister\n", "  │ **Ministers agree on river plan** — 1 paragraph"} {
		if !strings.Contains(transcript, want) {
			t.Errorf("transcript lacks %q:\n%s", want, transcript)
		}
	}
}

// runScript runs the command with args and stdin and returns what it
// printed; it fails the test if the command fails or warns.
func runScript(t *testing.T, args []string, stdin io.Reader) string {
	t.Helper()
	var out, errw bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := run(ctx, args, stdin, &out, &errw); err != nil {
		t.Fatalf("run: %v\nstderr:\n%s", err, errw.String())
	}
	if errw.Len() > 0 {
		t.Errorf("stderr (warnings and errors only) is not empty:\n%s", errw.String())
	}
	return out.String()
}

// TestInterrupt cancels the context, as Ctrl-C does, while the console
// waits for a line: run must return at once with errInterrupted, which
// exits 130.
func TestInterrupt(t *testing.T) {
	t.Parallel()
	stdin, typing := io.Pipe()
	defer typing.Close()
	out := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- run(ctx, nil, stdin, out, io.Discard) }()

	// Once /about is answered, the console is waiting for the next line.
	if _, err := io.WriteString(typing, "/about\n"); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(out.String(), "┌ Articles loaded") {
		if time.Now().After(deadline) {
			t.Fatalf("no answer to /about:\n%s", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, errInterrupted) {
			t.Fatalf("run returned %v, want errInterrupted", err)
		}
		if code := exitCode(err, io.Discard); code != 130 {
			t.Errorf("exit status %d, want 130", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return after the interrupt")
	}
}

// syncBuffer is a bytes.Buffer that one goroutine writes while another
// reads.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestCommandLine checks the flags and exit statuses that need no bot.
func TestCommandLine(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStderr string
	}{
		{"help", []string{"-h"}, 0, "Usage: fakediscord"},
		{"unknown flag", []string{"--nope"}, 2, "flag provided but not defined: -nope"},
		{"argument", []string{"hello"}, 2, `fakediscord takes no arguments, got ["hello"]`},
		{"missing script", []string{"-script", "/nonexistent/session.txt"}, 1, "fakediscord: cannot read the script: open /nonexistent/session.txt"},
		{"bad seeds folder", []string{"--seeds", "/nonexistent"}, 1, "fakediscord: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			err := run(context.Background(), tt.args, strings.NewReader(""), io.Discard, &stderr)
			if code := exitCode(err, &stderr); code != tt.wantCode {
				t.Errorf("exit status %d, want %d (err %v)", code, tt.wantCode, err)
			}
			if !strings.Contains(stderr.String(), tt.wantStderr) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tt.wantStderr)
			}
		})
	}
}
