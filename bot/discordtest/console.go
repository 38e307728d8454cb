package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// This file is the user's side of the fake: what a person does in
// Discord's client (mention the bot, type a slash command, click a
// button) and the bot's answer to each, decoded as the client shows it.
// cmd/fakediscord is a terminal built on it.

// messageFlagEphemeral marks a message only the invoking user sees.
const messageFlagEphemeral = 1 << 6

// A Console is one user in one channel. Each method acts as the user does
// in Discord's client and waits for the bot's answer to that action.
type Console struct {
	Server *Server
	User   User
	// GuildID is the guild of ChannelID; "" makes ChannelID a DM with the bot.
	GuildID   string
	ChannelID string
}

// Say posts text in the channel, after a mention of the bot in a guild
// (where the bot answers only what mentions it), and returns the bot's
// reply.
func (c *Console) Say(ctx context.Context, text string) (Reply, error) {
	m := Message{ChannelID: c.ChannelID, GuildID: c.GuildID, Author: c.User, Content: text}
	if c.GuildID != "" {
		bot := c.Server.BotUser()
		m.Content = "<@" + bot.ID + "> " + text
		m.Mentions = []User{bot}
	}
	sent, err := c.Server.DispatchMessageCreate(m)
	if err != nil {
		return Reply{}, err
	}
	return c.Server.WaitMessageReply(ctx, sent)
}

// Slash runs a slash command typed as in Discord's client, such as
// "/quote Trump topic:Europe" (see ParseSlashCommand), and returns the
// bot's response. The command must be one the bot registered, in the
// console's guild or globally.
func (c *Console) Slash(ctx context.Context, line string) (Reply, error) {
	cmds, err := c.Server.Commands("")
	if err != nil {
		return Reply{}, err
	}
	if c.GuildID != "" {
		guild, err := c.Server.Commands(c.GuildID)
		if err != nil {
			return Reply{}, err
		}
		cmds = append(guild, cmds...) // a guild command shadows a global one
	}
	data, err := ParseSlashCommand(line, cmds)
	if err != nil {
		return Reply{}, err
	}
	user := c.User
	in, err := c.Server.DispatchSlashCommand(Interaction{GuildID: c.GuildID, ChannelID: c.ChannelID, User: &user, Data: data})
	if err != nil {
		return Reply{}, err
	}
	return c.Server.WaitInteractionReply(ctx, in)
}

// Click clicks the button with customID on r, a message of the bot's,
// and returns the bot's response.
func (c *Console) Click(ctx context.Context, r Reply, customID string) (Reply, error) {
	user, msg := c.User, r.message
	in, err := c.Server.DispatchComponent(Interaction{GuildID: c.GuildID, ChannelID: r.ChannelID, User: &user,
		Data: InteractionData{CustomID: customID}, Message: &msg})
	if err != nil {
		return Reply{}, err
	}
	return c.Server.WaitInteractionReply(ctx, in)
}

// A Reply is a message the bot sent in answer to one event, as Discord's
// client shows it.
type Reply struct {
	ID, ChannelID string
	Content       string
	Embeds        []Embed
	// Buttons are the message's buttons in reading order, out of their
	// action rows.
	Buttons []Button
	// Ephemeral: only the user who acted sees the message.
	Ephemeral bool
	// Deferred: the bot first answered "thinking…", then edited in this.
	Deferred bool

	message Message // as a click on one of its buttons carries it
}

// Embed is the text of a Discord embed.
type Embed struct {
	Title       string
	Description string
	Fields      []EmbedField
	Footer      string
}

// EmbedField is one field of an embed.
type EmbedField struct {
	Name, Value string
	Inline      bool
}

// Button is a button component. A link button has a URL and no CustomID.
type Button struct {
	Label    string
	Style    int
	CustomID string
	URL      string
	Disabled bool
}

// RefusedError is the fake's refusal of what the bot sent, as Discord
// would refuse it, such as a 400 for content over 2,000 characters.
type RefusedError struct {
	Route    string
	Status   int
	Response json.RawMessage
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("Discord refused the bot's %s: %d %s", e.Route, e.Status, e.Response)
}

