package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the bot's Prometheus metrics, in a registry of its own so
// that two bots in one process (as in tests) do not collide.
type metrics struct {
	reg *prometheus.Registry

	questions     *prometheus.CounterVec // by outcome and source
	answerSeconds prometheus.Histogram
	panics        *prometheus.CounterVec // by event

	reconnects *prometheus.CounterVec // by shard

	indexArticles    prometheus.Gauge
	indexSentences   prometheus.Gauge
	indexLoadSeconds prometheus.Gauge
	indexLoaded      prometheus.Gauge
	reloadFailures   prometheus.Counter

	restRetries      *prometheus.CounterVec // by status
	restGlobalLimits prometheus.Counter
}

// newMetrics registers the metrics; shardsConnected counts the shards
// connected to the gateway when scraped.
func newMetrics(shardsConnected func() float64) *metrics {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	f := promauto.With(reg)
	f.NewGaugeFunc(prometheus.GaugeOpts{Name: "articlebot_gateway_shards_connected",
		Help: "Shards of this process connected to the Discord gateway."}, shardsConnected)
	return &metrics{
		reg: reg,
		questions: f.NewCounterVec(prometheus.CounterOpts{Name: "articlebot_questions_total",
			Help: "Questions and commands handled, by outcome (answered, declined, rate_limited, error) and source (mention, dm, /ask, button, …)."},
			[]string{"outcome", "source"}),
		answerSeconds: f.NewHistogram(prometheus.HistogramOpts{Name: "articlebot_answer_seconds",
			Help:    "Time from receiving a question to having sent its answer.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2.5, 10)}), // 1 ms to 3.8 s
		panics: f.NewCounterVec(prometheus.CounterOpts{Name: "articlebot_handler_panics_total",
			Help: "Handlers that panicked and were recovered, by gateway event."}, []string{"event"}),
		reconnects: f.NewCounterVec(prometheus.CounterOpts{Name: "articlebot_gateway_reconnects_total",
			Help: "Gateway connections made again after the first, by shard."}, []string{"shard"}),
		indexArticles: f.NewGauge(prometheus.GaugeOpts{Name: "articlebot_index_articles",
			Help: "Articles the bot answers from."}),
		indexSentences: f.NewGauge(prometheus.GaugeOpts{Name: "articlebot_index_sentences",
			Help: "Sentences indexed in those articles."}),
		indexLoadSeconds: f.NewGauge(prometheus.GaugeOpts{Name: "articlebot_index_load_seconds",
			Help: "How long the last successful load of the articles took."}),
		indexLoaded: f.NewGauge(prometheus.GaugeOpts{Name: "articlebot_index_loaded_timestamp_seconds",
			Help: "When the articles answered from were loaded, in Unix seconds."}),
		reloadFailures: f.NewCounter(prometheus.CounterOpts{Name: "articlebot_index_reload_failures_total",
			Help: "Reloads of the seeds folder that failed, keeping the articles loaded before."}),
		restRetries: f.NewCounterVec(prometheus.CounterOpts{Name: "articlebot_rest_retries_total",
			Help: "REST requests sent again after a Discord server error, by status."}, []string{"status"}),
		restGlobalLimits: f.NewCounter(prometheus.CounterOpts{Name: "articlebot_rest_global_rate_limits_total",
			Help: "Global rate limits (429, global) from Discord, each holding back every request."}),
	}
}

// Timeouts of the metrics server: scrapes and probes are small and quick.
const (
	metricsReadTimeout  = 5 * time.Second
	metricsWriteTimeout = 10 * time.Second
	metricsIdleTimeout  = time.Minute
	metricsStopTimeout  = 5 * time.Second
)

// httpHandler serves /metrics, /healthz and /readyz.
func (b *Bot) httpHandler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(b.metrics.reg, promhttp.HandlerOpts{
		ErrorLog: slog.NewLogLogger(b.log.Handler(), slog.LevelWarn),
	}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { writeCheck(w, b.health()) })
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, _ *http.Request) { writeCheck(w, b.readiness()) })
	return mux
}

// A check is the answer of a health endpoint: whether all is well, and one
// line per thing checked.
type check struct {
	ok    bool
	lines []string
}

func writeCheck(w http.ResponseWriter, c check) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if !c.ok {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	fmt.Fprintln(w, strings.Join(c.lines, "\n"))
}

// health is /healthz: every shard of the process connected to the gateway.
// Before Run has opened the shards, and after it closed them, there is
// none, which is not healthy.
func (b *Bot) health() check {
	shards := b.runningShards()
	if len(shards) == 0 {
		return check{false, []string{"no gateway shards open"}}
	}
	c := check{ok: true}
	for _, sh := range shards {
		state := "connected"
		if !sh.connected() {
			state, c.ok = "disconnected", false
		}
		c.lines = append(c.lines, fmt.Sprintf("shard %d/%d: %s", sh.id, sh.count, state))
	}
	return c
}

// readiness is /readyz: articles loaded and the slash commands registered
// (by this process if it runs shard 0; others leave them to that one).
func (b *Bot) readiness() check {
	c := check{ok: true}
	if e := b.current(); e == nil {
		c.ok = false
		c.lines = append(c.lines, "articles: not loaded")
	} else {
		c.lines = append(c.lines, fmt.Sprintf("articles: %d, loaded %s", len(e.Articles()), e.at.UTC().Format(time.RFC3339)))
	}
	switch b.commands.Load() {
	case commandsRegistered:
		c.lines = append(c.lines, "commands: registered")
	case commandsElsewhere:
		c.lines = append(c.lines, "commands: registered by the process that runs shard 0")
	default:
		c.ok = false
		c.lines = append(c.lines, "commands: not registered yet")
	}
	return c
}

// ServeMetrics listens on addr (host:port), if not "", and serves the
// metrics and health checks (/metrics, /healthz, /readyz) until the
// returned stop is called, which waits for them to finish. Call it before
// Run, and stop after Run returns, so that the checks see the bot start
// and stop. Listening first makes a taken port fail the start, not a
// scrape later.
func (b *Bot) ServeMetrics(addr string) (stop func(), err error) {
	if addr == "" {
		return func() {}, nil
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("cannot serve metrics: %w", err)
	}
	srv := &http.Server{
		Handler:           b.httpHandler(),
		ReadHeaderTimeout: metricsReadTimeout,
		ReadTimeout:       metricsReadTimeout,
		WriteTimeout:      metricsWriteTimeout,
		IdleTimeout:       metricsIdleTimeout,
		ErrorLog:          slog.NewLogLogger(b.log.Handler(), slog.LevelWarn),
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			b.log.Error("the metrics server stopped", "err", err)
		}
	}()
	b.log.Info("serving metrics", "addr", ln.Addr().String())
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), metricsStopTimeout)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			b.log.Warn("stopping the metrics server", "err", err)
		}
		<-done
	}, nil
}
