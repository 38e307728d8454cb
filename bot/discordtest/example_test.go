package discordtest_test

import (
	"context"
	"fmt"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/articlebot/articlebot/bot/discordtest"
)

// A discordgo session sends a message to the fake, which records it.
func Example() {
	fake := discordtest.NewServer(discordtest.Options{Token: "secret"})
	defer fake.Close()

	s, err := discordgo.New("Bot secret")
	if err != nil {
		fmt.Println(err)
		return
	}
	s.Client = fake.Client()
	if _, err := s.ChannelMessageSend("900000000000000002", "hello"); err != nil {
		fmt.Println(err)
		return
	}

	req := fake.Requests()[0]
	var body struct {
		Content string `json:"content"`
	}
	if err := req.DecodeBody(&body); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(req.Route, req.Status, body.Content)
	// Output: POST /channels/{channel_id}/messages 200 hello
}

// A user's message reaches a bot over the gateway, and the test waits for
// the bot's reply to reach the fake.
func ExampleServer_DispatchMessageCreate() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	fake := discordtest.NewServer(discordtest.Options{Token: "secret"})
	defer fake.Close()

	s, err := discordgo.New("Bot secret")
	if err != nil {
		fmt.Println(err)
		return
	}
	s.Client = fake.Client()
	s.AddHandler(func(s *discordgo.Session, m *discordgo.MessageCreate) {
		// A real bot reports errors; the example's wait below would time out.
		_, _ = s.ChannelMessageSendReply(m.ChannelID, "you said: "+m.Content, m.Reference())
	})
	if err := s.Open(); err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close() // runs before fake.Close

	if _, err := fake.DispatchMessageCreate(discordtest.Message{
		ChannelID: "900000000000000003", // no GuildID: a DM
		Author:    discordtest.User{ID: "900000000000000010", Username: "alice"},
		Content:   "hi",
	}); err != nil {
		fmt.Println(err)
		return
	}
	reqs, err := fake.WaitRequests(ctx, 1, discordtest.MatchRoute(discordtest.RouteCreateMessage))
	if err != nil {
		fmt.Println(err)
		return
	}
	var reply struct {
		Content string `json:"content"`
	}
	if err := reqs[0].DecodeBody(&reply); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(reply.Content)
	// Output: you said: hi
}

// The next two requests to create a message are rate limited; discordgo
// waits and retries until the third succeeds.
func ExampleServer_FailNext() {
	fake := discordtest.NewServer(discordtest.Options{})
	defer fake.Close()
	err := fake.FailNext(discordtest.RouteCreateMessage, 2, discordtest.Fault{
		Status:     429,
		RetryAfter: 10 * time.Millisecond,
	})
	if err != nil {
		fmt.Println(err)
		return
	}

	s, err := discordgo.New("Bot any-token")
	if err != nil {
		fmt.Println(err)
		return
	}
	s.Client = fake.Client()
	if _, err := s.ChannelMessageSend("900000000000000002", "hello"); err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range fake.Requests() {
		fmt.Println(r.Status)
	}
	// Output:
	// 429
	// 429
	// 200
}
