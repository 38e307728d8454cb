package bot

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/articlebot/articlebot/bot/reply"
	"github.com/articlebot/articlebot/qa"
)

// Replies are values: these tests need no Discord.

func TestFit(t *testing.T) {
	tests := []struct {
		name, text string
		limit      int
		want       string
	}{
		{"short enough", "One. Two.", 20, "One. Two."},
		{"cut at a sentence", "One sentence here. Another one that is long.", 30, "One sentence here.…"},
		{"cut at a word", "averyveryvery long words only here", 20, "averyveryvery long…"},
		{"one long word", "abcdefghijklmnopqrstuvwxyz", 10, "abcdefghi…"},
		{"runes, not bytes", "Zelenskyy’s “security” guarantees — ünïcödé", 30, "Zelenskyy’s “security”…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fit(tt.text, tt.limit)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if n := utf8.RuneCountInString(got); n > tt.limit {
				t.Errorf("%d characters, over %d", n, tt.limit)
			}
		})
	}
}

func TestBoldHighlight(t *testing.T) {
	tests := []struct{ name, text, highlight, want string }{
		{"bold", "talks at the White House on Monday", "the White House", "talks at **the White House** on Monday"},
		{"no highlight", "a *star* and _under_", "", `a \*star\* and \_under\_`},
		{"highlight not in text", "six deals", "seven", "six deals"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := boldHighlight(tt.text, tt.highlight); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRefsID(t *testing.T) {
	refs := make([]qa.Ref, 40)
	for i := range refs {
		refs[i] = qa.Ref{Sentence: 100000 + i}
	}
	id := refsID(moreID, "0badf00d", refs)
	if len(id) > maxCustomID {
		t.Fatalf("custom id of %d characters", len(id))
	}
	kind, version, got, err := parseRefsID(id)
	if err != nil || kind != moreID || version != "0badf00d" || len(got) == 0 || got[0] != refs[0] {
		t.Errorf("round trip: %q %q %v %v", kind, version, got, err)
	}
	for _, bad := range []string{"", "more", "more:v:", "more:v:x", "more:v:-1"} {
		if _, _, _, err := parseRefsID(bad); err == nil {
			t.Errorf("parseRefsID(%q) accepted", bad)
		}
	}
}

func TestButtonReply(t *testing.T) {
	e := seedEngine()
	tests := []struct {
		name, id, want string
	}{
		{"stale version", "more:00000000:1,2", staleText},
		{"not ours", "frobnicate", "not one of mine"},
		{"ref out of range", "ctx:" + e.Version() + ":999999", staleText},
		{"context", "ctx:" + e.Version() + ":3", "paragraphs 2–4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := buttonReply(e, tt.id, 3)
			text := r.Content
			for _, em := range r.Embeds {
				text += em.Description + em.Footer.Text
			}
			if !strings.Contains(text, tt.want) || !r.Ephemeral {
				t.Errorf("got %q (ephemeral %v), want %q", text, r.Ephemeral, tt.want)
			}
		})
	}
}

func TestSpeakerChoices(t *testing.T) {
	e := seedEngine()
	tests := []struct{ typed, first string }{
		{"", "Donald Trump"},
		{"mar", "Maria Zakharova"},
		{"zakh", "Maria Zakharova"},
		{"zacharova", "Maria Zakharova"},
		{"zelensky", "Volodymyr Zelenskyy"},
		{"nobody at all", ""},
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			got := speakerChoices(e, tt.typed, nil)
			first := ""
			if len(got) > 0 {
				first = got[0].Name
			}
			if first != tt.first || len(got) > maxChoices {
				t.Errorf("got %d choices starting %q, want %q", len(got), first, tt.first)
			}
		})
	}
}

