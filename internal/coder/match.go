package coder

import (
	"slices"

	"github.com/dyad-events/dyad/internal/lexicon"
)

// clauseRel reports whether a dependent starts a clause of its own, which a predicate's patterns must not
// reach into.
func clauseRel(s *sentence, c int) bool {
	switch s.rel[c] {
	case "advcl":
		// an infinitive ("declined to comment", parsed as a purpose clause) belongs to its verb's pattern
		m := s.child(c, "mark")
		return m < 0 || s.words[m].XPOS != "TO"
	case "acl":
		// a noun the parse hung as a clause is still a word of the phrase ("staged a sit-in", with "sit" read
		// as a reduced relative)
		return s.words[c].UPOS != "NOUN"
	case "ccomp", "acl:relcl", "parataxis", "csubj", "csubj:pass", "list", "discourse", "vocative", "reparandum", "orphan":
		return true
	case "conj":
		return s.isVerb(c)
	}
	return false
}

// window collects the predicate's clause: its subtree without embedded clauses, in text order.
func (w *worker) window(s *sentence, p int) []int {
	win := w.win[:0]
	if misattached(s, p) || p == w.surface {
		// a finite verb hung on a noun as a modifier is a misparse ("police fired tear gas …" read as a
		// noun phrase): its clause is the words after it, up to the next clause boundary
		win = append(win, p)
		for i := p + 1; i < len(s.words); i++ {
			if f := s.words[i].Form; f == "," || f == ";" || f == "." || f == ":" || finiteTag(s.words[i].XPOS) {
				break
			}
			win = append(win, i)
		}
		w.win = win
		return win
	}
	var walk func(int)
	walk = func(j int) {
		win = append(win, j)
		for _, c := range s.children(j) {
			if clauseRel(s, c) {
				if s.rel[c] == "ccomp" && j == p || thatClauseOnObject(s, p, j, c) {
					// a complement's marker, subject, modal and verb belong to the verb's pattern ("warned that the
					// U.S. …", "vowed Tehran would pay"), the rest of its clause does not
					win = append(win, c)
					for _, cc := range s.children(c) {
						switch s.rel[cc] {
						case "mark", "nsubj", "nsubj:pass":
							walk(cc)
						case "aux":
							win = append(win, cc)
						case "advmod":
							if s.lkey[cc] == kNot {
								win = append(win, cc) // "warned China not to change …"
							}
						default:
							if cc < c && s.words[cc].UPOS == "SCONJ" {
								win = append(win, cc) // a marker the parse took for an object ("warned Taiwan that war could …")
							}
						}
					}
				}
				continue
			}
			walk(c)
		}
	}
	walk(p)
	slices.Sort(win)
	w.win = win
	return win
}

// thatClauseOnObject reports whether clause c is the complement of predicate p that the parse hung on p's
// object j as a relative clause: in "warned Hezbollah on Tuesday that Beirut would pay" the "that" is a
// conjunction, since the clause has a subject of its own.
func thatClauseOnObject(s *sentence, p, j, c int) bool {
	return s.rel[c] == "acl:relcl" && s.rel[j] == "obj" && s.head[j] == p && thatMark(s, c) && s.child(c, "nsubj") >= 0
}

// misattached reports a finite verb that the parse made a noun's modifier.
func misattached(s *sentence, p int) bool {
	switch s.rel[p] {
	case "amod", "compound", "nmod", "dep", "flat", "appos", "nmod:unmarked":
		return finiteTag(s.words[p].XPOS)
	}
	return false
}

