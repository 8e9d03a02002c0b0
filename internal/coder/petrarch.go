package coder

import (
	"math"
	"slices"
	"strings"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/source"
)

// Petrarch switches the coder to PETRARCH-1/TABARI-compatible coding, for users of PETRARCH dictionaries
// (package lexicon/petrarch) and for scoring against PETRARCH's validation records. dyad's parser still
// finds the verbs, their subjects and the noun phrases; what changes is how patterns and actors are read:
//
//   - a verb's patterns are looked up by its form before its lemma (PETRARCH lists "SAID" and "LEFT" as
//     verbs of their own), then through the dictionary's irregular forms;
//   - pattern words match word forms, not lemmas, in text order: words after the verb within its clause and
//     the clauses below it (not coordinated or parenthetical ones), words before it anywhere before it;
//     "_" joins must be adjacent; the longest matching pattern wins, the earlier line on a tie;
//   - "+", "$", "%" and "^" take the next actor phrase (or, before the verb, the nearest one before);
//   - an actor phrase is a noun phrase with a dictionary actor or agent in it; its code is the first actor's
//     code on the story date, prefixed agents ("NGO~") before it and suffixed agents after it, an agent
//     already in the code not repeated, "---" for a phrase with agents but no actor; the actors coordinated
//     with the first one share the agents ("the ambassadors of A, B and C");
//   - without a "+", the target is the first actor phrase after the verb, and the source the verb's subject,
//     or the "by" agent of a passive verb (whose subject is then the target); coordinated phrases give an
//     event for every source and target, and a conjunct without an actor takes its sibling's ("Danish media
//     and government");
//   - a "%" slot is a compound phrase: with the compound as subject every member acts on every other,
//     otherwise the subject acts on every member;
//   - a paired code [a:b] adds the reversed event (target → source) coded b; negation is left to the
//     patterns ("WILL NOT *"), as in PETRARCH.
type Petrarch struct {
	Enabled bool
	// NewActorLength codes an unknown noun phrase of at most this many words, used as source or target, as
	// its own words in quotes (PETRARCH's new_actor_length); 0 leaves such phrases uncoded.
	NewActorLength int
}

// petPhrase is an actor phrase: a noun phrase with dictionary actors or agents.
type petPhrase struct {
	head      int // the noun the mentions climb to
	lo, hi    int // first and last token of the mentions
	actors    []int
	agents    []int
	nullActor bool // only null-coded actors ("[---]")
}

// petScratch is the per-worker scratch space of PETRARCH coding.
type petScratch struct {
	agentAt  []agentMention
	actorEnd []int // last token of the actor mention starting at i
	phrases  []petPhrase
	byHead   []int  // token → index of the phrase it heads, or -1
	inAfter  []bool // tokens of the current verb's lower region
	mentions []int
	codes    []string
}

// petMatch is a pattern matched at a verb.
type petMatch struct {
	pat                    *lexicon.Pattern
	target, source, compnd int // phrase indexes, -1 when the pattern has no such slot
}

// codePetrarch codes one sentence the PETRARCH way.
func (w *worker) codePetrarch(doc *source.Document, s *sentence, events []event.Event) []event.Event {
	lex := w.c.opt.Lexicon
	w.petPhrases(s)
	for p := range s.words {
		if s.words[p].UPOS != "VERB" {
			continue
		}
		pats := lex.VerbPatterns(s.key[p])
		if len(pats) == 0 {
			if k, ok := lex.Forms[s.key[p]]; ok {
				pats = lex.VerbPatterns(k)
			}
		}
		if len(pats) == 0 {
			pats = lex.VerbPatterns(s.lkey[p])
		}
		if len(pats) == 0 {
			continue
		}
		w.petRegion(s, p)
		m, ok := w.petBest(s, p, pats)
		if !ok {
			continue
		}
		events = w.petEmit(doc, s, p, &m, events)
	}
	return events
}

// npRelUp are the relations through which a mention climbs to the noun it belongs to.
func npRelUp(r string) bool {
	switch r {
	case "compound", "flat", "flat:name", "amod", "nmod:poss", "det", "nummod", "appos", "nmod", "nmod:npmod", "nmod:unmarked", "fixed":
		return true
	}
	return false
}