// refused returns a *RefusedError if the fake did not accept r.
func refused(r Request) error {
	if r.Status >= 200 && r.Status < 300 {
		return nil
	}
	return &RefusedError{Route: r.Route, Status: r.Status, Response: r.Response}
}

// WaitMessageReply waits for the bot's reply to m, a message sent with
// DispatchMessageCreate: the message the bot creates in m's channel with
// a reference to m. It returns a *RefusedError if the fake refused it.
func (s *Server) WaitMessageReply(ctx context.Context, m Message) (Reply, error) {
	path := apiPrefix + "/channels/" + m.ChannelID + "/messages"
	reqs, err := s.WaitRequests(ctx, 1, func(r Request) bool {
		var body struct {
			Ref *MessageReference `json:"message_reference"`
		}
		return r.Route == RouteCreateMessage && r.Path == path &&
			r.DecodeBody(&body) == nil && body.Ref != nil && body.Ref.MessageID == m.ID
	})
	if err != nil {
		return Reply{}, fmt.Errorf("no reply to message %s: %w", m.ID, err)
	}
	return answeredReply(reqs[0])
}

// answeredReply is the reply in the message the fake answered r with, or
// a *RefusedError.
func answeredReply(r Request) (Reply, error) {
	if err := refused(r); err != nil {
		return Reply{}, err
	}
	var m Message
	if err := r.DecodeResponse(&m); err != nil {
		return Reply{}, err
	}
	return newReply(m)
}

// WaitInteractionReply waits for the bot's response to in, an interaction
// sent with one of the Dispatch methods: the message of its callback, or,
// when the bot deferred, the edit that replaces "thinking…". It returns a
// *RefusedError if the fake refused either.
func (s *Server) WaitInteractionReply(ctx context.Context, in Interaction) (Reply, error) {
	path := apiPrefix + "/interactions/" + in.ID + "/" + in.Token + "/callback"
	reqs, err := s.WaitRequests(ctx, 1, func(r Request) bool { return r.Route == RouteInteractionCallback && r.Path == path })
	if err != nil {
		return Reply{}, fmt.Errorf("no response to interaction %s: %w", in.ID, err)
	}
	if err := refused(reqs[0]); err != nil {
		return Reply{}, err
	}
	var cb struct {
		Type int `json:"type"`
		Data struct {
			Content    string            `json:"content"`
			Embeds     []json.RawMessage `json:"embeds"`
			Components []json.RawMessage `json:"components"`
			Flags      int               `json:"flags"`
		} `json:"data"`
	}
	if err := reqs[0].DecodeBody(&cb); err != nil {
		return Reply{}, err
	}
	switch cb.Type {
	case CallbackChannelMessage:
		// The fake answers the callback with 204, as Discord does, so the
		// message's id is not the one the fake stored but a new one, which
		// a click on a button sends back with the message. The bot reads
		// only the button's custom id.
		m := Message{ID: s.NewID(), ChannelID: in.ChannelID, GuildID: in.GuildID, Author: s.BotUser(),
			Timestamp: time.Now().UTC(), Content: cb.Data.Content, Flags: cb.Data.Flags, WebhookID: in.ApplicationID,
			Embeds: orEmpty(cb.Data.Embeds), Components: orEmpty(cb.Data.Components),
			Mentions: []User{}, MentionRoles: []string{}, Attachments: []json.RawMessage{}}
		return newReply(m)
	case CallbackDeferredChannelMessage:
		edit := apiPrefix + "/webhooks/" + in.ApplicationID + "/" + in.Token + "/messages/@original"
		reqs, err := s.WaitRequests(ctx, 1, func(r Request) bool { return r.Route == RouteEditWebhookMessage && r.Path == edit })
		if err != nil {
			return Reply{}, fmt.Errorf("interaction %s deferred and never edited: %w", in.ID, err)
		}
		r, err := answeredReply(reqs[0])
		r.Deferred = true
		return r, err
	}
	return Reply{}, fmt.Errorf("interaction %s: the bot answered with callback type %d, not a message", in.ID, cb.Type)
}

