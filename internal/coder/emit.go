package coder

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/geo"
	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/ontology"
	"github.com/dyad-events/dyad/internal/source"
	"github.com/dyad-events/dyad/internal/timex"
)

var (
	kBy        = lexicon.KeyOf("by")
	kBetween   = lexicon.KeyOf("between")
	kInclude   = lexicon.KeyOf("include")
	kIncluding = lexicon.KeyOf("including")
	kNot       = lexicon.KeyOf("not")
	kNt        = lexicon.KeyOf("n't")
	kNever     = lexicon.KeyOf("never")
	kNo        = lexicon.KeyOf("no")
	kAccording = lexicon.KeyOf("according")
	kAs        = lexicon.KeyOf("as")
	kIf        = lexicon.KeyOf("if")
	kUnless    = lexicon.KeyOf("unless")
	kWill      = lexicon.KeyOf("will")
	kShall     = lexicon.KeyOf("shall")
	kWho       = lexicon.KeyOf("who")
	kWhich     = lexicon.KeyOf("which")
	kFor       = lexicon.KeyOf("for")
	kRefuse    = lexicon.KeyOf("refuse")
	kSeek      = lexicon.KeyOf("seek")
	kOn        = lexicon.KeyOf("on")
	kCan       = lexicon.KeyOf("can")
	kWont      = lexicon.KeyOf("won't")
	kCannot    = lexicon.KeyOf("cannot")
	kDecline   = lexicon.KeyOf("decline")
)

// hypothetical auxiliaries; "will" makes a planned event instead
var modalAux = keySet("may", "might", "could", "would", "should", "can", "must")

// verbs whose xcomp is an intention ("vowed to build")
var intendVerbs = keySet("vow", "pledge", "promise", "plan", "intend", "aim", "seek", "want", "hope", "decide", "prepare", "agree", "offer", "threaten", "expect", "wish", "resolve", "mean", "propose",
	"commit", "undertake", "volunteer", "consent", "ready", "willing", "prepared", "determined", "committed",
	"eager", "keen", "poised", "invite")

// verbs of asking, whose complement is the act asked for
var requestVerbs = keySet("call", "urge", "ask", "demand", "appeal", "request", "press", "push", "implore",
	"beg", "encourage", "pressure", "plead", "petition", "invite", "exhort", "challenge", "order", "instruct",
	"tell", "advise", "persuade", "lobby")

// participles that tell a main act's result or audience ("…, forcing lawmakers to flee", "…, telling a rally")
var consequenceVerbs = keySet("force", "tell", "compel", "oblige", "cause", "end")

// verbs whose infinitive complement does not happen
var negativeVerbs = keySet("decline", "refuse", "fail", "avoid", "stop", "cease", "halt", "abandon", "forgo")

// verbs of denial, whose complement is claimed not to have happened
var denyVerbs = keySet("deny", "dismiss", "refute", "reject", "disown", "rebut")

// verbs of saying and reporting, whose complement is a reported claim
var sayVerbs = keySet("say", "tell", "report", "claim", "allege", "announce", "state", "add", "confirm", "insist",
	"declare", "assert", "explain", "note", "write", "tweet", "believe", "reveal", "acknowledge", "admit", "argue",
	"suggest", "indicate", "disclose", "warn", "stress", "deny")

func keySet(words ...string) map[lexicon.Key]bool {
	m := make(map[lexicon.Key]bool, len(words))
	for _, w := range words {
		m[lexicon.KeyOf(w)] = true
	}
	return m
}

// subject returns the subject of predicate p and whether it is a passive subject (the patient), looking
// through coordination, control and adverbial clauses for subjects they share with their head.
func (w *worker) subject(s *sentence, p int) (int, bool) {
	for depth := 0; p >= 0 && depth < 8; depth++ {
		for _, c := range s.children(p) {
			switch s.rel[c] {
			case "nsubj":
				if cs := s.child(c, "case"); cs >= 0 && s.key[cs] == kPossS {
					// "Georgia's interior ministry launched …" parsed with two subjects: the possessor belongs
					// to the later one
					for _, c2 := range s.children(p) {
						if c2 > c && s.rel[c2] == "nsubj" {
							c = c2
							break
						}
					}
				}
				if r := w.relative(s, p, c); r >= 0 {
					return r, false
				}
				if a, ok := timeAnchor(s, c); ok {
					return a, false
				}
				return c, false
			case "expl":
				// "said it was willing to mediate": the parse took the pronoun of a readiness adjective for an
				// expletive, but it is the one who is ready
				if s.words[p].UPOS == "ADJ" && intendVerbs[s.lkey[p]] && c < p && s.child(p, "nsubj") < 0 {
					return c, false
				}
			case "nsubj:pass":
				if r := w.relative(s, p, c); r >= 0 {
					return r, true
				}
				return c, true
			}
		}
		h := s.head[p]
		if h < 0 {
			return -1, false
		}
		switch s.rel[p] {
		case "xcomp":
			// object control: "urged governments to keep" — governments keep
			if o := s.child(h, "obj", "iobj"); o >= 0 {
				return o, false
			}
		case "acl", "acl:relcl":
			if a, ok := timeAnchor(s, h); ok {
				return a, false
			}
			return h, false
		case "advcl":
			// "thanked Rwanda for sending troops", "praised Vietnam for hosting": the object did it
			if mk := s.child(p, "mark"); mk >= 0 && s.lkey[mk] == kFor && s.words[p].XPOS == "VBG" {
				if o := s.child(h, "obj"); o >= 0 && o < p {
					return o, false
				}
			}
		}
		switch s.rel[p] {
		case "xcomp", "conj", "advcl":
		default:
			return -1, false
		}
		p = h
	}
	return -1, false
}

var (
	timeNouns   = keySet("day", "week", "month", "year", "hour", "minute", "time", "night", "morning", "weekend")
	afterBefore = keySet("after", "before", "since")
)

// timeAnchor reads a subject that the parse took from a time phrase: in "two weeks after Guyana's coast
// guard detained a trawler" the subject of "detained" is the coast guard, hung on "weeks". ok is false when
// c is no time noun; a time noun without such a phrase gives -1.
func timeAnchor(s *sentence, c int) (int, bool) {
	if !timeNouns[s.lkey[c]] {
		return -1, false
	}
	for _, x := range s.children(c) {
		if cs := s.child(x, "case"); s.rel[x] == "nmod" && cs >= 0 && afterBefore[s.lkey[cs]] {
			return x, true
		}
	}
	return -1, true
}

// actorBefore finds the nearest actor phrase before a verb in its clause: scanning left, it stops at a
// clause boundary (another verb, a semicolon, a subordinator) and returns the head of the first phrase that
// names a country, capital, organisation, group, person or agent.
func (w *worker) actorBefore(s *sentence, p int) int {
	for i := p - 1; i >= 0 && i >= p-10; i-- {
		switch {
		case s.isVerb(i), s.words[i].Form == ";", s.words[i].UPOS == "SCONJ":
			return -1
		}
		if s.inActor[i] < 0 && s.agentAt[i].n == 0 {
			continue
		}
		// climb to the head of the phrase the mention is in
		h := i
		for d := 0; d < 4 && s.head[h] >= 0 && npRel(s.rel[h]) && s.rel[h] != "nmod" && s.rel[h] != "appos" && s.head[h] < p; d++ {
			h = s.head[h]
		}
		if h < p && s.isNominal(h) {
			return h
		}
		return i
	}
	return -1
}

// actorAfter finds the nearest actor phrase after a verb in its clause (up to a verb, a semicolon, a
// subordinator or the end of the sentence), other than the source.
func (w *worker) actorAfter(s *sentence, p, src int, places bool) int {
	for i := p + 1; i < len(s.words) && i <= p+10; i++ {
		switch {
		case s.isVerb(i) && s.rel[i] != "amod", s.words[i].Form == ";", s.words[i].UPOS == "SCONJ", s.words[i].Form == ".":
			// a participle used as an adjective ("Kurdish-held villages") does not end the clause
			return -1
		}
		if s.inActor[i] < 0 && s.agentAt[i].n == 0 {
			continue
		}
		h := i
		for d := 0; d < 4 && s.head[h] >= 0 && npRel(s.rel[h]) && s.rel[h] != "nmod" && s.rel[h] != "appos" && s.head[h] > p; d++ {
			h = s.head[h]
		}
		if h == src || ownPossessed(s, h) {
			continue // "withdrew its troops from a town in …": the source's own troops are not whom it yields to
		}
		if cs := s.child(h, "case"); !places && cs >= 0 && locPreps[s.lkey[cs]] && !motionPreps[s.lkey[cs]] {
			continue // "leaders meeting in Tunis": where it happened, not with whom
		}
		if v := s.head[h]; v >= 0 && v != p && s.rel[h] == "nsubj" && sayVerbs[s.lkey[v]] {
			continue // "…, U.N. officials said": who reports it, not who it was done to
		}
		if r := w.resolveNoMem(s, h, w.on); r.ok() {
			return h
		}
	}
	return -1
}

// conditionSubject returns the subject of an if- or unless-clause under predicate p (or under its act, a few
// levels down) when it names an actor of another country than the source's; -1 if none.
func (w *worker) conditionSubject(s *sentence, p, src int, on time.Time) int {
	sc := ""
	if src >= 0 {
		sc = countryOf(w.resolveNoMem(s, src, on).code)
	}
	for j := range s.words {
		if s.rel[j] != "advcl" {
			continue
		}
		mk := s.child(j, "mark")
		if mk < 0 || s.lkey[mk] != kIf && s.lkey[mk] != kUnless {
			continue
		}
		under := false
		for q, d := s.head[j], 0; q >= 0 && d < 4; q, d = s.head[q], d+1 {
			if q == p {
				under = true
				break
			}
		}
		if !under {
			continue
		}
		sub, pass := w.subject(s, j)
		if sub < 0 || pass || sub == src {
			continue
		}
		if r := w.resolveNoMem(s, sub, on); r.ok() && countryOf(r.code) != sc {
			return sub
		}
	}
	return -1
}

func subjectLike(upos string) bool { return upos == "NOUN" || upos == "PROPN" || upos == "PRON" }

// ownerIn finds the first actor named inside the phrase of a thing h (its owner, user or place), outside
// the phrase's relative and complement clauses and its time expressions; -1 if none.
func (w *worker) ownerIn(s *sentence, h, src int, on time.Time, places bool) (int, bool) {
	lo, hi := s.subtreeSpan(h)
	for i := lo; i <= hi; i++ {
		if i == h || s.inActor[i] < 0 && s.agentAt[i].n == 0 {
			continue
		}
		inside, place := true, false
		for j := i; j >= 0 && j != h; j = s.head[j] {
			if r := s.rel[j]; r == "acl:relcl" || r == "ccomp" || r == "advcl" || r == "parataxis" || r == "conj" && s.isVerb(j) {
				inside = false
				break
			}
			if cs := s.child(j, "case"); cs >= 0 && locPreps[s.lkey[cs]] {
				place = true
			}
		}
		if place && !places {
			continue
		}
		if !inside || w.isTime(s, i) {
			continue
		}
		// the head of the mention's own phrase
		m := i
		for d := 0; d < 4 && s.head[m] >= 0 && s.head[m] != h && (s.rel[m] == "compound" || s.rel[m] == "amod" || s.rel[m] == "flat" || s.rel[m] == "flat:name"); d++ {
			m = s.head[m]
		}
		if m == src {
			continue
		}
		if r := w.resolveNoMem(s, m, on); r.ok() {
			if s.head[m] == h && s.rel[m] == "nmod:poss" && src >= 0 && countryOf(r.code) != "" && countryOf(r.code) == countryOf(w.resolveNoMem(s, src, on).code) {
				continue // the source's own thing: "pledged Beijing's support for a railway"
			}
			return m, place
		}
	}
	return -1, false
}

