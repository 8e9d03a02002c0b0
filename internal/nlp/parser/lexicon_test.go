package parser

import (
	"bufio"
	"bytes"
	"testing"

	"github.com/dyad-events/dyad/internal/nlp/perceptron"
)

func lexExamples() []example {
	return []example{
		{forms: []string{"The", "guards", "watch", "the", "gate"}, xpos: []string{"DT", "NNS", "VBP", "DT", "NN"}},
		{forms: []string{"THE", "watch", "broke"}, xpos: []string{"DT", "NN", "VBD"}},
		{forms: []string{"guards", "watch", "the", "watch"}, xpos: []string{"NNS", "VBP", "DT", "NN"}},
		{forms: []string{"Guards", "left"}, xpos: []string{"NNS", "VBD"}},
		{forms: []string{"a", "watch"}, xpos: []string{"DT", "NN"}},
	}
}

func TestLexiconClasses(t *testing.T) {
	lx := buildLexicon(lexExamples(), 3, 0.3)
	tests := []struct {
		form  string
		class string // "" for unknown
	}{
		{"the", "DT"},
		{"The", "DT"}, // classes are case-insensitive
		{"guards", "NNS"},
		{"watch", "NN+VBP"}, // two tags, each well above the share
		{"gate", ""},        // seen once: too rare to know
		{"broke", ""},
		{"unseen", ""},
	}
	for _, tt := range tests {
		t.Run(tt.form, func(t *testing.T) {
			want := unknownClass
			if tt.class != "" {
				want = perceptron.String(tt.class)
			}
			if got := lx.class(perceptron.Lower(tt.form)); got != want {
				t.Errorf("class(%q) = %x, want %x (%q)", tt.form, got, want, tt.class)
			}
			if got := lx.known(perceptron.Lower(tt.form)); got != (tt.class != "") {
				t.Errorf("known(%q) = %v", tt.form, got)
			}
		})
	}
	// a higher share keeps only the tags a word mostly has
	if got, want := buildLexicon(lexExamples(), 3, 0.6).class(perceptron.Lower("watch")), perceptron.String("NN"); got != want {
		t.Errorf("share 0.6: watch has class %x, want NN's %x", got, want)
	}
	var nilLex *lexicon
	if nilLex.class(perceptron.Lower("the")) != unknownClass || nilLex.known(perceptron.Lower("the")) {
		t.Error("a nil lexicon knows a word")
	}
}

func TestLexiconRoundTrip(t *testing.T) {
	lx := buildLexicon(lexExamples(), 2, 0.1)
	b := lx.appendTo(nil)
	got, err := readLexicon(bufio.NewReader(bytes.NewReader(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"the", "guards", "watch", "gate", "left", "unseen"} {
		if a, b := lx.class(perceptron.Lower(f)), got.class(perceptron.Lower(f)); a != b {
			t.Errorf("%q: class %x before writing, %x after", f, a, b)
		}
	}
	for _, cut := range []int{0, 1, len(b) / 2, len(b) - 1} {
		if _, err := readLexicon(bufio.NewReader(bytes.NewReader(b[:cut]))); err == nil {
			t.Errorf("a lexicon cut at %d of %d bytes reads without error", cut, len(b))
		}
	}
}

func FuzzReadLexicon(f *testing.F) {
	f.Add(buildLexicon(lexExamples(), 1, 0.1).appendTo(nil))
	f.Add([]byte{1, 2, 'D', 'T', 1, 3, 't', 'h', 'e', 0})
	f.Add([]byte{1, 0, 1, 0, 5})
	f.Fuzz(func(t *testing.T, data []byte) {
		lx, err := readLexicon(bufio.NewReader(bytes.NewReader(data)))
		if err != nil {
			return
		}
		for _, w := range []string{"the", "", "x"} {
			lx.class(perceptron.Lower(w))
		}
	})
}
