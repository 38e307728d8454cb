package text

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseArticle(t *testing.T) {
	tests := []struct {
		name    string
		input   string
		title   string
		paras   []string
		wantErr string
	}{
		{name: "plain", input: "Title\nFirst para.\nSecond para.\n", title: "Title", paras: []string{"First para.", "Second para."}},
		{name: "blank lines and CRLF", input: "Title\r\n\r\nFirst para.\r\n\r\n\r\nSecond para.\r\n", title: "Title", paras: []string{"First para.", "Second para."}},
		{name: "byte order mark", input: "\uFEFFTitle\nBody.", title: "Title", paras: []string{"Body."}},
		{name: "tabs and non-breaking spaces", input: "Title\n\tA\u00A0b.\t", title: "Title", paras: []string{"A b."}},
		{name: "leading blank lines", input: "\n\n  \nTitle\nBody.", title: "Title", paras: []string{"Body."}},
		{name: "empty", input: "", wantErr: "cannot load x.txt: the file has no text"},
		{name: "whitespace only", input: " \n\r\n\t\n", wantErr: "cannot load x.txt: the file has no text"},
		{name: "title only", input: "Title\n", wantErr: "cannot load x.txt: line 1: a title but no paragraphs"},
		{name: "invalid UTF-8", input: "Title\nfine\nbad \xff here\n", wantErr: "cannot load x.txt: line 3, byte 5: invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseArticle("x.txt", strings.NewReader(tt.input))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title {
				t.Errorf("title: got %q, want %q", a.Title, tt.title)
			}
			var got []string
			for _, p := range a.Paragraphs {
				got = append(got, p.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.paras, "|") {
				t.Errorf("paragraphs: got %q, want %q", got, tt.paras)
			}
		})
	}
}

func TestParagraphKinds(t *testing.T) {
	tests := []struct {
		name           string
		text           string
		prose, heading bool
	}{
		{"sentence", "Russia launched dozens of drones.", true, false},
		{"page debris", "Today", false, false},
		{"dateline", "Saturday, October 10, 2009", false, false},
		{"sub-heading question", "Will Trump and Zelenskyy meet Putin?", true, true},
		{"quote-only question", `"Will they meet?"`, true, false},
		{"long line without a stop", "the talks went on late into the night without any agreement at all", true, false},
		{"eight words without a stop", "one two three four five six seven eight", true, false},
		{"seven words without a stop", " one two\tthree four  five six seven ", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newParagraph(tt.text, 2)
			if p.Prose != tt.prose || p.Heading != tt.heading {
				t.Errorf("got prose=%v heading=%v, want prose=%v heading=%v", p.Prose, p.Heading, tt.prose, tt.heading)
			}
		})
	}
}

func TestLoadDir(t *testing.T) {
	fsys := fstest.MapFS{
		"ok/b.txt":        {Data: []byte("B\nBody b.")},
		"ok/a.txt":        {Data: []byte("A\nBody a.")},
		"ok/notes.md":     {Data: []byte("ignored")},
		"empty/README.md": {Data: []byte("no articles")},
		"bad/a.txt":       {Data: []byte("A\nBody.\n\xc3\x28")},
	}
	tests := []struct {
		name    string
		dir     string
		titles  string
		wantErr string
	}{
		{name: "articles in name order", dir: "ok", titles: "A|B"},
		{name: "missing folder", dir: "nope", wantErr: "cannot load articles: shown/nope: no such folder"},
		{name: "no articles", dir: "empty", wantErr: "cannot load articles: shown/empty has no .txt files"},
		{name: "bad file named with its line", dir: "bad", wantErr: "cannot load shown/bad/a.txt: line 3, byte 1: invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := LoadDir(fsys, tt.dir, "shown/"+tt.dir)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("got error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, a := range arts {
				titles = append(titles, a.Title)
			}
			if got := strings.Join(titles, "|"); got != tt.titles {
				t.Errorf("got %q, want %q", got, tt.titles)
			}
		})
	}
}
