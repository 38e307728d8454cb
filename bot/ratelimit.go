package bot

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// userLimits gives each user a token bucket: Questions questions, refilled
// over Per. Buckets of users idle for longer than Per are full again, so
// they are dropped once the map grows past maxUsers: memory stays bounded
// however many people ask.
type userLimits struct {
	every    rate.Limit
	burst    int
	idle     time.Duration
	maxUsers int

	mu    sync.Mutex
	users map[string]*userLimit
}

type userLimit struct {
	lim      *rate.Limiter
	lastSeen time.Time
	warned   bool // told about the limit since their last allowed question
}

func newUserLimits(questions int, per time.Duration) *userLimits {
	return &userLimits{
		every:    rate.Every(per / time.Duration(questions)),
		burst:    questions,
		idle:     per,
		maxUsers: 10000,
		users:    make(map[string]*userLimit),
	}
}

// allow reports whether user may ask now; when not, how long until they
// may, and whether they were already told (so a flood gets one notice).
func (l *userLimits) allow(user string, now time.Time) (ok bool, wait time.Duration, alreadyWarned bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	u := l.users[user]
	if u == nil {
		if len(l.users) >= l.maxUsers {
			l.sweep(now)
		}
		u = &userLimit{lim: rate.NewLimiter(l.every, l.burst)}
		l.users[user] = u
	}
	u.lastSeen = now
	r := u.lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		warned := u.warned
		u.warned = true
		return false, d, warned
	}
	u.warned = false
	return true, 0, false
}

// sweep drops users idle long enough for their bucket to be full.
func (l *userLimits) sweep(now time.Time) {
	for id, u := range l.users {
		if now.Sub(u.lastSeen) > l.idle {
			delete(l.users, id)
		}
	}
}
