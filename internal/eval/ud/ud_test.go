package ud

import (
	"context"
	"os"
	"testing"

	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/nlp/conllu"
)

// echo annotates with the gold analysis of a fixed treebank, except for one deliberate error per sentence.
type echo struct {
	gold []*conllu.Sentence
	i    int
}

func (e *echo) Annotate(words []nlp.Word) {
	g := e.gold[e.i]
	e.i++
	for j := range words {
		w := g.Words[j]
		words[j].UPOS, words[j].XPOS, words[j].Lemma, words[j].Head, words[j].DepRel = w.UPOS, w.XPOS, w.Lemma, w.Head, w.DepRel
	}
	words[0].DepRel = "dep" // wrong label on the first word: costs LAS, not UAS
}

func TestScore(t *testing.T) {
	f, err := os.Open("testdata/seg_small.conllu")
	if err != nil {
		t.Fatal(err)
	}
	gold, err := conllu.ReadAll(f, "seg_small.conllu")
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Score(context.Background(), gold, &echo{gold: gold})
	if err != nil {
		t.Fatal(err)
	}
	if s.UPOS != 1 || s.XPOS != 1 || s.Lemma != 1 || s.UAS != 1 {
		t.Errorf("scores %+v", s)
	}
	wantLAS := 1 - float64(len(gold))/float64(s.Words)
	if s.LAS != wantLAS || s.Sentences != len(gold) {
		t.Errorf("LAS %v, want %v", s.LAS, wantLAS)
	}
}
