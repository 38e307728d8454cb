package discordtest

import (
	"cmp"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Gateway opcodes a client sends, as recorded in Frame.Op.
const (
	OpHeartbeat           = 1
	OpIdentify            = 2
	OpPresenceUpdate      = 3
	OpVoiceStateUpdate    = 4
	OpResume              = 6
	OpRequestGuildMembers = 8

	// OpClose is no Discord opcode: it records a close frame the client
	// sent, with its code in Frame.CloseCode.
	OpClose = -1
)

// Opcodes only the server sends.
const (
	opDispatch       = 0
	opInvalidSession = 9
	opHello          = 10
	opHeartbeatACK   = 11
)

// Gateway close codes the fake sends, with Discord's meaning.
const (
	CloseUnknownOpcode        = 4001
	CloseDecodeError          = 4002
	CloseNotAuthenticated     = 4003
	CloseAuthenticationFailed = 4004
	CloseAlreadyAuthenticated = 4005
	CloseInvalidShard         = 4010
	CloseDisallowedIntents    = 4014
)

// Intents the fake honours when it decides who receives a message event.
const (
	intentGuildMessages  = 1 << 9
	intentDirectMessages = 1 << 12
	intentMessageContent = 1 << 15
)

const (
	// writeTimeout bounds a write to a client that stopped reading, so a
	// stuck test fails instead of hanging a Dispatch.
	writeTimeout = 10 * time.Second
	// closeGrace is how long the fake waits, after its close frame, for the
	// client to hang up before it does.
	closeGrace = 5 * time.Second
)

// ErrNoSession is returned by the Dispatch methods when no gateway session
// would receive the event: none identified on the event's shard, or those
// that did lack the intent the event needs.
var ErrNoSession = errors.New("no gateway session receives the event")

// Frame is one gateway payload a client sent to the fake.
type Frame struct {
	// Conn numbers websocket connections in the order the fake accepted
	// them, from 1.
	Conn int
	// SessionID is the gateway session of the connection, once it
	// identified or resumed, or the session a RESUME asks for.
	SessionID string
	Op        int
	// Data is the payload's "d", as sent.
	Data json.RawMessage

	Identify  *Identify // set when Op is OpIdentify
	Resume    *Resume   // set when Op is OpResume
	CloseCode int       // set when Op is OpClose
}

// Identify is the decoded data of an IDENTIFY.
type Identify struct {
	// Token is the token as sent; discordgo sends "Bot <token>".
	Token   string
	Intents int64
	// Shard is [shard id, shard count], [0, 1] when the client sent none.
	Shard [2]int
}

// Resume is the decoded data of a RESUME.
type Resume struct {
	Token     string
	SessionID string
	// Seq is the last sequence number the client received.
	Seq int64
}

// gatewayConn is one websocket connection.
type gatewayConn struct {
	srv *Server
	id  int
	ws  *websocket.Conn

	writeMu sync.Mutex // gorilla allows one writer at a time

	// Owned by the goroutine reading the connection.
	session *gatewaySession
	closing bool // the fake sent a close frame; only waiting for the client to hang up
}

// gatewaySession is what Discord keeps per session id: the events sent, for
// replay on RESUME, and the connection the session is attached to.
type gatewaySession struct {
	id      string
	intents int64
	shard   [2]int
	// forget drops events once sent (Options.NoHistory).
	forget bool

	mu     sync.Mutex
	seq    int64
	events []event      // every dispatch, for replay
	conn   *gatewayConn // nil while the client is away
}

// event is a dispatch (op 0) as sent to one session.
type event struct {
	seq  int64
	name string
	data json.RawMessage
}

// serveGateway upgrades r to a websocket and serves the gateway on it until
// either side closes it.
func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if enc := q.Get("encoding"); enc != "" && enc != "json" {
		http.Error(w, "discordtest speaks only encoding=json, not "+enc, http.StatusBadRequest)
		return
	}
	if q.Get("compress") != "" {
		http.Error(w, "discordtest does not support transport compression", http.StatusBadRequest)
		return
	}
	ws, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade has answered the client.
	}
	c := s.addConn(ws)
	if c == nil {
		ws.Close()
		return
	}
	clean := c.serve()
	s.removeConn(c, clean)
}

func (s *Server) addConn(ws *websocket.Conn) *gatewayConn {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.connSeq++
	c := &gatewayConn{srv: s, id: s.connSeq, ws: ws}
	s.conns[c] = struct{}{}
	return c
}