// actedOn returns the source of the latest event of this or the previous sentence whose target is the
// country of src and whose source is another country, or nothing.
func actedOn(events []event.Event, src string, sentence int) actorRef {
	c := countryOf(src)
	for i := len(events) - 1; i >= 0; i-- {
		e := &events[i]
		if e.SentenceIndex < sentence-1 {
			break
		}
		if c != "" && e.Target != nil && e.Target.Country == c && e.Source.Country != "" && e.Source.Country != c {
			return actorRef{code: e.Source.Code, kind: "agent", via: "context", head: -1}
		}
	}
	return actorRef{}
}

// ownPeopleCode reports CAMEO codes of concessions that a government makes at home: easing administrative
// sanctions (081x) and changing a policy or granting rights on demand (0832, 0833). Resignations and
// elections (0831) are also what protesters ask for, so they are left to a named target.
func ownPeopleCode(code string) bool {
	return strings.HasPrefix(code, "081") || code == "0832" || code == "0833"
}

// rivalWords mark a plural phrase as two or more sides at odds: "rival factions", "warring parties"
var rivalWords = keySet("rival", "warring", "feuding", "opposing")

// rivalGroup reports whether h is a plural noun of sides at odds ("the rival factions").
func rivalGroup(s *sentence, h int) bool {
	if h < 0 || s.words[h].XPOS != "NNS" {
		return false
	}
	for _, c := range s.children(h) {
		if s.rel[c] == "amod" && (rivalWords[s.lkey[c]] || rivalWords[s.key[c]]) {
			return true
		}
	}
	return false
}

// ownPossessed reports whether phrase h is owned by a possessive pronoun ("its troops", "their envoys").
func ownPossessed(s *sentence, h int) bool {
	ps := s.child(h, "nmod:poss")
	return ps >= 0 && s.words[ps].XPOS == "PRP$"
}

// toInfinitive reports whether clause v is a to-infinitive.
func toInfinitive(s *sentence, v int) bool {
	mk := s.child(v, "mark")
	return mk >= 0 && s.words[mk].XPOS == "TO"
}

// intentTarget finds the first actor in the promised act x, outside its relative, complement and adverbial
// clauses, its time expressions and the places where it is to happen ("in Kathmandu"); -1 if none.
func (w *worker) intentTarget(s *sentence, x, src int, on time.Time) int {
	var srcCode string
	if src >= 0 {
		srcCode = w.resolveNoMem(s, src, on).code
	}
	lo, hi := s.subtreeSpan(x)
	for i := lo; i <= hi; i++ {
		if i == x || s.inActor[i] < 0 && s.agentAt[i].n == 0 || w.isTime(s, i) {
			continue
		}
		ok := true
		for j := i; j >= 0 && j != x; j = s.head[j] {
			if r := s.rel[j]; r == "acl:relcl" || r == "ccomp" || r == "parataxis" || r == "advcl" && !toInfinitive(s, j) || r == "conj" && s.isVerb(j) {
				ok = false
				break
			}
			if cs := s.child(j, "case"); cs >= 0 && locPreps[s.lkey[cs]] && !motionPreps[s.lkey[cs]] && s.lkey[cs] != kOn {
				ok = false // where the promised act is to happen, not whom it is for ("sanctions on" is whom)
				break
			}
		}
		if !ok {
			continue
		}
		m := i
		for d := 0; d < 4 && s.head[m] >= 0 && s.head[m] != x && (s.rel[m] == "compound" || s.rel[m] == "amod" || s.rel[m] == "flat" || s.rel[m] == "flat:name"); d++ {
			m = s.head[m]
		}
		if m == src {
			continue
		}
		if v := s.head[m]; v >= 0 && s.rel[m] == "nsubj" && sayVerbs[s.lkey[v]] {
			continue // "…, the U.S. secretary of state announced": who reports the promise
		}
		r := w.resolveNoMem(s, m, on)
		if r.ok() && s.rel[m] == "nsubj" && countryOf(r.code) == countryOf(srcCode) {
			continue // "promised that its state oil company would supply …": the promiser's own side acts
		}
		if r.ok() && r.code != srcCode {
			return m
		}
	}
	return -1
}

// nouns of asking and proposing, whose infinitive names an act that has not happened
var askedNouns = keySet("request", "call", "appeal", "plea", "proposal", "bid", "demand", "suggestion", "invitation")

// verbs whose object is always a person ("captured" also takes helicopters and towns)
var arrestVerbs = keySet("arrest", "detain", "jail", "imprison", "apprehend", "intern")

// verbs of a purpose clause that name whom aid is for ("to help Bolivia", "to assist Nepal")
var helpVerbs = keySet("help", "assist", "support", "aid", "relieve")

// helpedActor returns the object of a to-infinitive purpose clause of p headed by a verb of helping, when it
// names an actor of another country than the source's; -1 if none.
func (w *worker) helpedActor(s *sentence, p, src int, on time.Time) int {
	var srcCode string
	if src >= 0 {
		srcCode = countryOf(w.resolveNoMem(s, src, on).code)
	}
	for _, c := range s.children(p) {
		if r := s.rel[c]; (r != "xcomp" && r != "advcl") || !helpVerbs[s.lkey[c]] || !toInfinitive(s, c) {
			continue
		}
		o := s.child(c, "obj")
		if o < 0 {
			continue
		}
		if r := w.resolveNoMem(s, o, on); r.ok() && countryOf(r.code) != srcCode {
			return o
		}
	}
	return -1
}

// roots of force and coercion, whose target may be the country where the thing acted on is
var forceRoots = map[string]bool{"15": true, "17": true, "18": true, "19": true, "20": true}

// nextActor finds an actor named right after a verb that the parse left without an object ("may attack
// Ukraine next month", with "Ukraine" taken for a modifier of "month").
func (w *worker) nextActor(s *sentence, p, subj int) int {
	for i := p + 1; i < len(s.words) && i <= p+2; i++ {
		if s.words[i].UPOS == "ADP" || s.words[i].UPOS == "PUNCT" || s.isVerb(i) {
			return -1
		}
		if m := s.inActor[i]; m >= 0 && i != subj && (s.actorAt[m].actor.Kind == "country" || s.actorAt[m].actor.Kind == "group" || s.actorAt[m].actor.Kind == "capital") {
			return i
		}
	}
	return -1
}

// relative maps a relative pronoun subject ("who", "which") to the noun its clause modifies.
func (w *worker) relative(s *sentence, p, c int) int {
	if (s.key[c] == kWho || s.key[c] == kWhich || s.key[c] == kThat) && s.rel[p] == "acl:relcl" {
		return s.head[p]
	}
	return -1
}

// isPassive reports whether p is a passive verb. A participle modifying a noun ("the activists arrested
// on Monday") is passive, unless that noun is the sentence's root: then the parse has missed the main verb
// ("The German chancellor traveled to Ukraine", with "traveled" taken for a participle).
func isPassive(s *sentence, p int) bool {
	if s.child(p, "nsubj:pass", "aux:pass") >= 0 {
		return true
	}
	if s.words[p].XPOS == "VBN" && (s.rel[p] == "amod" || s.rel[p] == "advcl") && s.child(p, "obl:agent") >= 0 {
		// "a move condemned by the African Union", misparsed as an adjective of a later noun; "Backed by
		// Russian warplanes, Syrian troops …"
		return true
	}
	return s.words[p].XPOS == "VBN" && s.rel[p] == "acl" && s.head[p] >= 0 && s.head[s.head[p]] >= 0
}

// agent returns the "by" agent of a passive predicate.
func agentOf(s *sentence, p int) int {
	for _, c := range s.children(p) {
		if s.rel[c] == "obl:agent" {
			return c
		}
		if s.rel[c] == "obl" || s.rel[c] == "obj" || s.rel[c] == "nmod" {
			// (a "by" phrase the parser took for an object of the passive is still its agent, also when it
			// hung "by" on the phrase's adjective: "by Kenyan police")
			if cs := s.child(c, "case"); cs >= 0 && s.lkey[cs] == kBy {
				return c
			}
			for t := c - 1; t >= 0 && t >= c-4; t-- {
				if s.lkey[t] == kBy && s.rel[t] == "case" && s.head[t] >= 0 && (s.head[t] == c || s.head[s.head[t]] == c) {
					return c
				}
			}
		}
	}
	// "was threatened with trade retaliation by China": the parse hung the "by" phrase on the noun before it
	for _, c := range s.children(p) {
		if r := s.rel[c]; r != "obl" && r != "obj" {
			continue
		}
		for _, cc := range s.children(c) {
			if s.rel[cc] == "nmod" {
				if cs := s.child(cc, "case"); cs >= 0 && s.lkey[cs] == kBy {
					return cc
				}
			}
		}
	}
	return -1
}

// nominalArgs returns the source and target of a nominal event: "America's request", "the arrest of X by Y".
func (w *worker) nominalArgs(s *sentence, n int) (src, tgt int) {
	src, tgt = -1, -1
	for _, c := range s.children(n) {
		switch s.rel[c] {
		case "nmod:poss":
			if !timeNames[s.lkey[c]] && !timeNouns[s.lkey[c]] {
				src = c // "Friday's air strike" is dated, not done, by its possessor
			}
		case "nmod":
			cs := s.child(c, "case")
			switch {
			case cs >= 0 && s.lkey[cs] == kBy:
				src = c
			case cs >= 0 && s.lkey[cs] == kOf && tgt < 0:
				tgt = c
			case cs >= 0 && s.lkey[cs] == kBetween && src < 0 && !infinitiveObject(s, n):
				// "talks between Seoul and Tokyo", "a truce between Israel and Hezbollah": the coordinated
				// parties do it with each other
				src = c
			}
		}
	}
	if h := s.head[n]; src < 0 && h >= 0 && s.rel[n] == "nsubj" && onsetVerbs[s.lkey[h]] {
		// "clashes erupted between Chad's army and rebels", "clashes broke out between Kyrgyz and Tajik
		// guards": the parse hangs the sides on the verb, but they belong to the noun that names the event
		for _, c := range s.children(h) {
			if r := s.rel[c]; r != "obl" && r != "obj" {
				continue
			}
			if lo, _ := s.subtreeSpan(c); s.lkey[lo] == kBetween && s.head[lo] >= 0 {
				src = s.head[lo]
				break
			}
		}
	}
	if src < 0 && tgt >= 0 {
		// "the massacre of 130 villagers by soldiers": the parse often hangs the "by" agent on the "of" phrase
		for _, c := range s.children(tgt) {
			if s.rel[c] == "nmod" && c > tgt {
				if cs := s.child(c, "case"); cs >= 0 && s.lkey[cs] == kBy {
					src = c
					break
				}
			}
		}
	}
	if src < 0 {
		// "Friday's Israeli air strike", "U.S. sanctions", "the U.S.-led invasion": a named actor modifying
		// the event noun does it
		src = eventModifier(s, n)
	}
	if src < 0 {
		// "the government ordered the arrest of …": the nominal's agent is its verb's subject
		if h := s.head[n]; h >= 0 && (s.rel[n] == "obj" || s.rel[n] == "nsubj:pass") && s.isVerb(h) && agentiveVerbs[s.lkey[h]] {
			if sub, pass := w.subject(s, h); sub >= 0 && !pass {
				src = sub
			}
		}
	}
	return src, tgt
}

var kLead = lexicon.KeyOf("lead")

// onsetVerbs say that an event began or went on, with the event as their subject
var onsetVerbs = keySet("erupt", "break", "flare", "rage", "continue", "intensify", "resume", "escalate")

// nouns of agreements, whose infinitive says what was agreed
var agreementNouns = keySet("agreement", "deal", "accord", "treaty", "pact", "memorandum", "protocol", "compact",
	"understanding", "arrangement")

// infinitiveObject reports whether noun n is the object of a to-infinitive ("willing to host a summit
// between …"): the event is only wanted or planned.
func infinitiveObject(s *sentence, n int) bool {
	h := s.head[n]
	if h < 0 || s.rel[n] != "obj" {
		return false
	}
	for _, c := range s.children(h) {
		if s.rel[c] == "mark" && s.lkey[c] == kTo {
			return true
		}
	}
	return false
}

