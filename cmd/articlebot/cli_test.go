package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The command line as a newcomer meets it, run as the built binary.

var built struct {
	once sync.Once
	dir  string
	bin  string
	err  error
}

// binary builds articlebot once for the package's tests; TestMain removes
// it.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	built.once.Do(func() {
		built.dir, built.err = os.MkdirTemp("", "articlebot-cli")
		if built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "articlebot")
		if out, err := exec.Command("go", "build", "-o", built.bin, ".").CombinedOutput(); err != nil {
			built.err = errors.New("go build: " + err.Error() + "\n" + string(out))
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.bin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// runBinary runs the binary with args and stdin, and returns its exit
// status and output.
func runBinary(t *testing.T, stdin string, env []string, args ...string) (int, string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary(t), args...)
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append(os.Environ(), env...)
	var out, errw bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errw
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return exit.ExitCode(), out.String(), errw.String()
	case err != nil:
		t.Fatal(err)
	}
	return 0, out.String(), errw.String()
}

func TestCLI(t *testing.T) {
	storm := writeSeeds(t, map[string]string{"storm.txt": "Storm hits the coast\nThe storm destroyed six houses on Tuesday, the mayor said.\n"})
	file := filepath.Join(storm, "storm.txt")
	tests := []struct {
		name     string
		args     []string
		stdin    string
		env      []string
		code     int
		stdout   string // substring
		stderr   string // substring
		noStdout string // must not be in stdout
	}{
		// Flags anywhere on the line.
		{name: "flags after the question", args: []string{"ask", "--json", "-k", "1", "How many houses did the storm destroy?", "--seeds", storm},
			stdout: `{"question":"How many houses did the storm destroy?","answers":[{"text":"The storm destroyed six houses`},
		{name: "-k after the question", args: []string{"ask", "Who said Europe is the first line of defence?", "-k", "1"},
			stdout: "— Donald Trump", noStdout: "2. "},
		{name: "words after -- are the question", args: []string{"ask", "--json", "--", "What", "is", "-k?"}, stdout: `"question":"What is -k?"`},
		{name: "a bad flag after the question", args: []string{"ask", "Who is Trump?", "--nope"}, code: 2, stderr: "flag provided but not defined: -nope"},
		// Extra words.
		{name: "quotes NAME", args: []string{"quotes", "Zakharova"}, stdout: "— Maria Zakharova", noStdout: "Donald Trump"},
		{name: "quotes a speaker twice", args: []string{"quotes", "--speaker", "Trump", "Zakharova"}, code: 2, stderr: "a speaker twice"},
		{name: "summary NAME", args: []string{"summary", "-n", "1", "Zelenskyy"}, stdout: "Volodymyr Zelenskyy, Ukrainian president\n  • "},
		{name: "speakers takes no words", args: []string{"speakers", "extra"}, code: 2, stderr: `speakers takes no arguments (got "extra")`},
		{name: "version takes no words", args: []string{"version", "extra"}, code: 2, stderr: "version takes no arguments"},
		// Misspelt speakers.
		{name: "a misspelt speaker", args: []string{"quotes", "--speaker", "Zelensky"}, stdout: "— Volodymyr Zelenskyy"},
		{name: "chat's /quote misspelt", args: []string{"chat"}, stdin: "/quote Zacharova\n", stdout: "— Maria Zakharova"},
		{name: "chat's /quote of someone reported only", args: []string{"chat"}, stdin: "/quote Putin\n", stdout: "Vladimir Putin is mentioned, but the articles do not quote or report them."},
		{name: "chat's /summary of a speaker", args: []string{"chat"}, stdin: "/summary 1 Zelenskyy\n", stdout: "Volodymyr Zelenskyy, Ukrainian president\n  • "},
		{name: "chat's /summary speaker:, as the bot's replies suggest", args: []string{"chat"}, stdin: "/summary 1 speaker:Zelenskyy\n", stdout: "Volodymyr Zelenskyy, Ukrainian president\n  • "},
		{name: "chat's /about, as the bot's", args: []string{"chat"}, stdin: "/about\n", stdout: "18 quotes\nLoaded "},
		{name: "chat's follow-up with nothing to follow", args: []string{"chat"}, stdin: "What else did he say?\n", stdout: "I'm not sure who or what you mean: ask again with a name or a topic\n\n"},
		{name: "a question too long", args: []string{"ask", strings.Repeat("why ", 300)}, code: 2, stderr: "the question is too long: keep it under 1,000 characters"},
		// Version and help.
		{name: "version", args: []string{"version"}, stdout: "articlebot "},
		{name: "--version", args: []string{"--version"}, stdout: "articles "},
		{name: "help ask", args: []string{"help", "ask"}, stdout: "Usage: articlebot ask", noStdout: "articlebot answers questions about news articles."},
		{name: "help of no command", args: []string{"help", "nope"}, code: 2, stderr: `no command "nope" to help with`},
		// Input mistakes.
		{name: "seeds is a file", args: []string{"ask", "--seeds", file, "x"}, code: 1, stderr: file + " is a file; give the folder that holds the articles"},
		{name: "a question of no words", args: []string{"ask", "🤔🤔"}, code: 2, stderr: "the question has no words to search for"},
		{name: "quotes say how they are credited", args: []string{"quotes", "Zakharova"}, stdout: "Maria Zakharova, Russia’s foreign ministry spokesperson (explicit)"},
		// NO_COLOR (output to a pipe is Markdown either way; see TestBoldStyle).
		{name: "NO_COLOR", args: []string{"ask", "-k", "1", "Who said Europe is the first line of defence?"}, env: []string{"NO_COLOR=1"}, stdout: "**Donald Trump**", noStdout: "\x1b["},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runBinary(t, tt.stdin, tt.env, tt.args...)
			if code != tt.code {
				t.Fatalf("exit status %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, errOut)
			}
			if !strings.Contains(out, tt.stdout) {
				t.Errorf("stdout %q does not contain %q", out, tt.stdout)
			}
			if !strings.Contains(errOut, tt.stderr) {
				t.Errorf("stderr %q does not contain %q", errOut, tt.stderr)
			}
			if tt.noStdout != "" && strings.Contains(out, tt.noStdout) {
				t.Errorf("stdout %q contains %q", out, tt.noStdout)
			}
		})
	}
}

