package ud

import (
	"context"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/nlp/conllu"
)

// Scores are the accuracies of the NLP core on a gold treebank, with gold tokenization. Fractions are 0–1.
type Scores struct {
	Sentences int     `json:"sentences"`
	Words     int     `json:"words"`
	UPOS      float64 `json:"upos"`
	XPOS      float64 `json:"xpos"`
	Lemma     float64 `json:"lemma"`
	UAS       float64 `json:"uas"`
	LAS       float64 `json:"las"`           // full labels, subtypes included (nmod:poss ≠ nmod)
	ULAS      float64 `json:"las_universal"` // universal labels only, as the CoNLL 2018 shared task scores LAS
	// TokensPerSecond is words tagged, lemmatized and parsed per second on one goroutine.
	TokensPerSecond float64   `json:"tokens_per_second"`
	Seconds         float64   `json:"seconds"`
	SentenceF1      float64   `json:"sentence_f1"`
	TokenF1         float64   `json:"token_f1"`
	Segmentation    SegScores `json:"segmentation"`
}

// Annotator is the part of the NLP pipeline that Score measures.
type Annotator interface {
	Annotate(words []nlp.Word)
}

// Score annotates the gold sentences' words with a and compares. Only the Annotate calls are timed.
func Score(ctx context.Context, gold []*conllu.Sentence, a Annotator) (Scores, error) {
	var s Scores
	var upos, xpos, lemma, uas, las, ulas int
	var words []nlp.Word
	var elapsed time.Duration
	for i, g := range gold {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return s, err
			}
		}
		words = words[:0]
		for _, w := range g.Words {
			words = append(words, nlp.Word{Form: w.Form})
		}
		start := time.Now()
		a.Annotate(words)
		elapsed += time.Since(start)
		s.Sentences++
		for j, w := range g.Words {
			p := words[j]
			s.Words++
			if p.UPOS == w.UPOS {
				upos++
			}
			if p.XPOS == w.XPOS {
				xpos++
			}
			if p.Lemma == w.Lemma {
				lemma++
			}
			if p.Head == w.Head {
				uas++
				if p.DepRel == w.DepRel {
					las++
				}
				if universal(p.DepRel) == universal(w.DepRel) {
					ulas++
				}
			}
		}
	}
	if s.Words > 0 {
		n := float64(s.Words)
		s.UPOS, s.XPOS, s.Lemma = float64(upos)/n, float64(xpos)/n, float64(lemma)/n
		s.UAS, s.LAS, s.ULAS = float64(uas)/n, float64(las)/n, float64(ulas)/n
	}
	s.Seconds = elapsed.Seconds()
	if s.Seconds > 0 {
		s.TokensPerSecond = float64(s.Words) / s.Seconds
	}
	return s, nil
}

func universal(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}
