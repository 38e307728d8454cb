package discordtest_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/articlebot/articlebot/bot/discordtest"
)

// Tests run in parallel and share nothing: each starts its own fake.

const testToken = "test-token"

// Ids used across the tests.
const (
	guildID   = "900000000000000001"
	channelID = "900000000000000002"
	dmChannel = "900000000000000003"
)

var alice = discordtest.User{ID: "900000000000000010", Username: "alice"}

// testContext bounds a test's waits, so that a broken test fails rather
// than hangs.
func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// newSession returns a discordgo session that talks to fake, not yet open.
func newSession(t *testing.T, fake *discordtest.Server, token string) *discordgo.Session {
	t.Helper()
	s, err := discordgo.New("Bot " + token)
	if err != nil {
		t.Fatalf("discordgo.New: %v", err)
	}
	s.Client = fake.Client()
	return s
}

// open opens s, which must talk to fake, closes it when the test ends and
// returns its gateway session id.
func open(t *testing.T, ctx context.Context, fake *discordtest.Server, s *discordgo.Session) string {
	t.Helper()
	id := openReady(t, ctx, fake, s)
	// Registered after the fake's cleanup, so it runs before the fake closes.
	t.Cleanup(func() { closeSession(t, fake, s, id) })
	return id
}

// openReady opens s, waits for READY and returns its session id. The id
// comes from READY, not from s.State: after a failed RESUME, Open returns
// before READY arrives.
//
// openReady also waits for the session's first heartbeat. discordgo's
// heartbeat goroutine sends one as soon as Open returns; if Session.Close
// has sent its close frame first, that write fails and the goroutine
// reconnects: the session opens again, and retries forever once the fake is
// gone.
func openReady(t *testing.T, ctx context.Context, fake *discordtest.Server, s *discordgo.Session) string {
	t.Helper()
	// Not AddHandlerOnce: discordgo clears once-handlers while it holds only
	// the read lock on its handler maps, a data race with the Disconnect
	// event that Close sends from another goroutine.
	ready := make(chan string, 1)
	remove := s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
		select {
		case ready <- r.SessionID:
		default:
		}
	})
	defer remove()
	if err := s.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	id := receive(t, ctx, ready)
	waitHeartbeats(t, ctx, fake, id, 1)
	return id
}

// closeSession closes s without waiting out the second Session.Close
// sleeps after its close frame; a test that waited would pay that second
// per session, and go test runs only GOMAXPROCS tests at a time. Once the
// fake has the close frame, discordgo has closed its listening channel, so
// neither its heartbeat nor its listen loop can reconnect, and the fake may
// shut down while Close sleeps.
func closeSession(t *testing.T, fake *discordtest.Server, s *discordgo.Session, id string) {
	isClose := func(f discordtest.Frame) bool { return f.Op == discordtest.OpClose && f.SessionID == id }
	before := len(slices.DeleteFunc(fake.Frames(), func(f discordtest.Frame) bool { return !isClose(f) }))
	go s.Close() // its error, if any, is a close frame the wait below misses
	// t.Context is done by now: cleanups run after it is canceled.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	frames, err := fake.WaitFrames(ctx, before+1, isClose)
	if err != nil {
		t.Errorf("closing session %s: %v", id, err)
		return
	}
	// 1000 ends the session on Discord: a later Open cannot resume it.
	if code := frames[before].CloseCode; code != websocket.CloseNormalClosure {
		t.Errorf("session %s closed with code %d, want %d", id, code, websocket.CloseNormalClosure)
	}
}

// waitHeartbeats waits until gateway session id has sent n heartbeats.
func waitHeartbeats(t *testing.T, ctx context.Context, fake *discordtest.Server, id string, n int) {
	t.Helper()
	_, err := fake.WaitFrames(ctx, n, func(f discordtest.Frame) bool {
		return f.Op == discordtest.OpHeartbeat && f.SessionID == id
	})
	if err != nil {
		t.Fatalf("session %s: %v", id, err)
	}
}

// events forwards the events of type T that s receives to the returned
// channel. Register before Open, so as not to miss READY.
func events[T any](s *discordgo.Session) <-chan T {
	ch := make(chan T, 64)
	s.AddHandler(func(_ *discordgo.Session, e T) { ch <- e })
	return ch
}

// receive returns the next value of ch, or fails the test when ctx ends.
func receive[T any](t *testing.T, ctx context.Context, ch <-chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		var zero T
		t.Fatalf("waiting for %T: %v", zero, context.Cause(ctx))
		return zero
	}
}

// waitRequest waits for the first request to route.
func waitRequest(t *testing.T, ctx context.Context, fake *discordtest.Server, route string) discordtest.Request {
	t.Helper()
	reqs, err := fake.WaitRequests(ctx, 1, discordtest.MatchRoute(route))
	if err != nil {
		t.Fatal(err)
	}
	return reqs[0]
}

// restError returns the HTTP status and Discord error code of err, which
// must be a *discordgo.RESTError.
func restError(t *testing.T, err error) (status, code int) {
	t.Helper()
	var re *discordgo.RESTError
	if !errors.As(err, &re) {
		t.Fatalf("got error %v, want a *discordgo.RESTError", err)
	}
	if re.Message == nil {
		return re.Response.StatusCode, 0
	}
	return re.Response.StatusCode, re.Message.Code
}

func TestOpen(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		setup       func(*discordgo.Session)
		wantIntents discordgo.Intent
		wantShard   [2]int
	}{
		{
			name:        "default intents",
			wantIntents: discordgo.IntentsAllWithoutPrivileged,
			wantShard:   [2]int{0, 1},
		},
		{
			name: "message content intent",
			setup: func(s *discordgo.Session) {
				s.Identify.Intents = discordgo.IntentsGuildMessages | discordgo.IntentsMessageContent
			},
			wantIntents: discordgo.IntentsGuildMessages | discordgo.IntentsMessageContent,
			wantShard:   [2]int{0, 1},
		},
		{
			name:        "second of two shards",
			setup:       func(s *discordgo.Session) { s.ShardID, s.ShardCount = 1, 2 },
			wantIntents: discordgo.IntentsAllWithoutPrivileged,
			wantShard:   [2]int{1, 2},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := testContext(t)
			fake := discordtest.New(t, discordtest.Options{Token: testToken, Shards: 2})
			s := newSession(t, fake, testToken)
			if tc.setup != nil {
				tc.setup(s)
			}
			ready := events[*discordgo.Ready](s)
			open(t, ctx, fake, s)

			r := receive(t, ctx, ready)
			bot := fake.BotUser()
			if r.User == nil || r.User.ID != bot.ID || r.User.Username != bot.Username || !r.User.Bot {
				t.Errorf("got READY user %+v, want bot %+v", r.User, bot)
			}
			if r.Application == nil || r.Application.ID != fake.ApplicationID() {
				t.Errorf("got READY application %+v, want id %q", r.Application, fake.ApplicationID())
			}
			if r.Shard == nil || *r.Shard != tc.wantShard {
				t.Errorf("got READY shard %v, want %v", r.Shard, tc.wantShard)
			}

			frames, err := fake.WaitFrames(ctx, 1, discordtest.MatchOp(discordtest.OpIdentify))
			if err != nil {
				t.Fatal(err)
			}
			id := frames[0].Identify
			if got, want := id.Token, "Bot "+testToken; got != want {
				t.Errorf("got IDENTIFY token %q, want %q", got, want)
			}
			if got, want := id.Intents, int64(tc.wantIntents); got != want {
				t.Errorf("got IDENTIFY intents %d, want %d", got, want)
			}
			if id.Shard != tc.wantShard {
				t.Errorf("got IDENTIFY shard %v, want %v", id.Shard, tc.wantShard)
			}
			if frames[0].SessionID != r.SessionID || r.SessionID == "" {
				t.Errorf("got READY session %q, want the IDENTIFY's %q", r.SessionID, frames[0].SessionID)
			}
		})
	}
}

