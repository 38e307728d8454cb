package data

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestRows(t *testing.T) {
	var got [][]string
	err := Rows(strings.NewReader("# a comment\n\na\tb\n\nc\n"), func(f []string) error {
		got = append(got, f)
		return nil
	})
	if err != nil || len(got) != 2 || !slices.Equal(got[0], []string{"a", "b"}) || !slices.Equal(got[1], []string{"c"}) {
		t.Errorf("got %q, %v, want [[a b] [c]], no error", got, err)
	}
	bad := errors.New("bad")
	err = Rows(strings.NewReader("# a comment\nok\nnot ok\n"), func(f []string) error {
		if f[0] == "not ok" {
			return bad
		}
		return nil
	})
	if !errors.Is(err, bad) || err.Error() != "line 3: bad" {
		t.Errorf("got %v, want line 3: bad", err)
	}
}
