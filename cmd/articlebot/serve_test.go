package main

import (
	"bytes"
	"context"
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
