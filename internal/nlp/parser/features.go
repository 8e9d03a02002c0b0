package parser

import "github.com/dyad-events/dyad/internal/nlp/perceptron"

// atoms are the per-token feature atoms, hashed once per sentence: the lowercased form (or, for a word
// too rare in training to have a class in the lexicon, the unknown atom with the word's shape), XPOS,
// UPOS, the form+XPOS pair and the word's ambiguity class. Index 0 is the root and index n+1 the "none"
// sentinel.
type atoms struct {
	w, p, u, wp, amb []uint64
	raw              []uint64 // the lowercased forms as they are, rare words too
	lex              *lexicon
}

// Distinct atoms for the root and for missing positions, so that neither collides with a real word.
var (
	rootAtom = perceptron.String("\x00root")
	noneAtom = perceptron.String("\x00none")
)

func (a *atoms) set(forms, upos, xpos []string) {
	n := len(forms)
	if cap(a.w) < n+2 || cap(a.raw) < n+2 || cap(a.wp) < n+2 {
		a.w = make([]uint64, n+2)
		a.p = make([]uint64, n+2)
		a.u = make([]uint64, n+2)
		a.wp = make([]uint64, n+2)
		a.amb = make([]uint64, n+2)
		a.raw = make([]uint64, n+2)
	}
	a.w, a.p, a.u, a.wp, a.amb = a.w[:n+2], a.p[:n+2], a.u[:n+2], a.wp[:n+2], a.amb[:n+2]
	a.raw = a.raw[:n+2]
	for _, j := range [2]int{0, n + 1} {
		x := rootAtom
		if j > 0 {
			x = noneAtom
		}
		a.w[j], a.p[j], a.u[j], a.amb[j], a.raw[j] = x, x, x, x, x
		a.wp[j] = key2(0, x, x)
	}
	for i, f := range forms {
		w := perceptron.Lower(f)
		a.raw[i+1] = w
		a.amb[i+1] = a.lex.class(w)
		if a.amb[i+1] == unknownClass {
			// Rare words are seen as unknown in training too, so that the model learns what to do with
			// words it has never seen instead of memorizing its training sentences.
			w = unknownClass ^ shape(f)
		}
		a.w[i+1] = w
		a.p[i+1] = perceptron.String(at(xpos, i))
		a.u[i+1] = perceptron.String(at(upos, i))
		a.wp[i+1] = key2(0, w, a.p[i+1])
	}
}

// useRawWords makes the form atoms those of the words as they are, rare words too, for attaching
// punctuation once set has set up the sentence: what setWords does, without hashing everything again.
func (a *atoms) useRawWords() { a.w, a.raw = a.raw, a.w }

// setWords sets the form and tag atoms of every word, as they are, for attaching punctuation.
func (a *atoms) setWords(forms, upos, xpos []string) {
	n := len(forms)
	if cap(a.w) < n+2 {
		a.w = make([]uint64, n+2)
		a.p = make([]uint64, n+2)
		a.u = make([]uint64, n+2)
	}
	a.w, a.p, a.u = a.w[:n+2], a.p[:n+2], a.u[:n+2]
	a.w[0], a.p[0], a.u[0] = rootAtom, rootAtom, rootAtom
	a.w[n+1], a.p[n+1], a.u[n+1] = noneAtom, noneAtom, noneAtom
	for i, f := range forms {
		a.w[i+1] = perceptron.Lower(f)
		a.p[i+1] = perceptron.String(at(xpos, i))
		a.u[i+1] = perceptron.String(at(upos, i))
	}
}

// shape summarizes a form's spelling: which kinds of character it has, whether it starts with a
// capital, and its length up to 4.
func shape(f string) uint64 {
	var h uint64
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case 'A' <= c && c <= 'Z':
			h |= 1
			if i == 0 {
				h |= 2
			}
		case 'a' <= c && c <= 'z':
			h |= 4
		case '0' <= c && c <= '9':
			h |= 8
		case c == '-':
			h |= 16
		case c >= 0x80:
			h |= 32
		default:
			h |= 64
		}
	}
	return h | uint64(min(len(f), 4))<<8
}

// at returns s[i], or "" past the end: callers may pass fewer tags than words.
func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

// Feature keys. The atoms are already well-mixed 64-bit hashes, so a key needs only a multiply per atom
// and one final mix: about a third of the work of perceptron.F2 and F3, which mix every atom in full.
const (
	kT = 0x9E3779B97F4A7C15
	kA = 0xC2B2AE3D27D4EB4F
	kB = 0x165667B19E3779F9
	kC = 0xD6E8FEB86659FD93
)

func fin(h uint64) uint64 {
	h ^= h >> 31
	h *= 0xBF58476D1CE4E5B9
	h ^= h >> 29
	return h
}

func key1(t, a uint64) uint64       { return fin(t*kT ^ a*kA) }
func key2(t, a, b uint64) uint64    { return fin(t*kT ^ a*kA ^ b*kB) }
func key3(t, a, b, c uint64) uint64 { return fin(t*kT ^ a*kA ^ b*kB ^ (c+kT)*kC) }

