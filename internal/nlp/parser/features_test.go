package parser

import (
	"slices"
	"testing"
)

// After set, useRawWords gives punctuation attachment the atoms that setWords computes from scratch,
// rare and unknown words included.
func TestUseRawWordsMatchesSetWords(t *testing.T) {
	lex := newLexicon([]string{"the", "police", "left"}, []string{"DT", "NN+NNS", "VBD+VBN"})
	tests := []struct {
		name              string
		forms, upos, xpos []string
	}{
		{"known words", []string{"The", "police", "left", "."}, []string{"DET", "NOUN", "VERB", "PUNCT"}, []string{"DT", "NNS", "VBD", "."}},
		{"rare words", []string{"Zanzibari", "ferries", "docked", "!"}, []string{"ADJ", "NOUN", "VERB", "PUNCT"}, []string{"JJ", "NNS", "VBD", "."}},
		{"missing tags", []string{"left", "Qx-7"}, nil, []string{"VBD"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a, b atoms
			a.lex, b.lex = lex, lex
			a.set(tt.forms, tt.upos, tt.xpos)
			a.useRawWords()
			b.setWords(tt.forms, tt.upos, tt.xpos)
			if !slices.Equal(a.w, b.w) || !slices.Equal(a.p, b.p) || !slices.Equal(a.u, b.u) {
				t.Errorf("useRawWords: w %v p %v u %v; setWords: w %v p %v u %v", a.w, a.p, a.u, b.w, b.p, b.u)
			}
		})
	}
}
