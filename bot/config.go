package bot

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode"

	yaml "go.yaml.in/yaml/v3"
)

// Environment variables that override the config file when set and not
// empty. Only these three: the token because it should not sit in a file,
// the other two because they are what one changes for a single run.
const (
	EnvDiscordToken = "DISCORD_TOKEN"        // discord.token
	EnvSeeds        = "ARTICLEBOT_SEEDS"     // seeds
	EnvLogLevel     = "ARTICLEBOT_LOG_LEVEL" // log.level
)

// Config is everything `articlebot serve` reads from its YAML file and the environment.
type Config struct {
	Discord DiscordConfig `yaml:"discord"`
	// Seeds is a folder of *.txt articles, reloaded when its files change;
	// "" = the articles embedded in the binary. Env ARTICLEBOT_SEEDS.
	Seeds     string          `yaml:"seeds"`
	Answers   AnswersConfig   `yaml:"answers"`
	RateLimit RateLimitConfig `yaml:"rate_limit"`
	Log       LogConfig       `yaml:"log"`
	// MetricsAddr is where to serve /metrics, /healthz and /readyz, such
	// as 127.0.0.1:9090; "" (the default) serves nothing.
	MetricsAddr string `yaml:"metrics_addr"`
}

// DiscordConfig says which bot to run and where Discord is.
type DiscordConfig struct {
	Token   Secret `yaml:"token"`    // env DISCORD_TOKEN wins over the file; never logged
	GuildID string `yaml:"guild_id"` // "" = register slash commands globally; else in this guild (instant)
	// APIBaseURL is where every REST call and the gateway lookup go: Discord
	// itself by default, or a REST proxy such as nirn-proxy, or a test fake.
	// ParseConfig trims trailing slashes, so paths can be appended to it.
	APIBaseURL string `yaml:"api_base_url"`
	// Shards is how many gateway shards the bot is split into, across all
	// its processes: Discord's recommendation by default.
	Shards ShardCount `yaml:"shards"`
	// ShardIDs are the shards this process runs, each below Shards; empty
	// (the default) runs them all. Setting it needs a fixed Shards, so that
	// every process splits the guilds the same way.
	ShardIDs []int `yaml:"shard_ids"`
}

// ShardCount is discord.shards: "auto", Discord's recommended count from
// GET /gateway/bot when the bot starts, or a fixed count N of at least 1.
type ShardCount struct {
	Auto bool
	N    int // when not Auto
}

// String returns "auto" or the count.
func (n ShardCount) String() string {
	if n.Auto {
		return "auto"
	}
	return strconv.Itoa(n.N)
}

// MarshalYAML writes "auto" or the count.
func (n ShardCount) MarshalYAML() (any, error) {
	if n.Auto {
		return "auto", nil
	}
	return n.N, nil
}

// UnmarshalYAML reads "auto" or a whole number; Validate checks the number.
func (n *ShardCount) UnmarshalYAML(v *yaml.Node) error {
	if v.Kind == yaml.ScalarNode && strings.EqualFold(v.Value, "auto") {
		*n = ShardCount{Auto: true}
		return nil
	}
	var i int
	if err := v.Decode(&i); err != nil {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: cannot unmarshal %s `%s` into a shard count: want auto or a number",
			v.Line, v.ShortTag(), v.Value)}}
	}
	*n = ShardCount{N: i}
	return nil
}

// AnswersConfig shapes the replies to questions.
type AnswersConfig struct {
	Passages int `yaml:"passages"` // passages per answer, default 3, 1..5
	// DeferAfter is how long an answer may take before the bot acknowledges
	// the interaction with a deferral (type 5) and edits the reply in later;
	// default 300ms, 0..2.5s because Discord drops replies after 3 s.
	DeferAfter time.Duration `yaml:"defer_after"`
}

// RateLimitConfig bounds how many questions one user may ask.
type RateLimitConfig struct {
	Questions int           `yaml:"questions"` // per user, default 5, >= 1
	Per       time.Duration `yaml:"per"`       // default 10s, > 0
}

// LogConfig chooses the log level and format.
type LogConfig struct {
	Level  string `yaml:"level"`  // debug, info, warn, error (any case); default info; env ARTICLEBOT_LOG_LEVEL
	Format string `yaml:"format"` // text or json; default text
}

// Limits enforced by Validate.
const (
	minPassages   = 1
	maxPassages   = 5
	maxDeferAfter = 2500 * time.Millisecond
)

// DefaultConfig returns the configuration used for every key the file and
// the environment leave out. Its token is empty, so it does not validate
// on its own.
func DefaultConfig() Config {
	return Config{
		Discord: DiscordConfig{APIBaseURL: "https://discord.com", Shards: ShardCount{Auto: true}},
		Answers: AnswersConfig{Passages: 3, DeferAfter: 300 * time.Millisecond},
		RateLimit: RateLimitConfig{
			Questions: 5,
			Per:       10 * time.Second,
		},
		Log: LogConfig{Level: "info", Format: "text"},
	}
}

