package bot

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/articlebot/articlebot/bot/reply"
	"github.com/articlebot/articlebot/qa"
)

// articleOption is the option that picks an article, last on /ask,
// /summary, /quote and /speakers; its values autocomplete.
const articleOption = "article"

// discordPicker says how to pick an article in Discord.
var discordPicker = reply.Picker{
	Option:  articleOption + ":",
	Another: "pick another with the article option",
	Titles:  "/about lists the titles, and the article option suggests them as you type",

	SpeakerSummary: "/summary speaker:%s",
}

// commands are the slash commands, registered with one bulk overwrite.
func commands() []*discordgo.ApplicationCommand {
	minSentences, minLen := float64(1), 1
	article := func(description string) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: articleOption, Description: description, Autocomplete: true}
	}
	return []*discordgo.ApplicationCommand{
		{Name: "ask", Description: "Ask a question about the article", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "Your question", Required: true, MinLength: &minLen, MaxLength: 1000},
			article("Answer from this article only (default: all)"),
		}},
		{Name: "summary", Description: "The article in a few sentences, or what someone said", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionInteger, Name: "sentences", Description: "How many sentences (1–10, default 3)", MinValue: &minSentences, MaxValue: 10},
			{Type: discordgo.ApplicationCommandOptionString, Name: "speaker", Description: "Summarise what this person said", Autocomplete: true},
			article("Summarise this article (default: the newest)"),
		}},
		{Name: "quote", Description: "What a speaker said, in their words", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "speaker", Description: "Who", Required: true, Autocomplete: true},
			{Type: discordgo.ApplicationCommandOptionString, Name: "topic", Description: "About what (best match first)"},
			article("In this article only (default: all)"),
		}},
		{Name: "speakers", Description: "Who is quoted in the article", Options: []*discordgo.ApplicationCommandOption{
			article("In this article only, with their counts there (default: all)"),
		}},
		{Name: "about", Description: "The articles I know"},
		{Name: "help", Description: "What I do and how to ask"},
	}
}

// onInteraction handles slash commands, autocomplete and button clicks,
// checking the interaction's type before reading its data (discordgo
// panics on the wrong kind).
func (b *Bot) onInteraction(api discordAPI, i *discordgo.Interaction) {
	if !b.inflight.begin() {
		return
	}
	defer b.inflight.end()
	defer b.recoverHandler("INTERACTION_CREATE", i.ID)
	user := interactionUser(i)
	if user == nil || user.Bot {
		return
	}
	start := time.Now()
	switch i.Type {
	case discordgo.InteractionApplicationCommandAutocomplete:
		var choices []*discordgo.ApplicationCommandOptionChoice
		opts := i.ApplicationCommandData().Options
		e := b.current() // once: a reload in between must not mix two engines
		if name, typed := focused(opts); name == articleOption {
			choices = articleChoices(e, typed)
		} else {
			// With an article picked already, only its speakers.
			in, _ := reply.ChooseArticle(e, stringOption(opts, articleOption))
			choices = speakerChoices(e, typed, in)
		}
		err := api.InteractionRespond(i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: choices},
		})
		if err != nil {
			b.log.Error("autocomplete", "err", err, "user", user.ID)
		}
		return
	case discordgo.InteractionApplicationCommand:
		data := i.ApplicationCommandData()
		out, err := b.respond(api, i, user.ID, start, data.Name == "help", func(e *loadedEngine) (message, outcome) {
			return b.commandReply(e, i.ChannelID, data, start)
		})
		b.logQuestion(commandSource(data.Name), user.ID, i.GuildID, i.ChannelID, out, start, err)
	case discordgo.InteractionMessageComponent:
		id := i.MessageComponentData().CustomID
		out, err := b.respond(api, i, user.ID, start, true, func(e *loadedEngine) (message, outcome) {
			return buttonReply(e, id, b.cfg.Answers.Passages)
		})
		b.logQuestion("button", user.ID, i.GuildID, i.ChannelID, out, start, err)
	}
}

// commandSource is the source of a command in logs and metrics: "/name"
// for the bot's commands, "/unknown" for any other name, so that the
// metric's labels stay few.
func commandSource(name string) string {
	for _, c := range commands() {
		if c.Name == name {
			return "/" + name
		}
	}
	return "/unknown"
}

// interactionUser is who acted: the member in a guild, the user in a DM.
func interactionUser(i *discordgo.Interaction) *discordgo.User {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User
	}
	return i.User
}

// commandReply computes the reply to a slash command.
func (b *Bot) commandReply(e *loadedEngine, channel string, data discordgo.ApplicationCommandInteractionData, now time.Time) (message, outcome) {
	opts := data.Options
	typed := stringOption(opts, articleOption)
	in, ok := reply.ChooseArticle(e, typed)
	if !ok {
		return render(reply.UnknownArticle(typed, discordPicker))
	}
	m, out := b.articleCommandReply(e, channel, data, in, now)
	if note := reply.ArticleNote(e, typed, in, discordPicker); note != "" {
		// A title typed by hand, not picked from the suggestions, that
		// several titles share: say which was taken.
		m.Content = fit(strings.TrimSpace(markdownEscaper.Replace(note)+"\n"+m.Content), maxContent)
	}
	return m, out
}

