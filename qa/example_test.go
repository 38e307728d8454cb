package qa_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/articlebot/articlebot/qa"
)

const exampleArticle = `Leaders agree on a ceasefire
The two leaders met in Geneva on Monday and agreed on a ceasefire, officials said.
"This is a good day for peace," UN Secretary-General Ana Ruiz said after the talks.
"The work starts now."
`

func ExampleEngine_Ask() {
	a, err := qa.ParseArticle("ceasefire.txt", strings.NewReader(exampleArticle))
	if err != nil {
		panic(err)
	}
	e := qa.New([]*qa.Article{a}, qa.DefaultOptions())
	answers, _ := e.Ask("What did Ruiz say about peace?", 1)
	for _, ans := range answers {
		fmt.Printf("%s\n— %s, %s (paragraph %d)\n", ans.Text, ans.Speaker, ans.Role, ans.Paragraph)
	}
	none, _ := e.Ask("What is the capital of France?", 1)
	fmt.Println(len(none), "answers")
	// Output:
	// "This is a good day for peace," UN Secretary-General Ana Ruiz said after the talks.
	// — Ana Ruiz, UN Secretary-General (paragraph 2)
	// 0 answers
}

func ExampleEngine_Quotes() {
	a, _ := qa.ParseArticle("ceasefire.txt", strings.NewReader(exampleArticle))
	e := qa.New([]*qa.Article{a}, qa.DefaultOptions())
	for _, q := range e.Quotes() {
		fmt.Printf("%q — %s (%s)\n", q.Text, q.Speaker.Name, q.How)
	}
	// Output:
	// "This is a good day for peace" — Ana Ruiz (explicit)
	// "The work starts now." — Ana Ruiz (continuation)
}

func ExampleEngine_Follow() {
	a, _ := qa.ParseArticle("ceasefire.txt", strings.NewReader(exampleArticle))
	e := qa.New([]*qa.Article{a}, qa.DefaultOptions())
	var conv qa.Conversation
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	for _, q := range []string{"What did Ruiz say?", "Who is she?", "Where did the leaders meet?", "When?"} {
		answers, _ := e.Follow(&conv, q, 1, now)
		fmt.Printf("%s → [%s]", q, answers[0].Highlight)
		if answers[0].Speaker != "" {
			fmt.Print(" ", answers[0].Speaker)
		}
		fmt.Println()
	}
	// Output:
	// What did Ruiz say? → [] Ana Ruiz
	// Who is she? → [UN Secretary-General] Ana Ruiz
	// Where did the leaders meet? → [Geneva] officials
	// When? → [Monday] officials
}
