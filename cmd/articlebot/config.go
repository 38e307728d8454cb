package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strconv"
	"strings"

	"github.com/articlebot/articlebot/bot"
)

// Environment variables that override the process's keys of the config
// file when set and not empty, because they are what one changes for a
// single run. The bot's own is bot.EnvDiscordToken.
const (
	envSeeds    = "ARTICLEBOT_SEEDS"     // seeds
	envLogLevel = "ARTICLEBOT_LOG_LEVEL" // log.level
)

// processConfig is the part of `articlebot serve`'s config file
// (config.example.yaml) that is not the bot's (bot.Config) but the
// process's, which wires the bot: which articles, how to log, where to
// serve metrics. bot.ParseConfig decodes the file into both at once, so a
// key neither knows is an error with its line.
type processConfig struct {
	// Seeds is a folder of *.txt articles, reloaded when its files change;
	// "" = the articles embedded in the binary. Env ARTICLEBOT_SEEDS.
	Seeds string    `yaml:"seeds"`
	Log   logConfig `yaml:"log"`
	// MetricsAddr is where to serve /metrics, /healthz and /readyz, such
	// as 127.0.0.1:9090; "" (the default) serves nothing.
	MetricsAddr string `yaml:"metrics_addr"`
}

// logConfig chooses the log level and format.
type logConfig struct {
	Level  string `yaml:"level"`  // debug, info, warn, error (any case); default info; env ARTICLEBOT_LOG_LEVEL
	Format string `yaml:"format"` // text or json; default text
}

// defaultProcessConfig is used for every process key the file and the
// environment leave out.
func defaultProcessConfig() processConfig {
	return processConfig{Log: logConfig{Level: "info", Format: "text"}}
}

// serveConfig is everything `articlebot serve` reads from its config file
// and the environment: the bot's part and the process's.
type serveConfig struct {
	bot.Config
	processConfig
}

// loadServeConfig reads the config file at path ("" for none: the
// defaults and the environment), naming the file in its errors.
func loadServeConfig(path string) (serveConfig, error) {
	p := defaultProcessConfig()
	c, err := bot.LoadConfig(path, &p)
	if err != nil {
		return serveConfig{}, err
	}
	return serveConfig{c, p}, nil
}

// parseServeConfig is loadServeConfig on a config read from r.
func parseServeConfig(r io.Reader) (serveConfig, error) {
	p := defaultProcessConfig()
	c, err := bot.ParseConfig(r, &p)
	if err != nil {
		return serveConfig{}, err
	}
	return serveConfig{c, p}, nil
}

// ApplyEnv overrides p with the environment variables that getenv
// reports set and not empty.
func (p *processConfig) ApplyEnv(getenv func(string) string) {
	if v := getenv(envSeeds); v != "" {
		p.Seeds = v
	}
	if v := getenv(envLogLevel); v != "" {
		p.Log.Level = v
	}
}

// Validate reports every invalid field of p, one a line, naming it in
// YAML dotted form, as bot.Config.Validate does the bot's.
func (p *processConfig) Validate() error {
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, fmt.Errorf(field+": "+format, args...))
	}
	if _, ok := parseLevel(p.Log.Level); !ok {
		bad("log.level", "%q is not one of debug, info, warn, error", p.Log.Level)
	}
	if f := p.Log.Format; f != "text" && f != "json" {
		bad("log.format", "%q is not one of text, json", f)
	}
	if msg := checkListenAddr(p.MetricsAddr); msg != "" {
		bad("metrics_addr", "%s", msg)
	}
	return errors.Join(errs...)
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

// logger returns a logger that writes to w at the configured level (info
// if the name is not valid: Validate reports that), as logfmt-like text
// or as JSON lines.
func (c logConfig) logger(w io.Writer) *slog.Logger {
	level, _ := parseLevel(c.Level)
	opts := &slog.HandlerOptions{Level: level}
	if c.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
