package parser

// Parser parses sentences with a shared Model. It holds per-sentence scratch space, so each goroutine
// needs its own; after the longest sentence it has seen, Parse allocates nothing.
type Parser struct {
	m       *Model
	st      state
	a       atoms
	feats   []uint64
	kscores []int32 // per transition class
	lscores []int32 // per label
	// deprojectivization scratch
	order, depth, queue, first, next []int32
	projective                       bool   // leave lifted arcs where they are, to measure what lowering gains
	punct                            []bool // punct[i]: word i (1-based) is punctuation, which heads nothing
}

// NewParser returns a Parser that uses m.
func (m *Model) NewParser() *Parser {
	return &Parser{m: m, feats: make([]uint64, 0, max(maxTemplates, numLabelTemplates)),
		kscores: make([]int32, 1+2*m.ngroups), lscores: make([]int32, len(m.labels))}
}

func (p *Parser) grow(n int) {
	if cap(p.first) < n+1 {
		p.order = make([]int32, 0, n)
		p.depth = make([]int32, n+1)
		p.queue = make([]int32, 0, n+1)
		p.first = make([]int32, n+1)
		p.next = make([]int32, n+1)
	}
}

// Parse parses the sentence forms, tagged with upos and xpos, and writes each word's head (0 for the
// root, otherwise the 1-based index of the head) and relation into heads and rels. Missing tags count as
// empty; heads and rels are filled as far as they reach. The result is always a tree with one word on
// the root.
func (p *Parser) Parse(forms, upos, xpos []string, heads []int, rels []string) {
	n := len(forms)
	if n == 0 {
		return
	}
	m := p.m
	p.grow(n)
	p.st.reset(n)
	p.a.exp, p.a.lex = m.exp, m.lex
	p.a.set(forms, upos, xpos)
	if cap(p.punct) < n+1 {
		p.punct = make([]bool, n+1)
	}
	p.punct = p.punct[:n+1]
	for i := range n {
		p.punct[i+1] = i < len(upos) && upos[i] == "PUNCT"
	}
	for !p.st.terminal() {
		p.feats = p.a.features(&p.st, p.feats[:0])
		m.kinds.Score(p.feats, p.kscores)
		kind, g := m.class(bestClassNoPunctHead(m, &p.st, p.kscores, p.punct))
		label := -1
		if kind != kindShift {
			h, d := arc(&p.st, kind)
			if label = int(m.single[g]); label < 0 {
				p.feats = p.a.labelFeatures(&p.st, h, d, p.feats[:0])
				m.rels.Score(p.feats, p.lscores)
				label = bestLabel(m.labelMask(h, g), p.lscores)
			}
		}
		p.st.apply(kind, label)
	}
	if !p.projective {
		p.deprojectivize(int32(n))
	}
	// a word that still hangs from a punctuation mark (forced when the mark was left on the stack) moves up
	// to the mark's own head
	for d := 1; d <= n; d++ {
		for k := 0; k < n && p.punct[p.st.head[d]] && p.st.head[d] != 0; k++ {
			p.st.head[d] = p.st.head[p.st.head[d]]
		}
	}
	for i := 0; i < n && i < len(heads); i++ {
		heads[i] = int(p.st.head[i+1])
	}
	for i := 0; i < n && i < len(rels); i++ {
		rels[i] = m.bases[m.baseOf[p.st.label[i+1]]]
	}
}

// arc returns the head and dependent of a LEFT or RIGHT transition.
func arc(s *state, kind int) (h, d int32) {
	d = s.stack[len(s.stack)-1]
	if kind == kindLeft {
		return s.b, d
	}
	return s.stack[len(s.stack)-2], d
}

// class splits a transition class into its kind and label group.
func (m *Model) class(c int) (kind, group int) {
	switch {
	case c == 0:
		return kindShift, -1
	case c <= m.ngroups:
		return kindLeft, c - 1
	}
	return kindRight, c - 1 - m.ngroups
}

// bestClassNoPunctHead is bestClass with one more constraint at parse time: punctuation heads no word
// (UD attaches punctuation as a leaf), unless no other transition is legal.
func bestClassNoPunctHead(m *Model, s *state, scores []int32, punct []bool) int {
	shift, left, right, _ := s.legal()
	top := len(s.stack) - 1
	leftPunct := left && int(s.b) < len(punct) && punct[s.b]
	rightPunct := right && top >= 1 && punct[s.stack[top-1]]
	if !leftPunct && !rightPunct {
		return bestClass(m, s, scores)
	}
	if !shift && (!left || leftPunct) && (!right || rightPunct) {
		return bestClass(m, s, scores)
	}
	// score as bestClass does, skipping the arcs a punctuation mark would head
	c := -1
	best := int32(0)
	consider := func(i int) {
		if c < 0 || scores[i] > best {
			c, best = i, scores[i]
		}
	}
	if shift {
		consider(0)
	}
	if left && !leftPunct {
		for g, ok := range m.childG {
			if ok {
				consider(1 + g)
			}
		}
	}
	if right && !rightPunct {
		mask := m.childG
		if top >= 1 && s.stack[top-1] == 0 {
			mask = m.rootG
		}
		for g, ok := range mask {
			if ok {
				consider(1 + m.ngroups + g)
			}
		}
	}
	if c < 0 {
		return bestClass(m, s, scores)
	}
	return c
}

// bestClass returns the highest-scoring legal transition class; the state must not be terminal. A
// label group is legal for an arc when it holds a label seen in training in the same position (on the
// root, or under a word), so a root arc never gets a word-to-word relation.
func bestClass[S int32 | float32](m *Model, s *state, scores []S) int {
	shift, left, right, rightRoot := s.legal()
	c := -1
	if shift {
		c = 0
	}
	if left {
		for g, ok := range m.childG {
			if i := 1 + g; ok && (c < 0 || scores[i] > scores[c]) {
				c = i
			}
		}
	}
	if right {
		mask := m.childG
		if rightRoot {
			mask = m.rootG
		}
		for g, ok := range mask {
			if i := 1 + m.ngroups + g; ok && (c < 0 || scores[i] > scores[c]) {
				c = i
			}
		}
	}
	return max(c, 0) // newModel keeps a legal group for every kind of arc
}

// labelMask returns the labels of group g allowed on an arc from h.
func (m *Model) labelMask(h int32, g int) []bool {
	if h == 0 {
		return m.rootMask[g]
	}
	return m.childMask[g]
}

func bestLabel[S int32 | float32](mask []bool, scores []S) int {
	l := -1
	for i, ok := range mask {
		if ok && (l < 0 || scores[i] > scores[l]) {
			l = i
		}
	}
	return max(l, 0)
}
