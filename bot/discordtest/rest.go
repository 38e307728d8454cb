package discordtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"
	"unicode/utf8"
)

// apiPrefix is where the REST API lives, as on discord.com.
const apiPrefix = "/api/v9"

// Routes the fake serves, without the /api/v9 prefix, as recorded in
// Request.Route and taken by FailNext.
const (
	RouteGateway                 = "GET /gateway"
	RouteGatewayBot              = "GET /gateway/bot"
	RouteCurrentUser             = "GET /users/@me"
	RouteCreateDM                = "POST /users/@me/channels"
	RouteCreateMessage           = "POST /channels/{channel_id}/messages"
	RouteEditMessage             = "PATCH /channels/{channel_id}/messages/{message_id}"
	RouteTyping                  = "POST /channels/{channel_id}/typing"
	RouteInteractionCallback     = "POST /interactions/{interaction_id}/{interaction_token}/callback"
	RouteExecuteWebhook          = "POST /webhooks/{application_id}/{interaction_token}"
	RouteEditWebhookMessage      = "PATCH /webhooks/{application_id}/{interaction_token}/messages/{message_id}"
	RouteDeleteWebhookMessage    = "DELETE /webhooks/{application_id}/{interaction_token}/messages/{message_id}"
	RouteGlobalCommands          = "GET /applications/{application_id}/commands"
	RouteOverwriteGlobalCommands = "PUT /applications/{application_id}/commands"
	RouteGuildCommands           = "GET /applications/{application_id}/guilds/{guild_id}/commands"
	RouteOverwriteGuildCommands  = "PUT /applications/{application_id}/guilds/{guild_id}/commands"

	// AnyRoute, given to FailNext, stands for every served route.
	AnyRoute = "*"
)

// Discord's JSON error codes the fake answers with.
const (
	codeUnknownMessage      = 10008
	codeUnknownWebhook      = 10015
	codeUnknownInteraction  = 10062
	codeAlreadyAcknowledged = 40060
	codeMissingAccess       = 50001
	codeEmptyMessage        = 50006
	codeInvalidFormBody     = 50035
	codeInvalidJSON         = 50109
)

// Discord's limits on what a bot sends.
const (
	maxMessageContentRunes = 2000
	maxEmbedsPerMessage    = 10
	maxCommands            = 100
	maxCommandOptions      = 25
)

// messageFlagLoading marks the placeholder of a deferred response.
const messageFlagLoading = 1 << 7

// route is one served REST route.
type route struct {
	handle func(w http.ResponseWriter, r *http.Request, req *Request)
	// public routes need no bot token: Discord authenticates interaction
	// and webhook routes by the token in their path, and hands the gateway
	// URL to anyone. A wrong token thus fails discordgo's Open at IDENTIFY,
	// with close code 4004, as it does against Discord.
	public bool
}

func (s *Server) restRoutes() map[string]route {
	return map[string]route{
		RouteGateway:                 {handle: s.getGateway, public: true},
		RouteGatewayBot:              {handle: s.getGatewayBot},
		RouteCurrentUser:             {handle: s.getCurrentUser},
		RouteCreateDM:                {handle: s.createDM},
		RouteCreateMessage:           {handle: s.createMessage},
		RouteEditMessage:             {handle: s.editMessage},
		RouteTyping:                  {handle: noContent},
		RouteInteractionCallback:     {handle: s.interactionCallback, public: true},
		RouteExecuteWebhook:          {handle: s.executeWebhook, public: true},
		RouteEditWebhookMessage:      {handle: s.editWebhookMessage, public: true},
		RouteDeleteWebhookMessage:    {handle: s.deleteWebhookMessage, public: true},
		RouteGlobalCommands:          {handle: s.getCommands},
		RouteOverwriteGlobalCommands: {handle: s.overwriteCommands},
		RouteGuildCommands:           {handle: s.getCommands},
		RouteOverwriteGuildCommands:  {handle: s.overwriteCommands},
	}
}

// requestKey carries the *Request being recorded to the route handlers.
type requestKey struct{}