// bucket groups distances so that long ones share weights.
func bucket(d int32) uint64 {
	switch {
	case d <= 0:
		return 0
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	case d <= 14:
		return 7
	}
	return 8
}

// Template numbers; each feature hashes its template with its atoms. The features of b0 and the words
// after it depend on b0 alone, which stays b0 for several transitions, and most features of the stack
// depend on s0 alone, which stays on the stack for several (stackFeatures), so Parse scores each of these
// parts once per word and keeps the sums.
const (
	tBias = iota + 1
	// b0 and what follows it
	tB0w
	tB0p
	tB0wp
	tB0u
	tB0a
	tB1w
	tB1p
	tB1wp
	tB1a
	tB2w
	tB2p
	tB0pB1p
	tB0pB1pB2p
	// s0 alone
	tS0w
	tS0p
	tS0wp
	tS0u
	tS0a
	// s1 alone
	tS1w
	tS1p
	tS1wp
	tS1a
	// the rest
	tS0wB0w
	tS0pB0p
	tS1wS0w
	tS1pS0p
	tS0pS0lpB0p
	tS0pB0pB0lp
	tS1pB0p
	tS0uB0u
	tS1uS0uB0u
	tS1pS0pS0lp
	tS1pS0pS0rp
	tS1aS0a
	tS0aB0p
	tS0pB0a
	tS0wD
	tS0pD
	tB0pD
	tS1pS0pD
	tS0wVr
	tS0pVr
	tS0pVl
	tB0pVl
	tS1pVr
	tS0lw
	tS0lp
	tS0ll
	tS0rp
	tB0lw
	tB0lp
	tB0ll
	tS1rp
	tS1ll
	tS0l2p
	tS0l2l
	tS0pS0lpS0l2p
	tB0pB0lpB0l2p
	tS0wSr
	tB0pSl
	numTemplates = iota
)

// bufFeatures appends the features of b0 = i and the words after it (the bias among them, as these
// are always present).
func (a *atoms) bufFeatures(i int32, n int32, f []uint64) []uint64 {
	w, p, u, wp, amb := a.w, a.p, a.u, a.wp, a.amb
	i1, i2 := min(i+1, n+1), min(i+2, n+1)
	F1, F2, F3 := key1, key2, key3
	return append(f,
		F1(tBias, 0),
		F1(tB0w, w[i]), F1(tB0p, p[i]), F1(tB0wp, wp[i]), F1(tB0u, u[i]), F1(tB0a, amb[i]),
		F1(tB1w, w[i1]), F1(tB1p, p[i1]), F1(tB1wp, wp[i1]), F1(tB1a, amb[i1]),
		F1(tB2w, w[i2]), F1(tB2p, p[i2]),
		F2(tB0pB1p, p[i], p[i1]), F3(tB0pB1pB2p, p[i], p[i1], p[i2]),
	)
}

// stackFeatures appends the features of the stack with s0 = i on top that do not depend on s0's right
// dependents: those of s0 and its left dependents, of s1 and its dependents, and of the two together.
// They stay the same for as long as i is on the stack: a word gets left dependents only while it is b0,
// and the words below it do not change until it is popped.
func (a *atoms) stackFeatures(s *state, f []uint64) []uint64 {
	w, p, amb := a.w, a.p, a.amb
	S0, S1 := s.s(0), s.s(1)
	L, L2 := s.lc1[S0], s.lc2[S0]
	s0w, s0p, s0lp, s1p := w[S0], p[S0], p[L], p[S1]
	var d1 uint64
	if S1 != s.none {
		d1 = bucket(S0 - S1)
	}
	return append(f,
		key1(tS0w, s0w), key1(tS0p, s0p), key1(tS0wp, a.wp[S0]), key1(tS0u, a.u[S0]), key1(tS0a, amb[S0]),
		key1(tS0lw, w[L]), key1(tS0lp, s0lp), key1(tS0ll, labAtom1(s, L)),
		key1(tS0l2p, p[L2]), key1(tS0l2l, labAtom1(s, L2)),
		key3(tS0pS0lpS0l2p, s0p, s0lp, p[L2]), key2(tS0pVl, s0p, uint64(s.nl[S0])),

		key1(tS1w, w[S1]), key1(tS1p, s1p), key1(tS1wp, a.wp[S1]), key1(tS1a, amb[S1]),
		key1(tS1rp, p[s.rc1[S1]]), key1(tS1ll, labAtom1(s, s.lc1[S1])), key2(tS1pVr, s1p, uint64(s.nr[S1])),

		key2(tS1wS0w, w[S1], s0w), key2(tS1pS0p, s1p, s0p), key3(tS1pS0pS0lp, s1p, s0p, s0lp),
		key2(tS1aS0a, amb[S1], amb[S0]), key3(tS1pS0pD, s1p, s0p, d1),
	)
}

// labAtom1 is the atom of word i's label in the configuration (2 more than the label, so that no label
// and the sentinel's differ from every real one).
func labAtom1(s *state, i int32) uint64 { return uint64(s.label[i] + 2) }