func TestMessageCreate(t *testing.T) {
	t.Parallel()
	bot := discordtest.User{ID: discordtest.DefaultBotUserID, Username: discordtest.DefaultBotUsername, Bot: true}
	tests := []struct {
		name        string
		intents     discordgo.Intent
		msg         discordtest.Message
		wantContent string
	}{
		{
			name:    "guild message mentioning the bot",
			intents: discordgo.IntentsGuildMessages,
			msg: discordtest.Message{
				GuildID: guildID, ChannelID: channelID, Author: alice,
				Content: "<@" + bot.ID + "> who said it?", Mentions: []discordtest.User{bot},
			},
			wantContent: "<@" + bot.ID + "> who said it?",
		},
		{
			name:        "direct message",
			intents:     discordgo.IntentsDirectMessages,
			msg:         discordtest.Message{ChannelID: dmChannel, Author: alice, Content: "who said it?"},
			wantContent: "who said it?",
		},
		{
			name:        "guild message without the content intent",
			intents:     discordgo.IntentsGuildMessages,
			msg:         discordtest.Message{GuildID: guildID, ChannelID: channelID, Author: alice, Content: "who said it?"},
			wantContent: "",
		},
		{
			name:        "guild message with the content intent",
			intents:     discordgo.IntentsGuildMessages | discordgo.IntentsMessageContent,
			msg:         discordtest.Message{GuildID: guildID, ChannelID: channelID, Author: alice, Content: "who said it?"},
			wantContent: "who said it?",
		},
		{
			name:    "reply",
			intents: discordgo.IntentsGuildMessages | discordgo.IntentsMessageContent,
			msg: discordtest.Message{
				GuildID: guildID, ChannelID: channelID, Author: alice, Content: "and then?",
				MessageReference: &discordtest.MessageReference{MessageID: "900000000000000099"},
			},
			wantContent: "and then?",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := testContext(t)
			fake := discordtest.New(t, discordtest.Options{Token: testToken})
			s := newSession(t, fake, testToken)
			s.Identify.Intents = tc.intents

			type handled struct {
				m    *discordgo.MessageCreate
				sent *discordgo.Message
				err  error
			}
			results := make(chan handled, 1)
			s.AddHandler(func(s *discordgo.Session, m *discordgo.MessageCreate) {
				sent, err := s.ChannelMessageSendComplex(m.ChannelID, &discordgo.MessageSend{
					Content:   "seen: " + m.Content,
					Reference: m.Reference(),
				})
				results <- handled{m, sent, err}
			})
			open(t, ctx, fake, s)

			dispatched, err := fake.DispatchMessageCreate(tc.msg)
			if err != nil {
				t.Fatal(err)
			}
			got := receive(t, ctx, results)

			if got.m.ID != dispatched.ID || got.m.ChannelID != tc.msg.ChannelID || got.m.GuildID != tc.msg.GuildID {
				t.Errorf("got message %s in %s/%s, want %s in %s/%s",
					got.m.ID, got.m.GuildID, got.m.ChannelID, dispatched.ID, tc.msg.GuildID, tc.msg.ChannelID)
			}
			if got.m.Content != tc.wantContent {
				t.Errorf("got content %q, want %q", got.m.Content, tc.wantContent)
			}
			if got.m.Author == nil || got.m.Author.ID != alice.ID {
				t.Errorf("got author %+v, want %s", got.m.Author, alice.ID)
			}
			var gotMentions, wantMentions []string
			for _, u := range got.m.Mentions {
				gotMentions = append(gotMentions, u.ID)
			}
			for _, u := range tc.msg.Mentions {
				wantMentions = append(wantMentions, u.ID)
			}
			if !slices.Equal(gotMentions, wantMentions) {
				t.Errorf("got mentions %v, want %v", gotMentions, wantMentions)
			}
			if ref := tc.msg.MessageReference; ref != nil {
				if got.m.MessageReference == nil || got.m.MessageReference.MessageID != ref.MessageID {
					t.Errorf("got reference %+v, want message %s", got.m.MessageReference, ref.MessageID)
				}
				if got.m.Type != discordgo.MessageTypeReply {
					t.Errorf("got type %d, want reply", got.m.Type)
				}
			}

			// The handler's reply reached the fake and was recorded.
			if got.err != nil {
				t.Fatalf("ChannelMessageSendComplex: %v", got.err)
			}
			req := waitRequest(t, ctx, fake, discordtest.RouteCreateMessage)
			var body discordgo.MessageSend
			if err := req.DecodeBody(&body); err != nil {
				t.Fatal(err)
			}
			if want := "seen: " + tc.wantContent; body.Content != want {
				t.Errorf("got reply content %q, want %q", body.Content, want)
			}
			if body.Reference == nil || body.Reference.MessageID != dispatched.ID {
				t.Errorf("got reply reference %+v, want message %s", body.Reference, dispatched.ID)
			}
			if want := "/api/v9/channels/" + tc.msg.ChannelID + "/messages"; req.Path != want {
				t.Errorf("got path %q, want %q", req.Path, want)
			}
			if got.sent.ID == "" || got.sent.Author == nil || got.sent.Author.ID != bot.ID {
				t.Errorf("got sent message %+v, want a new id and the bot as author", got.sent)
			}
		})
	}
}

// TestMessageContentWithheld checks the fake withholds content as Discord
// does from a bot without the Message Content intent: a reply that does
// not ping the bot arrives empty, and so does the message it replies to
// unless the bot wrote it.
func TestMessageContentWithheld(t *testing.T) {
	t.Parallel()
	bot := discordtest.User{ID: discordtest.DefaultBotUserID, Username: discordtest.DefaultBotUsername, Bot: true}
	bob := discordtest.User{ID: "900000000000000011", Username: "bob"}
	fromBot := discordtest.Message{ID: "900000000000000098", ChannelID: channelID, GuildID: guildID, Author: bot, Content: "an answer"}
	fromBob := discordtest.Message{ID: "900000000000000099", ChannelID: channelID, GuildID: guildID, Author: bob, Content: "a remark",
		Embeds: []json.RawMessage{json.RawMessage(`{"title":"bob's"}`)}}
	replyTo := func(m discordtest.Message, content string, mentions ...discordtest.User) discordtest.Message {
		return discordtest.Message{GuildID: m.GuildID, ChannelID: m.ChannelID, Author: alice, Content: content, Mentions: mentions,
			Embeds:           []json.RawMessage{json.RawMessage(`{"title":"alice's"}`)},
			MessageReference: &discordtest.MessageReference{MessageID: m.ID}, ReferencedMessage: &m}
	}
	const guildMessages = discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	tests := []struct {
		name          string
		intents       discordgo.Intent
		msg           discordtest.Message
		want, wantRef string // content of the message and of the one it replies to
		wantEmbeds    int
		wantRefEmbeds int
	}{
		{"a reply to the bot without a ping", guildMessages, replyTo(fromBot, "and then?"), "", "an answer", 0, 0},
		{"a reply to the bot that pings it", guildMessages, replyTo(fromBot, "and then?", bot), "and then?", "an answer", 1, 0},
		{"a reply to the bot, with the intent", guildMessages | discordgo.IntentMessageContent, replyTo(fromBot, "and then?"), "and then?", "an answer", 1, 0},
		{"a reply to someone else", guildMessages, replyTo(fromBob, "really?"), "", "", 0, 0},
		{"a reply to someone else that mentions the bot", guildMessages, replyTo(fromBob, "really?", bot), "really?", "", 1, 0},
		{"a reply to someone else, with the intent", guildMessages | discordgo.IntentMessageContent, replyTo(fromBob, "really?"), "really?", "a remark", 1, 1},
		{"a reply in a DM", guildMessages, func() discordtest.Message {
			dm := fromBot
			dm.GuildID, dm.ChannelID = "", dmChannel
			return replyTo(dm, "and then?")
		}(), "and then?", "an answer", 1, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := testContext(t)
			fake := discordtest.New(t, discordtest.Options{Token: testToken})
			s := newSession(t, fake, testToken)
			s.Identify.Intents = tc.intents
			created := events[*discordgo.MessageCreate](s)
			open(t, ctx, fake, s)
			if _, err := fake.DispatchMessageCreate(tc.msg); err != nil {
				t.Fatal(err)
			}
			got := receive(t, ctx, created)
			if got.Content != tc.want || len(got.Embeds) != tc.wantEmbeds {
				t.Errorf("got content %q and %d embeds, want %q and %d", got.Content, len(got.Embeds), tc.want, tc.wantEmbeds)
			}
			ref := got.ReferencedMessage
			if ref == nil {
				t.Fatal("got no referenced message")
			}
			if ref.Content != tc.wantRef || len(ref.Embeds) != tc.wantRefEmbeds {
				t.Errorf("got referenced content %q and %d embeds, want %q and %d", ref.Content, len(ref.Embeds), tc.wantRef, tc.wantRefEmbeds)
			}
		})
	}
}