// newReply decodes the embeds and buttons of m.
func newReply(m Message) (Reply, error) {
	r := Reply{ID: m.ID, ChannelID: m.ChannelID, Content: m.Content, Ephemeral: m.Flags&messageFlagEphemeral != 0, message: m}
	for i, raw := range m.Embeds {
		var e struct {
			Title       string       `json:"title"`
			Description string       `json:"description"`
			Fields      []EmbedField `json:"fields"`
			Footer      struct {
				Text string `json:"text"`
			} `json:"footer"`
		}
		if err := json.Unmarshal(raw, &e); err != nil {
			return Reply{}, fmt.Errorf("cannot read embed %d of message %s: %w", i, m.ID, err)
		}
		r.Embeds = append(r.Embeds, Embed{Title: e.Title, Description: e.Description, Fields: e.Fields, Footer: e.Footer.Text})
	}
	for i, raw := range m.Components {
		if err := appendButtons(&r.Buttons, raw); err != nil {
			return Reply{}, fmt.Errorf("cannot read component %d of message %s: %w", i, m.ID, err)
		}
	}
	return r, nil
}

// appendButtons appends the buttons in a component, an action row or a
// button, to buttons.
func appendButtons(buttons *[]Button, raw json.RawMessage) error {
	var c struct {
		Type       int               `json:"type"`
		Components []json.RawMessage `json:"components"`
		Label      string            `json:"label"`
		Style      int               `json:"style"`
		CustomID   string            `json:"custom_id"`
		URL        string            `json:"url"`
		Disabled   bool              `json:"disabled"`
	}
	if err := json.Unmarshal(raw, &c); err != nil {
		return err
	}
	if c.Type == 2 {
		*buttons = append(*buttons, Button{Label: c.Label, Style: c.Style, CustomID: c.CustomID, URL: c.URL, Disabled: c.Disabled})
	}
	for _, sub := range c.Components {
		if err := appendButtons(buttons, sub); err != nil {
			return err
		}
	}
	return nil
}

// Command is an application command as a bot registered it, with the id
// the fake gave it.
type Command struct {
	ID          string         `json:"id"`
	Name        string         `json:"name"`
	Type        int            `json:"type"` // 1: chat input (slash)
	Description string         `json:"description"`
	Options     []CommandParam `json:"options"`
}

// CommandParam is an option a command takes, as registered; a
// CommandOption is one a user filled in.
type CommandParam struct {
	Type         int            `json:"type"`
	Name         string         `json:"name"`
	Description  string         `json:"description"`
	Required     bool           `json:"required"`
	Autocomplete bool           `json:"autocomplete"`
	MinValue     *float64       `json:"min_value"`
	MaxValue     *float64       `json:"max_value"`
	MinLength    *int           `json:"min_length"`
	MaxLength    *int           `json:"max_length"`
	Options      []CommandParam `json:"options"`
}

// Command option types a user types as text.
const (
	optionString  = 3
	optionInteger = 4
	optionBoolean = 5
	optionNumber  = 10
)

// Commands returns the commands of the last bulk overwrite the fake
// accepted in guildID, or of the global commands when guildID is "";
// none before the first.
func (s *Server) Commands(guildID string) ([]Command, error) {
	path := apiPrefix + "/applications/" + s.ApplicationID() + "/commands"
	if guildID != "" {
		path = apiPrefix + "/applications/" + s.ApplicationID() + "/guilds/" + guildID + "/commands"
	}
	reqs := s.Requests()
	for _, r := range slices.Backward(reqs) {
		if r.Method != "PUT" || r.Path != path || refused(r) != nil {
			continue
		}
		var cmds []Command
		if err := r.DecodeResponse(&cmds); err != nil {
			return nil, err
		}
		for i := range cmds {
			if cmds[i].Type == 0 {
				cmds[i].Type = 1
			}
		}
		return cmds, nil
	}
	return nil, nil
}

