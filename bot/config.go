package bot

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/articlebot/articlebot/qa/text"
	yaml "go.yaml.in/yaml/v3"
)

// EnvDiscordToken overrides discord.token when set and not empty: the
// token should not have to sit in a file.
const EnvDiscordToken = "DISCORD_TOKEN"

// Config is the bot's part of the YAML file `articlebot serve` reads
// (config.example.yaml): how to reach Discord and how to answer. The
// rest of the file (the articles, logging, metrics) belongs to the
// program that runs the bot, which passes it to ParseConfig as a Part.
type Config struct {
	Discord   DiscordConfig   `yaml:"discord"`
	Answers   AnswersConfig   `yaml:"answers"`
	RateLimit RateLimitConfig `yaml:"rate_limit"`
}

// A Part is the keys of a config file that are not the bot's but those
// of the program that runs it, beside them in the same file: a pointer
// to a struct whose yaml tags name its keys (a struct field is a section
// of keys), holding its defaults. ParseConfig decodes the file into
// Config and the Part together, so that a key neither knows is an error
// and every error is told at once, then calls ApplyEnv with the
// environment and Validate, whose errors, one a line, name the key.
type Part interface {
	ApplyEnv(getenv func(string) string)
	Validate() error
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
	// MessageContent asks Discord for the privileged Message Content
	// intent, which the developer portal must also allow. With it the bot
	// answers a reply to one of its messages that does not ping it;
	// without it Discord sends such a reply with empty content, and the
	// bot leaves it alone. Default false.
	MessageContent bool `yaml:"message_content"`
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
	// yaml would decode 2.5 as 2: only a whole number will do.
	if v.ShortTag() != "!!int" || v.Decode(&i) != nil {
		return fmt.Errorf("line %d: want auto or a whole number", v.Line)
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
	}
}

// LoadConfig reads the YAML file at path with ParseConfig, naming the file
// in its errors. An empty path means no file: the defaults and the
// environment, validated.
func LoadConfig(path string, part Part) (Config, error) {
	if path == "" {
		return parseConfig(nil, "", part)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("cannot read %s: %w", path, err)
	}
	return parseConfig(data, path, part)
}

// ParseConfig reads a YAML config from r: the bot's keys into the Config
// it returns and the others into part (nil when the file holds only the
// bot's). It starts from DefaultConfig and part's defaults, so absent keys
// and an empty document keep them; applies the environment
// (EnvDiscordToken, and part's); and returns every error at once, one a
// line: unknown keys (with the nearest known key), values of the wrong
// kind and keys given twice, each with its line, then the invalid values
// from Validate and part's Validate. A syntax error or a second YAML
// document comes alone.
func ParseConfig(r io.Reader, part Part) (Config, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Config{}, fmt.Errorf("cannot read config: %w", err)
	}
	return parseConfig(data, "", part)
}

// parseConfig is ParseConfig on the contents of the file name, which
// prefixes each error found in the file when it is not empty.
func parseConfig(data []byte, name string, part Part) (Config, error) {
	root, err := parseYAML(data)
	if err != nil {
		return Config{}, inFile(name, err)
	}
	c := DefaultConfig()
	targets := []any{&c}
	if part != nil {
		targets = append(targets, part)
	}
	keysErr := inFile(name, decodeKeys(root, targets))
	c.Discord.APIBaseURL = strings.TrimRight(c.Discord.APIBaseURL, "/")
	if len(c.Discord.ShardIDs) == 0 {
		c.Discord.ShardIDs = nil // "shard_ids: []" is the default, all shards
	}
	c.applyEnv(os.Getenv)
	var partErr error
	if part != nil {
		part.ApplyEnv(os.Getenv)
		partErr = part.Validate()
	}
	// The keys that decoded are validated even when others did not, so
	// that one run names every bad field. Validate's errors name the
	// field, not the file: a value may come from the environment.
	if err := errors.Join(keysErr, c.Validate(), partErr); err != nil {
		return Config{}, err
	}
	return c, nil
}

// inFile prefixes each line of err with the file name, if any.
func inFile(name string, err error) error {
	if err == nil || name == "" {
		return err
	}
	return prefixLines(name+": ", err)
}

