package coder

import (
	"math"
	"strings"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/source"
)

// Petrarch switches the coder to PETRARCH-1/TABARI-compatible coding, for users of PETRARCH dictionaries
// (package lexicon/petrarch) and for scoring against PETRARCH's validation records. dyad's parser still
// finds the verbs, their subjects, passives and coordination; what changes is how patterns and actors are
// read:
//
//   - a verb's patterns are looked up by its form before its lemma (PETRARCH lists "SAID" and "LEFT" as verbs
//     of their own), then through the dictionary's irregular forms, the lemma, and the regular endings
//     PETRARCH generates (-s, -ed, -ing);
//   - pattern words match word forms, not lemmas, in text order: words after the verb within its clause and
//     the clauses below it (not coordinated or parenthetical ones), words before it anywhere before it; "_"
//     joins must be adjacent; the pattern with the most words wins, then the one with more slots, then the
//     earlier line;
//   - an actor phrase is a run of noun-phrase words (a chunk) with a dictionary actor or agent in it; its
//     code is the first actor's code on the story date, prefixed agents ("NGO~") before it and suffixed
//     agents after it, an agent already in the code not repeated, "---" for agents without an actor. An
//     agent phrase followed by "of", "in" or "from" and actors takes them ("the ambassadors of A, B and C",
//     "activists in A"). Chunks joined by "and", "or", "nor" (or coordinated in the parse) form a compound;
//     a member without an actor takes its sibling's ("Danish media and government");
//   - "+", "$", "%" and "^" take the next actor phrase (before the verb, the nearest one before it);
//   - without a "+" the target is the first actor phrase after the verb; the source is the verb's subject
//     (through coordinated verbs and control, a pronoun subject of a reported clause is the reporter), or the
//     "by" agent of a passive, whose subject is then the target. When the parse gives the verb no clause of
//     its own (a mis-attached verb) the source is the first actor phrase of the sentence and the target the
//     first one after the verb, as TABARI would read it;
//   - a "%" slot wants a compound: as the subject its members act on one another, elsewhere the subject acts
//     on each; a compound source without a target acts on itself ("A and B renewed ties");
//   - a paired code [a:b] adds the reversed event (target → source) coded b; negation is left to the
//     patterns ("WILL NOT *"), as in PETRARCH.
type Petrarch struct {
	Enabled bool
	// NewActorLength codes an unknown noun phrase of at most this many words, used as source or target, as
	// its own words in quotes (PETRARCH's new_actor_length); 0 leaves such phrases uncoded.
	NewActorLength int
}

// petChunk is a run of noun-phrase words; with a dictionary actor or agent in it, an actor phrase.
type petChunk struct {
	lo, hi   int   // first and last token
	root     int   // the token whose head is outside the chunk
	actors   []int // first tokens of actor mentions
	agents   []int // first tokens of agent mentions
	attached []int // chunks whose actors this agent chunk takes
	owner    int   // the agent chunk this one is attached to, or -1
	group    int   // coordination group (a chunk index)
}

func (c *petChunk) mentions() bool { return len(c.actors)+len(c.agents) > 0 }

// petScratch is the per-worker scratch space of PETRARCH coding.
type petScratch struct {
	agentAt []agentMention
	chunkOf []int // token → chunk, or -1
	chunks  []petChunk
	inAfter []bool // tokens of the current verb's lower region
	verb    []bool // tokens coded as verbs
	pats    [][]*lexicon.Pattern
}

// petMatch is a pattern matched at a verb.
type petMatch struct {
	pat                    *lexicon.Pattern
	target, source, compnd int // chunks, -1 when the pattern has no such slot
	slots                  int
}

// clause relations: a verb attached with one of these heads a clause of its own
func petClauseRel(r string) bool {
	switch baseRel(r) {
	case "root", "conj", "ccomp", "xcomp", "advcl", "acl", "parataxis", "csubj":
		return true
	}
	return false
}

// codePetrarch codes one sentence the PETRARCH way.
func (w *worker) codePetrarch(doc *source.Document, s *sentence, events []event.Event) []event.Event {
	ps := &w.pet
	ps.verb = growB(ps.verb, len(s.words))
	if cap(ps.pats) < len(s.words) {
		ps.pats = make([][]*lexicon.Pattern, len(s.words))
	}
	ps.pats = ps.pats[:len(s.words)]
	for p := range s.words {
		ps.pats[p] = w.petPatterns(s, p)
		ps.verb[p] = len(ps.pats[p]) > 0
	}
	w.petChunks(s)
	for p := range s.words {
		if !ps.verb[p] {
			continue
		}
		pats := ps.pats[p]
		w.petRegion(s, p)
		m, ok := w.petBest(s, p, pats)
		if !ok {
			continue
		}
		events = w.petEmit(doc, s, p, &m, events)
	}
	return events
}

