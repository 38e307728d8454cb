package bot

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// reloadDebounce is how long the seeds folder must stay quiet before it is
// reloaded: an editor or a copy writes a file in several events, and a
// deployment several files.
const reloadDebounce = 500 * time.Millisecond

// A Loader builds an engine from the articles, such as qa.LoadDir and
// qa.New on the seeds folder.
type Loader func() (Engine, error)

// LoadArticles builds an engine with load and answers from it from now on;
// questions in flight finish on the engine they started with. If load
// fails, the bot keeps the engine it had and LoadArticles returns why.
func (b *Bot) LoadArticles(load Loader) error {
	e, took, err := b.build(load)
	if err != nil {
		return err
	}
	b.install(e, took)
	return nil
}

// build runs load, off to the side of the engine in use, and times it. A
// panic in load is an error like any other: the bot keeps answering.
func (b *Bot) build(load Loader) (e Engine, took time.Duration, err error) {
	start := time.Now()
	defer func() {
		if p := recover(); p != nil {
			e, err = nil, fmt.Errorf("cannot load the articles: panic: %v", p)
		}
		took = time.Since(start)
	}()
	e, err = load()
	return e, 0, err
}

// install swaps e in and records it in the logs and metrics.
func (b *Bot) install(e Engine, took time.Duration) {
	b.SetEngine(e)
	b.metrics.indexLoadSeconds.Set(took.Seconds())
	articles, sentences := indexSize(e)
	b.log.Info("articles loaded", "articles", articles, "sentences", sentences,
		"took", took.Round(time.Microsecond))
}

// indexSize counts the articles and sentences e answers from.
func indexSize(e Engine) (articles, sentences int) {
	for _, a := range e.Articles() {
		articles++
		sentences += e.Stats(a).Sentences
	}
	return articles, sentences
}

// WatchSeeds reloads the articles with load whenever the files in the
// seeds folder dir change, until ctx is done; the returned channel is closed
// once it has stopped. Changes are debounced: the reload runs half a
// second after the last one. A reload that fails (a broken file: the error
// names it and its line) keeps the articles loaded before, and is logged;
// one that finds the articles unchanged (editors touch files) keeps them
// too. With no seeds folder (dir "": the articles embedded in the binary,
// which never change) there is nothing to watch. WatchSeeds returns an error, and
// watches nothing, if it cannot watch the folder.
//
// A ConfigMap volume, which Kubernetes updates by swapping a symlink
// inside the folder, is reloaded; a folder removed and created again is
// not watched again.
func (b *Bot) WatchSeeds(ctx context.Context, dir string, load Loader) (<-chan struct{}, error) {
	done := make(chan struct{})
	if dir == "" {
		close(done)
		return done, nil
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("cannot watch %s for changes: %w", dir, err)
	}
	if err := w.Add(dir); err != nil {
		w.Close()
		return nil, fmt.Errorf("cannot watch %s for changes: %w", dir, err)
	}
	go func() {
		defer close(done)
		defer w.Close()
		b.watch(ctx, w, dir, load)
	}()
	b.log.Info("watching the seeds folder for changes", "seeds", dir)
	return done, nil
}

// watch reloads after each burst of events from w, until ctx is done.
func (b *Bot) watch(ctx context.Context, w *fsnotify.Watcher, dir string, load Loader) {
	quiet := time.NewTimer(b.debounce)
	quiet.Stop()
	defer quiet.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod {
				continue // touch, chmod, or an antivirus reading the file
			}
			b.log.Debug("seeds changed", "file", filepath.Base(ev.Name), "op", ev.Op.String())
			quiet.Reset(b.debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			// Such as an overflow of the kernel's queue: changes may have
			// been missed, so reload all the same.
			b.log.Warn("watching the seeds folder", "seeds", dir, "err", err)
			quiet.Reset(b.debounce)
		case <-quiet.C:
			b.reload(dir, load)
		}
	}
}

// reload builds a new engine from the folder dir and installs it if the
// articles changed.
func (b *Bot) reload(dir string, load Loader) {
	e, took, err := b.build(load)
	if err != nil {
		b.metrics.reloadFailures.Inc()
		attrs := []any{"err", err, "seeds", dir}
		if cur := b.current(); cur != nil {
			attrs = append(attrs, "loaded_at", cur.at.Format(time.RFC3339))
		}
		b.log.Error("cannot reload the articles; answering from those loaded before", attrs...)
		return
	}
	if cur := b.current(); cur != nil && cur.Version() == e.Version() {
		b.log.Info("articles unchanged", "seeds", dir, "took", took.Round(time.Microsecond))
		return
	}
	b.install(e, took)
}
