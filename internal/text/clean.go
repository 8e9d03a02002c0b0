package text

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Problem is one repair Clean made: Offset is the byte offset in Clean's input.
type Problem struct {
	Offset int
	Reason string
}

// maxProblems bounds the problems Clean lists; one more entry then says how many were left out, so that a
// binary file fed in by mistake cannot produce a report as large as itself.
const maxProblems = 100

// Clean returns b as valid UTF-8 text that the tokenizer can take as it is: each run of invalid bytes becomes
// one U+FFFD, each control character other than tab, newline and carriage return (C0, DEL, C1) becomes a space,
// and byte-order marks at the start are dropped. Every repair is listed as a Problem, up to a bound.
func Clean(b []byte) (string, []Problem) {
	start := 0
	for len(b)-start >= 3 && b[start] == 0xEF && b[start+1] == 0xBB && b[start+2] == 0xBF {
		start += 3
	}
	i := start
	for i < len(b) { // fast path: most input needs no repair
		c := b[i]
		if c < utf8.RuneSelf {
			if isControl(rune(c)) {
				break
			}
			i++
			continue
		}
		r, w := utf8.DecodeRune(b[i:])
		if (r == utf8.RuneError && w == 1) || isControl(r) {
			break
		}
		i += w
	}
	if i == len(b) {
		return string(b[start:]), nil
	}

	var sb strings.Builder
	sb.Grow(len(b) - start + 16)
	sb.Write(b[start:i])
	var probs []Problem
	more, firstMore := 0, 0
	report := func(off int, reason string, args ...any) {
		if len(probs) < maxProblems {
			probs = append(probs, Problem{Offset: off, Reason: fmt.Sprintf(reason, args...)})
			return
		}
		if more == 0 {
			firstMore = off
		}
		more++
	}
	for i < len(b) {
		c := b[i]
		if c < utf8.RuneSelf {
			if isControl(rune(c)) {
				report(i, "control character U+%04X at byte %d", c, i)
				sb.WriteByte(' ')
			} else {
				sb.WriteByte(c)
			}
			i++
			continue
		}
		r, w := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && w == 1 {
			j := i + 1
			for j < len(b) {
				if r2, w2 := utf8.DecodeRune(b[j:]); r2 != utf8.RuneError || w2 != 1 {
					break
				}
				j++
			}
			if j-i == 1 {
				report(i, "invalid UTF-8 at byte %d", i)
			} else {
				report(i, "invalid UTF-8 at byte %d (%d bytes)", i, j-i)
			}
			sb.WriteRune(utf8.RuneError)
			i = j
			continue
		}
		if isControl(r) {
			report(i, "control character U+%04X at byte %d", r, i)
			sb.WriteByte(' ')
		} else {
			sb.Write(b[i : i+w])
		}
		i += w
	}
	if more > 0 {
		probs = append(probs, Problem{Offset: firstMore, Reason: fmt.Sprintf("%d more problems from byte %d on not listed", more, firstMore)})
	}
	return sb.String(), probs
}

// isControl reports the control characters Clean replaces: C0 except tab, newline and carriage return, DEL, C1.
func isControl(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20 || r == 0x7F:
		return true
	case r >= 0x80 && r <= 0x9F:
		return true
	}
	return false
}
