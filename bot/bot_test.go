package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/articlebot/articlebot/bot/discordtest"
	"github.com/articlebot/articlebot/qa"
	"github.com/articlebot/articlebot/seeds"
)

// End-to-end tests: the bot runs the real discordgo client against the fake
// Discord of package discordtest, over a real websocket on 127.0.0.1.
// Each test waits on what the fake recorded, never on sleeps. discordgo's
// Close sleeps about a second, so the tests run in parallel.

const (
	testToken   = "test-token"
	testGuild   = "800000000000000001"
	testChannel = "800000000000000002"
	alice       = "700000000000000001"
	bob         = "700000000000000002"
)

// seedEngine is built once: the engine is read-only and safe to share.
var seedEngine = sync.OnceValue(func() *qa.Engine {
	articles, err := qa.LoadDir(seeds.FS, ".", "seeds")
	if err != nil {
		panic(err)
	}
	return qa.New(articles, qa.DefaultOptions())
})

// syncBuffer is a log destination that tests read, and wait on, while the
// bot writes.
type syncBuffer struct {
	mu      sync.Mutex
	b       bytes.Buffer
	changed chan struct{} // closed and replaced on every write
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.changed != nil {
		close(s.changed)
		s.changed = nil
	}
	return s.b.Write(p)
}

// waitFor waits until the log holds substr.
func (s *syncBuffer) waitFor(t *testing.T, substr string) {
	t.Helper()
	s.waitForCount(t, substr, 1)
}

// waitForCount waits until the log holds substr n times.
func (s *syncBuffer) waitForCount(t *testing.T, substr string, n int) {
	t.Helper()
	timeout := time.After(15 * time.Second)
	for {
		s.mu.Lock()
		if strings.Count(s.b.String(), substr) >= n {
			s.mu.Unlock()
			return
		}
		if s.changed == nil {
			s.changed = make(chan struct{})
		}
		changed := s.changed
		s.mu.Unlock()
		select {
		case <-changed:
		case <-timeout:
			t.Fatalf("the log never showed %q %d times:\n%s", substr, n, s.String())
		}
	}
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type harness struct {
	fake    *discordtest.Server
	bot     *Bot
	logs    *syncBuffer
	level   slog.LevelVar // of the logs
	cancel  context.CancelFunc
	done    chan error
	stopped bool
}

// startBot runs a bot against a new fake Discord of one shard and waits
// until it is ready to answer.
func startBot(t *testing.T, configure func(*Config)) *harness {
	t.Helper()
	t.Parallel()
	return runBot(t, newFake(t, 1), configure)
}

// newFake starts a fake Discord that recommends shards shards.
func newFake(t *testing.T, shards int) *discordtest.Server {
	return discordtest.New(t, discordtest.Options{Token: testToken, HeartbeatInterval: time.Second, Shards: shards})
}

// runBot runs a bot against fake, with the test's timings (REST retries
// and IDENTIFYs a millisecond apart, reloads 20 ms after a change), and
// waits until it has connected every shard and registered its commands if
// it runs shard 0: until it is ready to answer.
func runBot(t *testing.T, fake *discordtest.Server, configure func(*Config)) *harness {
	t.Helper()
	cfg := DefaultConfig()
	cfg.Discord.Token = testToken
	cfg.Discord.GuildID = testGuild
	cfg.Discord.APIBaseURL = fake.URL()
	if configure != nil {
		configure(&cfg)
	}
	logs := &syncBuffer{}
	h := &harness{fake: fake, logs: logs, done: make(chan error, 1)}
	h.level.Set(slog.LevelDebug)
	h.bot = New(cfg, seedEngine(), slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: &h.level})))
	h.bot.retry.backoff = time.Millisecond
	h.bot.identifyEvery = time.Millisecond
	h.bot.debounce = 20 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() { h.done <- h.bot.Run(ctx) }()
	t.Cleanup(func() { h.stop(t) })
	h.logs.waitFor(t, "msg=connected")
	return h
}

// stop stops the bot and waits for Run to return: every handler has then
// finished, and the bot sends nothing more.
func (h *harness) stop(t *testing.T) {
	t.Helper()
	if h.stopped {
		return
	}
	h.stopped = true
	h.cancel()
	select {
	case err := <-h.done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Error("Run did not return after cancel")
	}
}

// wait waits for n requests that match and returns them.
func (h *harness) wait(t *testing.T, n int, match func(discordtest.Request) bool) []discordtest.Request {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	reqs, err := h.fake.WaitRequests(ctx, n, match)
	if err != nil {
		t.Fatalf("waiting for %d requests: %v (got %d)", n, err, len(reqs))
	}
	return reqs
}

