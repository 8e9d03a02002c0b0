package coder

import (
	"strings"
	"time"

	"github.com/biter777/countries"

	"github.com/dyad-events/dyad/internal/lexicon"
)

// actorRef is a resolved actor phrase.
type actorRef struct {
	code    string // full CAMEO actor code
	name    string // canonical name
	kind    string // person, group, country, capital, igo, org, agent (an agent noun without a name)
	head    int    // token of the phrase's head
	lo, hi  int    // tokens of the phrase to cite (inclusive)
	via     string // coref, context, capital
	group   string // named organisation, when one resolved the code
	person  bool
	plural  bool        // the phrase's head is a plural noun ("authorities"): no antecedent of "he"
	last    lexicon.Key // last word of a person's name, for later mentions by surname
	headKey lexicon.Key // lemma of the phrase's head noun, for "the spokesman" after "a Taliban spokesman"
}

func (a actorRef) ok() bool { return a.code != "" }

// npRels are the relations that keep a word inside its head's noun phrase.
func npRel(r string) bool {
	switch r {
	case "compound", "flat", "flat:name", "amod", "nmod:poss", "nmod:desc", "det", "det:poss", "nummod", "case", "punct",
		"appos", "nmod", "nmod:npmod", "fixed", "advmod", "cc:preconj", "nmod:unmarked", "compound:prt", "dep":
		return true
	}
	return false
}

// resolve resolves the noun phrase headed by h; mem supplies coreference, on the date of the story.
func (w *worker) resolve(s *sentence, h int, on time.Time) actorRef {
	x := s.words[h].XPOS
	ref := actorRef{head: h, lo: h, hi: h, headKey: s.lkey[h], plural: x == "NNS" || x == "NNPS"}
	// the span of the phrase: h and its noun-phrase dependents, without clauses and conjuncts
	ref.lo, ref.hi = w.npSpan(s, h)

	// 1. a dictionary name that covers the head ("the United States", "William Burns", "Taliban")
	if m := s.inActor[h]; m >= 0 {
		a := s.actorAt[m].actor
		w.applyNamed(&ref, a, on)
		ref.lo, ref.hi = m, m+s.actorAt[m].n-1
		w.extendName(s, &ref)
	}
	// 2. an apposition that names the actor ("the leader of the Taliban, Abdul Ghani Baradar"), also when the
	// parse hung the name elsewhere
	app := s.child(h, "appos")
	if app < 0 {
		app = w.detachedApposition(s, h, ref.hi)
	}
	if app >= 0 && !ref.person {
		sub := w.resolve(s, app, on)
		if sub.ok() && (sub.kind == "person" || ref.code == "" || sub.kind == "group") {
			if ref.code != "" && sub.kind == "person" && countryOf(sub.code) == "" {
				sub.code = ref.code
			}
			if ref.code == "" {
				// the head may still contribute agents and a country through its modifiers
				mod := w.modifiers(s, h, on)
				sub.code = compose(sub, mod, w.headAgents(s, h))
			}
			return sub
		}
	}
	// 3. compositional: modifiers give the country or group, the head noun (or a title) gives agents
	agents := w.headAgents(s, h)
	if ref.code != "" {
		if ref.kind == "country" && agents != "" {
			ref.code = countryOf(ref.code) + agents
			ref.kind = "agent"
		}
		mod := w.modifiers(s, h, on)
		if mod.code != "" && ref.kind == "person" && countryOf(ref.code) == "" {
			ref.code = compose(ref, mod, agents)
		}
		w.localize(s, &ref)
		w.mem.remember(s, ref)
		return ref
	}
	mod := w.modifiers(s, h, on)
	switch {
	case mod.code != "":
		ref.code = compose(ref, mod, agents)
		ref.name = mod.name
		ref.group = mod.group
		ref.kind = "agent"
		if agents == "" {
			ref.kind = mod.kind
		}
	case s.words[h].UPOS == "PROPN":
		// an unknown name: a surname met earlier, or a country the country library knows
		if prev, ok := w.mem.byName(s.key[h]); ok {
			prev.head, prev.lo, prev.hi, prev.via = h, ref.lo, ref.hi, "coref"
			return prev
		}
		if c := countryByName(s.words[h].Form); c != "" {
			ref.code, ref.kind, ref.name = c, "country", s.words[h].Form
		}
	}
	if ref.code == "" && s.words[h].UPOS == "PROPN" && agents == "" {
		// "German foreign ministry spokesman Tobias Reiner": an unknown name takes the role described before it
		if d := s.child(h, "nmod:desc"); d >= 0 && d < h && w.headAgents(s, d) != "" {
			if sub := w.resolveNoMem(s, d, on); sub.ok() {
				ref.code, ref.kind, ref.person, ref.name = sub.code, "person", true, s.words[h].Form
				ref.last = s.key[h]
				for _, c := range s.children(h) {
					if s.rel[c] == "flat" || s.rel[c] == "flat:name" {
						ref.last = s.key[c] // the surname, for a later "Reiner said"
					}
				}
			}
		}
	}
	if ref.code == "" {
		ref = w.coref(s, h, agents, ref)
	}
	if ref.code == "" && agents != "" && !isPronoun(s, h) {
		// "gunmen", "police", "three people": an agent without a country belongs to the country the
		// sentence (or else the article) is about, as ICEWS codes "Police (Mexico)"
		if c := w.contextCountry(s); c != "" {
			ref.code, ref.kind, ref.via = c+agents, "agent", "context"
		}
	}
	w.localize(s, &ref)
	if ref.code != "" {
		w.mem.remember(s, ref)
	}
	return ref
}