func nominalHead(s *sentence, h int) bool {
	switch s.words[h].UPOS {
	case "NOUN", "PROPN", "PRON", "NUM", "ADJ", "X", "SYM":
		return true
	}
	return false
}

// petClimb returns the head of the noun phrase token t belongs to; a conjunct climbs with its first conjunct
// when that one modifies a noun ("the ambassadors of A, B and C").
func petClimb(s *sentence, t int) int {
	h := t
	for range 12 {
		hh := s.head[h]
		if hh < 0 || !nominalHead(s, hh) {
			return h
		}
		switch r := s.rel[h]; {
		case npRelUp(r):
			h = hh
		case r == "conj":
			if g := s.head[hh]; g >= 0 && npRelUp(s.rel[hh]) && nominalHead(s, g) {
				h = hh
				continue
			}
			return h
		default:
			return h
		}
	}
	return h
}

// petPhrases finds the actor phrases of a sentence.
func (w *worker) petPhrases(s *sentence) {
	lex := w.c.opt.Lexicon
	n := len(s.words)
	ps := &w.pet
	if cap(ps.agentAt) < n {
		ps.agentAt = make([]agentMention, n)
	}
	ps.agentAt = ps.agentAt[:n]
	ps.actorEnd = grow(ps.actorEnd, n)
	ps.byHead = grow(ps.byHead, n)
	for i := range ps.byHead {
		ps.byHead[i] = -1
	}
	// agents by form only: PETRARCH writes plurals out, and "polices" is not "police"
	for i := 0; i < n; {
		ps.agentAt[i] = agentMention{}
		if s.inActor[i] >= 0 {
			i++
			continue
		}
		ag, m := lex.Agents.Match(s.key, s.upper, i)
		if m > 0 {
			// an agent phrase does not run into an actor name
			for j := i + 1; j < i+m; j++ {
				if s.inActor[j] >= 0 {
					m = 0
					break
				}
			}
		}
		if m == 0 {
			i++
			continue
		}
		ps.agentAt[i] = agentMention{agent: ag, n: m}
		for j := i + 1; j < i+m && j < n; j++ {
			ps.agentAt[j] = agentMention{}
		}
		i += m
	}
	ps.phrases = ps.phrases[:0]
	add := func(start, length int, actor bool) {
		root := start
		for j := start; j < start+length; j++ {
			if h := s.head[j]; h < start || h >= start+length {
				root = j
				break
			}
		}
		h := petClimb(s, root)
		k := ps.byHead[h]
		if k < 0 {
			k = len(ps.phrases)
			ps.byHead[h] = k
			ps.phrases = append(ps.phrases, petPhrase{head: h, lo: start, hi: start + length - 1, actors: nil, agents: nil, nullActor: true})
		}
		ph := &ps.phrases[k]
		ph.lo = min(ph.lo, start)
		ph.hi = max(ph.hi, start+length-1)
		if actor {
			ph.actors = append(ph.actors, start)
			if c := s.actorAt[start].actor.CodeOn(w.on); c != "" && c != "---" {
				ph.nullActor = false
			}
		} else {
			ph.agents = append(ph.agents, start)
			ph.nullActor = false
		}
	}
	for i := 0; i < n; i++ {
		if m := s.actorAt[i]; m.n > 0 {
			ps.actorEnd[i] = i + m.n - 1
			add(i, m.n, true)
		} else if am := ps.agentAt[i]; am.n > 0 {
			add(i, am.n, false)
		}
	}
}

// petRegion marks the verb's lower region: its subtree without coordinated or parenthetical clauses.
func (w *worker) petRegion(s *sentence, p int) {
	ps := &w.pet
	ps.inAfter = growB(ps.inAfter, len(s.words))
	clear(ps.inAfter)
	var walk func(int)
	walk = func(j int) {
		ps.inAfter[j] = true
		for _, c := range s.children(j) {
			if (s.rel[c] == "conj" && s.isVerb(c)) || s.rel[c] == "parataxis" {
				continue
			}
			walk(c)
		}
	}
	walk(p)
}