// features appends all the features of the configuration to f (which the caller keeps at capacity
// numTemplates, so nothing is allocated): the parts Parse caches, then the rest.
func (a *atoms) features(s *state, f []uint64) []uint64 {
	f = a.bufFeatures(s.buf(0), s.n, f)
	f = a.stackFeatures(s, f)
	return a.restFeatures(s, f)
}

// restFeatures appends the features that change from one transition to the next: those of s0 and s1
// together with b0, and those of s0's right dependents and of b0's left ones.
func (a *atoms) restFeatures(s *state, f []uint64) []uint64 {
	w, p, u, amb := a.w, a.p, a.u, a.amb
	S0, S1 := s.s(0), s.s(1)
	B0 := s.buf(0)
	S0L, S0R := s.lc1[S0], s.rc1[S0]
	B0L, B0L2 := s.lc1[B0], s.lc2[B0]
	var d uint64
	if B0 != s.none {
		d = bucket(B0 - S0)
	}
	s0w, s0p := w[S0], p[S0]
	s1p := p[S1]
	b0p := p[B0]
	s0lp, b0lp := p[S0L], p[B0L]
	F1, F2, F3 := key1, key2, key3
	return append(f,
		F2(tS0wB0w, s0w, w[B0]), F2(tS0pB0p, s0p, b0p),
		F3(tS0pS0lpB0p, s0p, s0lp, b0p), F3(tS0pB0pB0lp, s0p, b0p, b0lp), F2(tS1pB0p, s1p, b0p),
		F2(tS0uB0u, u[S0], u[B0]), F3(tS1uS0uB0u, u[S1], u[S0], u[B0]),
		F2(tS0aB0p, amb[S0], b0p), F2(tS0pB0a, s0p, amb[B0]),
		F2(tS0wD, s0w, d), F2(tS0pD, s0p, d), F2(tB0pD, b0p, d),

		// s0's right dependents and b0's left ones
		F3(tS1pS0pS0rp, s1p, s0p, p[S0R]),
		F2(tS0wVr, s0w, uint64(s.nr[S0])), F2(tS0pVr, s0p, uint64(s.nr[S0])), F1(tS0rp, p[S0R]),
		F2(tS0wSr, s0w, s.rs[S0]),
		F2(tB0pVl, b0p, uint64(s.nl[B0])), F1(tB0lw, w[B0L]), F1(tB0lp, b0lp), F1(tB0ll, labAtom1(s, B0L)),
		F3(tB0pB0lpB0l2p, b0p, b0lp, p[B0L2]), F2(tB0pSl, b0p, s.ls[B0]),
	)
}

// Label templates, each in a left-arc and a right-arc version so that the two directions never share
// a weight.
const (
	lBias = iota + 1
	lDw
	lDp
	lDwp
	lDu
	lHw
	lHp
	lHwp
	lHu
	lDpHp
	lDwHp
	lDpHw
	lDwHw
	lDuHu
	lDpHpD
	lDl
	lDr
	lDls
	lDrs
	lDpDls
	lDpDrs
	lHpHs
	lDpHpHs
	lDpPrev
	lDpNext
	lDpB0p
	numLabelTemplates = iota
)

// labelFeatures appends the features for labeling the arc from h to d.
func (a *atoms) labelFeatures(s *state, h, d int32, f []uint64) []uint64 {
	w, p, u, wp := a.w, a.p, a.u, a.wp
	var dir uint64 // 0: the head is to the right
	hs := s.ls[h]  // the head's dependents on the side the new one joins
	if h < d {
		dir, hs = 1, s.rs[h]
	}
	t := func(x uint64) uint64 { return 2*x + dir }
	lab := func(i int32) uint64 { return uint64(s.label[i] + 2) }
	dw, dp, hw, hp := w[d], p[d], w[h], p[h]
	dist := bucket(max(h, d) - min(h, d))
	B0 := s.buf(0)
	F1, F2, F3 := key1, key2, key3
	return append(f,
		F1(t(lBias), 0),
		F1(t(lDw), dw), F1(t(lDp), dp), F1(t(lDwp), wp[d]), F1(t(lDu), u[d]),
		F1(t(lHw), hw), F1(t(lHp), hp), F1(t(lHwp), wp[h]), F1(t(lHu), u[h]),
		F2(t(lDpHp), dp, hp), F2(t(lDwHp), dw, hp), F2(t(lDpHw), dp, hw), F2(t(lDwHw), dw, hw),
		F2(t(lDuHu), u[d], u[h]), F3(t(lDpHpD), dp, hp, dist),
		F1(t(lDl), lab(s.lc1[d])), F1(t(lDr), lab(s.rc1[d])), F1(t(lDls), s.ls[d]), F1(t(lDrs), s.rs[d]),
		F2(t(lDpDls), dp, s.ls[d]), F2(t(lDpDrs), dp, s.rs[d]),
		F2(t(lHpHs), hp, hs), F3(t(lDpHpHs), dp, hp, hs),
		F2(t(lDpPrev), dp, p[d-1]), F2(t(lDpNext), dp, p[d+1]), F2(t(lDpB0p), dp, p[B0]),
	)
}
