package bot

import (
	"context"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot/discordtest"
)

// stubDiscord answers requests with canned responses, the first one first
// and the last one from then on, and records the paths it was asked.
type stubDiscord struct {
	mu        sync.Mutex
	responses []func() *http.Response
	paths     []string
}

func (s *stubDiscord) RoundTrip(r *http.Request) (*http.Response, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.Body != nil {
		r.Body.Close()
	}
	s.paths = append(s.paths, r.Method+" "+r.URL.Path)
	resp := s.responses[min(len(s.paths), len(s.responses))-1]()
	resp.Request = r
	return resp, nil
}

func (s *stubDiscord) asked() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.paths)
}

func response(status int, header http.Header, body string) func() *http.Response {
	return func() *http.Response {
		if header == nil {
			header = http.Header{}
		}
		return &http.Response{StatusCode: status, Header: header.Clone(), Body: io.NopCloser(strings.NewReader(body))}
	}
}

func do(t *testing.T, client *http.Client, ctx context.Context, method, path string) (*http.Response, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, method, "https://discord.com/api/v9"+path, strings.NewReader(`{"content":"hi"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := client.Do(req)
	if err == nil {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	return resp, err
}

// TestGlobalRateLimitHoldsBack checks that a global 429, told by its body
// or by its header alone, holds back every later request but interaction
// callbacks, and that a per-route 429 holds back nothing.
func TestGlobalRateLimitHoldsBack(t *testing.T) {
	const hour = `{"message": "You are being rate limited.", "retry_after": 3600, "global": %s}`
	tests := []struct {
		name     string
		limited  func() *http.Response
		wantHeld bool
	}{
		{"global in the body", response(429, nil, strings.Replace(hour, "%s", "true", 1)), true},
		{"global in the header, no JSON", response(429, http.Header{"X-Ratelimit-Global": {"true"}, "Retry-After": {"3600"}}, "<html>slow down</html>"), true},
		{"per route", response(429, http.Header{"X-Ratelimit-Scope": {"user"}}, strings.Replace(hour, "%s", "false", 1)), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stub := &stubDiscord{responses: []func() *http.Response{tt.limited, response(200, nil, "{}")}}
			b := New(DefaultConfig(), nil, nil)
			client := &http.Client{Transport: newRESTTransport(stub, defaultRetry(), b.metrics, b.log)}

			resp, err := do(t, client, t.Context(), "POST", "/channels/1/messages")
			if err != nil || resp.StatusCode != 429 {
				t.Fatalf("got %v, %v; want the 429 handed to discordgo", resp, err)
			}
			short, cancel := context.WithTimeout(t.Context(), 20*time.Millisecond)
			defer cancel()
			_, err = do(t, client, short, "POST", "/channels/2/messages")
			if held := errors.Is(err, context.DeadlineExceeded); held != tt.wantHeld {
				t.Errorf("another channel's message held back: %v (err %v), want %v", held, err, tt.wantHeld)
			}
			if _, err := do(t, client, t.Context(), "POST", "/interactions/5/tok/callback"); err != nil {
				t.Errorf("interaction callback: %v, want it sent at once", err)
			}
			want := []string{"POST /api/v9/channels/1/messages", "POST /api/v9/channels/2/messages", "POST /api/v9/interactions/5/tok/callback"}
			if tt.wantHeld {
				want = slices.Delete(want, 1, 2)
			}
			if got := stub.asked(); !slices.Equal(got, want) {
				t.Errorf("Discord was asked %q, want %q", got, want)
			}
		})
	}
}

func TestRetryable(t *testing.T) {
	tests := []struct {
		method, path string
		status       int
		want         bool
	}{
		{"GET", "/api/v9/gateway/bot", 500, true},
		{"GET", "/api/v9/gateway/bot", 504, true},
		{"GET", "/api/v9/gateway/bot", 404, false},
		{"PUT", "/api/v9/applications/1/guilds/2/commands", 503, true},
		{"PATCH", "/api/v9/webhooks/1/tok/messages/@original", 500, true},
		{"DELETE", "/api/v9/channels/1/messages/2", 502, true},
		{"POST", "/api/v9/interactions/1/tok/callback", 500, true},
		{"POST", "/api/v9/channels/1/messages", 502, true},
		{"POST", "/api/v9/channels/1/messages", 503, true},
		{"POST", "/api/v9/channels/1/messages", 500, false},
		{"POST", "/api/v9/channels/1/messages", 504, false},
		{"POST", "/api/v9/webhooks/1/tok", 500, false},
		{"POST", "/api/v9/channels/1/messages", 429, false},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path+" "+http.StatusText(tt.status), func(t *testing.T) {
			r, err := http.NewRequest(tt.method, "https://discord.com"+tt.path, strings.NewReader("{}"))
			if err != nil {
				t.Fatal(err)
			}
			if got := retryable(r, tt.status); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	t.Run("a body that cannot be read again", func(t *testing.T) {
		r, err := http.NewRequest("GET", "https://discord.com/api/v9/gateway", io.NopCloser(strings.NewReader("{}")))
		if err != nil {
			t.Fatal(err)
		}
		if retryable(r, 500) {
			t.Error("got true, want false")
		}
	})
}

func TestRetryWait(t *testing.T) {
	p := retryPolicy{attempts: 5, backoff: 100 * time.Millisecond, max: 300 * time.Millisecond}
	tests := []struct {
		name       string
		n          int
		retryAfter string
		lo, hi     time.Duration
	}{
		{"first", 1, "", 50 * time.Millisecond, 100 * time.Millisecond},
		{"second doubles", 2, "", 100 * time.Millisecond, 200 * time.Millisecond},
		{"third is capped", 3, "", 150 * time.Millisecond, 300 * time.Millisecond},
		{"Retry-After, up to the cap", 1, "60", 300 * time.Millisecond, 300 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for range 100 {
				if d := p.wait(tt.n, http.Header{"Retry-After": {tt.retryAfter}}); d < tt.lo || d > tt.hi {
					t.Fatalf("got %v, want %v to %v", d, tt.lo, tt.hi)
				}
			}
		})
	}
}

// statuses lists the statuses the fake answered requests to route with.
func statuses(fake *discordtest.Server, route string) []int {
	var s []int
	for _, r := range fake.Requests() {
		if r.Route == route {
			s = append(s, r.Status)
		}
	}
	return s
}

// TestServerErrors runs the bot against Discord's 5xx: retried where the
// request is safe to send again, a bounded number of times.
func TestServerErrors(t *testing.T) {
	t.Parallel()
	question := "What did Zakharova say?"
	tests := []struct {
		name   string
		route  string
		n      int
		status int
		// act makes the bot send on route, after it started.
		act  func(t *testing.T, h *harness)
		want []int
	}{
		{
			name: "503 twice, then the message", route: discordtest.RouteCreateMessage, n: 2, status: 503,
			act:  func(t *testing.T, h *harness) { h.mention(t, alice, question); h.wait(t, 1, sentOK) },
			want: []int{503, 503, 200},
		},
		{
			name: "a GET on 500 is retried", route: discordtest.RouteGatewayBot, n: 1, status: 500,
			act:  func(*testing.T, *harness) {}, // the bot started: GET /gateway/bot went through
			want: []int{500, 200},
		},
		{
			name: "a message on 500 is not sent twice", route: discordtest.RouteCreateMessage, n: 1, status: 500,
			act: func(t *testing.T, h *harness) {
				h.mention(t, alice, question)
				h.logs.waitFor(t, "outcome=error")
				h.mention(t, bob, question)
				h.wait(t, 1, sentOK)
			},
			want: []int{500, 200},
		},
		{
			name: "a message on 504 is not sent twice", route: discordtest.RouteCreateMessage, n: 1, status: 504,
			act:  func(t *testing.T, h *harness) { h.mention(t, alice, question); h.logs.waitFor(t, "outcome=error") },
			want: []int{504},
		},
		{
			name: "502 three times: given up", route: discordtest.RouteCreateMessage, n: 3, status: 502,
			act:  func(t *testing.T, h *harness) { h.mention(t, alice, question); h.logs.waitFor(t, "outcome=error") },
			want: []int{502, 502, 502},
		},
		{
			name: "an interaction callback on 500 is retried", route: discordtest.RouteInteractionCallback, n: 1, status: 500,
			act: func(t *testing.T, h *harness) {
				h.slash(t, alice, "help")
				h.wait(t, 1, func(r discordtest.Request) bool {
					return r.Route == discordtest.RouteInteractionCallback && r.Status == 204
				})
			},
			want: []int{500, 204},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fake := newFake(t, 1)
			if err := fake.FailNext(tt.route, tt.n, discordtest.Fault{Status: tt.status}); err != nil {
				t.Fatal(err)
			}
			h := runBot(t, fake, nil)
			tt.act(t, h)
			h.stop(t) // every handler has returned: nothing more will be sent
			if got := statuses(fake, tt.route); !slices.Equal(got, tt.want) {
				t.Errorf("got statuses %v, want %v", got, tt.want)
			}
		})
	}
}

func sentOK(r discordtest.Request) bool {
	return r.Route == discordtest.RouteCreateMessage && r.Status == 200
}

// TestGlobalRateLimit has Discord answer a reply with its global rate
// limit: a reply in another channel, asked after it, is held back until
// retry_after has passed, though discordgo would send it at once; both
// replies arrive once.
func TestGlobalRateLimit(t *testing.T) {
	t.Parallel()
	const retryAfter = 300 * time.Millisecond
	fake := newFake(t, 1)
	h := runBot(t, fake, nil)
	if err := fake.FailNext(discordtest.RouteCreateMessage, 1, discordtest.Fault{Status: 429, RetryAfter: retryAfter, Global: true}); err != nil {
		t.Fatal(err)
	}
	first := h.mention(t, alice, "What did Zakharova say?")
	// Once the bot has read the 429, not merely once the fake sent it.
	h.logs.waitFor(t, "global rate limit: holding back every request")
	limited := h.wait(t, 1, discordtest.MatchRoute(discordtest.RouteCreateMessage))[0]
	other, err := fake.DispatchMessageCreate(discordtest.Message{ChannelID: "800000000000000003", GuildID: testGuild,
		Author: discordtest.User{ID: bob, Username: "bob"}, Content: "<@" + fake.BotUser().ID + "> Who is Maria Zakharova?",
		Mentions: []discordtest.User{fake.BotUser()}})
	if err != nil {
		t.Fatal(err)
	}
	h.wait(t, 2, sentOK)
	h.stop(t)

	var got []int
	for _, r := range fake.Requests() {
		if r.Route != discordtest.RouteCreateMessage {
			continue
		}
		got = append(got, r.Status)
		if m := decode[sentMessage](t, r); r.Status == 200 && m.Reference.MessageID == other.ID {
			if waited := r.Time.Sub(limited.Time); waited < retryAfter {
				t.Errorf("the other channel's reply went %v after the global 429, want at least %v", waited, retryAfter)
			}
		}
	}
	if slices.Sort(got); !slices.Equal(got, []int{200, 200, 429}) {
		t.Errorf("got statuses %v, want one 429 and two replies", got)
	}
	if replies := repliesTo(t, fake); replies[first.ID] != 1 || replies[other.ID] != 1 {
		t.Errorf("got replies %v, want one to each question", replies)
	}
	checkMetric(t, h.bot, "articlebot_rest_global_rate_limits_total", "1")
}