var (
	kTo  = lexicon.KeyOf("to")
	kIn  = lexicon.KeyOf("in")
	kFro = lexicon.KeyOf("from")
	kAnd = lexicon.KeyOf("and")
	kOr  = lexicon.KeyOf("or")
	kNor = lexicon.KeyOf("nor")
)

// petPatterns returns the patterns of token p when it is a verb the dictionary knows.
func (w *worker) petPatterns(s *sentence, p int) []*lexicon.Pattern {
	lex := w.c.opt.Lexicon
	verb := s.words[p].UPOS == "VERB"
	if !verb {
		switch s.words[p].UPOS {
		case "NOUN", "ADJ", "ADV", "PROPN":
		default:
			return nil
		}
		// a verb the tagger took for a noun or adverb: after an auxiliary, "to" or "not" ("will abandon"), or
		// a past form between two actor names ("Orlan scolded Kestravia")
		afterAux := p > 0 && (s.words[p-1].UPOS == "AUX" || s.lkey[p-1] == kTo || s.lkey[p-1] == kNot || s.key[p-1] == kNt)
		between := p > 0 && p+1 < len(s.words) && s.inActor[p-1] >= 0 && s.inActor[p] < 0 && hasSuffixFold(s.words[p].Form, "ed") &&
			(s.inActor[p+1] >= 0 || p+2 < len(s.words) && s.words[p+1].UPOS == "DET" && s.inActor[p+2] >= 0)
		if !afterAux && !between {
			return nil
		}
	}
	if pats := lex.VerbPatterns(s.key[p]); len(pats) > 0 {
		return pats
	}
	if k, ok := lex.Forms[s.key[p]]; ok {
		if pats := lex.VerbPatterns(k); len(pats) > 0 {
			return pats
		}
	}
	if verb {
		if pats := lex.VerbPatterns(s.lkey[p]); len(pats) > 0 {
			return pats
		}
	}
	// the regular forms PETRARCH generates: -s, -ed (-d after e), -ing, with a doubled consonant; keys
	// ignore case, so the form is cut as written
	f := s.words[p].Form
	n := len(f)
	var stems [4]string
	k := 0
	switch {
	case hasSuffixFold(f, "ing") && n > 5:
		stems[k], k = f[:n-3], k+1
		if f[n-4] == f[n-5] {
			stems[k], k = f[:n-4], k+1
		}
	case hasSuffixFold(f, "ed") && n > 4:
		stems[k], stems[k+1], k = f[:n-2], f[:n-1], k+2
		if f[n-3] == f[n-4] {
			stems[k], k = f[:n-3], k+1
		}
	case hasSuffixFold(f, "s") && !hasSuffixFold(f, "ss") && n > 3:
		stems[k], k = f[:n-1], k+1
	}
	for _, st := range stems[:k] {
		if pats := lex.VerbPatterns(lexicon.KeyOf(st)); len(pats) > 0 {
			return pats
		}
	}
	return nil
}