// serveHTTP serves the gateway websocket and the REST API, recording each
// REST request with its answer before the client gets the answer, so that
// a client holding a response finds its request recorded.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/gateway" || r.URL.Path == "/gateway/" {
		s.serveGateway(w, r)
		return
	}
	req := &Request{
		Time:   time.Now(),
		Method: r.Method,
		Path:   r.URL.Path,
		Query:  r.URL.Query(),
		Header: redactToken(r.Header),
	}
	rec := httptest.NewRecorder()
	s.serveREST(rec, r, req)
	req.Status = rec.Code
	if rec.Body.Len() > 0 {
		req.Response = bytes.Clone(rec.Body.Bytes())
	}
	s.recordRequest(*req)

	maps.Copy(w.Header(), rec.Header())
	w.WriteHeader(rec.Code)
	_, _ = w.Write(rec.Body.Bytes()) // a client that hung up is no concern of the fake
}

func (s *Server) serveREST(w http.ResponseWriter, r *http.Request, req *Request) {
	if _, pattern := s.mux.Handler(r); pattern != "" {
		req.Route = strings.Replace(pattern, " "+apiPrefix, " ", 1)
	}
	body, files, bodyErr := readBody(r)
	req.Body, req.Files = body, files

	rt, served := s.routes[req.Route]
	switch {
	case !served:
		writeError(w, &apiError{status: http.StatusNotFound, Message: "404: Not Found"})
	case bodyErr != nil:
		writeError(w, &apiError{status: http.StatusBadRequest, Code: codeInvalidJSON, Message: "The request body contains invalid JSON."})
	case !rt.public && !s.authorized(r):
		writeError(w, &apiError{status: http.StatusUnauthorized, Message: "401: Unauthorized"})
	default:
		if f, ok := s.takeFault(req.Route); ok {
			f.write(w)
			return
		}
		r = r.WithContext(context.WithValue(r.Context(), requestKey{}, req))
		r.Body = io.NopCloser(bytes.NewReader(body))
		s.mux.ServeHTTP(w, r)
	}
}

// serveMux adapts a route handler to the mux, handing it the request record.
func (rt route) serveMux(w http.ResponseWriter, r *http.Request) {
	rt.handle(w, r, r.Context().Value(requestKey{}).(*Request))
}

func (s *Server) authorized(r *http.Request) bool {
	got := r.Header.Get("Authorization")
	if s.opts.Token == "" {
		return got != ""
	}
	return got == "Bot "+s.opts.Token
}

// redactToken returns a copy of h with the token of Authorization replaced,
// keeping its scheme, so records can be printed.
func redactToken(h http.Header) http.Header {
	out := h.Clone()
	for i, v := range out.Values("Authorization") {
		if scheme, _, ok := strings.Cut(v, " "); ok {
			out["Authorization"][i] = scheme + " [redacted]"
		} else {
			out["Authorization"][i] = "[redacted]"
		}
	}
	return out
}

// readBody returns the JSON body of r, or its payload_json part and files
// when it is multipart, as discordgo sends uploads.
func readBody(r *http.Request) (json.RawMessage, []File, error) {
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read body: %w", err)
	}
	if len(data) == 0 {
		return nil, nil, nil
	}
	mediaType, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mediaType != "multipart/form-data" {
		if !json.Valid(data) {
			return nil, nil, fmt.Errorf("body is not JSON")
		}
		return data, nil, nil
	}
	var body json.RawMessage
	var files []File
	mr := multipart.NewReader(bytes.NewReader(data), params["boundary"])
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return body, files, nil
		}
		if err != nil {
			return nil, nil, fmt.Errorf("cannot read multipart body: %w", err)
		}
		content, err := io.ReadAll(part)
		if err != nil {
			return nil, nil, fmt.Errorf("cannot read part %q: %w", part.FormName(), err)
		}
		switch {
		case part.FormName() == "payload_json":
			if !json.Valid(content) {
				return nil, nil, fmt.Errorf("payload_json is not JSON")
			}
			body = content
		case part.FileName() != "":
			files = append(files, File{
				Field:       part.FormName(),
				Name:        part.FileName(),
				ContentType: part.Header.Get("Content-Type"),
				Data:        content,
			})
		}
	}
}

// apiError is Discord's JSON error body, with the HTTP status to send.
type apiError struct {
	status  int
	Code    int    `json:"code"`
	Message string `json:"message"`
	Errors  any    `json:"errors,omitempty"`
}

