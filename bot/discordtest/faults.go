package discordtest

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"
)

// Fault is an error answer the fake gives instead of serving a request, to
// test how a client copes with rate limits and outages.
type Fault struct {
	// Status is the HTTP status, 400 to 599: 429 for a rate limit, 502 for
	// the gateway errors Discord's edge produces, and so on.
	Status int

	// RetryAfter is, for a 429, how long the client must wait. It goes in
	// the body's retry_after, in seconds, which is what discordgo sleeps
	// on, and rounded up in the Retry-After header.
	RetryAfter time.Duration
	// Global makes a 429 the global rate limit: "global": true in the
	// body, X-RateLimit-Global and X-RateLimit-Scope: global, and, as from
	// Discord, no per-route X-RateLimit-* headers. Otherwise the 429 is a
	// per-route limit with X-RateLimit-Remaining 0 and a reset after
	// RetryAfter.
	Global bool

	// Code and Message make the JSON error body of any other status, e.g.
	// 50013 "Missing Permissions" for a 403. Message defaults to Discord's
	// generic "<status>: <status text>".
	Code    int
	Message string
}

// FailNext makes the next n requests to route answer f instead of being
// served. route is one of the Route constants, or AnyRoute for every route.
// Faults queue per route, first in first out; a request takes a fault of
// its own route before one for AnyRoute. The failed requests are recorded
// like any other, with the fault's status.
func (s *Server) FailNext(route string, n int, f Fault) error {
	if _, ok := s.routes[route]; !ok && route != AnyRoute {
		return fmt.Errorf("cannot inject fault: route %q is not served", route)
	}
	if n < 1 {
		return fmt.Errorf("cannot inject fault: count %d is not positive", n)
	}
	if f.Status < 400 || f.Status > 599 {
		return fmt.Errorf("cannot inject fault: status %d is not an error", f.Status)
	}
	if f.RetryAfter < 0 {
		return fmt.Errorf("cannot inject fault: retry after %v is negative", f.RetryAfter)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.faults[route] = append(s.faults[route], f)
	}
	return nil
}

// takeFault removes and returns the next fault queued for route.
func (s *Server) takeFault(route string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, key := range []string{route, AnyRoute} {
		if q := s.faults[key]; len(q) > 0 {
			s.faults[key] = q[1:]
			return q[0], true
		}
	}
	return Fault{}, false
}

// write answers f with Discord's headers and body.
func (f Fault) write(w http.ResponseWriter) {
	if f.Status != http.StatusTooManyRequests {
		msg := f.Message
		if msg == "" {
			msg = strconv.Itoa(f.Status) + ": " + http.StatusText(f.Status)
		}
		writeError(w, &apiError{status: f.Status, Code: f.Code, Message: msg})
		return
	}
	secs := f.RetryAfter.Seconds()
	h := w.Header()
	h.Set("Retry-After", strconv.Itoa(int(math.Ceil(secs))))
	if f.Global {
		h.Set("X-RateLimit-Global", "true")
		h.Set("X-RateLimit-Scope", "global")
	} else {
		reset := float64(time.Now().Add(f.RetryAfter).UnixMilli()) / 1000
		h.Set("X-RateLimit-Limit", "5")
		h.Set("X-RateLimit-Remaining", "0")
		h.Set("X-RateLimit-Reset", strconv.FormatFloat(reset, 'f', 3, 64))
		h.Set("X-RateLimit-Reset-After", strconv.FormatFloat(secs, 'f', 3, 64))
		h.Set("X-RateLimit-Bucket", "discordtest")
		h.Set("X-RateLimit-Scope", "user")
	}
	writeJSON(w, http.StatusTooManyRequests, struct {
		Message    string  `json:"message"`
		RetryAfter float64 `json:"retry_after"`
		Global     bool    `json:"global"`
	}{"You are being rate limited.", secs, f.Global})
}
