package train

import (
	"slices"
	"testing"

	"github.com/dyad-events/dyad/internal/nlp/conllu"
)

func TestDocFolds(t *testing.T) {
	doc := func(newDoc bool) *conllu.Sentence { return &conllu.Sentence{NewDoc: newDoc} }
	tests := []struct {
		name  string
		sents []*conllu.Sentence
		k     int
		want  []int
	}{
		{"documents in turn", []*conllu.Sentence{doc(true), doc(false), doc(true), doc(true), doc(false), doc(true)}, 3,
			[]int{0, 0, 1, 2, 2, 0}},
		{"no newdoc marks: one document", []*conllu.Sentence{doc(false), doc(false)}, 4, []int{0, 0}},
		{"first sentence without a mark", []*conllu.Sentence{doc(false), doc(true), doc(false)}, 2, []int{0, 1, 1}},
		{"one fold", []*conllu.Sentence{doc(true), doc(true)}, 1, []int{0, 0}},
		{"no sentences", nil, 4, []int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := docFolds(tt.sents, tt.k); !slices.Equal(got, tt.want) {
				t.Errorf("docFolds = %v, want %v", got, tt.want)
			}
		})
	}
}
