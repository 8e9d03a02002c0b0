package fingerprint

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// reference is Of written plainly, a rune and a hash function at a time: the oracle that the fast
// Of must match bit for bit, since stored signatures and hashes must stay comparable.
func reference(text string) Print {
	var p Print
	for i := range p.Sig {
		p.Sig[i] = ^uint32(0)
	}
	add := func(x uint64) {
		for i := range Size {
			if v := uint32((mulA[i]*x + addB[i]) >> 32); v < p.Sig[i] {
				p.Sig[i] = v
			}
		}
	}
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	h := sha256.New()
	var window [Shingle]uint64
	var buf [utf8.UTFMax]byte
	words := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !word(r) {
			i += n
			continue
		}
		if words > 0 {
			h.Write([]byte{' '})
		}
		wh := uint64(14695981039346656037)
		for i < len(text) {
			r, n = utf8.DecodeRuneInString(text[i:])
			if !word(r) {
				break
			}
			m := utf8.EncodeRune(buf[:], unicode.ToLower(r))
			h.Write(buf[:m])
			for _, c := range buf[:m] {
				wh = (wh ^ uint64(c)) * 1099511628211
			}
			i += n
		}
		copy(window[:], window[1:])
		window[Shingle-1] = wh
		words++
		if words >= Shingle {
			add(shingle(window[:]))
		}
	}
	p.Words = words
	if words == 0 {
		p.Sig = Signature{}
	} else if words < Shingle {
		add(shingle(window[Shingle-words:]))
	}
	p.Hash = hex.EncodeToString(h.Sum(nil))
	if words > 0 {
		p.Keys = p.Sig.Keys()
	}
	return p
}

func TestOfMatchesReference(t *testing.T) {
	story := readTestdata(t, "story.txt")
	long := strings.Repeat("Ünïcode wörds ÀND CAPITALS, digits 1234 and the Kelvin sign \u212A. ", 40) // words cross the buffer
	tests := []string{
		"", "   ", "one", "Two words", "Three whole words.", story, readTestdata(t, "other.txt"), long,
		"\xff\xfeinvalid \xc3 bytes\xe2\x82 between words",
		strings.Repeat("a", 1000), // one word longer than the buffer
		"İstanbul ΣΊΣΥΦΟΣ straße ǅemal 東京 ١٢٣",
	}
	for _, text := range tests {
		if got, want := Of(text), reference(text); got != want {
			t.Errorf("Of(%.40q) differs from the reference:\n got %v %d %x\nwant %v %d %x", text, got.Hash, got.Words, got.Keys, want.Hash, want.Words, want.Keys)
		}
	}
}