// eventModifier finds a country, group, organisation or capital that modifies event noun n before it, also
// through a compound ("Israeli air strike", with "Israeli" on "air") or a "-led" ("the U.S.-led invasion");
// -1 if none.
func eventModifier(s *sentence, n int) int {
	for _, c := range s.children(n) {
		if c > n {
			continue
		}
		switch r := s.rel[c]; {
		case r == "amod" && s.lkey[c] == kLead:
			for _, a := range s.children(c) {
				if a < c && s.inActor[a] >= 0 {
					return a
				}
			}
		case r == "amod" || r == "compound":
			if namedActor(s, c) {
				return c
			}
			if r == "compound" {
				for _, a := range s.children(c) {
					if a < c && s.rel[a] == "amod" && namedActor(s, a) {
						return a
					}
				}
			}
		}
	}
	return -1
}

// namedActor reports whether token i is in the name of a country, group, organisation or capital.
func namedActor(s *sentence, i int) bool {
	m := s.inActor[i]
	if m < 0 {
		return false
	}
	k := s.actorAt[m].actor.Kind
	return k == "country" || k == "group" || k == "igo" || k == "capital"
}

// agentiveVerbs take an event noun as the thing their subject does ("launched an attack", "ordered the
// arrest"); a verb of reaction ("condemned the attack") does not make its subject the attacker.
var agentiveVerbs = keySet("launch", "carry", "conduct", "stage", "mount", "order", "begin", "start", "continue",
	"step", "intensify", "escalate", "resume", "announce", "make", "hold", "pay", "give", "issue", "impose",
	"extend", "offer", "send", "deliver", "provide", "sign", "seal", "strike", "reach", "unleash", "undertake",
	"perform", "commit", "wage", "lead", "organize", "organise", "initiate", "plan", "threaten", "vow", "pledge")

// conjuncts returns h and the nominal conjuncts coordinated with it ("Brazil and Argentina"); for a noun
// whose country adjectives are coordinated ("Ukrainian and Russian negotiators") it returns the adjectives.
func conjuncts(s *sentence, h int, out []int) []int {
	// from a later conjunct back to the first ("Myanmar's army and ethnic rebels", with the verb hung on
	// "rebels")
	for d := 0; s.rel[h] == "conj" && s.head[h] >= 0 && s.isNominal(s.head[h]) && d < 8; d++ {
		h = s.head[h]
	}
	out = append(out[:0], h)
	for _, c := range s.children(h) {
		if s.rel[c] == "conj" && s.isNominal(c) {
			out = append(out, c)
		}
	}
	if len(out) > 1 || s.inActor[h] >= 0 && (s.actorAt[s.inActor[h]].actor.Kind == "country" || s.actorAt[s.inActor[h]].actor.Kind == "igo") {
		// "Saudi Arabia, Egypt, the United Arab Emirates and Bahrain": a list item the parse took for an
		// apposition still acts (a country in apposition to a country is a list, also when the parse made
		// every item an apposition)
		for _, c := range s.children(h) {
			if s.rel[c] == "appos" && s.inActor[c] >= 0 && s.actorAt[s.inActor[c]].actor.Kind == "country" {
				out = append(out, c)
				for _, cc := range s.children(c) {
					if s.rel[cc] == "conj" && s.isNominal(cc) {
						out = append(out, cc)
					}
				}
			}
		}
		return out
	}
	if s.inActor[h] < 0 {
		// "more than 20 countries, including the United States and Germany": the named members act
		for _, c := range s.children(h) {
			if cs := s.child(c, "case"); s.rel[c] == "nmod" && cs >= 0 && (s.lkey[cs] == kInclude || s.key[cs] == kIncluding) && s.inActor[c] >= 0 {
				out = append(out[:0], c)
				for _, cc := range s.children(c) {
					if s.rel[cc] == "conj" && s.isNominal(cc) {
						out = append(out, cc)
					}
				}
				return out
			}
		}
		// "the presidents of Uganda and Tanzania": a role noun over coordinated actors
		for _, c := range s.children(h) {
			if cs := s.child(c, "case"); s.rel[c] == "nmod" && cs >= 0 && s.lkey[cs] == kOf && s.child(c, "conj") >= 0 {
				out = append(out[:0], c)
				for _, cc := range s.children(c) {
					if s.rel[cc] == "conj" && s.isNominal(cc) {
						out = append(out, cc)
					}
				}
				return out
			}
		}
	}
	// "French and Italian interior ministers": two country adjectives on one noun
	var adj []int
	for _, c := range s.children(h) {
		if (s.rel[c] == "amod" || s.rel[c] == "compound") && c < h && s.inActor[c] == c && s.actorAt[c].actor.Kind == "country" {
			adj = append(adj, c)
		}
	}
	if len(adj) > 1 && (s.child(h, "cc") >= 0 || s.child(adj[len(adj)-1], "cc") >= 0) {
		// "Saudi and Emirati warplanes": the conjunction may hang on the last adjective
		return append(out[:0], adj...)
	}
	for _, c := range s.children(h) {
		if (s.rel[c] == "amod" || s.rel[c] == "compound") && s.inActor[c] >= 0 {
			n := len(out)
			for _, cc := range s.children(c) {
				if s.rel[cc] == "conj" && s.inActor[cc] >= 0 {
					out = append(out, cc)
				}
			}
			if len(out) > n {
				out[0] = c
				return out
			}
		}
	}
	return out
}

var (
	kItself     = lexicon.KeyOf("itself")
	kThemselves = lexicon.KeyOf("themselves")
	kEach       = lexicon.KeyOf("each")
	kOne        = lexicon.KeyOf("one")
	kOther      = lexicon.KeyOf("other")
	kAnother    = lexicon.KeyOf("another")
)

// mutualVerbs are done between their coordinated subjects ("traded accusations", "exchanged insults").
var mutualVerbs = keySet("trade", "exchange", "swap")

// mutual reports whether predicate p is done by its coordinated subjects to each other: a verb of exchange,
// or an object or oblique "each other" / "one another".
func mutual(s *sentence, p int) bool {
	if mutualVerbs[s.lkey[p]] {
		return true
	}
	for _, c := range s.children(p) {
		// the parse hangs "each other" on either word
		k := s.lkey[c]
		if (k == kOther || k == kAnother) && c > 0 && (s.lkey[c-1] == kEach || s.lkey[c-1] == kOne) {
			return true
		}
		if (k == kEach || k == kOne) && c+1 < len(s.words) && (s.lkey[c+1] == kOther || s.lkey[c+1] == kAnother) {
			return true
		}
		if k == kOther || k == kAnother || k == kEach {
			// "with each other": the pronoun sits under a preposition
			for _, d := range s.children(c) {
				if kd := s.lkey[d]; kd == kEach || kd == kOne || kd == kOther {
					return true
				}
			}
		}
	}
	return false
}

// pairNouns name the two parties of a story as a pair ("the two leaders", "both sides").
var pairNouns = keySet("leader", "side", "government", "country", "nation", "minister", "president",
	"delegation", "state", "neighbour", "neighbor", "rival", "foe", "capital", "army", "premier")

var (
	kTwo  = lexicon.KeyOf("two")
	kBoth = lexicon.KeyOf("both")
)

// pairOf resolves "the two leaders", "both governments" to the last two countries met in the document,
// newest last; ok is false for any other phrase or when two countries have not been met.
func (w *worker) pairOf(s *sentence, h int) (pair [2]actorRef, ok bool) {
	if !pairNouns[s.lkey[h]] || s.inActor[h] >= 0 {
		return pair, false
	}
	counted := false
	for _, c := range s.children(h) {
		if k := s.lkey[c]; (s.rel[c] == "nummod" && k == kTwo) || (s.rel[c] == "det" && k == kBoth) {
			counted = true
		}
	}
	if !counted {
		return pair, false
	}
	n := 0
	for i := len(w.mem.recent) - 1; i >= 0 && n < 2; i-- {
		r := w.mem.recent[i].actorRef
		c := countryOf(r.code)
		if c == "" || n == 1 && countryOf(pair[1].code) == c {
			continue
		}
		r.head, r.via = h, "coref"
		pair[1-n] = r
		n++
	}
	return pair, n == 2
}

// namedParties reports whether coordinated phrases hs name at least two different actors of their own, not
// through the sentence's context: "Turkish tanks and warplanes" are one side, not two that fight each other.
func (w *worker) namedParties(s *sentence, hs []int, on time.Time) bool {
	if len(hs) < 2 {
		return true // a single subject: reciprocity is not in question
	}
	var first actorRef
	for _, h := range hs {
		r := w.resolveNoMem(s, h, on)
		switch {
		case !r.ok():
		case !first.ok():
			first = r
		case r.code != first.code && !((r.via == "context" || first.via == "context") && agentPart(r.code) == agentPart(first.code)):
			// a bare "warplanes" given the sentence's country is the same side as the "Turkish tanks"
			// before it; "the government and the opposition" are two
			return true
		}
	}
	return false
}

// agentPart is what follows an actor code's three-letter country or group ("MIL" in "TURMIL").
func agentPart(code string) string {
	if len(code) <= 3 {
		return ""
	}
	return code[3:]
}

// reciprocalRoots are the kinds of event that coordinated actors do with each other ("Egypt and Israel
// signed a deal": each signs with the other).
var reciprocalRoots = map[string]bool{"03": true, "04": true, "05": true, "06": true, "08": true, "19": true}

// modal is what the grammar around a predicate says about its event.
type modal struct {
	mod    string // asserted, reported, hypothetical, intended, planned
	neg    bool   // "did not attack"
	drop   bool   // a condition, a question or an open "whether": nothing is claimed to happen
	intent bool   // promised, offered, vowed or announced ("said it would send"): CAMEO codes the intent
	offer  bool   // the intent is a promise or an offer ("pledged to send police"), not a vow or a threat
}

// offerVerbs promise or offer an act to its beneficiary: troops sent under such a promise are help, not a threat
var offerVerbs = keySet("pledge", "promise", "offer", "agree", "commit", "undertake", "volunteer", "consent", "willing", "ready", "prepared")

var (
	kShould  = lexicon.KeyOf("should")
	kHad     = lexicon.KeyOf("had")
	kWere    = lexicon.KeyOf("were")
	kWould   = lexicon.KeyOf("would")
	kWhether = lexicon.KeyOf("whether")
	kQMark   = lexicon.KeyOf("?")
)

