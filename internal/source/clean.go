package source

import (
	"strings"
	"unicode/utf8"
)

// cleanText turns raw bytes into valid UTF-8 text: each invalid byte becomes U+FFFD, control
// characters become a space, CR LF and lone CR become LF, tabs and form feeds become a space,
// U+2028 becomes a line break and U+2029 a paragraph break, and a leading byte order mark is
// dropped. bad is the byte offset of the first invalid byte or control character (tabs, CR and
// the like are ordinary layout and do not count), or -1 when there was none, for a single warning.
func cleanText(b []byte) (text string, bad int) {
	bad = -1
	if len(b) >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf {
		b = b[3:]
		defer func() {
			if bad >= 0 {
				bad += 3
			}
		}()
	}
	// Fast path: most inputs need no change, and then the only allocation is the string itself.
	i := 0
	for i < len(b) {
		c := b[i]
		if c >= 0x20 && c < 0x7f || c == '\n' {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRune(b[i:])
			if r != utf8.RuneError && !needsMapping(r) {
				i += n
				continue
			}
		}
		break
	}
	if i == len(b) {
		return string(b), -1
	}
	var sb strings.Builder
	sb.Grow(len(b) + 16)
	sb.Write(b[:i])
	for i < len(b) {
		c := b[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 0x20 && c < 0x7f || c == '\n':
				sb.WriteByte(c)
			case c == '\r':
				if i+1 < len(b) && b[i+1] == '\n' {
					i++
				}
				sb.WriteByte('\n')
			case c == '\t' || c == '\f' || c == '\v':
				sb.WriteByte(' ')
			default:
				if bad < 0 {
					bad = i
				}
				sb.WriteByte(' ')
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			if bad < 0 {
				bad = i
			}
			sb.WriteRune(utf8.RuneError)
		case r == '\u2028':
			sb.WriteByte('\n')
		case r == '\u2029':
			sb.WriteString("\n\n")
		case r == '\ufeff':
			// A byte order mark inside the text is a zero-width no-break space: drop it.
		case r >= 0x80 && r <= 0x9f:
			if bad < 0 {
				bad = i
			}
			sb.WriteByte(' ')
		default:
			sb.Write(b[i : i+n])
		}
		i += n
	}
	return sb.String(), bad
}

// needsMapping reports the valid non-ASCII runes that cleanText rewrites.
func needsMapping(r rune) bool {
	return r >= 0x80 && r <= 0x9f || r == '\u2028' || r == '\u2029' || r == '\ufeff'
}

// tidyText lays text out as the Document promises: lines without trailing blanks, paragraphs
// separated by exactly one blank line, no blank lines at either end. It expects cleaned text
// (LF line ends only).
func tidyText(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	blank := 0 // blank lines seen since the last written line
	wrote := false
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.TrimRight(line, " \u00a0")
		if strings.TrimSpace(line) == "" {
			blank++
			continue
		}
		if wrote {
			if blank > 0 {
				sb.WriteString("\n\n")
			} else {
				sb.WriteByte('\n')
			}
		}
		sb.WriteString(line)
		wrote = true
		blank = 0
	}
	return sb.String()
}

// truncateUTF8 cuts b to at most n bytes without splitting a multi-byte character.
func truncateUTF8(b []byte, n int) []byte {
	if len(b) <= n {
		return b
	}
	cut := n
	// Step back over at most three continuation bytes to the start of the split character.
	for k := 0; k < utf8.UTFMax-1 && cut > 0 && !utf8.RuneStart(b[cut]); k++ {
		cut--
	}
	if !utf8.RuneStart(b[cut]) {
		cut = n // not UTF-8 anyway; the cleaner will replace the bytes
	}
	return b[:cut]
}