// TestDisallowedIntents checks the fake refuses an intent the developer
// portal does not allow, as Discord does, and accepts the others.
func TestDisallowedIntents(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		intents   discordgo.Intent
		wantClose int // 0: READY
	}{
		{"message content, not allowed", discordgo.IntentsGuildMessages | discordgo.IntentMessageContent, discordtest.CloseDisallowedIntents},
		{"no privileged intent", discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fake := discordtest.New(t, discordtest.Options{Token: testToken, DisallowedIntents: int64(discordgo.IntentMessageContent)})
			s := newSession(t, fake, testToken)
			s.Identify.Intents = tc.intents
			if tc.wantClose == 0 {
				open(t, testContext(t), fake, s)
				return
			}
			err := s.Open()
			var ce *websocket.CloseError
			if !errors.As(err, &ce) || ce.Code != tc.wantClose {
				t.Errorf("got %v, want close code %d", err, tc.wantClose)
			}
		})
	}
}

func TestInteractions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		dispatch func(*discordtest.Server) (discordtest.Interaction, error)
		check    func(*testing.T, *discordgo.Interaction)
		response *discordgo.InteractionResponse
	}{
		{
			name: "slash command in a guild",
			dispatch: func(fake *discordtest.Server) (discordtest.Interaction, error) {
				return fake.DispatchSlashCommand(discordtest.Interaction{
					GuildID: guildID, ChannelID: channelID,
					User: &alice, Member: &discordtest.Member{Permissions: "8"},
					AppPermissions: "3072",
					Data: discordtest.InteractionData{Name: "ask", Options: []discordtest.CommandOption{
						{Name: "question", Type: int(discordgo.ApplicationCommandOptionString), Value: "who said it?"},
						{Name: "limit", Type: int(discordgo.ApplicationCommandOptionInteger), Value: 3},
						{Name: "private", Type: int(discordgo.ApplicationCommandOptionBoolean), Value: true},
					}},
				})
			},
			check: func(t *testing.T, i *discordgo.Interaction) {
				data := i.ApplicationCommandData()
				if data.Name != "ask" || data.CommandType != discordgo.ChatApplicationCommand {
					t.Errorf("got command %q of type %d, want ask of type 1", data.Name, data.CommandType)
				}
				if got := data.GetOption("question").StringValue(); got != "who said it?" {
					t.Errorf("got question %q, want %q", got, "who said it?")
				}
				if got := data.GetOption("limit").IntValue(); got != 3 {
					t.Errorf("got limit %d, want 3", got)
				}
				if got := data.GetOption("private").BoolValue(); !got {
					t.Errorf("got private %v, want true", got)
				}
				if i.Member == nil || i.Member.User == nil || i.Member.User.ID != alice.ID || i.Member.Permissions != 8 {
					t.Errorf("got member %+v, want %s with permissions 8", i.Member, alice.ID)
				}
				if i.AppPermissions != 3072 {
					t.Errorf("got app permissions %d, want 3072", i.AppPermissions)
				}
			},
			response: &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Content: "Alice said it."},
			},
		},
		{
			name: "slash command in a DM",
			dispatch: func(fake *discordtest.Server) (discordtest.Interaction, error) {
				return fake.DispatchSlashCommand(discordtest.Interaction{
					ChannelID: dmChannel, User: &alice,
					Data: discordtest.InteractionData{Name: "ask"},
				})
			},
			check: func(t *testing.T, i *discordgo.Interaction) {
				if i.Member != nil || i.User == nil || i.User.ID != alice.ID || i.GuildID != "" {
					t.Errorf("got member %+v, user %+v, guild %q; want user %s alone", i.Member, i.User, i.GuildID, alice.ID)
				}
			},
			response: &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource},
		},
		{
			name: "button",
			dispatch: func(fake *discordtest.Server) (discordtest.Interaction, error) {
				return fake.DispatchComponent(discordtest.Interaction{
					GuildID: guildID, ChannelID: channelID, User: &alice,
					Data: discordtest.InteractionData{CustomID: "more:2"},
				})
			},
			check: func(t *testing.T, i *discordgo.Interaction) {
				data := i.MessageComponentData()
				if data.CustomID != "more:2" || data.ComponentType != discordgo.ButtonComponent {
					t.Errorf("got component %q of type %d, want more:2, a button", data.CustomID, data.ComponentType)
				}
				if i.Message == nil || i.Message.ID == "" {
					t.Errorf("got message %+v, want the button's message", i.Message)
				}
			},
			response: &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseUpdateMessage,
				Data: &discordgo.InteractionResponseData{Content: "page 2"},
			},
		},
		{
			name: "autocomplete",
			dispatch: func(fake *discordtest.Server) (discordtest.Interaction, error) {
				return fake.DispatchAutocomplete(discordtest.Interaction{
					GuildID: guildID, ChannelID: channelID, User: &alice,
					Data: discordtest.InteractionData{Name: "ask", Options: []discordtest.CommandOption{
						{Name: "article", Type: int(discordgo.ApplicationCommandOptionString), Value: "elec", Focused: true},
					}},
				})
			},
			check: func(t *testing.T, i *discordgo.Interaction) {
				if i.Type != discordgo.InteractionApplicationCommandAutocomplete {
					t.Errorf("got interaction type %d, want autocomplete", i.Type)
				}
				opt := i.ApplicationCommandData().GetOption("article")
				if opt == nil || !opt.Focused || opt.StringValue() != "elec" {
					t.Errorf("got option %+v, want focused article=elec", opt)
				}
			},
			response: &discordgo.InteractionResponse{
				Type: discordgo.InteractionApplicationCommandAutocompleteResult,
				Data: &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{
					{Name: "Election night", Value: "election-night"},
				}},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := testContext(t)
			fake := discordtest.New(t, discordtest.Options{Token: testToken})
			s := newSession(t, fake, testToken)
			type handled struct {
				i   *discordgo.Interaction
				err error
			}
			results := make(chan handled, 1)
			s.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
				results <- handled{i.Interaction, s.InteractionRespond(i.Interaction, tc.response)}
			})
			open(t, ctx, fake, s)

			dispatched, err := tc.dispatch(fake)
			if err != nil {
				t.Fatal(err)
			}
			got := receive(t, ctx, results)
			if got.i.ID != dispatched.ID || got.i.Token != dispatched.Token || got.i.AppID != fake.ApplicationID() {
				t.Errorf("got interaction %s/%s of app %s, want %s/%s of app %s",
					got.i.ID, got.i.Token, got.i.AppID, dispatched.ID, dispatched.Token, fake.ApplicationID())
			}
			tc.check(t, got.i)
			if got.err != nil {
				t.Fatalf("InteractionRespond: %v", got.err)
			}

			req := waitRequest(t, ctx, fake, discordtest.RouteInteractionCallback)
			var body discordgo.InteractionResponse
			if err := req.DecodeBody(&body); err != nil {
				t.Fatal(err)
			}
			if body.Type != tc.response.Type {
				t.Errorf("got response type %d, want %d", body.Type, tc.response.Type)
			}
			if want := "/api/v9/interactions/" + dispatched.ID + "/" + dispatched.Token + "/callback"; req.Path != want {
				t.Errorf("got path %q, want %q", req.Path, want)
			}
			if req.Status != http.StatusNoContent {
				t.Errorf("got status %d, want 204", req.Status)
			}
		})
	}
}