func (h *harness) mention(t *testing.T, author, content string) discordtest.Message {
	t.Helper()
	m, err := h.fake.DispatchMessageCreate(discordtest.Message{
		ChannelID: testChannel, GuildID: testGuild,
		Author:   discordtest.User{ID: author, Username: "user" + author[len(author)-1:]},
		Content:  "<@" + h.fake.BotUser().ID + "> " + content,
		Mentions: []discordtest.User{h.fake.BotUser()},
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// sentMessage is the part of a message the bot posted that the tests read.
type sentMessage struct {
	Content         string         `json:"content"`
	Embeds          []embed        `json:"embeds"`
	Components      []actionRow    `json:"components"`
	AllowedMentions *allowMentions `json:"allowed_mentions"`
	Reference       *struct {
		MessageID string `json:"message_id"`
	} `json:"message_reference"`
	Flags int `json:"flags"`
}

type embed struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	Footer      *struct {
		Text string `json:"text"`
	} `json:"footer"`
}

type actionRow struct {
	Components []struct {
		Label    string `json:"label"`
		CustomID string `json:"custom_id"`
	} `json:"components"`
}

type allowMentions struct {
	Parse       []string `json:"parse"`
	RepliedUser bool     `json:"replied_user"`
}

// interactionResponse is the body of an interaction callback.
type interactionResponse struct {
	Type int         `json:"type"`
	Data sentMessage `json:"data"`
}

func (m sentMessage) text() string {
	var b strings.Builder
	b.WriteString(m.Content)
	for _, e := range m.Embeds {
		b.WriteString("\n" + e.Title + "\n" + e.Description)
		if e.Footer != nil {
			b.WriteString("\n" + e.Footer.Text)
		}
	}
	return b.String()
}

func (m sentMessage) button(label string) string {
	for _, row := range m.Components {
		for _, c := range row.Components {
			if c.Label == label {
				return c.CustomID
			}
		}
	}
	return ""
}

func decode[T any](t *testing.T, r discordtest.Request) T {
	t.Helper()
	var v T
	if err := r.DecodeBody(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func messagesTo(channel string) func(discordtest.Request) bool {
	return func(r discordtest.Request) bool {
		return r.Route == discordtest.RouteCreateMessage && strings.Contains(r.Path, "/channels/"+channel+"/")
	}
}

func checkNoMentions(t *testing.T, am *allowMentions) {
	t.Helper()
	if am == nil || am.Parse == nil || len(am.Parse) != 0 || am.RepliedUser {
		t.Errorf("allowed_mentions = %+v, want parse [] and no replied user", am)
	}
}

func TestMentionAnswered(t *testing.T) {
	h := startBot(t, nil)
	q := h.mention(t, alice, "Who said Europe is the first line of defence?")
	reply := decode[sentMessage](t, h.wait(t, 1, messagesTo(testChannel))[0])
	text := reply.text()
	for _, want := range []string{"Europe is the first line of defence", "— **Donald Trump**, US President", "paragraph 3"} {
		if !strings.Contains(text, want) {
			t.Errorf("reply %q does not contain %q", text, want)
		}
	}
	if reply.Reference == nil || reply.Reference.MessageID != q.ID {
		t.Errorf("reply references %+v, want message %s", reply.Reference, q.ID)
	}
	checkNoMentions(t, reply.AllowedMentions)
	if reply.button("Context") == "" {
		t.Error("no Context button")
	}
	h.logs.waitFor(t, "outcome=answered")
	if strings.Contains(h.logs.String(), testToken) {
		t.Error("the token is in the logs")
	}
	checkMetric(t, h.bot, `articlebot_questions_total{outcome="answered",source="mention"}`, "1")
	checkMetric(t, h.bot, "articlebot_answer_seconds_count", "1")
	for _, path := range []string{"/healthz", "/readyz"} {
		if code, body := serve(t, h.bot, path); code != 200 {
			t.Errorf("%s: got %d %q, want 200", path, code, body)
		}
	}
}

func TestEveryonePingsNobody(t *testing.T) {
	h := startBot(t, nil)
	h.mention(t, alice, "@everyone What did Zakharova say? @here <@&123>")
	reply := decode[sentMessage](t, h.wait(t, 1, messagesTo(testChannel))[0])
	checkNoMentions(t, reply.AllowedMentions)
	if !strings.Contains(reply.text(), "uncontrollable escalation") {
		t.Errorf("got %q", reply.text())
	}
}

// TestOnlyAddressedMessages sends messages the bot must ignore, then one it
// must answer: the only reply must be to the last.
func TestOnlyAddressedMessages(t *testing.T) {
	h := startBot(t, nil)
	ignored := []discordtest.Message{
		{ChannelID: testChannel, GuildID: testGuild, Author: discordtest.User{ID: alice, Username: "a"}, Content: "Who said Europe is the first line of defence?"},
		{ChannelID: testChannel, GuildID: testGuild, Author: discordtest.User{ID: "600000000000000001", Username: "otherbot", Bot: true},
			Content: "<@" + h.fake.BotUser().ID + "> Who said it?", Mentions: []discordtest.User{h.fake.BotUser()}},
		{ChannelID: testChannel, GuildID: testGuild, Author: h.fake.BotUser(),
			Content: "<@" + h.fake.BotUser().ID + "> talking to myself", Mentions: []discordtest.User{h.fake.BotUser()}},
	}
	for _, m := range ignored {
		if _, err := h.fake.DispatchMessageCreate(m); err != nil {
			t.Fatal(err)
		}
	}
	last := h.mention(t, bob, "Where did the talks take place?")
	h.wait(t, 1, messagesTo(testChannel))
	// Handlers run concurrently: give the ignored ones every chance to have
	// replied by waiting for a later event to be fully handled too.
	h.mention(t, bob, "What did Zakharova say?")
	reqs := h.wait(t, 2, messagesTo(testChannel))
	if len(reqs) != 2 {
		t.Fatalf("got %d replies, want 2", len(reqs))
	}
	for _, r := range reqs {
		m := decode[sentMessage](t, r)
		if m.Reference == nil || m.Reference.MessageID == ignored[0].ID {
			t.Errorf("replied to an ignored message: %+v", m.Reference)
		}
	}
	if first := decode[sentMessage](t, reqs[0]); first.Reference.MessageID != last.ID && !strings.Contains(first.text(), "White House") && !strings.Contains(first.text(), "escalation") {
		t.Errorf("unexpected reply %q", first.text())
	}
}

func TestDirectMessage(t *testing.T) {
	h := startBot(t, nil)
	const dm = "800000000000000099"
	if _, err := h.fake.DispatchMessageCreate(discordtest.Message{
		ChannelID: dm, Author: discordtest.User{ID: alice, Username: "alice"}, Content: "How many deals did Trump settle this year?",
	}); err != nil {
		t.Fatal(err)
	}
	reply := decode[sentMessage](t, h.wait(t, 1, messagesTo(dm))[0])
	// Without the bold of the words that answer, whichever they are.
	if !strings.Contains(strings.ReplaceAll(reply.text(), "**", ""), "six deals") {
		t.Errorf("got %q", reply.text())
	}
}

func TestReplyToTheBotIsAQuestion(t *testing.T) {
	h := startBot(t, nil)
	prev := discordtest.Message{ID: h.fake.NewID(), ChannelID: testChannel, GuildID: testGuild, Author: h.fake.BotUser(), Content: "an earlier answer"}
	if _, err := h.fake.DispatchMessageCreate(discordtest.Message{
		ChannelID: testChannel, GuildID: testGuild, Author: discordtest.User{ID: alice, Username: "alice"},
		Content: "And what did Zakharova say?", Mentions: []discordtest.User{h.fake.BotUser()},
		MessageReference: &discordtest.MessageReference{MessageID: prev.ID}, ReferencedMessage: &prev,
	}); err != nil {
		t.Fatal(err)
	}
	reply := decode[sentMessage](t, h.wait(t, 1, messagesTo(testChannel))[0])
	if !strings.Contains(reply.text(), "escalation") {
		t.Errorf("got %q", reply.text())
	}
}

// TestReplyWithoutPing replies to one of the bot's answers with the ping
// switched off. Discord sends such a reply's text only to a bot with the
// Message Content intent, and so does the fake: with
// discord.message_content the bot asks for the intent and answers; without
// it the reply arrives empty and the bot says nothing, not even its help.
func TestReplyWithoutPing(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name           string
		messageContent bool
		wantIntents    int64
		answered       bool
	}{
		{"without the intent", false, int64(discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages), false},
		{"with the intent", true, int64(discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages | discordgo.IntentMessageContent), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := startBot(t, func(c *Config) { c.Discord.MessageContent = tt.messageContent })
			if got := h.identifyIntents(t); got != tt.wantIntents {
				t.Errorf("IDENTIFY intents: got %d, want %d", got, tt.wantIntents)
			}
			answer := discordtest.Message{ID: h.fake.NewID(), ChannelID: testChannel, GuildID: testGuild, Author: h.fake.BotUser(), Content: "an earlier answer"}
			reply, err := h.fake.DispatchMessageCreate(discordtest.Message{
				ChannelID: testChannel, GuildID: testGuild, Author: discordtest.User{ID: alice, Username: "alice"},
				Content:          "And what did Zakharova say?",
				MessageReference: &discordtest.MessageReference{MessageID: answer.ID}, ReferencedMessage: &answer,
			})
			if err != nil {
				t.Fatal(err)
			}
			if tt.answered {
				// Wait for its answer before stopping: handlers run on
				// goroutines of their own, and one that starts after the
				// bot stops is dropped.
				reqs := h.wait(t, 1, replyTo(reply.ID))
				h.stop(t)
				got := decode[sentMessage](t, reqs[0])
				if n := repliesTo(t, h.fake)[reply.ID]; n != 1 || !strings.Contains(got.text(), "escalation") {
					t.Errorf("got %d answers to the reply, the first %q; want 1 about Zakharova", n, got.text())
				}
				checkNoMentions(t, got.AllowedMentions)
				checkMetric(t, h.bot, `articlebot_questions_total{outcome="answered",source="reply"}`, "1")
				return
			}
			// Once the bot has answered a later mention, and stopped, which
			// waits for every handler in flight, it has done all it will
			// with the reply.
			later := h.mention(t, bob, "Where did the talks take place?")
			h.wait(t, 1, replyTo(later.ID))
			h.stop(t)
			if n := repliesTo(t, h.fake)[reply.ID]; n != 0 {
				t.Errorf("got %d answers to the withheld reply, want none, not even help", n)
			}
		})
	}
}

// TestMessageContentNotAllowed runs a bot with discord.message_content
// whose application has the intent switched off in the developer portal:
// Run fails at once, saying which switch to turn on.
func TestMessageContentNotAllowed(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t, discordtest.Options{Token: testToken, DisallowedIntents: int64(discordgo.IntentMessageContent)})
	cfg := DefaultConfig()
	cfg.Discord.Token = testToken
	cfg.Discord.APIBaseURL = fake.URL()
	cfg.Discord.MessageContent = true
	// Bounded, so that a bot that connects after all fails the test
	// rather than runs until the test binary's timeout.
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	err := New(cfg, seedEngine(), nil).Run(ctx)
	want := "4014"
	if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "Bot > Privileged Gateway Intents") {
		t.Errorf("got %v, want the close code %s and where to allow the intent", err, want)
	}
}