// petWordAt reports whether element e matches starting (forward) or ending (backward) at token j, and
// where the matched words end (or start).
func petWordAt(s *sentence, e *lexicon.Elem, j int, forward bool) (int, bool) {
	if len(e.Phrases) == 0 {
		for _, k := range e.Alts {
			if s.key[j] == k {
				return j, true
			}
		}
		return 0, false
	}
	for _, ph := range e.Phrases {
		lo, hi := j, j+len(ph)-1
		if !forward {
			lo, hi = j-len(ph)+1, j
		}
		if lo < 0 || hi >= len(s.words) {
			continue
		}
		ok := true
		for k, key := range ph {
			if s.key[lo+k] != key {
				ok = false
				break
			}
		}
		if ok {
			if forward {
				return hi, true
			}
			return lo, true
		}
	}
	return 0, false
}

// petMatchPattern tries one pattern at verb p.
func (w *worker) petMatchPattern(s *sentence, p int, pat *lexicon.Pattern, m *petMatch) bool {
	ps := &w.pet
	m.pat, m.target, m.source, m.compnd = pat, -1, -1, -1
	slot := func(kind lexicon.ElemKind, k int) {
		switch kind {
		case lexicon.Target:
			m.target = k
		case lexicon.Source:
			m.source = k
		case lexicon.Compound:
			m.compnd = k
		}
	}
	n := len(s.words)
	cur := p
	for i := range pat.After {
		e := &pat.After[i]
		if e.Kind != lexicon.Word {
			k := -1
			for idx := range ps.phrases {
				ph := &ps.phrases[idx]
				if ph.lo <= cur || !ps.inAfter[ph.lo] || (k >= 0 && ps.phrases[k].lo <= ph.lo) {
					continue
				}
				k = idx
			}
			if k < 0 || (e.Adjacent && ps.phrases[k].lo != cur+1) {
				return false
			}
			slot(e.Kind, k)
			cur = ps.phrases[k].hi
			continue
		}
		found := false
		for j := cur + 1; j < n; j++ {
			if !ps.inAfter[j] {
				if e.Adjacent {
					break
				}
				continue
			}
			if end, ok := petWordAt(s, e, j, true); ok {
				cur, found = end, true
				break
			}
			if e.Adjacent {
				break
			}
		}
		if !found {
			return false
		}
	}
	cur = p
	for i := len(pat.Before) - 1; i >= 0; i-- {
		e := &pat.Before[i]
		adj := pat.HeadAdjacent
		if i+1 < len(pat.Before) {
			adj = pat.Before[i+1].Adjacent
		}
		if e.Kind != lexicon.Word {
			k := -1
			for idx := range ps.phrases {
				ph := &ps.phrases[idx]
				if ph.hi >= cur || (k >= 0 && ps.phrases[k].hi >= ph.hi) {
					continue
				}
				k = idx
			}
			if k < 0 || (adj && ps.phrases[k].hi != cur-1) {
				return false
			}
			slot(e.Kind, k)
			cur = ps.phrases[k].lo
			continue
		}
		found := false
		for j := cur - 1; j >= 0; j-- {
			if start, ok := petWordAt(s, e, j, false); ok {
				cur, found = start, true
				break
			}
			if adj {
				break
			}
		}
		if !found {
			return false
		}
	}
	if m.compnd >= 0 && len(w.petGroup(s, m.compnd, nil)) < 2 {
		return false // "%" wants a compound ("A and B")
	}
	return true
}

// petBest returns the most specific matching pattern; among equals the earliest in the dictionary (the
// lexicon lists equals latest first).
func (w *worker) petBest(s *sentence, p int, pats []*lexicon.Pattern) (petMatch, bool) {
	var best, m petMatch
	found := false
	for _, pat := range pats {
		if found && pat.Words < best.pat.Words {
			break
		}
		if w.petMatchPattern(s, p, pat, &m) {
			best, found = m, true
		}
	}
	return best, found
}

