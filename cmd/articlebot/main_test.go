package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the command line in-process and returns its exit status,
// standard output and standard error.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errw bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &out, &errw)
	code := exitCode(err, &errw)
	return code, out.String(), errw.String()
}

func writeSeeds(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCommands(t *testing.T) {
	good := writeSeeds(t, map[string]string{
		"a.txt": "Leaders agree on a ceasefire\n\"This is a good day for peace,\" UN chief Ana Ruiz said in Geneva.\n",
		"b.txt": "Storm hits the coast\nThe storm destroyed six houses on Tuesday, the mayor said.\n",
	})
	bad := writeSeeds(t, map[string]string{"broken.txt": "Title\nok\nbad \xff\n"})
	empty := t.TempDir()
	tests := []struct {
		name     string
		args     []string
		stdin    string
		code     int
		stdout   string // substring
		stderr   string // substring
		noStdout bool
	}{
		{name: "answers on the embedded article", args: []string{"ask", "Who said Europe is the first line of defence?"}, stdout: "— Donald Trump, US President"},
		{name: "question of several words unquoted", args: []string{"ask", "Who", "said", "Europe", "is", "the", "first", "line", "of", "defence?"}, stdout: "Donald Trump"},
		{name: "not in the article", args: []string{"ask", "What is the capital of France?"}, stdout: "I couldn't find that in the article."},
		{name: "empty question", args: []string{"ask", "  "}, code: 2, stderr: "the question is empty", noStdout: true},
		{name: "long question", args: []string{"ask", strings.Repeat("a", 1001)}, code: 2, stderr: "too long"},
		{name: "answers name their article", args: []string{"ask", "--seeds", good, "How many houses did the storm destroy?"}, stdout: "Storm hits the coast · paragraph 1"},
		{name: "stdin skips blank lines", args: []string{"ask", "--json", "--seeds", good}, stdin: "\nWhat did Ruiz say?\n   \nWhat is the capital of France?\n", stdout: `"answers":[]`},
		{name: "unknown command", args: []string{"frobnicate"}, code: 2, stderr: `unknown command "frobnicate"`},
		{name: "no command", args: nil, code: 2, stderr: "Usage:"},
		{name: "unknown flag", args: []string{"ask", "--nope", "x"}, code: 2, stderr: "flag provided but not defined: -nope"},
		{name: "k below one", args: []string{"ask", "-k", "0", "x"}, code: 2, stderr: "-k must be at least 1"},
		{name: "help", args: []string{"help"}, stdout: "Usage:"},
		{name: "missing seeds folder", args: []string{"ask", "--seeds", "/nonexistent/seeds", "x"}, code: 1, stderr: "/nonexistent/seeds: no such folder"},
		{name: "empty seeds folder", args: []string{"quotes", "--seeds", empty}, code: 1, stderr: "has no .txt files"},
		{name: "bad article names file and line", args: []string{"speakers", "--seeds", bad}, code: 1, stderr: "broken.txt: line 3, byte 5: invalid UTF-8"},
		{name: "quotes", args: []string{"quotes", "--seeds", good}, stdout: "“This is a good day for peace”\n   — Ana Ruiz, UN chief"},
		{name: "quotes of an unknown speaker", args: []string{"quotes", "--speaker", "Keir Starmer"}, code: 1, stderr: `no speaker called "Keir Starmer"`},
		{name: "summary below one sentence", args: []string{"summary", "-n", "0"}, code: 2, stderr: "at least one sentence"},
		{name: "summary longer than the article", args: []string{"summary", "--json", "--seeds", good, "--article", "storm", "-n", "50"}, stdout: `"sentences":["The storm destroyed six houses on Tuesday, the mayor said."]`},
		{name: "speaker summary", args: []string{"summary", "--speaker", "zelenskyy", "-n", "1"}, stdout: "Volodymyr Zelenskyy, Ukrainian president"},
		{name: "speakers", args: []string{"speakers"}, stdout: "Donald Trump, US President — 14 quotes"},
		{name: "chat answers and quits", args: []string{"chat"}, stdin: "Who said Europe is the first line of defence?\n/speakers\n/summary 0\n/quit\nnever read\n", stdout: "/summary takes a number of sentences"},
		{name: "chat takes no arguments", args: []string{"chat", "hello"}, code: 2, stderr: "chat takes no arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Fatalf("exit status %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, errOut)
			}
			if !strings.Contains(out, tt.stdout) {
				t.Errorf("stdout %q does not contain %q", out, tt.stdout)
			}
			if !strings.Contains(errOut, tt.stderr) {
				t.Errorf("stderr %q does not contain %q", errOut, tt.stderr)
			}
			if tt.noStdout && out != "" {
				t.Errorf("stdout %q, want nothing", out)
			}
		})
	}
}