// identifyIntents returns the intents the bot's IDENTIFY asked for.
func (h *harness) identifyIntents(t *testing.T) int64 {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	frames, err := h.fake.WaitFrames(ctx, 1, discordtest.MatchOp(discordtest.OpIdentify))
	if err != nil {
		t.Fatal(err)
	}
	return frames[0].Identify.Intents
}

// replyTo selects the messages the bot posted in reply to message id.
func replyTo(id string) func(discordtest.Request) bool {
	return func(r discordtest.Request) bool {
		var m sentMessage
		return r.Route == discordtest.RouteCreateMessage && r.DecodeBody(&m) == nil && m.Reference != nil && m.Reference.MessageID == id
	}
}

func (h *harness) slash(t *testing.T, user, name string, opts ...discordtest.CommandOption) discordtest.Interaction {
	t.Helper()
	in, err := h.fake.DispatchSlashCommand(discordtest.Interaction{
		ChannelID: testChannel, GuildID: testGuild,
		Member: &discordtest.Member{User: &discordtest.User{ID: user, Username: "u"}},
		Data:   discordtest.InteractionData{Name: name, Type: 1, Options: opts},
	})
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// An autocompleteResponse is the bot's answer to an autocomplete request.
type autocompleteResponse struct {
	Type int `json:"type"`
	Data struct {
		Choices []struct{ Name, Value string } `json:"choices"`
	} `json:"data"`
}

// autocomplete sends the fake's autocomplete request for command, as
// alice, with opts (one of them Focused), and returns the bot's answer.
func (h *harness) autocomplete(t *testing.T, command string, opts ...discordtest.CommandOption) autocompleteResponse {
	t.Helper()
	in, err := h.fake.DispatchAutocomplete(discordtest.Interaction{
		ChannelID: testChannel, GuildID: testGuild,
		Member: &discordtest.Member{User: &discordtest.User{ID: alice, Username: "a"}},
		Data:   discordtest.InteractionData{Name: command, Type: 1, Options: opts},
	})
	if err != nil {
		t.Fatal(err)
	}
	return decode[autocompleteResponse](t, h.wait(t, 1, callbackOf(in.ID))[0])
}

func callbackOf(id string) func(discordtest.Request) bool {
	return func(r discordtest.Request) bool {
		return r.Route == discordtest.RouteInteractionCallback && strings.Contains(r.Path, "/interactions/"+id+"/")
	}
}

func TestSlashCommands(t *testing.T) {
	h := startBot(t, nil)
	h.bot.SetVersion("articlebot v1.2.3-test, revision 0123abcd4567, go1.26.0")
	str := func(name, v string) discordtest.CommandOption {
		return discordtest.CommandOption{Name: name, Type: 3, Value: v}
	}
	tests := []struct {
		name      string
		command   string
		opts      []discordtest.CommandOption
		contains  string
		ephemeral bool
	}{
		{"ask", "ask", []discordtest.CommandOption{str("question", "Who said Europe is the first line of defence?")}, "Donald Trump", false},
		{"ask not in the article", "ask", []discordtest.CommandOption{str("question", "What is the capital of France?")}, "I couldn't find that in the article. It covers", false},
		{"summary", "summary", []discordtest.CommandOption{{Name: "sentences", Type: 4, Value: 2}}, "Substantial progress", false},
		{"summary of a speaker", "summary", []discordtest.CommandOption{str("speaker", "Zelenskyy")}, "very good conversation", false},
		{"quote with topic", "quote", []discordtest.CommandOption{str("speaker", "Trump"), str("topic", "ceasefire")}, "ceasefire", false},
		{"quote of an unknown speaker", "quote", []discordtest.CommandOption{str("speaker", "Keir Starmer")}, "No one called", true},
		{"speakers", "speakers", nil, "Maria Zakharova", false},
		{"about", "about", nil, "18 quotes", false},
		{"about shows the version", "about", nil, "articlebot v1.2.3-test, revision 0123abcd4567", false},
		{"help", "help", nil, "/summary", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := h.slash(t, alice+tt.name, tt.command, tt.opts...)
			resp := decode[interactionResponse](t, h.wait(t, 1, callbackOf(in.ID))[0])
			if resp.Type != 4 {
				t.Errorf("response type %d, want 4", resp.Type)
			}
			if !strings.Contains(resp.Data.text(), tt.contains) {
				t.Errorf("got %q, want it to contain %q", resp.Data.text(), tt.contains)
			}
			if eph := resp.Data.Flags&64 != 0; eph != tt.ephemeral {
				t.Errorf("ephemeral %v, want %v", eph, tt.ephemeral)
			}
			checkNoMentions(t, resp.Data.AllowedMentions)
		})
	}
}