func TestQuestionOf(t *testing.T) {
	b := New(DefaultConfig(), seedEngine(), nil)
	b.setIdentity(readyFor("42"))
	user := &discordgo.User{ID: "7"}
	fromBot := &discordgo.Message{Author: &discordgo.User{ID: "42"}}
	tests := []struct {
		name   string
		m      discordgo.Message
		q      string
		source string
		ok     bool
	}{
		{"mention", discordgo.Message{GuildID: "1", Author: user, Content: "<@42> Who said it?", Mentions: []*discordgo.User{{ID: "42"}}}, "Who said it?", "mention", true},
		{"nickname mention", discordgo.Message{GuildID: "1", Author: user, Content: "hey <@!42> why?", Mentions: []*discordgo.User{{ID: "42"}}}, "hey  why?", "mention", true},
		{"other mentions stay", discordgo.Message{GuildID: "1", Author: user, Content: "<@42> what did <@9> say", Mentions: []*discordgo.User{{ID: "42"}, {ID: "9"}}}, "what did <@9> say", "mention", true},
		{"a mention alone asks for help", discordgo.Message{GuildID: "1", Author: user, Content: "<@42>", Mentions: []*discordgo.User{{ID: "42"}}}, "", "mention", true},
		{"dm", discordgo.Message{Author: user, Content: "why?"}, "why?", "dm", true},
		{"an empty dm asks for help", discordgo.Message{Author: user}, "", "dm", true},
		{"not addressed", discordgo.Message{GuildID: "1", Author: user, Content: "why?"}, "", "", false},
		{"reply to the bot", discordgo.Message{GuildID: "1", Author: user, Content: "and then?", ReferencedMessage: fromBot}, "and then?", "reply", true},
		{"reply to the bot that pings it", discordgo.Message{GuildID: "1", Author: user, Content: "and then?", Mentions: []*discordgo.User{{ID: "42"}}, ReferencedMessage: fromBot}, "and then?", "mention", true},
		{"reply to the bot, its content withheld", discordgo.Message{GuildID: "1", Author: user, ReferencedMessage: fromBot}, "", "", false},
		{"reply to the bot that pings it, with no text", discordgo.Message{GuildID: "1", Author: user, Mentions: []*discordgo.User{{ID: "42"}}, ReferencedMessage: fromBot}, "", "mention", true},
		{"reply to someone else", discordgo.Message{GuildID: "1", Author: user, Content: "and then?", ReferencedMessage: &discordgo.Message{Author: &discordgo.User{ID: "9"}}}, "", "", false},
		{"a bot", discordgo.Message{Author: &discordgo.User{ID: "8", Bot: true}, Content: "why?"}, "", "", false},
		{"itself", discordgo.Message{Author: &discordgo.User{ID: "42"}, Content: "why?"}, "", "", false},
		{"no author", discordgo.Message{Content: "why?"}, "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, source, ok := b.question(&tt.m)
			if q != tt.q || source != tt.source || ok != tt.ok {
				t.Errorf("got %q, %q, %v; want %q, %q, %v", q, source, ok, tt.q, tt.source, tt.ok)
			}
		})
	}
}

