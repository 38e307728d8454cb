package discordtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
)

// Interaction callback types a bot answers with.
const (
	CallbackPong                   = 1
	CallbackChannelMessage         = 4
	CallbackDeferredChannelMessage = 5
	CallbackDeferredUpdateMessage  = 6
	CallbackUpdateMessage          = 7
	CallbackAutocompleteResult     = 8
	CallbackModal                  = 9
)

// interactionModalSubmit is the interaction type of a submitted modal.
const interactionModalSubmit = 5

// interactionState is what the fake remembers of a dispatched interaction,
// to answer its callback and webhook routes as Discord would.
type interactionState struct {
	token, appID, channelID string
	typ                     int
	componentMessageID      string // the message a component belongs to
	acked                   bool
	original                string          // id of the response message, once there is one
	followups               map[string]bool // ids of followup messages
}

// registerInteractionLocked remembers the interaction in raw, the data of an
// INTERACTION_CREATE; s.mu must be held.
func (s *Server) registerInteractionLocked(raw json.RawMessage) error {
	var in struct {
		ID            string   `json:"id"`
		Token         string   `json:"token"`
		ApplicationID string   `json:"application_id"`
		ChannelID     string   `json:"channel_id"`
		Type          int      `json:"type"`
		Message       *Message `json:"message"`
		// Kept raw, to refuse numbers; see Member.Permissions.
		AppPermissions json.RawMessage `json:"app_permissions"`
		Member         *struct {
			Permissions json.RawMessage `json:"permissions"`
		} `json:"member"`
	}
	if err := json.Unmarshal(raw, &in); err != nil {
		return err
	}
	if in.ID == "" || in.Token == "" {
		return errors.New("interaction needs an id and a token")
	}
	if err := permissionString("app_permissions", in.AppPermissions); err != nil {
		return err
	}
	if in.Member != nil {
		if err := permissionString("member.permissions", in.Member.Permissions); err != nil {
			return err
		}
	}
	st := &interactionState{
		token:     in.Token,
		appID:     in.ApplicationID,
		channelID: in.ChannelID,
		typ:       in.Type,
		followups: make(map[string]bool),
	}
	if in.Message != nil && in.Message.ID != "" {
		// Updating a component's message edits it, so the fake must know it.
		st.componentMessageID = in.Message.ID
		s.messages[in.Message.ID] = *in.Message
	}
	s.interactions[in.ID] = st
	return nil
}

// permissionString refuses a permission set that is present but not a JSON
// string: Discord never sends one, and discordgo cannot decode it.
func permissionString(field string, v json.RawMessage) error {
	if len(v) == 0 || v[0] == '"' {
		return nil
	}
	return fmt.Errorf("%s is %s, want a decimal string as Discord sends it", field, v)
}

// validCallback reports whether Discord accepts a callback of type cb for
// an interaction of type it.
func validCallback(it, cb int) bool {
	var allowed []int
	switch it {
	case InteractionApplicationCommand:
		allowed = []int{CallbackChannelMessage, CallbackDeferredChannelMessage, CallbackModal}
	case InteractionMessageComponent:
		allowed = []int{CallbackChannelMessage, CallbackDeferredChannelMessage, CallbackDeferredUpdateMessage, CallbackUpdateMessage, CallbackModal}
	case InteractionAutocomplete:
		allowed = []int{CallbackAutocompleteResult}
	case interactionModalSubmit:
		allowed = []int{CallbackChannelMessage, CallbackDeferredChannelMessage, CallbackDeferredUpdateMessage, CallbackUpdateMessage}
	default:
		allowed = []int{CallbackPong}
	}
	return slices.Contains(allowed, cb)
}

