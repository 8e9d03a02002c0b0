package conllu

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestReadWriteRoundTrip(t *testing.T) {
	b, err := os.ReadFile("testdata/small.conllu")
	if err != nil {
		t.Fatal(err)
	}
	sents, err := ReadAll(bytes.NewReader(b), "small")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 1 {
		t.Fatalf("%d sentences", len(sents))
	}
	s := sents[0]
	if s.ID != "s1" || s.Text != "Rebels don't trust the ceasefire." || !s.NewDoc || len(s.Words) != 7 || len(s.Multi) != 1 {
		t.Fatalf("read %+v", s)
	}
	if toks := s.Tokens(); len(toks) != 6 || toks[1].Form != "don't" {
		t.Errorf("tokens %+v", toks)
	}
	var out bytes.Buffer
	if err := Write(&out, s); err != nil {
		t.Fatal(err)
	}
	if out.String() != string(b) {
		t.Errorf("round trip differs:\n%s\nwant\n%s", out.String(), b)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1\tA\ta\tX\tX\t_\t0\troot\t_\n", "want 10"},
		{"2\tA\ta\tX\tX\t_\t0\troot\t_\t_\n", "out of sequence"},
		{"1\tA\ta\tX\tX\t_\tx\troot\t_\t_\n", "bad HEAD"},
		{"1\tA\ta\tX\tX\t_\t5\troot\t_\t_\n", "beyond the sentence"},
		{"3-1\tab\t_\t_\t_\t_\t_\t_\t_\t_\n", "bad multiword"},
	}
	for _, tt := range tests {
		_, err := ReadAll(strings.NewReader(tt.in), "f.conllu")
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "f.conllu:") {
			t.Errorf("%q: error %v, want one naming the file and %q", tt.in, err, tt.want)
		}
	}
}

func FuzzRead(f *testing.F) {
	b, _ := os.ReadFile("testdata/small.conllu")
	f.Add(b)
	f.Add([]byte("1\ta\n\n\n# x\n1-2\t\t\t\t\t\t\t\t\t\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		sents, _ := ReadAll(bytes.NewReader(in), "fuzz")
		for _, s := range sents {
			_ = s.Tokens()
			var out bytes.Buffer
			if err := Write(&out, s); err != nil {
				t.Fatal(err)
			}
		}
	})
}
