package main

import (
	"bytes"
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/articlebot/articlebot/bot/discordtest"
)

// The tests of discordtest's console helpers live here, with their one
// user, rather than in bot/discordtest.

func TestParseSlashCommand(t *testing.T) {
	one, ten := 1.0, 10.0
	maxLen := 5
	cmds := []discordtest.Command{
		{ID: "1", Name: "quote", Type: 1, Options: []discordtest.CommandParam{
			{Type: 3, Name: "speaker", Required: true, Description: "Who", MaxLength: &maxLen},
			{Type: 3, Name: "topic"},
		}},
		{ID: "2", Name: "summary", Type: 1, Options: []discordtest.CommandParam{
			{Type: 4, Name: "sentences", MinValue: &one, MaxValue: &ten},
			{Type: 5, Name: "short"},
		}},
		{ID: "3", Name: "about", Type: 1},
	}
	tests := []struct {
		name    string
		line    string
		want    []discordtest.CommandOption
		wantErr string
	}{
		{name: "no options", line: "/about"},
		{name: "no options, spaces", line: "  /about  "},
		{name: "first option by position", line: "/quote Trump",
			want: []discordtest.CommandOption{{Name: "speaker", Type: 3, Value: "Trump"}}},
		{name: "position, then by name", line: "/quote Trump topic:the war in Europe",
			want: []discordtest.CommandOption{{Name: "speaker", Type: 3, Value: "Trump"}, {Name: "topic", Type: 3, Value: "the war in Europe"}}},
		{name: "by name, in any order", line: "/quote topic:peace speaker:Putin",
			want: []discordtest.CommandOption{{Name: "speaker", Type: 3, Value: "Putin"}, {Name: "topic", Type: 3, Value: "peace"}}},
		{name: "a colon in a value", line: "/quote Trump topic:time: now",
			want: []discordtest.CommandOption{{Name: "speaker", Type: 3, Value: "Trump"}, {Name: "topic", Type: 3, Value: "time: now"}}},
		{name: "integer and boolean", line: "/summary 3 short:true",
			want: []discordtest.CommandOption{{Name: "sentences", Type: 4, Value: int64(3)}, {Name: "short", Type: 5, Value: true}}},
		{name: "optional left out", line: "/summary short:false",
			want: []discordtest.CommandOption{{Name: "short", Type: 5, Value: false}}},
		{name: "unknown command", line: "/nope", wantErr: "no command /nope: the bot registered /quote, /summary, /about"},
		{name: "required left out", line: "/quote topic:peace", wantErr: "/quote needs speaker: (Who)"},
		{name: "given twice", line: "/quote Trump speaker:Putin", wantErr: "/quote: speaker: is given twice"},
		{name: "no value", line: "/quote Trump topic:", wantErr: "/quote: topic: has no value"},
		{name: "options where there are none", line: "/about everything", wantErr: "/about takes no options"},
		{name: "not a number", line: "/summary three", wantErr: `/summary sentences: "three" is not a number`},
		{name: "not whole", line: "/summary 2.5", wantErr: `/summary sentences: "2.5" is not a whole number`},
		{name: "below minimum", line: "/summary 0", wantErr: "/summary sentences: 0 is less than 1"},
		{name: "above maximum", line: "/summary 11", wantErr: "/summary sentences: 11 is more than 10"},
		{name: "too long", line: "/quote Zelenskyy", wantErr: `/quote speaker: "Zelenskyy" is longer than 5 characters`},
		{name: "not a boolean", line: "/summary short:maybe", wantErr: `/summary short: "maybe" is not true or false`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := discordtest.ParseSlashCommand(tt.line, cmds)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("got error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Type != 1 || got.ID == "" {
				t.Errorf("got command type %d id %q, want type 1 and the registered id", got.Type, got.ID)
			}
			if !reflect.DeepEqual(got.Options, tt.want) {
				t.Errorf("got options %+v, want %+v", got.Options, tt.want)
			}
		})
	}
}

func TestWriteReply(t *testing.T) {
	tests := []struct {
		name    string
		reply   discordtest.Reply
		numbers []int
		want    string
	}{
		{"content only", discordtest.Reply{Content: "I couldn't find that.\nTry /speakers."}, nil,
			"articlebot:\n  I couldn't find that.\n  Try /speakers.\n\n"},
		{"embed with everything", discordtest.Reply{
			Embeds: []discordtest.Embed{{Title: "Title", Description: "One.\n\nTwo.", Footer: "paragraph 3",
				Fields: []discordtest.EmbedField{{Name: "Speaker", Value: "Donald Trump"}}}},
			Buttons: []discordtest.Button{{Label: "More", CustomID: "more:v:1"}, {Label: "Context", CustomID: "ctx:v:1"}},
		}, []int{3, 4},
			"articlebot:\n  ┌ Title\n  │ One.\n  │\n  │ Two.\n  │ **Speaker**\n  │ Donald Trump\n  └ paragraph 3\n  [3] More  [4] Context\n\n"},
		{"embed with no title or footer", discordtest.Reply{Embeds: []discordtest.Embed{{Description: "Text."}}}, nil,
			"articlebot:\n  ┌\n  │ Text.\n  └\n\n"},
		{"deferred and ephemeral", discordtest.Reply{Content: "Done.", Deferred: true, Ephemeral: true}, nil,
			"articlebot is thinking…\narticlebot (only you can see this):\n  Done.\n\n"},
		{"buttons that cannot be clicked", discordtest.Reply{Content: "See:", Buttons: []discordtest.Button{
			{Label: "Site", URL: "https://example.com"}, {Label: "Old", CustomID: "x", Disabled: true}}}, []int{0, 0},
			"articlebot:\n  See:\n  [Site <https://example.com>]  [Old (disabled)]\n\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			writeReply(&b, tt.reply, tt.numbers)
			if got := b.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestDeferredReply checks the console follows a deferred response to the
// edit that completes it, with a bot that always defers.
func TestDeferredReply(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t, discordtest.Options{Token: "secret"})
	s, err := discordgo.New("Bot secret")
	if err != nil {
		t.Fatal(err)
	}
	s.Client = fake.Client()
	s.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		_ = s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral},
		})
		content := "slow answer to " + i.ApplicationCommandData().Options[0].StringValue()
		components := []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Again", CustomID: "again", Style: discordgo.PrimaryButton}}}}
		// The test's wait for the reply fails if this does.
		_, _ = s.InteractionResponseEdit(i.Interaction, &discordgo.WebhookEdit{Content: &content, Components: &components})
	})
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	defer s.Close() // before fake's cleanup
	const guild = "800000000000000001"
	if _, err := s.ApplicationCommandBulkOverwrite(fake.ApplicationID(), guild, []*discordgo.ApplicationCommand{{
		Name: "ask", Description: "Ask", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "What", Required: true}},
	}}); err != nil {
		t.Fatal(err)
	}

	c := discordtest.Console{Server: fake, User: discordtest.User{ID: "700000000000000001", Username: "you"},
		GuildID: guild, ChannelID: "800000000000000002"}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	r, err := c.Slash(ctx, "/ask why?")
	if err != nil {
		t.Fatal(err)
	}
	want := []discordtest.Button{{Label: "Again", Style: 1, CustomID: "again"}}
	if r.Content != "slow answer to why?" || !r.Deferred || !r.Ephemeral || !reflect.DeepEqual(r.Buttons, want) {
		t.Errorf("got %+v, want the edited, deferred, ephemeral answer with its button", r)
	}
}
