package reply

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/articlebot/articlebot/qa"
)

// A Picker says, in one transport's words, how people pick an article,
// for the replies that tell them: Discord has an option with
// suggestions, the command line a flag, the chat a word of a command.
type Picker struct {
	// Option is the option as typed before its value: "article:",
	// "--article ".
	Option string
	// Another says how to pick another article than the one shown:
	// "pick another with the article option".
	Another string
	// Titles says where the titles are listed: "/about lists the titles".
	Titles string
	// SpeakerSummary is how to ask for what someone said, with %s for
	// their name: "/summary speaker:%s".
	SpeakerSummary string
}

// ChooseArticle returns the article typed names: the one whose file name
// it is ("storm.txt" or "storm"), in any case; else the newest whose title
// it is; else the newest whose title or file name holds its words, the
// last perhaps unfinished (qa.Engine.FindArticles). Nothing typed chooses
// none: nil and true. Words that name no article, or no words at all, are
// false; UnknownArticle says so.
func ChooseArticle(e Engine, typed string) (*qa.Article, bool) {
	typed = strings.TrimSpace(typed)
	if typed == "" {
		return nil, true
	}
	newest := e.ArticlesByNewest()
	for _, a := range newest {
		if f := FileName(a); strings.EqualFold(f, typed) || strings.EqualFold(strings.TrimSuffix(f, ".txt"), typed) {
			return a, true
		}
	}
	for _, a := range newest {
		if strings.EqualFold(a.Title, typed) {
			return a, true
		}
	}
	if !strings.ContainsFunc(typed, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return nil, false // FindArticles would find every article
	}
	found := e.FindArticles(typed)
	if len(found) == 0 {
		return nil, false
	}
	return found[0], true
}

// OthersMatching counts the articles besides a that typed also matches,
// when ChooseArticle took a as the newest of several by their words: the
// person who typed it may have meant another. A file name or a title
// names one article: none then.
func OthersMatching(e Engine, typed string, a *qa.Article) int {
	typed = strings.TrimSpace(typed)
	if a == nil || strings.EqualFold(a.Title, typed) || strings.EqualFold(FileName(a), typed) ||
		strings.EqualFold(strings.TrimSuffix(FileName(a), ".txt"), typed) {
		return 0
	}
	return len(e.FindArticles(typed)) - 1
}

// ArticleNote says, when typed matched several articles by their words
// and ChooseArticle took a as the newest, which one was taken and how to
// pick another; "" when typed named a alone.
func ArticleNote(e Engine, typed string, a *qa.Article, p Picker) string {
	n := OthersMatching(e, typed, a)
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf("From “%s”, the newest of %d articles that %s%q matches; a whole title or a file name picks one: %s.",
		a.Title, n+1, p.Option, echoed(strings.TrimSpace(typed)), p.Titles)
}

// FileName is the name of an article's file, without its folder:
// "storm.txt". No two articles of one folder share it.
func FileName(a *qa.Article) string { return path.Base(filepath.ToSlash(a.Name)) }

// UnknownArticle is the reply about what was typed for an article when it
// names none.
func UnknownArticle(typed string, p Picker) Notice {
	return Notice{Text: fmt.Sprintf("no article matches %s%q: %s", p.Option, echoed(strings.TrimSpace(typed)), p.Titles), Private: true}
}

// titleOf is a's title, "" for no article.
func titleOf(a *qa.Article) string {
	if a == nil {
		return ""
	}
	return a.Title
}
