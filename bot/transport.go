package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// defaultAPIBaseURL is where discordgo sends every request.
const defaultAPIBaseURL = "https://discord.com"

// baseURLTransport sends every request for https://discord.com to another
// base URL: a REST proxy that shares Discord's rate limits between
// processes (nirn-proxy and the like), or a fake Discord in tests.
// discordgo builds its endpoint URLs once, from discord.com, so the HTTP
// client is the one place to redirect them; the gateway lookup (GET
// /api/v9/gateway) goes the same way.
type baseURLTransport struct {
	base *url.URL
	next http.RoundTripper
}

// newBaseURLTransport returns a transport to base (already validated by
// Config.Validate) over next (http.DefaultTransport when nil). The default
// base, https://discord.com, rewrites nothing.
func newBaseURLTransport(base string, next http.RoundTripper) http.RoundTripper {
	if next == nil {
		next = http.DefaultTransport
	}
	u, err := url.Parse(base)
	if err != nil || u.Host == "" || base == defaultAPIBaseURL {
		return next
	}
	return &baseURLTransport{base: u, next: next}
}

func (t *baseURLTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host != "discord.com" {
		return t.next.RoundTrip(r)
	}
	r = r.Clone(r.Context())
	r.URL.Scheme = t.base.Scheme
	r.URL.Host = t.base.Host
	if p := t.base.Path; p != "" && p != "/" {
		r.URL.Path = p + r.URL.Path
	}
	r.Host = t.base.Host
	return t.next.RoundTrip(r)
}

// retryPolicy says how the REST transport retries Discord's server errors.
type retryPolicy struct {
	attempts int           // tries in all, the first included
	backoff  time.Duration // before the first retry; doubled for each next one
	max      time.Duration // the most any one wait may be
}

// defaultRetry tries a request three times in all, waiting about 0.25 s
// and 0.5 s in between: Discord's 5xx bursts are short, and an
// interaction must be answered within 3 s.
func defaultRetry() retryPolicy {
	return retryPolicy{attempts: 3, backoff: 250 * time.Millisecond, max: 2 * time.Second}
}

// wait returns how long to wait before retry number n (from 1): the
// exponential backoff, its second half random ("equal jitter") so that
// processes hit by the same outage do not retry in step; at least what a
// Retry-After header asks, up to max.
func (p retryPolicy) wait(n int, h http.Header) time.Duration {
	d := min(p.backoff<<(n-1), p.max)
	if d > 1 {
		d = d/2 + rand.N(d/2)
	}
	if s, err := strconv.Atoi(h.Get("Retry-After")); err == nil && s > 0 {
		d = max(d, min(time.Duration(s)*time.Second, p.max))
	}
	return d
}

// restTransport adds to discordgo's REST client the two things it lacks,
// for every session of the process, since they share one transport:
//
//   - Discord's global rate limit (a 429 with "global": true or
//     X-RateLimit-Global) holds back every request of the process until
//     retry_after has passed. discordgo waits out only the request that
//     got the 429; its own global lock needs X-RateLimit-Reset-After,
//     which a global 429 does not carry. Interaction callbacks and
//     webhooks are not held: Discord does not count them against the
//     global limit, and an interaction must be answered within 3 s.
//     Per-route 429s stay with discordgo, which sleeps and resends.
//   - Server errors 500, 502, 503 and 504 are retried with exponential
//     backoff and jitter, a bounded number of times, within the
//     request's context (see retryable for which requests). Sessions set
//     MaxRestRetries to 0, so that discordgo does not retry 502s again on
//     top.
type restTransport struct {
	next    http.RoundTripper
	retry   retryPolicy
	log     *slog.Logger
	metrics *metrics

	mu          sync.Mutex
	globalUntil time.Time // no request but interactions before then
}

func newRESTTransport(next http.RoundTripper, retry retryPolicy, m *metrics, log *slog.Logger) *restTransport {
	return &restTransport{next: next, retry: retry, metrics: m, log: log}
}

