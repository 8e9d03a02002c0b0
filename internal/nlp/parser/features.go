package parser

import "github.com/dyad-events/dyad/internal/nlp/perceptron"

// atoms are the per-token feature atoms, hashed once per sentence: lowercased form, XPOS, UPOS and the
// form+XPOS pair. Index 0 is the root and index n+1 the "none" sentinel.
type atoms struct {
	w, p, u, wp  []uint64
	amb, suf, sh []uint64 // ambiguity class, lowercased 3-byte suffix, shape
	exp          uint64
	lex          *lexicon
}

// Distinct atoms for the root and for missing positions, so that neither collides with a real word.
var (
	rootAtom = perceptron.String("\x00root")
	noneAtom = perceptron.String("\x00none")
)

func (a *atoms) set(forms, upos, xpos []string) {
	n := len(forms)
	if cap(a.w) < n+2 {
		a.w = make([]uint64, n+2)
		a.p = make([]uint64, n+2)
		a.u = make([]uint64, n+2)
		a.wp = make([]uint64, n+2)
		a.amb = make([]uint64, n+2)
		a.suf = make([]uint64, n+2)
		a.sh = make([]uint64, n+2)
	}
	a.w, a.p, a.u, a.wp = a.w[:n+2], a.p[:n+2], a.u[:n+2], a.wp[:n+2]
	a.amb, a.suf, a.sh = a.amb[:n+2], a.suf[:n+2], a.sh[:n+2]
	for i, x := range [2]uint64{rootAtom, noneAtom} {
		j := 0
		if i == 1 {
			j = n + 1
		}
		a.w[j], a.p[j], a.u[j] = x, x, x
		a.wp[j] = key2(0, x, x)
		a.amb[j], a.suf[j], a.sh[j] = x, x, x
	}
	for i := range n {
		f := forms[i]
		a.w[i+1] = perceptron.Lower(f)
		a.p[i+1] = perceptron.String(at(xpos, i))
		a.u[i+1] = perceptron.String(at(upos, i))
		if a.exp&1 != 0 {
			a.p[i+1], a.u[i+1] = a.u[i+1], a.p[i+1]
		}
		a.wp[i+1] = key2(0, a.w[i+1], a.p[i+1])
		a.amb[i+1] = a.lex.class(a.w[i+1])
		a.suf[i+1] = perceptron.Lower(f[max(0, len(f)-3):])
		a.sh[i+1] = shape(f)
	}
}

// shape summarizes a form's spelling: its first character's class, whether it has capitals, digits,
// hyphens or other marks, and its length bucket.
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

// Template numbers; each feature hashes its template with its atoms.
const (
	tBias = iota + 1
	tS0w
	tS0p
	tS0wp
	tS0u
	tS1w
	tS1p
	tS1wp
	tS2p
	tB0w
	tB0p
	tB0wp
	tB0u
	tB1w
	tB1p
	tB1wp
	tB2w
	tB2p
	tS0wpB0wp
	tS0wpB0w
	tS0wB0wp
	tS0wpB0p
	tS0pB0wp
	tS0wB0w
	tS0pB0p
	tB0pB1p
	tS1wpS0wp
	tS1wS0w
	tS1pS0p
	tS1pS0wp
	tS1wpS0p
	tB0pB1pB2p
	tS0pB0pB1p
	tS1pS0pB0p
	tS2pS1pS0p
	tS0pS0lpB0p
	tS0pS0rpB0p
	tS0pB0pB0lp
	tS1pB0p
	tS1wpB0p
	tS1pB0wp
	tS0uB0u
	tS1uS0uB0u
	tS1pS1rpS0p
	tS1pS0pS0lp
	tS1pS0pS0rp
	tS0wD
	tS0pD
	tB0wD
	tB0pD
	tS0wB0wD
	tS0pB0pD
	tS1pS0pD
	tS1wS0wD
	tS0wVr
	tS0pVr
	tS0wVl
	tS0pVl
	tB0wVl
	tB0pVl
	tS1pVr
	tS1pVl
	tS0lw
	tS0lp
	tS0ll
	tS0rw
	tS0rp
	tS0rl
	tB0lw
	tB0lp
	tB0ll
	tS1rw
	tS1rp
	tS1rl
	tS1lp
	tS1ll
	tS0l2p
	tS0l2l
	tS0r2p
	tS0r2l
	tB0l2p
	tB0l2l
	tS0pS0lpS0l2p
	tS0pS0rpS0r2p
	tB0pB0lpB0l2p
	tS0wSr
	tS0pSr
	tS0wSl
	tS0pSl
	tB0wSl
	tB0pSl
	numTemplates = iota
	tX           = 200 // experimental templates
	maxTemplates = numTemplates + 40
)