// formError is Discord's 50035 "Invalid Form Body", naming the field at
// path, dot separated as in "0.options.1.name".
func formError(path, code, message string) *apiError {
	var errs any = map[string]any{"_errors": []map[string]string{{"code": code, "message": message}}}
	parts := strings.Split(path, ".")
	for i := len(parts) - 1; i >= 0; i-- {
		errs = map[string]any{parts[i]: errs}
	}
	return &apiError{status: http.StatusBadRequest, Code: codeInvalidFormBody, Message: "Invalid Form Body", Errors: errs}
}

func writeError(w http.ResponseWriter, e *apiError) { writeJSON(w, e.status, e) }

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(mustMarshal(v)) // w is a recorder; writes cannot fail
}

func noContent(w http.ResponseWriter, _ *http.Request, _ *Request) {
	w.WriteHeader(http.StatusNoContent)
}

// decodeBody decodes the request body into v, or answers 400 as Discord
// does for a field of the wrong type, and reports whether it succeeded.
func decodeBody(w http.ResponseWriter, req *Request, v any) bool {
	if len(req.Body) == 0 {
		writeError(w, &apiError{status: http.StatusBadRequest, Code: codeInvalidFormBody, Message: "Invalid Form Body"})
		return false
	}
	if err := json.Unmarshal(req.Body, v); err != nil {
		writeError(w, &apiError{status: http.StatusBadRequest, Code: codeInvalidFormBody, Message: "Invalid Form Body: " + err.Error()})
		return false
	}
	return true
}

func (s *Server) getGateway(w http.ResponseWriter, _ *http.Request, _ *Request) {
	writeJSON(w, http.StatusOK, map[string]string{"url": s.GatewayURL()})
}

func (s *Server) getGatewayBot(w http.ResponseWriter, _ *http.Request, _ *Request) {
	type startLimit struct {
		Total          int `json:"total"`
		Remaining      int `json:"remaining"`
		ResetAfter     int `json:"reset_after"`
		MaxConcurrency int `json:"max_concurrency"`
	}
	writeJSON(w, http.StatusOK, struct {
		URL               string     `json:"url"`
		Shards            int        `json:"shards"`
		SessionStartLimit startLimit `json:"session_start_limit"`
	}{s.GatewayURL(), s.opts.Shards, startLimit{Total: 1000, Remaining: 1000, ResetAfter: 86400000, MaxConcurrency: 1}})
}

func (s *Server) getCurrentUser(w http.ResponseWriter, _ *http.Request, _ *Request) {
	writeJSON(w, http.StatusOK, s.currentUser())
}

// createDM opens, or reopens, the DM channel with a user.
func (s *Server) createDM(w http.ResponseWriter, _ *http.Request, req *Request) {
	var body struct {
		RecipientID string `json:"recipient_id"`
	}
	if !decodeBody(w, req, &body) {
		return
	}
	if body.RecipientID == "" {
		writeError(w, formError("recipient_id", "BASE_TYPE_REQUIRED", "This field is required"))
		return
	}
	s.mu.Lock()
	id, ok := s.dmChannels[body.RecipientID]
	if !ok {
		id = s.newIDLocked()
		s.dmChannels[body.RecipientID] = id
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{
		"id":              id,
		"type":            1, // DM
		"last_message_id": nil,
		"flags":           0,
		"recipients":      []User{{ID: body.RecipientID, Discriminator: "0"}},
	})
}

// messageBody is what a bot sends to create a message, in any of the
// routes that do.
type messageBody struct {
	Content          *string           `json:"content"`
	TTS              bool              `json:"tts"`
	Embeds           []json.RawMessage `json:"embeds"`
	Components       []json.RawMessage `json:"components"`
	StickerIDs       []string          `json:"sticker_ids"`
	Poll             json.RawMessage   `json:"poll"`
	Flags            int               `json:"flags"`
	MessageReference *MessageReference `json:"message_reference"`
}

// botMessage returns a message by the bot in channelID with nothing in
// it, its lists empty rather than null, as Discord sends them.
func (s *Server) botMessage(id, channelID string) Message {
	return Message{
		ID:           id,
		ChannelID:    channelID,
		Author:       s.BotUser(),
		Timestamp:    time.Now().UTC(),
		Mentions:     []User{},
		MentionRoles: []string{},
		Attachments:  []json.RawMessage{},
		Embeds:       []json.RawMessage{},
		Components:   []json.RawMessage{},
	}
}

