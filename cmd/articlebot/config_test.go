package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	yaml "go.yaml.in/yaml/v3"

	"github.com/articlebot/articlebot/bot"
)

// The configuration of `articlebot serve` as a whole: the bot's keys
// (tested on their own in bot) and the process's, in one file.

// exampleFile is the commented example config at the repository root.
const exampleFile = "../../config.example.yaml"

// maxQuoted is how much of a wrong value bot's errors repeat.
const maxQuoted = 40

// clearConfigEnv unsets, for the test, the variables the config reads, so
// that the developer's environment cannot change the results.
func clearConfigEnv(t testing.TB) {
	for _, k := range []string{bot.EnvDiscordToken, envSeeds, envLogLevel} {
		t.Setenv(k, "") // empty counts as unset
	}
}

// withToken returns the default config with token tok.
func withToken(tok string) serveConfig {
	c := serveConfig{bot.DefaultConfig(), defaultProcessConfig()}
	c.Discord.Token = bot.Secret(tok)
	return c
}

// checkConfig fails t unless got equals want, token included.
func checkConfig(t *testing.T, got, want serveConfig) {
	t.Helper()
	if got.Discord.Token.Value() != want.Discord.Token.Value() {
		t.Errorf("token: got %q, want %q", got.Discord.Token.Value(), want.Discord.Token.Value())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestParseServeConfig(t *testing.T) {
	full := serveConfig{
		Config: bot.Config{
			Discord: bot.DiscordConfig{
				Token:      "file-token",
				GuildID:    "1234567890123456789",
				APIBaseURL: "http://nirn:8080",
				Shards:     bot.ShardCount{N: 4},
				ShardIDs:   []int{1, 3},

				MessageContent: true,
			},
			Answers:   bot.AnswersConfig{Passages: 5, DeferAfter: 2500 * time.Millisecond},
			RateLimit: bot.RateLimitConfig{Questions: 1, Per: time.Minute},
		},
		processConfig: processConfig{
			Seeds:       "/srv/articles",
			Log:         logConfig{Level: "debug", Format: "json"},
			MetricsAddr: "127.0.0.1:9090",
		},
	}
	tests := []struct {
		name    string
		yaml    string
		env     map[string]string
		want    serveConfig
		wantErr string
	}{
		{
			name: "defaults",
			yaml: "discord:\n  token: t0k\n",
			want: withToken("t0k"),
		},
		{
			name: "full file",
			yaml: `discord:
  token: file-token
  guild_id: "1234567890123456789"
  api_base_url: http://nirn:8080
  shards: 4
  shard_ids: [1, 3]
  message_content: true
seeds: /srv/articles
answers:
  passages: 5
  defer_after: 2.5s
rate_limit:
  questions: 1
  per: 1m
log:
  level: debug
  format: json
metrics_addr: 127.0.0.1:9090
`,
			want: full,
		},
		{
			name: "shards auto in any case, and an empty shard_ids list, are the defaults",
			yaml: "discord:\n  token: t0k\n  shards: Auto\n  shard_ids: []\n",
			want: withToken("t0k"),
		},
		{
			name:    "shards neither auto nor a number",
			yaml:    "discord:\n  token: t0k\n  shards: many\n",
			wantErr: `line 3: discord.shards: "many" is not auto or a whole number`,
		},
		{
			name: "shard errors are named together with the others",
			yaml: "discord:\n  token: t0k\n  shards: 2\n  shard_ids: [0, 2, 0]\nmetrics_addr: localhost\n",
			wantErr: "discord.shard_ids: 2 is out of range 0–1: discord.shards is 2\n" +
				`metrics_addr: "localhost" is not host:port, such as 127.0.0.1:9090 or :9090`,
		},
		{
			name: "empty file",
			yaml: "",
			env:  map[string]string{bot.EnvDiscordToken: "env-token"},
			want: withToken("env-token"),
		},
		{
			name: "comments only",
			yaml: "# nothing here\n",
			env:  map[string]string{bot.EnvDiscordToken: "env-token"},
			want: withToken("env-token"),
		},
		{
			name: "empty values keep the defaults",
			yaml: "discord:\n  token: t0k\n  api_base_url:\nanswers:\n  passages:\nlog:\n",
			want: withToken("t0k"),
		},
		{
			name: "DISCORD_TOKEN overrides the file",
			yaml: "discord:\n  token: file-token\n",
			env:  map[string]string{bot.EnvDiscordToken: "env-token"},
			want: withToken("env-token"),
		},
		{
			name: "empty DISCORD_TOKEN does not override",
			yaml: "discord:\n  token: file-token\n",
			env:  map[string]string{bot.EnvDiscordToken: ""},
			want: withToken("file-token"),
		},
		{
			name: "ARTICLEBOT_SEEDS and ARTICLEBOT_LOG_LEVEL override the file",
			yaml: "discord:\n  token: t0k\nseeds: /a\nlog:\n  level: info\n",
			env:  map[string]string{envSeeds: "/b", envLogLevel: "DEBUG"},
			want: func() serveConfig {
				c := withToken("t0k")
				c.Seeds = "/b"
				c.Log.Level = "DEBUG"
				return c
			}(),
		},
		{
			name: "trailing slashes of api_base_url are trimmed",
			yaml: "discord:\n  token: t0k\n  api_base_url: https://proxy.example/discord//\n",
			want: func() serveConfig {
				c := withToken("t0k")
				c.Discord.APIBaseURL = "https://proxy.example/discord"
				return c
			}(),
		},
		{
			name: "an empty document after the first is allowed",
			yaml: "discord:\n  token: t0k\n---\n",
			want: withToken("t0k"),
		},
		{
			name:    "missing token",
			yaml:    "log:\n  level: warn\n",
			wantErr: "discord.token: missing: set it in the file or in DISCORD_TOKEN",
		},
		{
			name:    "unknown key",
			yaml:    "discord:\n  token: t0k\n  colour: blue\n",
			wantErr: `line 3: unknown key "discord.colour"`,
		},
		{
			name:    "unknown top-level key, a typo of a known one",
			yaml:    "discord:\n  token: t0k\nseedz: /a\n",
			wantErr: `line 3: unknown key "seedz"; did you mean seeds?`,
		},
		{
			name:    "unknown key, a typo of one in the same section",
			yaml:    "discord:\n  token: t0k\nrate_limit:\n  qeustions: 3\n",
			wantErr: `line 4: unknown key "rate_limit.qeustions"; did you mean rate_limit.questions?`,
		},
		{
			name:    "unknown key, the start of a known one",
			yaml:    "discord:\n  token: t0k\n  guild: \"1\"\n",
			wantErr: `line 3: unknown key "discord.guild"; did you mean discord.guild_id?`,
		},
		{
			name:    "a key in the wrong section",
			yaml:    "token: t0k\n",
			wantErr: `line 1: unknown key "token"; did you mean discord.token?` + "\n" + "discord.token: missing: set it in the file or in DISCORD_TOKEN",
		},
		{
			name:    "wrong type",
			yaml:    "discord:\n  token: t0k\nanswers:\n  passages: many\n",
			wantErr: `line 4: answers.passages: "many" is not a whole number`,
		},
		{
			name:    "a fraction where a whole number is wanted",
			yaml:    "discord:\n  token: t0k\n  shards: 2.5\nanswers:\n  passages: 2.5\n",
			wantErr: "line 3: discord.shards: 2.5 is not auto or a whole number\nline 5: answers.passages: 2.5 is not a whole number",
		},
		{
			name:    "duration without a unit",
			yaml:    "discord:\n  token: t0k\nrate_limit:\n  per: 10\n",
			wantErr: "line 4: rate_limit.per: 10 is not a duration with a unit, such as 300ms or 10s",
		},
		{
			name:    "a bad item of a list",
			yaml:    "discord:\n  token: t0k\n  shards: 3\n  shard_ids:\n    - 0\n    - two\n",
			wantErr: `line 6: discord.shard_ids: "two" is not a whole number`,
		},
		{
			name:    "not a list",
			yaml:    "discord:\n  token: t0k\n  shards: 3\n  shard_ids: 0, 1\n",
			wantErr: `line 4: discord.shard_ids: "0, 1" is not a list of whole numbers, such as [0, 1]`,
		},
		{
			name:    "not true or false",
			yaml:    "discord:\n  token: t0k\n  message_content: maybe\n",
			wantErr: `line 3: discord.message_content: "maybe" is not true or false`,
		},
		{
			name:    "a section that is not a mapping",
			yaml:    "discord:\n  token: t0k\nrate_limit: 5\n",
			wantErr: "line 3: rate_limit must be a mapping of keys, such as questions:, not a number",
		},
		{
			name: "the token is never repeated in an error",
			yaml: "discord: sekrit-token\n---\n",
			wantErr: "line 1: discord must be a mapping of keys, such as token:, not a string\n" +
				"discord.token: missing: set it in the file or in DISCORD_TOKEN",
		},
		{
			name: "every decoding error, one a line",
			yaml: "discord:\n  token: t0k\n  colour: blue\nanswers:\n  passages: many\n",
			wantErr: `line 3: unknown key "discord.colour"` + "\n" +
				`line 5: answers.passages: "many" is not a whole number`,
		},
		{
			name: "every bad field in one go: keys, then values",
			yaml: "discord:\n  tokn: t0k\nseedz: /a\nanswers:\n  passages: 9\n  defer_after: soon\nlog:\n  format: xml\n",
			wantErr: `line 2: unknown key "discord.tokn"; did you mean discord.token?` + "\n" +
				`line 3: unknown key "seedz"; did you mean seeds?` + "\n" +
				`line 6: answers.defer_after: "soon" is not a duration with a unit, such as 300ms or 10s` + "\n" +
				"discord.token: missing: set it in the file or in DISCORD_TOKEN\n" +
				"answers.passages: 9 is out of range 1–5\n" +
				`log.format: "xml" is not one of text, json`,
		},
		{
			name:    "duplicate key",
			yaml:    "discord:\n  token: a\n  token: b\n",
			wantErr: "line 3: discord.token: given twice, first at line 2",
		},
		{
			name: "an alias stands for its anchor's value",
			yaml: "discord:\n  token: &t t0k\n  guild_id: \"1\"\nseeds: *t\n",
			want: func() serveConfig {
				c := withToken("t0k")
				c.Discord.GuildID = "1"
				c.Seeds = "t0k"
				return c
			}(),
		},
		{
			name:    "merge keys",
			yaml:    "discord: &d\n  token: t0k\nlog:\n  <<: *d\n",
			wantErr: "line 4: merge keys (<<) are not supported; write the keys out",
		},
		{
			name: "not a mapping",
			yaml: "hello\n",
			wantErr: "line 1: the config must be a mapping of keys, such as discord:, not a string\n" +
				"discord.token: missing: set it in the file or in DISCORD_TOKEN",
		},
		{
			name:    "line breaks of a value quoted in an error are escaped",
			yaml:    "discord:\n  token: t0k\nanswers:\n  passages: \"a\n\n\n  b\"\n",
			wantErr: `line 4: answers.passages: "a\n\nb" is not a whole number`,
		},
		{
			name:    "a long value is cut in an error",
			yaml:    "discord:\n  token: t0k\nanswers:\n  passages: " + strings.Repeat("x", 100) + "\n",
			wantErr: `line 4: answers.passages: "` + strings.Repeat("x", maxQuoted) + `…" is not a whole number`,
		},
		{
			name:    "syntax error",
			yaml:    "discord:\n  token: t0k\nanswers: [3,\n",
			wantErr: "line 3: did not find expected node content",
		},
		{
			name:    "second document",
			yaml:    "discord:\n  token: t0k\n---\nseeds: /a\n",
			wantErr: "line 3: a second YAML document; a config holds one",
		},
		{
			name: "several invalid fields at once",
			yaml: `discord:
  token: t0k
  guild_id: abc
answers:
  passages: 9
rate_limit:
  questions: 0
log:
  format: xml
`,
			wantErr: `discord.guild_id: "abc" is not a snowflake (digits)` + "\n" +
				"answers.passages: 9 is out of range 1–5\n" +
				"rate_limit.questions: 0 must be at least 1\n" +
				`log.format: "xml" is not one of text, json`,
		},
		{
			name:    "invalid ARTICLEBOT_LOG_LEVEL",
			yaml:    "discord:\n  token: t0k\n",
			env:     map[string]string{envLogLevel: "loud"},
			wantErr: `log.level: "loud" is not one of debug, info, warn, error`,
		},
		{
			name:    "token is not echoed",
			yaml:    "discord:\n  token: 'Bot sekrit'\n",
			wantErr: `discord.token: contains white space: give the bare token, without "Bot " or a newline`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clearConfigEnv(t)
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			got, err := parseServeConfig(strings.NewReader(tt.yaml))
			if errText(err) != tt.wantErr {
				t.Fatalf("error: got %q, want %q", errText(err), tt.wantErr)
			}
			if err != nil {
				return
			}
			checkConfig(t, got, tt.want)
		})
	}
}

func TestLoadServeConfig(t *testing.T) {
	typo := exampleWithTypo(t)
	tests := []struct {
		name    string
		path    string
		env     map[string]string
		want    serveConfig
		wantErr string
	}{
		{
			name: "the example file",
			path: exampleFile,
			env:  map[string]string{bot.EnvDiscordToken: "env-token"},
			want: withToken("env-token"),
		},
		{
			name: "no file",
			path: "",
			env:  map[string]string{bot.EnvDiscordToken: "env-token", envSeeds: "/srv/articles"},
			want: func() serveConfig {
				c := withToken("env-token")
				c.Seeds = "/srv/articles"
				return c
			}(),
		},
		{
			name:    "no file and no token",
			path:    "",
			wantErr: "discord.token: missing: set it in the file or in DISCORD_TOKEN",
		},
		{
			name:    "missing file",
			path:    "testdata/config/missing.yaml",
			wantErr: "cannot read testdata/config/missing.yaml: open testdata/config/missing.yaml: no such file or directory",
		},
		{
			name:    "a directory",
			path:    "testdata/config",
			wantErr: "cannot read testdata/config: read testdata/config: is a directory",
		},
		{
			name:    "syntax error",
			path:    "testdata/config/syntax.yaml",
			wantErr: "testdata/config/syntax.yaml: line 3: could not find expected ':'",
		},
		{
			name: "every decoding error names the file",
			path: "testdata/config/types.yaml",
			wantErr: `testdata/config/types.yaml: line 3: unknown key "discord.colour"` + "\n" +
				`testdata/config/types.yaml: line 5: answers.passages: "many" is not a whole number`,
		},
		{
			name:    "a typo in the example file",
			path:    typo.path,
			env:     map[string]string{bot.EnvDiscordToken: "env-token"},
			wantErr: fmt.Sprintf(`%s: line %d: unknown key "seedz"; did you mean seeds?`, typo.path, typo.line),
		},
		{
			// Values may come from the environment, so validation errors
			// name the field, not the file.
			name:    "invalid values",
			path:    "testdata/config/invalid.yaml",
			env:     map[string]string{bot.EnvDiscordToken: "env-token"},
			wantErr: "answers.passages: 9 is out of range 1–5",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clearConfigEnv(t)
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			got, err := loadServeConfig(tt.path)
			if errText(err) != tt.wantErr {
				t.Fatalf("error: got %q, want %q", errText(err), tt.wantErr)
			}
			if err != nil {
				return
			}
			checkConfig(t, got, tt.want)
		})
	}
}

