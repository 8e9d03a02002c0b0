package parser

// nonProjective reports whether the arc from heads[d] to d crosses a word that its head does not
// dominate. heads is 1-based (heads[0] unused, 0 = root); a malformed tree counts as projective, so
// that callers always terminate.
func nonProjective(heads []int32, d int32) bool {
	h := heads[d]
	lo, hi := min(h, d), max(h, d)
	n := int32(len(heads) - 1)
	for k := lo + 1; k < hi; k++ {
		a := k
		for steps := int32(0); a != h && a != 0 && steps <= n; steps++ {
			a = heads[a]
		}
		if a != h {
			return true
		}
	}
	return false
}

// projectivize lifts non-projective arcs (the shortest first, as Nivre and Nilsson 2005 do) until the
// tree is projective. It returns, for every lifted word, the label of its original head, which the
// caller encodes in the word's label so that the parse can be deprojectivized; "" for other words.
func projectivize(heads []int32, labels []string) []string {
	lifted := make([]string, len(heads))
	for range len(heads) * len(heads) { // each lift moves a word up, so this bound is never reached
		best, span := int32(-1), int32(0)
		for d := int32(1); d < int32(len(heads)); d++ {
			h := heads[d]
			if h <= 0 || !nonProjective(heads, d) {
				continue
			}
			s := max(h, d) - min(h, d)
			if best < 0 || s < span {
				best, span = d, s
			}
		}
		if best < 0 {
			break
		}
		h := heads[best]
		if lifted[best] == "" {
			lifted[best] = labels[h]
		}
		heads[best] = heads[h]
	}
	return lifted
}

// deprojectivize moves every word whose label was encoded by a lift to the first word, breadth-first
// and left to right below its head, that bears the encoded head label. It uses the parser's scratch
// space and allocates nothing.
func (p *Parser) deprojectivize(n int32) {
	m := p.m
	st := &p.st
	order := p.order[:0]
	for d := int32(1); d <= n; d++ {
		if m.want[st.label[d]] >= 0 {
			order = append(order, d)
		}
	}
	if len(order) == 0 {
		return
	}
	// Top-down, so that a lifted word's new head is settled before its own dependents move.
	p.buildChildren(n)
	depth := p.depth[:n+1]
	for d := int32(1); d <= n; d++ {
		k, a := int32(0), d
		for a != 0 && k <= n {
			a = st.head[a]
			k++
		}
		depth[d] = k
	}
	for i := 1; i < len(order); i++ { // insertion sort: lifted words are few
		for j := i; j > 0 && depth[order[j]] < depth[order[j-1]]; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	for _, d := range order {
		want := m.want[st.label[d]]
		h := st.head[d]
		q := append(p.queue[:0], h)
		found := int32(-1)
		for qi := 0; qi < len(q) && found < 0; qi++ {
			for c := p.first[q[qi]]; c > 0; c = p.next[c] {
				if c == d {
					continue // the word's own subtree cannot hold its head
				}
				if m.baseOf[st.label[c]] == want && (int(c) >= len(p.punct) || !p.punct[c]) {
					// punctuation heads nothing, lowered words included
					found = c
					break
				}
				q = append(q, c)
			}
		}
		p.queue = q
		if found > 0 {
			st.head[d] = found
			p.buildChildren(n)
		}
	}
	p.order = order
}

// buildChildren links every word's dependents in increasing order: first[h] is the leftmost, next[d]
// the following sibling, 0 the end.
func (p *Parser) buildChildren(n int32) {
	first, next := p.first[:n+1], p.next[:n+1]
	clear(first)
	for d := n; d >= 1; d-- {
		h := p.st.head[d]
		next[d] = first[h]
		first[h] = d
	}
}
