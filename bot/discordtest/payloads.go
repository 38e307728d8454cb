package discordtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// The types below are Discord's JSON objects as they travel on the wire,
// written from Discord's documentation rather than borrowed from discordgo,
// so that a tag discordgo gets wrong shows up as a failing test.

// DefaultPermissions is the permission set interactions report, for the
// member and the bot alike, when the test sets none: view channel, send
// messages, embed links, read history and use application commands.
// Discord sends permission sets as decimal strings.
const DefaultPermissions = "2147568640"

// Message types, as in Message.Type.
const (
	MessageTypeDefault = 0
	MessageTypeReply   = 19
)

// Interaction types, as in Interaction.Type.
const (
	InteractionApplicationCommand = 2
	InteractionMessageComponent   = 3
	InteractionAutocomplete       = 4
)

// User is a Discord user object.
type User struct {
	ID            string `json:"id"`
	Username      string `json:"username"`
	Discriminator string `json:"discriminator"` // "0" since the username migration
	GlobalName    string `json:"global_name,omitempty"`
	Bot           bool   `json:"bot,omitempty"`
}

// currentUser is the user object GET /users/@me and READY carry.
type currentUser struct {
	User
	Verified    bool `json:"verified"`
	MFAEnabled  bool `json:"mfa_enabled"`
	Flags       int  `json:"flags"`
	PublicFlags int  `json:"public_flags"`
}

func (s *Server) currentUser() currentUser {
	return currentUser{User: s.BotUser(), Verified: true}
}

// Member is a guild member object.
type Member struct {
	User     *User     `json:"user,omitempty"` // absent in a message's member
	Nick     string    `json:"nick,omitempty"`
	Roles    []string  `json:"roles"`
	JoinedAt time.Time `json:"joined_at"`
	Deaf     bool      `json:"deaf"`
	Mute     bool      `json:"mute"`
	// Permissions is only sent in interactions: the member's permission set
	// in the channel as a decimal string, such as "8". discordgo decodes it
	// with a ",string" tag; given a JSON number, it logs an error and hands
	// its handlers an empty Interaction (no id, type 0), on which
	// ApplicationCommandData panics. Dispatch refuses such payloads.
	Permissions string `json:"permissions,omitempty"`
}

// MessageReference points a reply at the message it answers.
type MessageReference struct {
	Type      int    `json:"type"` // 0: reply
	MessageID string `json:"message_id"`
	ChannelID string `json:"channel_id,omitempty"`
	GuildID   string `json:"guild_id,omitempty"`
}

// Message is a Discord message object.
type Message struct {
	ID        string `json:"id"`
	ChannelID string `json:"channel_id"`
	// GuildID is empty for a DM.
	GuildID string `json:"guild_id,omitempty"`
	Author  User   `json:"author"`
	// Member is the author's partial member object in a guild.
	Member            *Member           `json:"member,omitempty"`
	Content           string            `json:"content"`
	Timestamp         time.Time         `json:"timestamp"`
	EditedTimestamp   *time.Time        `json:"edited_timestamp"`
	TTS               bool              `json:"tts"`
	MentionEveryone   bool              `json:"mention_everyone"`
	Mentions          []User            `json:"mentions"`
	MentionRoles      []string          `json:"mention_roles"`
	Attachments       []json.RawMessage `json:"attachments"`
	Embeds            []json.RawMessage `json:"embeds"`
	Components        []json.RawMessage `json:"components"`
	Pinned            bool              `json:"pinned"`
	Type              int               `json:"type"`
	Flags             int               `json:"flags"`
	WebhookID         string            `json:"webhook_id,omitempty"`
	MessageReference  *MessageReference `json:"message_reference,omitempty"`
	ReferencedMessage *Message          `json:"referenced_message,omitempty"`
}

// Interaction is a Discord interaction object, as INTERACTION_CREATE
// carries it.
type Interaction struct {
	ID            string          `json:"id"`
	ApplicationID string          `json:"application_id"`
	Type          int             `json:"type"`
	Data          InteractionData `json:"data"`
	// GuildID is empty for an interaction in a DM.
	GuildID   string `json:"guild_id,omitempty"`
	ChannelID string `json:"channel_id"`
	// Member is the invoking member in a guild; User the invoking user in a
	// DM. Discord never sends both.
	Member *Member `json:"member,omitempty"`
	User   *User   `json:"user,omitempty"`
	// Message is the message a component belongs to.
	Message *Message `json:"message,omitempty"`
	// AppPermissions is the bot's permission set in the channel, a decimal
	// string for the same reason as Member.Permissions.
	AppPermissions               string            `json:"app_permissions"`
	Locale                       string            `json:"locale,omitempty"`
	GuildLocale                  string            `json:"guild_locale,omitempty"`
	Token                        string            `json:"token"`
	Version                      int               `json:"version"`
	Context                      int               `json:"context"`
	AuthorizingIntegrationOwners map[string]string `json:"authorizing_integration_owners"`
	Entitlements                 []json.RawMessage `json:"entitlements"`
}

