package lexicon

import (
	"unicode"
	"unicode/utf8"
)

// Key is the hash of a word's normalized form: lowercase, full stops removed, curly apostrophes straightened.
// Dictionaries are keyed by it so that looking a token up allocates nothing.
type Key uint64

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// KeyOf returns the key of a word.
func KeyOf(w string) Key {
	h := uint64(fnvOffset)
	n := 0
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			i++
			if c == '.' && len(w) > 1 {
				continue // "C.I.A." = "CIA"; a lone "." stays a word
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = (h ^ uint64(c)) * fnvPrime
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		switch r {
		case '’', '‘', 'ʼ':
			r = '\''
		default:
			r = unicode.ToLower(r)
		}
		var buf [4]byte
		m := utf8.EncodeRune(buf[:], r)
		for _, b := range buf[:m] {
			h = (h ^ uint64(b)) * fnvPrime
		}
		n++
	}
	if n == 0 {
		return 0
	}
	// final mix so that short words spread over the whole key
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return Key(h | 1)
}

// isUpperWord reports whether w has letters and all of them are upper case ("US", "U.N.").
func isUpperWord(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}
