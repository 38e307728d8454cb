package bot

import "strings"

// SetVersion sets the version of the program that /about shows, such as
// "articlebot v1.2.0, revision 0123abcd4567, go1.26.0": the command reads
// it from its build information and sets it before Run. Line breaks and
// runs of spaces become one space, so that it stays on one line; "" shows
// none. Safe for concurrent use.
func (b *Bot) SetVersion(v string) {
	v = strings.Join(strings.Fields(v), " ")
	b.version.Store(&v)
}

// programVersion returns what SetVersion set, "" before.
func (b *Bot) programVersion() string {
	if v := b.version.Load(); v != nil {
		return *v
	}
	return ""
}
