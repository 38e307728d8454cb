package bot

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"runtime"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot/discordtest"
)

var loadFull = flag.Bool("load", false, "run TestLoad at full size, 10,000 questions (not with -short)")

// loadQuestions are asked in turn: answers, declines, speakers, follow-ups.
var loadQuestions = []string{
	"Who said Europe is the first line of defence?",
	"What did Zakharova say?",
	"How many deals did Trump settle this year?",
	"Where did the talks take place?",
	"What is the capital of France?",
	"Who is she?",
	"What else did he say?",
	"What did Trump say about a ceasefire?",
}

// loadReply is what the load test keeps of a reply.
type loadReply struct {
	to string    // the question's message id
	at time.Time // when the fake received it
}

// TestLoad asks the bot many questions at once through the fake Discord,
// from 100 users in 50 channels (the rate limit raised so as not to
// interfere): every question must be answered exactly once, matched by the
// reply's message_reference, and the heap in use after a GC must not grow
// by more than 20 MB from before the burst to after it. It logs the
// answers per second and the latency from dispatch to reply recorded,
// which includes waiting behind the burst: replies in one channel go one
// at a time, as discordgo's per-route rate limiter sends them.
//
// CI runs it with 500 questions; the full size is
//
//	go test ./bot -run '^TestLoad$' -load -v
func TestLoad(t *testing.T) {
	size := struct{ questions, users, channels int }{500, 100, 50}
	if *loadFull {
		if testing.Short() {
			t.Skip("the full-size load test does not run with -short")
		}
		size.questions = 10000
	}
	t.Parallel()
	fake := discordtest.New(t, discordtest.Options{Token: testToken, HeartbeatInterval: time.Second, NoHistory: true})
	h := runBot(t, fake, func(c *Config) { c.RateLimit.Questions, c.RateLimit.Per = 1_000_000, time.Second })
	h.level.Set(slog.LevelWarn) // a line a question would be the biggest thing in the heap
	users := make([]discordtest.User, size.users)
	for i := range users {
		users[i] = discordtest.User{ID: strconv.Itoa(700000000000001000 + i), Username: "user" + strconv.Itoa(i)}
	}
	channel := func(i int) string { return strconv.Itoa(810000000000001000 + i%size.channels) }
	question := func(i int) discordtest.Message {
		return discordtest.Message{ID: fake.NewID(), ChannelID: channel(i), GuildID: testGuild, Author: users[i%size.users],
			Content:  "<@" + fake.BotUser().ID + "> " + loadQuestions[(i/size.channels)%len(loadQuestions)],
			Mentions: []discordtest.User{fake.BotUser()}}
	}
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()
	isReply := discordtest.MatchRoute(discordtest.RouteCreateMessage)

	// Warm up: a question in every channel, so that the heap before holds
	// what any run needs (connections, rate-limit buckets, conversations).
	for i := range size.channels {
		if _, err := fake.DispatchMessageCreate(question(i)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := fake.TakeRequests(ctx, size.channels, isReply); err != nil {
		t.Fatal(err)
	}
	sent := make(map[string]time.Time, size.questions)
	replies := make([]loadReply, 0, size.questions)
	heapBefore := heapInUse()

	collected := make(chan error, 1)
	go func() { collected <- collectReplies(ctx, t, fake, isReply, size.questions, &replies) }()
	start := time.Now()
	for i := range size.questions {
		m := question(size.channels + i)
		sent[m.ID] = time.Now()
		if _, err := fake.DispatchMessageCreate(m); err != nil {
			t.Fatal(err)
		}
	}
	if err := <-collected; err != nil {
		t.Fatal(err)
	}
	took := replies[len(replies)-1].at.Sub(start)
	heapAfter := heapInUse()

	h.stop(t) // every handler has returned: no reply can come later
	late, err := fake.TakeRequests(ctx, 0, isReply)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range late {
		replies = append(replies, loadReply{to: referenceOf(t, r)})
	}
	answered := make(map[string]int, len(replies))
	for _, r := range replies {
		answered[r.to]++
	}
	for id := range sent {
		if n := answered[id]; n != 1 {
			t.Errorf("question %s answered %d times, want once", id, n)
		}
	}
	if len(answered) != len(sent) || len(replies) != len(sent) {
		t.Errorf("got %d replies to %d messages, want one to each of %d questions", len(replies), len(answered), len(sent))
	}

	latencies := make([]time.Duration, 0, len(replies))
	for _, r := range replies[:size.questions] {
		latencies = append(latencies, r.at.Sub(sent[r.to]))
	}
	slices.Sort(latencies)
	growth := int64(heapAfter) - int64(heapBefore)
	t.Logf("%d questions from %d users in %d channels: %.0f answers/s; latency p50 %v, p99 %v, max %v; heap in use %.1f MB before, %.1f MB after (%+.1f MB)",
		size.questions, size.users, size.channels, float64(size.questions)/took.Seconds(),
		percentile(latencies, 50).Round(time.Millisecond), percentile(latencies, 99).Round(time.Millisecond),
		latencies[len(latencies)-1].Round(time.Millisecond), mb(heapBefore), mb(heapAfter), float64(growth)/(1<<20))
	if growth > 20<<20 {
		t.Errorf("the heap in use grew by %.1f MB, want at most 20 MB", float64(growth)/(1<<20))
	}
}

// collectReplies takes the replies from the fake as they come, until it
// has n, keeping only what the test needs so that memory stays flat.
func collectReplies(ctx context.Context, t *testing.T, fake *discordtest.Server, match func(discordtest.Request) bool, n int, into *[]loadReply) error {
	for len(*into) < n {
		reqs, err := fake.TakeRequests(ctx, 1, match)
		if err != nil {
			return fmt.Errorf("after %d replies of %d: %w", len(*into), n, err)
		}
		for _, r := range reqs {
			if r.Status != 200 {
				return fmt.Errorf("a reply failed with status %d: %s", r.Status, r.Response)
			}
			*into = append(*into, loadReply{to: referenceOf(t, r), at: r.Time})
		}
	}
	return nil
}

func referenceOf(t *testing.T, r discordtest.Request) string {
	var m struct {
		Reference struct {
			MessageID string `json:"message_id"`
		} `json:"message_reference"`
	}
	if err := r.DecodeBody(&m); err != nil {
		t.Error(err)
	}
	return m.Reference.MessageID
}

// heapInUse returns the bytes of heap in use after a full collection.
func heapInUse() uint64 {
	runtime.GC()
	runtime.GC() // the first may leave finalizer-held memory
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

func mb(n uint64) float64 { return float64(n) / (1 << 20) }

// percentile returns the p-th percentile of sorted.
func percentile(sorted []time.Duration, p int) time.Duration {
	return sorted[min(len(sorted)-1, len(sorted)*p/100)]
}