func TestAutocomplete(t *testing.T) {
	h := startBot(t, nil)
	for _, tt := range []struct{ typed, want string }{{"zak", "Maria Zakharova"}, {"Zelensky", "Volodymyr Zelenskyy"}, {"", "Donald Trump"}} {
		resp := h.autocomplete(t, "quote", discordtest.CommandOption{Name: "speaker", Type: 3, Value: tt.typed, Focused: true})
		if resp.Type != 8 || len(resp.Data.Choices) == 0 || len(resp.Data.Choices) > 25 || resp.Data.Choices[0].Name != tt.want {
			t.Errorf("typed %q: got %+v, want type 8 with %q first", tt.typed, resp, tt.want)
		}
	}
}

func TestMoreAndContextButtons(t *testing.T) {
	h := startBot(t, func(c *Config) { c.Answers.Passages = 1 })
	in := h.slash(t, alice, "ask", discordtest.CommandOption{Name: "question", Type: 3, Value: "What did Trump say about a ceasefire?"})
	answer := decode[interactionResponse](t, h.wait(t, 1, callbackOf(in.ID))[0]).Data
	if len(answer.Embeds) != 1 {
		t.Fatalf("got %d passages, want 1", len(answer.Embeds))
	}
	more, ctxID := answer.button("More"), answer.button("Context")
	if more == "" || ctxID == "" {
		t.Fatalf("buttons: more %q context %q", more, ctxID)
	}
	for _, tt := range []struct{ id, want string }{{more, "— **Donald Trump**"}, {ctxID, "paragraphs "}} {
		click, err := h.fake.DispatchComponent(discordtest.Interaction{
			ChannelID: testChannel, GuildID: testGuild,
			Member: &discordtest.Member{User: &discordtest.User{ID: bob, Username: "b"}},
			Data:   discordtest.InteractionData{CustomID: tt.id, ComponentType: 2},
		})
		if err != nil {
			t.Fatal(err)
		}
		resp := decode[interactionResponse](t, h.wait(t, 1, callbackOf(click.ID))[0])
		if resp.Data.Flags&64 == 0 {
			t.Errorf("%s: not ephemeral", tt.id)
		}
		if !strings.Contains(resp.Data.text(), tt.want) || resp.Data.text() == answer.text() {
			t.Errorf("%s: got %q, want new text containing %q", tt.id, resp.Data.text(), tt.want)
		}
	}
}