// articleCommandReply computes the reply to a slash command with its
// article chosen: in, or nil for all.
func (b *Bot) articleCommandReply(e *loadedEngine, channel string, data discordgo.ApplicationCommandInteractionData, in *qa.Article, now time.Time) (message, outcome) {
	opts := data.Options
	switch data.Name {
	case "ask":
		return b.ask(e, channel, stringOption(opts, "question"), in, now)
	case "summary":
		n := intOption(opts, "sentences", 3)
		if n < 1 || n > 10 {
			return message{Content: "sentences must be between 1 and 10.", Ephemeral: true}, declined
		}
		return render(reply.SummaryOf(e, n, stringOption(opts, "speaker"), in, discordPicker))
	case "quote":
		return render(reply.QuotesOf(e, stringOption(opts, "speaker"), stringOption(opts, "topic"), in, discordPicker))
	case "speakers":
		return render(reply.SpeakersOf(e, in))
	case "about":
		return render(reply.AboutOf(e, e.at, b.programVersion()))
	case "help":
		return helpReply(), answered
	}
	return message{Content: "I don't know that command; try /help.", Ephemeral: true}, failed
}

// respond answers an interaction. Anything that takes longer than
// answers.defer_after is deferred first (Discord drops a reply that comes
// after 3 s) and the answer then replaces the "thinking…" message.
func (b *Bot) respond(api discordAPI, i *discordgo.Interaction, user string, now time.Time, ephemeral bool,
	compute func(*loadedEngine) (message, outcome)) (outcome, error) {
	if ok, wait, _ := b.limits.allow(user, now); !ok {
		return rateLimited, api.InteractionRespond(i, messageResponse(rateLimitedReply(wait)))
	}
	type result struct {
		r   message
		out outcome
	}
	done := make(chan result, 1)
	e := b.current()
	go func() {
		defer func() {
			if p := recover(); p != nil {
				b.notePanic("INTERACTION_CREATE", i.ID, p)
				done <- result{message{Content: reply.FailedText, Ephemeral: true}, failed}
			}
		}()
		r, out := compute(e)
		done <- result{r, out}
	}()
	timer := time.NewTimer(b.cfg.Answers.DeferAfter)
	defer timer.Stop()
	select {
	case res := <-done:
		return res.out, api.InteractionRespond(i, messageResponse(res.r))
	case <-timer.C:
	}
	deferred := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{AllowedMentions: noMentions()}}
	if ephemeral {
		deferred.Data.Flags = discordgo.MessageFlagsEphemeral
	}
	if err := api.InteractionRespond(i, deferred); err != nil {
		return failed, err
	}
	res := <-done
	_, err := api.InteractionResponseEdit(i, &discordgo.WebhookEdit{
		Content:         &res.r.Content,
		Embeds:          &res.r.Embeds,
		Components:      &res.r.Components,
		AllowedMentions: noMentions(),
	})
	return res.out, err
}

// messageResponse turns a reply into an immediate interaction response.
func messageResponse(r message) *discordgo.InteractionResponse {
	data := &discordgo.InteractionResponseData{
		Content:         r.Content,
		Embeds:          r.Embeds,
		Components:      r.Components,
		AllowedMentions: noMentions(),
	}
	if r.Ephemeral {
		data.Flags = discordgo.MessageFlagsEphemeral
	}
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: data}
}

// stringOption returns a string option's value, "" when absent or of
// another type (discordgo panics on a type mismatch).
func stringOption(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) string {
	for _, o := range opts {
		if o.Name == name && o.Type == discordgo.ApplicationCommandOptionString {
			return strings.TrimSpace(o.StringValue())
		}
	}
	return ""
}

func intOption(opts []*discordgo.ApplicationCommandInteractionDataOption, name string, def int) int {
	for _, o := range opts {
		if o.Name == name && o.Type == discordgo.ApplicationCommandOptionInteger {
			return int(o.IntValue())
		}
	}
	return def
}

// focused is the option being autocompleted and what the user has typed
// in it so far.
func focused(opts []*discordgo.ApplicationCommandInteractionDataOption) (name, typed string) {
	for _, o := range opts {
		if o.Focused {
			s, _ := o.Value.(string)
			return o.Name, s
		}
	}
	return "", ""
}

// speakerChoices offers the speakers matching what was typed (see
// qa.Engine.MatchSpeakers), only those article quotes or reports when it
// is not nil, at most 25, as Discord allows.
func speakerChoices(e Engine, typed string, in *qa.Article) []*discordgo.ApplicationCommandOptionChoice {
	matches := e.MatchSpeakers(typed, maxChoices, in)
	named := make(map[string]int)
	for _, s := range matches {
		named[s.Name]++
	}
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	for _, s := range matches {
		name := s.Name
		if named[name] > 1 && s.Role != "" {
			name += ", " + s.Role // two of one name: "John Smith, striker", which FindSpeaker reads
		}
		if utf8.RuneCountInString(name) > maxChoiceName {
			name = string([]rune(name)[:maxChoiceName])
		}
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: name, Value: name})
	}
	return choices
}

// articleChoices offers the articles whose titles hold the words typed
// (see reply.ChooseArticle), newest first, at most 25: each shown by its
// title and sent back as its file's name, which no other article has (two
// may share a title). Discord allows names and values of 100 characters:
// a longer title is shown cut with "…"; a longer file name gives way to
// the title cut after a whole word, whose words still find it.
func articleChoices(e Engine, typed string) []*discordgo.ApplicationCommandOptionChoice {
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	for _, a := range e.FindArticles(typed) {
		if len(choices) == maxChoices {
			break
		}
		name, value := a.Title, reply.FileName(a)
		if r := []rune(a.Title); len(r) > maxChoiceName {
			name = string(r[:maxChoiceName-1]) + "…"
		}
		if utf8.RuneCountInString(value) > maxChoiceName {
			value = a.Title
			if r := []rune(a.Title); len(r) > maxChoiceName {
				value = string(r[:maxChoiceName])
				if cut := strings.LastIndexFunc(value, unicode.IsSpace); cut > 0 {
					value = strings.TrimRightFunc(value[:cut], unicode.IsSpace)
				}
			}
		}
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: name, Value: value})
	}
	return choices
}