// TestAskJSON checks the fixed shape that outside scorers read: one object
// a line, in question order, "answers" never null.
func TestAskJSON(t *testing.T) {
	code, out, errOut := runCLI(t, "Who said Europe is the first line of defence?\nWhat is the capital of France?\n"+strings.Repeat("x", 1001)+"\n", "ask", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d lines, want 3:\n%s", len(lines), out)
	}
	var first struct {
		Question string `json:"question"`
		Answers  []struct {
			Text      string  `json:"text"`
			Speaker   string  `json:"speaker"`
			Role      string  `json:"role"`
			Article   string  `json:"article"`
			Paragraph int     `json:"paragraph"`
			Score     float64 `json:"score"`
		} `json:"answers"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	a := first.Answers[0]
	if first.Question != "Who said Europe is the first line of defence?" || a.Speaker != "Donald Trump" || a.Role != "US President" ||
		a.Paragraph != 3 || a.Score <= 0 || !strings.HasPrefix(a.Article, "Trump tells Zelenskyy") || !strings.Contains(a.Text, "first line of defence") {
		t.Errorf("unexpected first answer: %+v", first)
	}
	if !strings.Contains(lines[1], `"answers":[]`) {
		t.Errorf("unanswerable: got %s, want an empty answers list", lines[1])
	}
	if !strings.Contains(lines[2], `"answers":[],"error":"the question is too long`) {
		t.Errorf("too long: got %s", lines[2])
	}
}

// TestAskExplain checks --explain: the decision and each answer's score,
// feature by feature, in text and in JSON, where the contributions add up
// to the score.
func TestAskExplain(t *testing.T) {
	code, out, errOut := runCLI(t, "", "ask", "--explain", "-k", "2", "Who said Europe is the first line of defence?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"why: answered, the best answer is right with probability", "decision (log-odds): bias", "  1. score", "  2. score"} {
		if !strings.Contains(out, want) {
			t.Errorf("--explain output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runCLI(t, "", "ask", "--explain", "What is the capital of France?")
	if code != 0 || !strings.Contains(out, "why: declined, the articles never mention France") {
		t.Errorf("declined question: exit %d, output:\n%s", code, out)
	}

	_, out, _ = runCLI(t, "Who said Europe is the first line of defence?\n", "ask", "--explain", "--json", "-k", "1")
	var got struct {
		Answers []struct{ Text string } `json:"answers"`
		Explain struct {
			Kind        string  `json:"kind"`
			Declined    bool    `json:"declined"`
			Probability float64 `json:"probability"`
			Threshold   float64 `json:"threshold"`
			Candidates  []struct {
				Text     string  `json:"text"`
				Points   float64 `json:"points"`
				Features []struct {
					Name   string  `json:"name"`
					Value  float64 `json:"value"`
					Points float64 `json:"points"`
				} `json:"features"`
			} `json:"candidates"`
		} `json:"explain"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	x := got.Explain
	if x.Kind != "quote" || x.Declined || x.Probability < x.Threshold || len(x.Candidates) != 1 || len(got.Answers) != 1 {
		t.Fatalf("unexpected explanation: %+v", x)
	}
	c := x.Candidates[0]
	if c.Text != got.Answers[0].Text {
		t.Errorf("explained %q, answered %q", c.Text, got.Answers[0].Text)
	}
	var sum float64
	for _, f := range c.Features {
		sum += f.Points
	}
	if d := sum - c.Points; d > 1e-9 || d < -1e-9 || len(c.Features) < 20 {
		t.Errorf("%d features add up to %v, score %v", len(c.Features), sum, c.Points)
	}
}
