package coder

import (
	"slices"

	"github.com/dyad-events/dyad/internal/lexicon"
)

// memory holds the actors met so far in a document, newest last, for coreference.
type memory struct {
	recent  []remembered
	frozen  bool // nested resolutions do not count as mentions
	subject bool // the phrase being resolved is a subject: subjects are what pronouns pick up first
}

type remembered struct {
	actorRef
	sentence int
	subject  bool
}

const memorySize = 32

func (m *memory) reset() { m.recent = m.recent[:0] }

func (m *memory) remember(s *sentence, r actorRef) {
	if m.frozen || r.code == "" || r.via == "coref" {
		return
	}
	if len(m.recent) == memorySize {
		copy(m.recent, m.recent[1:])
		m.recent = m.recent[:memorySize-1]
	}
	m.recent = append(m.recent, remembered{actorRef: r, sentence: s.index, subject: m.subject})
}

// byName finds an earlier person whose surname is k ("Burns" after "William Burns").
func (m *memory) byName(k lexicon.Key) (actorRef, bool) {
	for i := len(m.recent) - 1; i >= 0; i-- {
		if r := m.recent[i]; r.person && r.last == k {
			return r.actorRef, true
		}
	}
	return actorRef{}, false
}

var (
	kOf    = lexicon.KeyOf("of")
	kHe    = lexicon.KeyOf("he")
	kShe   = lexicon.KeyOf("she")
	kHim   = lexicon.KeyOf("him")
	kHer   = lexicon.KeyOf("her")
	kHis   = lexicon.KeyOf("his")
	kIt    = lexicon.KeyOf("it")
	kIts   = lexicon.KeyOf("its")
	kThey  = lexicon.KeyOf("they")
	kThem  = lexicon.KeyOf("them")
	kTheir = lexicon.KeyOf("their")
	kThe   = lexicon.KeyOf("the")
	kThis  = lexicon.KeyOf("this")
	kThat  = lexicon.KeyOf("that")
	kGroup = lexicon.KeyOf("group")
)

// coref resolves a pronoun or a definite description ("the spokesman", "the group") to an actor met
// earlier in the document.
func (w *worker) coref(s *sentence, h int, agents string, ref actorRef) actorRef {
	k := s.key[h]
	want := func(r actorRef) bool { return false }
	switch {
	case k == kHe || k == kShe || k == kHim || k == kHer || k == kHis:
		// ("the ICC prosecutor … he": an international body's role noun keeps the body's code only)
		want = func(r actorRef) bool {
			return r.person || r.kind == "agent" && !r.plural && (isPersonAgent(r.code) || intlBody(r.code))
		}
	case k == kIt || k == kIts:
		// ("Norway's defence ministry said it had delivered …": a body named by its agent noun is "it" too)
		want = func(r actorRef) bool { return !r.person && (r.kind != "agent" || !r.plural && bodyNouns[r.headKey]) }
	case k == kThey || k == kThem || k == kTheir:
		// "Iraqis marked … the U.S.-led invasion of their country": a plural name or a group, not a country
		// named in the singular
		want = func(r actorRef) bool { return !r.person && (r.plural || r.kind != "country") }
	case s.words[h].UPOS == "NOUN" && definite(s, h):
		// "the spokesman" after "a Taliban spokesman": the same head noun first
		for i := len(w.mem.recent) - 1; i >= 0; i-- {
			if r := w.mem.recent[i].actorRef; r.headKey == s.lkey[h] {
				r.head, r.lo, r.hi, r.via = h, ref.lo, ref.hi, "coref"
				return r
			}
		}
		switch {
		case k == kGroup || s.lkey[h] == kGroup || agents == "INS" || agents == "REB":
			// "the group", "the militants": an armed or political group, not a state agency
			want = func(r actorRef) bool {
				return r.kind == "group" && !hasAgent(r.code, "SPYCOPMILGOVJUDLEG") || hasAgent(r.code, "INSREBOPPNGM")
			}
		case agents != "":
			want = func(r actorRef) bool { return hasAgent(r.code, agents) }
		}
	}
	if len(w.notCode) > 0 {
		own := want
		want = func(r actorRef) bool { return !slices.Contains(w.notCode, r.code) && own(r) }
	}
	// a pronoun starting a sentence takes up the subject of the sentence before ("Israel's prime minister
	// spoke with Russia's president. He asked …"); otherwise the nearest compatible mention
	if isPronoun(s, h) && s.rel[h] == "nmod:poss" && s.head[h] >= 0 && s.rel[s.head[h]] == "nsubj" {
		// "Algeria cut ties with Morocco, and its foreign minister warned …": a possessive in a later
		// clause's subject takes up the sentence's earlier subject, not the nearest name
		for i := len(w.mem.recent) - 1; i >= 0; i-- {
			r := w.mem.recent[i]
			if r.sentence != s.index {
				break
			}
			if r.subject && r.head < h && want(r.actorRef) {
				a := r.actorRef
				a.head, a.lo, a.hi, a.via = h, ref.lo, ref.hi, "coref"
				return a
			}
		}
	}
	if isPronoun(s, h) {
		for i := len(w.mem.recent) - 1; i >= 0; i-- {
			r := w.mem.recent[i]
			if r.sentence < s.index-1 {
				break
			}
			if r.subject && r.sentence == s.index-1 && want(r.actorRef) {
				a := r.actorRef
				a.head, a.lo, a.hi, a.via = h, ref.lo, ref.hi, "coref"
				return a
			}
		}
	}
	for i := len(w.mem.recent) - 1; i >= 0; i-- {
		r := w.mem.recent[i].actorRef
		if want(r) {
			r.head, r.lo, r.hi, r.via = h, ref.lo, ref.hi, "coref"
			return r
		}
	}
	return ref
}

func definite(s *sentence, h int) bool {
	for _, c := range s.children(h) {
		if s.rel[c] == "det" && (s.lkey[c] == kThe || s.lkey[c] == kThis || s.lkey[c] == kThat) {
			return true
		}
	}
	return false
}

func hasAgent(code, agents string) bool {
	if agents == "" || len(code) <= 3 {
		return false
	}
	for i := 3; i+3 <= len(code); i += 3 {
		for j := 0; j+3 <= len(agents); j += 3 {
			if code[i:i+3] == agents[j:j+3] {
				return true
			}
		}
	}
	return false
}

// isPersonAgent: an agent-only actor that is one person ("the minister") rather than a body.
func isPersonAgent(code string) bool {
	return hasAgent(code, "GOV") || hasAgent(code, "SPY") || hasAgent(code, "MIL") || hasAgent(code, "JUD")
}

// intlBody reports an intergovernmental or non-governmental organisation's code.
func intlBody(code string) bool {
	return len(code) >= 3 && (code[:3] == "IGO" || code[:3] == "NGO")
}

// bodyNouns name an institution, which a later "it" takes up, unlike a person's role ("the minister").
var bodyNouns = keySet("ministry", "government", "army", "military", "navy", "court", "parliament", "department",
	"agency", "cabinet", "administration", "council", "commission", "office", "embassy", "presidency", "junta")