// exampleWithTypo writes the example config with "seeds:" misspelt as
// "seedz:" and returns the file and the line of the typo.
func exampleWithTypo(t *testing.T) (typo struct {
	path string
	line int
}) {
	data, err := os.ReadFile(exampleFile)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte("\nseeds:"))
	if i < 0 {
		t.Fatalf("%s has no top-level seeds: key", exampleFile)
	}
	typo.line = bytes.Count(data[:i+1], []byte("\n")) + 1
	data = bytes.Replace(data, []byte("\nseeds:"), []byte("\nseedz:"), 1)
	typo.path = filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(typo.path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return typo
}

// TestExampleConfigIsComplete checks that config.example.yaml sets every
// key, so that it documents every key.
func TestExampleConfigIsComplete(t *testing.T) {
	data, err := os.ReadFile(exampleFile)
	if err != nil {
		t.Fatal(err)
	}
	var inFile map[string]any
	if err := yaml.Unmarshal(data, &inFile); err != nil {
		t.Fatal(err)
	}
	all := make(map[string]any)
	for _, part := range []any{bot.DefaultConfig(), defaultProcessConfig()} {
		out, err := yaml.Marshal(part)
		if err != nil {
			t.Fatal(err)
		}
		var keys map[string]any
		if err := yaml.Unmarshal(out, &keys); err != nil {
			t.Fatal(err)
		}
		maps.Copy(all, keys)
	}
	got, want := keys(inFile, ""), keys(all, "")
	if got != want {
		t.Errorf("got keys %q, want %q", got, want)
	}
}

