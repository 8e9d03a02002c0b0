package parser

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/dyad-events/dyad/internal/nlp/perceptron"
)

// Punctuation is attached again once the tree is built. UD hangs a mark from the head of the phrase or
// clause beside it, which the greedy parser has to choose before it has seen that phrase. With the tree
// in hand the choice is small: the words on the paths from the mark's neighbours up to their lowest
// common ancestor, which are exactly the heads that keep the mark's arc projective. A ranking model
// scores them.

// punctCand is one candidate head of a mark.
type punctCand struct {
	h   int32
	via int32 // the candidate's dependent on the path towards the mark, or the sentinel
	// where the candidate is: on the right path (0), the common ancestor (1) or on the left path (2),
	// in bits 8 and up; its distance from the neighbour it was reached from, up to 3, in bits 4–7; bit 0
	// marks the common ancestor again
	pos uint64
}

// punctScratch is the per-sentence scratch of attaching punctuation.
type punctScratch struct {
	mark  []int32 // mark[w] == stamp: w is on the path from the left neighbour
	via   []int32 // via[w]: w's dependent on that path
	cands []punctCand
	feats []uint64
	kids  []int32 // number of dependents of each word
	lab   []uint64
	score [2]int32
}

func (ps *punctScratch) grow(n int) {
	if cap(ps.mark) < n+2 {
		ps.mark = make([]int32, n+2)
		ps.via = make([]int32, n+2)
		ps.kids = make([]int32, n+2)
		ps.lab = make([]uint64, n+2)
	}
	ps.mark, ps.via, ps.kids, ps.lab = ps.mark[:n+2], ps.via[:n+2], ps.kids[:n+2], ps.lab[:n+2]
	clear(ps.mark)
}

// candidates lists the candidate heads of the mark at q in the tree head (1-based, 0 the root, none
// the sentinel index n+1), skipping the other marks: the path from the nearest word on the left up to
// the lowest common ancestor with the nearest word on the right, then the path from the right one up to
// (not including) that ancestor. A mark with no word on one side gets the whole path on the other.
func (ps *punctScratch) candidates(head []int32, punct []bool, n, q int32) []punctCand {
	none := n + 1
	c := ps.cands[:0]
	l := q - 1
	for l >= 1 && punct[l] {
		l--
	}
	r := q + 1
	for r <= n && punct[r] {
		r++
	}
	stamp := q
	// the left path, marked so that the right walk finds the common ancestor
	if l >= 1 {
		via := none
		for w, k := l, int32(0); w > 0 && k <= n; w, k = head[w], k+1 {
			ps.mark[w], ps.via[w] = stamp, via
			via = w
		}
	}
	top := int32(0) // the common ancestor, or 0
	if r <= n {
		via := none
		for w, k := r, int32(0); w > 0 && k <= n; w, k = head[w], k+1 {
			if ps.mark[w] == stamp {
				top = w
				c = append(c, punctCand{h: w, via: via, pos: 1<<8 | uint64(min(k, 3))<<4 | 1})
				break
			}
			c = append(c, punctCand{h: w, via: via, pos: uint64(min(k, 3)) << 4})
			via = w
		}
	}
	if l >= 1 {
		for w, k := l, int32(0); w > 0 && k <= n && w != top; w, k = head[w], k+1 {
			c = append(c, punctCand{h: w, via: ps.via[w], pos: 2<<8 | uint64(min(k, 3))<<4})
		}
	}
	ps.cands = c
	return c
}

// Punctuation feature templates.
const (
	pPos = iota + 1
	pPosLab
	pPosU
	pPosP
	pLabVia
	pPosLabNoMark
	pPosLabL
	pPosLabR
	pPosUR
	pPosUL
	pDist
	pFinalLab
	pOpenPos
	pLabHead
	pNextMark
	pPosLabVia
)

// punctFeatures appends the features of hanging the mark at q from candidate c; lab holds each word's
// base label atom, and open tells whether the mark opens a pair (an odd occurrence of its form).
func (a *atoms) punctFeatures(ps *punctScratch, head []int32, n, q int32, c punctCand, open uint64, f []uint64) []uint64 {
	w, u, p, lab := a.w, a.u, a.p, ps.lab
	pf, h := w[q], c.h
	pos := c.pos
	var final uint64
	l, r := q-1, q+1
	if r > n {
		final, r = 1, n+1
	}
	l = max(l, 0)
	d := bucket(max(h, q) - min(h, q))
	hh := head[h]
	if hh < 0 || hh > n {
		hh = n + 1
	}
	return append(f,
		key2(pPos, pf, pos),
		key3(pPosLab, pf, pos, lab[h]),
		key3(pPosU, pf, pos, u[h]),
		key3(pPosP, pf, pos, p[h]),
		key3(pLabVia, pf, lab[h], lab[c.via]),
		key2(pPosLabNoMark, pos, lab[h]),
		key3(pPosLabL, pf, pos<<16|lab[h], lab[l]),
		key3(pPosLabR, pf, pos<<16|lab[h], lab[r]),
		key3(pPosUR, pf, pos, u[r]),
		key3(pPosUL, pf, pos, u[l]),
		key3(pDist, pf, pos&0xf0f, d),
		key3(pFinalLab, pf, final, lab[h]),
		key3(pOpenPos, pf, open, pos),
		key3(pLabHead, pf, lab[h], lab[hh]),
		key3(pNextMark, pf, w[r], pos),
		key3(pPosLabVia, pf, pos<<16|lab[h], u[c.via]),
	)
}

