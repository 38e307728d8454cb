package text_test

import (
	"fmt"

	"github.com/articlebot/articlebot/qa/text"
)

func ExampleSplitSentences() {
	para := `Mr. Smith met George W. Bush in the U.S. Senate. "Why?" he asked. Prices rose 3.5 percent.`
	for _, s := range text.SplitSentences(para) {
		fmt.Println(para[s.Start:s.End])
	}
	// Output:
	// Mr. Smith met George W. Bush in the U.S. Senate.
	// "Why?" he asked.
	// Prices rose 3.5 percent.
}