func TestGatewayIntents(t *testing.T) {
	tests := []struct {
		name           string
		messageContent bool
		want           discordgo.Intent
	}{
		{"default", false, discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages},
		{"message content", true, discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages | discordgo.IntentMessageContent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := gatewayIntents(DiscordConfig{MessageContent: tt.messageContent}); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}

func TestAboutReply(t *testing.T) {
	e := seedEngine()
	loaded := time.Date(2025, 8, 19, 14, 5, 0, 0, time.UTC)
	tests := []struct {
		name, version, want string
	}{
		{"without a version", "", "Loaded 2025-08-19 14:05 UTC · articles " + e.Version()},
		{"with a version", "articlebot v1.2.0, revision 0123abcd4567, go1.26.0",
			"Loaded 2025-08-19 14:05 UTC · articles " + e.Version() + "\narticlebot v1.2.0, revision 0123abcd4567, go1.26.0"},
		{"an overlong version", strings.Repeat("v1 ", maxEmbedFooter), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, out := render(reply.AboutOf(e, loaded, tt.version))
			if out != answered || len(r.Embeds) != 1 || r.Embeds[0].Footer == nil {
				t.Fatalf("got %+v (%s), want one embed with a footer", r, out)
			}
			footer := r.Embeds[0].Footer.Text
			if tt.want != "" && footer != tt.want {
				t.Errorf("footer: got %q, want %q", footer, tt.want)
			}
			if n := utf8.RuneCountInString(footer); n > maxEmbedFooter {
				t.Errorf("footer of %d characters, over %d", n, maxEmbedFooter)
			}
			if n := embedsLength(r.Embeds); n > maxEmbedsTotal {
				t.Errorf("embeds of %d characters, over %d", n, maxEmbedsTotal)
			}
			if !strings.Contains(r.Embeds[0].Description, "18 quotes") {
				t.Errorf("description %q does not list the article", r.Embeds[0].Description)
			}
		})
	}
}

func TestSetVersion(t *testing.T) {
	tests := []struct{ name, set, want string }{
		{"as given", "articlebot v1.2.0, go1.26.0", "articlebot v1.2.0, go1.26.0"},
		{"on one line", "  articlebot v1.2.0\n  revision abc\r\n", "articlebot v1.2.0 revision abc"},
		{"none", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := New(DefaultConfig(), seedEngine(), nil)
			if got := b.programVersion(); got != "" {
				t.Fatalf("before SetVersion: got %q, want \"\"", got)
			}
			b.SetVersion(tt.set)
			if got := b.programVersion(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestUserLimits(t *testing.T) {
	l := newUserLimits(2, 10*time.Second)
	now := time.Unix(1000, 0)
	steps := []struct {
		name   string
		user   string
		at     time.Duration
		ok     bool
		warned bool
	}{
		{"first", "a", 0, true, false},
		{"second", "a", 0, true, false},
		{"over: told", "a", 0, false, false},
		{"over again: already told", "a", time.Second, false, true},
		{"another user", "b", time.Second, true, false},
		{"refilled", "a", 6 * time.Second, true, false},
	}
	for _, s := range steps {
		ok, _, warned := l.allow(s.user, now.Add(s.at))
		if ok != s.ok || warned != s.warned {
			t.Errorf("%s: got ok %v warned %v, want %v %v", s.name, ok, warned, s.ok, s.warned)
		}
	}
	l.maxUsers = 2
	l.allow("c", now.Add(time.Hour)) // sweeps the idle ones first
	if len(l.users) != 1 {
		t.Errorf("%d users kept after a sweep, want 1", len(l.users))
	}
}

func readyFor(botID string) *discordgo.Ready {
	return &discordgo.Ready{User: &discordgo.User{ID: botID}, Application: &discordgo.Application{ID: botID}}
}

// messageFrom is a guild message from user that mentions bot "1".
type messageFrom struct{ user, content string }

func (m messageFrom) message() *discordgo.Message {
	return &discordgo.Message{ID: "5", GuildID: "1", ChannelID: "3", Author: &discordgo.User{ID: m.user},
		Content: m.content, Mentions: []*discordgo.User{{ID: "1"}}}
}

func TestConversationsAreBounded(t *testing.T) {
	c := newConversations(2)
	for _, ch := range []string{"a", "b", "a", "c"} {
		c.lock(ch).unlock()
	}
	if n := c.len(); n != 2 {
		t.Fatalf("%d conversations kept, want 2", n)
	}
	c.mu.Lock()
	_, hasA := c.byID["a"]
	_, hasB := c.byID["b"]
	c.mu.Unlock()
	if !hasA || hasB {
		t.Errorf("kept a: %v, b: %v; want the least recently used (b) dropped", hasA, hasB)
	}
}

func TestFollowUpsPerChannel(t *testing.T) {
	b := New(DefaultConfig(), seedEngine(), nil)
	now := time.Now()
	steps := []struct{ channel, question, want string }{
		{"1", "Who said Europe is the first line of defence?", "**Donald Trump**"},
		{"1", "What else did he say?", "— **Donald Trump**"},
		{"2", "What else did he say?", "not sure who or what you mean"},
		{"2", "What did Zakharova say?", "escalation"},
		{"2", "Who is she?", "**Russia’s foreign ministry spokesperson**"},
	}
	for _, s := range steps {
		r, _ := b.ask(seedEngine(), s.channel, s.question, nil, now)
		text := r.Content
		for _, em := range r.Embeds {
			text += "\n" + em.Description
		}
		if !strings.Contains(text, s.want) {
			t.Errorf("channel %s, %q: got %q, want it to contain %q", s.channel, s.question, text, s.want)
		}
	}
}

// TestQuoteReplyNames reads /quote's speaker as questions read names, typos
// and all, and says what the articles have of someone they do not quote.
func TestQuoteReplyNames(t *testing.T) {
	e := seedEngine()
	tests := []struct{ speaker, want string }{
		{"Zelensky", "Volodymyr Zelenskyy"}, // a typo, sent without picking the autocomplete choice
		{"zakharova", "“(This) could lead"}, // any case
		{"Putin", "Vladimir Putin is mentioned, but the articles do not quote or report them."},
		{"Keir Starmer", `No one called "Keir Starmer" is quoted`},
	}
	for _, tt := range tests {
		r, _ := render(reply.QuotesOf(e, tt.speaker, "", nil, discordPicker))
		text := r.Content
		for _, em := range r.Embeds {
			text += em.Title + "\n" + em.Description
		}
		if !strings.Contains(text, tt.want) {
			t.Errorf("/quote %s: got %q, want %q in it", tt.speaker, text, tt.want)
		}
	}
}
