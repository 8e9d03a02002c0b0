package text

import (
	"os"
	"path/filepath"
	"testing"
)

// fuzzSeeds are the inputs of the table tests plus a few shapes that stress the pattern code.
func fuzzSeeds(f *testing.F) {
	for _, c := range readTokCases(f) {
		f.Add(c.in)
	}
	for _, c := range readSegCases(f) {
		f.Add(c.in)
	}
	if b, err := os.ReadFile(filepath.Join("testdata", "news.txt")); err == nil {
		f.Add(string(b))
	}
	for _, s := range []string{
		"", " ", "\n\n", ".", "...", "U.S..", "a'", "'s", "n't", "@", "#", "+1", "a@b", "x@y.", "http://",
		"www.", "1,00", "1,000,000", "3.5.6", "555-0143-", "1-", "6/14/", "$.5", "'05s", ":-", "<--", "Dr.",
		"No.", "No. ", "etc.)", "\"Hi.\" Then", "\u2028\u2029", "\x85", "a\u00a0b", "\xff\xfe", "é\u0301",
		"its", "its a", "Lets", "dunno", "P&L", "w/o", "J. R.", "5kg", "5KG", "1990's", "www.a.com.",
	} {
		f.Add(s)
	}
}

func FuzzTokenize(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		checkTokens(t, src, Tokenize(src))
	})
}

func FuzzSegment(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		sents := Segment(src)
		checkSentences(t, src, sents)
		for i, s := range sents {
			if len(s.Tokens) > maxSentenceTokens+1 {
				t.Fatalf("sentence %d has %d tokens", i, len(s.Tokens))
			}
		}
		// The flat tokens of Segment are the tokens of Tokenize.
		toks := Tokenize(src)
		n := 0
		for _, s := range sents {
			for _, tk := range s.Tokens {
				if n >= len(toks) || toks[n] != tk {
					t.Fatalf("Segment token %d %+v differs from Tokenize", n, tk)
				}
				n++
			}
		}
		if n != len(toks) {
			t.Fatalf("Segment has %d tokens, Tokenize %d", n, len(toks))
		}
	})
}

func FuzzClean(f *testing.F) {
	fuzzSeeds(f)
	f.Add("\x00\x01\x1f\x7f\u0080\u009f\t\n\r")
	f.Fuzz(func(t *testing.T, in string) {
		out, probs := Clean([]byte(in))
		checkClean(t, []byte(in), out, probs)
		// Cleaned text goes through the tokenizer untouched by further repairs.
		if again, p2 := Clean([]byte(out)); again != out || len(p2) != 0 {
			t.Fatalf("Clean is not idempotent: %q → %q (%v)", out, again, p2)
		}
		checkTokens(t, out, Tokenize(out))
	})
}
