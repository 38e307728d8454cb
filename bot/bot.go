// Package bot puts the question-answering engine behind a Discord bot.
//
// People ask by mentioning the bot, replying to one of its answers, in a
// direct message, or with the /ask slash command; /summary, /quote,
// /speakers, /about and /help do the rest. Handlers compute each reply as
// a value from the engine; send and respond are the only places that talk
// to Discord. Every reply allows no mentions, fits Discord's limits, and
// each user is rate limited.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/articlebot/articlebot/qa"
)

// Engine is what the bot needs from the question-answering engine;
// *qa.Engine provides it.
type Engine interface {
	Follow(c *qa.Conversation, question string, k int, now time.Time) ([]qa.Answer, error)
	Passage(ref qa.Ref) (qa.Answer, bool)
	Context(ref qa.Ref) (qa.Context, bool)
	Summary(a *qa.Article, n int) ([]string, error)
	SpeakerSummary(s *qa.Speaker, n int) ([]string, error)
	SpeakerQuotes(s *qa.Speaker, topic string) []qa.Quote
	Speakers() []*qa.Speaker
	FindSpeaker(name string) *qa.Speaker
	MatchSpeakers(typed string, n int) []*qa.Speaker
	Articles() []*qa.Article
	Stats(a *qa.Article) qa.Stats
	Topics(n int) []string
	Version() string
}

// discordAPI is the part of *discordgo.Session the handlers use to reply;
// tests that check replies as values need no session at all.
type discordAPI interface {
	ChannelMessageSendComplex(channelID string, data *discordgo.MessageSend, options ...discordgo.RequestOption) (*discordgo.Message, error)
	InteractionRespond(i *discordgo.Interaction, r *discordgo.InteractionResponse, options ...discordgo.RequestOption) error
	InteractionResponseEdit(i *discordgo.Interaction, e *discordgo.WebhookEdit, options ...discordgo.RequestOption) (*discordgo.Message, error)
}

// maxConversations bounds the channels whose conversation the bot keeps.
const maxConversations = 10000

// shutdownTimeout bounds how long Run waits for replies in flight once
// asked to stop.
const shutdownTimeout = 10 * time.Second

// A Bot answers questions in Discord.
type Bot struct {
	cfg    Config
	log    *slog.Logger
	limits *userLimits
	convs  *conversations

	engine atomic.Pointer[loadedEngine]

	idMu  sync.RWMutex
	botID string // the bot's user id, from READY
	appID string // its application id, from READY

	inflight inflight
}

// loadedEngine is an engine and when it was loaded, swapped as one.
type loadedEngine struct {
	Engine
	at time.Time
}

// New returns a bot answering from e, configured by cfg (see
// DefaultConfig), logging to log.
func New(cfg Config, e Engine, log *slog.Logger) *Bot {
	b := &Bot{cfg: cfg, log: log, limits: newUserLimits(cfg.RateLimit.Questions, cfg.RateLimit.Per),
		convs: newConversations(maxConversations)}
	b.SetEngine(e)
	return b
}

// SetEngine makes the bot answer from e from now on; questions in flight
// finish on the engine they started with.
func (b *Bot) SetEngine(e Engine) { b.engine.Store(&loadedEngine{e, time.Now()}) }

func (b *Bot) current() *loadedEngine { return b.engine.Load() }

// Run connects to Discord, registers the slash commands and answers until
// ctx is done; then it stops taking events, lets replies in flight finish
// (for a bounded time) and closes the gateway.
func (b *Bot) Run(ctx context.Context) error {
	s, err := discordgo.New("Bot " + b.cfg.Discord.Token.Value())
	if err != nil {
		return fmt.Errorf("cannot create the Discord session: %w", err)
	}
	s.Client = &http.Client{Transport: newBaseURLTransport(b.cfg.Discord.APIBaseURL, nil), Timeout: 30 * time.Second}
	// Guild messages that mention the bot, and direct messages; the
	// privileged Message Content intent is not needed for either.
	s.Identify.Intents = discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	ready := make(chan *discordgo.Ready, 1)
	s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
		b.setIdentity(r)
		select {
		case ready <- r:
		default:
		}
	})
	s.AddHandler(func(s *discordgo.Session, m *discordgo.MessageCreate) { b.onMessage(s, m.Message) })
	s.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) { b.onInteraction(s, i.Interaction) })

	// Check the token over REST first: a wrong one is then one clear line,
	// not a gateway close code.
	if _, err := s.User("@me"); err != nil {
		var rest *discordgo.RESTError
		if errors.As(err, &rest) && rest.Response != nil && rest.Response.StatusCode == http.StatusUnauthorized {
			return errors.New("Discord rejected the bot token (401 Unauthorized): check discord.token or DISCORD_TOKEN")
		}
		return fmt.Errorf("cannot reach Discord at %s: %w", b.cfg.Discord.APIBaseURL, err)
	}
	if err := s.Open(); err != nil {
		return fmt.Errorf("cannot connect to the Discord gateway: %w", err)
	}
	defer func() {
		if err := s.Close(); err != nil {
			b.log.Warn("closing the gateway", "err", err)
		}
	}()
	var r *discordgo.Ready
	select {
	case r = <-ready:
	case <-ctx.Done():
		return nil
	case <-time.After(time.Minute):
		return errors.New("connected to the Discord gateway, but it sent no READY within a minute")
	}
	if err := b.registerCommands(s, r); err != nil {
		return err
	}
	b.log.Info("connected", "user", r.User.Username, "session", r.SessionID, "guild_id", b.cfg.Discord.GuildID)

	<-ctx.Done()
	b.log.Info("stopping: finishing replies in flight")
	if !b.inflight.drain(shutdownTimeout) {
		b.log.Warn("replies still in flight after the shutdown timeout", "timeout", shutdownTimeout)
	}
	return nil
}