// keys lists the dotted keys of the leaves of m, sorted.
func keys(m map[string]any, prefix string) string {
	var ks []string
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok {
			ks = append(ks, keys(sub, prefix+k+"."))
		} else {
			ks = append(ks, prefix+k)
		}
	}
	slices.Sort(ks)
	return strings.Join(ks, " ")
}

func TestLogConfigLogger(t *testing.T) {
	tests := []struct {
		name string
		log  logConfig
		want string // levels of the lines written, of debug, info, warn, error
	}{
		{"info text", logConfig{Level: "info", Format: "text"}, "INFO WARN ERROR"},
		{"debug text", logConfig{Level: "debug", Format: "text"}, "DEBUG INFO WARN ERROR"},
		{"warn json", logConfig{Level: "warn", Format: "json"}, "WARN ERROR"},
		{"error json, upper case", logConfig{Level: "ERROR", Format: "json"}, "ERROR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			log := tt.log.logger(&buf)
			log.Debug("d")
			log.Info("i")
			log.Warn("w")
			log.Error("e")
			var levels []string
			sc := bufio.NewScanner(&buf)
			for sc.Scan() {
				levels = append(levels, lineLevel(t, tt.log.Format, sc.Text()))
			}
			if got := strings.Join(levels, " "); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// lineLevel returns the level of one log line written in format.
func lineLevel(t *testing.T, format, line string) string {
	t.Helper()
	if format == "json" {
		var rec struct{ Level string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("got %q, want a JSON line: %v", line, err)
		}
		return rec.Level
	}
	for _, f := range strings.Fields(line) {
		if lvl, ok := strings.CutPrefix(f, "level="); ok {
			return lvl
		}
	}
	t.Fatalf("got %q, want a text line with level=", line)
	return ""
}

func TestProcessConfigValidate(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(*processConfig)
		wantErr string
	}{
		{name: "defaults", edit: func(*processConfig) {}},
		{name: "a level in any case", edit: func(p *processConfig) { p.Log = logConfig{Level: "Error", Format: "json"} }},
		{
			name: "every field invalid",
			edit: func(p *processConfig) {
				p.Log = logConfig{Level: "loud", Format: ""}
				p.MetricsAddr = ":http"
			},
			wantErr: `log.level: "loud" is not one of debug, info, warn, error` + "\n" +
				`log.format: "" is not one of text, json` + "\n" +
				`metrics_addr: ":http": port "http" is not a number from 1 to 65535`,
		},
		{
			name:    "metrics_addr port zero",
			edit:    func(p *processConfig) { p.MetricsAddr = "127.0.0.1:0" },
			wantErr: `metrics_addr: "127.0.0.1:0": port "0" is not a number from 1 to 65535`,
		},
		{
			name: "metrics_addr on every interface",
			edit: func(p *processConfig) { p.MetricsAddr = ":9090" },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := defaultProcessConfig()
			tt.edit(&p)
			if got := errText(p.Validate()); got != tt.wantErr {
				t.Errorf("got %q, want %q", got, tt.wantErr)
			}
		})
	}
}
