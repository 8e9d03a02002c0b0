package ontology

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxLine bounds one line of a data file; the longest real line is a few hundred bytes.
const maxLine = 64 << 10

// none marks an empty field in the data files, so that every line has the same number of fields.
const none = "-"

// readTable reads a tab-separated table: blank lines and lines starting with '#' are skipped, every
// other line must have exactly n non-empty fields, and fn is called with its 1-based line number.
func readTable(r io.Reader, n int, fn func(line int, f []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLine)
	fields := make([]string, 0, n)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSuffix(sc.Text(), "\r")
		if text == "" || text[0] == '#' {
			continue
		}
		fields = fields[:0]
		for f := range strings.SplitSeq(text, "\t") {
			fields = append(fields, f)
		}
		if len(fields) != n {
			return fmt.Errorf("line %d: %d fields, want %d", line, len(fields), n)
		}
		for i, f := range fields {
			if f == "" || strings.TrimSpace(f) != f {
				return fmt.Errorf("line %d: field %d is empty or has surrounding spaces", line, i+1)
			}
		}
		if err := fn(line, fields); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return fmt.Errorf("line %d: longer than %d bytes: %w", line+1, maxLine, err)
		}
		return fmt.Errorf("read: %w", err)
	}
	return nil
}

// optional turns the none marker into an empty string.
func optional(f string) string {
	if f == none {
		return ""
	}
	return f
}

// isDigits reports whether s is non-empty and made only of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isUpper3 reports whether s is exactly three ASCII capital letters: one group of an actor code.
func isUpper3(s string) bool {
	return len(s) == 3 && isUpper(s[0]) && isUpper(s[1]) && isUpper(s[2])
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
