package bot

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/articlebot/articlebot/bot/discordtest"
)

// guildOn returns a guild id whose events go to shard of count; n tells
// several apart.
func guildOn(shard, count, n int) string {
	return strconv.FormatUint(uint64(800000000000+count*n+shard)<<22, 10)
}

// ask dispatches a question in channel of guild ("" for a DM), mentioning
// the bot in a guild, and returns the message.
func ask(t *testing.T, fake *discordtest.Server, guild, channel, question string) discordtest.Message {
	t.Helper()
	m := discordtest.Message{ChannelID: channel, GuildID: guild,
		Author: discordtest.User{ID: alice, Username: "alice"}, Content: question}
	if guild != "" {
		m.Content = "<@" + fake.BotUser().ID + "> " + question
		m.Mentions = []discordtest.User{fake.BotUser()}
	}
	m, err := fake.DispatchMessageCreate(m)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// repliesTo counts the replies the fake recorded by the message they
// answer.
func repliesTo(t *testing.T, fake *discordtest.Server) map[string]int {
	t.Helper()
	n := make(map[string]int)
	for _, r := range fake.Requests() {
		if r.Route == discordtest.RouteCreateMessage && r.Status == 200 {
			if m := decode[sentMessage](t, r); m.Reference != nil {
				n[m.Reference.MessageID]++
			}
		}
	}
	return n
}

// stopAll stops the bots together, each Session.Close waiting a second.
func stopAll(t *testing.T, hs ...*harness) {
	var wg sync.WaitGroup
	for _, h := range hs {
		wg.Go(func() { h.stop(t) })
	}
	wg.Wait()
}

// identifiedShards lists the shards that identified to fake, as "id/count".
func identifiedShards(fake *discordtest.Server) []string {
	var shards []string
	for _, f := range fake.Frames() {
		if f.Op == discordtest.OpIdentify {
			shards = append(shards, fmt.Sprintf("%d/%d", f.Identify.Shard[0], f.Identify.Shard[1]))
		}
	}
	slices.Sort(shards)
	return shards
}

// TestShardedProcesses runs two bots, as two processes would, each with
// one of two shards: every question is answered once, by the bot that runs
// its guild's shard, and direct messages by shard 0's.
func TestShardedProcesses(t *testing.T) {
	t.Parallel()
	fake := newFake(t, 2)
	bots := make([]*harness, 2)
	for id := range bots {
		bots[id] = runBot(t, fake, func(c *Config) {
			c.Discord.Shards, c.Discord.ShardIDs = ShardCount{N: 2}, []int{id}
		})
	}
	questions := []struct {
		name, guild, channel string
		shard                int
	}{
		{"guild on shard 0", guildOn(0, 2, 0), "810000000000000001", 0},
		{"another guild on shard 0", guildOn(0, 2, 1), "810000000000000002", 0},
		{"guild on shard 1", guildOn(1, 2, 0), "810000000000000003", 1},
		{"another guild on shard 1", guildOn(1, 2, 1), "810000000000000004", 1},
		{"DM", "", "810000000000000005", 0},
	}
	asked := make([]discordtest.Message, len(questions))
	for i, q := range questions {
		asked[i] = ask(t, fake, q.guild, q.channel, "What did Zakharova say?")
	}
	bots[0].wait(t, len(questions), discordtest.MatchRoute(discordtest.RouteCreateMessage))

	if code, body := serve(t, bots[1].bot, "/readyz"); code != 200 || !strings.Contains(body, "commands: registered by the process that runs shard 0") {
		t.Errorf("/readyz of shard 1: got %d %q, want 200, the commands left to shard 0", code, body)
	}
	if code, body := serve(t, bots[1].bot, "/healthz"); code != 200 || body != "shard 1/2: connected\n" {
		t.Errorf("/healthz of shard 1: got %d %q, want 200, shard 1 connected", code, body)
	}
	stopAll(t, bots...) // every handler has returned: no reply can come later

	replies := repliesTo(t, fake)
	for i, q := range questions {
		if n := replies[asked[i].ID]; n != 1 {
			t.Errorf("%s: answered %d times, want once", q.name, n)
		}
		for shard, h := range bots {
			answered := strings.Contains(h.logs.String(), "channel="+q.channel)
			if answered != (shard == q.shard) {
				t.Errorf("%s: the bot of shard %d answered: %v, want %v", q.name, shard, answered, shard == q.shard)
			}
		}
	}
	if len(replies) != len(questions) {
		t.Errorf("got replies to %d messages, want %d", len(replies), len(questions))
	}
	if got, want := identifiedShards(fake), []string{"0/2", "1/2"}; !slices.Equal(got, want) {
		t.Errorf("identified shards %q, want %q", got, want)
	}
	if n := len(slices.DeleteFunc(fake.Requests(), func(r discordtest.Request) bool {
		return r.Route != discordtest.RouteOverwriteGuildCommands
	})); n != 1 {
		t.Errorf("commands registered %d times, want once, by shard 0", n)
	}
}

// TestAutoShards runs every shard Discord recommends in one process.
func TestAutoShards(t *testing.T) {
	t.Parallel()
	fake := newFake(t, 2)
	h := runBot(t, fake, nil)
	if got, want := identifiedShards(fake), []string{"0/2", "1/2"}; !slices.Equal(got, want) {
		t.Errorf("identified shards %q, want %q", got, want)
	}
	onShard1 := ask(t, fake, guildOn(1, 2, 0), testChannel, "What did Zakharova say?")
	dm := ask(t, fake, "", "810000000000000005", "What did Zakharova say?")
	h.wait(t, 2, discordtest.MatchRoute(discordtest.RouteCreateMessage))
	if code, body := serve(t, h.bot, "/healthz"); code != 200 || body != "shard 0/2: connected\nshard 1/2: connected\n" {
		t.Errorf("/healthz: got %d %q, want both shards connected", code, body)
	}
	checkMetric(t, h.bot, "articlebot_gateway_shards_connected", "2")
	h.stop(t)
	replies := repliesTo(t, fake)
	if replies[onShard1.ID] != 1 || replies[dm.ID] != 1 || len(replies) != 2 {
		t.Errorf("got replies %v, want one to %s and one to %s", replies, onShard1.ID, dm.ID)
	}
}

func TestShardPlan(t *testing.T) {
	tests := []struct {
		name        string
		shards      ShardCount
		ids         []int
		recommended int
		wantCount   int
		wantIDs     []int
		wantErr     string
	}{
		{name: "auto", shards: ShardCount{Auto: true}, recommended: 3, wantCount: 3, wantIDs: []int{0, 1, 2}},
		{name: "auto when Discord says 0", shards: ShardCount{Auto: true}, recommended: 0, wantCount: 1, wantIDs: []int{0}},
		{name: "fixed, every shard", shards: ShardCount{N: 2}, recommended: 5, wantCount: 2, wantIDs: []int{0, 1}},
		{name: "fixed, some, in order", shards: ShardCount{N: 4}, ids: []int{3, 1}, wantCount: 4, wantIDs: []int{1, 3}},
		{name: "id out of range", shards: ShardCount{N: 2}, ids: []int{2}, wantErr: "cannot shard the bot: discord.shard_ids: 2 is out of range 0–1: discord.shards is 2"},
		{name: "no shards", shards: ShardCount{N: 0}, wantErr: "cannot shard the bot: discord.shards is 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			count, ids, err := shardPlan(DiscordConfig{Shards: tt.shards, ShardIDs: tt.ids}, tt.recommended)
			if errText(err) != tt.wantErr {
				t.Fatalf("error: got %q, want %q", errText(err), tt.wantErr)
			}
			if count != tt.wantCount || !slices.Equal(ids, tt.wantIDs) {
				t.Errorf("got %d shards, ids %v; want %d, %v", count, ids, tt.wantCount, tt.wantIDs)
			}
		})
	}
}

func TestIdentifyRounds(t *testing.T) {
	tests := []struct {
		name           string
		ids            []int
		maxConcurrency int
		want           string
	}{
		{name: "one at a time", ids: []int{0, 1, 2}, maxConcurrency: 1, want: "[[0] [1] [2]]"},
		{name: "unknown concurrency is one", ids: []int{0, 1}, maxConcurrency: 0, want: "[[0] [1]]"},
		{name: "all together", ids: []int{0, 1, 2, 3}, maxConcurrency: 16, want: "[[0 1 2 3]]"},
		{name: "by rate-limit key", ids: []int{0, 1, 2, 3, 4}, maxConcurrency: 2, want: "[[0 1] [2 3] [4]]"},
		{name: "same key apart", ids: []int{1, 3, 5}, maxConcurrency: 2, want: "[[1] [3] [5]]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fmt.Sprint(identifyRounds(tt.ids, tt.maxConcurrency)); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}
