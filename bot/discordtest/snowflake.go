package discordtest

import (
	"fmt"
	"strconv"
	"time"
)

// discordEpoch is the first millisecond of 2015 in Unix milliseconds, the
// zero of Discord's snowflake timestamps.
const discordEpoch = 1420070400000

// NewID returns a fresh snowflake: it encodes the current time as Discord's
// ids do, so code that reads the creation time from an id sees "now", and it
// is larger than every id the server handed out before.
func (s *Server) NewID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.newIDLocked()
}

func (s *Server) newIDLocked() string {
	id := uint64(time.Now().UnixMilli()-discordEpoch) << 22
	s.lastID = max(id, s.lastID+1)
	return strconv.FormatUint(s.lastID, 10)
}

// ShardOf returns the shard that receives the events of guildID when the
// bot runs shards shards: (guild_id >> 22) % shards, as Discord routes them.
// Events without a guild, such as DMs, go to shard 0.
func ShardOf(guildID string, shards int) (int, error) {
	if shards < 1 {
		return 0, fmt.Errorf("cannot compute shard of guild %q: shard count %d is not positive", guildID, shards)
	}
	if guildID == "" {
		return 0, nil
	}
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("cannot compute shard of guild %q: not a snowflake", guildID)
	}
	return int((id >> 22) % uint64(shards)), nil
}
