package bot

import (
	"container/list"
	"sync"

	"github.com/articlebot/articlebot/qa"
)

// conversations keeps each channel's conversation, so that "What else did
// he say?" follows the question before it in the same channel. It holds at
// most limit channels, forgetting the least recently used; a conversation
// itself forgets after a few turns or minutes (qa.ConversationTurns,
// qa.ConversationIdle).
type conversations struct {
	limit int

	mu    sync.Mutex
	order *list.List               // of *channelConversation, most recent first
	byID  map[string]*list.Element // channel id → its element in order
}

// A channelConversation is one channel's conversation, locked while a
// question of that channel is answered: questions in one channel follow
// one another, questions in different channels run side by side.
type channelConversation struct {
	channel string
	mu      sync.Mutex
	conv    qa.Conversation
}

func newConversations(limit int) *conversations {
	return &conversations{limit: limit, order: list.New(), byID: make(map[string]*list.Element)}
}

// lock returns the conversation of channel, locked; the caller unlocks it.
func (c *conversations) lock(channel string) *channelConversation {
	c.mu.Lock()
	el, ok := c.byID[channel]
	if ok {
		c.order.MoveToFront(el)
	} else {
		el = c.order.PushFront(&channelConversation{channel: channel})
		c.byID[channel] = el
		for c.order.Len() > c.limit {
			oldest := c.order.Back()
			c.order.Remove(oldest)
			delete(c.byID, oldest.Value.(*channelConversation).channel)
		}
	}
	cc := el.Value.(*channelConversation)
	c.mu.Unlock()
	cc.mu.Lock()
	return cc
}

func (cc *channelConversation) unlock() { cc.mu.Unlock() }

func (c *conversations) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
