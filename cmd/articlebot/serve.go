package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/articlebot/articlebot/bot"
)

// runServe runs the Discord bot until ctx is done: it loads the articles,
// watches the seeds folder, if any, to reload them, and answers.
func runServe(ctx context.Context, args []string, std stdio) error {
	f := flag.NewFlagSet("serve", flag.ContinueOnError)
	f.SetOutput(std.err)
	configPath := f.String("config", "", "YAML configuration (see config.example.yaml); without it, defaults and the environment")
	f.Usage = func() {
		fmt.Fprintln(std.err, "Usage: articlebot serve [--config FILE]")
		f.PrintDefaults()
	}
	if err := f.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return usageError{}
	}
	if f.NArg() > 0 {
		f.Usage()
		return usageError{"serve takes no arguments"}
	}
	watching.Store(true) // a signal drains the bot
	cfg, err := loadServeConfig(*configPath)
	if err != nil {
		return err
	}
	logger := cfg.Log.logger(std.err)
	b := bot.New(cfg.Config, nil, logger)
	b.SetVersion(buildVersion()) // shown by /about
	load := func() (bot.Engine, error) {
		e, err := loadEngine(cfg.Seeds)
		if err != nil {
			return nil, err // not a nil *qa.Engine in a non-nil Engine
		}
		return e, nil
	}
	seeds := cfg.Seeds
	if seeds == "" {
		seeds = "(embedded)"
	}
	logger.Info("loading articles", "seeds", seeds) // the bot's own lines say how many, and how long
	if err := b.LoadArticles(load); err != nil {
		return err
	}
	// Stopped after the bot, so that the health checks see it stop.
	stopMetrics, err := b.ServeMetrics(cfg.MetricsAddr)
	if err != nil {
		return err
	}
	defer stopMetrics()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	watching, err := b.WatchSeeds(ctx, cfg.Seeds, load)
	if err != nil {
		return err
	}
	err = b.Run(ctx)
	cancel()
	<-watching
	return err
}
