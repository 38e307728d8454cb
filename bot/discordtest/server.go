// Package discordtest fakes Discord for tests. One httptest.Server on
// 127.0.0.1 serves the REST API under /api/v9 and the gateway websocket under
// /gateway, so the real discordgo client runs end to end, over a real
// websocket, without a network.
//
// The fake records every REST request and every gateway payload a client
// sends. Tests wait on those records (WaitRequests, WaitFrames) instead of
// sleeping: every new record wakes the waiters. A long test, such as a load
// test, takes the requests it has checked (TakeRequests) and sets
// Options.NoHistory, so that the fake's memory stays flat.
//
// discordgo computes its endpoint URLs once, from https://discord.com, so a
// session is pointed at the fake by replacing its HTTP client:
//
//	fake := discordtest.New(t, discordtest.Options{Token: "secret"})
//	s, _ := discordgo.New("Bot secret")
//	s.Client = fake.Client()
//
// Session.Dialer needs no change: Open asks GET /api/v9/gateway for the
// websocket URL, and the fake answers with its own ws://127.0.0.1 address.
package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Defaults for Options fields left empty.
const (
	DefaultBotUserID         = "1100000000000000001"
	DefaultBotUsername       = "articlebot"
	DefaultHeartbeatInterval = 41250 * time.Millisecond
)

// Options configure a Server. The zero value is usable.
type Options struct {
	// Token is the only bot token accepted, without the "Bot " prefix.
	// REST calls must then carry "Authorization: Bot <Token>" and IDENTIFY
	// and RESUME must carry the token (discordgo sends it with the prefix,
	// which Discord accepts). Empty accepts any non-empty token.
	Token string

	// BotUserID and BotUsername describe the bot user in READY and
	// GET /users/@me. Defaults: DefaultBotUserID, DefaultBotUsername.
	BotUserID   string
	BotUsername string

	// ApplicationID defaults to BotUserID, as for every application
	// Discord has created in years.
	ApplicationID string

	// Shards is the shard count GET /gateway/bot recommends. Default 1.
	Shards int

	// DisallowedIntents are the gateway intents the application may not
	// use, as a privileged intent (such as Message Content, 1 << 15) that
	// is switched off in the developer portal: Discord closes the
	// connection of an IDENTIFY that asks for any of them with
	// CloseDisallowedIntents. Zero allows every intent.
	DisallowedIntents int64

	// HeartbeatInterval is sent in HELLO. Default DefaultHeartbeatInterval.
	// It is rounded down to whole milliseconds, at least 1, because the
	// wire carries milliseconds and discordgo's ticker panics on zero.
	HeartbeatInterval time.Duration

	// NoHistory keeps the fake's memory to what is in flight, for load
	// tests whose memory use must be the client's, not the fake's: an
	// event sent to a connected session is not kept for replay (a RESUME
	// replays only the events dispatched while the session was away), and
	// the messages the bot creates are not kept (editing them later
	// answers 404). Take the records with TakeRequests as they are checked.
	NoHistory bool
}

// withDefaults returns o with its empty fields set to their defaults.
func (o Options) withDefaults() Options {
	if o.BotUserID == "" {
		o.BotUserID = DefaultBotUserID
	}
	if o.BotUsername == "" {
		o.BotUsername = DefaultBotUsername
	}
	if o.ApplicationID == "" {
		o.ApplicationID = o.BotUserID
	}
	if o.Shards < 1 {
		o.Shards = 1
	}
	if o.HeartbeatInterval <= 0 {
		o.HeartbeatInterval = DefaultHeartbeatInterval
	}
	return o
}

// Server is a fake Discord: REST API, gateway and a record of everything
// clients sent. Its methods are safe for concurrent use.
type Server struct {
	opts     Options
	http     *httptest.Server
	mux      *http.ServeMux // REST routes, under /api/v9
	routes   map[string]route
	upgrader websocket.Upgrader

	mu       sync.Mutex
	changed  chan struct{} // closed and replaced on every new record
	closed   bool
	lastID   uint64 // last snowflake handed out
	requests []Request
	frames   []Frame

	// Gateway state.
	conns    map[*gatewayConn]struct{}
	connSeq  int
	sessions map[string]*gatewaySession

	// REST state, so later calls can be answered as Discord would.
	faults       map[string][]Fault
	interactions map[string]*interactionState // by interaction id
	messages     map[string]Message           // messages the bot created, by id
	commands     map[string][]json.RawMessage // last overwrite, by guild id ("" is global)
	commandIDs   map[string]string            // by scope and name, so overwrites keep ids
	dmChannels   map[string]string            // DM channel id by recipient id
}

