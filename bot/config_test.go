package bot

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	yaml "go.yaml.in/yaml/v3"
)

// exampleFile is the commented example config at the repository root.
const exampleFile = "../config.example.yaml"

// clearConfigEnv unsets, for the test, the variables ParseConfig reads, so
// that the developer's environment cannot change the results.
func clearConfigEnv(t testing.TB) {
	for _, k := range []string{EnvDiscordToken, EnvSeeds, EnvLogLevel} {
		t.Setenv(k, "") // empty counts as unset
	}
}

// withToken returns the default config with token tok.
func withToken(tok string) Config {
	c := DefaultConfig()
	c.Discord.Token = Secret(tok)
	return c
}

// checkConfig fails t unless got equals want, token included.
func checkConfig(t *testing.T, got, want Config) {
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

func TestParseConfig(t *testing.T) {
	full := Config{
		Discord: DiscordConfig{
			Token:      "file-token",
			GuildID:    "1234567890123456789",
			APIBaseURL: "http://nirn:8080",
			Shards:     ShardCount{N: 4},
			ShardIDs:   []int{1, 3},

			MessageContent: true,
		},
		Seeds:       "/srv/articles",
		Answers:     AnswersConfig{Passages: 5, DeferAfter: 2500 * time.Millisecond},
		RateLimit:   RateLimitConfig{Questions: 1, Per: time.Minute},
		Log:         LogConfig{Level: "debug", Format: "json"},
		MetricsAddr: "127.0.0.1:9090",
	}
	tests := []struct {
		name    string
		yaml    string
		env     map[string]string
		want    Config
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
			env:  map[string]string{EnvDiscordToken: "env-token"},
			want: withToken("env-token"),
		},
		{
			name: "comments only",
			yaml: "# nothing here\n",
			env:  map[string]string{EnvDiscordToken: "env-token"},
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
			env:  map[string]string{EnvDiscordToken: "env-token"},
			want: withToken("env-token"),
		},
		{
			name: "empty DISCORD_TOKEN does not override",
			yaml: "discord:\n  token: file-token\n",
			env:  map[string]string{EnvDiscordToken: ""},
			want: withToken("file-token"),
		},
		{
			name: "ARTICLEBOT_SEEDS and ARTICLEBOT_LOG_LEVEL override the file",
			yaml: "discord:\n  token: t0k\nseeds: /a\nlog:\n  level: info\n",
			env:  map[string]string{EnvSeeds: "/b", EnvLogLevel: "DEBUG"},
			want: func() Config {
				c := withToken("t0k")
				c.Seeds = "/b"
				c.Log.Level = "DEBUG"
				return c
			}(),
		},
		{
			name: "trailing slashes of api_base_url are trimmed",
			yaml: "discord:\n  token: t0k\n  api_base_url: https://proxy.example/discord//\n",
			want: func() Config {
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
			want: func() Config {
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
			env:     map[string]string{EnvLogLevel: "loud"},
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
			got, err := ParseConfig(strings.NewReader(tt.yaml))
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

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(*Config)
		wantErr string
	}{
		{name: "defaults with a token", edit: func(*Config) {}},
		{
			name: "limits are inclusive",
			edit: func(c *Config) {
				c.Answers = AnswersConfig{Passages: 1, DeferAfter: 0}
				c.RateLimit = RateLimitConfig{Questions: 1, Per: time.Nanosecond}
				c.Log = LogConfig{Level: "Error", Format: "json"}
				c.Discord.GuildID = "0"
			},
		},
		{
			name: "every field invalid",
			edit: func(c *Config) {
				c.Discord = DiscordConfig{GuildID: "-1", APIBaseURL: "ftp://x", Shards: ShardCount{N: 0}, ShardIDs: []int{-1}}
				c.Answers = AnswersConfig{Passages: 0, DeferAfter: 3 * time.Second}
				c.RateLimit = RateLimitConfig{Questions: -2, Per: -time.Second}
				c.Log = LogConfig{Level: "loud", Format: ""}
				c.MetricsAddr = ":http"
			},
			wantErr: "discord.token: missing: set it in the file or in DISCORD_TOKEN\n" +
				`discord.guild_id: "-1" is not a snowflake (digits)` + "\n" +
				`discord.api_base_url: "ftp://x" must be an http or https URL` + "\n" +
				"discord.shards: 0 must be auto or at least 1\n" +
				"discord.shard_ids: -1 is negative\n" +
				"answers.passages: 0 is out of range 1–5\n" +
				"answers.defer_after: 3s is out of range 0s–2.5s (Discord drops replies after 3s)\n" +
				"rate_limit.questions: -2 must be at least 1\n" +
				"rate_limit.per: -1s must be positive\n" +
				`log.level: "loud" is not one of debug, info, warn, error` + "\n" +
				`log.format: "" is not one of text, json` + "\n" +
				`metrics_addr: ":http": port "http" is not a number from 1 to 65535`,
		},
		{
			name: "every shard of two, listed in any order",
			edit: func(c *Config) { c.Discord.Shards, c.Discord.ShardIDs = ShardCount{N: 2}, []int{1, 0} },
		},
		{
			name:    "shard_ids with auto shards",
			edit:    func(c *Config) { c.Discord.ShardIDs = []int{0} },
			wantErr: "discord.shard_ids: needs a fixed discord.shards: with auto, processes started at different times may split the guilds differently",
		},
		{
			name:    "a shard listed twice",
			edit:    func(c *Config) { c.Discord.Shards, c.Discord.ShardIDs = ShardCount{N: 3}, []int{2, 0, 2} },
			wantErr: "discord.shard_ids: 2 is listed twice",
		},
		{
			name:    "metrics_addr port zero",
			edit:    func(c *Config) { c.MetricsAddr = "127.0.0.1:0" },
			wantErr: `metrics_addr: "127.0.0.1:0": port "0" is not a number from 1 to 65535`,
		},
		{
			name: "metrics_addr on every interface",
			edit: func(c *Config) { c.MetricsAddr = ":9090" },
		},
		{
			name:    "negative defer_after",
			edit:    func(c *Config) { c.Answers.DeferAfter = -time.Millisecond },
			wantErr: "answers.defer_after: -1ms is out of range 0s–2.5s (Discord drops replies after 3s)",
		},
		{
			name:    "zero per",
			edit:    func(c *Config) { c.RateLimit.Per = 0 },
			wantErr: "rate_limit.per: 0s must be positive",
		},
		{
			name:    "guild_id too large for a snowflake",
			edit:    func(c *Config) { c.Discord.GuildID = "99999999999999999999" },
			wantErr: `discord.guild_id: "99999999999999999999" is not a snowflake (digits)`,
		},
		{
			name:    "token with a newline",
			edit:    func(c *Config) { c.Discord.Token = "sekrit\n" },
			wantErr: `discord.token: contains white space: give the bare token, without "Bot " or a newline`,
		},
		{
			name:    "api_base_url without a host",
			edit:    func(c *Config) { c.Discord.APIBaseURL = "https://" },
			wantErr: `discord.api_base_url: "https://" must be an http or https URL`,
		},
		{
			name:    "api_base_url not a URL",
			edit:    func(c *Config) { c.Discord.APIBaseURL = "http://[::1" },
			wantErr: `discord.api_base_url: "http://[::1" must be an http or https URL`,
		},
		{
			name:    "api_base_url with a query",
			edit:    func(c *Config) { c.Discord.APIBaseURL = "https://proxy?x=1" },
			wantErr: `discord.api_base_url: "https://proxy?x=1" must not have a query or fragment`,
		},
		{
			name:    "api_base_url with a password, not echoed",
			edit:    func(c *Config) { c.Discord.APIBaseURL = "https://u:sekrit@proxy" },
			wantErr: `discord.api_base_url: "https://u:xxxxx@proxy" must not contain a user or password`,
		},
		{
			name:    "unparsable api_base_url with a password, not echoed",
			edit:    func(c *Config) { c.Discord.APIBaseURL = "https://u:sekrit@[proxy" },
			wantErr: `discord.api_base_url: must be an http or https URL`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := withToken("t0k")
			tt.edit(&c)
			if got := errText(c.Validate()); got != tt.wantErr {
				t.Errorf("got %q, want %q", got, tt.wantErr)
			}
		})
	}
}

func TestSuggestKey(t *testing.T) {
	tests := []struct {
		name, key, path, want string
	}{
		{"a letter off", "seedz", "", "; did you mean seeds?"},
		{"neighbours swapped", "sedes", "", "; did you mean seeds?"},
		{"two letters off, in a long key", "metricaddr", "", "; did you mean metrics_addr?"},
		{"dashes for underscores, in capitals", "Rate-Limit", "", "; did you mean rate_limit?"},
		{"the same section first", "level", "log", "; did you mean log.level?"},
		{"another section", "level", "", "; did you mean log.level?"},
		{"the start of a key", "defer", "answers", "; did you mean answers.defer_after?"},
		{"a top-level key in a section", "seeds", "log", "; did you mean seeds?"},
		{"nothing near", "colour", "discord", ""},
		{"too short to guess", "id", "discord", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := suggestKey(tt.key, tt.path); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestEveryKeySaysWhatItTakes checks that a wrong value of any key can be
// explained: a field of a new type needs a word in wants.
func TestEveryKeySaysWhatItTakes(t *testing.T) {
	var walk func(reflect.Type, string)
	walk = func(typ reflect.Type, path string) {
		for _, k := range configKeys(typ) {
			ft := typ.Field(k.index).Type
			if k.section {
				walk(ft, dotted(path, k.name))
			} else if wants(ft) == "" {
				t.Errorf("%s: got no word for what a %s takes", dotted(path, k.name), ft)
			}
		}
	}
	walk(reflect.TypeFor[Config](), "")
}

func TestLoadConfig(t *testing.T) {
	typo := exampleWithTypo(t)
	tests := []struct {
		name    string
		path    string
		env     map[string]string
		want    Config
		wantErr string
	}{
		{
			name: "the example file",
			path: exampleFile,
			env:  map[string]string{EnvDiscordToken: "env-token"},
			want: withToken("env-token"),
		},
		{
			name: "no file",
			path: "",
			env:  map[string]string{EnvDiscordToken: "env-token", EnvSeeds: "/srv/articles"},
			want: func() Config {
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
			env:     map[string]string{EnvDiscordToken: "env-token"},
			wantErr: fmt.Sprintf(`%s: line %d: unknown key "seedz"; did you mean seeds?`, typo.path, typo.line),
		},
		{
			// Values may come from the environment, so validation errors
			// name the field, not the file.
			name:    "invalid values",
			path:    "testdata/config/invalid.yaml",
			env:     map[string]string{EnvDiscordToken: "env-token"},
			wantErr: "answers.passages: 9 is out of range 1–5",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clearConfigEnv(t)
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			got, err := LoadConfig(tt.path)
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
	var all map[string]any
	out, err := yaml.Marshal(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(out, &all); err != nil {
		t.Fatal(err)
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

func TestSecretNeverPrints(t *testing.T) {
	const token = "sekrit-token-123"
	c := withToken(token)
	logged := func(newHandler func(*bytes.Buffer) slog.Handler) func() string {
		return func() string {
			var buf bytes.Buffer
			log := slog.New(newHandler(&buf))
			log.Info("config", "config", c, "discord", c.Discord, "token", c.Discord.Token, slog.Any("ptr", &c))
			return buf.String()
		}
	}
	text := func(w *bytes.Buffer) slog.Handler { return slog.NewTextHandler(w, nil) }
	jsonh := func(w *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(w, nil) }
	marshal := func(f func(any) ([]byte, error), v any) func() string {
		return func() string {
			b, err := f(v)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	tests := []struct {
		name   string
		render func() string
	}{
		{"%v", func() string { return fmt.Sprintf("%v", c) }},
		{"%+v", func() string { return fmt.Sprintf("%+v", c) }},
		{"%#v", func() string { return fmt.Sprintf("%#v", c) }},
		{"%q of the secret", func() string { return fmt.Sprintf("%q", c.Discord.Token) }},
		// %x does not suit a config's bool, as vet and staticcheck rightly
		// say; the point is that even a wrong verb cannot reveal the token.
		//lint:ignore SA5009 a wrong verb on purpose (vet is told by any)
		{"%x", func() string { return fmt.Sprintf("%x", any(c)) }},
		{"%v of a pointer", func() string { return fmt.Sprintf("%v", &c) }},
		{"%s of the secret", func() string { return fmt.Sprintf("%s", c.Discord.Token) }},
		{"%X of the secret", func() string { return fmt.Sprintf("%X", c.Discord.Token) }},
		{"%10.3s of the secret", func() string { return fmt.Sprintf("%10.3s", c.Discord.Token) }},
		{"Sprint", func() string { return fmt.Sprint(c.Discord.Token) }},
		{"String", c.Discord.Token.String},
		{"GoString", c.Discord.Token.GoString},
		{"slog text", logged(text)},
		{"slog JSON", logged(jsonh)},
		{"json.Marshal", marshal(json.Marshal, c)},
		{"yaml.Marshal", marshal(yaml.Marshal, c)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.render()
			if strings.Contains(got, token) || !strings.Contains(got, redacted) {
				t.Errorf("got %q, want %q in place of the token", got, redacted)
			}
		})
	}
	if got := c.Discord.Token.Value(); got != token {
		t.Errorf("Value: got %q, want %q", got, token)
	}
}

func TestSecretEmptyShowsUnset(t *testing.T) {
	var s Secret
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"%v", fmt.Sprintf("%v", s), ""},
		{"%#v of a config", fmt.Sprintf("%#v", DiscordConfig{}), `bot.DiscordConfig{Token:, GuildID:"", APIBaseURL:"", Shards:bot.ShardCount{Auto:false, N:0}, ShardIDs:[]int(nil), MessageContent:false}`},
		{"LogValue", s.LogValue().String(), ""},
		{"json.Marshal", string(must(json.Marshal(s))), `""`},
		{"set", fmt.Sprintf("%v", Secret("x")), redacted},
		{"json.Marshal set", string(must(json.Marshal(Secret("x")))), `"[redacted]"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func TestConfigLogger(t *testing.T) {
	tests := []struct {
		name string
		log  LogConfig
		want string // levels of the lines written, of debug, info, warn, error
	}{
		{"info text", LogConfig{Level: "info", Format: "text"}, "INFO WARN ERROR"},
		{"debug text", LogConfig{Level: "debug", Format: "text"}, "DEBUG INFO WARN ERROR"},
		{"warn json", LogConfig{Level: "warn", Format: "json"}, "WARN ERROR"},
		{"error json, upper case", LogConfig{Level: "ERROR", Format: "json"}, "ERROR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := withToken("t0k")
			c.Log = tt.log
			var buf bytes.Buffer
			log := c.Logger(&buf)
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

func FuzzParseConfig(f *testing.F) {
	clearConfigEnv(f)
	example, err := os.ReadFile(exampleFile)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(example))
	for _, s := range []string{
		"",
		"discord:\n  token: t0k\n",
		"discord: [\n",
		"discord:\n  token: t0k\nanswers:\n  passages: many\n",
		"discord:\n  token: t0k\n---\nseeds: x\n",
		"a: &a [*a, *a]\nb: *a\n",
		"discord:\n  token: t0k\n  api_base_url: https://u:p@h/x/?q#f\n",
		"\t",
		"discord:\n  token: \"\\u0000\"\n",
		"log: {level: DeBuG, format: json}\ndiscord: {token: x, guild_id: '007'}\n",
		"discord: {token: x, shards: 3, shard_ids: [2, 0]}\nmetrics_addr: '[::1]:9090'\n",
		"discord: {token: x, shards: {n: 1}, shard_ids: [1]}\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		c, err := ParseConfig(strings.NewReader(in))
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if strings.TrimSpace(line) == "" {
					t.Fatalf("got %q, want one non-empty line per error", err)
				}
			}
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("ParseConfig accepted %q, Validate says %q", in, err)
		}
		if strings.HasSuffix(c.Discord.APIBaseURL, "/") {
			t.Fatalf("api_base_url: got %q, want no trailing slash", c.Discord.APIBaseURL)
		}
		// What is accepted can be written back and reads the same, but for
		// the token, which is written as [redacted].
		out, err := yaml.Marshal(c)
		if err != nil {
			t.Fatalf("cannot marshal %+v: %v", c, err)
		}
		again, err := ParseConfig(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("cannot parse %q, written from %q: %v", out, in, err)
		}
		again.Discord.Token = c.Discord.Token
		if !reflect.DeepEqual(again, c) {
			t.Fatalf("got %+v, want %+v", again, c)
		}
	})
}

func ExampleParseConfig() {
	cfg, err := ParseConfig(strings.NewReader(`
discord:
  token: my-token
answers:
  passages: 2
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cfg.Discord.Token, cfg.Answers.Passages, cfg.Answers.DeferAfter, cfg.RateLimit.Per)
	// Output:
	// [redacted] 2 300ms 10s
}

func ExampleConfig_Validate() {
	cfg := DefaultConfig()
	cfg.Answers.Passages = 9
	cfg.Log.Level = "loud"
	fmt.Println(cfg.Validate())
	// Output:
	// discord.token: missing: set it in the file or in DISCORD_TOKEN
	// answers.passages: 9 is out of range 1–5
	// log.level: "loud" is not one of debug, info, warn, error
}

func ExampleShardCount() {
	for _, doc := range []string{
		"discord:\n  token: my-token\n",
		"discord:\n  token: my-token\n  shards: 4\n  shard_ids: [3, 2]\n",
	} {
		cfg, err := ParseConfig(strings.NewReader(doc))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(cfg.Discord.Shards, cfg.Discord.ShardIDs)
	}
	// Output:
	// auto []
	// 4 [3 2]
}