func (b *Bot) setIdentity(r *discordgo.Ready) {
	b.idMu.Lock()
	defer b.idMu.Unlock()
	if r.User != nil {
		b.botID = r.User.ID
	}
	if r.Application != nil {
		b.appID = r.Application.ID
	}
}

func (b *Bot) identity() (botID, appID string) {
	b.idMu.RLock()
	defer b.idMu.RUnlock()
	return b.botID, b.appID
}

// registerCommands replaces the application's commands with ours in one
// bulk overwrite: in the configured guild (instant), else globally.
func (b *Bot) registerCommands(s *discordgo.Session, r *discordgo.Ready) error {
	appID := r.User.ID
	if r.Application != nil && r.Application.ID != "" {
		appID = r.Application.ID
	}
	if _, err := s.ApplicationCommandBulkOverwrite(appID, b.cfg.Discord.GuildID, commands()); err != nil {
		return fmt.Errorf("cannot register the slash commands: %w", err)
	}
	return nil
}

// inflight counts the handlers running, so shutdown can wait for them and
// refuse new ones.
type inflight struct {
	mu      sync.Mutex
	closing bool
	wg      sync.WaitGroup
}

// begin reports whether a handler may start; if so it must call end.
func (f *inflight) begin() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closing {
		return false
	}
	f.wg.Add(1)
	return true
}

func (f *inflight) end() { f.wg.Done() }

// drain refuses new handlers and waits for the running ones, up to timeout.
func (f *inflight) drain(timeout time.Duration) bool {
	f.mu.Lock()
	f.closing = true
	f.mu.Unlock()
	done := make(chan struct{})
	go func() { f.wg.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-time.After(timeout):
		return false
	}
}

// recoverHandler keeps the bot serving when a handler panics: the event is
// logged and dropped.
func (b *Bot) recoverHandler(event, id string) {
	if r := recover(); r != nil {
		b.log.Error("handler panicked", "event", event, "id", id, "panic", fmt.Sprint(r))
	}
}

var mentionRE = regexp.MustCompile(`<@!?(\d+)>`)

// question returns the question in a message, and whether the message is
// one for the bot: a direct message, a guild message that mentions it, or a
// reply to one of its messages. Bots, the bot itself included, are never
// answered.
func (b *Bot) question(m *discordgo.Message) (string, bool) {
	if m.Author == nil || m.Author.Bot {
		return "", false
	}
	botID, _ := b.identity()
	if botID == "" || m.Author.ID == botID {
		return "", false
	}
	addressed := m.GuildID == ""
	for _, u := range m.Mentions {
		if u != nil && u.ID == botID {
			addressed = true
		}
	}
	if ref := m.ReferencedMessage; ref != nil && ref.Author != nil && ref.Author.ID == botID {
		addressed = true
	}
	if !addressed {
		return "", false
	}
	text := mentionRE.ReplaceAllStringFunc(m.Content, func(s string) string {
		if mentionRE.FindStringSubmatch(s)[1] == botID {
			return ""
		}
		return s
	})
	return strings.TrimSpace(text), true
}

// onMessage answers a message addressed to the bot.
func (b *Bot) onMessage(api discordAPI, m *discordgo.Message) {
	if !b.inflight.begin() {
		return
	}
	defer b.inflight.end()
	defer b.recoverHandler("MESSAGE_CREATE", m.ID)
	q, ok := b.question(m)
	if !ok {
		return
	}
	start := time.Now()
	source := "mention"
	if m.GuildID == "" {
		source = "dm"
	}
	r, out := b.messageReply(m.Author.ID, m.ChannelID, q, start)
	if r == nil {
		b.logQuestion(source, m.Author.ID, m.GuildID, m.ChannelID, out, start, nil)
		return
	}
	err := send(api, m, *r)
	b.logQuestion(source, m.Author.ID, m.GuildID, m.ChannelID, out, start, err)
}

// messageReply computes the reply to a question asked in a message; nil
// when the bot should stay quiet (a flood it has already warned about).
func (b *Bot) messageReply(user, channel, q string, now time.Time) (*reply, outcome) {
	if ok, wait, warned := b.limits.allow(user, now); !ok {
		if warned {
			return nil, rateLimited
		}
		r := rateLimitedReply(wait)
		return &r, rateLimited
	}
	if q == "" {
		r := helpReply()
		return &r, declined
	}
	r, out := b.ask(b.current(), channel, q, now)
	return &r, out
}

// ask answers q as the next turn of the channel's conversation.
func (b *Bot) ask(e Engine, channel, q string, now time.Time) (reply, outcome) {
	cc := b.convs.lock(channel)
	defer cc.unlock()
	return askReply(e, &cc.conv, q, b.cfg.Answers.Passages, now)
}

func (b *Bot) logQuestion(source, user, guild, channel string, out outcome, start time.Time, err error) {
	attrs := []any{"source", source, "outcome", out, "latency", time.Since(start).Round(time.Microsecond),
		"user", user, "guild", guild, "channel", channel}
	if err != nil {
		b.log.Error("question", append(attrs, "err", err)...)
		return
	}
	b.log.Info("question", attrs...)
}

// noMentions lets a reply ping no one: not @everyone in an article, not a
// role, not even the person it replies to.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// send posts r as a reply to m.
func send(api discordAPI, m *discordgo.Message, r reply) error {
	no := false
	_, err := api.ChannelMessageSendComplex(m.ChannelID, &discordgo.MessageSend{
		Content:         r.Content,
		Embeds:          r.Embeds,
		Components:      r.Components,
		AllowedMentions: noMentions(),
		Reference:       &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID, FailIfNotExists: &no},
	})
	return err
}