// New starts a Server and closes it when tb's test ends.
func New(tb testing.TB, opts Options) *Server {
	tb.Helper()
	s := NewServer(opts)
	tb.Cleanup(s.Close)
	return s
}

// NewServer starts a Server. The caller must Close it.
func NewServer(opts Options) *Server {
	s := &Server{
		opts:         opts.withDefaults(),
		mux:          http.NewServeMux(),
		changed:      make(chan struct{}),
		conns:        make(map[*gatewayConn]struct{}),
		sessions:     make(map[string]*gatewaySession),
		faults:       make(map[string][]Fault),
		interactions: make(map[string]*interactionState),
		messages:     make(map[string]Message),
		commands:     make(map[string][]json.RawMessage),
		commandIDs:   make(map[string]string),
		dmChannels:   make(map[string]string),
	}
	s.routes = s.restRoutes()
	for pattern, rt := range s.routes {
		method, path, _ := strings.Cut(pattern, " ")
		s.mux.HandleFunc(method+" "+apiPrefix+path, rt.serveMux)
	}
	s.http = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	return s
}

// Close closes every gateway connection, without a close frame, and shuts
// the server down, waiting for its handlers to return. Close discordgo
// sessions first: a session that loses the fake tries to reconnect forever.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	conns := s.connsLocked()
	s.mu.Unlock()

	for _, c := range conns {
		c.ws.Close()
	}
	s.http.Close()
}

// URL returns the base URL of the fake, http://127.0.0.1:PORT. REST lives
// under URL()+"/api/v9", as under https://discord.com.
func (s *Server) URL() string { return s.http.URL }

// GatewayURL returns the websocket URL that GET /gateway hands out.
func (s *Server) GatewayURL() string {
	return "ws" + strings.TrimPrefix(s.http.URL, "http") + "/gateway"
}

// Client returns an HTTP client whose requests to https://discord.com go to
// the fake instead; requests to other hosts are left alone. Assign it to
// discordgo's Session.Client.
func (s *Server) Client() *http.Client {
	target, err := url.Parse(s.http.URL)
	if err != nil {
		panic(fmt.Sprintf("discordtest: httptest gave an invalid URL %q: %v", s.http.URL, err))
	}
	return &http.Client{
		// Reusing the httptest client's transport lets Close drop its idle
		// connections.
		Transport: &rewriteTransport{target: target, next: s.http.Client().Transport},
		// discordgo's own default, so a test that goes wrong fails instead
		// of hanging.
		Timeout: 20 * time.Second,
	}
}

// BotUser returns the bot user the fake reports in READY and /users/@me.
func (s *Server) BotUser() User {
	return User{ID: s.opts.BotUserID, Username: s.opts.BotUsername, Discriminator: "0", Bot: true}
}

// ApplicationID returns the application id the fake expects in interaction
// and command routes.
func (s *Server) ApplicationID() string { return s.opts.ApplicationID }

// rewriteTransport sends requests for https://discord.com to target.
type rewriteTransport struct {
	target *url.URL
	next   http.RoundTripper
}

func (t *rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Scheme != "https" || req.URL.Host != "discord.com" {
		return t.next.RoundTrip(req)
	}
	// A RoundTripper must not modify the caller's request.
	out := req.Clone(req.Context())
	out.URL.Scheme = t.target.Scheme
	out.URL.Host = t.target.Host
	return t.next.RoundTrip(out)
}

// Request is one REST request the fake received, with the answer it gave.
type Request struct {
	// Time is when the fake received the request.
	Time   time.Time
	Method string
	// Path is the path as received, with the /api/v9 prefix.
	Path string
	// Route is the served route that matched, one of the Route constants,
	// or "" when the fake does not serve the path (it answered 404).
	Route string
	Query url.Values
	// Header holds the request headers; the token in Authorization is
	// replaced by "[redacted]", keeping the "Bot " scheme.
	Header http.Header
	// Body is the JSON body, or for a multipart request its payload_json
	// part; nil when the request had none.
	Body json.RawMessage
	// Files are the file parts of a multipart request.
	Files []File

	// Status and Response are what the fake answered.
	Status   int
	Response json.RawMessage
}