// modality reads the auxiliaries, markers and governing verbs of predicate p.
func (w *worker) modality(s *sentence, p int) modal {
	m := modal{mod: "asserted"}
	would := false
	for _, c := range s.children(p) {
		k := s.lkey[c]
		switch s.rel[c] {
		case "advmod":
			if k == kNot || k == kNt || k == kNever || s.key[c] == kNt {
				m.neg = true
			}
		case "aux":
			switch {
			case k == kNot || s.key[c] == kNt:
				m.neg = true
			case s.key[c] == kWould:
				would = true
			case modalAux[k]:
				m.mod = "hypothetical"
			case (k == kWill || k == kShall) && m.mod == "asserted":
				m.mod = "planned"
			}
		case "mark":
			if k == kIf || k == kUnless || k == kWhether {
				m.drop = true
			}
		}
	}
	if would || m.mod == "planned" || m.mod == "hypothetical" {
		// "Washington would only lift sanctions if …", "Israel will strike if Iran enriches": the consequent
		// of a condition is not coded (a threat is, on its own verb: "threatened to strike if …")
		for _, c := range s.children(p) {
			if s.rel[c] != "advcl" {
				continue
			}
			if mk := s.child(c, "mark"); mk >= 0 && (s.lkey[mk] == kIf || s.lkey[mk] == kUnless) {
				m.drop = true
			}
		}
	}
	// an inverted condition: "Should Israel strike Iran, …", "Had the army fired, …"
	if aux := s.child(p, "aux"); aux >= 0 && aux < p {
		if sub := s.child(p, "nsubj"); sub > aux && (s.lkey[aux] == kShould || s.key[aux] == kHad || s.key[aux] == kWere) {
			m.drop = true
		}
	}
	reported := false
	start := p
	if h := s.head[p]; h >= 0 && !s.isVerb(p) && s.rel[p] == "obj" && s.isVerb(h) && (s.rel[h] == "xcomp" || s.rel[h] == "ccomp" || s.rel[h] == "advcl" && toInfinitive(s, h)) {
		// "called on supporters to keep up their protests": a nominal act is the object of a complement verb,
		// which carries the asking, promising or reporting above it
		start = h
	}
	// climb: the clause's own marking wins; then control verbs and reporting verbs above it
	for q, depth := start, 0; s.head[q] >= 0 && depth < 6; depth++ {
		h := s.head[q]
		if toInfinitive(s, q) && (s.rel[q] == "advcl" && ultimatum(s, h) || s.rel[q] == "acl" && timeNouns[s.lkey[h]] && s.head[h] >= 0 && ultimatum(s, s.head[h])) {
			// "gave the rebels a day to surrender", "gave forces until March to pull back": a deadline set,
			// the act not yet done
			m.drop = true
			break
		}
		if r := s.rel[q]; (r == "acl" || r == "acl:relcl") && timeNouns[s.lkey[h]] {
			break // "a day after Russia seized …": a dated event of its own, whatever the clause around it
		}
		if r := s.rel[q]; r == "acl" && s.words[q].XPOS == "VBG" && reasonMark(s, q) && s.rel[h] == "obj" {
			// "accused Russian forces of firing", with the reason hung on the object: the charge is the event
			m.drop = true
		}
		if r := s.rel[q]; r == "acl" && agreementNouns[s.lkey[h]] && toInfinitive(s, q) {
			// "signed deals to reopen the ports", "reached a deal to resume talks": what a deal provides
			// for is its content, not yet an act
			m.drop = true
		}
		if r := s.rel[q]; r == "advcl" && toInfinitive(s, q) {
			// the same with the infinitive hung on the verb: "signed a deal on Monday to reopen the border"
			if o := s.child(h, "obj"); o >= 0 && agreementNouns[s.lkey[o]] {
				m.drop = true
			}
		}
		if r := s.rel[q]; (r == "acl" || r == "acl:relcl") && s.head[h] >= 0 {
			if v := s.head[h]; thatMark(s, q) && s.isVerb(v) {
				// "demanded on Friday that Denmark withdraw", the complement hung on a noun of the verb's clause
				switch {
				case requestVerbs[s.lkey[v]], denyVerbs[s.lkey[v]]:
					m.drop = true
				case sayVerbs[s.lkey[v]]:
					reported = true
				}
			}
			if v := s.head[h]; s.rel[q] == "acl" && s.rel[h] == "obj" && s.isVerb(v) && (requestVerbs[s.lkey[v]] || s.lkey[v] == kSeek) {
				if mk := s.child(q, "mark"); mk >= 0 && s.words[mk].XPOS == "TO" {
					// "urged the rival factions to sign it", "sought India's help to reopen a route", the infinitive
					// hung on the object: asked for, not done
					m.drop = true
				}
			}
			// "if the troops redeployed to Afghanistan stayed": a participle inside a condition's subject
			// shares the condition: go on from the verb the noun depends on
			q = s.head[h]
			continue
		}
		if r := s.rel[q]; (r == "xcomp" || r == "advcl") && negatedVerb(s, h) {
			// "has not sent warships to escort ships": the escort is not done either
			m.neg = true
		}
		switch r := s.rel[q]; {
		case r == "advcl" && s.words[q].XPOS == "VBG" && reasonMark(s, q):
			// "thanked Poland for taking in refugees", "accused Russia of firing": the act is the reason
			// given for the thanks or the charge, not a report of its own
			m.drop = true
		case (r == "xcomp" || r == "advcl") && negativeVerbs[s.lkey[h]]:
			// "declined to comment", "refused to meet": the act does not happen; the refusal is the event
			m.drop = true
		case (r == "xcomp" || r == "ccomp" || r == "advcl") && requestVerbs[s.lkey[h]]:
			// "called on Germany to stop sending tanks": the act is asked for, not done; the request is the event
			m.drop = true
		case r == "ccomp" && denyVerbs[s.lkey[h]]:
			// "denied that its soldiers had crossed": a denial asserts the opposite
			m.drop = true
		}
		switch s.rel[q] {
		case "xcomp":
			if intendVerbs[s.lkey[h]] && (m.mod == "asserted" || m.mod == "planned") {
				m.mod, m.intent, m.offer = "intended", true, offerVerbs[s.lkey[h]]
			}
		case "advcl", "ccomp":
			// "offered to send", parsed as a purpose clause: an infinitive under a verb of intent
			if s.rel[q] == "advcl" && intendVerbs[s.lkey[h]] && (m.mod == "asserted" || m.mod == "planned") {
				if mk := s.child(q, "mark"); mk >= 0 && s.words[mk].XPOS == "TO" {
					m.mod, m.intent, m.offer = "intended", true, offerVerbs[s.lkey[h]]
				}
			}
			if mk := s.child(q, "mark"); mk >= 0 && (s.lkey[mk] == kIf || s.lkey[mk] == kUnless || s.lkey[mk] == kWhether) {
				m.drop = true
			}
			if s.rel[q] == "ccomp" && sayVerbs[s.lkey[h]] {
				reported = true
			}
		}
		if s.rel[q] != "xcomp" && s.rel[q] != "conj" && s.rel[q] != "ccomp" && s.rel[q] != "advcl" {
			break
		}
		q = h
	}
	switch {
	case would && reported:
		// "said it would send": a future announced, which CAMEO codes as the intent
		if m.mod == "asserted" {
			m.mod, m.intent = "planned", true
		}
	case would && m.mod == "asserted":
		m.mod = "hypothetical"
	case reported && m.mod == "asserted":
		m.mod = "reported"
	}
	if n := len(s.words); n > 0 && s.key[n-1] == kQMark {
		m.drop = true
	}
	return m
}

var kGive, kUntil = lexicon.KeyOf("give"), lexicon.KeyOf("until")

// ultimatum reports "give" with a span of time or an "until" phrase and an infinitive of what is to be done
// by then: a deadline given to someone ("gave them a day to leave", "gave them until May to pull back"), not
// "give Ukraine aid next year".
func ultimatum(s *sentence, v int) bool {
	if v < 0 || s.lkey[v] != kGive {
		return false
	}
	span, inf := false, false
	for _, c := range s.children(v) {
		switch s.rel[c] {
		case "obl", "obl:unmarked", "obl:tmod", "obj":
			if a := s.child(c, "acl"); a >= 0 && timeNouns[s.lkey[c]] && toInfinitive(s, a) {
				return true
			}
			if cs := s.child(c, "case"); timeNouns[s.lkey[c]] || cs >= 0 && s.lkey[cs] == kUntil {
				span = true
			}
			// "gave the miners a day", the span misparsed as a modifier of the recipient
			if n := s.child(c, "nmod:unmarked", "nmod:tmod"); n >= 0 && timeNouns[s.lkey[n]] {
				span = true
			}
		case "advcl", "xcomp":
			inf = inf || toInfinitive(s, c)
		}
	}
	return span && inf
}

func isWeekday(t string) bool {
	t = strings.ToLower(t)
	for _, d := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		if strings.Contains(t, d) {
			return true
		}
	}
	return false
}

// claimVerbs take "responsibility" or "credit" for an act: "claimed responsibility for the attack"
var (
	claimVerbs = keySet("claim", "take", "accept", "admit", "assume")
	claimNouns = keySet("responsibility", "credit")
	kForClaim  = lexicon.KeyOf("for")
)

// claimant finds who claimed responsibility for the event at p, through the "for" phrase and the relative
// clauses and modifiers that lead to it; -1 if no one did.
func (w *worker) claimant(s *sentence, p int) int {
	viaFor := false
	for j, d := p, 0; s.head[j] >= 0 && d < 6; j, d = s.head[j], d+1 {
		switch s.rel[j] {
		case "acl", "acl:relcl", "nmod", "obl", "compound", "conj":
		case "obj":
			if !claimNouns[s.lkey[j]] {
				return -1
			}
		default:
			return -1
		}
		if cs := s.child(j, "case"); cs >= 0 && s.lkey[cs] == kForClaim {
			viaFor = true
		}
		h := s.head[j]
		if !s.isVerb(h) {
			continue
		}
		if !viaFor || !claimVerbs[s.lkey[h]] {
			return -1
		}
		if o := s.child(h, "obj"); o < 0 || !claimNouns[s.lkey[o]] {
			return -1
		}
		if sub, pass := w.subject(s, h); sub >= 0 && !pass {
			return sub
		}
		return -1
	}
	return -1
}

// thatMark reports whether clause q is introduced by the conjunction "that".
func thatMark(s *sentence, q int) bool {
	mk := s.child(q, "mark")
	return mk >= 0 && s.lkey[mk] == kThat
}

// reasonMark reports whether a clause is introduced by "for" or "of".
func reasonMark(s *sentence, q int) bool {
	for _, c := range s.children(q) {
		if r := s.rel[c]; (r == "mark" || r == "case") && (s.lkey[c] == kFor || s.lkey[c] == kOf) {
			return true
		}
	}
	return false
}

// negatedVerb reports whether a verb carries "not", "n't" or "never".
func negatedVerb(s *sentence, v int) bool {
	for _, c := range s.children(v) {
		if r := s.rel[c]; r == "advmod" || r == "aux" {
			if k := s.lkey[c]; k == kNot || k == kNt || k == kNever || s.key[c] == kNt {
				return true
			}
		}
	}
	return false
}

// intentCode turns an intended or announced act into CAMEO's code for the intent (03: promises and offers)
// or the threat (13: threatened coercion and force); acts of the verbal roots keep their code.
func intentCode(code string) string {
	if len(code) < 2 {
		return code
	}
	switch code[:2] {
	case "04":
		return "036"
	case "05":
		return "032"
	case "06":
		return "031"
	case "07":
		switch code {
		case "071", "072", "073", "074":
			return "033" + code[2:] // economic, military, humanitarian aid, protection
		}
		return "033"
	case "08":
		return "035"
	case "09":
		return "030"
	case "14":
		return "133" // "vowed to take to the streets", "threatened to boycott parliament": a threat of dissent
	case "15":
		return "138" // "threatened to deploy troops": a threat of force
	case "16":
		return "132"
	case "17":
		return "137"
	case "18", "19", "20":
		return "138"
	}
	return code
}

// attribution finds who reports the claim of predicate p: "according to X", "as X reports", "X said (that) …".
func (w *worker) attribution(s *sentence, p int) (lo, hi int, nameLo, nameHi int, ok bool) {
	for q, depth := p, 0; q >= 0 && depth < 8; depth++ {
		for _, c := range s.children(q) {
			switch s.rel[c] {
			case "obl", "advcl", "parataxis", "nmod":
			default:
				continue
			}
			// according to X
			if s.rel[c] == "obl" || s.rel[c] == "nmod" {
				if cs := s.child(c, "case"); cs >= 0 && (s.lkey[cs] == kAccording || s.key[cs] == kAccording) {
					l, h := w.npSpan(s, c)
					return cs, h, l, h, true
				}
				continue
			}
			// as X reports / X said (parataxis: "…, officials said")
			if sayVerbs[s.lkey[c]] && c != p {
				if sub := s.child(c, "nsubj"); sub >= 0 {
					if s.rel[c] == "advcl" {
						if m := s.child(c, "mark"); m < 0 || s.lkey[m] != kAs {
							continue
						}
					}
					l, h := w.npSpan(s, sub)
					lo, hi := s.subtreeSpan(c)
					return lo, hi, l, h, true
				}
			}
		}
		h := s.head[q]
		if h < 0 {
			// "…, killing two officers, according to a police spokesman": an "according to" anywhere in the
			// sentence covers what it reports
			for c := range s.words {
				if r := s.rel[c]; r == "obl" || r == "nmod" {
					if cs := s.child(c, "case"); cs >= 0 && (s.lkey[cs] == kAccording || s.key[cs] == kAccording) {
						l, hh := w.npSpan(s, c)
						return cs, hh, l, hh, true
					}
				}
			}
			break
		}
		if s.rel[q] == "ccomp" && sayVerbs[s.lkey[h]] {
			if sub := s.child(h, "nsubj"); sub >= 0 {
				l, hh := w.npSpan(s, sub)
				return l, h, l, hh, true
			}
		}
		q = h
	}
	return 0, 0, 0, 0, false
}