// petGroup returns phrase k and the phrases coordinated with it, in text order.
func (w *worker) petGroup(s *sentence, k int, out []int) []int {
	ps := &w.pet
	out = append(out[:0], k)
	h := ps.phrases[k].head
	// climb to the first conjunct, then take its conjuncts
	for s.rel[h] == "conj" && s.head[h] >= 0 {
		h = s.head[h]
	}
	var walk func(int)
	walk = func(j int) {
		if idx := ps.byHead[j]; idx >= 0 && !slices.Contains(out, idx) {
			out = append(out, idx)
		}
		for _, c := range s.children(j) {
			if s.rel[c] == "conj" {
				walk(c)
			}
		}
	}
	walk(h)
	slices.SortFunc(out, func(a, b int) int { return ps.phrases[a].lo - ps.phrases[b].lo })
	return out
}

// petPhraseOf returns the phrase headed by token h (or containing it), or -1.
func (w *worker) petPhraseOf(s *sentence, h int) int {
	if h < 0 {
		return -1
	}
	ps := &w.pet
	if k := ps.byHead[h]; k >= 0 {
		return k
	}
	if k := ps.byHead[petClimb(s, h)]; k >= 0 {
		return k
	}
	return -1
}

// petCodes returns the codes of a phrase: one per actor coordinated with its first actor (and per code of
// a "/" compound code), each with the phrase's agents. borrow supplies actors when the phrase has none.
func (w *worker) petCodes(s *sentence, k, borrow int) []string {
	ps := &w.pet
	ph := &ps.phrases[k]
	var pre, suf []string
	for _, a := range ph.agents {
		ag := ps.agentAt[a].agent
		if ag.Prefix {
			pre = append(pre, ag.Codes...)
		} else {
			suf = append(suf, ag.Codes...)
		}
	}
	actors := ph.actors
	if (len(actors) == 0 || ph.nullActor) && borrow >= 0 && borrow != k {
		actors = ps.phrases[borrow].actors
	}
	var bases []string
	if len(actors) > 0 {
		first := actors[0]
		group := []int{first}
		// actors coordinated with the first one share the phrase's agents
		for _, a := range actors[1:] {
			if petConjOf(s, first, a) {
				group = append(group, a)
			}
		}
		for _, a := range group {
			c := s.actorAt[a].actor.CodeOn(w.on)
			if c == "" || c == "---" {
				continue
			}
			bases = append(bases, strings.Split(c, "/")...)
		}
	}
	if len(bases) == 0 {
		if len(suf) == 0 {
			return nil
		}
		bases = []string{"---"}
	}
	out := make([]string, 0, len(bases))
	for _, b := range bases {
		var sb strings.Builder
		for _, c := range pre {
			if !hasCode(b, c) {
				sb.WriteString(c)
			}
		}
		sb.WriteString(b)
		code := sb.String()
		for _, c := range suf {
			if !hasCode(code, c) {
				code += c
			}
		}
		out = append(out, code)
	}
	return out
}

// petConjOf reports whether actor mention b is a conjunct of mention a (through conj links).
func petConjOf(s *sentence, a, b int) bool {
	top := func(t int) int {
		for s.rel[t] == "conj" && s.head[t] >= 0 {
			t = s.head[t]
		}
		return t
	}
	ra, rb := a, b
	// the mention's own root inside a multi-word name
	for s.head[ra] > ra && s.inActor[s.head[ra]] == a {
		ra = s.head[ra]
	}
	for s.head[rb] > rb && s.inActor[s.head[rb]] == b {
		rb = s.head[rb]
	}
	return top(ra) == top(rb) && ra != rb
}

// hasCode reports whether the three-letter code c is already in code after its first three letters.
func hasCode(code, c string) bool {
	for i := 3; i+len(c) <= len(code); i += 3 {
		if code[i:i+len(c)] == c {
			return true
		}
	}
	return len(code) == len(c) && code == c
}

// petSide is one side of an event: the codes with the phrase they come from.
type petSide struct {
	code   string
	phrase int // -1 for a new actor
	lo, hi int
}

// petSides resolves a phrase and its conjuncts into codes; a conjunct without actors takes its sibling's.
func (w *worker) petSides(s *sentence, k int, out []petSide) []petSide {
	group := w.petGroup(s, k, nil)
	borrow := -1
	for _, g := range group {
		if ph := &w.pet.phrases[g]; len(ph.actors) > 0 && !ph.nullActor {
			borrow = g
			break
		}
	}
	for _, g := range group {
		ph := &w.pet.phrases[g]
		for _, c := range w.petCodes(s, g, borrow) {
			out = append(out, petSide{code: c, phrase: g, lo: ph.lo, hi: ph.hi})
		}
	}
	return out
}