// removeConn forgets c once its reader ended. A clean close ends the
// session, as on Discord; any other end leaves it resumable.
func (s *Server) removeConn(c *gatewayConn, clean bool) {
	c.ws.Close()
	gs := c.session
	if gs != nil {
		gs.mu.Lock()
		if gs.conn == c {
			gs.conn = nil
		}
		gs.mu.Unlock()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.conns, c)
	if clean && gs != nil {
		delete(s.sessions, gs.id)
	}
}

// connsLocked returns the open connections in accept order; s.mu must be held.
func (s *Server) connsLocked() []*gatewayConn {
	conns := make([]*gatewayConn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	slices.SortFunc(conns, func(a, b *gatewayConn) int { return cmp.Compare(a.id, b.id) })
	return conns
}

// sessionsLocked returns the live sessions by id; s.mu must be held.
func (s *Server) sessionsLocked() []*gatewaySession {
	sessions := make([]*gatewaySession, 0, len(s.sessions))
	for _, gs := range s.sessions {
		sessions = append(sessions, gs)
	}
	slices.SortFunc(sessions, func(a, b *gatewaySession) int { return strings.Compare(a.id, b.id) })
	return sessions
}

// DropConnections closes every gateway connection abruptly, with no close
// frame, as a network failure would. Sessions stay resumable: discordgo
// reconnects (after its own one-second Close) and sends RESUME, and the fake
// replays the events dispatched in between.
func (s *Server) DropConnections() {
	s.mu.Lock()
	conns := s.connsLocked()
	sessions := s.sessionsLocked()
	s.mu.Unlock()

	// Detach first: an event dispatched as soon as DropConnections returns
	// must wait for the resume rather than go to a dying connection.
	for _, gs := range sessions {
		gs.mu.Lock()
		gs.conn = nil
		gs.mu.Unlock()
	}
	for _, c := range conns {
		c.ws.Close()
	}
}

// Dispatch sends a dispatch event (op 0) with type eventType, such as
// "MESSAGE_CREATE", and data, which must encode as a JSON object, to every
// session Discord would send it to:
//
//   - Sharding: an event whose data has a guild_id goes to the sessions
//     whose shard is ShardOf(guild_id, shard count); others go to shard 0.
//   - Intents: message events go only to sessions with GUILD_MESSAGES (in a
//     guild) or DIRECT_MESSAGES (in a DM). Without MESSAGE_CONTENT, a
//     guild message that is not the bot's own and does not mention the bot
//     arrives with empty content, embeds, attachments and components, and
//     no poll; so does the message it replies to, on the same terms. A
//     reply that does not ping the bot is such a message.
//
// A session whose connection dropped keeps the event and gets it when it
// resumes. An INTERACTION_CREATE registers the interaction, so the REST
// routes can answer its callback and webhooks. Dispatch returns an error
// wrapping ErrNoSession when no session receives the event.
func (s *Server) Dispatch(eventType string, data any) error {
	raw, err := json.Marshal(data)
	if err != nil {
		return fmt.Errorf("cannot dispatch %s: %w", eventType, err)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil || fields == nil {
		return fmt.Errorf("cannot dispatch %s: data must encode as a JSON object", eventType)
	}
	var head struct {
		GuildID string `json:"guild_id"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return fmt.Errorf("cannot dispatch %s: guild_id: %w", eventType, err)
	}

	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return fmt.Errorf("cannot dispatch %s: the server is closed", eventType)
	}
	if eventType == "INTERACTION_CREATE" {
		if err := s.registerInteractionLocked(raw); err != nil {
			s.mu.Unlock()
			return fmt.Errorf("cannot dispatch %s: %w", eventType, err)
		}
	}
	sessions := s.sessionsLocked()
	s.mu.Unlock()

	onShard, delivered := 0, 0
	for _, gs := range sessions {
		shard, err := ShardOf(head.GuildID, gs.shard[1])
		if err != nil {
			return fmt.Errorf("cannot dispatch %s: %w", eventType, err)
		}
		if shard != gs.shard[0] {
			continue
		}
		onShard++
		payload, ok := s.eventFor(gs, eventType, head.GuildID, fields)
		if !ok {
			continue
		}
		gs.dispatch(eventType, payload)
		delivered++
	}
	if delivered == 0 {
		return fmt.Errorf("cannot dispatch %s for guild %q: %w (%d sessions, %d on its shard, none with the intents)",
			eventType, head.GuildID, ErrNoSession, len(sessions), onShard)
	}
	return nil
}

// eventFor returns the data of an event as Discord would send it to gs, and
// false when Discord would not send it at all.
func (s *Server) eventFor(gs *gatewaySession, eventType, guildID string, fields map[string]json.RawMessage) (json.RawMessage, bool) {
	switch eventType {
	case "MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "MESSAGE_DELETE_BULK":
		need := int64(intentDirectMessages)
		if guildID != "" {
			need = intentGuildMessages
		}
		if gs.intents&need == 0 {
			return nil, false
		}
	}
	hasContent := eventType == "MESSAGE_CREATE" || eventType == "MESSAGE_UPDATE"
	if !hasContent || guildID == "" || gs.intents&intentMessageContent != 0 {
		return mustMarshal(fields), true
	}
	return mustMarshal(s.withheld(fields)), true
}

// withheld returns a guild message as Discord sends it to a session
// without MESSAGE_CONTENT: unless the bot wrote it or it mentions the bot,
// its content, embeds, attachments and components are empty and its poll
// is left out. The message it replies to, sent with it, is held to the
// same rule: a reply to the bot carries the bot's words, a reply to
// someone else does not.
func (s *Server) withheld(fields map[string]json.RawMessage) map[string]json.RawMessage {
	out := maps.Clone(fields)
	if !s.addressesBot(fields) {
		out["content"] = json.RawMessage(`""`)
		for _, k := range []string{"embeds", "attachments", "components"} {
			out[k] = json.RawMessage(`[]`)
		}
		delete(out, "poll")
	}
	var ref map[string]json.RawMessage
	// A missing, null or undecodable referenced_message is left as it is.
	if json.Unmarshal(fields["referenced_message"], &ref) == nil && ref != nil {
		out["referenced_message"] = mustMarshal(s.withheld(ref))
	}
	return out
}

// addressesBot reports whether a message is exempt from the MESSAGE_CONTENT
// intent: the bot wrote it or it mentions the bot.
func (s *Server) addressesBot(fields map[string]json.RawMessage) bool {
	var author struct {
		ID string `json:"id"`
	}
	var mentions []struct {
		ID string `json:"id"`
	}
	// Undecodable fields count as absent: the message is then redacted.
	_ = json.Unmarshal(fields["author"], &author)
	_ = json.Unmarshal(fields["mentions"], &mentions)
	if author.ID == s.opts.BotUserID {
		return true
	}
	return slices.ContainsFunc(mentions, func(u struct {
		ID string `json:"id"`
	}) bool {
		return u.ID == s.opts.BotUserID
	})
}

// dispatch records an event for gs and sends it if gs is connected.
func (gs *gatewaySession) dispatch(name string, data json.RawMessage) {
	gs.mu.Lock()
	defer gs.mu.Unlock()
	gs.seq++
	ev := event{seq: gs.seq, name: name, data: data}
	if gs.conn == nil {
		gs.events = append(gs.events, ev) // kept for the resume
		return
	}
	err := gs.conn.send(opDispatch, ev.name, ev.seq, ev.data)
	if err != nil || !gs.forget {
		gs.events = append(gs.events, ev)
	}
	if err != nil {
		// The connection is broken. Closing it ends its reader; the event
		// waits in events for the resume.
		gs.conn.ws.Close()
		gs.conn = nil
	}
}

// serve reads the client's payloads until the connection ends, and reports
// whether the client closed it cleanly (close code 1000 or 1001).
func (c *gatewayConn) serve() (clean bool) {
	s := c.srv
	hello := struct {
		HeartbeatInterval int64    `json:"heartbeat_interval"`
		Trace             []string `json:"_trace"`
	}{max(s.opts.HeartbeatInterval.Milliseconds(), 1), []string{"discordtest"}}
	if err := c.send(opHello, "", 0, hello); err != nil {
		return false
	}
	for {
		_, msg, err := c.ws.ReadMessage()
		if err != nil {
			var ce *websocket.CloseError
			if !errors.As(err, &ce) || c.closing {
				return false
			}
			s.recordFrame(Frame{Conn: c.id, SessionID: c.sessionID(), Op: OpClose, CloseCode: ce.Code})
			// Discord ends a session its client closes with 1000 or 1001;
			// other codes leave it resumable.
			return ce.Code == websocket.CloseNormalClosure || ce.Code == websocket.CloseGoingAway
		}
		if c.closing {
			continue
		}
		var p struct {
			Op *int            `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if err := json.Unmarshal(msg, &p); err != nil || p.Op == nil {
			c.closeWith(CloseDecodeError, "Error while decoding payload.")
			continue
		}
		c.handle(Frame{Conn: c.id, SessionID: c.sessionID(), Op: *p.Op, Data: p.D})
	}
}

func (c *gatewayConn) sessionID() string {
	if c.session == nil {
		return ""
	}
	return c.session.id
}

// handle answers one payload. Each frame is recorded before the answer, so
// a client that saw the answer finds its frame recorded.
func (c *gatewayConn) handle(f Frame) {
	s := c.srv
	switch f.Op {
	case OpHeartbeat:
		s.recordFrame(f)
		// A failed write breaks the connection; the reader will see it.
		_ = c.send(opHeartbeatACK, "", 0, nil)
	case OpIdentify:
		c.identify(f)
	case OpResume:
		c.resume(f)
	case OpPresenceUpdate, OpVoiceStateUpdate, OpRequestGuildMembers:
		s.recordFrame(f)
		if c.session == nil {
			c.closeWith(CloseNotAuthenticated, "Not authenticated.")
		}
	default:
		s.recordFrame(f)
		c.closeWith(CloseUnknownOpcode, "Unknown opcode.")
	}
}

func (c *gatewayConn) identify(f Frame) {
	s := c.srv
	var d struct {
		Token   string  `json:"token"`
		Intents int64   `json:"intents"`
		Shard   *[2]int `json:"shard"`
	}
	if err := json.Unmarshal(f.Data, &d); err != nil {
		s.recordFrame(f)
		c.closeWith(CloseDecodeError, "Error while decoding payload.")
		return
	}
	id := Identify{Token: d.Token, Intents: d.Intents, Shard: [2]int{0, 1}}
	if d.Shard != nil {
		id.Shard = *d.Shard
	}
	f.Identify = &id

	switch {
	case c.session != nil:
		s.recordFrame(f)
		c.closeWith(CloseAlreadyAuthenticated, "Already authenticated.")
	case !s.validToken(d.Token):
		s.recordFrame(f)
		c.closeWith(CloseAuthenticationFailed, "Authentication failed.")
	case id.Shard[1] < 1 || id.Shard[0] < 0 || id.Shard[0] >= id.Shard[1]:
		s.recordFrame(f)
		c.closeWith(CloseInvalidShard, "Invalid shard.")
	case id.Intents&s.opts.DisallowedIntents != 0:
		s.recordFrame(f)
		c.closeWith(CloseDisallowedIntents, "Disallowed intent(s).")
	default:
		gs := &gatewaySession{id: newSessionID(), intents: id.Intents, shard: id.Shard, forget: s.opts.NoHistory}
		f.SessionID = gs.id
		s.recordFrame(f)
		c.startSession(gs)
	}
}

// startSession attaches gs to c and sends READY. READY goes out under gs.mu,
// so no dispatch can overtake it.
func (c *gatewayConn) startSession(gs *gatewaySession) {
	s := c.srv
	gs.mu.Lock()
	defer gs.mu.Unlock()

	s.mu.Lock()
	s.sessions[gs.id] = gs
	s.mu.Unlock()

	gs.conn = c
	c.session = gs
	gs.seq++
	if err := c.send(opDispatch, "READY", gs.seq, s.readyData(gs)); err != nil {
		gs.conn = nil
		c.ws.Close()
	}
}

// readyData is the READY payload: the bot user, its application and no
// guilds.
func (s *Server) readyData(gs *gatewaySession) any {
	type application struct {
		ID    string `json:"id"`
		Flags int    `json:"flags"`
	}
	return struct {
		V                int         `json:"v"`
		User             currentUser `json:"user"`
		Guilds           []struct{}  `json:"guilds"`
		PrivateChannels  []struct{}  `json:"private_channels"`
		SessionID        string      `json:"session_id"`
		SessionType      string      `json:"session_type"`
		ResumeGatewayURL string      `json:"resume_gateway_url"`
		Shard            [2]int      `json:"shard"`
		Application      application `json:"application"`
		Trace            []string    `json:"_trace"`
	}{
		V:                9,
		User:             s.currentUser(),
		Guilds:           []struct{}{},
		PrivateChannels:  []struct{}{},
		SessionID:        gs.id,
		SessionType:      "normal",
		ResumeGatewayURL: s.GatewayURL(),
		Shard:            gs.shard,
		Application:      application{ID: s.opts.ApplicationID},
		Trace:            []string{"discordtest"},
	}
}

func (c *gatewayConn) resume(f Frame) {
	s := c.srv
	var d struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	if err := json.Unmarshal(f.Data, &d); err != nil {
		s.recordFrame(f)
		c.closeWith(CloseDecodeError, "Error while decoding payload.")
		return
	}
	f.Resume = &Resume{Token: d.Token, SessionID: d.SessionID, Seq: d.Seq}
	f.SessionID = d.SessionID
	s.recordFrame(f)

	switch {
	case c.session != nil:
		c.closeWith(CloseAlreadyAuthenticated, "Already authenticated.")
		return
	case !s.validToken(d.Token):
		c.closeWith(CloseAuthenticationFailed, "Authentication failed.")
		return
	}
	s.mu.Lock()
	gs := s.sessions[d.SessionID]
	s.mu.Unlock()
	if gs == nil || !gs.resume(c, d.Seq) {
		// Discord answers a resume it cannot honour with INVALID_SESSION
		// and d false: the client must identify afresh.
		_ = c.send(opInvalidSession, "", 0, false)
		return
	}
	c.session = gs
}

// resume attaches c to gs, replays the events after seq and sends RESUMED,
// all under gs.mu so that no dispatch interleaves. It reports false when seq
// is ahead of the session, which no honest client can be.
func (gs *gatewaySession) resume(c *gatewayConn, seq int64) bool {
	gs.mu.Lock()
	defer gs.mu.Unlock()
	if seq > gs.seq {
		return false
	}
	if old := gs.conn; old != nil && old != c {
		// As on Discord, the connection a session resumes away from ends.
		old.ws.Close()
	}
	gs.conn = c
	var err error
	for _, ev := range gs.events {
		if ev.seq > seq && err == nil {
			err = c.send(opDispatch, ev.name, ev.seq, ev.data)
		}
	}
	// RESUMED takes a sequence number: discordgo stores the "s" of every
	// dispatch, and a null would reset its count to zero.
	gs.seq++
	if err == nil {
		err = c.send(opDispatch, "RESUMED", gs.seq, struct {
			Trace []string `json:"_trace"`
		}{[]string{"discordtest"}})
	}
	if err != nil {
		gs.conn = nil
		c.ws.Close()
	}
	return true
}

// send writes one gateway payload. name and seq are only sent for
// dispatches; other payloads carry null, as Discord's do.
func (c *gatewayConn) send(op int, name string, seq int64, d any) error {
	p := struct {
		Op int     `json:"op"`
		D  any     `json:"d"`
		S  *int64  `json:"s"`
		T  *string `json:"t"`
	}{Op: op, D: d}
	if op == opDispatch {
		p.S, p.T = &seq, &name
	}
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	if err := c.ws.SetWriteDeadline(time.Now().Add(writeTimeout)); err != nil {
		return err
	}
	return c.ws.WriteJSON(p)
}

// closeWith sends a close frame with a Discord close code and waits, up to
// closeGrace, for the client to hang up. discordgo does not answer close
// frames, and closing at once could reset the connection before the client
// read the code.
func (c *gatewayConn) closeWith(code int, text string) {
	c.closing = true
	deadline := time.Now().Add(closeGrace)
	// Errors mean the connection is already gone, which is the goal.
	_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, text), deadline)
	_ = c.ws.SetReadDeadline(deadline)
}

// validToken reports whether token, with or without the "Bot " prefix, is
// the configured one.
func (s *Server) validToken(token string) bool {
	if s.opts.Token == "" {
		return token != ""
	}
	return strings.TrimPrefix(token, "Bot ") == s.opts.Token
}

// newSessionID returns 32 random hex digits, the shape of Discord's ids.
func newSessionID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails since Go 1.24.
	return hex.EncodeToString(b)
}

func mustMarshal(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("discordtest: cannot marshal %T: %v", v, err))
	}
	return b
}
