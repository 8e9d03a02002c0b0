package text

import (
	"unicode"
	"unicode/utf8"
)

// Character classes for the ASCII fast path; everything at or above utf8.RuneSelf goes through package unicode.
const (
	cSpace uint8 = 1 << iota
	cUpper
	cLower
	cDigit
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for _, c := range " \t\n\r\v\f" {
		t[c] = cSpace
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = cUpper
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = cLower
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = cDigit
	}
	return t
}()

// runeAt decodes the rune at i, which must be < len(s).
func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isSpace(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiClass[r]&cSpace != 0
	}
	return unicode.IsSpace(r)
}

func isDigit(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiClass[r]&cDigit != 0
	}
	return unicode.IsDigit(r)
}

func isLetter(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiClass[r]&(cUpper|cLower) != 0
	}
	// U+FFFD stands for bytes Clean could not decode; treating it as a letter keeps a damaged word in one piece.
	return unicode.IsLetter(r) || r == utf8.RuneError
}

func isUpper(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiClass[r]&cUpper != 0
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func isLower(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiClass[r]&cLower != 0
	}
	return unicode.IsLower(r)
}

// isWordStart reports whether r can begin a word: letters and digits of any script.
func isWordStart(r rune) bool {
	return isLetter(r) || isDigit(r) || (r >= utf8.RuneSelf && unicode.IsNumber(r))
}

// isWordRune reports whether r continues a word: also combining marks (needed by many scripts), format
// characters such as the zero-width joiner, and '_' (identifiers, e-mail system names).
func isWordRune(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiClass[r]&(cUpper|cLower|cDigit) != 0 || r == '_'
	}
	return isWordStart(r) || unicode.In(r, unicode.M, unicode.Cf)
}

// isDigitByte and isLetterByte are for ASCII-only patterns (numbers, e-mail addresses).
func isDigitByte(c byte) bool  { return c < utf8.RuneSelf && asciiClass[c]&cDigit != 0 }
func isLetterByte(c byte) bool { return c < utf8.RuneSelf && asciiClass[c]&(cUpper|cLower) != 0 }

// lowerASCII writes the ASCII lower-case form of s into buf and reports whether it fitted and was all ASCII; it
// lets table lookups ignore case without allocating.
func lowerASCII(buf []byte, s string) ([]byte, bool) {
	if len(s) > cap(buf) {
		return nil, false
	}
	buf = buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if asciiClass[c]&cUpper != 0 {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf, true
}