// LoadConfig reads the YAML file at path with ParseConfig, naming the file
// in its errors. An empty path means no file: the defaults and the
// environment, validated.
func LoadConfig(path string) (Config, error) {
	if path == "" {
		return parseConfig(nil, "")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("cannot read %s: %w", path, err)
	}
	return parseConfig(data, path)
}

// ParseConfig reads a YAML config from r. It starts from DefaultConfig, so
// absent keys and an empty document keep their defaults; rejects unknown
// keys, values of the wrong type and a second YAML document, giving their
// line; applies the environment (EnvDiscordToken, EnvSeeds, EnvLogLevel);
// and returns every invalid field at once from Validate.
func ParseConfig(r io.Reader) (Config, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Config{}, fmt.Errorf("cannot read config: %w", err)
	}
	return parseConfig(data, "")
}

// parseConfig is ParseConfig on the contents of the file name, which
// prefixes each syntax and type error when it is not empty.
func parseConfig(data []byte, name string) (Config, error) {
	c := DefaultConfig()
	if err := decodeStrict(data, &c); err != nil {
		if name != "" {
			err = prefixLines(name+": ", err)
		}
		return Config{}, err
	}
	c.Discord.APIBaseURL = strings.TrimRight(c.Discord.APIBaseURL, "/")
	if len(c.Discord.ShardIDs) == 0 {
		c.Discord.ShardIDs = nil // "shard_ids: []" is the default, all shards
	}
	c.applyEnv(os.Getenv)
	if err := c.Validate(); err != nil {
		return Config{}, err
	}
	return c, nil
}

// decodeStrict decodes the one YAML document in data into c. Its errors
// drop yaml's "yaml: " prefix and put each type error on its own line, as
// "line 3: field colour not found in type bot.LogConfig".
func decodeStrict(data []byte, c *Config) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && err != io.EOF {
		return yamlError(err)
	}
	// A second document would be silently ignored by Decode; an empty one,
	// as from a trailing "---", is harmless.
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return yamlError(err)
		}
		if len(doc.Content) > 0 && doc.Content[0].Tag != "!!null" {
			return fmt.Errorf("line %d: a second YAML document; a config holds one", doc.Line)
		}
	}
}

func yamlError(err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		errs := make([]error, len(te.Errors))
		for i, msg := range te.Errors {
			errs[i] = errors.New(oneLine(msg))
		}
		return errors.Join(errs...)
	}
	return errors.New(oneLine(strings.TrimPrefix(err.Error(), "yaml: ")))
}

// oneLine escapes the line breaks that yaml's messages copy from the
// values they quote, keeping one line per error.
func oneLine(msg string) string {
	return strings.ReplaceAll(strings.ReplaceAll(msg, "\r", `\r`), "\n", `\n`)
}

// prefixLines puts prefix before each line of err's message, so that every
// error of a joined list names the file.
func prefixLines(prefix string, err error) error {
	lines := strings.Split(err.Error(), "\n")
	for i, l := range lines {
		lines[i] = prefix + l
	}
	return errors.New(strings.Join(lines, "\n"))
}

// applyEnv overrides c with the environment variables that getenv reports
// set and not empty.
func (c *Config) applyEnv(getenv func(string) string) {
	if v := getenv(EnvDiscordToken); v != "" {
		c.Discord.Token = Secret(v)
	}
	if v := getenv(EnvSeeds); v != "" {
		c.Seeds = v
	}
	if v := getenv(EnvLogLevel); v != "" {
		c.Log.Level = v
	}
}