// gatedEngine answers only once gate is closed, so that a test can hold a
// question in flight.
type gatedEngine struct {
	Engine
	gate chan struct{}
}

func (g gatedEngine) FollowQuestion(c *qa.Conversation, q *qa.Question, k int, now time.Time) ([]qa.Answer, error) {
	<-g.gate
	return g.Engine.FollowQuestion(c, q, k, now)
}

func TestDeferredWhenSlow(t *testing.T) {
	h := startBot(t, func(c *Config) { c.Answers.DeferAfter = 0 })
	gate := make(chan struct{})
	release := sync.OnceFunc(func() { close(gate) })
	t.Cleanup(release) // before the bot's cleanup, which waits for the question
	h.bot.SetEngine(gatedEngine{seedEngine(), gate})
	in := h.slash(t, alice, "ask", discordtest.CommandOption{Name: "question", Type: 3, Value: "Who said Europe is the first line of defence?"})
	resp := decode[interactionResponse](t, h.wait(t, 1, callbackOf(in.ID))[0])
	release()
	if resp.Type != 5 {
		t.Errorf("response type %d, want 5 (deferred)", resp.Type)
	}
	edit := decode[sentMessage](t, h.wait(t, 1, discordtest.MatchRoute(discordtest.RouteEditWebhookMessage))[0])
	if !strings.Contains(edit.text(), "Donald Trump") {
		t.Errorf("edit %q", edit.text())
	}
	checkNoMentions(t, edit.AllowedMentions)
}

