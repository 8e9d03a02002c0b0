package petrarch

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxLine bounds one dictionary line; longer lines are reported, not loaded.
const maxLine = 64 << 10

// lineReader yields the lines of a dictionary with comments removed: "<!-- ... -->" (also across lines),
// and "#" or ";" to the end of the line when outside a "[...]" code (codes such as [###] contain "#").
type lineReader struct {
	br        *bufio.Reader
	file      string
	n         int
	inComment bool
	errs      []error
}

func newLineReader(r io.Reader, file string) *lineReader {
	return &lineReader{br: bufio.NewReader(r), file: file}
}

// next returns the next line number and its text without comments (raw keeps leading blanks, which
// mark date restrictions); ok is false at the end of the input.
func (lr *lineReader) next() (n int, text string, ok bool) {
	for {
		s, err := lr.br.ReadString('\n')
		if len(s) == 0 && err != nil {
			if !errors.Is(err, io.EOF) {
				lr.errs = append(lr.errs, fmt.Errorf("%s: %w", lr.file, err))
			}
			return 0, "", false
		}
		lr.n++
		if len(s) > maxLine {
			lr.errs = append(lr.errs, fmt.Errorf("%s:%d: line longer than %d bytes", lr.file, lr.n, maxLine))
			continue
		}
		s = strings.TrimRight(s, "\r\n")
		s = lr.strip(s)
		if strings.TrimSpace(s) == "" {
			continue
		}
		return lr.n, strings.TrimRight(s, " \t"), true
	}
}

// strip removes comments from one line, carrying an open "<!--" over to the next lines.
func (lr *lineReader) strip(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		if lr.inComment {
			i := strings.Index(s, "-->")
			if i < 0 {
				return b.String()
			}
			s = s[i+3:]
			lr.inComment = false
			continue
		}
		// "<!" opens a comment; the validation actors file also has a malformed "<! --"
		i := strings.Index(s, "<!")
		head := s
		if i >= 0 {
			head = s[:i]
		}
		if j := lineComment(head); j >= 0 {
			b.WriteString(head[:j])
			return b.String()
		}
		b.WriteString(head)
		if i < 0 {
			break
		}
		lr.inComment = true
		s = s[i+2:]
	}
	return b.String()
}

// lineComment returns where a "#" or ";" comment starts outside brackets, or -1.
func lineComment(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			if depth > 0 {
				depth--
			}
		case '#', ';':
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// words splits a dictionary phrase into lowercase words: blanks and "_" separate words, a trailing "_"
// (TABARI's "whole word" mark) is dropped.
func words(phrase string) []string {
	return strings.FieldsFunc(strings.ToLower(phrase), func(r rune) bool { return r == '_' || r == ' ' || r == '\t' })
}

// hyphenSplit returns the words with every hyphenated word split into word, "-", word, as dyad's tokenizer
// splits them; ok is false when no word has an inner hyphen.
func hyphenSplit(ws []string) (out []string, ok bool) {
	for _, w := range ws {
		if strings.Trim(w, "-") == "" || !strings.Contains(w, "-") {
			out = append(out, w)
			continue
		}
		ok = true
		parts := strings.Split(w, "-")
		for i, p := range parts {
			if i > 0 {
				out = append(out, "-")
			}
			if p != "" {
				out = append(out, p)
			}
		}
	}
	return out, ok
}

// bracket returns the contents of the first "[...]" in s, the text before it and the text after it.
func bracket(s string) (inside, before, after string, ok bool) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return "", s, "", false
	}
	j := strings.IndexByte(s[i:], ']')
	if j < 0 {
		return "", s, "", false
	}
	return strings.TrimSpace(s[i+1 : i+j]), s[:i], s[i+j+1:], true
}