// newBotMessageLocked validates body as Discord does and returns the
// message the bot thus creates in channelID; s.mu must be held.
func (s *Server) newBotMessageLocked(channelID string, body messageBody, files []File) (Message, *apiError) {
	content := ""
	if body.Content != nil {
		content = *body.Content
	}
	if n := utf8.RuneCountInString(content); n > maxMessageContentRunes {
		return Message{}, formError("content", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", maxMessageContentRunes))
	}
	if len(body.Embeds) > maxEmbedsPerMessage {
		return Message{}, formError("embeds", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", maxEmbedsPerMessage))
	}
	hasPoll := len(body.Poll) > 0 && string(body.Poll) != "null"
	if content == "" && len(body.Embeds) == 0 && len(body.Components) == 0 && len(body.StickerIDs) == 0 && len(files) == 0 && !hasPoll {
		return Message{}, &apiError{status: http.StatusBadRequest, Code: codeEmptyMessage, Message: "Cannot send an empty message"}
	}
	m := s.botMessage(s.newIDLocked(), channelID)
	m.Content, m.TTS, m.Flags, m.Type = content, body.TTS, body.Flags, MessageTypeDefault
	m.Embeds, m.Components = orEmpty(body.Embeds), orEmpty(body.Components)
	for _, f := range files {
		m.Attachments = append(m.Attachments, mustMarshal(map[string]any{
			"id":           s.newIDLocked(),
			"filename":     f.Name,
			"size":         len(f.Data),
			"content_type": f.ContentType,
			"url":          "https://cdn.discordapp.com/attachments/" + channelID + "/" + m.ID + "/" + f.Name,
		}))
	}
	if body.MessageReference != nil {
		ref := *body.MessageReference
		if ref.ChannelID == "" {
			ref.ChannelID = channelID
		}
		m.Type = MessageTypeReply
		m.MessageReference = &ref
	}
	if !s.opts.NoHistory {
		s.messages[m.ID] = m
	}
	return m, nil
}

// editLocked applies an edit body to m, as the message edit routes do;
// s.mu must be held.
func (s *Server) editLocked(m Message, raw json.RawMessage) (Message, *apiError) {
	var edit struct {
		Content    *string            `json:"content"`
		Embeds     *[]json.RawMessage `json:"embeds"`
		Components *[]json.RawMessage `json:"components"`
		Flags      *int               `json:"flags"`
	}
	if err := json.Unmarshal(raw, &edit); err != nil {
		return m, &apiError{status: http.StatusBadRequest, Code: codeInvalidFormBody, Message: "Invalid Form Body: " + err.Error()}
	}
	if edit.Content != nil {
		if utf8.RuneCountInString(*edit.Content) > maxMessageContentRunes {
			return m, formError("content", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", maxMessageContentRunes))
		}
		m.Content = *edit.Content
	}
	if edit.Embeds != nil {
		m.Embeds = orEmpty(*edit.Embeds)
	}
	if edit.Components != nil {
		m.Components = orEmpty(*edit.Components)
	}
	if edit.Flags != nil {
		m.Flags = *edit.Flags
	}
	// Editing a deferred response's placeholder makes it a real message.
	m.Flags &^= messageFlagLoading
	now := time.Now().UTC()
	m.EditedTimestamp = &now
	s.messages[m.ID] = m
	return m, nil
}

func (s *Server) createMessage(w http.ResponseWriter, r *http.Request, req *Request) {
	var body messageBody
	if !decodeBody(w, req, &body) {
		return
	}
	s.mu.Lock()
	m, apiErr := s.newBotMessageLocked(r.PathValue("channel_id"), body, req.Files)
	s.mu.Unlock()
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	writeJSON(w, http.StatusOK, m)
}

// editMessage edits a message the bot created; the fake knows no others.
func (s *Server) editMessage(w http.ResponseWriter, r *http.Request, req *Request) {
	var probe map[string]json.RawMessage
	if !decodeBody(w, req, &probe) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.messages[r.PathValue("message_id")]
	if !ok || m.ChannelID != r.PathValue("channel_id") {
		writeError(w, &apiError{status: http.StatusNotFound, Code: codeUnknownMessage, Message: "Unknown Message"})
		return
	}
	m, apiErr := s.editLocked(m, req.Body)
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	writeJSON(w, http.StatusOK, m)
}
