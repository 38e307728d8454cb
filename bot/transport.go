package bot

import (
	"net/http"
	"net/url"
)

// defaultAPIBaseURL is where discordgo sends every request.
const defaultAPIBaseURL = "https://discord.com"

// baseURLTransport sends every request for https://discord.com to another
// base URL: a REST proxy that shares Discord's rate limits between
// processes (nirn-proxy and the like), or a fake Discord in tests.
// discordgo builds its endpoint URLs once, from discord.com, so the HTTP
// client is the one place to redirect them; the gateway lookup (GET
// /api/v9/gateway) goes the same way.
type baseURLTransport struct {
	base *url.URL
	next http.RoundTripper
}

// newBaseURLTransport returns a transport to base (already validated by
// Config.Validate) over next (http.DefaultTransport when nil). The default
// base, https://discord.com, rewrites nothing.
func newBaseURLTransport(base string, next http.RoundTripper) http.RoundTripper {
	if next == nil {
		next = http.DefaultTransport
	}
	u, err := url.Parse(base)
	if err != nil || u.Host == "" || base == defaultAPIBaseURL {
		return next
	}
	return &baseURLTransport{base: u, next: next}
}

func (t *baseURLTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host != "discord.com" {
		return t.next.RoundTrip(r)
	}
	r = r.Clone(r.Context())
	r.URL.Scheme = t.base.Scheme
	r.URL.Host = t.base.Host
	if p := t.base.Path; p != "" && p != "/" {
		r.URL.Path = p + r.URL.Path
	}
	r.Host = t.base.Host
	return t.next.RoundTrip(r)
}
