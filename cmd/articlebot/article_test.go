package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// twoSeeds writes two articles, the storm older than the fees, and
// returns their folder.
func twoSeeds(t *testing.T) string {
	t.Helper()
	dir := writeSeeds(t, map[string]string{
		"storm.txt": "Storm hits the coast\n\"We have no choice,\" Mayor Ann Lee said of the harbour.\nThe storm destroyed six houses on Tuesday, the mayor said.\n",
		"fees.txt":  "Harbour fees rise in spring\n\"The fees must rise,\" Mayor Ann Lee said.\nThe harbour board raised its fees by a tenth, chairman Tom Hale said.\n",
	})
	day := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	for i, name := range []string{"storm.txt", "fees.txt"} {
		at := day.Add(time.Duration(i) * time.Hour)
		if err := os.Chtimes(filepath.Join(dir, name), at, at); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// articleCase is one run of a command, with or without --article.
type articleCase struct {
	name     string
	args     []string
	stdin    string
	code     int
	stdout   string // substring
	stdout2  string // another substring
	stderr   string // substring
	noStdout string // not in stdout
}

func runArticleCases(t *testing.T, tests []articleCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Fatalf("exit status %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, errOut)
			}
			for _, want := range []string{tt.stdout, tt.stdout2} {
				if !strings.Contains(out, want) {
					t.Errorf("stdout %q does not contain %q", out, want)
				}
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

// coastSeeds writes two articles whose titles both have "coast": the
// newer, storm2, is taken for it.
func coastSeeds(t *testing.T) string {
	t.Helper()
	coasts := writeSeeds(t, map[string]string{
		"storm1.txt": "Storm hits the coast\n\"We have no choice,\" Mayor Ann Lee said.\n",
		"storm2.txt": "Storm hits the coast again\n\"It is worse,\" Mayor Ann Lee said.\n",
	})
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) // one time: the later name is the newer
	for _, name := range []string{"storm1.txt", "storm2.txt"} {
		if err := os.Chtimes(filepath.Join(coasts, name), at, at); err != nil {
			t.Fatal(err)
		}
	}
	return coasts
}

const noSuchArticle = `articlebot: no article matches --article "election": 'articlebot articles' lists the titles`

func TestAskArticle(t *testing.T) {
	dir, coasts := twoSeeds(t), coastSeeds(t)
	runArticleCases(t, []articleCase{
		{name: "every article", args: []string{"ask", "--seeds", dir, "-k", "3", "--json", "What did Ann Lee say?"}, stdout: `"article":"Storm hits the coast"`, stdout2: `"article":"Harbour fees rise in spring"`},
		{name: "one article", args: []string{"ask", "--seeds", dir, "-k", "3", "--article", "fees", "What did Ann Lee say?"}, stdout: "The fees must rise", noStdout: "Storm hits the coast"},
		{name: "not in that article", args: []string{"ask", "--seeds", dir, "--article", "harbour fees", "How many houses did the storm destroy?"}, stdout: "I couldn't find that in “Harbour fees rise in spring”."},
		{name: "follow-ups keep to it", args: []string{"ask", "--seeds", dir, "--follow", "--json", "--article", "storm"}, stdin: "What did Ann Lee say?\nWhat else did she say?\n", stdout: `"article":"Storm hits the coast"`, noStdout: "Harbour fees"},
		{name: "no such article", args: []string{"ask", "--seeds", dir, "--article", "election", "Who?"}, code: 2, stderr: noSuchArticle, noStdout: "Who"},
		{name: "words of several articles: the newest, saying so", args: []string{"ask", "--seeds", coasts, "--json", "--article", "coast", "What did Ann Lee say?"},
			stdout: `"article":"Storm hits the coast again"`, noStdout: `"article":"Storm hits the coast"`,
			stderr: `articlebot: From “Storm hits the coast again”, the newest of 2 articles that --article "coast" matches; a whole title or a file name picks one: 'articlebot articles' lists the titles.`},
		{name: "a file name: one article, no note", args: []string{"ask", "--seeds", dir, "--json", "--article", "storm.txt", "What did Ann Lee say?"},
			stdout: `"article":"Storm hits the coast"`, noStdout: `"article":"Harbour`},
	})
}

func TestQuotesArticle(t *testing.T) {
	dir := twoSeeds(t)
	runArticleCases(t, []articleCase{
		{name: "every article", args: []string{"quotes", "--seeds", dir, "Lee"}, stdout: "“We have no choice”"},
		{name: "one article", args: []string{"quotes", "--seeds", dir, "--article", "fees", "Lee"}, stdout: "“The fees must rise”", noStdout: "no choice"},
		{name: "every speaker in one article", args: []string{"quotes", "--seeds", dir, "--json", "--article", "Storm hits the coast"}, stdout: `"article":"Storm hits the coast"`, noStdout: "Harbour"},
		{name: "reported there, not quoted", args: []string{"quotes", "--seeds", dir, "--article", "fees", "Hale"}, code: 1,
			stderr: "Tom Hale is reported but not quoted directly in “Harbour fees rise in spring”. Try 'articlebot summary Tom Hale'."},
		{name: "not in that article", args: []string{"quotes", "--seeds", dir, "--article", "storm", "Hale"}, code: 1,
			stderr: "Tom Hale is not quoted or reported in “Storm hits the coast”."},
		{name: "no such article", args: []string{"quotes", "--seeds", dir, "--article", "election"}, code: 2, stderr: noSuchArticle},
	})
}

func TestSummaryArticle(t *testing.T) {
	dir := twoSeeds(t)
	runArticleCases(t, []articleCase{
		{name: "the newest of several, saying so", args: []string{"summary", "--seeds", dir, "-n", "1"},
			stdout: "The newest of 2 articles; pick another with --article and words of its title ('articlebot articles' lists them).\n\nHarbour fees rise in spring\n  • ", noStdout: "Storm"},
		{name: "one article", args: []string{"summary", "--seeds", dir, "--article", "storm", "-n", "1"}, stdout: "Storm hits the coast\n  • ", noStdout: "newest"},
		{name: "JSON keeps its shape, the note to stderr", args: []string{"summary", "--seeds", dir, "--json", "-n", "1"},
			stdout: `{"article":"Harbour fees rise in spring","sentences":[`, stderr: "The newest of 2 articles", noStdout: "newest"},
		{name: "one article loaded: no note", args: []string{"summary", "-n", "1"}, stdout: "Trump tells Zelenskyy", noStdout: "newest"},
		{name: "a speaker in an article", args: []string{"summary", "--seeds", dir, "--article", "fees", "Lee"},
			stdout: `"The fees must rise," Mayor Ann Lee said.`, noStdout: "no choice"},
		{name: "a speaker the article does not report", args: []string{"summary", "--seeds", dir, "--article", "storm", "Hale"}, code: 1,
			stderr: `Tom Hale is not quoted or reported in “Storm hits the coast”`},
		{name: "no such article", args: []string{"summary", "--seeds", dir, "--article", "election"}, code: 2, stderr: noSuchArticle},
	})
}

func TestSpeakersArticle(t *testing.T) {
	dir := twoSeeds(t)
	runArticleCases(t, []articleCase{
		{name: "every article", args: []string{"speakers", "--seeds", dir}, stdout: "Ann Lee, Mayor — 2 quotes, 3 statements"},
		{name: "one article, its counts", args: []string{"speakers", "--seeds", dir, "--article", "fees"}, stdout: "Ann Lee, Mayor — 1 quote, 1 statement\nTom Hale"},
		{name: "one article, JSON", args: []string{"speakers", "--seeds", dir, "--json", "--article", "storm"}, stdout: `"quotes":1,`, noStdout: "Tom Hale"},
		{name: "no such article", args: []string{"speakers", "--seeds", dir, "--article", "election"}, code: 2, stderr: noSuchArticle},
	})
}

func TestArticlesCommand(t *testing.T) {
	dir := twoSeeds(t)
	runArticleCases(t, []articleCase{
		{name: "newest first", args: []string{"articles", "--seeds", dir}, stdout: "Harbour fees rise in spring\nStorm hits the coast\n"},
		{name: "JSON", args: []string{"articles", "--seeds", dir, "--json"}, stdout: `{"title":"Harbour fees rise in spring","file":"` + filepath.Join(dir, "fees.txt") + `","modified":"2026-12-01T10:00:00Z"}`},
		{name: "embedded, no time", args: []string{"articles", "--json"}, stdout: `"file":"seeds/`, noStdout: "modified"},
		{name: "takes no words", args: []string{"articles", "extra"}, code: 2, stderr: `articles takes no arguments (got "extra")`},
	})
}

func TestChatArticle(t *testing.T) {
	dir := twoSeeds(t)
	runArticleCases(t, []articleCase{
		{name: "/summary of the newest", args: []string{"chat", "--seeds", dir}, stdin: "/summary 1\n", stdout: "The newest of 2 articles; pick another with /summary article:WORDS.\n\nHarbour fees"},
		{name: "/summary article:", args: []string{"chat", "--seeds", dir}, stdin: "/summary 1 article:storm\n", stdout: "Storm hits the coast\n  • ", noStdout: "newest"},
		{name: "/quote NAME article:", args: []string{"chat", "--seeds", dir}, stdin: "/quote Lee article:harbour fees\n", stdout: "“The fees must rise”", noStdout: "no choice"},
		{name: "/quote of someone the article does not quote", args: []string{"chat", "--seeds", dir}, stdin: "/quote Hale article:storm\n", stdout: "Tom Hale is not quoted or reported in “Storm hits the coast”."},
		{name: "/speakers article:", args: []string{"chat", "--seeds", dir}, stdin: "/speakers article:storm\n", stdout: "Ann Lee, Mayor — 1 quote, 2 statements\n\n", noStdout: "Hale"},
		{name: "no such article", args: []string{"chat", "--seeds", dir}, stdin: "/speakers article:election\n", stdout: `no article matches article:"election": /about lists the titles`},
		{name: "words of several articles: the newest, saying so", args: []string{"chat", "--seeds", coastSeeds(t)}, stdin: "/speakers article:coast\n",
			stdout: `From “Storm hits the coast again”, the newest of 2 articles that article:"coast" matches; a whole title or a file name picks one`},
	})
}

func TestChatOptions(t *testing.T) {
	tests := []struct {
		name, arg, rest, article, speaker string
	}{
		{"none", "2 Zelenskyy", "2 Zelenskyy", "", ""},
		{"an article after the words", "Trump article:storm coast", "Trump", "storm coast", ""},
		{"two options", "2 speaker:Ann Lee article:storm", "2", "storm", "Ann Lee"},
		{"any case", "Article:Storm", "", "Storm", ""},
		{"a colon elsewhere", "time: now", "time: now", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rest, opts := chatOptions(tt.arg)
			if rest != tt.rest || opts[articleOpt] != tt.article || opts[speakerOpt] != tt.speaker {
				t.Errorf("got %q, %q, %q, want %q, %q, %q", rest, opts[articleOpt], opts[speakerOpt], tt.rest, tt.article, tt.speaker)
			}
		})
	}
}
