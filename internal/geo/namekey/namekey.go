package namekey

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// tableEnd bounds the precomputed fold table: Latin, Greek, Cyrillic and the Latin Extended
// Additional block (Vietnamese) all lie below it.
const tableEnd = 0x2000

// Fold actions kept in the table: drop the rune, or end a word; any other value replaces it.
const (
	actDrop = ""
	actSep  = " "
)

// fold maps each rune below tableEnd to its action. Built once at init and only read after.
var fold = buildFold()

// special holds the Latin letters that do not decompose into a base letter and a mark.
var special = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ł': "l", 'Ł': "l",
	'ı': "i", 'ħ': "h", 'Ħ': "h", 'ŧ': "t", 'Ŧ': "t", 'ŋ': "n", 'Ŋ': "n", 'ĸ': "k",
	'ƒ': "f", 'ə': "e", 'Ə': "e", 'ǝ': "e", 'ɨ': "i", 'ʉ': "u", 'ɛ': "e", 'Ɛ': "e", 'ɔ': "o", 'Ɔ': "o",
	'ƙ': "k", 'Ƙ': "k", 'ɗ': "d", 'Ɗ': "d", 'ɓ': "b", 'Ɓ': "b", 'ƴ': "y", 'Ƴ': "y",
}

// isQuote reports the marks that sit inside a name without separating words: apostrophes,
// okina, primes and the period of an abbreviation.
func isQuote(r rune) bool {
	switch r {
	case '\'', '.', '`', '"', '´', 'ʻ', 'ʼ', 'ʽ', 'ʾ', 'ʿ', 'ˈ', '\u2018', '\u2019', '\u201B', '\u201C', '\u201D', '\u2032', '«', '»':
		return true
	}
	return false
}

func buildFold() []string {
	t := make([]string, tableEnd)
	var buf []byte
	for r := rune(0); r < tableEnd; r++ {
		t[r] = classify(r, &buf)
	}
	return t
}

func classify(r rune, buf *[]byte) string {
	switch {
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return string(r)
	case r >= 'A' && r <= 'Z':
		return string(r + 'a' - 'A')
	case isQuote(r):
		return actDrop
	case unicode.Is(unicode.Mn, r):
		return actDrop
	case unicode.IsDigit(r):
		return string(r)
	case !unicode.IsLetter(r):
		return actSep
	}
	// Fold the lowercase form, so that a capital and its small letter always agree ("Ʉ", "ʉ").
	if lr := unicode.ToLower(r); lr != r && lr < tableEnd {
		return classify(lr, buf)
	}
	if s, ok := special[r]; ok {
		return s
	}
	// Decompose and keep the base letters when they are plain ASCII: "ş" → "s", "ǅ" → "dz".
	b := (*buf)[:0]
	ascii := true
	for _, c := range norm.NFKD.String(string(r)) {
		if unicode.Is(unicode.Mn, c) {
			continue
		}
		if c >= utf8.RuneSelf || !unicode.IsLetter(c) {
			ascii = false
			break
		}
		b = append(b, byte(unicode.ToLower(c)))
	}
	*buf = b
	if ascii && len(b) > 0 {
		return string(b)
	}
	return string(unicode.ToLower(r))
}

// Append appends the key of name to dst and returns the extended slice. It allocates only when
// dst lacks room, so a caller can fold into a stack buffer.
func Append(dst []byte, name string) []byte {
	start := len(dst)
	sep := false // a separator is pending: written only before the next kept rune
	for i := 0; i < len(name); {
		c := name[i]
		var out string
		if c < utf8.RuneSelf {
			out = fold[c]
			i++
		} else {
			r, n := utf8.DecodeRuneInString(name[i:])
			i += n
			if r < tableEnd {
				out = fold[r]
			} else {
				switch wide(r) {
				case wideDrop:
				case wideSep:
					sep = true
				default:
					if sep && len(dst) > start {
						dst = append(dst, ' ')
					}
					sep = false
					dst = utf8.AppendRune(dst, unicode.ToLower(r))
				}
				continue
			}
		}
		switch out {
		case actDrop:
		case actSep:
			sep = true
		default:
			if sep && len(dst) > start {
				dst = append(dst, ' ')
			}
			sep = false
			dst = append(dst, out...)
		}
	}
	// A leading article is not part of the name: "the Gaza Strip", "The Hague".
	for k := dst[start:]; len(k) > 4 && string(k[:4]) == "the "; k = dst[start:] {
		n := copy(dst[start:], k[4:])
		dst = dst[:start+n]
	}
	return dst
}

// Actions for runes past the table.
const (
	wideDrop = iota
	wideSep
	wideKeep
)

// wide decides how a rune past the table folds.
func wide(r rune) int {
	switch {
	case isQuote(r), unicode.Is(unicode.Mn, r), r == utf8.RuneError:
		return wideDrop
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return wideKeep
	}
	return wideSep
}

// String returns the key of name.
func String(name string) string {
	var buf [64]byte
	return string(Append(buf[:0], name))
}
