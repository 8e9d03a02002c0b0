package parser

import "github.com/dyad-events/dyad/internal/nlp/conllu"

// Score counts how many words got the gold head, and the gold head and relation.
type Score struct {
	Words, Heads, Labeled int
}

// UAS is the unlabeled attachment score.
func (s Score) UAS() float64 { return ratio(s.Heads, s.Words) }

// LAS is the labeled attachment score, with full relations (subtypes included).
func (s Score) LAS() float64 { return ratio(s.Labeled, s.Words) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Evaluate parses the sentences with the tags they carry and scores every word, punctuation included,
// against their trees.
func (m *Model) Evaluate(sents []*conllu.Sentence) Score {
	p := m.NewParser()
	var sc Score
	var forms, upos, xpos, rels []string
	var heads []int
	for _, s := range sents {
		forms, upos, xpos = forms[:0], upos[:0], xpos[:0]
		for _, w := range s.Words {
			forms, upos, xpos = append(forms, w.Form), append(upos, w.UPOS), append(xpos, w.XPOS)
		}
		heads, rels = resize(heads, len(forms)), resize(rels, len(forms))
		p.Parse(forms, upos, xpos, heads, rels)
		for i, w := range s.Words {
			sc.Words++
			if heads[i] == w.Head {
				sc.Heads++
				if rels[i] == w.DepRel {
					sc.Labeled++
				}
			}
		}
	}
	return sc
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