// TestInteractionFollowUp walks a deferred interaction through its
// webhook routes. The steps depend on each other, so they run in order.
func TestInteractionFollowUp(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fake := discordtest.New(t, discordtest.Options{Token: testToken})
	s := newSession(t, fake, testToken)
	interactions := events[*discordgo.InteractionCreate](s)
	open(t, ctx, fake, s)

	if _, err := fake.DispatchSlashCommand(discordtest.Interaction{
		GuildID: guildID, ChannelID: channelID, User: &alice,
		Data: discordtest.InteractionData{Name: "ask"},
	}); err != nil {
		t.Fatal(err)
	}
	i := receive(t, ctx, interactions).Interaction
	unknown := *i
	unknown.ID = "1"
	content := "Alice said it."

	steps := []struct {
		name string
		do   func() error
		// wantStatus and wantCode describe the expected *discordgo.RESTError,
		// or success when wantStatus is 0.
		wantStatus, wantCode int
	}{
		{
			name: "edit before acknowledging",
			do: func() error {
				_, err := s.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: &content})
				return err
			},
			wantStatus: http.StatusNotFound, wantCode: 10015,
		},
		{
			name: "defer",
			do: func() error {
				return s.InteractionRespond(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource})
			},
		},
		{
			name: "acknowledge twice",
			do: func() error {
				return s.InteractionRespond(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource})
			},
			wantStatus: http.StatusBadRequest, wantCode: 40060,
		},
		{
			name: "edit the deferred response",
			do: func() error {
				m, err := s.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: &content})
				if err == nil && (m.Content != content || m.Flags&discordgo.MessageFlagsLoading != 0) {
					err = errors.New("got message " + strconv.Quote(m.Content) + " still loading or with other content")
				}
				return err
			},
		},
		{
			name: "followup",
			do: func() error {
				m, err := s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: "Sources: ..."})
				if err == nil && m.ID == "" {
					err = errors.New("followup has no id")
				}
				return err
			},
		},
		{
			name: "respond to an unknown interaction",
			do: func() error {
				return s.InteractionRespond(&unknown, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource})
			},
			wantStatus: http.StatusNotFound, wantCode: 10062,
		},
	}
	for _, step := range steps {
		err := step.do()
		if step.wantStatus == 0 {
			if err != nil {
				t.Errorf("%s: %v", step.name, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%s: got success, want HTTP %d code %d", step.name, step.wantStatus, step.wantCode)
			continue
		}
		if status, code := restError(t, err); status != step.wantStatus || code != step.wantCode {
			t.Errorf("%s: got HTTP %d code %d, want HTTP %d code %d", step.name, status, code, step.wantStatus, step.wantCode)
		}
	}
}

func TestResume(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fake := discordtest.New(t, discordtest.Options{Token: testToken})
	s := newSession(t, fake, testToken)
	ready := events[*discordgo.Ready](s)
	resumed := events[*discordgo.Resumed](s)
	messages := events[*discordgo.MessageCreate](s)
	open(t, ctx, fake, s)
	r := receive(t, ctx, ready)

	fake.DropConnections()
	// The fake detached the session before DropConnections returned, so
	// these can only reach the client by the replay after RESUME.
	want := []string{"first while away", "second while away"}
	for _, content := range want {
		if _, err := fake.DispatchMessageCreate(discordtest.Message{ChannelID: dmChannel, Author: alice, Content: content}); err != nil {
			t.Fatal(err)
		}
	}

	frames, err := fake.WaitFrames(ctx, 1, discordtest.MatchOp(discordtest.OpResume))
	if err != nil {
		t.Fatal(err)
	}
	res := frames[0].Resume
	if res.SessionID != r.SessionID || res.Token != "Bot "+testToken || res.Seq != 1 {
		t.Errorf("got RESUME %+v, want session %s, our token and seq 1 (READY's)", res, r.SessionID)
	}
	receive(t, ctx, resumed)
	waitHeartbeats(t, ctx, fake, r.SessionID, 2) // the resumed connection's first, see open

	var got []string
	for range want {
		got = append(got, receive(t, ctx, messages).Content)
	}
	slices.Sort(got) // handlers run on their own goroutines, in any order
	if !slices.Equal(got, want) {
		t.Errorf("got replayed messages %q, want %q", got, want)
	}
	if n := len(slices.DeleteFunc(fake.Frames(), func(f discordtest.Frame) bool { return f.Op != discordtest.OpIdentify })); n != 1 {
		t.Errorf("got %d IDENTIFYs, want 1: the session must resume, not start afresh", n)
	}
}

// TestReopen opens a session again after Close. discordgo keeps the session
// id and tries RESUME, which fails, since its close ended the session; the
// fake answers INVALID_SESSION and discordgo identifies afresh.
func TestReopen(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fake := discordtest.New(t, discordtest.Options{Token: testToken})
	s := newSession(t, fake, testToken)
	first := openReady(t, ctx, fake, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if second := open(t, ctx, fake, s); second == first {
		t.Errorf("got session %q again, want a new one", second)
	}

	var ops []int
	for _, f := range fake.Frames() {
		if f.Op == discordtest.OpResume && f.Resume.SessionID != first {
			t.Errorf("got RESUME of session %q, want %q", f.Resume.SessionID, first)
		}
		if f.Op != discordtest.OpHeartbeat {
			ops = append(ops, f.Op)
		}
	}
	want := []int{discordtest.OpIdentify, discordtest.OpClose, discordtest.OpResume, discordtest.OpIdentify}
	if !slices.Equal(ops, want) {
		t.Errorf("got ops %v, want %v", ops, want)
	}
}

func TestWrongToken(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		call  func(*discordgo.Session) error
		check func(*testing.T, *discordtest.Server, error)
	}{
		{
			name: "REST request",
			call: func(s *discordgo.Session) error { _, err := s.User("@me"); return err },
			check: func(t *testing.T, fake *discordtest.Server, err error) {
				if status, code := restError(t, err); status != http.StatusUnauthorized || code != 0 {
					t.Errorf("got HTTP %d code %d, want 401 code 0", status, code)
				}
				req := fake.Requests()[0]
				if got, want := req.Header.Get("Authorization"), "Bot [redacted]"; got != want {
					t.Errorf("got recorded Authorization %q, want %q", got, want)
				}
			},
		},
		{
			name: "Open",
			call: func(s *discordgo.Session) error { return s.Open() },
			check: func(t *testing.T, fake *discordtest.Server, err error) {
				var ce *websocket.CloseError
				if !errors.As(err, &ce) || ce.Code != discordtest.CloseAuthenticationFailed {
					t.Errorf("got error %v, want close code %d", err, discordtest.CloseAuthenticationFailed)
				}
				frames := fake.Frames()
				if len(frames) != 1 || frames[0].Op != discordtest.OpIdentify || frames[0].Identify.Token != "Bot wrong" {
					t.Errorf("got frames %+v, want the IDENTIFY with the wrong token", frames)
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fake := discordtest.New(t, discordtest.Options{Token: testToken})
			err := tc.call(newSession(t, fake, "wrong"))
			if err == nil {
				t.Fatal("got success, want an error")
			}
			tc.check(t, fake, err)
		})
	}
}

func TestCommandOverwrite(t *testing.T) {
	t.Parallel()
	ask := &discordgo.ApplicationCommand{
		Name: "ask", Description: "Ask about an article",
		Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "What to ask", Required: true},
		},
	}
	summary := &discordgo.ApplicationCommand{Name: "summary", Description: "Summarise an article"}
	tests := []struct {
		name      string
		guildID   string
		commands  []*discordgo.ApplicationCommand
		wantRoute string
		wantCode  int // Discord error code, 0 for success
	}{
		{name: "global", commands: []*discordgo.ApplicationCommand{ask, summary}, wantRoute: discordtest.RouteOverwriteGlobalCommands},
		{name: "guild", guildID: guildID, commands: []*discordgo.ApplicationCommand{ask}, wantRoute: discordtest.RouteOverwriteGuildCommands},
		{
			name:      "uppercase name",
			commands:  []*discordgo.ApplicationCommand{{Name: "Ask", Description: "Ask"}},
			wantRoute: discordtest.RouteOverwriteGlobalCommands, wantCode: 50035,
		},
		{
			name:      "no description",
			commands:  []*discordgo.ApplicationCommand{{Name: "ask"}},
			wantRoute: discordtest.RouteOverwriteGlobalCommands, wantCode: 50035,
		},
		{
			name:      "duplicate names",
			commands:  []*discordgo.ApplicationCommand{ask, ask},
			wantRoute: discordtest.RouteOverwriteGlobalCommands, wantCode: 50035,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := testContext(t)
			fake := discordtest.New(t, discordtest.Options{Token: testToken})
			s := newSession(t, fake, testToken)

			got, err := s.ApplicationCommandBulkOverwrite(fake.ApplicationID(), tc.guildID, tc.commands)
			req := waitRequest(t, ctx, fake, tc.wantRoute)
			var sent []discordgo.ApplicationCommand
			if err := req.DecodeBody(&sent); err != nil {
				t.Fatal(err)
			}
			if len(sent) != len(tc.commands) {
				t.Errorf("got %d commands recorded, want %d", len(sent), len(tc.commands))
			}
			if tc.wantCode != 0 {
				if _, code := restError(t, err); code != tc.wantCode {
					t.Errorf("got code %d, want %d", code, tc.wantCode)
				}
				return
			}
			if err != nil {
				t.Fatalf("ApplicationCommandBulkOverwrite: %v", err)
			}
			for i, c := range got {
				if c.ID == "" || c.Name != tc.commands[i].Name || c.ApplicationID != fake.ApplicationID() || c.GuildID != tc.guildID {
					t.Errorf("got command %+v, want %q with an id, the app id and guild %q", c, tc.commands[i].Name, tc.guildID)
				}
			}

			// Discord keeps the id of a command that keeps its name.
			again, err := s.ApplicationCommandBulkOverwrite(fake.ApplicationID(), tc.guildID, tc.commands)
			if err != nil {
				t.Fatalf("second ApplicationCommandBulkOverwrite: %v", err)
			}
			for i := range again {
				if again[i].ID != got[i].ID {
					t.Errorf("got id %s for %s after a second overwrite, want %s", again[i].ID, again[i].Name, got[i].ID)
				}
			}
		})
	}
}

func TestFaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		route        string
		n            int
		fault        discordtest.Fault
		wantStatuses []int
		wantCode     int // Discord error code of the final error, -1 for success
	}{
		{
			name: "route rate limit is waited out", route: discordtest.RouteCreateMessage, n: 2,
			fault:        discordtest.Fault{Status: http.StatusTooManyRequests, RetryAfter: 20 * time.Millisecond},
			wantStatuses: []int{429, 429, 200}, wantCode: -1,
		},
		{
			name: "global rate limit is waited out", route: discordtest.AnyRoute, n: 1,
			fault:        discordtest.Fault{Status: http.StatusTooManyRequests, RetryAfter: 20 * time.Millisecond, Global: true},
			wantStatuses: []int{429, 200}, wantCode: -1,
		},
		{
			name: "bad gateway is retried", route: discordtest.RouteCreateMessage, n: 2,
			fault:        discordtest.Fault{Status: http.StatusBadGateway},
			wantStatuses: []int{502, 502, 200}, wantCode: -1,
		},
		{
			name: "bad gateway beyond MaxRestRetries", route: discordtest.RouteCreateMessage, n: 4,
			fault:        discordtest.Fault{Status: http.StatusBadGateway},
			wantStatuses: []int{502, 502, 502, 502}, wantCode: 0,
		},
		{
			name: "internal error is not retried", route: discordtest.RouteCreateMessage, n: 1,
			fault:        discordtest.Fault{Status: http.StatusInternalServerError},
			wantStatuses: []int{500}, wantCode: 0,
		},
		{
			name: "missing permissions", route: discordtest.RouteCreateMessage, n: 1,
			fault:        discordtest.Fault{Status: http.StatusForbidden, Code: 50013, Message: "Missing Permissions"},
			wantStatuses: []int{403}, wantCode: 50013,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fake := discordtest.New(t, discordtest.Options{Token: testToken})
			if err := fake.FailNext(tc.route, tc.n, tc.fault); err != nil {
				t.Fatal(err)
			}
			s := newSession(t, fake, testToken)

			_, err := s.ChannelMessageSend(channelID, "hello")
			switch {
			case tc.wantCode == -1 && err != nil:
				t.Errorf("got error %v, want success", err)
			case tc.wantCode == -1:
			case err == nil:
				t.Errorf("got success, want an error")
			case tc.fault.Status == http.StatusBadGateway:
				// discordgo gives up on 502s with a plain error.
				if !strings.Contains(err.Error(), "Exceeded Max retries") {
					t.Errorf("got error %v, want discordgo's retries exceeded", err)
				}
			default:
				if status, code := restError(t, err); status != tc.fault.Status || code != tc.wantCode {
					t.Errorf("got HTTP %d code %d, want %d code %d", status, code, tc.fault.Status, tc.wantCode)
				}
			}

			var statuses []int
			for _, r := range fake.Requests() {
				statuses = append(statuses, r.Status)
			}
			if !slices.Equal(statuses, tc.wantStatuses) {
				t.Errorf("got statuses %v, want %v", statuses, tc.wantStatuses)
			}
			if tc.fault.Status != http.StatusTooManyRequests {
				return
			}
			var limited struct {
				RetryAfter float64 `json:"retry_after"`
				Global     bool    `json:"global"`
			}
			if err := fake.Requests()[0].DecodeResponse(&limited); err != nil {
				t.Fatal(err)
			}
			if limited.RetryAfter != tc.fault.RetryAfter.Seconds() || limited.Global != tc.fault.Global {
				t.Errorf("got 429 body %+v, want retry_after %v and global %v", limited, tc.fault.RetryAfter.Seconds(), tc.fault.Global)
			}
		})
	}
}