func TestRateLimit(t *testing.T) {
	h := startBot(t, func(c *Config) { c.RateLimit.Questions, c.RateLimit.Per = 2, time.Hour })
	for range 4 {
		h.mention(t, alice, "What did Zakharova say?")
	}
	// Two answers and one notice for alice; her fourth question gets
	// nothing (one notice a flood).
	h.wait(t, 3, messagesTo(testChannel))
	in := h.slash(t, alice, "ask", discordtest.CommandOption{Name: "question", Type: 3, Value: "Who is Maria Zakharova?"})
	resp := decode[interactionResponse](t, h.wait(t, 1, callbackOf(in.ID))[0])
	if resp.Data.Flags&64 == 0 || !strings.Contains(resp.Data.Content, "You're asking quickly") {
		t.Errorf("slash over the limit: got %+v, want an ephemeral notice", resp.Data)
	}
	h.mention(t, bob, "What did Zakharova say?") // another user is not limited
	reqs := h.wait(t, 4, messagesTo(testChannel))
	notices := 0
	for _, r := range reqs {
		if strings.Contains(decode[sentMessage](t, r).Content, "You're asking quickly") {
			notices++
		}
	}
	if len(reqs) != 4 || notices != 1 {
		t.Errorf("got %d replies with %d notices, want 4 with 1", len(reqs), notices)
	}
	h.logs.waitFor(t, "outcome=rate_limited")
}

func TestLongAnswersFitDiscordLimits(t *testing.T) {
	t.Parallel()
	long := "Title\n\"" + strings.Repeat("we will stand with our partners in every season and every storm, ", 150) + `and we will not waver," the minister said.` + "\n"
	a, err := qa.ParseArticle("long.txt", strings.NewReader(long))
	if err != nil {
		t.Fatal(err)
	}
	e := qa.New([]*qa.Article{a}, qa.DefaultOptions())
	r, out := askReply(e, &qa.Conversation{}, "What did the minister say about partners?", nil, 5, time.Now())
	if out != answered {
		t.Fatalf("outcome %s", out)
	}
	if n := embedsLength(r.Embeds); n > maxEmbedsTotal {
		t.Errorf("embeds total %d characters, over %d", n, maxEmbedsTotal)
	}
	for _, em := range r.Embeds {
		if n := len([]rune(em.Description)); n > maxEmbedDesc {
			t.Errorf("description of %d characters", n)
		}
		if !strings.HasSuffix(strings.SplitN(em.Description, "\n\n—", 2)[0], "…") {
			t.Errorf("a cut passage does not end with an ellipsis: %q", em.Description[len(em.Description)-80:])
		}
	}
}

func TestReconnectAndAnswer(t *testing.T) {
	h := startBot(t, nil)
	h.fake.DropConnections()
	// Dispatched while the bot is away: the fake replays it on RESUME.
	h.mention(t, alice, "What did Zakharova say?")
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if _, err := h.fake.WaitFrames(ctx, 1, discordtest.MatchOp(discordtest.OpResume)); err != nil {
		t.Fatalf("no RESUME: %v", err)
	}
	reply := decode[sentMessage](t, h.wait(t, 1, messagesTo(testChannel))[0])
	if !strings.Contains(reply.text(), "escalation") {
		t.Errorf("got %q", reply.text())
	}
	h.logs.waitFor(t, `msg="shard reconnected" shard=0`)
	checkMetric(t, h.bot, `articlebot_gateway_reconnects_total{shard="0"}`, "1")
}

