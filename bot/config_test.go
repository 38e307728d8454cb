package bot

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	yaml "go.yaml.in/yaml/v3"
)

// exampleFile is the commented example config at the repository root,
// whose keys beside the bot's are cmd/articlebot's (tested there).
const exampleFile = "../config.example.yaml"

// clearConfigEnv unsets, for the test, the variables ParseConfig reads, so
// that the developer's environment cannot change the results.
func clearConfigEnv(t testing.TB) {
	for _, k := range []string{EnvDiscordToken} {
		t.Setenv(k, "") // empty counts as unset
	}
}

// withToken returns the default config with token tok.
func withToken(tok string) Config {
	c := DefaultConfig()
	c.Discord.Token = Secret(tok)
	return c
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
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
				c.Discord.GuildID = "0"
			},
		},
		{
			name: "every field invalid",
			edit: func(c *Config) {
				c.Discord = DiscordConfig{GuildID: "-1", APIBaseURL: "ftp://x", Shards: ShardCount{N: 0}, ShardIDs: []int{-1}}
				c.Answers = AnswersConfig{Passages: 0, DeferAfter: 3 * time.Second}
				c.RateLimit = RateLimitConfig{Questions: -2, Per: -time.Second}
			},
			wantErr: "discord.token: missing: set it in the file or in DISCORD_TOKEN\n" +
				`discord.guild_id: "-1" is not a snowflake (digits)` + "\n" +
				`discord.api_base_url: "ftp://x" must be an http or https URL` + "\n" +
				"discord.shards: 0 must be auto or at least 1\n" +
				"discord.shard_ids: -1 is negative\n" +
				"answers.passages: 0 is out of range 1–5\n" +
				"answers.defer_after: 3s is out of range 0s–2.5s (Discord drops replies after 3s)\n" +
				"rate_limit.questions: -2 must be at least 1\n" +
				"rate_limit.per: -1s must be positive",
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

// otherKeys stands for the keys that the program running the bot keeps
// beside the bot's in the same file (a Part), as cmd/articlebot does.
type otherKeys struct {
	Seeds string `yaml:"seeds"`
	Log   struct {
		Level string `yaml:"level"`
	} `yaml:"log"`
	MetricsAddr string `yaml:"metrics_addr"`
	envSeeds    string // what ApplyEnv was given
}

func (o *otherKeys) ApplyEnv(getenv func(string) string) { o.envSeeds = getenv("OTHER_SEEDS") }

func (o *otherKeys) Validate() error {
	if o.Log.Level == "loud" {
		return errors.New(`log.level: "loud" is not a level`)
	}
	return nil
}

// TestParseConfigWithPart reads a file of the bot's keys and a Part's
// together: each key to its owner, a key neither knows refused with the
// nearest of both, the environment given to the Part, and the errors of
// both in one go, the bot's first.
func TestParseConfigWithPart(t *testing.T) {
	tests := []struct {
		name      string
		yaml      string
		wantSeeds string
		wantErr   string
	}{
		{name: "both parts", yaml: "discord:\n  token: t0k\nseeds: /a\nlog:\n  level: info\n", wantSeeds: "/a"},
		{
			name:    "a typo of the part's key",
			yaml:    "discord:\n  token: t0k\nseedz: /a\n",
			wantErr: `line 3: unknown key "seedz"; did you mean seeds?`,
		},
		{
			name: "every error, the bot's before the part's",
			yaml: "discord:\n  tokn: t0k\nlog:\n  level: loud\n  colour: red\n",
			wantErr: `line 2: unknown key "discord.tokn"; did you mean discord.token?` + "\n" +
				`line 5: unknown key "log.colour"` + "\n" +
				"discord.token: missing: set it in the file or in DISCORD_TOKEN\n" +
				`log.level: "loud" is not a level`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clearConfigEnv(t)
			t.Setenv("OTHER_SEEDS", "/env")
			var other otherKeys
			_, err := ParseConfig(strings.NewReader(tt.yaml), &other)
			if errText(err) != tt.wantErr {
				t.Fatalf("error: got %q, want %q", errText(err), tt.wantErr)
			}
			if err != nil {
				return
			}
			if other.Seeds != tt.wantSeeds || other.envSeeds != "/env" {
				t.Errorf("got seeds %q, env %q; want %q, /env", other.Seeds, other.envSeeds, tt.wantSeeds)
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
			if got := suggestKey(tt.key, tt.path, []reflect.Type{reflect.TypeFor[Config](), reflect.TypeFor[otherKeys]()}); got != tt.want {
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
		for _, k := range configKeys([]reflect.Type{typ}) {
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
		c, err := ParseConfig(strings.NewReader(in), nil)
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
		again, err := ParseConfig(bytes.NewReader(out), nil)
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
`), nil)
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
	fmt.Println(cfg.Validate())
	// Output:
	// discord.token: missing: set it in the file or in DISCORD_TOKEN
	// answers.passages: 9 is out of range 1–5
}

func ExampleShardCount() {
	for _, doc := range []string{
		"discord:\n  token: my-token\n",
		"discord:\n  token: my-token\n  shards: 4\n  shard_ids: [3, 2]\n",
	} {
		cfg, err := ParseConfig(strings.NewReader(doc), nil)
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