// emit codes one matched predicate into events: one for each source × target when phrases are coordinated.
func (w *worker) emit(doc *source.Document, s *sentence, p int, m *match, noun bool, events []event.Event) []event.Event {
	if x := s.words[p].XPOS; !noun && s.rel[p] == "amod" && (x == "VBN" || x == "VBG") && (p == 0 || !subjectLike(s.words[p-1].UPOS) && s.inActor[p-1] < 0) {
		// a participle used as an adjective ("in disputed waters", "striking workers") describes, it reports
		// nothing; after a noun it is rather a misparsed main verb ("Ukraine demanded compensation")
		return events
	}
	if !noun && s.rel[p] == "advcl" && s.words[p].XPOS == "VBG" && consequenceVerbs[s.lkey[p]] && s.isVerb(s.head[p]) {
		// "stormed the legislature, forcing lawmakers to suspend a session": the participle tells what the
		// main act brought about, and "…, telling a party congress that …" who heard it; neither is an act
		return events
	}
	if !noun && s.rel[p] == "acl:relcl" && s.head[p] >= 0 {
		if d := s.child(s.head[p], "det"); d >= 0 && s.lkey[d] == kAny {
			// "would shoot down any plane that entered its airspace": a relative clause on "any" describes a
			// case that may come, not an act that happened
			return events
		}
	}
	if !noun && s.rel[p] == "acl" && toInfinitive(s, p) && s.head[p] >= 0 && askedNouns[s.lkey[s.head[p]]] {
		// "rejected a U.S. request to interrogate detainees": an act asked for or proposed has not happened
		return events
	}
	if !noun && (s.rel[p] == "advcl" || s.rel[p] == "conj") && s.words[p].XPOS == "VBG" && afterAccident(s, p) {
		// "a bus overturned on a mountain road, killing 24 people": the deaths are the accident's, nobody's act
		return events
	}
	// actors are resolved on the event's own date: a leader's role in 2010 is not his role today
	when, rank := w.eventTime(s, p, doc.Published)
	hasWhen := rank > 0
	// only a time attached to the act itself says when a promised or planned act is to happen ("offered on
	// Tuesday to send" dates the offer)
	ownTime := rank >= 4
	on := doc.Published
	if hasWhen && !when.Begin.IsZero() {
		on = when.Begin
	}
	win := w.win
	var srcHead, tgtHead int = -1, -1
	passive := false
	if noun {
		srcHead, tgtHead = w.nominalArgs(s, p)
	} else {
		sub, pass := w.subject(s, p)
		passive = pass || isPassive(s, p)
		if passive {
			tgtHead = sub
			srcHead = agentOf(s, p)
		} else {
			srcHead = sub
			tgtHead = s.child(p, "obj")
			if tgtHead < 0 {
				tgtHead = s.child(p, "iobj")
			}
			if tgtHead < 0 {
				tgtHead = w.nextActor(s, p, srcHead)
			}
		}
	}
	if tgtHead >= 0 && s.lkey[tgtHead] == kWhat {
		// "bombed what New Delhi described as a training camp near Balakot": the thing hit is the one named
		// inside the label
		tgtHead = labelled(s, tgtHead, tgtHead)
	}
	subjTarget := -1
	if m.source >= 0 {
		if h := w.phraseAt(s, m.source, win); h >= 0 {
			if passive && !noun && srcHead >= 0 && tgtHead < 0 {
				tgtHead = srcHead
			}
			if !passive && !noun && targetFirst(m.pat) && s.child(p, "nsubj") < 0 {
				// "…, drawing criticism from Phnom Penh": a participle has no subject in its own clause, so the
				// one it inherits fills the target slot before the head
				subjTarget = srcHead
			}
			srcHead = h
		}
	}
	if m.pat.HasTarget() {
		t := w.phraseAt(s, m.target, win)
		if subjTarget >= 0 && subjTarget != srcHead {
			t = subjTarget
		}
		objectSlot := len(m.pat.After) > 0 && m.pat.After[0].Kind == lexicon.Target
		switch {
		case passive && !noun && (t < 0 || t == srcHead || objectSlot):
			// "he was freed from a hospital": a passive verb's object slot is its subject
			// "Baradar was arrested by the C.I.A.": the passive subject fills the "arrest +" slot, not the agent
		default:
			tgtHead = t
		}
	}
	if !noun && gappedRelative(s, p) && (tgtHead < 0 || s.rel[tgtHead] == "obl:unmarked" && !w.resolveNoMem(s, tgtHead, on).ok()) {
		// "freed fishermen it had detained (last month)": the relative clause acted on the noun it modifies;
		// a bare time phrase after the verb is no object
		tgtHead = s.head[p]
	}
	if srcHead < 0 && passive && !noun && removalVerbs[s.lkey[p]] {
		// "120 Haitian migrants were deported from the Dominican Republic": with no "by" agent, the country
		// they were sent away from did it
		for _, c := range s.children(p) {
			if cs := s.child(c, "case"); s.rel[c] == "obl" && cs >= 0 && s.lkey[cs] == kFromWord && w.resolveNoMem(s, c, on).ok() {
				srcHead = c
				break
			}
		}
	}
	if srcHead < 0 && !noun && !(passive && s.rel[p] == "acl") {
		// the parse found no subject (a misparse of a plain clause): take the nearest actor before the verb,
		// as a surface coder would
		srcHead = w.actorBefore(s, p)
	}
	if noun && srcHead < 0 && strings.HasPrefix(m.pat.Code, "14") {
		// "farmers drove tractors into Paris in a protest over food imports": the protest is the acting
		// subject's
		if h := s.head[p]; h >= 0 && (s.rel[p] == "obl" || s.rel[p] == "nmod") && s.isVerb(h) && !isPassive(s, h) {
			// ("in protest at a ruling" is a manner of recalling an ambassador, and "in March" a month)
			if cs := s.child(p, "case"); cs >= 0 && s.lkey[cs] == kIn && s.child(p, "det") >= 0 && !upperFirst(s.words[p].Form) {
				if sub, pass := w.subject(s, h); sub >= 0 && !pass {
					srcHead = sub
				}
			}
		}
	}
	if c := w.claimant(s, p); c >= 0 && !(passive && srcHead >= 0) {
		// "Al-Shabaab claimed responsibility for a car bomb that killed five soldiers": the bomb's killing is
		// the claimant's
		srcHead = c
	}
	if srcHead < 0 {
		return events
	}
	root := m.pat.Code[:min(2, len(m.pat.Code))]
	if m.pat.Code == "010" && !noun && s.index > 0 && sayVerbs[s.lkey[p]] && len(m.pat.After) == 0 && s.child(p, "ccomp") >= 0 &&
		srcHead >= 0 && !w.namedIn(s, srcHead) {
		// "… It said 12 soldiers had been killed", "Officials said the fighters had fled": a later sentence's
		// bare saying by someone already met only sources the story's details
		return events
	}
	if root == "01" && !noun && srcHead >= 0 {
		if lo, _ := w.npSpan(s, srcHead); lo > 0 && s.lkey[lo-1] == kWhat {
			// "struck what Caracas said was a guerrilla camp": a label inside the story, attribution only
			return events
		}
	}
	// the act's own root decides where its target may be, also when a promise or threat of it is coded:
	// "said it would strike cities in Israel" threatens Israel
	actRoot := root
	if tgtHead < 0 && !noun && reportRoots[root] {
		// "warned that the U.S. would pay": a warning, demand or appeal is addressed to its complement's subject
		if cc := s.child(p, "ccomp"); cc >= 0 {
			if sub, _ := w.subject(s, cc); sub >= 0 {
				tgtHead = sub
			}
		}
	}
	// an event needs a target unless its kind stands alone (declining comment, denials, protests, force
	// posture): "X said …" with nobody addressed is attribution, not an event
	needTarget := !targetlessRoots[root] && !targetlessCodes[m.pat.Code] && m.pat.Code != "1723" && m.pat.Code != "1724"
	md := w.modality(s, p)
	if md.neg && w.refusal {
		// "would not accept": the refusal is asserted
		md.neg = false
	}
	if md.neg && m.pat.Negative() {
		// "would not comment" is the pattern's own negation: the refusal to comment is the event
		md.neg = false
	}
	mod, neg := md.mod, md.neg
	if md.drop || neg && !w.c.opt.IncludeNegated {
		return events
	}
	if hasWhen && when.Kind == timex.KindDeadline && (md.intent || mod == "planned") {
		// "would resettle refugees by the end of February": a deadline of a promise, not the promise's date
		hasWhen = false
	}
	if ownTime && !when.Future && when.Relative && when.Precision == timex.Day && (mod == "planned" || md.intent) && isWeekday(when.Text) {
		// "is due to meet … on Friday": a planned event's weekday is the coming one
		when.Begin = when.Begin.AddDate(0, 0, 7)
		when.EndDate = when.Begin
		when.Value = when.Begin.Format("2006-01-02")
		when.Future = true
	}
	code := m.pat.Code
	if mod == "planned" && !(ownTime && when.Future) {
		// "Portugal will support Turkey's bid": a future without a date is a statement of intent
		md.intent = true
	}
	if md.intent && !(ownTime && when.Future) {
		// "pledged to rebuild", "said it would send troops": the promise is the event; a dated plan keeps its act
		if md.offer && root == "15" {
			code = "0312" // "pledged to send police officers to Haiti": an offer of security cooperation
		} else {
			code = intentCode(code)
		}
		root = code[:2]
	}
	srcs := conjuncts(s, srcHead, nil)
	// "the meeting between …" after the meeting was told: a mention, not a second event
	between := false
	if noun && srcHead >= 0 {
		if cs := s.child(srcHead, "case"); cs >= 0 && s.lkey[cs] == kBetween {
			between = true
		}
	}
	// "the two leaders agreed": the last two countries met stand for the phrase
	pair, pairOK := [2]actorRef{}, false
	if len(srcs) == 1 {
		if pair, pairOK = w.pairOf(s, srcs[0]); pairOK {
			srcs = append(srcs, srcs[0])
		}
	}
	// "traded accusations", "accused each other": coordinated actors who act on one another, whatever the root
	recip := (reciprocalRoots[root] || len(srcs) > 1 && mutual(s, p)) && (pairOK || w.namedParties(s, srcs, on))
	// a retreat is from a place, as an attack is on one: "withdrew from the Kalbajar district" yields to the
	// country the district is in
	force := forceRoots[actRoot] || strings.HasPrefix(m.pat.Code, "087")
	tgtPlace := false // the target is the country of a place named in a thing's phrase
	thing := tgtHead  // the object as parsed, before it gives way to its owner or the nearest actor
	if needTarget && tgtHead >= 0 && tgtHead != srcHead && s.child(tgtHead, "conj") < 0 && !(len(srcs) > 1 && recip) && !w.resolveNoMem(s, tgtHead, on).ok() {
		// a thing was hit, seized or condemned: its owner is the target ("struck facilities used by Iraqi
		// militias", "condemned remarks attributed to the U.S. president"), and for force, the country where
		// it is ("hideouts in Afghanistan's Khost province"); else the parse hung the actor elsewhere
		if t, loc := w.ownerIn(s, tgtHead, srcHead, on, force); t >= 0 {
			tgtHead, tgtPlace = t, loc
		} else if !noun {
			tgtHead = -1
		}
	}
	if needTarget && !noun && tgtHead < 0 && !(len(srcs) > 1 && recip) {
		// the parse lost the object or hung it elsewhere: the nearest actor after the verb in its clause
		if t := w.actorAfter(s, p, srcHead, force); t >= 0 {
			tgtHead = t
		}
	}
	if needTarget && !noun && tgtHead < 0 && actRoot == "07" && !(len(srcs) > 1 && recip) {
		// "sent engineers to help Bolivia rebuild": aid is for the one its purpose clause helps
		tgtHead = w.helpedActor(s, p, srcHead, on)
	}
	if needTarget && !noun && tgtHead < 0 && !(len(srcs) > 1 && recip) && (intendVerbs[s.lkey[p]] || s.lkey[p] == kRefuse || s.lkey[p] == kDecline) {
		// "pledged to keep supplying coal to the Philippines", "promised that the bloc would buy American
		// soybeans": a promise (or a refusal) is made to the one its act is for
		x := s.child(p, "xcomp")
		if x < 0 {
			x = s.child(p, "ccomp")
		}
		if x >= 0 {
			tgtHead = w.intentTarget(s, x, srcHead, on)
		} else if a := s.child(p, "advcl"); a >= 0 && toInfinitive(s, a) {
			// "offered on Tuesday to help Bolivia": a time phrase before the infinitive makes the parse read it
			// as a purpose clause, but it is still the promised act; only another country is taken from it,
			// since the parse's purpose clauses also hold the promiser's own words ("take firm countermeasures")
			if t := w.intentTarget(s, a, srcHead, on); t >= 0 && srcHead >= 0 &&
				countryOf(w.resolveNoMem(s, t, on).code) != countryOf(w.resolveNoMem(s, srcHead, on).code) {
				tgtHead = t
			}
		}
	}
	if needTarget && !noun && tgtHead < 0 && root == "13" && !(len(srcs) > 1 && recip) {
		// "vowed to take countermeasures if Washington went ahead with the sale": a conditional threat is
		// aimed at the one whose act would set it off
		tgtHead = w.conditionSubject(s, p, srcHead, on)
	}
	if root == "13" && !noun && tgtHead >= 0 && srcHead >= 0 && s.rel[tgtHead] == "nsubj" {
		// "warned that Ankara would boycott American products": the threatener's own side in the complement
		// is who acts, the one it acts on is threatened
		if cc := s.head[tgtHead]; cc >= 0 && s.head[cc] == p && s.rel[cc] == "ccomp" {
			if a, b := w.resolveNoMem(s, tgtHead, on), w.resolveNoMem(s, srcHead, on); a.ok() && countryOf(a.code) == countryOf(b.code) {
				if t := w.intentTarget(s, cc, srcHead, on); t >= 0 {
					tgtHead = t
				}
			}
		}
	}
	// "captured the town of Saraqeb", "shelled the city of Kharkiv": a place taken or struck stands for the
	// country it is in
	var placeTgt actorRef
	if needTarget && !noun && tgtHead < 0 && thing >= 0 && force {
		placeTgt = w.placeTarget(s, thing, countryOf(w.resolveNoMem(s, srcHead, on).code))
	}
	// the sentence's own statement of a claim that is no event ("said that it would stay neutral") stands
	// without an addressee
	bare := needTarget && root == "01" && !noun && w.standaloneStatement(s, p)
	var tgts []int
	if tgtHead >= 0 {
		tgts = conjuncts(s, tgtHead, nil)
	} else {
		tgts = []int{-1}
	}
	// "Brazil and Argentina signed a trade agreement": the object is no actor, so each signs with the other
	// ("traded heavy artillery fire": a word of the pattern itself is no party, whatever its modifiers say)
	reciprocal := len(srcs) > 1 && recip && (tgtHead < 0 || slices.Contains(m.used, tgtHead) || !w.resolveNoMem(s, tgtHead, on).ok())
	if reciprocal {
		tgts = srcs
	}
	// "Yemen's rival factions reached a deal": the parties are one plural phrase, each side acting with
	// the other, both of one country
	rivals := needTarget && recip && len(srcs) == 1 && tgtHead < 0 && placeTgt.code == "" && rivalGroup(s, srcs[0])
	info := w.codebook(code)
	var attr *event.Attribution
	if lo, hi, nlo, nhi, ok := w.attribution(s, p); ok {
		attr = &event.Attribution{
			Name:  s.spanText(nlo, nhi),
			Text:  s.spanText(lo, hi),
			Start: s.char(s.words[lo].Start),
			End:   s.char(s.words[hi].End),
		}
		if mod == "asserted" {
			mod = "reported"
		}
	}
	var lead actorRef // the first coordinated source named in the sentence itself
	for si, sh := range srcs {
		var tlead actorRef // the same for coordinated targets
		w.mem.subject = true
		src := w.resolve(s, sh, on)
		w.mem.subject = false
		if pairOK {
			src = pair[si]
		}
		if !src.ok() {
			continue
		}
		switch {
		case src.via != "context" && !lead.ok():
			lead = src
		case src.via == "context" && lead.ok() && countryOf(lead.code) != "":
			// "Turkish tanks and warplanes": the bare conjunct shares the named one's country
			src.code = countryOf(lead.code) + agentPart(src.code)
		}
		for ti, th := range tgts {
			if reciprocal && ti == si {
				continue
			}
			tgt := placeTgt
			if reciprocal && pairOK {
				tgt = pair[ti]
			} else if th >= 0 {
				if isPronoun(s, th) && s.lkey[th] != kItself && s.lkey[th] != kThemselves {
					for _, o := range srcs {
						if r := w.resolveNoMem(s, o, on); r.ok() {
							w.notCode = append(w.notCode, r.code)
						}
					}
				}
				tgt = w.resolve(s, th, on)
				w.notCode = w.notCode[:0]
				switch {
				case !tgt.ok():
				case tgt.via != "context" && tgt.kind == "agent" && !tlead.ok():
					tlead = tgt
				case tgt.via == "context" && tlead.ok() && countryOf(tlead.code) != "" && len(tgts) > 1:
					// "five Russian banks and three businessmen": the bare conjunct shares the named one's
					// country, not the source's
					tgt.code = countryOf(tlead.code) + agentPart(tgt.code)
				}
			}
			if tgt.ok() && tgtPlace && countryOf(tgt.code) != "" {
				// "a hotel in Bamako": the country's people and property, not its government
				tgt.code = countryOf(tgt.code)
			}
			if tgt.ok() && root == "01" && hasAgent(tgt.code, "MED") {
				// "told reporters", "told state radio": the press carries a statement, it is not its target
				tgt = actorRef{}
			}
			if rivals {
				tgt = src
			}
			if tgt.ok() && sameActor(src, tgt) && !rivals {
				if needTarget {
					continue // an actor does not act on itself
				}
				tgt = actorRef{}
			}
			if root == "15" && !noun && countryOf(src.code) != "" && (!tgt.ok() || countryOf(tgt.code) == countryOf(src.code)) {
				// "put its forces on high alert after Turkish ships sailed into disputed waters": a show of force
				// is aimed at the rival the sentence names, not at the actor's own forces
				// (with no rival, "ordered soldiers onto the streets" stays aimed at the country's own people)
				if r := w.rival(s, src, on, -1); r.ok() {
					tgt = r
				}
			}
			if strings.HasPrefix(code, "087") && !noun && countryOf(src.code) != "" && (!tgt.ok() || countryOf(tgt.code) == countryOf(src.code)) {
				// "ordered its troops to retreat from the city of Kherson": the retreat yields the place it leaves
				if r := w.leftPlace(s, countryOf(src.code)); r.ok() {
					tgt = r
				}
			}
			if bare && countryOf(src.code) != "" && (!tgt.ok() || countryOf(tgt.code) == countryOf(src.code)) {
				// "said that relations with Washington were at their best", "said Belgrade regarded China as a
				// partner": a statement that is the news is about the other party it names
				if cc := s.child(p, "ccomp"); cc >= 0 {
					if r := w.rival(s, src, on, cc); r.ok() {
						tgt = r
					}
				}
			}
			if !tgt.ok() && (code == "1723" || code == "1724") && countryOf(src.code) != "" {
				// a curfew or state of emergency is imposed on the country's own people
				tgt = actorRef{code: countryOf(src.code) + "CVL", kind: "agent", via: "context", head: -1}
			}
			if !tgt.ok() && (strings.HasPrefix(code, "123") || code == "128") && countryOf(src.code) != "" && domesticRefusal(s, m) {
				// "refused to step down", "ruled out a new election": what is refused is owed at home
				tgt = actorRef{code: countryOf(src.code), kind: "country", via: "context", head: -1}
			}
			if strings.HasPrefix(code, "0841") && !noun && countryOf(src.code) != "" && (!tgt.ok() || countryOf(tgt.code) == countryOf(src.code)) {
				// "freed 14 prisoners, including a U.S. citizen": the foreigner named among the freed is the
				// one the release is made to
				if r := w.includedForeigner(s, p, countryOf(src.code), on); r.ok() {
					tgt = r
				}
			}
			if !tgt.ok() && strings.HasPrefix(code, "173") && !noun && arrestVerbs[s.lkey[p]] && countryOf(src.code) != "" && thing >= 0 && s.words[thing].UPOS == "NOUN" {
				// "Greek police detained the station master": someone held with no nationality named is one of
				// the country's own people
				tgt = actorRef{code: countryOf(src.code) + "CVL", kind: "agent", via: "context", head: -1}
			}
			if !tgt.ok() && ownPeopleCode(code) && countryOf(src.code) != "" {
				// "withdrew a law that would have taxed internet use", "lifted a ban on rallies": a concession
				// on policy or freedoms is made to the country's own people
				tgt = actorRef{code: countryOf(src.code) + "CVL", kind: "agent", via: "context", head: -1}
			}
			if (root == "14" || actRoot == "14") && !noun && countryOf(src.code) != "" && (!tgt.ok() || countryOf(tgt.code) == countryOf(src.code)) {
				// "protested outside the Croatian embassy in Belgrade": a protest at a foreign mission is
				// against that country
				if r := w.missionOf(s, countryOf(src.code), on); r.ok() {
					tgt = r
				} else if r := w.policyOwner(s, m, countryOf(src.code), on); r.ok() {
					tgt = r
				}
			}
			if !tgt.ok() && (root == "14" || actRoot == "14") && countryOf(src.code) != "" {
				// a protest with no named target is against the country's own authorities
				tgt = actorRef{code: countryOf(src.code) + "GOV", kind: "agent", via: "context", head: -1}
			}
			if !tgt.ok() && contextRoots[root] {
				// "The spokesman threatened unspecified consequences": the one the same source addressed just before
				tgt = w.lastTarget(src.code, s.index)
			}
			if !tgt.ok() && strings.HasPrefix(code, "1053") && !m.pat.HasTarget() && src.via != "context" && sh >= 0 && s.rel[sh] == "nsubj" {
				// "Iran seized a British-flagged tanker, and London demanded its release": a release is demanded
				// of whoever has just seized the demander's people or ships
				tgt = actedOn(events, src.code, s.index)
			}
			if !tgt.ok() && root == "13" && !m.pat.HasTarget() && src.via != "context" && sh >= 0 && s.rel[sh] == "nsubj" {
				// "Washington slapped tariffs on Chinese goods, and Beijing vowed to retaliate": a threat with no
				// one named answers the last act done to the threatener
				tgt = actedOn(events, src.code, s.index)
			}
			if needTarget && !tgt.ok() && !(w.c.opt.Targetless && inanimate(s, th)) && !(bare && spokesRole(s, src.lo, p)) {
				continue
			}
			if between && tgt.ok() && w.toldBefore(s.index, root, countryOf(src.code), countryOf(tgt.code)) {
				continue
			}
			if tolled(s, p, root, noun, events) && !w.namedVictims(s, p, countryOf(src.code)) {
				// "pounded Kherson, killing three civilians": the toll of an attack already coded, with no
				// victims of another nationality named, is no second event
				continue
			}
			info := info
			if !noun && info.Root != "13" && ultimatum(s, p) {
				// "gave the fighters a day to surrender their weapons": a deadline given is an ultimatum, not aid
				if e, ok := w.c.opt.Ontology.Event("139"); ok {
					info = e
				}
			}
			if (info.Root == "18" || info.Root == "19") && protesters(s, src) {
				// "protesters surrounded the legislature", "demonstrators clashed with police": violence by a
				// protest is CAMEO's violent protest, not an armed attack
				if e, ok := w.c.opt.Ontology.Event("145"); ok {
					info = e
				}
			}
			if info.Root == "19" && (civilian(tgt.code) || hasAgent(src.code, "CVL") || criminalOnUnarmed(src.code, tgt.code)) {
				// CAMEO's fighting is between armed forces; violence against civilians is assault
				info = w.civilianAssault(info, s.words[p].Lemma)
			}
			if info.Code == "1712" && hasAgent(src.code, "INSREBSEPCRMCVL") {
				// "separatists set fire to a school": property destroyed by armed groups or mobs is their violence,
				// while the state's demolitions stay coercion; protesters' arson is a violent protest
				if e, ok := w.c.opt.Ontology.Event("145"); ok && protesters(s, src) {
					info = e
				} else {
					info = w.civilianAssault(info, "")
				}
			}
			e := w.skeleton(doc, s, p, info)
			e.Modality, e.Negated, e.Attribution = mod, neg, attr
			if hasWhen {
				e.Date, e.DatePrecision, e.DateText = when.Value, string(when.Precision), when.Text
				if when.Future && (e.Modality == "asserted" || e.Modality == "reported") {
					e.Modality = "planned"
				}
			}
			e.Source = w.actor(s, src)
			switch {
			case tgt.via == "discourse":
				e.Target = w.contextActor(src.code)
			case tgt.ok() && tgt.head < 0:
				// inferred, not named: no span to cite
				e.Target = &event.Actor{Code: tgt.code, Country: countryOf(tgt.code), Agents: []string{tgt.code[3:]}, Via: tgt.via, Start: -1, End: -1}
			case tgt.ok():
				e.Target = w.actor(s, tgt)
			}
			if !hasWhen {
				// a later mention of an event already dated ("Burns' meeting with Baradar") keeps its date
				if d, ok := w.datedBefore(e.Source, e.Target, info.Root); ok {
					e.Date, e.DatePrecision, e.DateText = d.Date, d.DatePrecision, d.DateText
				}
			}
			e.Location = w.place(doc, s, p, e.CAMEO, w.inPlay(e.Source, e.Target))
			e.Confidence = confidence(m, src, tgt, mod, th >= 0)
			e.ID = eventID(doc.ID, s.index, e.Verb.Start, e.CAMEO, e.Source.Code, codeOrEmpty(e.Target))
			if w.c.opt.Explain {
				e.Explain = w.explain(s, p, m, sh, th)
			}
			events = append(events, e)
			if e.DatePrecision != "story" {
				w.dated = append(w.dated, e)
			}
			if e.Target != nil && tgt.via != "discourse" {
				w.addressed = append(w.addressed, addressed{src: src.code, tgt: tgt, actor: *e.Target, sentence: s.index})
			}
		}
	}
	return events
}