// File is one uploaded file of a multipart request.
type File struct {
	Field       string // form field, e.g. "files[0]"
	Name        string
	ContentType string
	Data        []byte
}

// DecodeBody unmarshals the JSON body of r into v.
func (r Request) DecodeBody(v any) error {
	if len(r.Body) == 0 {
		return fmt.Errorf("cannot decode body of %s %s: request has no JSON body", r.Method, r.Path)
	}
	if err := json.Unmarshal(r.Body, v); err != nil {
		return fmt.Errorf("cannot decode body of %s %s: %w", r.Method, r.Path, err)
	}
	return nil
}

// DecodeResponse unmarshals the JSON the fake answered r with into v.
func (r Request) DecodeResponse(v any) error {
	if len(r.Response) == 0 {
		return fmt.Errorf("cannot decode response to %s %s: status %d had no body", r.Method, r.Path, r.Status)
	}
	if err := json.Unmarshal(r.Response, v); err != nil {
		return fmt.Errorf("cannot decode response to %s %s: %w", r.Method, r.Path, err)
	}
	return nil
}

// MatchRoute returns a matcher for WaitRequests that selects requests to
// route, one of the Route constants.
func MatchRoute(route string) func(Request) bool {
	return func(r Request) bool { return r.Route == route }
}

// MatchOp returns a matcher for WaitFrames that selects frames with op.
func MatchOp(op int) func(Frame) bool {
	return func(f Frame) bool { return f.Op == op }
}

// Requests returns the REST requests received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Frames returns the gateway payloads clients sent so far, oldest first.
func (s *Server) Frames() []Frame {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Frame(nil), s.frames...)
}

// WaitRequests waits until at least n recorded requests satisfy match (nil
// matches all) and returns all that do. When ctx ends first, it returns
// those that matched so far and an error wrapping the context's cause.
func (s *Server) WaitRequests(ctx context.Context, n int, match func(Request) bool) ([]Request, error) {
	return waitFor(ctx, s, "requests", func() []Request { return s.requests }, n, match)
}

// TakeRequests is WaitRequests that also removes the requests it returns
// from the record, so that a long test checks each request once and the
// record stays small. Requests that do not match stay recorded.
func (s *Server) TakeRequests(ctx context.Context, n int, match func(Request) bool) ([]Request, error) {
	for {
		s.mu.Lock()
		var taken, kept []Request
		for _, r := range s.requests {
			if match == nil || match(r) {
				taken = append(taken, r)
			} else {
				kept = append(kept, r)
			}
		}
		if len(taken) >= n {
			s.requests = kept
			s.mu.Unlock()
			return taken, nil
		}
		changed := s.changed
		s.mu.Unlock()

		select {
		case <-changed:
		case <-ctx.Done():
			return nil, fmt.Errorf("waiting for %d matching requests, got %d: %w", n, len(taken), context.Cause(ctx))
		}
	}
}

// WaitFrames is WaitRequests for the gateway payloads clients sent.
func (s *Server) WaitFrames(ctx context.Context, n int, match func(Frame) bool) ([]Frame, error) {
	return waitFor(ctx, s, "gateway frames", func() []Frame { return s.frames }, n, match)
}

// waitFor waits until records, read under s.mu, holds n items matching.
func waitFor[T any](ctx context.Context, s *Server, what string, records func() []T, n int, match func(T) bool) ([]T, error) {
	for {
		s.mu.Lock()
		var matched []T
		for _, r := range records() {
			if match == nil || match(r) {
				matched = append(matched, r)
			}
		}
		changed := s.changed
		s.mu.Unlock()

		if len(matched) >= n {
			return matched, nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return matched, fmt.Errorf("waiting for %d matching %s, got %d: %w", n, what, len(matched), context.Cause(ctx))
		}
	}
}

// notifyLocked wakes every waiter; s.mu must be held.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Server) recordRequest(r Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, r)
	s.notifyLocked()
}

func (s *Server) recordFrame(f Frame) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.frames = append(s.frames, f)
	s.notifyLocked()
}