// petNewActor codes an unknown noun phrase headed by h as its own words (PETRARCH's new actors).
func (w *worker) petNewActor(s *sentence, h int) (petSide, bool) {
	max := w.c.opt.Petrarch.NewActorLength
	if max <= 0 || h < 0 || !nominalHead(s, h) || s.words[h].UPOS == "PRON" {
		return petSide{}, false
	}
	lo, hi := w.npSpan(s, h)
	var ws []string
	for t := lo; t <= hi; t++ {
		if s.rel[t] == "punct" || s.rel[t] == "case" && t == lo {
			continue
		}
		ws = append(ws, strings.ToUpper(s.words[t].Form))
	}
	if len(ws) == 0 || len(ws) > max {
		return petSide{}, false
	}
	return petSide{code: `"` + strings.Join(ws, " ") + `"`, phrase: -1, lo: lo, hi: hi}, true
}

// petSideOf resolves the phrase headed by token h (or a new actor).
func (w *worker) petSideOf(s *sentence, h int, out []petSide) []petSide {
	if k := w.petPhraseOf(s, h); k >= 0 {
		return w.petSides(s, k, out)
	}
	if ns, ok := w.petNewActor(s, h); ok {
		return append(out, ns)
	}
	return out
}

// petFirstAfter returns the first actor phrase after token p in the lower region, skipping phrase skip.
func (w *worker) petFirstAfter(p int, skip []int) int {
	ps := &w.pet
	k := -1
	for idx := range ps.phrases {
		ph := &ps.phrases[idx]
		if ph.lo <= p || !ps.inAfter[ph.lo] || slices.Contains(skip, idx) || ph.nullActor && len(ph.agents) == 0 {
			continue
		}
		if k < 0 || ph.lo < ps.phrases[k].lo {
			k = idx
		}
	}
	return k
}

// petEmit turns a matched pattern into events.
func (w *worker) petEmit(doc *source.Document, s *sentence, p int, m *petMatch, events []event.Event) []event.Event {
	pat := m.pat
	if pat.IsNull() && pat.Reverse == "" {
		return events
	}
	var srcs, tgts []petSide
	subj, _ := w.subject(s, p)
	by := agentOf(s, p)
	subjPhrase := w.petPhraseOf(s, subj)
	switch {
	case m.compnd >= 0:
		group := w.petGroup(s, m.compnd, nil)
		members := w.petSides(s, m.compnd, nil)
		if subjPhrase >= 0 && slices.Contains(group, subjPhrase) || subj < 0 {
			// the compound acts on itself: every member on every other
			for _, a := range members {
				for _, b := range members {
					if a.code != b.code {
						events = w.petEvents(doc, s, p, pat, []petSide{a}, []petSide{b}, events)
					}
				}
			}
			return events
		}
		srcs = w.petSideOf(s, subj, nil)
		tgts = members
	default:
		srcHead, tgtPhrase := subj, -1
		if by >= 0 {
			srcHead = by
			tgtPhrase = subjPhrase
		}
		if m.source >= 0 {
			srcs = w.petSides(s, m.source, nil)
			if m.target < 0 && subjPhrase >= 0 && subjPhrase != m.source {
				tgtPhrase = subjPhrase
			}
		}
		if m.target >= 0 {
			tgtPhrase = m.target
			if m.source < 0 && (subjPhrase == m.target || by >= 0 && w.petPhraseOf(s, by) == m.target) {
				// the subject is the target: the source is the subject of the clause above
				srcHead = -1
				for q := p; s.head[q] >= 0 && srcHead < 0; q = s.head[q] {
					if sub, _ := w.subject(s, s.head[q]); sub >= 0 && w.petPhraseOf(s, sub) != m.target {
						srcHead = sub
					}
				}
			}
		}
		if m.source < 0 {
			srcs = w.petSideOf(s, srcHead, nil)
		}
		if tgtPhrase < 0 {
			var skip []int
			for _, sd := range srcs {
				if sd.phrase >= 0 {
					skip = append(skip, w.petGroup(s, sd.phrase, nil)...)
				}
			}
			tgtPhrase = w.petFirstAfter(p, skip)
		}
		if tgtPhrase >= 0 {
			tgts = w.petSides(s, tgtPhrase, nil)
		}
	}
	return w.petEvents(doc, s, p, pat, srcs, tgts, events)
}

