package geo

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/geo/namekey"
)

// ambiguousText is our hand-kept list of place names that are also common English words or
// first names, one a line; "#" starts a comment.
//
//go:embed data/ambiguous.txt
var ambiguousText string

// ambiguousWords parses ambiguousText into a set of keys and the list in file order.
func ambiguousWords() (map[string]bool, []string) {
	set := make(map[string]bool, 512)
	var list []string
	for line := range strings.SplitSeq(ambiguousText, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if k := namekey.String(line); k != "" && !set[k] {
			set[k] = true
			list = append(list, strings.TrimSpace(line))
		}
	}
	return set, list
}

// Ambiguous reports whether name, as written in the text, may well not be a place: a place name
// that is also a common English word or first name ("Nice", "Chad", "Jordan", "Mobile",
// "Reading", "Split", "Bath", "Police", "Van", "Cork"), which a coder should accept as a place
// only in a locative phrase ("in Nice") or with other support. The rules:
//
//   - written without a capital letter, the word is used as a word ("a nice day"): ambiguous;
//   - written in capitals, as an acronym or code ("US", "UAE"): not ambiguous;
//   - otherwise ambiguous when its key is on our list of common words and first names, or it is
//     a single word of one or two letters ("Of", "Ba").
//
// It does not say whether name is a place at all; see Contains.
func (g *Gazetteer) Ambiguous(name string) bool {
	upper, lower, letters := 0, 0, 0
	for _, r := range name {
		if unicode.IsLetter(r) {
			letters++
			switch {
			case unicode.IsUpper(r):
				upper++
			case unicode.IsLower(r):
				lower++
			}
		}
	}
	if letters == 0 {
		return false
	}
	if upper == 0 {
		return true
	}
	if lower == 0 && letters >= 2 {
		return false
	}
	var buf [keyBuf]byte
	k := namekey.Append(buf[:0], truncate(name, keyBuf))
	if g.amb[string(k)] {
		return true
	}
	return utf8.RuneCount(k) <= 2 && !strings.Contains(string(k), " ")
}

// AmbiguousWords returns our list of place names that are also common words or first names, in
// file order. The caller may keep the slice; it is a copy.
func (g *Gazetteer) AmbiguousWords() []string {
	return append([]string(nil), g.ambList...)
}
