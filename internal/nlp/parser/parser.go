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
	// bufScores holds, for each word, the scores of the features of b0 and the words after it when the
	// word is b0 (Classes() per word), computed when first needed: a word stays b0 for several
	// transitions. bufStamp tells which entries belong to this sentence.
	bufScores []int32
	bufStamp  []uint32
	// stackScores holds, for each word, the scores of the stack features while the word is s0
	// (stackFeatures): they do not change for as long as it stays on the stack, since a word gets left
	// dependents only as b0 and the words below it stay put until it is popped. stackStamp as bufStamp.
	stackScores []int32
	stackStamp  []uint32
	sent        uint32
	punct       []bool // punct[i]: word i (1-based) is punctuation, which heads nothing
	// deprojectivization scratch
	order, depth, queue, first, next []int32
	projective                       bool // leave lifted arcs where they are, to measure what lowering gains
	ps                               punctScratch
	noPunct                          bool // keep the parser's own punctuation heads, to measure what attachPunct gains
	noPunctRule                      bool // let punctuation head words, to measure what the rule gains
}

// NewParser returns a Parser that uses m.
func (m *Model) NewParser() *Parser {
	return &Parser{m: m, feats: make([]uint64, 0, max(numTemplates, numLabelTemplates, numPunctTemplates)),
		kscores: make([]int32, 1+2*m.ngroups), lscores: make([]int32, len(m.labels))}
}

func (p *Parser) grow(n int) {
	if cap(p.first) < n+2 {
		p.order = make([]int32, 0, n)
		p.depth = make([]int32, n+2)
		p.queue = make([]int32, 0, n+2)
		p.first = make([]int32, n+2)
		p.next = make([]int32, n+2)
		p.punct = make([]bool, n+2)
		p.bufScores = make([]int32, (n+2)*len(p.kscores))
		p.bufStamp = make([]uint32, n+2)
		p.stackScores = make([]int32, (n+2)*len(p.kscores))
		p.stackStamp = make([]uint32, n+2)
	}
	p.sent++
	if p.sent == 0 { // wrapped: stamps from 2³² sentences ago would look current
		clear(p.bufStamp)
		clear(p.stackStamp)
		p.sent = 1
	}
}

// SkipPunctuation makes Parse leave each punctuation mark on the head the transition model gave it,
// instead of ranking the heads that UD allows it once the tree is built: about a tenth less parsing
// time, for callers that never read where marks hang (the event coder reads words' heads only).
func (p *Parser) SkipPunctuation() { p.noPunct = true }

// stackPart returns the scores of the stack features with s0 = i on top (see stackScores).
func (p *Parser) stackPart(i int32) []int32 {
	nc := len(p.kscores)
	s := p.stackScores[int(i)*nc : int(i+1)*nc]
	if p.stackStamp[i] != p.sent {
		p.m.kinds.Score(p.a.stackFeatures(&p.st, p.feats[:0]), s)
		p.stackStamp[i] = p.sent
	}
	return s
}

// transitionScores writes the scores of every transition class in the current configuration into
// kscores: the features that change from one transition to the next, plus the cached parts of b0 and s0.
func (p *Parser) transitionScores() {
	p.feats = p.a.restFeatures(&p.st, p.feats[:0])
	p.m.kinds.Score(p.feats, p.kscores)
	addScores(p.kscores, p.bufPart(p.st.buf(0)))
	addScores(p.kscores, p.stackPart(p.st.s(0)))
}

// bufPart returns the scores of the features of b0 = i and the words after it.
func (p *Parser) bufPart(i int32) []int32 {
	nc := len(p.kscores)
	s := p.bufScores[int(i)*nc : int(i+1)*nc]
	if p.bufStamp[i] != p.sent {
		p.m.kinds.Score(p.a.bufFeatures(i, p.st.n, p.feats[:0]), s)
		p.bufStamp[i] = p.sent
	}
	return s
}