func (t *restTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	ctx := r.Context()
	held := !interactionPath(r.URL.Path)
	for attempt := 1; ; attempt++ {
		if held {
			if err := t.waitGlobal(ctx); err != nil {
				closeBody(r)
				return nil, err
			}
		}
		req := r
		if attempt > 1 {
			var err error
			if req, err = rewind(r); err != nil {
				return nil, err
			}
		}
		resp, err := t.next.RoundTrip(req)
		if err != nil {
			// The request may have reached Discord: not retried.
			return nil, err
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			return t.noteRateLimit(r, resp)
		}
		if attempt >= t.retry.attempts || !retryable(r, resp.StatusCode) {
			return resp, nil
		}
		wait := t.retry.wait(attempt, resp.Header)
		t.log.Warn("Discord server error; retrying", "method", r.Method, "path", r.URL.Path,
			"status", resp.StatusCode, "attempt", attempt, "wait", wait.Round(time.Millisecond))
		t.metrics.restRetries.WithLabelValues(strconv.Itoa(resp.StatusCode)).Inc()
		// Drain a little so the connection can be reused.
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		if err := sleepCtx(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// retryable reports whether a request that got status may be sent again
// without risk of doing twice what it did once:
//
//   - GET, HEAD, OPTIONS, PUT and DELETE are idempotent, and so are
//     Discord's PATCHes (an edit sets the whole content): retried on 500,
//     502, 503 and 504.
//   - An interaction callback (POST …/callback) is acknowledged once at
//     most: if the first one got through, the retry fails with "already
//     acknowledged" rather than answering twice. Retried on all four.
//   - Any other POST, such as a message, is retried only on 502 and 503,
//     which Discord's edge returns when it could not reach the API, so the
//     message was not created. A 500 means the API ran and failed, and a
//     504 that it may still be working: the message may exist, so a retry
//     could post it twice, and the reply is dropped instead.
//
// A request whose body cannot be read again is never retried.
func retryable(r *http.Request, status int) bool {
	switch status {
	case http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
	default:
		return false
	}
	if r.Body != nil && r.Body != http.NoBody && r.GetBody == nil {
		return false
	}
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPut, http.MethodDelete, http.MethodPatch:
		return true
	case http.MethodPost:
		if strings.HasSuffix(r.URL.Path, "/callback") && interactionPath(r.URL.Path) {
			return true
		}
		return status == http.StatusBadGateway || status == http.StatusServiceUnavailable
	}
	return false
}

// interactionPath reports whether path is an interaction callback or an
// interaction's webhook, which Discord exempts from the global rate limit.
func interactionPath(path string) bool {
	return strings.Contains(path, "/interactions/") || strings.Contains(path, "/webhooks/")
}

// noteRateLimit starts holding requests back if resp is Discord's global
// rate limit, and returns resp, its body intact, for discordgo to wait
// out and resend.
func (t *restTransport) noteRateLimit(r *http.Request, resp *http.Response) (*http.Response, error) {
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	if err != nil {
		return resp, nil // discordgo reports the short body
	}
	var limit struct {
		RetryAfter float64 `json:"retry_after"` // seconds
		Global     bool    `json:"global"`
	}
	_ = json.Unmarshal(body, &limit) // a 429 from a proxy may not be JSON; the header may still say global
	if !limit.Global && resp.Header.Get("X-RateLimit-Global") != "true" {
		return resp, nil
	}
	wait := time.Duration(limit.RetryAfter * float64(time.Second))
	if s, err := strconv.ParseFloat(resp.Header.Get("Retry-After"), 64); err == nil && wait <= 0 {
		wait = time.Duration(s * float64(time.Second))
	}
	if wait <= 0 {
		wait = time.Second // global, but no word on how long: Discord's limit is per second
	}
	t.mu.Lock()
	until := time.Now().Add(wait)
	if until.After(t.globalUntil) {
		t.globalUntil = until
	}
	t.mu.Unlock()
	t.metrics.restGlobalLimits.Inc()
	t.log.Warn("Discord's global rate limit: holding back every request", "retry_after", wait,
		"method", r.Method, "path", r.URL.Path)
	return resp, nil
}

// waitGlobal waits until the global rate limit, if any, has passed.
func (t *restTransport) waitGlobal(ctx context.Context) error {
	t.mu.Lock()
	d := time.Until(t.globalUntil)
	t.mu.Unlock()
	if d <= 0 {
		return nil
	}
	return sleepCtx(ctx, d)
}

// rewind returns r again with a fresh body, to be sent once more.
func rewind(r *http.Request) (*http.Request, error) {
	req := r.Clone(r.Context())
	if r.GetBody != nil {
		body, err := r.GetBody()
		if err != nil {
			return nil, fmt.Errorf("cannot resend %s %s: %w", r.Method, r.URL.Path, err)
		}
		req.Body = body
	}
	return req, nil
}

// closeBody closes a request body the transport will not send, as a
// RoundTripper must.
func closeBody(r *http.Request) {
	if r.Body != nil {
		r.Body.Close()
	}
}

// sleepCtx waits for d, or returns the context's error if it ends first.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}