// partyIn reports whether the name ending at token h is a party inside clause c: in its subtree, not a
// country adjective, not one side of a "between" phrase.
func (w *worker) partyIn(s *sentence, h, c int) bool {
	if s.rel[h] == "amod" {
		return false
	}
	in := false
	for t, i := h, 0; t >= 0 && i < 32; t, i = s.head[t], i+1 {
		if cs := s.child(t, "case"); cs >= 0 && s.lkey[cs] == kBetween {
			return false
		}
		if t == c {
			in = true
			break
		}
	}
	return in
}

var missionNouns = keySet("embassy", "consulate")

// missionOf finds a foreign embassy or consulate named in the sentence ("the Chinese embassy", "Turkey's
// consulate") whose country is not own.
func (w *worker) missionOf(s *sentence, own string, on time.Time) actorRef {
	for i := range s.words {
		if !missionNouns[s.lkey[i]] {
			continue
		}
		if r := w.resolveNoMem(s, i, on); r.ok() && r.via != "context" && countryOf(r.code) != "" && countryOf(r.code) != own {
			return r
		}
	}
	return actorRef{}
}

// leftPlace is the country of the first place named after "from" in the sentence, when it is not own.
func (w *worker) leftPlace(s *sentence, own string) actorRef {
	for i := range s.words {
		if s.lkey[i] != kFromWord || s.rel[i] != "case" || s.head[i] < 0 {
			continue
		}
		if r := w.placeTarget(s, s.head[i], own); r.ok() && r.code != own {
			return r
		}
	}
	return actorRef{}
}