func TestFailNextRejects(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t, discordtest.Options{})
	tests := []struct {
		name  string
		route string
		n     int
		fault discordtest.Fault
	}{
		{name: "unserved route", route: "GET /nowhere", n: 1, fault: discordtest.Fault{Status: 500}},
		{name: "no count", route: discordtest.RouteCreateMessage, n: 0, fault: discordtest.Fault{Status: 500}},
		{name: "success status", route: discordtest.RouteCreateMessage, n: 1, fault: discordtest.Fault{Status: 200}},
		{name: "negative retry", route: discordtest.RouteCreateMessage, n: 1, fault: discordtest.Fault{Status: 429, RetryAfter: -time.Second}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := fake.FailNext(tc.route, tc.n, tc.fault); err == nil {
				t.Errorf("FailNext(%q, %d, %+v) succeeded, want an error", tc.route, tc.n, tc.fault)
			}
		})
	}
}

func TestREST(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		run  func(*testing.T, *discordtest.Server, *discordgo.Session)
	}{
		{
			name: "current user",
			run: func(t *testing.T, fake *discordtest.Server, s *discordgo.Session) {
				u, err := s.User("@me")
				if err != nil {
					t.Fatal(err)
				}
				if u.ID != fake.BotUser().ID || !u.Bot {
					t.Errorf("got user %+v, want the bot %+v", u, fake.BotUser())
				}
			},
		},
		{
			name: "gateway bot",
			run: func(t *testing.T, fake *discordtest.Server, s *discordgo.Session) {
				g, err := s.GatewayBot()
				if err != nil {
					t.Fatal(err)
				}
				if g.Shards != 3 || g.URL != fake.GatewayURL()+"/" || g.SessionStartLimit.MaxConcurrency != 1 {
					t.Errorf("got %+v, want 3 shards at %s/", g, fake.GatewayURL())
				}
			},
		},
		{
			name: "DM channel",
			run: func(t *testing.T, _ *discordtest.Server, s *discordgo.Session) {
				first, err := s.UserChannelCreate(alice.ID)
				if err != nil {
					t.Fatal(err)
				}
				second, err := s.UserChannelCreate(alice.ID)
				if err != nil {
					t.Fatal(err)
				}
				if first.Type != discordgo.ChannelTypeDM || first.ID == "" || second.ID != first.ID {
					t.Errorf("got channels %+v and %+v, want one DM channel twice", first, second)
				}
			},
		},
		{
			name: "edit own message",
			run: func(t *testing.T, _ *discordtest.Server, s *discordgo.Session) {
				m, err := s.ChannelMessageSend(channelID, "draft")
				if err != nil {
					t.Fatal(err)
				}
				edited, err := s.ChannelMessageEdit(channelID, m.ID, "final")
				if err != nil {
					t.Fatal(err)
				}
				if edited.ID != m.ID || edited.Content != "final" || edited.EditedTimestamp == nil {
					t.Errorf("got %+v, want message %s edited to %q", edited, m.ID, "final")
				}
			},
		},
		{
			name: "file upload",
			run: func(t *testing.T, fake *discordtest.Server, s *discordgo.Session) {
				_, err := s.ChannelMessageSendComplex(channelID, &discordgo.MessageSend{
					Content: "the article",
					Files:   []*discordgo.File{{Name: "article.txt", ContentType: "text/plain", Reader: strings.NewReader("text")}},
				})
				if err != nil {
					t.Fatal(err)
				}
				req := fake.Requests()[0]
				var body discordgo.MessageSend
				if err := req.DecodeBody(&body); err != nil {
					t.Fatal(err)
				}
				if body.Content != "the article" || len(req.Files) != 1 || req.Files[0].Name != "article.txt" || string(req.Files[0].Data) != "text" {
					t.Errorf("got body %+v and files %+v, want the content and article.txt", body, req.Files)
				}
			},
		},
		{
			name: "typing",
			run: func(t *testing.T, fake *discordtest.Server, s *discordgo.Session) {
				if err := s.ChannelTyping(channelID); err != nil {
					t.Fatal(err)
				}
				if got := fake.Requests()[0].Route; got != discordtest.RouteTyping {
					t.Errorf("got route %q, want %q", got, discordtest.RouteTyping)
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fake := discordtest.New(t, discordtest.Options{Token: testToken, Shards: 3})
			tc.run(t, fake, newSession(t, fake, testToken))
		})
	}
}

func TestRESTErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		call       func(*discordgo.Session) error
		wantStatus int
		wantCode   int
		wantRoute  string
	}{
		{
			name: "message too long",
			call: func(s *discordgo.Session) error {
				_, err := s.ChannelMessageSend(channelID, strings.Repeat("é", 2001))
				return err
			},
			wantStatus: http.StatusBadRequest, wantCode: 50035, wantRoute: discordtest.RouteCreateMessage,
		},
		{
			name: "empty message",
			call: func(s *discordgo.Session) error {
				_, err := s.ChannelMessageSendComplex(channelID, &discordgo.MessageSend{})
				return err
			},
			wantStatus: http.StatusBadRequest, wantCode: 50006, wantRoute: discordtest.RouteCreateMessage,
		},
		{
			name:       "edit unknown message",
			call:       func(s *discordgo.Session) error { _, err := s.ChannelMessageEdit(channelID, "1", "x"); return err },
			wantStatus: http.StatusNotFound, wantCode: 10008, wantRoute: discordtest.RouteEditMessage,
		},
		{
			name: "commands of another application",
			call: func(s *discordgo.Session) error {
				_, err := s.ApplicationCommandBulkOverwrite("1", "", nil)
				return err
			},
			wantStatus: http.StatusForbidden, wantCode: 50001, wantRoute: discordtest.RouteOverwriteGlobalCommands,
		},
		{
			name: "unserved route",
			call: func(s *discordgo.Session) error {
				_, err := s.Request("GET", discordgo.EndpointAPI+"nowhere", nil)
				return err
			},
			wantStatus: http.StatusNotFound, wantCode: 0, wantRoute: "",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fake := discordtest.New(t, discordtest.Options{Token: testToken})
			err := tc.call(newSession(t, fake, testToken))
			if err == nil {
				t.Fatal("got success, want an error")
			}
			if status, code := restError(t, err); status != tc.wantStatus || code != tc.wantCode {
				t.Errorf("got HTTP %d code %d, want %d code %d", status, code, tc.wantStatus, tc.wantCode)
			}
			reqs := fake.Requests()
			if len(reqs) != 1 || reqs[0].Route != tc.wantRoute || reqs[0].Status != tc.wantStatus {
				t.Errorf("got requests %+v, want one to route %q answered %d", reqs, tc.wantRoute, tc.wantStatus)
			}
		})
	}
}

