package bot

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot/reply"
	"github.com/articlebot/articlebot/qa"
)

// writeAtomically writes a seeds file as a deployment should: to a
// temporary name, then renamed into place, so that no reload sees half a
// file.
func writeAtomically(t *testing.T, dir, name, text string) {
	t.Helper()
	tmp := filepath.Join(dir, "."+name+".tmp")
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, name)); err != nil {
		t.Fatal(err)
	}
}

// loadFrom loads the articles of dir, as articlebot serve does.
func loadFrom(dir string) Loader {
	return func() (Engine, error) {
		articles, err := qa.LoadDir(os.DirFS(dir), ".", dir)
		if err != nil {
			return nil, err
		}
		return qa.New(articles, qa.DefaultOptions()), nil
	}
}

// answer asks the bot's current engine q in a fresh channel and returns
// the reply's text.
func answer(b *Bot, q string) string {
	r, _ := askReply(b.current(), &qa.Conversation{}, q, nil, 1, time.Now())
	text := r.Content
	for _, em := range r.Embeds {
		text += "\n" + em.Description
	}
	return strings.ReplaceAll(text, "**", "") // the words that answer are in bold
}

// TestWatchSeeds reloads a real folder: a new article is answered from,
// a broken file keeps the articles loaded before and is logged with its
// file and line, and rewriting a file unchanged keeps the engine.
func TestWatchSeeds(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeAtomically(t, dir, "a.txt", "Storm hits the coast\nThe storm destroyed six houses on Tuesday, the mayor said.\n")
	logs := &syncBuffer{}
	b := New(DefaultConfig(), nil, slog.New(slog.NewTextHandler(logs, nil)))
	b.debounce = 20 * time.Millisecond
	if err := b.LoadArticles(loadFrom(dir)); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done, err := b.WatchSeeds(ctx, dir, loadFrom(dir))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); <-done })

	const question = "How many goals did Ana Ruiz score?"
	if got := answer(b, question); !strings.Contains(got, reply.NotFoundText) {
		t.Fatalf("before the new article: got %q, want %q", got, reply.NotFoundText)
	}
	first := b.current()
	writeAtomically(t, dir, "b.txt", "Ruiz wins the final\nAna Ruiz scored three goals in the final on Sunday, the coach said.\n")
	logs.waitForCount(t, `msg="articles loaded"`, 2)
	if got := answer(b, question); !strings.Contains(got, "three goals") {
		t.Errorf("after adding b.txt: got %q, want the new article's answer", got)
	}
	second := b.current()
	if !second.at.After(first.at) {
		t.Errorf("loaded at %v, not after the first load at %v", second.at, first.at)
	}
	if r, _ := render(reply.AboutOf(second, second.at, "")); !strings.Contains(r.Embeds[0].Footer.Text, second.at.UTC().Format("15:04")) {
		t.Errorf("/about footer %q does not show the reload time %v", r.Embeds[0].Footer.Text, second.at)
	}
	checkMetric(t, b, "articlebot_index_articles", "2")

	writeAtomically(t, dir, "c.txt", "Title\nok\nbad \xff\n")
	logs.waitFor(t, "cannot reload the articles; answering from those loaded before")
	if want := filepath.Join(dir, "c.txt") + ": line 3, byte 5: invalid UTF-8"; !strings.Contains(logs.String(), want) {
		t.Errorf("the log does not name the broken file and line %q:\n%s", want, logs.String())
	}
	if got := answer(b, question); !strings.Contains(got, "three goals") || b.current() != second {
		t.Errorf("after a broken file: got %q, want the articles loaded before", got)
	}
	checkMetric(t, b, "articlebot_index_reload_failures_total", "1")
	checkMetric(t, b, "articlebot_index_articles", "2")

	// Writing the temporary files may have logged "unchanged" already.
	unchanged := strings.Count(logs.String(), `msg="articles unchanged"`)
	if err := os.Remove(filepath.Join(dir, "c.txt")); err != nil {
		t.Fatal(err)
	}
	logs.waitForCount(t, `msg="articles unchanged"`, unchanged+1)
	if b.current() != second {
		t.Error("the same articles were loaded again: buttons of earlier answers would say they changed")
	}
}

func TestWatchSeedsNothingToWatch(t *testing.T) {
	tests := []struct {
		name    string
		seeds   string
		wantErr string
	}{
		{name: "embedded articles never change", seeds: ""},
		{name: "a missing folder", seeds: "/nonexistent/seeds", wantErr: "cannot watch /nonexistent/seeds for changes: no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done, err := New(DefaultConfig(), seedEngine(), nil).WatchSeeds(t.Context(), tt.seeds, nil)
			if errText(err) != tt.wantErr {
				t.Fatalf("error: got %q, want %q", errText(err), tt.wantErr)
			}
			if err == nil {
				<-done // closed at once: no watcher runs
			}
		})
	}
}

// TestLoadArticlesPanic checks that a loader that panics is an error: the
// bot keeps its engine.
func TestLoadArticlesPanic(t *testing.T) {
	b := New(DefaultConfig(), seedEngine(), nil)
	before := b.current()
	err := b.LoadArticles(func() (Engine, error) { panic("corrupt index") })
	if errText(err) != "cannot load the articles: panic: corrupt index" || b.current() != before {
		t.Errorf("got %v, want the panic as an error and the engine kept", err)
	}
}