func TestCleanShutdown(t *testing.T) {
	h := startBot(t, nil)
	stopMetrics, err := h.bot.ServeMetrics("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h.mention(t, alice, "What did Zakharova say?")
	h.wait(t, 1, messagesTo(testChannel))
	addr := h.metricsAddr(t)
	if code, body := get(t, "http://"+addr+"/healthz"); code != 200 || body != "shard 0/1: connected\n" {
		t.Errorf("/healthz: got %d %q, want 200 and shard 0 connected", code, body)
	}
	h.stop(t)
	stopMetrics() // after Run, as articlebot serve does
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := h.fake.WaitFrames(ctx, 1, func(f discordtest.Frame) bool { return f.Op == discordtest.OpClose && f.CloseCode == 1000 }); err != nil {
		t.Errorf("no close frame 1000: %v", err)
	}
	if _, err := http.Get("http://" + addr + "/healthz"); err == nil {
		t.Error("the metrics server still answers after it was stopped")
	}
}

// TestStopTimeoutsAgree checks that systemd and the Dockerfile's advice
// give the bot time to stop cleanly: to finish the replies in flight, close
// the gateway (discordgo waits a second after its close frame) and stop
// the metrics server, each for as long as it may take.
func TestStopTimeoutsAgree(t *testing.T) {
	const gatewayClose = time.Second // discordgo's Close, all shards at once
	stopping := shutdownTimeout + gatewayClose + metricsStopTimeout
	tests := []struct {
		file string
		re   *regexp.Regexp // its first group is the time allowed
	}{
		{"../deploy/articlebot.service", regexp.MustCompile(`(?m)^TimeoutStopSec=(\w+)$`)},
		{"../Dockerfile", regexp.MustCompile(`docker stop -t (\d+)`)},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			m := tt.re.FindSubmatch(data)
			if m == nil {
				t.Fatalf("no %s in %s", tt.re, tt.file)
			}
			s := string(m[1])
			if _, err := strconv.Atoi(s); err == nil {
				s += "s" // a bare number is seconds, to systemd and docker alike
			}
			allowed, err := time.ParseDuration(s)
			if err != nil {
				t.Fatalf("%s: %v", tt.file, err)
			}
			if allowed <= stopping {
				t.Errorf("%s allows %v to stop, want more than the bot's %v", tt.file, allowed, stopping)
			}
		})
	}
}

func TestBadToken(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t, discordtest.Options{Token: "the-right-one"})
	cfg := DefaultConfig()
	cfg.Discord.Token = "a-wrong-one"
	cfg.Discord.APIBaseURL = fake.URL()
	err := New(cfg, seedEngine(), slog.New(slog.DiscardHandler)).Run(context.Background())
	if err == nil || !strings.Contains(err.Error(), "401") || strings.Contains(err.Error(), "a-wrong-one") {
		t.Errorf("got %v, want a 401 error that does not show the token", err)
	}
}

// TestRetriesAfterRateLimit has Discord answer 429 to the first reply: the
// reply is sent again after retry_after and arrives once.
func TestRetriesAfterRateLimit(t *testing.T) {
	h := startBot(t, nil)
	if err := h.fake.FailNext(discordtest.RouteCreateMessage, 1, discordtest.Fault{Status: 429, RetryAfter: 50 * time.Millisecond}); err != nil {
		t.Fatal(err)
	}
	h.mention(t, alice, "What did Zakharova say?")
	reqs := h.wait(t, 2, messagesTo(testChannel))
	if reqs[0].Status != 429 || reqs[1].Status != 200 {
		t.Errorf("statuses %d, %d; want 429 then 200", reqs[0].Status, reqs[1].Status)
	}
	var body struct {
		Embeds []json.RawMessage `json:"embeds"`
	}
	if err := json.Unmarshal(reqs[1].Body, &body); err != nil || len(body.Embeds) == 0 {
		t.Errorf("the retried reply has no answer: %s (%v)", reqs[1].Body, err)
	}
}

// recordingAPI is a discordAPI that records what the handlers send, and
// signals each send on sent.
type recordingAPI struct {
	mu        sync.Mutex
	messages  []*discordgo.MessageSend
	responses []*discordgo.InteractionResponse
	edits     []*discordgo.WebhookEdit
	sent      chan struct{}
}

func newRecordingAPI() *recordingAPI { return &recordingAPI{sent: make(chan struct{}, 10)} }

// record adds what was sent, under the lock, and signals it.
func (a *recordingAPI) record(add func()) {
	a.mu.Lock()
	defer a.mu.Unlock()
	add()
	a.sent <- struct{}{}
}

func (a *recordingAPI) ChannelMessageSendComplex(_ string, m *discordgo.MessageSend, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	a.record(func() { a.messages = append(a.messages, m) })
	return &discordgo.Message{}, nil
}

func (a *recordingAPI) InteractionRespond(_ *discordgo.Interaction, r *discordgo.InteractionResponse, _ ...discordgo.RequestOption) error {
	a.record(func() { a.responses = append(a.responses, r) })
	return nil
}

func (a *recordingAPI) InteractionResponseEdit(_ *discordgo.Interaction, e *discordgo.WebhookEdit, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	a.record(func() { a.edits = append(a.edits, e) })
	return &discordgo.Message{}, nil
}