func finiteTag(x string) bool { return x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD" }

// match is a pattern matched at a predicate.
type match struct {
	pat      *lexicon.Pattern
	target   int // token where the target phrase starts (-1: the default)
	source   int // token where the source phrase starts (-1: the default)
	used     []int
	compound bool
}

func (w *worker) wordMatches(s *sentence, t int, e *lexicon.Elem) bool {
	if hyphenModifier(s, t) {
		return false
	}
	for _, k := range e.Alts {
		if s.lkey[t] == k || s.key[t] == k {
			return true
		}
	}
	return false
}

// second halves of hyphenated adjectives whose first half names an event but describes a place or people:
// "war-torn", "strike-hit", "conflict-affected"
var compoundTails = keySet("torn", "ravaged", "hit", "stricken", "weary", "scarred", "affected", "battered", "racked",
	"wracked", "prone", "ridden", "damaged", "devastated")

// hyphenModifier reports that token t is the first half of such an adjective, so no pattern word stands on it.
func hyphenModifier(s *sentence, t int) bool {
	if t+2 >= len(s.words) || s.words[t+1].Form != "-" || !compoundTails[s.lkey[t+2]] {
		return false
	}
	return s.words[t].End == s.words[t+1].Start && s.words[t+1].End == s.words[t+2].Start
}

// matchPattern tries one pattern over the window; pi is the predicate's position in win. Words may recur
// in a clause ("imposed sanctions on Monday on seven companies"), so the match backtracks over the
// occurrences of each word until every slot holds a phrase that is not a time expression.
func (w *worker) matchPattern(s *sentence, win []int, pi int, p *lexicon.Pattern, m *match) bool {
	m.pat, m.target, m.source, m.compound = p, -1, -1, false
	m.used = m.used[:0]
	if !w.matchAfter(s, win, p.After, 0, pi, m) {
		return false
	}
	cur := pi
	for i := len(p.Before) - 1; i >= 0; i-- {
		e := &p.Before[i]
		switch e.Kind {
		case lexicon.Skip:
			continue
		case lexicon.Target, lexicon.Source, lexicon.Compound:
			pos := -1
			if cur > 0 {
				pos = win[0] // the phrase before the verb: from the clause's start
				if i > 0 {
					pos = win[cur-1]
				}
			}
			if e.Kind == lexicon.Source {
				m.source = pos
			} else {
				m.target = pos
				m.compound = e.Kind == lexicon.Compound
			}
			continue
		}
		found := -1
		for j := cur - 1; j >= 0; j-- {
			if w.wordMatches(s, win[j], e) {
				found = j
				break
			}
			if i+1 < len(p.Before) && p.Before[i+1].Adjacent {
				break
			}
		}
		if found < 0 {
			return false
		}
		m.used = append(m.used, win[found])
		cur = found
	}
	return w.embeddedOK(s, win[pi], m.used)
}

// embeddedOK reports whether every matched word inside an infinitive or adverbial clause of predicate p
// comes with that clause's verb: "agreed to keep working on a peace treaty" is no "agree on &AGREEMENT",
// while "agreed to hold talks" matches "agree to hold talks".
func (w *worker) embeddedOK(s *sentence, p int, used []int) bool {
	for _, t := range used {
		if s.rel[t] == "mark" || s.lkey[t] == kNot {
			continue // the "to" of "asked Moscow to help", the "not" of "warned Pyongyang not to": the control verb's
		}
		for j := s.head[t]; j >= 0 && j != p; j = s.head[j] {
			if r := s.rel[j]; s.isVerb(j) && (r == "xcomp" || r == "advcl") {
				if !slices.Contains(used, j) {
					return false
				}
				break
			}
		}
	}
	return true
}

// matchAfter matches els[i:] after window position cur.
func (w *worker) matchAfter(s *sentence, win []int, els []lexicon.Elem, i, cur int, m *match) bool {
	if i == len(els) {
		return true
	}
	e := &els[i]
	switch e.Kind {
	case lexicon.Skip:
		return w.matchAfter(s, win, els, i+1, cur, m)
	case lexicon.Target, lexicon.Source, lexicon.Compound:
		pos := nextIndex(win, cur)
		for skip := cur + 1; i == 0 && e.Kind == lexicon.Target && pos >= 0 && w.isTime(s, pos); skip++ {
			// "vowed on Thursday that Washington would pay": a time right after the verb is stepped over
			pos = nextIndex(win, skip)
		}
		if pos >= 0 {
			h := w.phraseAt(s, pos, win)
			if h >= 0 && w.isTime(s, h) {
				if i == 0 && e.Kind == lexicon.Target && gappedRelative(s, win[cur]) {
					// "fishermen it had detained last month": the object slot is the noun the clause modifies
					m.target = -2
					return w.matchAfter(s, win, els, i+1, cur, m)
				}
				return false // "on Monday" is not the target of "impose sanctions on +"
			}
			if h >= 0 && i == 0 && e.Kind == lexicon.Target {
				// a slot right after the verb is its object: "met in Stockholm" has no target
				if cs := s.child(h, "case"); cs >= 0 && locPreps[s.lkey[cs]] && !motionPreps[s.lkey[cs]] {
					pos = -2
				}
			}
		}
		switch e.Kind {
		case lexicon.Source:
			m.source = pos
		case lexicon.Compound:
			m.compound, m.target = true, pos
		default:
			m.target = pos
		}
		return w.matchAfter(s, win, els, i+1, cur, m)
	}
	for j := cur + 1; j < len(win); j++ {
		if w.wordMatches(s, win[j], e) {
			n := len(m.used)
			m.used = append(m.used, win[j])
			if w.matchAfter(s, win, els, i+1, j, m) {
				return true
			}
			m.used = m.used[:n]
		}
		if e.Adjacent {
			break
		}
	}
	return false
}

// isTime reports whether token t is part of a temporal expression ("on Monday", "last year").
func (w *worker) isTime(s *sentence, t int) bool {
	for _, x := range w.sentenceTimes(s, w.on) {
		ws, we := s.words[t].Start-s.start, s.words[t].End-s.start
		if ws >= x.x.Start && we <= x.x.End {
			return true
		}
	}
	return false
}

func nextIndex(win []int, cur int) int {
	if cur+1 < len(win) {
		return win[cur+1]
	}
	return -2 // a slot at the end of the clause: nothing there
}

// bestMatch returns the most specific pattern of the predicate that matches, if any.
func (w *worker) bestMatch(s *sentence, p int, pats []*lexicon.Pattern) (match, bool) {
	if len(pats) == 0 {
		return match{}, false
	}
	win := w.window(s, p)
	pi := slices.Index(win, p)
	m := match{used: w.used[:0]}
	var have uint64 // the clause's words, for ruling out patterns that need others
	for _, t := range win {
		have |= lexicon.KeyBit(s.key[t]) | lexicon.KeyBit(s.lkey[t])
	}
	for _, pat := range pats {
		if pat.MayMatch(have) && w.matchPattern(s, win, pi, pat, &m) {
			w.used = m.used
			return m, true
		}
	}
	w.used = m.used
	return match{}, false
}

// phraseAt finds the head of the noun phrase that starts at or after token t inside the predicate's clause.
func (w *worker) phraseAt(s *sentence, t int, win []int) int {
	if t < 0 {
		return -1
	}
	start := slices.Index(win, t)
	if start < 0 {
		return -1
	}
	for _, j := range win[start:] {
		switch s.rel[j] {
		case "case", "det", "punct", "cc", "mark", "aux", "cop", "advmod", "det:predet":
			continue
		}
		if !s.isNominal(j) && s.words[j].UPOS != "ADJ" || quantityWords[s.lkey[j]] {
			// "at least 130 people": the count's qualifier is no phrase of its own
			continue
		}
		// climb from a modifier to the head of its phrase
		h := j
		for {
			r := s.rel[h]
			hh := s.head[h]
			if hh < 0 || !(r == "compound" || r == "amod" || r == "flat" || r == "flat:name" || r == "nmod:poss" || r == "det" || r == "nummod") {
				break
			}
			h = hh
		}
		return h
	}
	return -1
}

// quantityWords qualify a count ("at least 40", "at most ten"); the parse may make them a phrase of their own.
var quantityWords = keySet("least", "most")

// gappedRelative reports whether verb p heads a relative clause whose object is the noun it modifies: a clause
// with a subject of its own and no object ("the fishermen it had detained", "hostages the group seized").
func gappedRelative(s *sentence, p int) bool {
	if p < 0 || s.rel[p] != "acl:relcl" || s.head[p] < 0 || s.child(p, "obj", "ccomp", "xcomp") >= 0 || s.child(p, "nsubj:pass", "aux:pass") >= 0 || sayVerbs[s.lkey[p]] {
		return false
	}
	c := s.child(p, "nsubj")
	return c >= 0 && s.key[c] != kWho && s.key[c] != kWhich && s.key[c] != kThat
}
