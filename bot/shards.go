package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Sharding. Discord sends the events of a guild on the shard
// (guild_id >> 22) % shards, and direct messages on shard 0. The bot runs
// one discordgo session per shard, all with the same handlers, so they
// share the engine, the conversations, the per-user rate limits and the
// REST transport (with its global rate limit) of the process. Several
// processes split the shards with discord.shard_ids; they share nothing,
// but a REST proxy (discord.api_base_url) can share Discord's rate limits
// between them.

// identifyInterval is how often Discord lets one rate-limit key (shard id
// modulo max_concurrency) identify.
const identifyInterval = 5 * time.Second

// A shard is one gateway connection of the bot.
type shard struct {
	id, count int
	session   *discordgo.Session
	connects  atomic.Int64 // Connect events so far; after the first, reconnections
}

// connected reports whether the shard's gateway connection is up: discordgo
// sets DataReady once it is heartbeating, and clears it when the
// connection closes, until it has reconnected.
func (sh *shard) connected() bool {
	sh.session.RLock()
	defer sh.session.RUnlock()
	return sh.session.DataReady
}

// shardPlan returns how many shards the bot is split into and which of
// them this process runs, in order. recommended is Discord's count, from
// GET /gateway/bot.
func shardPlan(c DiscordConfig, recommended int) (count int, ids []int, err error) {
	count = c.Shards.N
	if c.Shards.Auto {
		count = max(recommended, 1)
	}
	if count < 1 {
		return 0, nil, fmt.Errorf("cannot shard the bot: discord.shards is %d", count)
	}
	if len(c.ShardIDs) == 0 {
		for id := range count {
			ids = append(ids, id)
		}
		return count, ids, nil
	}
	ids = slices.Clone(c.ShardIDs)
	slices.Sort(ids)
	if msg := checkShardIDs(ids, ShardCount{N: count}); msg != "" {
		return 0, nil, fmt.Errorf("cannot shard the bot: discord.shard_ids: %s", msg)
	}
	return count, ids, nil
}

// identifyRounds orders ids into rounds that may each identify at once:
// Discord lets maxConcurrency shards identify together, one per rate-limit
// key (id % maxConcurrency), and each key once per identifyInterval.
func identifyRounds(ids []int, maxConcurrency int) [][]int {
	maxConcurrency = max(maxConcurrency, 1)
	var rounds [][]int
	used := make(map[int]int) // rounds each key has taken
	for _, id := range ids {
		key := id % maxConcurrency
		r := used[key]
		used[key]++
		if r == len(rounds) {
			rounds = append(rounds, nil)
		}
		rounds[r] = append(rounds[r], id)
	}
	return rounds
}

// openShards opens a session for each of ids, round by round as Discord
// allows. When ctx ends between rounds it returns the shards opened so far;
// when a shard fails to open it closes the others.
func (b *Bot) openShards(ctx context.Context, client *http.Client, count int, ids []int, maxConcurrency int) ([]*shard, error) {
	var shards []*shard
	for i, round := range identifyRounds(ids, maxConcurrency) {
		if i > 0 {
			if err := sleepCtx(ctx, b.identifyEvery); err != nil {
				return shards, nil
			}
		}
		for _, id := range round {
			sh, err := b.openShard(client, id, count)
			if err != nil {
				b.closeShards(shards)
				if count > 1 {
					return nil, fmt.Errorf("cannot connect shard %d of %d to the Discord gateway: %w", id, count, err)
				}
				return nil, fmt.Errorf("cannot connect to the Discord gateway: %w", err)
			}
			shards = append(shards, sh)
			b.shardsMu.Lock()
			b.shards = append(b.shards, sh)
			b.shardsMu.Unlock()
		}
	}
	return shards, nil
}

