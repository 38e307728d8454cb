package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/articlebot/articlebot/bot/discordtest"
)

// console reads what the user types and prints what the bot replies.
type console struct {
	discordtest.Console
	out         io.Writer
	interactive bool          // greet and prompt; else echo each line
	timeout     time.Duration // to wait for a reply

	// clickable holds every button printed with a number, at index
	// number-1, with the message it is on: an old answer's buttons stay
	// clickable, as in Discord.
	clickable []click
}

type click struct {
	reply  discordtest.Reply
	button discordtest.Button
}

// run handles the lines of in until /quit, the end of in or ctx ends.
func (c *console) run(ctx context.Context, in io.Reader) error {
	done := make(chan struct{})
	defer close(done)
	lines, readErr := readLines(in, done)
	if c.interactive {
		c.greet()
	}
	for {
		if c.interactive {
			fmt.Fprint(c.out, "> ")
		}
		var line string
		select {
		case <-ctx.Done():
			return errInterrupted
		case l, ok := <-lines:
			if !ok {
				if c.interactive {
					fmt.Fprintln(c.out)
				}
				return <-readErr
			}
			line = strings.TrimSpace(l)
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !c.interactive {
			fmt.Fprintln(c.out, ">", line)
		}
		if line == "/quit" || line == "/exit" {
			return nil
		}
		if err := c.handle(ctx, line); err != nil {
			return err
		}
	}
}

// readLines sends the lines of in on a channel until done is closed,
// closing it at the end of in, and then sends the read error, if any.
// Reading apart from the console lets Ctrl-C end a wait for a line.
func readLines(in io.Reader, done <-chan struct{}) (<-chan string, <-chan error) {
	lines := make(chan string)
	errc := make(chan error, 1)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 64*1024), 1024*1024)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-done:
				return
			}
		}
		if err := sc.Err(); err != nil {
			errc <- fmt.Errorf("cannot read the input: %w", err)
			return
		}
		errc <- nil
	}()
	return lines, errc
}

// greet says what the console is and lists the bot's commands, as
// registered.
func (c *console) greet() {
	fmt.Fprintf(c.out, "articlebot is connected to a fake Discord at %s. You are @%s in a guild channel.\n", c.Server.URL(), c.User.Username)
	fmt.Fprintln(c.out, "Type a question (sent as a message that mentions the bot), or a slash command:")
	cmds, _ := c.Server.Commands(c.GuildID) // the bot registered them before the console started
	for _, cmd := range cmds {
		usage := "/" + cmd.Name
		for _, p := range cmd.Options {
			if p.Required {
				usage += " " + p.Name
			} else {
				usage += " [" + p.Name + ":]"
			}
		}
		fmt.Fprintf(c.out, "  %-34s %s\n", usage, cmd.Description)
	}
	fmt.Fprintln(c.out, "A button's number, such as 1 (or /press 1), clicks it. /quit, Ctrl-D or Ctrl-C leaves.")
}

// handle does what line says and prints the bot's reply. It returns an
// error only for Ctrl-C; what goes wrong with one line is printed.
func (c *console) handle(ctx context.Context, line string) error {
	wait, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	var r discordtest.Reply
	var err error
	if n, ok := buttonNumber(line); ok {
		if n < 1 || n > len(c.clickable) {
			fmt.Fprintf(c.out, "There is no button [%d]; %s.\n\n", n, c.buttonRange())
			return nil
		}
		b := c.clickable[n-1]
		r, err = c.Click(wait, b.reply, b.button.CustomID)
	} else if strings.HasPrefix(line, "/") {
		r, err = c.Slash(wait, line)
	} else {
		r, err = c.Say(wait, line)
	}
	var refused *discordtest.RefusedError
	switch {
	case err == nil:
		writeReply(c.out, r, c.number(r))
	case ctx.Err() != nil:
		return errInterrupted
	case errors.Is(err, context.DeadlineExceeded):
		fmt.Fprintf(c.out, "(no reply within %v)\n\n", c.timeout)
	case errors.As(err, &refused):
		fmt.Fprintf(c.out, "(%v)\n\n", err)
	default:
		fmt.Fprintf(c.out, "%v\n\n", err)
	}
	return nil
}

// buttonNumber reads "3" or "/press 3".
func buttonNumber(line string) (int, bool) {
	if arg, ok := strings.CutPrefix(line, "/press"); ok {
		line = strings.TrimSpace(arg)
	}
	n, err := strconv.Atoi(line)
	return n, err == nil
}

// number gives each enabled button of r with a custom id the next number;
// the others get 0.
func (c *console) number(r discordtest.Reply) []int {
	numbers := make([]int, len(r.Buttons))
	for i, b := range r.Buttons {
		if b.CustomID != "" && !b.Disabled {
			c.clickable = append(c.clickable, click{r, b})
			numbers[i] = len(c.clickable)
		}
	}
	return numbers
}

func (c *console) buttonRange() string {
	switch len(c.clickable) {
	case 0:
		return "no reply has buttons yet"
	case 1:
		return "the only one is [1]"
	}
	return fmt.Sprintf("they are numbered [1] to [%d]", len(c.clickable))
}