// ParseSlashCommand reads a slash command typed as in Discord's client
// into the data of its interaction. The text after "/name" fills the
// command's first option, and "option:value" the others, as in
//
//	/quote Trump topic:Europe
//	/summary speaker:Trump sentences:2
//
// Values are typed as the command registered them (string, integer,
// number, boolean) and checked against its minimum and maximum; a
// required option left out is an error, as Discord's client refuses to
// send the command. Subcommands and options of other types (users,
// channels, attachments) are not supported.
func ParseSlashCommand(line string, cmds []Command) (InteractionData, error) {
	name, rest, _ := strings.Cut(strings.TrimSpace(line), " ")
	name = strings.TrimPrefix(name, "/")
	i := slices.IndexFunc(cmds, func(c Command) bool { return c.Name == name && c.Type == 1 })
	if i < 0 {
		var names []string
		for _, c := range cmds {
			if c.Type == 1 {
				names = append(names, "/"+c.Name)
			}
		}
		return InteractionData{}, fmt.Errorf("no command /%s: the bot registered %s", name, strings.Join(names, ", "))
	}
	cmd := cmds[i]
	values, err := splitOptions(cmd, rest)
	if err != nil {
		return InteractionData{}, err
	}
	data := InteractionData{ID: cmd.ID, Name: cmd.Name, Type: 1}
	for _, p := range cmd.Options {
		text, ok := values[p.Name]
		if !ok {
			if p.Required {
				return InteractionData{}, fmt.Errorf("/%s needs %s: (%s)", cmd.Name, p.Name, p.Description)
			}
			continue
		}
		v, err := optionValue(p, text)
		if err != nil {
			return InteractionData{}, fmt.Errorf("/%s %s: %w", cmd.Name, p.Name, err)
		}
		data.Options = append(data.Options, CommandOption{Name: p.Name, Type: p.Type, Value: v})
	}
	return data, nil
}

// splitOptions splits the text after a command's name into its options'
// values, by name: text before the first "name:" is the first option's.
func splitOptions(cmd Command, rest string) (map[string]string, error) {
	values := map[string]string{}
	if len(cmd.Options) == 0 {
		if strings.TrimSpace(rest) != "" {
			return nil, fmt.Errorf("/%s takes no options", cmd.Name)
		}
		return values, nil
	}
	var names []string
	for _, p := range cmd.Options {
		names = append(names, regexp.QuoteMeta(p.Name))
	}
	re := regexp.MustCompile(`(?:^|\s)(` + strings.Join(names, "|") + `):`)
	name, from := cmd.Options[0].Name, 0
	for _, m := range append(re.FindAllStringSubmatchIndex(rest, -1), []int{len(rest), len(rest), len(rest), len(rest)}) {
		v := strings.TrimSpace(rest[from:m[0]])
		switch _, dup := values[name]; {
		case from == 0 && v == "": // nothing before the first name
		case v == "":
			return nil, fmt.Errorf("/%s: %s: has no value", cmd.Name, name)
		case dup:
			return nil, fmt.Errorf("/%s: %s: is given twice", cmd.Name, name)
		default:
			values[name] = v
		}
		name, from = rest[m[2]:m[3]], m[1]
	}
	return values, nil
}

// optionValue converts text to the value of an option of type p.Type,
// checked against p's limits as Discord's client checks them.
func optionValue(p CommandParam, text string) (any, error) {
	switch p.Type {
	case optionString:
		n := utf8.RuneCountInString(text)
		if p.MinLength != nil && n < *p.MinLength {
			return nil, fmt.Errorf("%q is shorter than %d characters", text, *p.MinLength)
		}
		if p.MaxLength != nil && *p.MaxLength > 0 && n > *p.MaxLength {
			return nil, fmt.Errorf("%q is longer than %d characters", text, *p.MaxLength)
		}
		return text, nil
	case optionInteger, optionNumber:
		v, err := strconv.ParseFloat(text, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a number", text)
		}
		if p.Type == optionInteger && v != math.Trunc(v) {
			return nil, fmt.Errorf("%q is not a whole number", text)
		}
		if p.MinValue != nil && v < *p.MinValue {
			return nil, fmt.Errorf("%s is less than %g", text, *p.MinValue)
		}
		if p.MaxValue != nil && v > *p.MaxValue {
			return nil, fmt.Errorf("%s is more than %g", text, *p.MaxValue)
		}
		if p.Type == optionInteger {
			return int64(v), nil
		}
		return v, nil
	case optionBoolean:
		v, err := strconv.ParseBool(text)
		if err != nil {
			return nil, fmt.Errorf("%q is not true or false", text)
		}
		return v, nil
	}
	return nil, fmt.Errorf("options of type %d cannot be typed", p.Type)
}