var kPossS = lexicon.KeyOf("'s")

// policyOwner is the foreign actor whose decision, law or project a protest pattern's own word names ("rallied
// against the U.S. decision", "protested against China's dam"), if any.
func (w *worker) policyOwner(s *sentence, m *match, own string, on time.Time) actorRef {
	for _, u := range m.used {
		if !s.isNominal(u) {
			continue
		}
		if r := w.modifiers(s, u, on); r.ok() && countryOf(r.code) != "" && countryOf(r.code) != own && countryOf(r.code) != "NGM" {
			return r
		}
	}
	return actorRef{}
}

// removalVerbs send people out of a country; their passive's "from" phrase names the country that did it.
var removalVerbs = keySet("deport", "expel", "extradite", "repatriate", "evict")

var kFromWord = lexicon.KeyOf("from")

// rival is the first actor named in the sentence outside src's phrase that belongs to another country
// ("Venezuelan warplanes", "the Guyanese border", "China"); none if the sentence names no other. With a
// clause (not -1), only a party of that clause counts, an intergovernmental body too, and not a country
// adjective ("restrictions on Russian energy") or one of two sides ("a conflict between Russia and Ukraine").
func (w *worker) rival(s *sentence, src actorRef, on time.Time, clause int) actorRef {
	own := countryOf(src.code)
	for i := 0; i < len(s.words); i++ {
		m := s.actorAt[i]
		if m.n == 0 {
			continue
		}
		if i >= src.lo && i <= src.hi || clause >= 0 && !w.partyIn(s, i+m.n-1, clause) {
			i += m.n - 1
			continue
		}
		code := m.actor.CodeOn(on)
		if clause >= 0 && strings.HasPrefix(code, "IGO") {
			if r := w.resolveNoMem(s, i+m.n-1, on); r.ok() {
				return r
			}
		}
		if c := countryOf(code); c != "" && c != own && c != "NGM" {
			if r := w.resolveNoMem(s, i+m.n-1, on); r.ok() && countryOf(r.code) == c {
				return r
			}
			return actorRef{code: c, kind: "country", via: "context", head: -1}
		}
		i += m.n - 1
	}
	return actorRef{}
}

// tolled reports whether predicate p is a participle of violence ("killing", "wounding") that gives the toll of
// the force event its head verb already carries.
func tolled(s *sentence, p int, root string, noun bool, events []event.Event) bool {
	h := s.head[p]
	if noun || root != "18" && root != "19" && root != "20" || s.words[p].XPOS != "VBG" || h < 0 || s.rel[p] != "advcl" && s.rel[p] != "xcomp" && s.rel[p] != "conj" {
		return false
	}
	at := s.char(s.words[h].Start)
	for i := range events {
		if r := events[i].Root; events[i].Verb.Start == at && (r == "18" || r == "19" || r == "20") {
			return true
		}
	}
	return false
}

// namedVictims reports whether the object of p names its own nationality, other than own ("killing an Italian
// tourist").
func (w *worker) namedVictims(s *sentence, p int, own string) bool {
	o := s.child(p, "obj")
	if o < 0 {
		return false
	}
	lo, hi := s.subtreeSpan(o)
	for i := lo; i <= hi; i++ {
		if m := s.actorAt[i]; m.n > 0 {
			if c := countryOf(m.actor.CodeOn(w.on)); c != "" && c != own {
				return true
			}
		}
	}
	return false
}

// includedForeigner returns the actor of another country than own in an "including …" phrase under verb p or
// its object; the zero actorRef if none.
func (w *worker) includedForeigner(s *sentence, p int, own string, on time.Time) actorRef {
	heads := [2]int{p, s.child(p, "obj")}
	for _, h := range heads {
		if h < 0 {
			continue
		}
		for _, c := range s.children(h) {
			cs := s.child(c, "case")
			if cs < 0 || s.lkey[cs] != kInclude && s.key[cs] != kIncluding || s.rel[c] != "obl" && s.rel[c] != "nmod" {
				continue
			}
			if r := w.resolveNoMem(s, c, on); r.ok() && countryOf(r.code) != "" && countryOf(r.code) != own {
				return r
			}
		}
	}
	return actorRef{}
}

// standaloneStatement reports whether statement verb p is the sentence's main verb with a claim of its own
// that the lexicon codes no event in: "said that Brasília would stay neutral", "'…,' the minister told
// reporters". A trailing "…, officials said" only attributes the clause before it, and a claim with a known
// predicate is that event, whether or not its actors could be coded.
func (w *worker) standaloneStatement(s *sentence, p int) bool {
	if s.head[p] >= 0 {
		return false
	}
	cc := s.child(p, "ccomp", "parataxis")
	if cc < 0 {
		cc = w.thatClause(s, p)
	}
	if cc < 0 || cc < p && !quoteBefore(s, p) {
		return false
	}
	lex := w.c.opt.Lexicon
	lo, hi := s.subtreeSpan(cc)
	for t := lo; t <= hi; t++ {
		if t == p || !s.isVerb(t) {
			continue
		}
		pats := lex.VerbPatterns(s.lkey[t])
		if len(pats) == 0 {
			if k, ok := lex.Forms[s.key[t]]; ok {
				pats = lex.VerbPatterns(k)
			}
		}
		if m, ok := w.bestMatch(s, t, pats); ok && !m.pat.IsNull() {
			return false
		}
	}
	return true
}

// thatClause finds a "that" clause after statement verb p that the parse hung on a noun of p's clause
// ("said in an interview published on Wednesday that …"); -1 if none.
func (w *worker) thatClause(s *sentence, p int) int {
	for c := p + 1; c < len(s.words); c++ {
		// (or on a participle of such a noun: "an interview aired on Sunday that …")
		if r := s.rel[c]; !s.isVerb(c) || r != "acl" && r != "acl:relcl" &&
			!(r == "ccomp" && s.head[c] >= 0 && (s.rel[s.head[c]] == "acl" || s.rel[s.head[c]] == "acl:relcl")) {
			continue
		}
		// "that" as the clause's marker, or taken for a relative pronoun right before the clause's subject
		if mk := s.child(c, "mark", "obj"); mk < 0 || s.lkey[mk] != kThat || s.rel[mk] == "obj" && s.child(c, "nsubj") != mk+1 {
			continue
		}
		for j, d := s.head[c], 0; j >= 0 && d < 6; j, d = s.head[j], d+1 {
			if j == p {
				return c
			}
			if s.isVerb(j) && s.rel[j] != "acl" {
				break
			}
		}
	}
	return -1
}

// spokesRoles are the people whose statement is news on its own ("the prime minister said that …"); an
// organisation's or a ministry's statement without an event is rather routine reporting.
var spokesRoles = keySet("president", "minister", "premier", "chancellor", "leader", "spokesman", "spokeswoman",
	"spokesperson", "secretary", "envoy", "ambassador", "king", "queen", "emir", "pope", "mayor", "governor")

// spokesRole reports a role of spokesRoles among tokens lo..p-1, the subject up to its verb (the parse may
// take "Hungary" for the subject of "Hungary's foreign minister told").
func spokesRole(s *sentence, lo, p int) bool {
	for i := max(lo, 0); i < p; i++ {
		if spokesRoles[s.lkey[i]] {
			return true
		}
	}
	return false
}

// quoteBefore reports a quotation mark before token p.
func quoteBefore(s *sentence, p int) bool {
	for i := 0; i < p; i++ {
		switch s.words[i].Form {
		case "\"", "“", "”", "``", "''":
			return true
		}
	}
	return false
}

// placeTarget resolves a thing acted on to the country of the place it names ("the town of Saraqeb"); the
// zero actorRef when it names no place of the gazetteer.
func (w *worker) placeTarget(s *sentence, h int, srcCountry string) actorRef {
	if w.c.opt.Gazetteer == nil || demonym(s, h) || s.agentAt[h].n > 0 {
		return actorRef{} // people ("fired on protesters near the town") are no place
	}
	// the source's country first: of two towns of one name, the one in play
	w.play = append(append(w.play[:0], srcCountry), w.docCountries...)
	pl, lo, hi, ok := w.placeAt(s, h, geo.Context{Countries: w.play}, 0)
	if !ok || pl.Country == "" {
		return actorRef{}
	}
	named := false
	for i := max(lo, 0); i <= hi && i < len(s.words); i++ {
		named = named || upperFirst(s.words[i].Form)
	}
	if !named {
		return actorRef{} // "banned the march": a common noun that happens to be a town's name
	}
	return actorRef{code: pl.Country, kind: "country", via: "place", head: -1}
}