// openShard connects shard id of count to the gateway, with the bot's
// handlers. discordgo's Open returns once READY is processed.
func (b *Bot) openShard(client *http.Client, id, count int) (*shard, error) {
	s, err := discordgo.New("Bot " + b.cfg.Discord.Token.Value())
	if err != nil {
		return nil, err
	}
	s.Client = client
	s.MaxRestRetries = 0 // restTransport retries server errors
	s.StateEnabled = false
	s.ShardID, s.ShardCount = id, count
	s.Identify.Intents = gatewayIntents(b.cfg.Discord)
	sh := &shard{id: id, count: count, session: s}
	s.AddHandler(func(s *discordgo.Session, m *discordgo.MessageCreate) {
		b.learnIdentity(s)
		b.onMessage(s, m.Message)
	})
	s.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) { b.onInteraction(s, i.Interaction) })
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Connect) { b.onConnect(sh) })
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) {
		b.log.Info("shard disconnected", "shard", sh.id)
	})
	if err := s.Open(); err != nil {
		return nil, err
	}
	b.learnIdentity(s)
	return sh, nil
}

// onConnect counts a shard's connections: every one after the first is a
// reconnection.
func (b *Bot) onConnect(sh *shard) {
	if n := sh.connects.Add(1); n > 1 {
		b.metrics.reconnects.WithLabelValues(strconv.Itoa(sh.id)).Inc()
		b.log.Info("shard reconnected", "shard", sh.id, "connections", n)
		return
	}
	b.log.Info("shard connected", "shard", sh.id, "shards", sh.count)
}

// learnIdentity sets the bot's user and application from the READY that
// discordgo processed before any handler of a later event could run.
// Handlers run on their own goroutines, so a Ready handler could still be
// waiting when the first message handler runs.
func (b *Bot) learnIdentity(s *discordgo.Session) {
	if id, _ := b.identity(); id != "" {
		return
	}
	s.State.RLock()
	r := discordgo.Ready{User: s.State.User, Application: s.State.Application}
	s.State.RUnlock()
	b.setIdentity(&r)
}

// closeShards closes the shards together: discordgo's Close waits a second
// after its close frame.
func (b *Bot) closeShards(shards []*shard) {
	var wg sync.WaitGroup
	for _, sh := range shards {
		wg.Go(func() {
			// A heartbeat that fails because the close frame went first
			// would otherwise reconnect, forever. discordgo reads the field
			// after taking the session lock in Close.
			sh.session.Lock()
			sh.session.ShouldReconnectOnError = false
			sh.session.Unlock()
			if err := sh.session.Close(); err != nil {
				b.log.Warn("closing the gateway", "shard", sh.id, "err", err)
			}
		})
	}
	wg.Wait()
	b.shardsMu.Lock()
	b.shards = slices.DeleteFunc(b.shards, func(sh *shard) bool { return slices.Contains(shards, sh) })
	b.shardsMu.Unlock()
}

// runningShards returns the shards open now.
func (b *Bot) runningShards() []*shard {
	b.shardsMu.Lock()
	defer b.shardsMu.Unlock()
	return slices.Clone(b.shards)
}

// connectedShards counts the shards connected to the gateway.
func (b *Bot) connectedShards() float64 {
	n := 0
	for _, sh := range b.runningShards() {
		if sh.connected() {
			n++
		}
	}
	return float64(n)
}

// gatewayBot asks Discord how to shard the bot, GET /gateway/bot, which
// also checks the token: a wrong one is then one clear line rather than a
// gateway close code.
func (b *Bot) gatewayBot(client *http.Client) (*discordgo.GatewayBotResponse, error) {
	s, err := discordgo.New("Bot " + b.cfg.Discord.Token.Value())
	if err != nil {
		return nil, fmt.Errorf("cannot create the Discord session: %w", err)
	}
	s.Client = client
	s.MaxRestRetries = 0
	gw, err := s.GatewayBot()
	if err != nil {
		var rest *discordgo.RESTError
		if errors.As(err, &rest) && rest.Response != nil && rest.Response.StatusCode == http.StatusUnauthorized {
			return nil, errors.New("the bot token was rejected by Discord (401 Unauthorized): check discord.token or DISCORD_TOKEN")
		}
		return nil, fmt.Errorf("cannot reach Discord at %s: %w", b.cfg.Discord.APIBaseURL, err)
	}
	return gw, nil
}
