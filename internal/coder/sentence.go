package coder

import (
	"strings"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/timex"
)

// sentence is one analysed sentence with the indexes the coder needs. Token indexes are 0-based; head is -1
// for the root.
type sentence struct {
	index      int    // position in the document
	start, end int    // byte offsets in the document
	charStart  int    // character offset of start in the document
	text       string // the sentence as written
	words      []nlp.Word
	head       []int
	rel        []string
	key        []lexicon.Key // normalized form
	lkey       []lexicon.Key // lemma
	upper      []bool
	kidStart   []int // children of i are kids[kidStart[i]:kidStart[i+1]], in text order
	kids       []int
	actorAt    []mention // dictionary actor starting at i (n = 0: none)
	agentAt    []agentMention
	inActor    []int // index of the actor mention covering token i, or -1
	times      []timeExpr
	offsets    []timex.Expr // "a day after": relative to another event
	timesDone  bool
	keyed      bool // key, lkey and upper hold this sentence's words (surfaceKeys)
	ctxCountry string
	ctxDone    bool
}

type mention struct {
	actor *lexicon.Actor
	n     int
}

type agentMention struct {
	agent *lexicon.Agent
	n     int
}

// build fills the indexes from annotated words.
func (s *sentence) build(lex *lexicon.Lexicon) {
	n := len(s.words)
	s.head = grow(s.head, n)
	s.rel = growS(s.rel, n)
	s.key = growK(s.key, n)
	s.lkey = growK(s.lkey, n)
	s.upper = growB(s.upper, n)
	s.kidStart = grow(s.kidStart, n+1)
	s.inActor = grow(s.inActor, n)
	if cap(s.actorAt) < n {
		s.actorAt = make([]mention, n)
		s.agentAt = make([]agentMention, n)
	}
	s.actorAt, s.agentAt = s.actorAt[:n], s.agentAt[:n]
	// every position is written below except those inside a multi-word name: clear them, or a name from an
	// earlier sentence would show through
	clear(s.actorAt)
	clear(s.kidStart)
	s.timesDone = false
	s.ctxDone, s.ctxCountry = false, ""
	if !s.keyed { // the filter before parsing (mayHaveActor) has usually computed them already
		s.surfaceKeys()
	}
	for i := range s.words {
		w := &s.words[i]
		s.head[i] = w.Head - 1
		s.rel[i] = w.DepRel
	}
	s.repairPairedDemonyms(lex)
	for i := range s.words {
		if h := s.head[i]; h >= 0 && h < n {
			s.kidStart[h+1]++
		}
	}
	for i := 1; i <= n; i++ {
		s.kidStart[i] += s.kidStart[i-1]
	}
	s.kids = grow(s.kids, s.kidStart[n])
	fill := grow(nil, n) // positions already filled per head
	for i := range s.words {
		if h := s.head[i]; h >= 0 && h < n {
			s.kids[s.kidStart[h]+fill[h]] = i
			fill[h]++
		}
	}
	for i := range s.inActor {
		s.inActor[i] = -1
	}
	for i := 0; i < n; {
		a, m := lex.Actors.Match(s.key, s.upper, i)
		if m == 0 {
			// the lemma catches plurals and inflected names that the form misses ("Afghans")
			a, m = lex.Actors.Match(s.lkey, s.upper, i)
			if m > 1 {
				m = 0 // only single words by lemma: multi-word lemmas are unreliable
			}
		}
		if m > 0 && !s.weakActor(i, m) {
			s.actorAt[i] = mention{actor: a, n: m}
			for j := i; j < i+m; j++ {
				s.inActor[j] = i
			}
			i += m
			continue
		}
		s.actorAt[i] = mention{}
		i++
	}
	for i := 0; i < n; i++ {
		ag, m := lex.Agents.Match(s.key, s.upper, i)
		if m == 0 {
			ag, m = lex.Agents.Match(s.lkey, s.upper, i)
		}
		s.agentAt[i] = agentMention{agent: ag, n: m}
	}
	// the tokenizer splits "sit-in", "cease-fire" and "build-up" into three tokens, while the lexicon writes
	// them whole: the first word's form key becomes the whole compound's (names were matched above)
	for i := 0; i+2 < n; i++ {
		a, d, b := &s.words[i], &s.words[i+1], &s.words[i+2]
		if d.Form == "-" && a.End == d.Start && d.End == b.Start && lowerWord(a.Form) && lowerWord(b.Form) &&
			a.Start >= s.start && b.End <= s.start+len(s.text) {
			s.key[i] = lexicon.KeyOf(s.text[a.Start-s.start : b.End-s.start])
		}
	}
}

