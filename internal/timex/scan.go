package timex

import "unicode/utf8"

// Token kinds.
const (
	tkWord uint8 = iota + 1
	tkNum
	tkPunct
)

// Punctuation marks as stored in token.ch. Typographic variants are folded so patterns test one byte.
const (
	pApos = '\'' // ' ’ ‘
	pDash = '-'  // - – (hyphen, en dash)
	pEm   = '|'  // — (em dash): a clause break, never a range
)

// maxNum caps number values so that long digit runs cannot overflow.
const maxNum = 1_000_000

// token is one word, number or punctuation mark of the sentence.
type token struct {
	start, end int // byte offsets
	val        int // number value, or the lexicon value of a word
	kind       uint8
	cls        uint8 // lexicon class of a word
	flags      uint8
	nd         uint8 // digits in a number (capped at 255)
	ch         byte  // folded punctuation mark
	glued      bool  // a number touching letters ("G20", "2010abc"): never a date
}

// tokenize splits s into tokens appended to toks. trigger reports whether s holds a digit or a word of a
// trigger class, so Find can stop early on the common sentence without a date.
func tokenize(s string, toks []token) ([]token, bool) {
	trigger := false
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c >= '0' && c <= '9':
			t, j := scanNumber(s, i)
			if i > 0 && isLetterByte(s[i-1]) {
				t.glued = true
			}
			toks = append(toks, t)
			trigger = true
			i = j
		case isLetterByte(c):
			// Hash the lower-cased word while scanning it, for the lexicon lookup below.
			h := (fnvOffset ^ uint32(c|0x20)) * fnvPrime
			j := i + 1
			for j < len(s) && isLetterByte(s[j]) {
				h = (h ^ uint32(s[j]|0x20)) * fnvPrime
				j++
			}
			// Words containing non-ASCII letters run on, but are never looked up.
			ascii := true
			for j < len(s) && s[j] >= utf8.RuneSelf {
				r, w := utf8.DecodeRuneInString(s[j:])
				if !isLetterRune(r) {
					break
				}
				ascii = false
				j += w
				for j < len(s) && isLetterByte(s[j]) {
					j++
				}
			}
			t := token{start: i, end: j, kind: tkWord}
			if c >= 'A' && c <= 'Z' {
				t.flags |= fCap
			}
			if ascii && j-i <= maxWord {
				if e, ok := lexTable.find(s[i:j], h); ok {
					t.cls, t.val = e.cls, e.val
					t.flags |= e.flags
					if isTrigger(e.cls) {
						trigger = true
					}
				}
			}
			toks = append(toks, t)
			i = j
		case c < utf8.RuneSelf:
			toks = append(toks, token{start: i, end: i + 1, kind: tkPunct, ch: c})
			i++
		default:
			r, w := utf8.DecodeRuneInString(s[i:])
			switch r {
			case '\u00a0', '\u2009', '\u202f', '\u200b':
				// non-breaking and thin spaces
			case '\u2019', '\u2018':
				toks = append(toks, token{start: i, end: i + w, kind: tkPunct, ch: pApos})
			case '\u2013', '\u2012', '\u2010', '\u2011':
				toks = append(toks, token{start: i, end: i + w, kind: tkPunct, ch: pDash})
			case '\u2014', '\u2015':
				toks = append(toks, token{start: i, end: i + w, kind: tkPunct, ch: pEm})
			default:
				if isLetterRune(r) {
					// A word that starts with a non-ASCII letter: skip it whole.
					j := i + w
					for j < len(s) {
						if isLetterByte(s[j]) {
							j++
							continue
						}
						r2, w2 := utf8.DecodeRuneInString(s[j:])
						if s[j] < utf8.RuneSelf || !isLetterRune(r2) {
							break
						}
						j += w2
					}
					toks = append(toks, token{start: i, end: j, kind: tkWord})
					i = j
					continue
				}
				toks = append(toks, token{start: i, end: i + w, kind: tkPunct, ch: '?'})
			}
			i += w
		}
	}
	return toks, trigger
}