// TestCLIInterrupt: Ctrl-C while a command waits for a line ends it at
// once with status 130, as shells expect.
func TestCLIInterrupt(t *testing.T) {
	for _, args := range [][]string{{"chat"}, {"ask"}, {"ask", "--follow"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			cmd := exec.Command(binary(t), args...)
			stdin, err := cmd.StdinPipe() // kept open: the command waits for a line
			if err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			var out lockedBuffer
			cmd.Stdout = &out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			if _, err := stdin.Write([]byte("Who said Europe is the first line of defence?\n")); err != nil {
				t.Fatal(err)
			}
			// Once it has answered the first line, it waits for the next.
			deadline := time.Now().Add(10 * time.Second)
			for !strings.Contains(out.String(), "Donald Trump") {
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatalf("no answer in 10 s: %q", out.String())
				}
				time.Sleep(20 * time.Millisecond)
			}
			if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				var exit *exec.ExitError
				if !errors.As(err, &exit) || exit.ExitCode() != 130 {
					t.Errorf("after SIGINT: %v, want exit status 130", err)
				}
			case <-time.After(5 * time.Second):
				cmd.Process.Kill()
				t.Fatal("still running 5 s after SIGINT")
			}
		})
	}
}

// A lockedBuffer is a buffer a process writes to while a test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestCLIInterruptLoading: Ctrl-C while a command reads a large folder of
// articles, before it has anything to answer, ends it at once with 130
// too, rather than being ignored until it is done.
func TestCLIInterruptLoading(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	paragraph := strings.Repeat("The minister said the plan would cost more than expected. ", 40) + "\n"
	for i := range 400 {
		body := fmt.Sprintf("Article %d\n%s", i, strings.Repeat(paragraph, 8))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%03d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(bin, "ask", "--seeds", dir, "What did the minister say?")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond)
	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 130 {
		t.Errorf("after SIGINT: %v, want exit status 130", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("exited %v after SIGINT, want at once", d)
	}
}

func TestBoldStyle(t *testing.T) {
	tests := []struct {
		terminal bool
		noColor  string
		want     boldStyle
	}{
		{true, "", ansiBold},
		{true, "1", markdownBold},
		{false, "", markdownBold},
		{false, "1", markdownBold},
	}
	for _, tt := range tests {
		if got := pickStyle(tt.terminal, tt.noColor); got != tt.want {
			t.Errorf("pickStyle(%v, %q) = %q, want %q", tt.terminal, tt.noColor, got, tt.want)
		}
	}
}

// TestVersionLine checks the shape of the version: the build's line, then
// the articles'.
func TestVersionLine(t *testing.T) {
	_, out, _ := runBinary(t, "", nil, "version")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "articlebot ") || !strings.Contains(lines[0], ", go1.") ||
		!strings.HasPrefix(lines[1], "articles ") || !strings.Contains(lines[1], "(1 article, embedded)") {
		t.Errorf("version printed:\n%s", out)
	}
}
