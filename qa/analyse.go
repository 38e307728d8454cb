package qa

import (
	"runtime"

	"github.com/articlebot/articlebot/qa/attribution"
)

// An analysis is one article read for its people and quotations and made
// ready for the index, with the number of the worker that did it.
type analysis struct {
	attr     *attribution.Result
	prepared *preparedArticle
	worker   int
}

// An analyser reads articles for their people and quotations, the costly
// part of New, which needs nothing from the other articles: it runs on
// every core, a few articles ahead of the indexing, which takes them in
// order (and so holds only those few analyses in memory at once).
type analyser struct {
	workers int
	results []chan analysis // per article, its analysis when ready
	ahead   chan struct{}   // articles analysed but not yet indexed
	// The slabs of an article the index has taken go back to the workers
	// for another: a corpus allocates a few, not one an article.
	slabs chan articleSlabs
	done  chan *worker // each worker once it has no more articles
}

// analyse starts analysing articles; take each in turn with next.
func (e *Engine) analyse(articles []*Article) *analyser {
	workers := min(runtime.GOMAXPROCS(0), len(articles))
	an := &analyser{
		workers: workers,
		results: make([]chan analysis, len(articles)),
		ahead:   make(chan struct{}, 2*workers),
		slabs:   make(chan articleSlabs, 2*workers),
		done:    make(chan *worker, workers),
	}
	for i := range an.results {
		an.results[i] = make(chan analysis, 1)
	}
	work := make(chan int)
	go func() {
		for ai := range articles {
			an.ahead <- struct{}{}
			work <- ai
		}
		close(work)
	}()
	for wi := range workers {
		go func() {
			w := newWorker(e.lx) // each goroutine its own
			for ai := range work {
				doc := w.cache.Read(articles[ai])
				w.grow()
				attr := w.attr.Analyse(doc)
				var slab articleSlabs
				select {
				case slab = <-an.slabs:
				default:
				}
				prepared := e.prepare(w, doc, attr, slab)
				doc.Release()
				an.results[ai] <- analysis{attr, prepared, wi}
			}
			an.done <- w
		}()
	}
	return an
}

// next waits for the analysis of article ai.
func (an *analyser) next(ai int) analysis { return <-an.results[ai] }

// recycle hands the slabs of an indexed article back to the workers and
// lets them start another.
func (an *analyser) recycle(pr *preparedArticle) {
	select {
	case an.slabs <- articleSlabs{pr.terms[:0], pr.reads[:0]}:
	default:
	}
	<-an.ahead
}

// finish waits for the workers, once every article has been taken, and
// returns them for what they learnt of words.
func (an *analyser) finish() []*worker {
	out := make([]*worker, an.workers)
	for i := range out {
		out[i] = <-an.done
	}
	return out
}