// interactionCallback answers POST /interactions/{id}/{token}/callback,
// the one response every interaction gets. It answers 204 No Content, as
// Discord does without ?with_response.
func (s *Server) interactionCallback(w http.ResponseWriter, r *http.Request, req *Request) {
	var body struct {
		Type int             `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if !decodeBody(w, req, &body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.interactions[r.PathValue("interaction_id")]
	switch {
	case st == nil || st.token != r.PathValue("interaction_token"):
		writeError(w, &apiError{status: http.StatusNotFound, Code: codeUnknownInteraction, Message: "Unknown interaction"})
		return
	case st.acked:
		writeError(w, &apiError{status: http.StatusBadRequest, Code: codeAlreadyAcknowledged, Message: "Interaction has already been acknowledged."})
		return
	case !validCallback(st.typ, body.Type):
		writeError(w, formError("type", "INTERACTION_CALLBACK_TYPE_INVALID", "Invalid interaction callback type for this interaction"))
		return
	}

	var data messageBody
	if len(body.Data) > 0 {
		if err := json.Unmarshal(body.Data, &data); err != nil {
			writeError(w, &apiError{status: http.StatusBadRequest, Code: codeInvalidFormBody, Message: "Invalid Form Body: " + err.Error()})
			return
		}
	}
	switch body.Type {
	case CallbackChannelMessage:
		m, apiErr := s.newBotMessageLocked(st.channelID, data, req.Files)
		if apiErr != nil {
			writeError(w, apiErr)
			return
		}
		m.WebhookID = st.appID
		s.messages[m.ID] = m
		st.original = m.ID
	case CallbackDeferredChannelMessage:
		// The user sees "thinking..." until the bot edits @original.
		m := s.botMessage(s.newIDLocked(), st.channelID)
		m.Flags = data.Flags | messageFlagLoading
		m.WebhookID = st.appID
		s.messages[m.ID] = m
		st.original = m.ID
	case CallbackDeferredUpdateMessage:
		st.original = st.componentMessageID
	case CallbackUpdateMessage:
		st.original = st.componentMessageID
		if m, ok := s.messages[st.original]; ok && len(body.Data) > 0 {
			if _, apiErr := s.editLocked(m, body.Data); apiErr != nil {
				writeError(w, apiErr)
				return
			}
		}
	}
	st.acked = true
	w.WriteHeader(http.StatusNoContent)
}

// webhookLocked returns the interaction whose webhook the route names, or
// answers 404 Unknown Webhook: the application id must be the fake's, and
// the interaction must have been acknowledged, for only then does Discord
// open its webhook. s.mu must be held.
func (s *Server) webhookLocked(w http.ResponseWriter, r *http.Request) *interactionState {
	if r.PathValue("application_id") == s.opts.ApplicationID {
		token := r.PathValue("interaction_token")
		for _, st := range s.interactions {
			if st.token == token && st.acked {
				return st
			}
		}
	}
	writeError(w, &apiError{status: http.StatusNotFound, Code: codeUnknownWebhook, Message: "Unknown Webhook"})
	return nil
}

// webhookMessageLocked returns the interaction a webhook route names and
// its message, "@original" or a followup's id, or answers 404 Unknown
// Webhook or Unknown Message. s.mu must be held.
func (s *Server) webhookMessageLocked(w http.ResponseWriter, r *http.Request) (*interactionState, Message, bool) {
	st := s.webhookLocked(w, r)
	if st == nil {
		return nil, Message{}, false
	}
	id := r.PathValue("message_id")
	if id == "@original" {
		id = st.original
	} else if !st.followups[id] {
		id = ""
	}
	m, ok := s.messages[id]
	if !ok {
		writeError(w, &apiError{status: http.StatusNotFound, Code: codeUnknownMessage, Message: "Unknown Message"})
	}
	return st, m, ok
}

// executeWebhook sends a followup message. Like Discord, it answers the
// message only with ?wait=true, else 204.
func (s *Server) executeWebhook(w http.ResponseWriter, r *http.Request, req *Request) {
	var body messageBody
	if !decodeBody(w, req, &body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.webhookLocked(w, r)
	if st == nil {
		return
	}
	m, apiErr := s.newBotMessageLocked(st.channelID, body, req.Files)
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	m.WebhookID = st.appID
	s.messages[m.ID] = m
	st.followups[m.ID] = true
	if r.URL.Query().Get("wait") != "true" {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	writeJSON(w, http.StatusOK, m)
}

func (s *Server) editWebhookMessage(w http.ResponseWriter, r *http.Request, req *Request) {
	var probe map[string]json.RawMessage
	if !decodeBody(w, req, &probe) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, m, ok := s.webhookMessageLocked(w, r)
	if !ok {
		return
	}
	m, apiErr := s.editLocked(m, req.Body)
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	writeJSON(w, http.StatusOK, m)
}

func (s *Server) deleteWebhookMessage(w http.ResponseWriter, r *http.Request, _ *Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, m, ok := s.webhookMessageLocked(w, r)
	if !ok {
		return
	}
	delete(s.messages, m.ID)
	delete(st.followups, m.ID)
	w.WriteHeader(http.StatusNoContent)
}
