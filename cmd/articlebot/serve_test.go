package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/articlebot/articlebot/bot/discordtest"
)

// TestServeEndToEnd builds the binary, runs `articlebot serve` as a
// process against a fake Discord, on a seeds folder it watches, asks it a
// question, and stops it with SIGTERM: the process must answer, then exit 0.
func TestServeEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	t.Parallel()
	bin := filepath.Join(t.TempDir(), "articlebot")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	fake := discordtest.New(t, discordtest.Options{Token: "e2e-token", HeartbeatInterval: time.Second})
	articles := writeSeeds(t, map[string]string{"a.txt": "Trump says Europe must lead\n\"Europe is the first line of defence,\" US President Donald Trump said on Monday.\n"})
	config := filepath.Join(t.TempDir(), "config.yaml")
	yaml := "discord:\n  guild_id: \"800000000000000001\"\n  api_base_url: " + fake.URL() + "\nseeds: " + articles + "\nlog:\n  format: json\n"
	if err := os.WriteFile(config, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "serve", "--config", config)
	cmd.Env = append(os.Environ(), "DISCORD_TOKEN=e2e-token")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if _, err := fake.WaitRequests(ctx, 1, discordtest.MatchRoute(discordtest.RouteOverwriteGuildCommands)); err != nil {
		t.Fatalf("the bot never registered its commands: %v\n%s", err, stderr.String())
	}
	if _, err := fake.DispatchMessageCreate(discordtest.Message{
		ChannelID: "800000000000000002", GuildID: "800000000000000001",
		Author:   discordtest.User{ID: "700000000000000001", Username: "alice"},
		Content:  "<@" + fake.BotUser().ID + "> Who said Europe is the first line of defence?",
		Mentions: []discordtest.User{fake.BotUser()},
	}); err != nil {
		t.Fatal(err)
	}
	reqs, err := fake.WaitRequests(ctx, 1, discordtest.MatchRoute(discordtest.RouteCreateMessage))
	if err != nil {
		t.Fatalf("no answer: %v", err)
	}
	if body := string(reqs[0].Body); !strings.Contains(body, "Donald Trump") || !strings.Contains(body, `"parse":[]`) {
		t.Errorf("answer %s", body)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("exit after SIGTERM: %v\n%s", err, stderr.String())
	}
	logs := stderr.String()
	if strings.Contains(logs, "e2e-token") {
		t.Error("the token is in the logs")
	}
	for _, want := range []string{`"msg":"articles loaded"`, `"msg":"watching the seeds folder for changes"`, `"msg":"connected"`, `"outcome":"answered"`, `"msg":"stopping: finishing replies in flight"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %s:\n%s", want, logs)
		}
	}
}

// TestServeTwoProcessesSplitShards runs two `articlebot serve` processes
// side by side, one with shard 0 and one with shard 1 of two, against one
// fake Discord that routes each guild's events to its shard and DMs to
// shard 0: every question is answered once, by the process that has its
// shard.
func TestServeTwoProcessesSplitShards(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary twice")
	}
	t.Parallel()
	bin := filepath.Join(t.TempDir(), "articlebot")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	fake := discordtest.New(t, discordtest.Options{Token: "shard-token", HeartbeatInterval: time.Second, Shards: 2})
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()

	var logs [2]*bytes.Buffer
	var procs [2]*exec.Cmd
	for shard := range 2 {
		config := filepath.Join(t.TempDir(), "config.yaml")
		yaml := fmt.Sprintf("discord:\n  api_base_url: %s\n  shards: 2\n  shard_ids: [%d]\nlog:\n  format: json\n", fake.URL(), shard)
		if err := os.WriteFile(config, []byte(yaml), 0o600); err != nil {
			t.Fatal(err)
		}
		cmd := exec.CommandContext(ctx, bin, "serve", "--config", config)
		cmd.Env = append(os.Environ(), "DISCORD_TOKEN=shard-token")
		logs[shard] = &bytes.Buffer{}
		cmd.Stderr = logs[shard]
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		procs[shard] = cmd
	}
	// Both shards identified, and the process of shard 0 registered the
	// commands: both are ready.
	if _, err := fake.WaitFrames(ctx, 2, discordtest.MatchOp(discordtest.OpIdentify)); err != nil {
		t.Fatalf("the shards did not identify: %v\n%s\n%s", err, logs[0], logs[1])
	}
	if _, err := fake.WaitRequests(ctx, 1, discordtest.MatchRoute(discordtest.RouteOverwriteGlobalCommands)); err != nil {
		t.Fatalf("no commands registered: %v\n%s", err, logs[0])
	}

	// Guild ids whose shard, (id >> 22) % 2, is 0 and 1.
	guilds := [2]string{fmt.Sprint(uint64(2) << 22), fmt.Sprint(uint64(3) << 22)}
	ask := func(guild, channel string) {
		t.Helper()
		if _, err := fake.DispatchMessageCreate(discordtest.Message{
			ChannelID: channel, GuildID: guild,
			Author:   discordtest.User{ID: "700000000000000001", Username: "alice"},
			Content:  "<@" + fake.BotUser().ID + "> What did Zakharova say?",
			Mentions: []discordtest.User{fake.BotUser()},
		}); err != nil {
			t.Fatal(err)
		}
	}
	ask(guilds[0], "900000000000000001")
	ask(guilds[1], "900000000000000002")
	ask("", "900000000000000003") // a DM
	if _, err := fake.WaitRequests(ctx, 3, discordtest.MatchRoute(discordtest.RouteCreateMessage)); err != nil {
		t.Fatalf("not every question was answered: %v\n%s\n%s", err, logs[0], logs[1])
	}

	for _, p := range procs {
		if err := p.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		if err := p.Wait(); err != nil {
			t.Errorf("exit after SIGTERM: %v", err)
		}
	}
	// With both processes gone, nothing more can arrive: count.
	channels := map[string]int{}
	for _, r := range fake.Requests() {
		if r.Route == discordtest.RouteCreateMessage {
			channels[strings.Split(r.Path, "/")[4]]++
		}
	}
	for _, ch := range []string{"900000000000000001", "900000000000000002", "900000000000000003"} {
		if channels[ch] != 1 {
			t.Errorf("channel %s got %d answers, want 1", ch, channels[ch])
		}
	}
	// Shard 0 answered its guild and the DM, shard 1 its guild.
	if n := strings.Count(logs[0].String(), `"outcome":"answered"`); n != 2 {
		t.Errorf("the process of shard 0 answered %d questions, want 2:\n%s", n, logs[0])
	}
	if n := strings.Count(logs[1].String(), `"outcome":"answered"`); n != 1 {
		t.Errorf("the process of shard 1 answered %d questions, want 1:\n%s", n, logs[1])
	}
}
