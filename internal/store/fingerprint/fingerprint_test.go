package fingerprint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

func readTestdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// sentences splits the test story into its lines (one sentence each).
func sentences(s string) []string { return strings.Split(strings.TrimSpace(s), "\n") }

// jaccard is the exact resemblance of two texts' word 3-shingle sets, written plainly as the oracle.
func jaccard(a, b string) float64 {
	set := func(s string) map[string]bool {
		w := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		m := map[string]bool{}
		for i := 0; i+Shingle <= len(w); i++ {
			m[strings.Join(w[i:i+Shingle], " ")] = true
		}
		return m
	}
	sa, sb := set(a), set(b)
	inter := 0
	for k := range sa {
		if sb[k] {
			inter++
		}
	}
	union := len(sa) + len(sb) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

func sharesKey(a, b Print) bool {
	for i := range a.Keys {
		if a.Keys[i] == b.Keys[i] {
			return true
		}
	}
	return false
}

func TestCopies(t *testing.T) {
	story := readTestdata(t, "story.txt")
	other := readTestdata(t, "other.txt")
	lines := sentences(story)
	tests := []struct {
		name     string
		text     string
		sameHash bool
		copy     bool // Similarity ≥ Threshold
	}{
		{"identical", story, true, true},
		{"case and spacing", strings.ToUpper(strings.ReplaceAll(story, " ", "  \n")), true, true},
		{"punctuation", strings.ReplaceAll(story, ",", " ;"), true, true},
		{"headline and credit", "BORDER TALKS RESUME AT LAKESIDE HOTEL\n\n" + story + "\n(Reporting by our correspondent; editing by the world desk)", false, true},
		{"one sentence edited", strings.Replace(story, "eleven people", "a dozen people", 1), false, true},
		{"first half", strings.Join(lines[:len(lines)/2], "\n"), false, false},
		{"other story", other, false, false},
		{"empty", "", false, false},
	}
	base := Of(story)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Of(tt.text)
			if got := p.Hash == base.Hash; got != tt.sameHash {
				t.Errorf("same hash = %v, want %v", got, tt.sameHash)
			}
			sim := Similarity(&base.Sig, &p.Sig)
			if got := sim >= Threshold; got != tt.copy {
				t.Errorf("similarity %.3f (exact %.3f): copy = %v, want %v", sim, jaccard(story, tt.text), got, tt.copy)
			}
			if tt.copy && !sharesKey(base, p) {
				t.Errorf("a copy shares no band key")
			}
		})
	}
}

// TestEstimate checks the MinHash estimate against the exact resemblance over texts made by dropping
// sentences, from identical to disjoint halves.
func TestEstimate(t *testing.T) {
	story := readTestdata(t, "story.txt")
	lines := sentences(story)
	base := Of(story)
	for drop := 0; drop <= len(lines)-1; drop++ {
		text := strings.Join(lines[drop:], "\n")
		exact := jaccard(story, text)
		p := Of(text)
		est := Similarity(&base.Sig, &p.Sig)
		// Standard error is at most 0.5/√128 ≈ 0.044; allow three of them.
		if d := est - exact; d > 0.135 || d < -0.135 {
			t.Errorf("drop %d: estimate %.3f, exact %.3f", drop, est, exact)
		}
	}
}

func TestShortTexts(t *testing.T) {
	tests := []struct {
		a, b  string
		words int
		copy  bool
	}{
		{"Talks", "talks!", 1, true},
		{"Talks resumed", "TALKS  resumed.", 2, true},
		{"Talks resumed", "Talks stalled", 2, false},
		{"...", "!!!", 0, false},
	}
	for _, tt := range tests {
		pa, pb := Of(tt.a), Of(tt.b)
		if pa.Words != tt.words {
			t.Errorf("Of(%q).Words = %d, want %d", tt.a, pa.Words, tt.words)
		}
		if got := Similarity(&pa.Sig, &pb.Sig) >= Threshold; got != tt.copy {
			t.Errorf("%q vs %q: copy = %v, want %v", tt.a, tt.b, got, tt.copy)
		}
	}
}

func TestBytesRoundTrip(t *testing.T) {
	p := Of(readTestdata(t, "story.txt"))
	got, err := Decode(p.Sig.Bytes())
	if err != nil || got != p.Sig {
		t.Fatalf("Decode(Bytes) = %v, %v", got == p.Sig, err)
	}
	if _, err := Decode([]byte{1, 2, 3}); err == nil {
		t.Error("Decode of 3 bytes: no error")
	}
	if s, err := Decode(nil); err != nil || s != (Signature{}) {
		t.Errorf("Decode(nil) = %v, %v", s, err)
	}
}

func FuzzOf(f *testing.F) {
	f.Add("Talks resumed on Thursday.")
	f.Add("\xff\xfe caf\u00e9 \u0130stanbul")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		p := Of(s)
		if p != reference(s) {
			t.Fatalf("Of(%q) differs from the reference", s)
		}
		if len(p.Hash) != 64 {
			t.Fatalf("hash %q", p.Hash)
		}
		if p.Words > 0 && Similarity(&p.Sig, &p.Sig) != 1 {
			t.Fatal("a text is not a copy of itself")
		}
		if p.Words == 0 && p.Sig != (Signature{}) {
			t.Fatal("no words but a signature")
		}
		if q, err := Decode(p.Sig.Bytes()); err != nil || q != p.Sig {
			t.Fatal("round trip")
		}
	})
}

func FuzzDecode(f *testing.F) {
	f.Add(make([]byte, 4*Size))
	f.Add([]byte{1})
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := Decode(b)
		if err == nil && len(b) == 4*Size {
			if got := s.Bytes(); string(got) != string(b) {
				t.Fatal("round trip")
			}
		}
	})
}

func BenchmarkOf(b *testing.B) {
	story := readTestdata(b, "story.txt")
	text := strings.Repeat(story, 2) + story[:len(story)/4] // about 600 words
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Of(text)
	}
}