// sends lists what was sent, in a word each.
func (a *recordingAPI) sends() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []string
	for range a.messages {
		out = append(out, "message")
	}
	for _, r := range a.responses {
		out = append(out, fmt.Sprintf("response %d: %s", r.Type, r.Data.Content))
	}
	for _, e := range a.edits {
		out = append(out, "edit: "+*e.Content)
	}
	return out
}

// panicEverywhere panics in every engine call a handler makes for a user,
// as a bug would; ParseQuestion only once gate is closed.
type panicEverywhere struct {
	Engine
	gate chan struct{}
}

func (p panicEverywhere) ParseQuestion(string) (*qa.Question, error) {
	<-p.gate
	panic(errBoom)
}
func (panicEverywhere) MatchSpeakers(string, int, *qa.Article) []*qa.Speaker {
	panic(errBoom)
}
func (panicEverywhere) Passage(qa.Ref) (qa.Answer, bool) { panic(errBoom) }

func interactionOf(id string, typ discordgo.InteractionType, data discordgo.InteractionData) *discordgo.Interaction {
	return &discordgo.Interaction{ID: id, Type: typ, Data: data, ChannelID: "3", GuildID: "1",
		Member: &discordgo.Member{User: &discordgo.User{ID: "2"}}}
}

// TestHandlerPanicIsRecovered panics in every path a handler takes: the
// panic is logged with the event and its id, and an interaction still gets
// an answer when it can.
func TestHandlerPanicIsRecovered(t *testing.T) {
	t.Parallel()
	const wrong = "Something went wrong while answering; please try again."
	ask := discordgo.ApplicationCommandInteractionData{Name: "ask", Options: []*discordgo.ApplicationCommandInteractionDataOption{
		{Name: "question", Type: discordgo.ApplicationCommandOptionString, Value: "Who said it?"}}}
	autocomplete := discordgo.ApplicationCommandInteractionData{Name: "quote", Options: []*discordgo.ApplicationCommandInteractionDataOption{
		{Name: "speaker", Type: discordgo.ApplicationCommandOptionString, Value: "zak", Focused: true}}}
	more := discordgo.MessageComponentInteractionData{CustomID: "more:" + seedEngine().Version() + ":1,2", ComponentType: discordgo.ButtonComponent}
	tests := []struct {
		name        string
		deferAfter  time.Duration // 0: the answer is deferred
		message     *discordgo.Message
		interaction *discordgo.Interaction
		event, id   string
		want        []string
	}{
		{name: "message", deferAfter: time.Hour, message: messageFrom{"2", "<@1> boom"}.message(),
			event: "MESSAGE_CREATE", id: "5"},
		{name: "autocomplete", deferAfter: time.Hour,
			interaction: interactionOf("11", discordgo.InteractionApplicationCommandAutocomplete, autocomplete),
			event:       "INTERACTION_CREATE", id: "11"},
		{name: "slash command, answered at once", deferAfter: time.Hour,
			interaction: interactionOf("12", discordgo.InteractionApplicationCommand, ask),
			event:       "INTERACTION_CREATE", id: "12", want: []string{"response 4: " + wrong}},
		{name: "slash command, deferred", deferAfter: 0,
			interaction: interactionOf("13", discordgo.InteractionApplicationCommand, ask),
			event:       "INTERACTION_CREATE", id: "13", want: []string{"response 5: ", "edit: " + wrong}},
		{name: "button", deferAfter: time.Hour,
			interaction: interactionOf("14", discordgo.InteractionMessageComponent, more),
			event:       "INTERACTION_CREATE", id: "14", want: []string{"response 4: " + wrong}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs syncBuffer
			cfg := DefaultConfig()
			cfg.Answers.DeferAfter = tt.deferAfter
			gate := make(chan struct{})
			b := New(cfg, panicEverywhere{seedEngine(), gate}, slog.New(slog.NewTextHandler(&logs, nil)))
			b.setIdentity(readyFor("1"))
			api := newRecordingAPI()
			handled := make(chan struct{})
			go func() {
				defer close(handled)
				if tt.message != nil {
					b.onMessage(api, tt.message)
				} else {
					b.onInteraction(api, tt.interaction)
				}
			}()
			if tt.deferAfter == 0 {
				<-api.sent // the deferral, before the answer panics
			}
			close(gate)
			<-handled
			if want := fmt.Sprintf(`msg="handler panicked" event=%s id=%s panic=boom`, tt.event, tt.id); !strings.Contains(logs.String(), want) {
				t.Errorf("logs %q, want %q", logs.String(), want)
			}
			if got := api.sends(); !slices.Equal(got, tt.want) {
				t.Errorf("sent %q, want %q", got, tt.want)
			}
			checkMetric(t, b, `articlebot_handler_panics_total{event="`+tt.event+`"}`, "1")
		})
	}
}

var errBoom = errors.New("boom")