// localize codes a transnational movement ("Islamic State", "al-Qaeda") acting in a country named in the
// sentence under that country, as ICEWS does.
func (w *worker) localize(s *sentence, ref *actorRef) {
	if strings.HasPrefix(ref.code, "NGM") && (ref.kind == "group" || ref.group != "") {
		// "Islamic State militants" in Mosul: the group's fighters too
		if c := w.contextCountry(s); c != "" {
			ref.code, ref.via = c+"INS", "context"
		}
	}
}

func isPronoun(s *sentence, h int) bool { return s.words[h].UPOS == "PRON" }

// contextCountry is the country a sentence is about: the country of the first place named in a locative
// phrase, else the first country named in the sentence, else the article's first country.
func (w *worker) contextCountry(s *sentence) string {
	if s.ctxDone {
		return s.ctxCountry
	}
	s.ctxDone = true
	g := w.c.opt.Gazetteer
	if g != nil {
		heads := w.locs[:0]
		for i := range s.words {
			if s.isVerb(i) {
				heads = w.locatives(s, i, false, heads)
			}
		}
		// then any locative phrase, however deep ("from a resort on Samal island in the southern Philippines")
		heads = w.allLocatives(s, 0, heads)
		w.locs = heads
		for _, h := range heads {
			if pl, _, _, ok := w.placeAt(s, h, geoContext(w.docCountries), 0); ok && pl.Country != "" {
				s.ctxCountry = pl.Country
				return s.ctxCountry
			}
		}
	}
	for i := range s.words {
		if m := s.actorAt[i]; m.n > 0 && (m.actor.Kind == "country" || m.actor.Kind == "capital") {
			if c := countryOf(m.actor.CodeOn(w.on)); c != "" {
				s.ctxCountry = c
				return c
			}
		}
	}
	// then any named actor with a country: "a Malian army convoy", "Kenyan police"
	for i := range s.words {
		if m := s.actorAt[i]; m.n > 0 && m.actor.Kind != "igo" {
			// a transnational movement ("Islamic State") is placed by the sentence, it places nothing
			if c := countryOf(m.actor.CodeOn(w.on)); c != "" && c != "NGM" {
				s.ctxCountry = c
				return c
			}
		}
	}
	if len(w.docCountries) > 0 {
		s.ctxCountry = w.docCountries[0]
	}
	return s.ctxCountry
}

