// Package bot puts the question-answering engine behind a Discord bot.
//
// People ask by mentioning the bot, replying to one of its answers, in a
// direct message, or with the /ask slash command; /summary, /quote,
// /speakers, /about and /help do the rest. Handlers compute each reply as
// a value (package bot/reply, shared with the command line) and show it
// as a message; send and respond are the only places that talk to
// Discord. Every reply allows no mentions, fits Discord's limits, and
// each user is rate limited.
//
// For operation: the bot runs one gateway session per shard (shards.go);
// its REST client waits out Discord's global rate limit and retries
// server errors (transport.go); it reloads the articles when the seeds
// folder changes (reload.go); and it serves Prometheus metrics and health
// checks (metrics.go).
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
	"github.com/gorilla/websocket"

	"github.com/articlebot/articlebot/bot/reply"
	"github.com/articlebot/articlebot/qa"
)

// Engine is what the bot needs from the question-answering engine: what
// the replies need, and the passages and speakers its buttons and
// autocomplete show (the articles it suggests are reply.Engine's);
// *qa.Engine provides it.
type Engine interface {
	reply.Engine
	Passage(ref qa.Ref) (qa.Answer, bool)
	Context(ref qa.Ref) (qa.Context, bool)
	MatchSpeakers(typed string, n int, in *qa.Article) []*qa.Speaker
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
// asked to stop. deploy/articlebot.service's TimeoutStopSec and the
// Dockerfile's advice on docker stop -t allow for it, plus the closing of
// the gateway and of the metrics server that follow: keep them in step.
const shutdownTimeout = 10 * time.Second

// closeDisallowedIntents is the gateway's close code for an intent the
// application may not use: a privileged one left off in the developer
// portal.
const closeDisallowedIntents = 4014

// A Bot answers questions in Discord.
type Bot struct {
	cfg     Config
	log     *slog.Logger
	limits  *userLimits
	convs   *conversations
	metrics *metrics

	engine atomic.Pointer[loadedEngine]

	idMu  sync.RWMutex
	botID string // the bot's user id, from READY
	appID string // its application id, from READY

	shardsMu sync.Mutex
	shards   []*shard     // open now, for the health check
	commands atomic.Int32 // commandsPending, commandsRegistered or commandsElsewhere

	inflight inflight
	version  atomic.Pointer[string] // see SetVersion

	// Timings with production defaults (see New), shortened by tests.
	retry         retryPolicy   // of REST server errors
	identifyEvery time.Duration // between two IDENTIFYs of one rate-limit key
	debounce      time.Duration // between the last change to the seeds and the reload
}

// States of the slash commands, for the readiness check.
const (
	commandsPending    = iota
	commandsRegistered // by this process, which runs shard 0
	commandsElsewhere  // by the process that runs shard 0
)

// loadedEngine is an engine and when it was loaded, swapped as one.
type loadedEngine struct {
	Engine
	at time.Time
}

// New returns a bot answering from e, configured by cfg (see
// DefaultConfig), logging to log (nowhere if nil). e may be nil if
// LoadArticles is called before Run.
func New(cfg Config, e Engine, log *slog.Logger) *Bot {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	b := &Bot{cfg: cfg, log: log, limits: newUserLimits(cfg.RateLimit.Questions, cfg.RateLimit.Per),
		convs: newConversations(maxConversations),
		retry: defaultRetry(), identifyEvery: identifyInterval, debounce: reloadDebounce}
	b.metrics = newMetrics(b.connectedShards)
	if e != nil {
		b.SetEngine(e)
	}
	return b
}

// SetEngine makes the bot answer from e from now on; questions in flight
// finish on the engine they started with.
func (b *Bot) SetEngine(e Engine) {
	now := time.Now()
	b.engine.Store(&loadedEngine{e, now})
	articles, sentences := indexSize(e)
	b.metrics.indexArticles.Set(float64(articles))
	b.metrics.indexSentences.Set(float64(sentences))
	b.metrics.indexLoaded.Set(float64(now.UnixNano()) / 1e9)
}

// current returns the engine to answer from, nil before the first.
func (b *Bot) current() *loadedEngine { return b.engine.Load() }

// Run connects to Discord, one gateway session for each shard this
// process runs (see DiscordConfig.Shards), registers the slash commands
// if it runs shard 0, and answers until ctx is done; then it stops taking events, lets replies in flight finish
// (for a bounded time) and closes the gateway.
func (b *Bot) Run(ctx context.Context) error {
	if b.current() == nil {
		return errors.New("cannot run the bot: no articles loaded")
	}
	// Every shard replies through one pool of connections; the default
	// keeps 2 idle per host, and a busy bot would reconnect (TLS and all)
	// for most replies.
	conns := http.DefaultTransport.(*http.Transport).Clone()
	conns.MaxIdleConnsPerHost = 100
	client := &http.Client{
		Transport: newRESTTransport(newBaseURLTransport(b.cfg.Discord.APIBaseURL, conns), b.retry, b.metrics, b.log),
		Timeout:   30 * time.Second,
	}
	gw, err := b.gatewayBot(client)
	if err != nil {
		return err
	}
	count, ids, err := shardPlan(b.cfg.Discord, gw.Shards)
	if err != nil {
		return err
	}
	if left := gw.SessionStartLimit.Remaining; gw.SessionStartLimit.Total > 0 && left < len(ids) {
		b.log.Warn("Discord allows fewer gateway sessions today than this process needs",
			"remaining", left, "shards", len(ids), "reset_after", time.Duration(gw.SessionStartLimit.ResetAfter)*time.Millisecond)
	}
	shards, err := b.openShards(ctx, client, count, ids, gw.SessionStartLimit.MaxConcurrency)
	if err != nil {
		var closed *websocket.CloseError
		if errors.As(err, &closed) && closed.Code == closeDisallowedIntents && b.cfg.Discord.MessageContent {
			return fmt.Errorf("%w: discord.message_content needs Message Content Intent turned on under Bot > Privileged Gateway Intents in the developer portal", err)
		}
		return err
	}
	defer b.closeShards(shards)
	if ctx.Err() != nil {
		return nil
	}
	if ids[0] == 0 {
		if err := b.registerCommands(shards[0].session); err != nil {
			return err
		}
		b.commands.Store(commandsRegistered)
	} else {
		b.commands.Store(commandsElsewhere)
	}
	botID, _ := b.identity()
	b.log.Info("connected", "user", botID, "shards", count, "shard_ids", ids, "guild_id", b.cfg.Discord.GuildID)

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
// bulk overwrite: in the configured guild (instant), else globally. Only
// the process that runs shard 0 does, so that they are registered once.
func (b *Bot) registerCommands(s *discordgo.Session) error {
	botID, appID := b.identity()
	if appID == "" {
		appID = botID
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
// logged, with its id, and dropped. Deferred first thing in every handler
// of a gateway event; a goroutine a handler starts needs its own.
func (b *Bot) recoverHandler(event, id string) {
	if p := recover(); p != nil {
		b.notePanic(event, id, p)
	}
}

// notePanic logs and counts a recovered panic.
func (b *Bot) notePanic(event, id string, p any) {
	b.metrics.panics.WithLabelValues(event).Inc()
	b.log.Error("handler panicked", "event", event, "id", id, "panic", fmt.Sprint(p))
}

// gatewayIntents are the events the bot asks Discord for: guild messages
// and direct messages (which arrive on shard 0 only). Discord sends the
// content of every direct message, and of guild messages that mention the
// bot, without more. The privileged Message Content intent, asked for when
// discord.message_content is set, adds the content of the others, among
// them the replies to the bot that do not ping it.
func gatewayIntents(c DiscordConfig) discordgo.Intent {
	intents := discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	if c.MessageContent {
		intents |= discordgo.IntentMessageContent
	}
	return intents
}

var mentionRE = regexp.MustCompile(`<@!?(\d+)>`)

// Sources of a question asked in a message, for logs and metrics.
const (
	sourceMention = "mention" // in a guild, pinging the bot (a reply that pings it too)
	sourceReply   = "reply"   // in a guild, a reply to the bot that does not ping it
	sourceDM      = "dm"
)

// question returns the question in a message and where it was asked, and
// whether the message is one for the bot: a direct message, a guild
// message that mentions it, or a reply to one of its messages. Bots, the
// bot itself included, are never answered.
func (b *Bot) question(m *discordgo.Message) (q, source string, ok bool) {
	if m.Author == nil || m.Author.Bot {
		return "", "", false
	}
	botID, _ := b.identity()
	if botID == "" || m.Author.ID == botID {
		return "", "", false
	}
	source = sourceDM
	if m.GuildID != "" {
		source = ""
		if ref := m.ReferencedMessage; ref != nil && ref.Author != nil && ref.Author.ID == botID {
			source = sourceReply
		}
		for _, u := range m.Mentions {
			if u != nil && u.ID == botID {
				source = sourceMention
			}
		}
	}
	if source == "" {
		return "", "", false
	}
	q = mentionRE.ReplaceAllStringFunc(m.Content, func(s string) string {
		if mentionRE.FindStringSubmatch(s)[1] == botID {
			return ""
		}
		return s
	})
	q = strings.TrimSpace(q)
	if q == "" && source == sourceReply {
		// Without the Message Content intent, Discord sends a reply that
		// does not ping the bot with its content withheld; with it, the
		// reply may be a sticker or an image. Either way no one asked for
		// the help text that an empty mention gets.
		return "", "", false
	}
	return q, source, true
}

// onMessage answers a message addressed to the bot.
func (b *Bot) onMessage(api discordAPI, m *discordgo.Message) {
	if !b.inflight.begin() {
		return
	}
	defer b.inflight.end()
	defer b.recoverHandler("MESSAGE_CREATE", m.ID)
	q, source, ok := b.question(m)
	if !ok {
		return
	}
	start := time.Now()
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
func (b *Bot) messageReply(user, channel, q string, now time.Time) (*message, outcome) {
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
	r, out := b.ask(b.current(), channel, q, nil, now)
	return &r, out
}

// ask answers q as the next turn of the channel's conversation, from
// article in alone unless it is nil.
func (b *Bot) ask(e Engine, channel, q string, in *qa.Article, now time.Time) (message, outcome) {
	cc := b.convs.lock(channel)
	defer cc.unlock()
	return askReply(e, &cc.conv, q, in, b.cfg.Answers.Passages, now)
}

// logQuestion logs and counts a question handled: its source (mention,
// dm, /command, button), what became of it (an error if the reply could
// not be sent) and how long it took.
func (b *Bot) logQuestion(source, user, guild, channel string, out outcome, start time.Time, err error) {
	latency := time.Since(start)
	if err != nil {
		out = failed
	}
	b.metrics.questions.WithLabelValues(string(out), source).Inc()
	b.metrics.answerSeconds.Observe(latency.Seconds())
	attrs := []any{"source", source, "outcome", out, "latency", latency.Round(time.Microsecond),
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
func send(api discordAPI, m *discordgo.Message, r message) error {
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