// parseYAML parses the one YAML document in data and returns its root
// node, nil when the document is empty. Nothing can be decoded from a
// document that does not parse, so a syntax error comes alone.
func parseYAML(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil && err != io.EOF {
		return nil, yamlError(err)
	}
	// A second document would be silently ignored; an empty one, as from
	// a trailing "---", is harmless.
	for {
		var next yaml.Node
		err := dec.Decode(&next)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, yamlError(err)
		}
		if len(next.Content) > 0 && next.Content[0].Tag != "!!null" {
			return nil, fmt.Errorf("line %d: a second YAML document; a config holds one", next.Line)
		}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// yamlError is a syntax error without yaml's "yaml: " prefix, on one line.
func yamlError(err error) error {
	return errors.New(oneLine(strings.TrimPrefix(err.Error(), "yaml: ")))
}

// decodeKeys sets the fields of the structs targets point to that the
// mapping root names, key by key (targets share the top level of the
// file, each with keys of its own), and returns an error a line for each
// key it could not use: a key it does not know, with the nearest one it
// knows; a value of the wrong kind, saying what the key takes; a key given
// twice. It carries on past each, so that one run names them all, in
// YAML's terms rather than Go's.
func decodeKeys(root *yaml.Node, targets []any) error {
	d := keyDecoder{top: make([]reflect.Value, len(targets))}
	for i, t := range targets {
		d.top[i] = reflect.ValueOf(t).Elem()
	}
	d.section(root, d.top, "")
	return errors.Join(d.errs...)
}

// keyDecoder collects the errors of decodeKeys.
type keyDecoder struct {
	top  []reflect.Value // the structs of the top level
	errs []error
}

func (d *keyDecoder) fail(line int, format string, args ...any) {
	d.errs = append(d.errs, fmt.Errorf("line %d: %s", line, fmt.Sprintf(format, args...)))
}

// section decodes the mapping n into the structs vs, which share the
// section at path ("" for the whole config).
func (d *keyDecoder) section(n *yaml.Node, vs []reflect.Value, path string) {
	if n == nil {
		return
	}
	m := resolveAlias(n)
	if isNull(m) {
		return // "log:" with nothing under it keeps the defaults
	}
	keys := configKeys(typesOf(vs))
	if m.Kind != yaml.MappingNode {
		what := "the config"
		if path != "" {
			what = path
		}
		d.fail(n.Line, "%s must be a mapping of keys, such as %s:, not %s", what, keys[0].name, kindOf(m))
		return
	}
	seen := make(map[string]int) // the line of each key decoded so far
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, val := resolveAlias(m.Content[i]), m.Content[i+1]
		if k.ShortTag() == "!!merge" {
			// A config has nowhere to keep the mapping to merge: an unknown
			// key holding it would be an error too.
			d.fail(k.Line, "merge keys (<<) are not supported; write the keys out")
			continue
		}
		if k.Kind != yaml.ScalarNode {
			d.fail(k.Line, "a key must be a name, not %s", kindOf(k))
			continue
		}
		name := dotted(path, k.Value)
		j := slices.IndexFunc(keys, func(ck configKey) bool { return ck.name == k.Value })
		if j < 0 {
			d.fail(k.Line, "unknown key %q%s", name, suggestKey(k.Value, path, typesOf(d.top)))
			continue
		}
		if first, ok := seen[k.Value]; ok {
			d.fail(k.Line, "%s: given twice, first at line %d", name, first)
			continue
		}
		seen[k.Value] = k.Line
		f := vs[keys[j].target].Field(keys[j].index)
		if keys[j].section {
			d.section(val, []reflect.Value{f}, name)
		} else {
			d.leaf(val, f, name)
		}
	}
}

// leaf decodes n into the field v, the key name. A value of the wrong kind
// leaves the default in place.
func (d *keyDecoder) leaf(n *yaml.Node, v reflect.Value, name string) {
	m := resolveAlias(n)
	if isNull(m) {
		return // "passages:" with no value keeps the default
	}
	if decodeInto(n, v) {
		return
	}
	if v.Kind() == reflect.Slice && m.Kind == yaml.SequenceNode {
		// Name the items that are wrong rather than the whole list.
		bad := 0
		for _, item := range m.Content {
			if !decodeInto(item, reflect.New(v.Type().Elem()).Elem()) {
				d.fail(item.Line, "%s: %s is not %s", name, valueOf(resolveAlias(item), v.Type().Elem()), wants(v.Type().Elem()))
				bad++
			}
		}
		if bad > 0 {
			return
		}
	}
	d.fail(n.Line, "%s: %s is not %s", name, valueOf(m, v.Type()), wants(v.Type()))
}

// decodeInto sets v from n and reports whether n decoded; v is left as it
// was when not.
func decodeInto(n *yaml.Node, v reflect.Value) bool {
	m := resolveAlias(n)
	switch {
	case v.Kind() == reflect.Slice && m.Kind == yaml.SequenceNode:
		// Item by item, so that each is held to what a key of its type takes.
		items := reflect.MakeSlice(v.Type(), len(m.Content), len(m.Content))
		for i, item := range m.Content {
			if !decodeInto(item, items.Index(i)) {
				return false
			}
		}
		v.Set(items)
		return true
	case wholeNumber(v.Type()) && m.ShortTag() == "!!float":
		return false // yaml would drop the fraction: 2.5 passages would be 2
	}
	fresh := reflect.New(v.Type())
	if err := n.Decode(fresh.Interface()); err != nil {
		return false
	}
	v.Set(fresh.Elem())
	return true
}