// Validate reports every invalid field of c, joined with errors.Join: one
// line per field, naming it in YAML dotted form, such as
//
//	answers.passages: 9 is out of range 1–5
//
// It never prints the token.
func (c Config) Validate() error {
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, fmt.Errorf(field+": "+format, args...))
	}

	switch tok := c.Discord.Token.Value(); {
	case tok == "":
		bad("discord.token", "missing: set it in the file or in %s", EnvDiscordToken)
	case strings.ContainsFunc(tok, unicode.IsSpace):
		bad("discord.token", `contains white space: give the bare token, without "Bot " or a newline`)
	}
	if id := c.Discord.GuildID; id != "" {
		if _, err := strconv.ParseUint(id, 10, 64); err != nil {
			bad("discord.guild_id", "%q is not a snowflake (digits)", id)
		}
	}
	if msg := checkBaseURL(c.Discord.APIBaseURL); msg != "" {
		bad("discord.api_base_url", "%s", msg)
	}
	if n := c.Discord.Shards; !n.Auto && n.N < 1 {
		bad("discord.shards", "%d must be auto or at least 1", n.N)
	}
	if msg := checkShardIDs(c.Discord.ShardIDs, c.Discord.Shards); msg != "" {
		bad("discord.shard_ids", "%s", msg)
	}

	if p := c.Answers.Passages; p < minPassages || p > maxPassages {
		bad("answers.passages", "%d is out of range %d–%d", p, minPassages, maxPassages)
	}
	if d := c.Answers.DeferAfter; d < 0 || d > maxDeferAfter {
		bad("answers.defer_after", "%v is out of range 0s–%v (Discord drops replies after 3s)", d, maxDeferAfter)
	}

	if q := c.RateLimit.Questions; q < 1 {
		bad("rate_limit.questions", "%d must be at least 1", q)
	}
	if d := c.RateLimit.Per; d <= 0 {
		bad("rate_limit.per", "%v must be positive", d)
	}

	if _, ok := parseLevel(c.Log.Level); !ok {
		bad("log.level", "%q is not one of debug, info, warn, error", c.Log.Level)
	}
	if f := c.Log.Format; f != "text" && f != "json" {
		bad("log.format", "%q is not one of text, json", f)
	}
	if msg := checkListenAddr(c.MetricsAddr); msg != "" {
		bad("metrics_addr", "%s", msg)
	}
	return errors.Join(errs...)
}

// checkShardIDs returns what is wrong with the shard ids of a bot split
// into n shards, or "".
func checkShardIDs(ids []int, n ShardCount) string {
	if len(ids) == 0 {
		return ""
	}
	if n.Auto {
		return "needs a fixed discord.shards: with auto, processes started at different times may split the guilds differently"
	}
	seen := make(map[int]bool, len(ids))
	for _, id := range ids {
		switch {
		case id < 0:
			return fmt.Sprintf("%d is negative", id)
		case n.N >= 1 && id >= n.N:
			return fmt.Sprintf("%d is out of range 0–%d: discord.shards is %d", id, n.N-1, n.N)
		case seen[id]:
			return fmt.Sprintf("%d is listed twice", id)
		}
		seen[id] = true
	}
	return ""
}

// checkListenAddr returns what is wrong with the listen address s, or "";
// "" is valid: nothing is served.
func checkListenAddr(s string) string {
	if s == "" {
		return ""
	}
	_, port, err := net.SplitHostPort(s)
	if err != nil {
		return fmt.Sprintf("%q is not host:port, such as 127.0.0.1:9090 or :9090", s)
	}
	if p, err := strconv.ParseUint(port, 10, 16); err != nil || p == 0 {
		return fmt.Sprintf("%q: port %q is not a number from 1 to 65535", s, port)
	}
	return ""
}

// checkBaseURL returns what is wrong with the API base URL s, or "".
// It never echoes a password.
func checkBaseURL(s string) string {
	u, err := url.Parse(s)
	switch {
	case err != nil && strings.Contains(s, "@"):
		return "must be an http or https URL"
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		if err == nil && u.User != nil {
			s = u.Redacted()
		}
		return fmt.Sprintf("%q must be an http or https URL", s)
	case u.User != nil:
		return fmt.Sprintf("%q must not contain a user or password", u.Redacted())
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "":
		return fmt.Sprintf("%q must not have a query or fragment", s)
	}
	return ""
}

// parseLevel maps a log.level name, in any case, to its slog level.
func parseLevel(s string) (slog.Level, bool) {
	switch strings.ToLower(s) {
	case "debug":
		return slog.LevelDebug, true
	case "info":
		return slog.LevelInfo, true
	case "warn":
		return slog.LevelWarn, true
	case "error":
		return slog.LevelError, true
	}
	return slog.LevelInfo, false
}

// SlogLevel returns the slog level named by c.Level, or slog.LevelInfo if
// the name is not valid (Validate reports that).
func (c LogConfig) SlogLevel() slog.Level {
	l, _ := parseLevel(c.Level)
	return l
}

// Logger returns a logger that writes to w at the configured level, as
// logfmt-like text or as JSON lines.
func (c Config) Logger(w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: c.Log.SlogLevel()}
	if c.Log.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// Secret is a string that never prints: fmt with any verb, slog, JSON, YAML
// and text encodings all give "[redacted]", or "" when it is empty so that
// whether it is set stays visible. Value returns the string itself.
type Secret string

const redacted = "[redacted]"

// Value returns the secret itself, for the one place that needs it.
func (s Secret) Value() string { return string(s) }

// String returns "[redacted]", or "" if s is empty.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return redacted
}

// GoString returns the same as String, for %#v.
func (s Secret) GoString() string { return s.String() }

// Format writes String for every verb, so that %x or %q cannot reveal s.
func (s Secret) Format(f fmt.State, verb rune) { io.WriteString(f, s.String()) }

// LogValue makes slog log String.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// MarshalText returns String; YAML and JSON encoders use it.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// MarshalJSON returns String as a JSON string.
func (s Secret) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }
