package parser

// gold is a projective training tree in label IDs, with each word's dependents listed for the oracle.
type gold struct {
	head  []int32 // 1-based; head[0] unused
	label []int32
	kids  []int32 // dependents of word h are kids[off[h]:off[h+1]]
	off   []int32
}

func newGold(head, label []int32) *gold {
	n := len(head) - 1
	g := &gold{head: head, label: label, off: make([]int32, n+2), kids: make([]int32, 0, n)}
	for d := 1; d <= n; d++ {
		g.off[head[d]+1]++
	}
	for h := 1; h <= n+1; h++ {
		g.off[h] += g.off[h-1]
	}
	g.kids = g.kids[:n]
	fill := make([]int32, n+1)
	copy(fill, g.off)
	for d := 1; d <= n; d++ {
		h := head[d]
		g.kids[fill[h]] = int32(d)
		fill[h]++
	}
	return g
}

func (g *gold) dependents(h int32) []int32 { return g.kids[g.off[h]:g.off[h+1]] }

// costs are the dynamic oracle's unlabeled costs (Goldberg and Nivre 2013) of the three kinds of
// transition: the number of gold arcs that each makes unreachable. A labeled arc costs one more when it
// is a gold arc with the wrong label. Illegal kinds get a cost of -1.
func (g *gold) costs(s *state) (shift, left, right int32) {
	shift, left, right = -1, -1, -1
	canShift, canLeft, canRight, _ := s.legal()
	s0 := s.stack[len(s.stack)-1]
	if canLeft || canRight {
		// s0 loses its dependents still in the buffer either way
		var lost int32
		for _, c := range g.dependents(s0) {
			if c >= s.b {
				lost++
			}
		}
		h := g.head[s0]
		if canLeft {
			left = lost
			if len(s.stack) >= 2 && h == s.stack[len(s.stack)-2] || h > s.b {
				left++
			}
		}
		if canRight {
			right = lost
			if h >= s.b {
				right++
			}
		}
	}
	if canShift {
		shift = 0
		b := s.b
		if h := g.head[b]; h < b && h != s0 && (h == 0 || s.head[h] < 0) {
			shift++
		}
		for _, c := range g.dependents(b) {
			if c < b && s.head[c] < 0 {
				shift++ // a dependent still on the stack can no longer reach b
			}
		}
	}
	return
}

// staticNext is the classic static oracle for projective trees: LEFT when b0 heads s0, RIGHT when s1
// heads s0 and s0 has all its dependents, SHIFT otherwise. It returns kind and label.
func (g *gold) staticNext(s *state) (int, int) {
	canShift, canLeft, canRight, _ := s.legal()
	s0 := s.stack[len(s.stack)-1]
	if canLeft && g.head[s0] == s.b {
		return kindLeft, int(g.label[s0])
	}
	if canRight && g.head[s0] == s.stack[len(s.stack)-2] && s.nl[s0]+s.nr[s0] == int32(len(g.dependents(s0))) {
		return kindRight, int(g.label[s0])
	}
	if canShift {
		return kindShift, -1
	}
	if canRight {
		return kindRight, int(g.label[s0])
	}
	return kindShift, -1
}
