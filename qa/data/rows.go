package data

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Rows reads a table in the format of every table here: lines starting
// with '#' are comments, empty lines are skipped, and every other line is
// fields separated by TABs. It calls row with each line's fields, and
// stops at the first error row returns, which it gives back with the
// line's number.
func Rows(r io.Reader, row func(fields []string) error) error {
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if err := row(strings.Split(text, "\t")); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
	return sc.Err()
}