// addScores adds src into dst.
func addScores(dst, src []int32) {
	src = src[:len(dst)]
	for i := range dst {
		dst[i] += src[i]
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
	p.a.lex = m.lex
	p.a.set(forms, upos, xpos)
	punct := p.punct[:n+2]
	for i := range n {
		punct[i+1] = at(upos, i) == "PUNCT"
	}
	punct[0], punct[n+1] = false, false
	for !p.st.terminal() {
		if len(p.st.stack) == 1 {
			p.st.apply(kindShift, -1) // nothing else is legal on an empty stack: no need to score
			continue
		}
		p.transitionScores()
		rule := punct
		if p.noPunctRule {
			rule = nil
		}
		kind, g := m.class(bestClass(m, &p.st, p.kscores, rule))
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
	head, label := p.st.head, p.st.label
	p.rootFromMark(int32(n))
	// a word that still hangs from a punctuation mark (forced when the mark was left on the stack) moves up
	// to the mark's own head, unless that is the root, which takes one word only
	for d := 1; d <= n; d++ {
		for k := 0; k < n && punct[head[d]] && head[head[d]] != 0; k++ {
			head[d] = head[head[d]]
		}
	}
	if m.punct != nil && !p.noPunct {
		p.a.useRawWords()
		attachPunct(m.punct, &p.a, &p.ps, head, label, punct, int32(n), m.baseOf)
	}
	for i := 0; i < n && i < len(heads); i++ {
		heads[i] = int(head[i+1])
	}
	for i := 0; i < n && i < len(rels); i++ {
		rels[i] = m.bases[m.baseOf[label[i+1]]]
	}
}

// rootFromMark hands the root from a punctuation mark to the mark's dependent word with the most
// dependents of its own, which takes the mark's other dependents and the mark: a mark that the parser
// left on the root would otherwise head a sentence.
func (p *Parser) rootFromMark(n int32) {
	head, label, punct := p.st.head, p.st.label, p.punct
	r := int32(0)
	for d := int32(1); d <= n; d++ {
		if head[d] == 0 {
			r = d
		}
	}
	if r == 0 || !punct[r] {
		return
	}
	kids := p.depth[:n+2] // scratch
	clear(kids)
	for d := int32(1); d <= n; d++ {
		kids[head[d]]++
	}
	best := int32(0)
	for d := int32(1); d <= n; d++ {
		if head[d] == r && !punct[d] && (best == 0 || kids[d] > kids[best]) {
			best = d
		}
	}
	if best == 0 {
		return
	}
	for d := int32(1); d <= n; d++ {
		if head[d] == r {
			head[d] = best
		}
	}
	head[best], head[r] = 0, best
	label[best], label[r] = label[r], label[best]
	if p.m.punctLabel >= 0 {
		label[r] = p.m.punctLabel
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

// bestClass returns the highest-scoring legal transition class; the state must not be terminal. A
// label group is legal for an arc when it holds a label seen in training in the same position (on the
// root, or under a word), so a root arc never gets a word-to-word relation. At parse time punct marks
// the punctuation, which heads no word (UD attaches it as a leaf) unless nothing else is legal.
func bestClass[S int32 | float32](m *Model, s *state, scores []S, punct []bool) int {
	shift, left, right, rightRoot := s.legal()
	if punct != nil {
		leftOK := left && !punct[s.b]
		rightOK := right && !punct[s.stack[len(s.stack)-2]]
		if shift || leftOK || rightOK {
			left, right = leftOK, rightOK
		}
	}
	c := -1
	if shift {
		c = 0
	}
	if left {
		for _, i := range m.leftC {
			if c < 0 || scores[i] > scores[c] {
				c = int(i)
			}
		}
	}
	if right {
		list := m.rightC
		if rightRoot {
			list = m.rootC
		}
		for _, i := range list {
			if c < 0 || scores[i] > scores[c] {
				c = int(i)
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