// repairPairedDemonyms re-hangs a sentence that opens with two coordinated country adjectives ("Indonesian and
// Australian warships began joint patrols …") which the parser made the root, with the verb as their conjunct:
// the adjectives modify the noun, and the verb heads the sentence, as in the parse of the same phrase elsewhere.
func (s *sentence) repairPairedDemonyms(lex *lexicon.Lexicon) {
	n := len(s.words)
	if n < 5 || s.head[0] != -1 || s.words[0].UPOS != "ADJ" || s.words[1].UPOS != "CCONJ" || s.head[2] != 0 ||
		s.rel[2] != "conj" || s.words[3].UPOS != "NOUN" {
		return
	}
	v := s.head[3]
	if v <= 3 || v >= n || s.head[v] != 0 || s.rel[v] != "conj" || s.words[v].UPOS != "VERB" || !strings.HasPrefix(s.rel[3], "nsubj") {
		return
	}
	if _, m := lex.Actors.Match(s.key, s.upper, 0); m != 1 {
		return
	}
	if _, m := lex.Actors.Match(s.key, s.upper, 2); m != 1 {
		return
	}
	for i := 4; i < n; i++ {
		if s.head[i] == 0 && i != v {
			s.head[i] = v
		}
	}
	s.head[0], s.rel[0] = 3, "amod"
	s.head[v], s.rel[v] = -1, "root"
}

// lowerWord reports whether w is a word of lower-case ASCII letters.
func lowerWord(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// weakActor rejects dictionary matches that are probably not names here: a lowercase common word that
// happens to be a name ("chad", "turkey"), unless it is an adjective of nationality.
func (s *sentence) weakActor(i, n int) bool {
	if n > 1 {
		return false
	}
	w := s.words[i]
	// "Jordan Whitfield", "Chad Whitaker": a country that is also a first name, beginning a person's name
	if j := i + 1; firstNames[s.key[i]] && j < len(s.words) && w.UPOS == "PROPN" && s.words[j].UPOS == "PROPN" && s.head[j] == i &&
		(s.rel[j] == "flat" || s.rel[j] == "flat:name") || firstNames[s.key[i]] && j < len(s.words) && s.head[i] == j && s.rel[i] == "compound" && s.words[j].UPOS == "PROPN" && upperFirst(s.words[j].Form) && !upperWord(s.words[j].Form) {
		return true
	}
	if w.UPOS == "PROPN" || w.UPOS == "ADJ" {
		return false
	}
	f := w.Form
	return f == "" || !(f[0] >= 'A' && f[0] <= 'Z') && !strings.ContainsAny(f, ".")
}

// char converts a byte offset inside the sentence into a character offset in the document.
func (s *sentence) char(b int) int {
	if b <= s.start {
		return s.charStart
	}
	if b > s.end {
		b = s.end
	}
	return s.charStart + utf8.RuneCountInString(s.text[:b-s.start])
}

func (s *sentence) children(i int) []int { return s.kids[s.kidStart[i]:s.kidStart[i+1]] }

// child returns the first child of i with one of the relations, or -1.
func (s *sentence) child(i int, rels ...string) int {
	for _, c := range s.children(i) {
		for _, r := range rels {
			if s.rel[c] == r {
				return c
			}
		}
	}
	return -1
}

// baseRel is the relation without its subtype.
func baseRel(r string) string {
	if i := strings.IndexByte(r, ':'); i >= 0 {
		return r[:i]
	}
	return r
}

func (s *sentence) isVerb(i int) bool {
	u := s.words[i].UPOS
	return u == "VERB" || (u == "AUX" && s.rel[i] == "root")
}

func (s *sentence) isNominal(i int) bool {
	switch s.words[i].UPOS {
	case "NOUN", "PROPN", "PRON", "NUM", "X", "SYM":
		return true
	case "ADJ":
		// "Afghan" as a nominal argument ("the Afghans"), or a headless adjective
		return s.actorAt[i].n > 0 || s.inActor[i] >= 0
	}
	return false
}

// subtreeSpan returns the first and last token of i's subtree.
func (s *sentence) subtreeSpan(i int) (lo, hi int) {
	lo, hi = i, i
	var walk func(int)
	walk = func(j int) {
		for _, c := range s.children(j) {
			if c < lo {
				lo = c
			}
			if c > hi {
				hi = c
			}
			walk(c)
		}
	}
	walk(i)
	return lo, hi
}

// countries and capitals that are also common first names
var firstNames = map[lexicon.Key]bool{lexicon.KeyOf("jordan"): true, lexicon.KeyOf("chad"): true,
	lexicon.KeyOf("georgia"): true, lexicon.KeyOf("israel"): true, lexicon.KeyOf("india"): true,
	lexicon.KeyOf("paris"): true, lexicon.KeyOf("victoria"): true, lexicon.KeyOf("sydney"): true}

func upperFirst(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

func upperWord(w string) bool {
	letters := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'a' && c <= 'z' {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			letters++
		}
	}
	return letters > 0
}

func grow(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func growS(s []string, n int) []string {
	if cap(s) < n {
		return make([]string, n)
	}
	return s[:n]
}

func growK(s []lexicon.Key, n int) []lexicon.Key {
	if cap(s) < n {
		return make([]lexicon.Key, n)
	}
	return s[:n]
}

func growB(s []bool, n int) []bool {
	if cap(s) < n {
		return make([]bool, n)
	}
	return s[:n]
}