// detachedApposition finds a name that follows the phrase after a comma but that the parse attached to a
// verb as a conjunct or a loose dependent: in "met the leader of the Taliban, Abdul Ghani Baradar" the
// name is the leader.
func (w *worker) detachedApposition(s *sentence, h, hi int) int {
	_, end := w.npSpan(s, h)
	end = max(end, hi)
	// the phrase's own "of" modifier may extend it: "the leader of the Taliban"
	for _, c := range s.children(h) {
		if s.rel[c] == "nmod" && c > end {
			if _, e := w.npSpan(s, c); e > end {
				end = e
			}
		}
	}
	c, n := end+1, end+2
	if n >= len(s.words) || s.words[c].Form != "," || s.words[n].UPOS != "PROPN" {
		return -1
	}
	if r := s.rel[n]; (r == "conj" || r == "dep" || r == "parataxis" || r == "list" || r == "appos") && s.head[n] >= 0 && s.isVerb(s.head[n]) {
		if m := s.inActor[n]; m >= 0 && s.actorAt[m].actor.Kind == "person" || s.child(n, "flat") >= 0 {
			return n
		}
	}
	return -1
}

// extendName widens a person's span to the title and organisation in front ("C.I.A. director William Burns").
func (w *worker) extendName(s *sentence, ref *actorRef) {
	lo, hi := w.npSpan(s, ref.head)
	// keep the phrase's modifiers that come before the name, but not determiners or appositions after it
	for lo < ref.lo && (s.rel[lo] == "det" || s.rel[lo] == "punct" || s.rel[lo] == "case") {
		lo++
	}
	if lo < ref.lo {
		ref.lo = lo
	}
	_ = hi
}

// applyNamed sets ref from a dictionary actor.
func (w *worker) applyNamed(ref *actorRef, a *lexicon.Actor, on time.Time) {
	ref.code = a.CodeOn(on)
	ref.name = a.Name
	ref.kind = a.Kind
	switch a.Kind {
	case "person":
		ref.person = true
		if i := strings.LastIndexByte(a.Name, ' '); i >= 0 {
			ref.last = lexicon.KeyOf(a.Name[i+1:])
		} else {
			ref.last = lexicon.KeyOf(a.Name)
		}
	case "group", "igo", "org":
		ref.group = a.Name
	case "capital":
		ref.via = "capital"
	}
}

// modifiers resolves the country or group that modifies a head noun: adjectives and compounds ("Kenyan
// police", "Taliban spokesman"), possessives ("America's top spy") and "of" phrases ("leader of the Taliban").
func (w *worker) modifiers(s *sentence, h int, on time.Time) actorRef {
	var best actorRef
	rank := 0
	for _, c := range s.children(h) {
		r := s.rel[c]
		pr := 0
		switch r {
		case "compound", "amod", "flat", "flat:name":
			pr = 3
		case "nmod:poss", "nmod:desc":
			// ("Poland's defence ministry", with "Poland's" hung on "defence")
			pr = 2
		case "nmod":
			if cs := s.child(c, "case"); cs >= 0 && s.lkey[cs] == kOf {
				pr = 1
			}
		}
		if pr == 0 || pr <= rank {
			continue
		}
		var got actorRef
		if m := s.inActor[c]; m >= 0 {
			got.head = c
			w.applyNamed(&got, s.actorAt[m].actor, on)
		} else if r == "nmod" || r == "nmod:poss" || r == "nmod:desc" {
			got = w.resolveNoMem(s, c, on)
		} else if s.words[c].UPOS == "PROPN" || s.words[c].UPOS == "ADJ" {
			if cc := countryByName(s.words[c].Form); cc != "" {
				got = actorRef{code: cc, kind: "country", name: s.words[c].Form}
			}
		}
		if got.code == "" && (r == "compound" || r == "amod") {
			// a nested modifier: "a Turkish construction engineer", with "Turkish" hung on "construction", and
			// "the ELN rebel group", with "ELN" hung on "rebel"
			for _, cc := range s.children(c) {
				if rc := s.rel[cc]; (rc == "compound" || rc == "amod") && cc < c {
					if m := s.inActor[cc]; m >= 0 && (s.actorAt[m].actor.Kind == "country" || s.actorAt[m].actor.Kind == "group") {
						got.head = cc
						w.applyNamed(&got, s.actorAt[m].actor, on)
						break
					}
				}
			}
		}
		if got.code != "" {
			best, rank = got, pr
		}
	}
	return best
}

