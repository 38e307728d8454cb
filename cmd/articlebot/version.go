package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/articlebot/articlebot/bot/reply"
	"github.com/articlebot/articlebot/qa"
)

// buildVersion describes the binary from its build information: the
// module's version, the VCS revision and time of the commit it was built
// from (go build stamps them; go run and a build outside the repository
// do not), and the Go version.
func buildVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "articlebot (no build information)"
	}
	var revision, when string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	parts := []string{"articlebot " + bi.Main.Version}
	switch {
	case revision == "":
		parts = append(parts, "revision unknown")
	case modified:
		parts = append(parts, "revision "+shortRevision(revision)+" with local changes")
	default:
		parts = append(parts, "revision "+shortRevision(revision))
	}
	if when != "" {
		parts = append(parts, "committed "+when)
	}
	parts = append(parts, bi.GoVersion)
	return strings.Join(parts, ", ")
}

// shortRevision is a commit hash as git shows it in short.
func shortRevision(r string) string { return r[:min(len(r), 12)] }

// articlesVersion describes the articles an engine answers from: how many,
// and the digest that changes when their text does.
func articlesVersion(e *qa.Engine, seeds string) string {
	from := "embedded"
	if seeds != "" {
		from = "from " + seeds
	}
	return fmt.Sprintf("articles %s (%s, %s)", e.Version(), reply.Plural(len(e.Articles()), "article"), from)
}

func runVersion(args []string, std stdio) error {
	f := newFlags("version", "[--seeds DIR]", std)
	if err := f.parse(args); err != nil {
		return err
	}
	if err := f.noArgs("version", ""); err != nil {
		return err
	}
	e, err := f.engine()
	if err != nil {
		return err
	}
	fmt.Fprintln(std.out, buildVersion())
	fmt.Fprintln(std.out, articlesVersion(e, f.seeds))
	return nil
}