// numPunctTemplates bounds the features of one candidate.
const numPunctTemplates = pPosLabVia

// attachPunct moves every punctuation mark that heads nothing to the best-scoring of its candidate
// heads. head and label are the tree (1-based, index n+1 the sentinel); baseOf maps labels to relations.
func attachPunct(pm *perceptron.Model, a *atoms, ps *punctScratch, head, label []int32, punct []bool, n int32, baseOf []int32) {
	ps.grow(int(n))
	kids := ps.kids
	clear(kids)
	for d := int32(1); d <= n; d++ {
		kids[head[d]]++
	}
	ps.lab[0], ps.lab[n+1] = 1, 0
	for d := int32(1); d <= n; d++ {
		ps.lab[d] = labAtom(baseOf, label[d])
	}
	for q := int32(1); q <= n; q++ {
		if !punct[q] || kids[q] > 0 {
			continue
		}
		cands := ps.candidates(head, punct, n, q)
		if len(cands) < 2 {
			continue
		}
		open := pairOpen(a.w, q)
		best, bestScore := int32(-1), int32(0)
		for _, c := range cands {
			ps.feats = a.punctFeatures(ps, head, n, q, c, open, ps.feats[:0])
			pm.Score(ps.feats, ps.score[:])
			if s := ps.score[1] - ps.score[0]; best < 0 || s > bestScore {
				best, bestScore = c.h, s
			}
		}
		head[q] = best
	}
}

// labAtom is the atom of a label's relation; 0 and 1 are the sentinel's and the root's.
func labAtom(baseOf []int32, l int32) uint64 {
	if l < 0 || int(l) >= len(baseOf) {
		return 0
	}
	return uint64(baseOf[l]) + 2
}

// pairOpen is 1 when the mark's form occurred an even number of times before it (so it may open a
// pair, as a first quote does), else 0.
func pairOpen(w []uint64, q int32) uint64 {
	k := uint64(1)
	for i := int32(1); i < q; i++ {
		if w[i] == w[q] {
			k ^= 1
		}
	}
	return k
}

// trainPunct learns the punctuation model from the gold trees of exs, ranking each mark's gold head
// above its other candidates.
func trainPunct(ctx context.Context, exs []example, baseOf []int32, iters int, prune float64, rng *rand.Rand) (*perceptron.Model, error) {
	l := perceptron.NewLearner(2)
	var (
		a      atoms
		ps     punctScratch
		punct  []bool
		scores = make([]float32, 2)
		gf     []uint64
		head   []int32
	)
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	for range iters {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for k, i := range order {
			if k%256 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, fmt.Errorf("parser punctuation training: %w", err)
				}
			}
			ex := exs[i]
			n := int32(len(ex.forms))
			a.setWords(ex.forms, ex.upos, ex.xpos)
			ps.grow(int(n))
			punct = append(punct[:0], false)
			for _, u := range ex.upos {
				punct = append(punct, u == "PUNCT")
			}
			punct = append(punct, false)
			head = append(append(head[:0], ex.head...), -1) // head[n+1] is the sentinel's
			kids := ps.kids
			clear(kids)
			for d := int32(1); d <= n; d++ {
				kids[head[d]]++
			}
			ps.lab[0], ps.lab[n+1] = 1, 0
			for d := int32(1); d <= n; d++ {
				ps.lab[d] = labAtom(baseOf, ex.label[d])
			}
			for q := int32(1); q <= n; q++ {
				if !punct[q] || kids[q] > 0 {
					continue
				}
				cands := ps.candidates(head, punct, n, q)
				if len(cands) < 2 {
					continue
				}
				gold := -1
				for k, c := range cands {
					if c.h == head[q] {
						gold = k
					}
				}
				if gold < 0 {
					continue
				}
				open := pairOpen(a.w, q)
				best, bestScore := -1, float32(0)
				for k, c := range cands {
					ps.feats = a.punctFeatures(&ps, head, n, q, c, open, ps.feats[:0])
					l.Score(ps.feats, scores)
					if s := scores[1] - scores[0]; best < 0 || s > bestScore {
						best, bestScore = k, s
					}
				}
				if best != gold {
					gf = a.punctFeatures(&ps, head, n, q, cands[gold], open, gf[:0])
					ps.feats = a.punctFeatures(&ps, head, n, q, cands[best], open, ps.feats[:0])
					l.Update(gf, 1, 0)
					l.Update(ps.feats, 0, 1)
				}
				l.Tick()
			}
		}
	}
	return l.Model(prune), nil
}