// InteractionData is the data of an application command, autocomplete or
// message component interaction; each kind uses its own fields.
type InteractionData struct {
	// Application commands and autocomplete.
	ID      string          `json:"id,omitempty"`
	Name    string          `json:"name,omitempty"`
	Type    int             `json:"type,omitempty"` // 1: chat input (slash) command
	Options []CommandOption `json:"options,omitempty"`

	// Message components.
	CustomID      string   `json:"custom_id,omitempty"`
	ComponentType int      `json:"component_type,omitempty"` // 2: button
	Values        []string `json:"values,omitempty"`
}

// CommandOption is an option the user filled in, or a subcommand holding
// options. Type is Discord's option type (3 string, 4 integer, 5 boolean,
// 6 user, ...); Value a string, number or boolean.
type CommandOption struct {
	Name    string          `json:"name"`
	Type    int             `json:"type"`
	Value   any             `json:"value,omitempty"`
	Options []CommandOption `json:"options,omitempty"`
	// Focused marks the option the user is typing, in autocomplete.
	Focused bool `json:"focused,omitempty"`
}

// DispatchMessageCreate sends MESSAGE_CREATE for m, a message a user posted,
// and returns m as sent. ChannelID and Author.ID are required; leave GuildID
// empty for a DM. The fake fills in the id, timestamp, empty lists, the
// author's partial member in a guild, and for a reply (MessageReference set) the
// reply type and the reference's channel and guild. A reply that pings the
// author of the message it replies to lists them in Mentions, as on
// Discord, where pinging is the default; leave them out for a reply whose
// ping was switched off. Sessions without the Message Content intent get
// m with its content withheld, as Dispatch says.
func (s *Server) DispatchMessageCreate(m Message) (Message, error) {
	if m.ChannelID == "" || m.Author.ID == "" {
		return m, errors.New("cannot dispatch MESSAGE_CREATE: message needs a channel id and an author id")
	}
	if m.GuildID == "" && m.Member != nil {
		return m, errors.New("cannot dispatch MESSAGE_CREATE: a DM has no member")
	}
	if m.ID == "" {
		m.ID = s.NewID()
	}
	now := time.Now().UTC()
	if m.Timestamp.IsZero() {
		m.Timestamp = now
	}
	if m.Author.Discriminator == "" {
		m.Author.Discriminator = "0"
	}
	if m.GuildID != "" {
		member := Member{JoinedAt: now}
		if m.Member != nil {
			member = *m.Member
		}
		member.Roles = orEmpty(member.Roles)
		m.Member = &member
	}
	m.Mentions = orEmpty(m.Mentions)
	m.MentionRoles = orEmpty(m.MentionRoles)
	m.Attachments = orEmpty(m.Attachments)
	m.Embeds = orEmpty(m.Embeds)
	m.Components = orEmpty(m.Components)
	if m.MessageReference != nil {
		ref := *m.MessageReference // the caller's stays as it was
		m.Type = MessageTypeReply
		if ref.ChannelID == "" {
			ref.ChannelID = m.ChannelID
		}
		if ref.GuildID == "" {
			ref.GuildID = m.GuildID
		}
		m.MessageReference = &ref
	}
	return m, s.Dispatch("MESSAGE_CREATE", m)
}

// DispatchSlashCommand sends INTERACTION_CREATE for a chat input command and
// returns the interaction as sent. ChannelID, Data.Name and a user are
// required. The fake fills in the interaction type, command type 1, ids,
// token, application id, locale and context; see fillInteraction for the
// user and permissions.
func (s *Server) DispatchSlashCommand(in Interaction) (Interaction, error) {
	in.Type = InteractionApplicationCommand
	return s.dispatchCommand(in)
}