// hasSuffixFold is strings.HasSuffix for an ASCII lower-case suffix, ignoring the case of s.
func hasSuffixFold(s, suffix string) bool {
	if len(s) < len(suffix) {
		return false
	}
	t := s[len(s)-len(suffix):]
	for i := 0; i < len(t); i++ {
		c := t[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != suffix[i] {
			return false
		}
	}
	return true
}

// petChunkTok reports whether token i can be part of a noun-phrase chunk.
func (w *worker) petChunkTok(s *sentence, i int) bool {
	if w.pet.verb[i] {
		return false
	}
	return petNominalTok(s, i)
}

func petNominalTok(s *sentence, i int) bool {
	w := &s.words[i]
	switch w.UPOS {
	case "DET", "ADJ", "NOUN", "PROPN", "NUM", "X", "SYM":
		return true
	case "PART":
		return w.Form == "'s" || w.Form == "'" || w.Form == "’s" || w.Form == "’"
	case "PRON":
		return baseRel(s.rel[i]) == "nmod"
	case "PUNCT":
		// "anti- Gondor", "Barad-dur": a hyphen between words
		return w.Form == "-" && i > 0 && i+1 < len(s.words) && s.words[i-1].End == w.Start
	case "CCONJ":
		// "awful and evil minister": adjectives joined inside one noun phrase
		return i > 0 && i+2 < len(s.words) && s.words[i-1].UPOS == "ADJ" &&
			(s.words[i+1].UPOS == "ADJ" || s.words[i+1].UPOS == "NOUN") &&
			(s.words[i+2].UPOS == "NOUN" || s.words[i+2].UPOS == "PROPN")
	}
	return false
}

// petChunks finds the noun-phrase chunks of a sentence, their actors and agents, the agent phrases that
// take the actors of an "of" phrase, and the coordination groups.
func (w *worker) petChunks(s *sentence) {
	lex := w.c.opt.Lexicon
	n := len(s.words)
	ps := &w.pet
	if cap(ps.agentAt) < n {
		ps.agentAt = make([]agentMention, n)
	}
	ps.agentAt = ps.agentAt[:n]
	ps.chunkOf = grow(ps.chunkOf, n)
	// agents by form only: PETRARCH writes plurals out, and "polices" is not "police"; an agent never
	// runs into an actor name
	for i := 0; i < n; i++ {
		ps.agentAt[i] = agentMention{}
	}
	for i := 0; i < n; {
		if s.inActor[i] >= 0 {
			i++
			continue
		}
		ag, m := lex.Agents.Match(s.key, s.upper, i)
		for j := i + 1; j < i+m; j++ {
			if s.inActor[j] >= 0 {
				m = 0
				break
			}
		}
		if m == 0 {
			i++
			continue
		}
		ps.agentAt[i] = agentMention{agent: ag, n: m}
		i += m
	}
	// chunks: runs of noun-phrase words, widened over whole mentions ("Prince of Dol Amroth")
	ps.chunks = ps.chunks[:0]
	inMention := 0
	for i := 0; i < n; i++ {
		if m := s.actorAt[i].n; m > 0 {
			inMention = max(inMention, i+m)
		}
		if m := ps.agentAt[i].n; m > 0 {
			inMention = max(inMention, i+m)
		}
		if i >= inMention && !w.petChunkTok(s, i) {
			ps.chunkOf[i] = -1
			continue
		}
		if i > 0 && ps.chunkOf[i-1] >= 0 {
			c := ps.chunkOf[i-1]
			ps.chunkOf[i] = c
			ps.chunks[c].hi = i
		} else {
			// reuse the chunk slot and its slices from earlier sentences
			ps.chunkOf[i] = len(ps.chunks)
			if len(ps.chunks) < cap(ps.chunks) {
				ps.chunks = ps.chunks[:len(ps.chunks)+1]
			} else {
				ps.chunks = append(ps.chunks, petChunk{})
			}
			c := &ps.chunks[len(ps.chunks)-1]
			*c = petChunk{lo: i, hi: i, owner: -1, actors: c.actors[:0], agents: c.agents[:0], attached: c.attached[:0]}
		}
		c := &ps.chunks[ps.chunkOf[i]]
		if s.actorAt[i].n > 0 {
			c.actors = append(c.actors, i)
		}
		if ps.agentAt[i].n > 0 {
			c.agents = append(c.agents, i)
		}
	}
	for k := range ps.chunks {
		c := &ps.chunks[k]
		c.group = k
		c.root = c.hi
		best := -1
		for t := c.lo; t <= c.hi; t++ {
			if h := s.head[t]; h < c.lo || h > c.hi {
				if best < 0 || nominalUPOS(s.words[t].UPOS) || !nominalUPOS(s.words[best].UPOS) {
					best = t
				}
			}
		}
		if best >= 0 {
			c.root = best
		}
	}
	// coordination: chunks linked by conj in the parse, or by "and", "or", "nor" in the text
	for k := range ps.chunks {
		for t := ps.chunks[k].lo; t <= ps.chunks[k].hi; t++ {
			if s.rel[t] == "conj" && s.head[t] >= 0 {
				// a "coordination" across a verb is a parse error, not a compound
				if o := ps.chunkOf[s.head[t]]; o >= 0 && o != k && w.petCoordGap(s, s.head[t], t) {
					w.petUnion(k, o)
				}
			}
		}
	}
	// several subjects of one verb are a coordination the parse missed ("The lions and ... Gondor welcomed")
	for t := 0; t < n; t++ {
		if r := s.rel[t]; (r == "nsubj" || r == "nsubj:pass") && s.head[t] >= 0 && ps.chunkOf[t] >= 0 {
			for _, o := range s.children(s.head[t]) {
				if o < t && (s.rel[o] == "nsubj" || s.rel[o] == "nsubj:pass") && ps.chunkOf[o] >= 0 && petConjBetween(s, o, t) {
					w.petUnion(ps.chunkOf[o], ps.chunkOf[t])
				}
			}
		}
	}
	w.petLinearLists(s)
	// agent phrases with an "of"/"in"/"from" phrase of actors: "the government of Gondor"
	for k := range ps.chunks {
		c := &ps.chunks[k]
		if len(c.agents) == 0 || w.petHasActor(s, k) || c.owner >= 0 {
			continue
		}
		t := c.hi + 1
		if t+1 >= n || s.words[t].UPOS != "ADP" || !(s.lkey[t] == kOf || s.lkey[t] == kIn || s.lkey[t] == kFro) {
			continue
		}
		o := ps.chunkOf[t+1]
		if o < 0 || !w.petHasActor(s, o) {
			continue
		}
		g := ps.chunks[o].group
		for j := range ps.chunks {
			if j != k && ps.chunks[j].group == g && j >= o && ps.chunks[j].mentions() && ps.chunks[j].owner < 0 {
				ps.chunks[j].owner = k
				c.attached = append(c.attached, j)
			}
		}
	}
}

// petCoordGap reports whether only noun phrases, commas, parentheses and conjunctions lie between tokens
// a and b: a parse's coordination across anything else ("A after a rift, the agency") is an error.
func (w *worker) petCoordGap(s *sentence, a, b int) bool {
	for t := min(a, b) + 1; t < max(a, b); t++ {
		switch {
		case w.pet.chunkOf[t] >= 0, s.words[t].UPOS == "CCONJ":
		case s.words[t].Form == ",", s.words[t].Form == "(", s.words[t].Form == ")":
		default:
			return false
		}
	}
	return true
}

// petConjBetween reports an "and", "or" or "nor" between tokens a and b.
func petConjBetween(s *sentence, a, b int) bool {
	for t := a + 1; t < b; t++ {
		if s.key[t] == kAnd || s.key[t] == kOr || s.key[t] == kNor {
			return true
		}
	}
	return false
}

func nominalUPOS(u string) bool { return u == "NOUN" || u == "PROPN" || u == "PRON" || u == "NUM" }

// petUnion merges the coordination groups of chunks a and b.
func (w *worker) petUnion(a, b int) {
	cs := w.pet.chunks
	ga, gb := cs[a].group, cs[b].group
	if ga == gb {
		return
	}
	for i := range cs {
		if cs[i].group == gb {
			cs[i].group = ga
		}
	}
}

// petLinearLists links actor chunks listed with commas and a final "and"/"or"/"nor" ("A, B, C and D").
func (w *worker) petLinearLists(s *sentence) {
	cs := w.pet.chunks
	start := -1 // first chunk of a comma run not yet closed by a conjunction
	prev := -1  // previous chunk with mentions
	for k := range cs {
		if !cs[k].mentions() {
			continue
		}
		if prev >= 0 {
			comma, conj, other := false, false, false
			for t := cs[prev].hi + 1; t < cs[k].lo; t++ {
				switch {
				case s.words[t].Form == ",":
					comma = true
				case s.key[t] == kAnd || s.key[t] == kOr || s.key[t] == kNor:
					conj = true
				default:
					other = true
				}
			}
			switch {
			case other || cs[prev].hi+1 == cs[k].lo:
				start = -1
			case conj:
				from := prev
				if start >= 0 {
					from = start
				}
				for j := from; j < k; j++ {
					if cs[j].mentions() {
						w.petUnion(j, k)
					}
				}
				start = -1
			case comma:
				if start < 0 {
					start = prev
				}
			}
		}
		prev = k
	}
}

// petHasActor reports whether chunk k has an actor with a code on the story date.
func (w *worker) petHasActor(s *sentence, k int) bool {
	for _, a := range w.pet.chunks[k].actors {
		if c := s.actorAt[a].actor.CodeOn(w.on); c != "" && c != "---" {
			return true
		}
	}
	return false
}

// petBroken reports whether the parse gives verb p no clause of its own: a verb attached as a modifier,
// coordinated with a word that is not a verb, or made a clause of a day name ("on Thursday fired").
func petBroken(s *sentence, p int) bool {
	h := s.head[p]
	switch {
	case !petClauseRel(s.rel[p]):
		return true
	case h < 0:
		return false
	case s.rel[p] == "conj":
		return s.words[h].UPOS != "VERB"
	case baseRel(s.rel[p]) == "acl":
		return isDay(s.words[h].Form)
	}
	return false
}

// petSubordinate reports a verb that heads a subordinate clause, whose source PETRARCH does not forward.
func petSubordinate(s *sentence, p int) bool {
	switch baseRel(s.rel[p]) {
	case "advcl", "acl", "xcomp", "ccomp", "csubj":
		return !petBroken(s, p)
	}
	return false
}

// petRegion marks the verb's lower region: its subtree without coordinated or parenthetical clauses; for
// a mis-attached verb, the rest of the sentence.
func (w *worker) petRegion(s *sentence, p int) {
	ps := &w.pet
	ps.inAfter = growB(ps.inAfter, len(s.words))
	clear(ps.inAfter)
	if petBroken(s, p) {
		for t := p; t < len(s.words); t++ {
			ps.inAfter[t] = true
		}
		return
	}
	var walk func(int)
	walk = func(j int) {
		ps.inAfter[j] = true
		for _, c := range s.children(j) {
			if (s.rel[c] == "conj" && s.isVerb(c)) || s.rel[c] == "parataxis" || petCommaClause(s, p, c) {
				continue
			}
			walk(c)
		}
	}
	walk(p)
}

// petCommaClause reports a clause of its own (with a subject) set off by a comma after verb p: ", a senior
// official said" is not where p's target is.
func petCommaClause(s *sentence, p, c int) bool {
	if c < p || !s.isVerb(c) || !clauseRel(s, c) || s.child(c, "nsubj") < 0 {
		return false
	}
	lo, _ := s.subtreeSpan(c)
	for t := lo - 1; t > p; t-- {
		if s.words[t].Form == "," {
			return true
		}
		if s.words[t].UPOS != "ADP" && s.words[t].UPOS != "SCONJ" && s.words[t].UPOS != "ADV" {
			return false
		}
	}
	return false
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

// petSlotChunk reports whether chunk k can fill a slot: it has mentions and is not part of another.
func (w *worker) petSlotChunk(k int) bool {
	c := &w.pet.chunks[k]
	return c.mentions() && c.owner < 0
}

// petMatchPattern tries one pattern at verb p.
func (w *worker) petMatchPattern(s *sentence, p int, pat *lexicon.Pattern, m *petMatch) bool {
	ps := &w.pet
	m.pat, m.target, m.source, m.compnd, m.slots = pat, -1, -1, -1, 0
	slot := func(kind lexicon.ElemKind, k int) {
		m.slots++
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
			for idx := range ps.chunks {
				c := &ps.chunks[idx]
				if c.lo > cur && ps.inAfter[c.lo] && w.petSlotChunk(idx) {
					k = idx
					break
				}
			}
			if k < 0 || (e.Adjacent && ps.chunks[k].lo != cur+1) {
				return false
			}
			slot(e.Kind, k)
			cur = ps.chunks[k].hi
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
			for idx := len(ps.chunks) - 1; idx >= 0; idx-- {
				if ps.chunks[idx].hi < cur && w.petSlotChunk(idx) {
					k = idx
					break
				}
			}
			if k < 0 || (adj && ps.chunks[k].hi != cur-1) {
				return false
			}
			slot(e.Kind, k)
			cur = ps.chunks[k].lo
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
	if m.compnd >= 0 && w.petMembers(m.compnd) < 2 {
		return false // "%" wants a compound ("A and B")
	}
	return true
}

// petMembers counts the actor phrases of chunk k's coordination group.
func (w *worker) petMembers(k int) int {
	n := 0
	for j := range w.pet.chunks {
		if w.pet.chunks[j].group == w.pet.chunks[k].group && w.petSlotChunk(j) {
			n++
		}
	}
	return n
}

// petBest returns the matching pattern with the most words, then the most slots, then the earliest line
// (the lexicon lists patterns of equal words latest first).
func (w *worker) petBest(s *sentence, p int, pats []*lexicon.Pattern) (petMatch, bool) {
	var best, m petMatch
	found := false
	for _, pat := range pats {
		if found && pat.Words < best.pat.Words {
			break
		}
		if !w.petMatchPattern(s, p, pat, &m) {
			continue
		}
		if !found || m.slots >= best.slots {
			best, found = m, true
		}
	}
	return best, found
}

var petPronouns = keySet("it", "he", "she", "they", "we")

// petSubject returns the subject of verb p through coordinated verbs and control, and whether the verb is
// passive. A passive verb without a subject of its own has none; a pronoun subject of a reported clause
// is the reporter ("Ethiopia indicated it would act").
func (w *worker) petSubject(s *sentence, p int) (int, bool) {
	for depth := 0; p >= 0 && depth < 8; depth++ {
		passive := s.child(p, "aux:pass") >= 0
		for _, c := range s.children(p) {
			switch s.rel[c] {
			case "nsubj":
				if r := w.relative(s, p, c); r >= 0 {
					return r, false
				}
				if petPronouns[s.key[c]] && s.rel[p] == "ccomp" && s.head[p] >= 0 {
					if up, _ := w.petSubject(s, s.head[p]); up >= 0 {
						return up, false
					}
				}
				return c, passive
			case "nsubj:pass":
				if r := w.relative(s, p, c); r >= 0 {
					return r, true
				}
				return c, true
			}
		}
		h := s.head[p]
		if h < 0 || passive {
			return -1, passive
		}
		if s.rel[p] == "ccomp" {
			// "indicated it should have acted": the parse made the pronoun subject the object above
			if o := s.child(h, "obj"); o >= 0 && o < p && petPronouns[s.key[o]] {
				return w.petSubject(s, h)
			}
		}
		if petBroken(s, p) {
			return -1, false
		}
		switch s.rel[p] {
		case "xcomp":
			// object control: "urged Bree to help" — Bree helps
			if o := s.child(h, "obj", "iobj"); o >= 0 {
				return o, false
			}
		case "acl", "acl:relcl":
			return h, false
		case "conj":
		default:
			return -1, false
		}
		p = h
	}
	return -1, false
}

// petAgent returns the "by" agent of a passive verb; when the parse attached "by X" elsewhere, the first
// "by" phrase after the verb in its clause.
func (w *worker) petAgent(s *sentence, p int, passive bool) int {
	// an active verb's "by" phrase is no agent ("presented credentials ... by their countries")
	if !passive && (s.words[p].XPOS != "VBN" || s.child(p, "nsubj") >= 0) {
		return -1
	}
	if a := agentOf(s, p); a >= 0 {
		return a
	}
	for t := p + 1; t+1 < len(s.words) && w.pet.inAfter[t]; t++ {
		if s.lkey[t] == kBy {
			if c := w.pet.chunkOf[t+1]; c >= 0 {
				return w.pet.chunks[c].root
			}
			return -1
		}
		if s.isVerb(t) {
			return -1
		}
	}
	return -1
}

// petChunkAt returns the chunk of token t (for a subject or agent token), or -1.
func (w *worker) petChunkAt(t int) int {
	if t < 0 {
		return -1
	}
	k := w.pet.chunkOf[t]
	if k >= 0 && w.pet.chunks[k].owner >= 0 {
		return w.pet.chunks[k].owner
	}
	return k
}

// petSide is one side of an event.
type petSide struct {
	code   string
	lo, hi int // tokens it was coded from; lo = -1 for none
	name   string
}

// petBases returns the actor codes of chunk k without k's own agents: its first coded actor's (a "/" code
// names several), or the codes of the chunks it takes actors from.
func (w *worker) petBases(s *sentence, k int, out []string) []string {
	c := &w.pet.chunks[k]
	for _, a := range c.actors {
		if code := s.actorAt[a].actor.CodeOn(w.on); code != "" && code != "---" {
			return append(out, strings.Split(code, "/")...)
		}
	}
	for _, a := range c.attached {
		out = w.petCodes(s, a, nil, out)
	}
	return out
}

// petCodes appends the codes of chunk k: its bases (or borrowed ones) with its agents.
func (w *worker) petCodes(s *sentence, k int, borrow []string, out []string) []string {
	c := &w.pet.chunks[k]
	bases := w.petBases(s, k, nil)
	if len(bases) == 0 {
		bases = borrow
	}
	var pre, suf []string
	for _, a := range c.agents {
		ag := w.pet.agentAt[a].agent
		if ag.Prefix {
			pre = append(pre, ag.Codes...)
		} else {
			suf = append(suf, ag.Codes...)
		}
	}
	if len(bases) == 0 {
		switch {
		case len(suf) > 0:
			bases = []string{"---"}
		case len(pre) > 0:
			return append(out, strings.Join(pre, ""))
		default:
			return out
		}
	}
	for _, b := range bases {
		var sb strings.Builder
		for _, p := range pre {
			if !hasCode(b, p) {
				sb.WriteString(p)
			}
		}
		sb.WriteString(b)
		code := sb.String()
		for _, a := range suf {
			if !hasCode(code, a) {
				code += a
			}
		}
		out = append(out, code)
	}
	return out
}

// hasCode reports whether the three-letter code c is already in code after its first three letters.
func hasCode(code, c string) bool {
	for i := 3; i+len(c) <= len(code); i += 3 {
		if code[i:i+len(c)] == c {
			return true
		}
	}
	return false
}

// petSides resolves chunk k and the chunks coordinated with it; a member without actors takes the first
// sibling's, a member without mentions is a new actor when those are on.
func (w *worker) petSides(s *sentence, k int, out []petSide) []petSide {
	ps := &w.pet
	g := ps.chunks[k].group
	var borrow []string
	for j := range ps.chunks {
		if ps.chunks[j].group == g && ps.chunks[j].owner < 0 {
			if borrow = w.petBases(s, j, nil); len(borrow) > 0 {
				break
			}
		}
	}
	for j := range ps.chunks {
		c := &ps.chunks[j]
		if c.group != g || c.owner >= 0 {
			continue
		}
		if !c.mentions() {
			if ns, ok := w.petNewActor(s, j); ok {
				out = append(out, ns)
			}
			continue
		}
		name := ""
		if len(c.actors) > 0 {
			name = s.actorAt[c.actors[0]].actor.Name
		}
		for _, code := range w.petCodes(s, j, borrow, nil) {
			out = append(out, petSide{code: code, lo: c.lo, hi: c.hi, name: name})
		}
	}
	return out
}

// petNewActor codes an unknown noun phrase as its own words (PETRARCH's new actors): the chunk, with an
// "of" phrase that follows it.
func (w *worker) petNewActor(s *sentence, k int) (petSide, bool) {
	limit := w.c.opt.Petrarch.NewActorLength
	if limit <= 0 {
		return petSide{}, false
	}
	c := &w.pet.chunks[k]
	lo, hi := c.lo, c.hi
	if hi+2 < len(s.words) && s.lkey[hi+1] == kOf && w.pet.chunkOf[hi+2] >= 0 {
		hi = w.pet.chunks[w.pet.chunkOf[hi+2]].hi
	}
	var ws []string
	for t := lo; t <= hi; t++ {
		if s.words[t].UPOS == "PART" || s.words[t].UPOS == "PUNCT" {
			continue
		}
		if s.words[t].UPOS == "PRON" || s.words[t].UPOS == "NUM" || s.words[t].UPOS == "PROPN" && t == lo && hi == lo && isDay(s.words[t].Form) {
			return petSide{}, false
		}
		ws = append(ws, strings.ToUpper(s.words[t].Form))
	}
	if len(ws) == 0 || len(ws) > limit {
		return petSide{}, false
	}
	return petSide{code: `"` + strings.Join(ws, " ") + `"`, lo: lo, hi: hi}, true
}

// isDay reports a weekday name, which is never an actor.
func isDay(w string) bool {
	switch strings.ToLower(w) {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday":
		return true
	}
	return false
}

// petFirstAfter returns the first actor phrase after token p in the lower region that is not in group
// skip (-1: none); with new actors on, any chunk.
func (w *worker) petFirstAfter(s *sentence, p, skip int) int {
	ps := &w.pet
	for k := range ps.chunks {
		c := &ps.chunks[k]
		if c.lo <= p || !ps.inAfter[c.lo] || c.owner >= 0 || c.group == skip && skip >= 0 || !c.mentions() {
			continue
		}
		if len(c.actors) > 0 && len(c.agents) == 0 && !w.petHasActor(s, k) && len(c.attached) == 0 {
			continue // a null-coded actor is no target
		}
		return k
	}
	// no known actor: the first noun phrase, when new actors are on
	for k := range ps.chunks {
		c := &ps.chunks[k]
		if c.lo <= p || !ps.inAfter[c.lo] || c.owner >= 0 || c.group == skip && skip >= 0 {
			continue
		}
		if _, ok := w.petNewActor(s, k); ok {
			return k
		}
	}
	return -1
}

// petFirstBefore returns the first actor phrase of the sentence before token p (TABARI's source when the
// parse gives none), or -1.
func (w *worker) petFirstBefore(s *sentence, p int) int {
	for k := range w.pet.chunks {
		c := &w.pet.chunks[k]
		if c.hi >= p {
			break
		}
		if c.mentions() && c.owner < 0 && (w.petHasActor(s, k) || len(c.agents) > 0) {
			return k
		}
	}
	return -1
}

// petEmit turns a matched pattern into events.
func (w *worker) petEmit(doc *source.Document, s *sentence, p int, m *petMatch, events []event.Event) []event.Event {
	pat := m.pat
	if pat.IsNull() && pat.Reverse == "" {
		return events
	}
	ps := &w.pet
	subj, passive := w.petSubject(s, p)
	by := w.petAgent(s, p, passive)
	subjChunk := w.petChunkAt(subj)
	if subjChunk < 0 && subj < 0 && !passive && !petSubordinate(s, p) {
		subjChunk = w.petFirstBefore(s, p)
	}
	group := func(k int) int {
		if k < 0 {
			return -1
		}
		return ps.chunks[k].group
	}
	var srcs, tgts []petSide
	if m.compnd >= 0 {
		members := w.petSides(s, m.compnd, nil)
		if subjChunk < 0 || group(subjChunk) == group(m.compnd) {
			// the compound acts on itself: every member on every other
			return w.petPairs(doc, s, p, pat, members, events)
		}
		srcs = w.petSides(s, subjChunk, nil)
		return w.petEvents(doc, s, p, pat, srcs, members, events)
	}
	srcChunk, tgtChunk := subjChunk, -1
	if by >= 0 {
		srcChunk, tgtChunk = w.petChunkAt(by), subjChunk
	}
	if m.source >= 0 {
		srcChunk = m.source
		if m.target < 0 && subjChunk >= 0 && group(subjChunk) != group(m.source) {
			tgtChunk = subjChunk
		}
	}
	if m.target >= 0 {
		tgtChunk = m.target
		if m.source < 0 && (srcChunk < 0 || group(srcChunk) == group(m.target)) {
			// the subject is the target: the source is the subject of a clause above
			srcChunk = -1
			for q := p; s.head[q] >= 0 && srcChunk < 0; q = s.head[q] {
				if sub, _ := w.petSubject(s, s.head[q]); sub >= 0 && group(w.petChunkAt(sub)) != group(m.target) {
					srcChunk = w.petChunkAt(sub)
				}
			}
			if srcChunk < 0 {
				if f := w.petFirstBefore(s, p); f >= 0 && group(f) != group(m.target) {
					srcChunk = f
				}
			}
		}
	}
	if srcChunk < 0 {
		return events
	}
	srcs = w.petSides(s, srcChunk, nil)
	if tgtChunk < 0 {
		tgtChunk = w.petFirstAfter(s, p, group(srcChunk))
	}
	if tgtChunk >= 0 {
		tgts = w.petSides(s, tgtChunk, nil)
	} else if len(srcs) > 1 {
		// a compound source with nothing after the verb acts on itself ("A and B renewed ties")
		return w.petPairs(doc, s, p, pat, srcs, events)
	}
	return w.petEvents(doc, s, p, pat, srcs, tgts, events)
}

// petPairs codes every member of a compound acting on every other.
func (w *worker) petPairs(doc *source.Document, s *sentence, p int, pat *lexicon.Pattern, members []petSide, events []event.Event) []event.Event {
	for i := range members {
		for j := range members {
			if members[i].code != members[j].code {
				events = w.petEvents(doc, s, p, pat, members[i:i+1], members[j:j+1], events)
			}
		}
	}
	return events
}

// petEvents writes an event for every source and target (and the reversed events of a paired code).
func (w *worker) petEvents(doc *source.Document, s *sentence, p int, pat *lexicon.Pattern, srcs, tgts []petSide, events []event.Event) []event.Event {
	if len(tgts) == 0 {
		tgts = []petSide{{lo: -1}}
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
	e := w.skeleton(doc, s, p, w.codebook(code))
	e.Modality = "asserted"
	e.Source = petActor(s, src)
	if tgt.code != "" {
		e.Target = petActor(s, tgt)
	}
	e.Confidence = math.Round((0.55+0.08*math.Min(float64(pat.Words), 3))*100) / 100
	e.ID = eventID(doc.ID, s.index, e.Verb.Start, e.CAMEO, e.Source.Code, codeOrEmpty(e.Target))
	if w.c.opt.Explain {
		e.Explain = &event.Explanation{Pattern: code + " " + pat.Text, Lexicon: pat.Where, Notes: []string{"petrarch"}}
	}
	return e
}

// petActor converts one side into the event's actor.
func petActor(s *sentence, sd petSide) *event.Actor {
	a := &event.Actor{Code: sd.code, Name: sd.name, Agents: []string{}}
	if sd.lo >= 0 {
		a.Text = s.spanText(sd.lo, sd.hi)
		a.Start, a.End = s.char(s.words[sd.lo].Start), s.char(s.words[sd.hi].End)
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