// A configKey is one key of a section: the name it has in YAML, the
// struct (of those sharing the section) and field it fills, and whether
// it holds keys of its own.
type configKey struct {
	name    string
	target  int
	index   int
	section bool
}

// configKeys lists the keys of a section's structs, from their yaml tags.
func configKeys(types []reflect.Type) []configKey {
	var keys []configKey
	for target, t := range types {
		for i := range t.NumField() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			if name == "" || name == "-" {
				continue
			}
			ft := t.Field(i).Type
			keys = append(keys, configKey{name, target, i, ft.Kind() == reflect.Struct && !reflect.PointerTo(ft).Implements(unmarshalerType)})
		}
	}
	return keys
}

func typesOf(vs []reflect.Value) []reflect.Type {
	types := make([]reflect.Type, len(vs))
	for i, v := range vs {
		types[i] = v.Type()
	}
	return types
}

var (
	unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()
	durationType    = reflect.TypeFor[time.Duration]()
	shardCountType  = reflect.TypeFor[ShardCount]()
	secretType      = reflect.TypeFor[Secret]()
)

// allConfigKeys lists every key of the structs of types, which share the
// section at path, in dotted form, sections before the keys they hold.
func allConfigKeys(types []reflect.Type, path string) []string {
	var all []string
	for _, k := range configKeys(types) {
		name := dotted(path, k.name)
		all = append(all, name)
		if k.section {
			all = append(all, allConfigKeys([]reflect.Type{types[k.target].Field(k.index).Type}, name)...)
		}
	}
	return all
}

func dotted(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// wants says what a key of type t takes, for an error.
func wants(t reflect.Type) string {
	switch t {
	case durationType:
		return "a duration with a unit, such as 300ms or 10s"
	case shardCountType:
		return "auto or a whole number"
	}
	if wholeNumber(t) {
		return "a whole number"
	}
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a string"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Int {
			return "a list of whole numbers, such as [0, 1]"
		}
		return "a list"
	}
	return ""
}

// wholeNumber reports whether a key of type t takes a whole number.
func wholeNumber(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return t != durationType
	}
	return false
}

// maxQuoted bounds how much of a wrong value an error repeats.
const maxQuoted = 40

// valueOf shows the value of n, meant for a key of type t, in an error:
// a scalar as written (a string quoted), anything else by its kind. The
// token's value is never shown.
func valueOf(n *yaml.Node, t reflect.Type) string {
	if n.Kind != yaml.ScalarNode || t == secretType {
		return kindOf(n)
	}
	v := n.Value
	if r := []rune(v); len(r) > maxQuoted {
		v = string(r[:maxQuoted]) + "…"
	}
	if n.ShortTag() == "!!str" {
		return strconv.Quote(v)
	}
	return v
}

// kindOf names the kind of value n holds, without repeating it.
func kindOf(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	}
	switch n.ShortTag() {
	case "!!int", "!!float":
		return "a number"
	case "!!bool":
		return "true or false"
	case "!!str":
		return "a string"
	}
	return "a value"
}

// resolveAlias returns the node an alias (*name) stands for, or n itself.
func resolveAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

// suggestKey returns "; did you mean KEY?" for the known key nearest to
// key, unknown in the section at path of a config of the structs top:
// first a key of the same section a typo or two from it or that starts
// with it, then one in another section ("token" at the top:
// discord.token). It returns "" when none is near.
func suggestKey(key, path string, top []reflect.Type) string {
	typed := strings.ToLower(strings.ReplaceAll(key, "-", "_"))
	allowed := text.TyposAllowed(utf8.RuneCountInString(typed))
	best, bestScore := "", 0
	for _, pass := range []bool{true, false} { // the same section, then the others
		for _, known := range allConfigKeys(top, "") {
			parent, last := "", known
			if i := strings.LastIndex(known, "."); i >= 0 {
				parent, last = known[:i], known[i+1:]
			}
			if (parent == path) != pass {
				continue
			}
			score := text.EditDistance(typed, last)
			if score > allowed {
				if utf8.RuneCountInString(typed) < minPrefix || !strings.HasPrefix(last, typed) {
					continue
				}
				score = allowed + 1 // a prefix ranks after every typo
			}
			if best == "" || score < bestScore {
				best, bestScore = known, score
			}
		}
		if best != "" {
			return "; did you mean " + best + "?"
		}
	}
	return ""
}

// minPrefix is the shortest unknown key that suggests the keys it starts:
// "guild" suggests guild_id, "id" nothing.
const minPrefix = 4

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