// DispatchAutocomplete sends INTERACTION_CREATE for autocomplete on a chat
// input command, as DispatchSlashCommand does. Exactly one option, possibly
// inside a subcommand, must have Focused set.
func (s *Server) DispatchAutocomplete(in Interaction) (Interaction, error) {
	in.Type = InteractionAutocomplete
	if n := countFocused(in.Data.Options); n != 1 {
		return in, fmt.Errorf("cannot dispatch autocomplete: %d options are focused, want 1", n)
	}
	return s.dispatchCommand(in)
}

func (s *Server) dispatchCommand(in Interaction) (Interaction, error) {
	if in.Data.Name == "" {
		return in, errors.New("cannot dispatch application command: Data.Name is empty")
	}
	if in.Data.Type == 0 {
		in.Data.Type = 1
	}
	if in.Data.ID == "" {
		in.Data.ID = s.NewID()
	}
	if err := s.fillInteraction(&in); err != nil {
		return in, err
	}
	return in, s.Dispatch("INTERACTION_CREATE", in)
}

// DispatchComponent sends INTERACTION_CREATE for a click on a message
// component and returns the interaction as sent. ChannelID, Data.CustomID
// and a user are required. Data.ComponentType defaults to 2, a button; the
// Message defaults to an empty message of the bot's in the channel.
func (s *Server) DispatchComponent(in Interaction) (Interaction, error) {
	in.Type = InteractionMessageComponent
	if in.Data.CustomID == "" {
		return in, errors.New("cannot dispatch component interaction: Data.CustomID is empty")
	}
	if in.Data.ComponentType == 0 {
		in.Data.ComponentType = 2
	}
	if err := s.fillInteraction(&in); err != nil {
		return in, err
	}
	if in.Message == nil {
		m := s.botMessage(s.NewID(), in.ChannelID)
		m.GuildID = in.GuildID
		in.Message = &m
	}
	return in, s.Dispatch("INTERACTION_CREATE", in)
}

// fillInteraction sets the fields every interaction carries. The invoking
// user may be given as User: in a guild it moves into Member, where Discord
// puts it, so a test can set User and Member.Permissions alone. Empty permission sets default to DefaultPermissions.
// Member and User are copied, so the caller's values stay as they were.
func (s *Server) fillInteraction(in *Interaction) error {
	if in.ChannelID == "" {
		return errors.New("cannot dispatch interaction: ChannelID is empty")
	}
	if in.GuildID == "" && in.Member != nil {
		return errors.New("cannot dispatch interaction: a DM interaction has a User, not a Member")
	}
	var member Member
	if in.Member != nil {
		member = *in.Member
	}
	var user User
	switch {
	case member.User != nil:
		user = *member.User
	case in.User != nil:
		user = *in.User
	}
	if user.ID == "" {
		return errors.New("cannot dispatch interaction: no invoking user")
	}
	if user.Discriminator == "" {
		user.Discriminator = "0"
	}
	if in.ID == "" {
		in.ID = s.NewID()
	}
	if in.Token == "" {
		in.Token = "interaction-token-" + in.ID
	}
	if in.ApplicationID == "" {
		in.ApplicationID = s.opts.ApplicationID
	}
	if in.AppPermissions == "" {
		in.AppPermissions = DefaultPermissions
	}
	if in.Locale == "" {
		in.Locale = "en-US"
	}
	in.Version = 1
	in.Entitlements = orEmpty(in.Entitlements)
	// Context and owners say where the interaction happened and who
	// installed the app: 0 is a guild install, 1 a user install in a DM.
	if in.GuildID == "" {
		in.User, in.Member = &user, nil
		in.Context = 1
		in.AuthorizingIntegrationOwners = map[string]string{"1": user.ID}
		return nil
	}
	member.User = &user
	member.Roles = orEmpty(member.Roles)
	if member.JoinedAt.IsZero() {
		member.JoinedAt = time.Now().UTC()
	}
	if member.Permissions == "" {
		member.Permissions = DefaultPermissions
	}
	in.Member, in.User = &member, nil
	in.Context = 0
	in.AuthorizingIntegrationOwners = map[string]string{"0": in.GuildID}
	if in.GuildLocale == "" {
		in.GuildLocale = "en-US"
	}
	return nil
}

func countFocused(opts []CommandOption) int {
	n := 0
	for _, o := range opts {
		if o.Focused {
			n++
		}
		n += countFocused(o.Options)
	}
	return n
}

// orEmpty turns a nil slice into an empty one, because Discord sends []
// where a Go nil slice would encode as null.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
