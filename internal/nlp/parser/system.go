package parser

// The arc-hybrid transition system (Kuhlmann et al. 2011) with the root at the bottom of the stack.
// Words are 1..n, 0 is the root and n+1 a "none" sentinel that stands for every missing position, so
// that feature extraction needs no branches. The three kinds of transition are the classes of the
// structure model; an arc's label is chosen afterwards by the label model:
//
//	SHIFT  moves b0 onto the stack
//	LEFT   makes b0 the head of s0 and pops s0
//	RIGHT  makes s1 the head of s0 and pops s0
//
// RIGHT from the root is allowed only once the buffer is empty, and then only the last word is left
// above it, so every complete sequence yields one tree with exactly one word on the root.

const (
	kindShift = iota
	kindLeft
	kindRight
	numKinds
)

type state struct {
	n     int32
	none  int32
	stack []int32
	b     int32 // buffer front; the buffer is b..n and is empty when b > n
	head  []int32
	label []int32
	// leftmost, second leftmost, rightmost and second rightmost dependents, and the left and right
	// valencies and label sets (bit l%64 for label l), for features
	lc1, lc2, rc1, rc2 []int32
	nl, nr             []int32
	ls, rs             []uint64
}

// grow makes room for a sentence of n words; it allocates only when n exceeds every earlier sentence.
func (s *state) grow(n int) {
	if cap(s.head) < n+2 {
		c := n + 2
		s.head = make([]int32, c)
		s.label = make([]int32, c)
		s.lc1 = make([]int32, c)
		s.lc2 = make([]int32, c)
		s.rc1 = make([]int32, c)
		s.rc2 = make([]int32, c)
		s.nl = make([]int32, c)
		s.nr = make([]int32, c)
		s.ls = make([]uint64, c)
		s.rs = make([]uint64, c)
		s.stack = make([]int32, 0, c)
	}
}

func (s *state) reset(n int) {
	s.grow(n)
	s.n = int32(n)
	s.none = int32(n + 1)
	k := n + 2
	s.head = s.head[:k]
	s.label = s.label[:k]
	s.lc1, s.lc2, s.rc1, s.rc2 = s.lc1[:k], s.lc2[:k], s.rc1[:k], s.rc2[:k]
	s.nl, s.nr, s.ls, s.rs = s.nl[:k], s.nr[:k], s.ls[:k], s.rs[:k]
	for i := range k {
		s.head[i] = -1
		s.label[i] = -1
		s.lc1[i], s.lc2[i], s.rc1[i], s.rc2[i] = s.none, s.none, s.none, s.none
	}
	clear(s.nl)
	clear(s.nr)
	clear(s.ls)
	clear(s.rs)
	s.stack = append(s.stack[:0], 0)
	s.b = 1
}

func (s *state) terminal() bool { return s.b > s.n && len(s.stack) == 1 }

// s returns the i-th stack word from the top, or the sentinel.
func (s *state) s(i int) int32 {
	if i < len(s.stack) {
		return s.stack[len(s.stack)-1-i]
	}
	return s.none
}

// buf returns the i-th buffer word, or the sentinel.
func (s *state) buf(i int32) int32 {
	if s.b+i <= s.n {
		return s.b + i
	}
	return s.none
}

// legal reports which kinds of transition are allowed, and whether a RIGHT would attach to the root.
func (s *state) legal() (shift, left, right, rightRoot bool) {
	bufOK := s.b <= s.n
	shift = bufOK
	left = bufOK && s.stack[len(s.stack)-1] != 0
	if len(s.stack) >= 2 {
		rightRoot = s.stack[len(s.stack)-2] == 0
		right = !rightRoot || !bufOK
	}
	return
}

// apply performs a transition; the caller has checked that it is legal.
func (s *state) apply(kind, label int) {
	switch kind {
	case kindShift:
		s.stack = append(s.stack, s.b)
		s.b++
	case kindLeft:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		h := s.b
		s.head[d], s.label[d] = h, int32(label)
		// d lies left of every earlier left dependent of h (they were above it on the stack)
		s.lc2[h], s.lc1[h] = s.lc1[h], d
		s.nl[h]++
		s.ls[h] |= 1 << (uint(label) & 63)
	case kindRight:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		h := s.stack[len(s.stack)-1]
		s.head[d], s.label[d] = h, int32(label)
		// d lies right of every earlier right dependent of h (they were popped before d was shifted)
		s.rc2[h], s.rc1[h] = s.rc1[h], d
		s.nr[h]++
		s.rs[h] |= 1 << (uint(label) & 63)
	}
}