// TestSharding connects two shards and checks where events land. It proves
// that an event did not reach a shard by sending a last "barrier" event to
// each: events on one connection arrive in order, and SyncEvents keeps
// discordgo's handlers in that order.
func TestSharding(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fake := discordtest.New(t, discordtest.Options{Token: testToken, Shards: 2})
	// guildOn returns a guild id on shard, of two.
	guildOn := func(shard int) string { return strconv.FormatUint(uint64(200000000000+shard)<<22, 10) }

	received := make([]<-chan *discordgo.MessageCreate, 2)
	for shard := range received {
		s := newSession(t, fake, testToken)
		s.ShardID, s.ShardCount = shard, 2
		s.SyncEvents = true
		s.Identify.Intents = discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages | discordgo.IntentsMessageContent
		received[shard] = events[*discordgo.MessageCreate](s)
		open(t, ctx, fake, s)
	}

	tests := []struct {
		name      string
		guildID   string
		wantShard int
	}{
		{name: "guild on shard 0", guildID: guildOn(0), wantShard: 0},
		{name: "guild on shard 1", guildID: guildOn(1), wantShard: 1},
		{name: "DM", guildID: "", wantShard: 0},
		{name: "another guild on shard 1", guildID: guildOn(3), wantShard: 1},
	}
	want := make([][]string, 2)
	for _, tc := range tests {
		if shard, err := discordtest.ShardOf(tc.guildID, 2); err != nil || shard != tc.wantShard {
			t.Fatalf("%s: ShardOf(%q, 2) = %d, %v; want %d", tc.name, tc.guildID, shard, err, tc.wantShard)
		}
		if _, err := fake.DispatchMessageCreate(discordtest.Message{GuildID: tc.guildID, ChannelID: channelID, Author: alice, Content: tc.name}); err != nil {
			t.Fatal(err)
		}
		want[tc.wantShard] = append(want[tc.wantShard], tc.name)
	}
	for shard := range received {
		if _, err := fake.DispatchMessageCreate(discordtest.Message{GuildID: guildOn(shard), ChannelID: channelID, Author: alice, Content: "barrier"}); err != nil {
			t.Fatal(err)
		}
	}

	for shard, ch := range received {
		var got []string
		for m := receive(t, ctx, ch); m.Content != "barrier"; m = receive(t, ctx, ch) {
			got = append(got, m.Content)
		}
		if !slices.Equal(got, want[shard]) {
			t.Errorf("shard %d got %q, want %q", shard, got, want[shard])
		}
	}
}

func TestShardOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		guildID string
		shards  int
		want    int
		wantErr bool
	}{
		{name: "DM", guildID: "", shards: 4, want: 0},
		{name: "one shard", guildID: "81384788765712384", shards: 1, want: 0},
		// 197038557502637031 is 46977652908<<22 | 999, and 46977652908 % 7 = 4.
		{name: "low bits ignored", guildID: "197038557502637031", shards: 7, want: 4},
		{name: "not a snowflake", guildID: "guild", shards: 2, wantErr: true},
		{name: "no shards", guildID: "1", shards: 0, wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := discordtest.ShardOf(tc.guildID, tc.shards)
			if (err != nil) != tc.wantErr {
				t.Fatalf("ShardOf(%q, %d) error %v, want error %v", tc.guildID, tc.shards, err, tc.wantErr)
			}
			if got != tc.want {
				t.Errorf("ShardOf(%q, %d) = %d, want %d", tc.guildID, tc.shards, got, tc.want)
			}
		})
	}
}

func TestDispatchErrors(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t, discordtest.Options{})
	guildCommand := discordtest.Interaction{GuildID: guildID, ChannelID: channelID, User: &alice, Data: discordtest.InteractionData{Name: "ask"}}
	tests := []struct {
		name     string
		dispatch func() error
	}{
		{
			name: "numeric member permissions",
			dispatch: func() error {
				return fake.Dispatch("INTERACTION_CREATE", map[string]any{
					"id": "5", "token": "t", "type": 2, "channel_id": channelID, "guild_id": guildID,
					"app_permissions": "8", "member": map[string]any{"permissions": 8},
				})
			},
		},
		{
			name: "numeric app permissions",
			dispatch: func() error {
				return fake.Dispatch("INTERACTION_CREATE", map[string]any{"id": "5", "token": "t", "type": 2, "app_permissions": 8})
			},
		},
		{
			name:     "data not an object",
			dispatch: func() error { return fake.Dispatch("MESSAGE_CREATE", []string{"hi"}) },
		},
		{
			name: "message without author",
			dispatch: func() error {
				_, err := fake.DispatchMessageCreate(discordtest.Message{ChannelID: channelID, Content: "hi"})
				return err
			},
		},
		{
			name: "DM message with a member",
			dispatch: func() error {
				_, err := fake.DispatchMessageCreate(discordtest.Message{ChannelID: dmChannel, Author: alice, Member: &discordtest.Member{}})
				return err
			},
		},
		{
			name: "command without user",
			dispatch: func() error {
				in := guildCommand
				in.User = nil
				_, err := fake.DispatchSlashCommand(in)
				return err
			},
		},
		{
			name: "autocomplete without focus",
			dispatch: func() error {
				_, err := fake.DispatchAutocomplete(guildCommand)
				return err
			},
		},
		{
			name: "component without custom id",
			dispatch: func() error {
				_, err := fake.DispatchComponent(guildCommand)
				return err
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// No session is connected: an input error must come first.
			if err := tc.dispatch(); err == nil || errors.Is(err, discordtest.ErrNoSession) {
				t.Errorf("got error %v, want an input error", err)
			}
		})
	}
}

func TestDispatchWithoutSession(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t, discordtest.Options{})
	_, err := fake.DispatchMessageCreate(discordtest.Message{ChannelID: dmChannel, Author: alice, Content: "anyone?"})
	if !errors.Is(err, discordtest.ErrNoSession) {
		t.Errorf("got error %v, want ErrNoSession", err)
	}
}

// TestGatewayProtocol speaks the gateway protocol to the fake directly, to
// cover what discordgo never sends.
func TestGatewayProtocol(t *testing.T) {
	t.Parallel()
	identify := `{"op":2,"d":{"token":"Bot ` + testToken + `","intents":513}}`
	tests := []struct {
		name      string
		send      []string
		wantOps   []int // opcodes of the answers, in order
		wantClose int   // close code that ends the answers, 0 for none
	}{
		{name: "heartbeat is acknowledged", send: []string{`{"op":1,"d":null}`}, wantOps: []int{11}},
		{name: "identify", send: []string{identify}, wantOps: []int{0}},
		{name: "identify twice", send: []string{identify, identify}, wantOps: []int{0}, wantClose: discordtest.CloseAlreadyAuthenticated},
		{name: "wrong token", send: []string{`{"op":2,"d":{"token":"Bot wrong","intents":0}}`}, wantClose: discordtest.CloseAuthenticationFailed},
		{name: "shard out of range", send: []string{`{"op":2,"d":{"token":"` + testToken + `","intents":0,"shard":[2,2]}}`}, wantClose: discordtest.CloseInvalidShard},
		{name: "presence before identify", send: []string{`{"op":3,"d":{}}`}, wantClose: discordtest.CloseNotAuthenticated},
		{name: "undecodable payload", send: []string{`not json`}, wantClose: discordtest.CloseDecodeError},
		{name: "unknown opcode", send: []string{`{"op":42,"d":null}`}, wantClose: discordtest.CloseUnknownOpcode},
		{name: "resume of an unknown session", send: []string{`{"op":6,"d":{"token":"` + testToken + `","session_id":"nope","seq":0}}`}, wantOps: []int{9}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := testContext(t)
			fake := discordtest.New(t, discordtest.Options{Token: testToken, HeartbeatInterval: 1234 * time.Millisecond})
			conn := dialGateway(t, ctx, fake)

			for _, frame := range tc.send {
				if err := conn.WriteMessage(websocket.TextMessage, []byte(frame)); err != nil {
					t.Fatal(err)
				}
			}
			for _, want := range tc.wantOps {
				var p struct{ Op int }
				if err := conn.ReadJSON(&p); err != nil {
					t.Fatalf("reading answer: %v", err)
				}
				if p.Op != want {
					t.Errorf("got op %d, want %d", p.Op, want)
				}
			}
			if tc.wantClose == 0 {
				return
			}
			_, _, err := conn.ReadMessage()
			var ce *websocket.CloseError
			if !errors.As(err, &ce) || ce.Code != tc.wantClose {
				t.Errorf("got %v, want close code %d", err, tc.wantClose)
			}
		})
	}
}