// scanNumber reads a digit run at i with an optional ordinal suffix ("31st") or plural s ("1980s").
func scanNumber(s string, i int) (token, int) {
	j, v := i, 0
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		if v < maxNum {
			v = v*10 + int(s[j]-'0')
		}
		j++
	}
	nd := min(j-i, 255)
	t := token{start: i, kind: tkNum, val: min(v, maxNum), nd: uint8(nd)}
	if j+2 <= len(s) && isOrdinal(s[j], s[j+1]) && (j+2 == len(s) || !isLetterByte(s[j+2])) {
		t.flags |= fOrd
		j += 2
	} else if j < len(s) && (s[j] == 's' || s[j] == 'S') && (j+1 == len(s) || !isLetterByte(s[j+1])) {
		t.flags |= fDecS
		j++
	} else if j < len(s) && isLetterByte(s[j]) {
		t.glued = true
	}
	t.end = j
	return t, j
}

func isOrdinal(a, b byte) bool {
	a, b = a|0x20, b|0x20
	return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h')
}

func isLetterByte(c byte) bool {
	return (c|0x20) >= 'a' && (c|0x20) <= 'z'
}

// isLetterRune accepts the non-ASCII letters of Latin, Greek and Cyrillic words ("Zürich", "Ελλάδα") and
// treats other scripts the same way; exactness does not matter as such words are never looked up.
func isLetterRune(r rune) bool {
	if r == utf8.RuneError {
		return false
	}
	switch {
	case r >= 0x00c0 && r <= 0x024f && r != 0x00d7 && r != 0x00f7:
		return true
	case r >= 0x0370 && r <= 0x1fff:
		return true
	case r >= 0x3040 && r <= 0x9fff, r >= 0xac00 && r <= 0xd7af:
		return true
	}
	return false
}

// maxWord is the longest word in the lexicon.
const maxWord = 10

// FNV-1a, 32 bit.
const (
	fnvOffset uint32 = 2166136261
	fnvPrime  uint32 = 16777619
)

// hashTable is an open-addressing table over the lexicon: faster than a map for the many short words
// that miss, as the hash is computed while the word is scanned. Read-only after init.
type hashTable struct {
	slots [1024]hashSlot
}

type hashSlot struct {
	key string // lower case; "" marks an empty slot
	e   lexEntry
}

var lexTable = buildTable(lexicon)

func hashWord(w string) uint32 {
	h := fnvOffset
	for k := 0; k < len(w); k++ {
		h = (h ^ uint32(w[k]|0x20)) * fnvPrime
	}
	return h
}

func buildTable(lex map[string]lexEntry) *hashTable {
	t := &hashTable{}
	for w, e := range lex {
		for k := hashWord(w); ; k++ {
			s := &t.slots[k%uint32(len(t.slots))]
			if s.key == "" {
				s.key, s.e = w, e
				break
			}
		}
	}
	return t
}

// find looks up w, an ASCII word whose lower-case hash is h, case-insensitively.
func (t *hashTable) find(w string, h uint32) (lexEntry, bool) {
	for k := h; ; k++ {
		s := &t.slots[k%uint32(len(t.slots))]
		if s.key == "" {
			return lexEntry{}, false
		}
		if len(s.key) == len(w) && equalFold(s.key, w) {
			return s.e, true
		}
	}
}

// equalFold compares a lower-case key with an ASCII word of the same length.
func equalFold(key, w string) bool {
	for k := 0; k < len(w); k++ {
		if key[k] != w[k]|0x20 {
			return false
		}
	}
	return true
}

// lookup finds an ASCII word in the lexicon case-insensitively without allocating.
func lookup(w string) (lexEntry, bool) {
	if len(w) > maxWord {
		return lexEntry{}, false
	}
	return lexTable.find(w, hashWord(w))
}