// resolveNoMem resolves a nested phrase without recording it as a separate mention.
func (w *worker) resolveNoMem(s *sentence, h int, on time.Time) actorRef {
	saved := w.mem.frozen
	w.mem.frozen = true
	r := w.resolve(s, h, on)
	w.mem.frozen = saved
	return r
}

// headAgents returns the agent codes of the head noun, or of a title before a name ("President Biden").
func (w *worker) headAgents(s *sentence, h int) string {
	// a multi-word agent may end at the head ("foreign minister")
	for i := max(0, h-3); i <= h; i++ {
		if am := s.agentAt[i]; am.n > 0 && i+am.n-1 == h {
			return strings.Join(am.agent.Codes, "")
		}
	}
	for _, c := range s.children(h) {
		if (s.rel[c] == "compound" || s.rel[c] == "flat" || s.rel[c] == "amod") && c < h {
			// a title before a name ("President Biden"), or a sector noun before a role noun that has
			// none of its own ("opposition leader", "army chief", "military officials")
			if am := s.agentAt[c]; am.n > 0 {
				return strings.Join(am.agent.Codes, "")
			}
		}
	}
	return ""
}

// compose builds a code from a modifier's country or group and the head's agents.
func compose(ref actorRef, mod actorRef, agents string) string {
	base := mod.code
	if base == "" {
		base = ref.code
	}
	if base == "" {
		return ""
	}
	if mod.kind == "group" || mod.kind == "igo" || mod.kind == "org" || mod.kind == "person" {
		// a named organisation's own code says more than a generic role noun
		if len(base) > 3 || agents == "" {
			return base
		}
	}
	c := countryOf(base)
	if c == "" {
		return base
	}
	if agents == "" {
		return base
	}
	return c + agents
}

// countryOf returns the three-letter country or region part of a code ("" for IGOs and agent-only codes).
func countryOf(code string) string {
	if len(code) < 3 {
		return ""
	}
	switch code[:3] {
	case "IGO", "NGO", "MNC", "UIS", "IMG", "INS", "REB", "GOV", "MIL", "COP", "OPP", "CVL", "BUS", "MED", "SPY":
		return ""
	}
	return code[:3]
}

// countryByName asks the country library for names our lexicon lacks ("Burma", "Afghan").
func countryByName(name string) string {
	if len(name) < 3 || !(name[0] >= 'A' && name[0] <= 'Z') {
		return ""
	}
	c := countries.ByName(name)
	if c == countries.Unknown {
		return ""
	}
	return c.Alpha3()
}

// npSpan returns the first and last token of the phrase headed by h, without clauses, conjuncts and
// appositions after the head.
func (w *worker) npSpan(s *sentence, h int) (int, int) {
	lo, hi := h, h
	var walk func(int)
	walk = func(j int) {
		for _, c := range s.children(j) {
			r := s.rel[c]
			if !npRel(r) || r == "punct" && (c < lo || c > hi) {
				continue
			}
			if j == h && (r == "appos" || r == "nmod" || r == "punct") && c > h {
				continue
			}
			if c < lo {
				lo = c
			}
			if c > hi {
				hi = c
			}
			walk(c)
		}
	}
	walk(h)
	// a phrase never starts with its case marker ("according to"), punctuation or conjunction
	for lo < h && (s.rel[lo] == "case" || s.rel[lo] == "punct" || s.rel[lo] == "cc" || s.rel[lo] == "fixed" || s.rel[lo] == "mark") {
		lo++
	}
	return lo, hi
}