// datedBefore finds an earlier event of the document with the same actors and root and a date of its own.
// toldBefore reports whether an earlier sentence coded an event of this root between countries a and b,
// in either direction.
func (w *worker) toldBefore(sentence int, root, a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	for i := range w.dated {
		d := &w.dated[i]
		if d.SentenceIndex >= sentence || d.Root != root || d.Target == nil {
			continue
		}
		x, y := countryOf(d.Source.Code), countryOf(d.Target.Code)
		if x == a && y == b || x == b && y == a {
			return true
		}
	}
	return false
}

func (w *worker) datedBefore(src, tgt *event.Actor, root string) (*event.Event, bool) {
	for i := len(w.dated) - 1; i >= 0; i-- {
		d := &w.dated[i]
		if d.Root == root && d.Source.Code == src.Code && codeOrEmpty(d.Target) == codeOrEmpty(tgt) {
			return d, true
		}
	}
	return nil, false
}

// codebook looks a code up in the ontology. A user's dictionary may use codes outside CAMEO 1.1b3
// (PETRARCH's validation suite has WEIS codes): those keep their code, take the root from their first two
// digits, and leave what the codebook would add empty.
func (w *worker) codebook(code string) ontology.Event {
	info, ok := w.c.opt.Ontology.Event(code)
	if !ok {
		info.Code, info.Root = code, code[:min(2, len(code))]
		if r, ok := w.c.opt.Ontology.Event(info.Root); ok {
			info.Quad = r.Quad
		}
	}
	return info
}

// skeleton is an event of predicate p with what the document, the sentence and the codebook say; dated by
// the story until the caller finds better.
func (w *worker) skeleton(doc *source.Document, s *sentence, p int, info ontology.Event) event.Event {
	return event.Event{
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
		Date:          dateOf(doc.Published),
		DatePrecision: "story",
	}
}

// inanimate reports whether a would-be target is absent or a thing rather than an actor: no pronoun, name
// or role noun ("demanded immediate elections", "resigned").
func inanimate(s *sentence, th int) bool {
	if th < 0 {
		return true
	}
	w := s.words[th]
	return w.UPOS == "NOUN" && s.agentAt[th].n == 0 && s.inActor[th] < 0
}

// sameActor reports whether two resolved phrases are one actor: the same code for a country or a named
// actor, or the same role noun ("police … the police"); two different people of one sector ("a man killed
// six people") are two actors even when their codes agree.
func sameActor(a, b actorRef) bool {
	if a.code != b.code {
		return false
	}
	return len(a.code) <= 3 || a.name != "" && a.name == b.name || a.headKey == b.headKey
}

var (
	kAny  = lexicon.KeyOf("any")
	kWhat = lexicon.KeyOf("what")
)

// words of power at home: refusing them ("refused to step down", "ruled out an election") is refusing one's own
// country
var domesticWords = keySet("resign", "resignation", "step", "quit", "power", "election", "elections", "summons",
	"summonses", "office", "concede", "referendum")

// domesticRefusal reports whether a refusal's pattern words name power at home.
func domesticRefusal(s *sentence, m *match) bool {
	for _, u := range m.used {
		if domesticWords[s.lkey[u]] || domesticWords[s.key[u]] {
			return true
		}
	}
	return false
}

// labelled returns the noun a free relative's label names ("what it said were militant bases" → bases), or
// def when there is none.
func labelled(s *sentence, what, def int) int {
	for _, r := range s.children(what) {
		if s.rel[r] != "acl:relcl" {
			continue
		}
		for _, c := range s.children(r) {
			switch s.rel[c] {
			case "ccomp", "xcomp":
				return c
			case "obl":
				if cs := s.child(c, "case"); cs >= 0 && s.lkey[cs] == kAs {
					return c
				}
			}
		}
	}
	return def
}

// namedIn reports whether the phrase headed by h contains a dictionary name.
func (w *worker) namedIn(s *sentence, h int) bool {
	lo, hi := w.npSpan(s, h)
	for i := lo; i <= hi && i < len(s.words); i++ {
		if s.inActor[i] >= 0 {
			return true
		}
	}
	return false
}

// nouns of people protesting, whose violence is a riot
var protesterKeys = keySet("protester", "protestor", "demonstrator", "rioter", "mob", "marcher", "protesters",
	"demonstrators", "rioters")

// protesters reports whether an actor phrase names people protesting ("tens of thousands of protesters").
func protesters(s *sentence, a actorRef) bool {
	if protesterKeys[a.headKey] {
		return true
	}
	if a.head < 0 {
		return false
	}
	for i := max(a.lo, 0); i <= a.hi && i < len(s.words); i++ {
		if protesterKeys[s.lkey[i]] {
			return true
		}
	}
	return false
}

// afterAccident reports whether participle p hangs (within a few heads, as misparses put it on the accident's
// place) on a verb of accident.
func afterAccident(s *sentence, p int) bool {
	for q, d := s.head[p], 0; q >= 0 && d < 3; q, d = s.head[q], d+1 {
		if accidentVerbs[s.lkey[q]] {
			return true
		}
		if s.isVerb(q) {
			return false
		}
	}
	return false
}

// verbs of accidents, whose participles ("…, killing 24") report casualties of no one's act
var accidentVerbs = keySet("overturn", "derail", "crash", "capsize", "collapse", "plunge", "collide", "veer", "skid",
	"sink", "topple", "overturned", "derailed", "capsized")

// civilian reports whether an actor code names a civilian sector. Elders and chiefs (ELI) hold no arms, so
// killing one is assault too.
func civilian(code string) bool { return hasAgent(code, "CVLREFMEDEDUHLHRELLABELI") }

// criminalOnUnarmed reports whether criminals (kidnappers, bandits, pirates) act on a target that is neither a
// state nor an armed body: "kidnappers seized two sailors" is abduction, not a military capture.
func criminalOnUnarmed(src, tgt string) bool {
	return hasAgent(src, "CRM") && len(tgt) >= 3 && !hasAgent(tgt, "MILCOPSPYREBINSGOV")
}

var kKill = lexicon.KeyOf("kill")

// civilianAssault recodes a fight against civilians as CAMEO assault: a killing as 1823, otherwise 180.
func (w *worker) civilianAssault(info ontology.Event, lemma string) ontology.Event {
	code := "180"
	if lexicon.KeyOf(lemma) == kKill {
		code = "1823"
	}
	if e, ok := w.c.opt.Ontology.Event(code); ok {
		return e
	}
	return info
}

// targetFirst reports whether a pattern's target slot comes before its head ("+ *receive aid from $").
func targetFirst(p *lexicon.Pattern) bool {
	for i := range p.Before {
		if p.Before[i].Kind == lexicon.Target {
			return true
		}
	}
	return false
}

// roots and codes whose events may stand without a target
var (
	targetlessRoots = map[string]bool{"14": true, "15": true}
	// appeals for aid and funds stand without an addressee ("WFP appealed for $200 million to feed …"): the
	// people to be helped are the beneficiaries, not the ones appealed to
	targetlessCodes = map[string]bool{"011": true, "015": true, "016": true, "023": true, "0231": true, "0233": true, "025": true, "0256": true}
)

// roots whose target can be the subject of a complement clause ("warned that X would …")
var reportRoots = map[string]bool{"02": true, "10": true, "11": true, "12": true, "13": true}

// roots whose missing target can come from what the same source addressed in the sentence before
var contextRoots = map[string]bool{"10": true, "11": true, "12": true, "13": true}

// addressed remembers the last target an actor addressed.
type addressed struct {
	src      string
	tgt      actorRef
	actor    event.Actor // as written where it was named
	sentence int
}

// contextActor is the target that src last addressed, as written where it was named, marked as inferred
// from context.
func (w *worker) contextActor(src string) *event.Actor {
	for i := len(w.addressed) - 1; i >= 0; i-- {
		if w.addressed[i].src == src {
			a := w.addressed[i].actor
			a.Via = "discourse"
			return &a
		}
	}
	return nil
}

// lastTarget returns the target that source last addressed, if it was in this or the previous sentence.
func (w *worker) lastTarget(src string, sentence int) actorRef {
	for i := len(w.addressed) - 1; i >= 0; i-- {
		a := w.addressed[i]
		if a.src == src && sentence-a.sentence <= 1 {
			t := a.tgt
			t.via = "discourse"
			return t
		}
	}
	return actorRef{}
}

// inPlay lists the event's actor countries, for place disambiguation, and remembers them for the article.
func (w *worker) inPlay(src, tgt *event.Actor) []string {
	out := w.play[:0]
	first, second := src, tgt
	if src != nil && tgt != nil && tgt.Start >= 0 && tgt.Start < src.Start {
		// the party named first leads, whichever way the event runs: both directions of "clashes between
		// Kyrgyz and Tajik guards near the village of X" are placed alike
		first, second = tgt, src
	}
	for _, a := range [2]*event.Actor{first, second} {
		if a != nil && a.Country != "" {
			out = append(out, a.Country)
			if !slices.Contains(w.docCountries, a.Country) {
				w.docCountries = append(w.docCountries, a.Country)
			}
		}
	}
	w.play = out
	return out
}

func codeOrEmpty(a *event.Actor) string {
	if a == nil {
		return ""
	}
	return a.Code
}

// actor converts a resolved phrase into the event's actor.
func (w *worker) actor(s *sentence, r actorRef) *event.Actor {
	a := &event.Actor{
		Code:  r.code,
		Name:  r.name,
		Text:  s.spanText(r.lo, r.hi),
		Start: s.char(s.words[r.lo].Start),
		End:   s.char(s.words[r.hi].End),
		Via:   r.via,
		Group: r.group,
	}
	c := countryOf(r.code)
	a.Country = c
	rest := r.code[len(c):]
	if strings.HasPrefix(r.code, "IGO") {
		a.Country = ""
	}
	for i := 0; i+3 <= len(rest); i += 3 {
		a.Agents = append(a.Agents, rest[i:i+3])
	}
	if a.Agents == nil {
		a.Agents = []string{}
	}
	return a
}

// spanText is the text of tokens lo..hi as written.
func (s *sentence) spanText(lo, hi int) string {
	if lo < 0 || hi < lo || hi >= len(s.words) {
		return ""
	}
	return s.text[s.words[lo].Start-s.start : s.words[hi].End-s.start]
}

// confidence is a heuristic score in (0, 1): specific patterns, named actors and asserted claims score high;
// coreference, missing targets and hedged claims lower it.
func confidence(m *match, src, tgt actorRef, mod string, wantTarget bool) float64 {
	c := 0.55 + 0.08*math.Min(float64(m.pat.Words), 3)
	if src.via != "" {
		c -= 0.12
	}
	if wantTarget && !tgt.ok() {
		c -= 0.1
	}
	if tgt.ok() && tgt.via != "" {
		c -= 0.08
	}
	if mod != "asserted" {
		c -= 0.05
	}
	return math.Round(math.Max(0.05, math.Min(0.99, c))*100) / 100
}

// explain records why the event was coded.
func (w *worker) explain(s *sentence, p int, m *match, src, tgt int) *event.Explanation {
	e := &event.Explanation{Pattern: m.pat.Code + " " + m.pat.Text, Lexicon: m.pat.Where}
	rel := func(i int) string {
		if i < 0 {
			return ""
		}
		h := s.head[i]
		hw := "ROOT"
		if h >= 0 {
			hw = s.words[h].Form
		}
		return fmt.Sprintf("%s(%s, %s)", s.rel[i], hw, s.words[i].Form)
	}
	e.Path = append(e.Path, rel(p))
	for _, i := range []int{src, tgt} {
		// the chain from the argument up to the predicate
		for j, d := i, 0; j >= 0 && j != p && d < 6; j, d = s.head[j], d+1 {
			e.Path = append(e.Path, rel(j))
		}
	}
	return e
}