// petEvents writes an event for every source and target (and the reversed events of a paired code).
func (w *worker) petEvents(doc *source.Document, s *sentence, p int, pat *lexicon.Pattern, srcs, tgts []petSide, events []event.Event) []event.Event {
	if len(tgts) == 0 {
		tgts = []petSide{{phrase: -1, lo: -1}}
	}
	for _, a := range srcs {
		for _, b := range tgts {
			if a.code == b.code {
				continue
			}
			if !pat.IsNull() {
				events = append(events, w.petEvent(doc, s, p, pat, pat.Code, a, b))
			}
			if pat.Reverse != "" && b.code != "" {
				events = append(events, w.petEvent(doc, s, p, pat, pat.Reverse, b, a))
			}
		}
	}
	return events
}

// petEvent builds one event.
func (w *worker) petEvent(doc *source.Document, s *sentence, p int, pat *lexicon.Pattern, code string, src, tgt petSide) event.Event {
	info, ok := w.c.opt.Ontology.Event(code)
	if !ok {
		// PETRARCH dictionaries carry WEIS and local codes: keep the code, take what the root gives
		info.Code, info.Root = code, code[:min(2, len(code))]
		if r, ok := w.c.opt.Ontology.Event(info.Root); ok {
			info.Quad = r.Quad
		}
	}
	e := event.Event{
		DocID:         doc.ID,
		URL:           doc.URL,
		Publisher:     doc.Publisher,
		Published:     dateOf(doc.Published),
		SentenceIndex: s.index,
		Sentence:      s.text,
		SentenceStart: s.charStart,
		CAMEO:         info.Code,
		CAMEOName:     info.Name,
		Root:          info.Root,
		QuadClass:     info.Quad,
		Goldstein:     info.Goldstein,
		PLOVER:        event.PLOVER{Type: info.PLOVER, Mode: info.Mode},
		Verb: event.Verb{Text: s.words[p].Form, Lemma: s.words[p].Lemma,
			Start: s.char(s.words[p].Start), End: s.char(s.words[p].End)},
		Modality:      "asserted",
		Date:          dateOf(doc.Published),
		DatePrecision: "story",
	}
	e.Source = w.petActor(s, src)
	if tgt.code != "" {
		e.Target = w.petActor(s, tgt)
	}
	e.Confidence = math.Round((0.55+0.08*math.Min(float64(pat.Words), 3))*100) / 100
	e.ID = eventID(doc.ID, s.index, e.Verb.Start, e.CAMEO, e.Source.Code, codeOrEmpty(e.Target))
	if w.c.opt.Explain {
		e.Explain = &event.Explanation{Pattern: code + " " + pat.Text, Lexicon: pat.Where,
			Notes: []string{"petrarch"}}
	}
	return e
}

// petActor converts one side into the event's actor.
func (w *worker) petActor(s *sentence, sd petSide) *event.Actor {
	a := &event.Actor{Code: sd.code, Agents: []string{}}
	if sd.lo >= 0 {
		a.Text = s.spanText(sd.lo, sd.hi)
		a.Start, a.End = s.char(s.words[sd.lo].Start), s.char(s.words[sd.hi].End)
	}
	if sd.phrase >= 0 {
		if ph := &w.pet.phrases[sd.phrase]; len(ph.actors) > 0 {
			a.Name = s.actorAt[ph.actors[0]].actor.Name
		}
	}
	if !strings.HasPrefix(sd.code, `"`) { // a new actor's quoted words have no parts
		rest := sd.code
		if strings.HasPrefix(rest, "---") {
			rest = rest[3:]
		} else if c := countryOf(rest); c != "" {
			a.Country, rest = c, rest[3:]
		}
		for i := 0; i+3 <= len(rest); i += 3 {
			a.Agents = append(a.Agents, rest[i:i+3])
		}
	}
	return a
}
