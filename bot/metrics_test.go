package bot

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// serve answers one GET of path from the bot's metrics and health handler.
func serve(t *testing.T, b *Bot, path string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	b.httpHandler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec.Code, rec.Body.String()
}

// metricLine returns the line of the /metrics exposition that starts with
// series (name and labels), or "" if there is none.
func metricLine(t *testing.T, b *Bot, series string) string {
	t.Helper()
	code, body := serve(t, b, "/metrics")
	if code != http.StatusOK {
		t.Fatalf("/metrics: status %d\n%s", code, body)
	}
	for _, line := range strings.Split(body, "\n") {
		if strings.HasPrefix(line, series+" ") {
			return line
		}
	}
	return ""
}

// checkMetric fails t unless the metrics show series with value.
func checkMetric(t *testing.T, b *Bot, series, value string) {
	t.Helper()
	if got, want := metricLine(t, b, series), series+" "+value; got != want {
		t.Errorf("got metric %q, want %q", got, want)
	}
}

// get GETs url and returns the status and body.
func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

var servingRE = regexp.MustCompile(`msg="serving metrics" addr=(\S+)`)

// metricsAddr is the address the bot serves its metrics on, from its log.
func (h *harness) metricsAddr(t *testing.T) string {
	t.Helper()
	h.logs.waitFor(t, `msg="serving metrics"`)
	m := servingRE.FindStringSubmatch(h.logs.String())
	if m == nil {
		t.Fatalf("no address in the logs:\n%s", h.logs.String())
	}
	return m[1]
}

func TestHealthBeforeRun(t *testing.T) {
	tests := []struct {
		name     string
		path     string
		engine   Engine
		wantCode int
		wantBody string
	}{
		{"health without shards", "/healthz", seedEngine(), 503, "no gateway shards open\n"},
		{"ready without commands", "/readyz", seedEngine(), 503, "commands: not registered yet\n"},
		{"ready without articles", "/readyz", nil, 503, "articles: not loaded\ncommands: not registered yet\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := New(DefaultConfig(), tt.engine, nil)
			code, body := serve(t, b, tt.path)
			if code != tt.wantCode || !strings.HasSuffix(body, tt.wantBody) {
				t.Errorf("got %d %q, want %d ending %q", code, body, tt.wantCode, tt.wantBody)
			}
		})
	}
}

func TestMetricsOfTheIndex(t *testing.T) {
	b := New(DefaultConfig(), seedEngine(), nil)
	articles, sentences := indexSize(seedEngine())
	checkMetric(t, b, "articlebot_index_articles", strconv.Itoa(articles))
	checkMetric(t, b, "articlebot_index_sentences", strconv.Itoa(sentences))
	if line := metricLine(t, b, "articlebot_index_loaded_timestamp_seconds"); line == "" || strings.HasSuffix(line, " 0") {
		t.Errorf("got %q, want the time of the load", line)
	}
	for _, name := range []string{"go_goroutines", "process_resident_memory_bytes", "articlebot_gateway_shards_connected"} {
		if metricLine(t, b, name) == "" {
			t.Errorf("no %s", name)
		}
	}
}
