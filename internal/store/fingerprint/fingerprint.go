package fingerprint

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"unicode"
	"unicode/utf8"
)

// Signature sizes: Size minima cut into Bands bands of Rows rows.
const (
	Size  = 128
	Bands = 16
	Rows  = Size / Bands
	// Threshold is the estimated resemblance at or above which two texts are copies of one story. It sits
	// below 0.9 because the estimate is noisy (±0.027 at 0.9): at 0.85, measured by TestThreshold, 98% of
	// pairs of resemblance 0.90-0.93 and all above are linked, 76% at 0.85-0.90, 25% at 0.80-0.85 and
	// under 1% below 0.80.
	Threshold = 0.85
	// Shingle is the number of consecutive words in a shingle.
	Shingle = 3
)

// Signature is a MinHash signature. The zero value means "no words": it matches nothing.
type Signature [Size]uint32

// Print is what a store keeps to recognise copies of a text.
type Print struct {
	Hash  string       // hex SHA-256 of the text's words, case-folded and single-spaced
	Sig   Signature    // MinHash signature of the word 3-shingles
	Words int          // words in the text; 0 means the text has none and Sig is empty
	Keys  [Bands]int64 // band keys of Sig, for candidate lookups (signed: SQL integers are)
}

// Hash multipliers and offsets of the Size hash functions a·x + b (mod 2⁶⁴), top 32 bits kept. They are
// fixed (derived from a constant seed at init) because stored signatures must stay comparable.
var mulA, addB [Size]uint64

func init() {
	s := uint64(0x9e3779b97f4a7c15)
	for i := range Size {
		mulA[i] = splitmix(&s) | 1
		addB[i] = splitmix(&s)
	}
}

// splitmix advances s and returns the next splitmix64 output.
func splitmix(s *uint64) uint64 {
	*s += 0x9e3779b97f4a7c15
	return mix(*s)
}

// mix is the splitmix64 finaliser: a good 64-bit avalanche.
func mix(z uint64) uint64 {
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// Of fingerprints text. It allocates only the hash state; words and shingles are hashed in place,
// and the case-folded words reach the content hash a buffer at a time (a Write per rune cost a tenth
// of the whole).
func Of(text string) Print {
	var p Print
	for i := range p.Sig {
		p.Sig[i] = ^uint32(0)
	}
	h := sha256.New()
	var window [Shingle]uint64 // hashes of the last words, oldest first
	var buf [256]byte          // case-folded words not yet written to h
	n := 0
	words := 0
	for i := 0; i < len(text); {
		// Skip to the next letter or digit.
		if c := text[i]; c < utf8.RuneSelf {
			if asciiWord[c] == 0 {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); !isWordRune(r) {
			i += size
			continue
		}
		if words > 0 {
			buf[n] = ' '
			n++
		}
		wh := uint64(14695981039346656037) // FNV-1a over the case-folded word
		for i < len(text) {
			if n > len(buf)-utf8.UTFMax-1 { // room for a rune and the space after the word
				h.Write(buf[:n])
				n = 0
			}
			// ASCII, most of any text, goes by table: no decoding, no call.
			if c := text[i]; c < utf8.RuneSelf {
				l := asciiWord[c]
				if l == 0 {
					break
				}
				buf[n] = l
				n++
				wh = (wh ^ uint64(l)) * 1099511628211
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				break
			}
			m := utf8.EncodeRune(buf[n:], unicode.ToLower(r))
			for _, c := range buf[n : n+m] {
				wh = (wh ^ uint64(c)) * 1099511628211
			}
			n += m
			i += size
		}
		copy(window[:], window[1:])
		window[Shingle-1] = wh
		words++
		if words >= Shingle {
			p.add(shingle(window[:]))
		}
	}
	h.Write(buf[:n])
	p.Words = words
	if words == 0 {
		p.Sig = Signature{}
	} else if words < Shingle {
		// Too short for one shingle: the whole text is the one shingle.
		p.add(shingle(window[Shingle-words:]))
	}
	p.Hash = hex.EncodeToString(h.Sum(nil))
	if words > 0 {
		p.Keys = p.Sig.Keys()
	}
	return p
}

// asciiWord maps an ASCII letter or digit to itself in lower case, and any other ASCII byte to 0.
var asciiWord = func() (t [utf8.RuneSelf]byte) {
	for c := range byte(utf8.RuneSelf) {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			t[c] = c
		case 'A' <= c && c <= 'Z':
			t[c] = c + 'a' - 'A'
		}
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// shingle combines word hashes in order.
func shingle(ws []uint64) uint64 {
	x := uint64(len(ws))
	for _, w := range ws {
		x = mix(x*0x9e3779b97f4a7c15 ^ w)
	}
	return x
}

// Size is a multiple of 8, the steps of add: this fails to compile otherwise.
var _ = [1]struct{}{}[Size%8]

// add takes shingle x into the signature: eight hash functions a step, without branches, twice as
// fast as one at a time with a test each (this loop is most of the cost of a fingerprint).
func (p *Print) add(x uint64) {
	for i := 0; i < Size; i += 8 {
		a := (*[8]uint64)(mulA[i : i+8])
		b := (*[8]uint64)(addB[i : i+8])
		s := (*[8]uint32)(p.Sig[i : i+8])
		s[0] = min(s[0], uint32((a[0]*x+b[0])>>32))
		s[1] = min(s[1], uint32((a[1]*x+b[1])>>32))
		s[2] = min(s[2], uint32((a[2]*x+b[2])>>32))
		s[3] = min(s[3], uint32((a[3]*x+b[3])>>32))
		s[4] = min(s[4], uint32((a[4]*x+b[4])>>32))
		s[5] = min(s[5], uint32((a[5]*x+b[5])>>32))
		s[6] = min(s[6], uint32((a[6]*x+b[6])>>32))
		s[7] = min(s[7], uint32((a[7]*x+b[7])>>32))
	}
}

// Keys returns the band keys: band b's key hashes b with its Rows minima, so equal keys mean (almost
// surely) equal bands.
func (s *Signature) Keys() [Bands]int64 {
	var k [Bands]int64
	for b := range Bands {
		x := uint64(b) + 1
		for _, v := range s[b*Rows : (b+1)*Rows] {
			x = mix(x*0x9e3779b97f4a7c15 ^ uint64(v))
		}
		k[b] = int64(x)
	}
	return k
}

// Similarity estimates the resemblance of the texts of two signatures: the fraction of equal minima.
// An empty signature is similar to nothing.
func Similarity(a, b *Signature) float64 {
	if a.empty() || b.empty() {
		return 0
	}
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / Size
}

func (s *Signature) empty() bool { return *s == Signature{} }

// Bytes encodes the signature for storage (little-endian, 4·Size bytes).
func (s *Signature) Bytes() []byte {
	b := make([]byte, 4*Size)
	for i, v := range s {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

// ErrSignature reports a stored signature of the wrong length.
var ErrSignature = errors.New("fingerprint: signature is not 512 bytes")

// Decode reads a signature written by Bytes.
func Decode(b []byte) (Signature, error) {
	var s Signature
	if len(b) == 0 {
		return s, nil
	}
	if len(b) != 4*Size {
		return s, ErrSignature
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return s, nil
}
