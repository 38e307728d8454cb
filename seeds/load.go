package seeds

import (
	"fmt"
	"os"

	"github.com/articlebot/articlebot/qa"
)

// Load reads the articles of a folder, or the embedded ones when dir is
// "": what every command that answers (articlebot, fakediscord) answers
// from. A file given for the folder is named as such.
func Load(dir string) ([]*qa.Article, error) {
	if dir == "" {
		return qa.LoadDir(FS, ".", "seeds")
	}
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("cannot load articles: %s is a file; give the folder that holds the articles (*.txt)", dir)
	}
	return qa.LoadDir(os.DirFS(dir), ".", dir)
}

// Engine builds the engine of Load's articles.
func Engine(dir string) (*qa.Engine, error) {
	articles, err := Load(dir)
	if err != nil {
		return nil, err
	}
	return qa.New(articles, qa.DefaultOptions()), nil
}