// features appends the features of the configuration to f (which the caller keeps at capacity
// numTemplates, so nothing is allocated).
func (a *atoms) features(s *state, f []uint64) []uint64 {
	w, p, u, wp := a.w, a.p, a.u, a.wp
	S0, S1, S2 := s.s(0), s.s(1), s.s(2)
	B0, B1, B2 := s.buf(0), s.buf(1), s.buf(2)
	S0L, S0L2, S0R, S0R2 := s.lc1[S0], s.lc2[S0], s.rc1[S0], s.rc2[S0]
	S1L, S1R := s.lc1[S1], s.rc1[S1]
	B0L, B0L2 := s.lc1[B0], s.lc2[B0]
	lab := func(i int32) uint64 { return uint64(s.label[i] + 2) }
	var d, d1 uint64
	if B0 != s.none {
		d = bucket(B0 - S0)
	}
	if S1 != s.none {
		d1 = bucket(S0 - S1)
	}
	s0w, s0p, s0wp := w[S0], p[S0], wp[S0]
	s1w, s1p, s1wp := w[S1], p[S1], wp[S1]
	b0w, b0p, b0wp := w[B0], p[B0], wp[B0]
	s0lp, s0rp, b0lp, s1rp := p[S0L], p[S0R], p[B0L], p[S1R]
	vl0, vr0, vlb := uint64(s.nl[S0]), uint64(s.nr[S0]), uint64(s.nl[B0])
	F1, F2, F3 := key1, key2, key3
	if a.exp&2 != 0 {
		amb := a.amb
		f = append(f,
			F1(tX+1, amb[S0]), F1(tX+2, amb[S1]), F1(tX+3, amb[B0]), F1(tX+4, amb[B1]),
			F2(tX+5, amb[S0], amb[B0]), F2(tX+6, amb[S1], amb[S0]), F3(tX+7, amb[S1], amb[S0], amb[B0]),
			F2(tX+8, s0w, amb[B0]), F2(tX+9, amb[S0], b0w), F2(tX+10, amb[S0], b0p), F2(tX+11, s0p, amb[B0]),
		)
	}
	if a.exp&4 != 0 {
		suf, sh := a.suf, a.sh
		f = append(f,
			F1(tX+20, suf[S0]), F1(tX+21, suf[S1]), F1(tX+22, suf[B0]), F1(tX+23, suf[B1]),
			F2(tX+24, suf[S0], suf[B0]), F2(tX+25, sh[S0], sh[B0]), F1(tX+26, sh[S0]), F1(tX+27, sh[B0]),
			F2(tX+28, suf[S0], b0p), F2(tX+29, s0p, suf[B0]),
		)
	}
	return append(f,
		F1(tBias, 0),
		F1(tS0w, s0w), F1(tS0p, s0p), F1(tS0wp, s0wp), F1(tS0u, u[S0]),
		F1(tS1w, s1w), F1(tS1p, s1p), F1(tS1wp, s1wp), F1(tS2p, p[S2]),
		F1(tB0w, b0w), F1(tB0p, b0p), F1(tB0wp, b0wp), F1(tB0u, u[B0]),
		F1(tB1w, w[B1]), F1(tB1p, p[B1]), F1(tB1wp, wp[B1]),
		F1(tB2w, w[B2]), F1(tB2p, p[B2]),

		F2(tS0wpB0wp, s0wp, b0wp), F2(tS0wpB0w, s0wp, b0w), F2(tS0wB0wp, s0w, b0wp),
		F2(tS0wpB0p, s0wp, b0p), F2(tS0pB0wp, s0p, b0wp), F2(tS0wB0w, s0w, b0w),
		F2(tS0pB0p, s0p, b0p), F2(tB0pB1p, b0p, p[B1]),
		F2(tS1wpS0wp, s1wp, s0wp), F2(tS1wS0w, s1w, s0w), F2(tS1pS0p, s1p, s0p),
		F2(tS1pS0wp, s1p, s0wp), F2(tS1wpS0p, s1wp, s0p),

		F3(tB0pB1pB2p, b0p, p[B1], p[B2]), F3(tS0pB0pB1p, s0p, b0p, p[B1]),
		F3(tS1pS0pB0p, s1p, s0p, b0p), F3(tS2pS1pS0p, p[S2], s1p, s0p),
		F3(tS0pS0lpB0p, s0p, s0lp, b0p), F3(tS0pS0rpB0p, s0p, s0rp, b0p),
		F3(tS0pB0pB0lp, s0p, b0p, b0lp), F3(tS1pS1rpS0p, s1p, s1rp, s0p),
		F2(tS1pB0p, s1p, b0p), F2(tS1wpB0p, s1wp, b0p), F2(tS1pB0wp, s1p, b0wp),
		F2(tS0uB0u, u[S0], u[B0]), F3(tS1uS0uB0u, u[S1], u[S0], u[B0]),
		F3(tS1pS0pS0lp, s1p, s0p, s0lp), F3(tS1pS0pS0rp, s1p, s0p, s0rp),

		F2(tS0wD, s0w, d), F2(tS0pD, s0p, d), F2(tB0wD, b0w, d), F2(tB0pD, b0p, d),
		F3(tS0wB0wD, s0w, b0w, d), F3(tS0pB0pD, s0p, b0p, d),
		F3(tS1pS0pD, s1p, s0p, d1), F3(tS1wS0wD, s1w, s0w, d1),

		F2(tS0wVr, s0w, vr0), F2(tS0pVr, s0p, vr0), F2(tS0wVl, s0w, vl0), F2(tS0pVl, s0p, vl0),
		F2(tB0wVl, b0w, vlb), F2(tB0pVl, b0p, vlb),
		F2(tS1pVr, s1p, uint64(s.nr[S1])), F2(tS1pVl, s1p, uint64(s.nl[S1])),

		F1(tS0lw, w[S0L]), F1(tS0lp, s0lp), F1(tS0ll, lab(S0L)),
		F1(tS0rw, w[S0R]), F1(tS0rp, s0rp), F1(tS0rl, lab(S0R)),
		F1(tB0lw, w[B0L]), F1(tB0lp, b0lp), F1(tB0ll, lab(B0L)),
		F1(tS1rw, w[S1R]), F1(tS1rp, s1rp), F1(tS1rl, lab(S1R)),
		F1(tS1lp, p[S1L]), F1(tS1ll, lab(S1L)),

		F1(tS0l2p, p[S0L2]), F1(tS0l2l, lab(S0L2)), F1(tS0r2p, p[S0R2]), F1(tS0r2l, lab(S0R2)),
		F1(tB0l2p, p[B0L2]), F1(tB0l2l, lab(B0L2)),
		F3(tS0pS0lpS0l2p, s0p, s0lp, p[S0L2]), F3(tS0pS0rpS0r2p, s0p, s0rp, p[S0R2]),
		F3(tB0pB0lpB0l2p, b0p, b0lp, p[B0L2]),

		F2(tS0wSr, s0w, s.rs[S0]), F2(tS0pSr, s0p, s.rs[S0]), F2(tS0wSl, s0w, s.ls[S0]),
		F2(tS0pSl, s0p, s.ls[S0]), F2(tB0wSl, b0w, s.ls[B0]), F2(tB0pSl, b0p, s.ls[B0]),
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