// dialGateway connects to fake's gateway as discordgo does and reads HELLO.
func dialGateway(t *testing.T, ctx context.Context, fake *discordtest.Server) *websocket.Conn {
	t.Helper()
	conn, _, err := websocket.DefaultDialer.DialContext(ctx, fake.GatewayURL()+"/?v=9&encoding=json", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if deadline, ok := ctx.Deadline(); ok {
		if err := conn.SetReadDeadline(deadline); err != nil {
			t.Fatal(err)
		}
	}
	var hello struct {
		Op int
		D  struct {
			HeartbeatInterval int `json:"heartbeat_interval"`
		}
	}
	if err := conn.ReadJSON(&hello); err != nil {
		t.Fatalf("reading HELLO: %v", err)
	}
	if hello.Op != 10 || hello.D.HeartbeatInterval != 1234 {
		t.Fatalf("got HELLO %+v, want op 10 with interval 1234", hello)
	}
	return conn
}

// identifyRaw identifies on conn with the test token and reads READY.
func identifyRaw(t *testing.T, conn *websocket.Conn) {
	t.Helper()
	if err := conn.WriteMessage(websocket.TextMessage, []byte(`{"op":2,"d":{"token":"`+testToken+`","intents":0}}`)); err != nil {
		t.Fatal(err)
	}
	var ready struct{ T string }
	if err := conn.ReadJSON(&ready); err != nil || ready.T != "READY" {
		t.Fatalf("got %+v, %v; want READY", ready, err)
	}
}

// TestClose checks that Close ends live gateway connections rather than
// waiting for them, and that a closed fake dispatches nothing.
func TestClose(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fake := discordtest.NewServer(discordtest.Options{Token: testToken, HeartbeatInterval: 1234 * time.Millisecond})
	conn := dialGateway(t, ctx, fake)
	identifyRaw(t, conn)

	fake.Close()
	if _, _, err := conn.ReadMessage(); err == nil {
		t.Error("got a message after Close, want the connection closed")
	}
	_, err := fake.DispatchMessageCreate(discordtest.Message{ChannelID: dmChannel, Author: alice, Content: "anyone?"})
	if err == nil || errors.Is(err, discordtest.ErrNoSession) {
		t.Errorf("got error %v, want one saying the server is closed", err)
	}
	fake.Close() // a second Close does nothing
}

// TestInteractionWireFormat checks what discordgo cannot show: fields it
// decodes with ",string" must travel as strings, or it drops the event.
func TestInteractionWireFormat(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fake := discordtest.New(t, discordtest.Options{Token: testToken, HeartbeatInterval: 1234 * time.Millisecond})
	conn := dialGateway(t, ctx, fake)
	identifyRaw(t, conn)
	if _, err := fake.DispatchSlashCommand(discordtest.Interaction{
		GuildID: guildID, ChannelID: channelID, User: &alice, Member: &discordtest.Member{Permissions: "8"},
		Data: discordtest.InteractionData{Name: "ask"},
	}); err != nil {
		t.Fatal(err)
	}
	var p struct {
		S int
		T string
		D struct {
			AppPermissions any `json:"app_permissions"`
			Member         struct {
				Permissions any `json:"permissions"`
			} `json:"member"`
		}
	}
	if err := conn.ReadJSON(&p); err != nil {
		t.Fatal(err)
	}
	if p.T != "INTERACTION_CREATE" || p.S != 2 {
		t.Errorf("got %s with seq %d, want INTERACTION_CREATE with seq 2", p.T, p.S)
	}
	if got, ok := p.D.Member.Permissions.(string); !ok || got != "8" {
		t.Errorf("got member.permissions %#v, want the string \"8\"", p.D.Member.Permissions)
	}
	if got, ok := p.D.AppPermissions.(string); !ok || got != discordtest.DefaultPermissions {
		t.Errorf("got app_permissions %#v, want the string %q", p.D.AppPermissions, discordtest.DefaultPermissions)
	}
}

func TestClient(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t, discordtest.Options{})
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, "other server")
	}))
	t.Cleanup(other.Close)

	tests := []struct {
		name     string
		url      string
		wantBody string
	}{
		{name: "discord.com goes to the fake", url: "https://discord.com/api/v9/gateway", wantBody: fake.GatewayURL()},
		{name: "other hosts are left alone", url: other.URL + "/api/v9/gateway", wantBody: "other server"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := fake.Client().Get(tc.url)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(body), tc.wantBody) {
				t.Errorf("got body %q, want it to contain %q", body, tc.wantBody)
			}
		})
	}
}

// TestTakeRequests checks that taken requests leave the record, others
// stay, and that each request carries when it arrived.
func TestTakeRequests(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fake := discordtest.New(t, discordtest.Options{Token: testToken})
	s := newSession(t, fake, testToken)
	before := time.Now()
	for _, text := range []string{"one", "two"} {
		if _, err := s.ChannelMessageSend(channelID, text); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.User("@me"); err != nil {
		t.Fatal(err)
	}
	taken, err := fake.TakeRequests(ctx, 2, discordtest.MatchRoute(discordtest.RouteCreateMessage))
	if err != nil {
		t.Fatal(err)
	}
	if len(taken) != 2 || taken[0].Time.Before(before) || taken[1].Time.Before(taken[0].Time) {
		t.Errorf("got %d requests at %v and %v, want 2 in order after %v", len(taken), taken[0].Time, taken[len(taken)-1].Time, before)
	}
	rest := fake.Requests()
	if len(rest) != 1 || rest[0].Route != discordtest.RouteCurrentUser {
		t.Errorf("left %d requests (%v), want only GET /users/@me", len(rest), rest)
	}
	short, cancel := context.WithTimeout(ctx, time.Millisecond)
	defer cancel()
	if _, err := fake.TakeRequests(short, 1, discordtest.MatchRoute(discordtest.RouteCreateMessage)); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("taking again: got %v, want the deadline: the requests were taken", err)
	}
}

// TestNoHistory checks that a fake without history forgets the messages the
// bot created, yet still replays the events dispatched while the session
// was away.
func TestNoHistory(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	fake := discordtest.New(t, discordtest.Options{Token: testToken, NoHistory: true})
	s := newSession(t, fake, testToken)
	messages := events[*discordgo.MessageCreate](s)
	resumed := events[*discordgo.Resumed](s)
	id := open(t, ctx, fake, s)

	m, err := s.ChannelMessageSend(channelID, "draft")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ChannelMessageEdit(channelID, m.ID, "final"); err == nil {
		t.Error("edited a message the fake should have forgotten")
	}

	fake.DropConnections()
	if _, err := fake.DispatchMessageCreate(discordtest.Message{ChannelID: dmChannel, Author: alice, Content: "while away"}); err != nil {
		t.Fatal(err)
	}
	receive(t, ctx, resumed)
	waitHeartbeats(t, ctx, fake, id, 2)
	if got := receive(t, ctx, messages).Content; got != "while away" {
		t.Errorf("after RESUME got %q, want %q", got, "while away")
	}
}
