package lemma

import (
	"cmp"
	"errors"
	"log/slog"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/nlp/conllu"
)

// minRuleTypes is how many word types must share an ending for it to make a rule.
const minRuleTypes = 2

// maxSuffix is the longest form ending (in bytes, lower-cased) that rules are keyed by.
const maxSuffix = 6

// Casing of a lemma relative to its form.
const (
	caseLower uint8 = iota // "Went" → "go"
	caseKeep               // "Kenyans" → "Kenyan"
	caseTitle              // "GOODWYN" → "Goodwyn"
)

// Form shapes, which select a casing rule together with the tag.
const (
	shapeLower uint8 = iota
	shapeTitle
	shapeUpper
	shapeUpperLong // long all-capital words are mostly shouted names, short ones acronyms
	shapeOther
)

// longUpper is the length from which an all-capital form counts as long.
const longUpper = 5

// key is a (form, tag) pair; a struct of strings, so map look-ups allocate nothing.
type key struct{ form, xpos string }

// edit turns a lower-cased form into its lower-cased lemma: drop strip bytes, then append add.
type edit struct {
	strip int
	add   string
}

// Model is a trained lemmatizer. It is read-only and safe for concurrent use.
type Model struct {
	known  map[key]string  // (form, XPOS) seen in training → its most frequent lemma
	lower  map[key]string  // the same for lower-cased forms, for capitals that training saw in lower case
	rules  map[key]edit    // (lower-cased form ending, XPOS or tag group) → the edit most word types with it take
	lemmas map[string]bool // every lower-cased lemma of the training data
	casing map[key]uint8   // (XPOS, shape as a one-byte string) → the casing most word types take
}

// Train learns the lemmas of train's words and the rules for words it does not contain.
func Train(train []*conllu.Sentence, log *slog.Logger) (*Model, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	type lemmaKey struct{ form, xpos, lemma string }
	tokens := map[lemmaKey]int{}
	for _, s := range train {
		for _, w := range s.Words {
			if w.Form == "" || w.Lemma == "" || w.Lemma == "_" && w.Form != "_" {
				continue
			}
			tokens[lemmaKey{w.Form, w.XPOS, w.Lemma}]++
		}
	}
	if len(tokens) == 0 {
		return nil, errors.New("lemma: no training words with lemmas")
	}
	// Iterate in a fixed order so that ties are broken the same way on every run.
	types := make([]lemmaKey, 0, len(tokens))
	for k := range tokens {
		types = append(types, k)
	}
	slices.SortFunc(types, func(a, b lemmaKey) int {
		return cmp.Or(cmp.Compare(a.form, b.form), cmp.Compare(a.xpos, b.xpos), cmp.Compare(a.lemma, b.lemma))
	})

	m := &Model{known: map[key]string{}, lower: map[key]string{}, rules: map[key]edit{}, lemmas: map[string]bool{},
		casing: map[key]uint8{}}
	best := map[key]int{}
	bestLower := map[key]int{}
	lowerCounts := map[lemmaKey]int{}
	for _, t := range types {
		n := tokens[t]
		k := key{t.form, t.xpos}
		if n > best[k] {
			best[k], m.known[k] = n, t.lemma
		}
		lowerCounts[lemmaKey{strings.ToLower(t.form), t.xpos, strings.ToLower(t.lemma)}] += n
	}
	for _, t := range types {
		lk := lemmaKey{strings.ToLower(t.form), t.xpos, strings.ToLower(t.lemma)}
		k := key{lk.form, lk.xpos}
		if n := lowerCounts[lk]; n > bestLower[k] {
			bestLower[k], m.lower[k] = n, lk.lemma
		}
	}

	// Rules count word types, not tokens: unseen words behave like the many rare types, not like the
	// few frequent, often irregular ones.
	editCounts := map[key]map[edit]int{}
	caseCounts := map[key][3]int{}
	for _, t := range types {
		lf, ll := strings.ToLower(t.form), strings.ToLower(t.lemma)
		e := makeEdit(lf, ll)
		// Only endings shorter than the word: a rule must come from words that extend the ending,
		// or "are" → "be" would teach that "share" → "shbe".
		m.lemmas[ll] = true
		for n := 0; n < min(maxSuffix+1, len(lf)); n++ {
			for _, k := range [2]key{{lf[len(lf)-n:], t.xpos}, {lf[len(lf)-n:], group(t.xpos)}} {
				if editCounts[k] == nil {
					editCounts[k] = map[edit]int{}
				}
				editCounts[k][e]++
			}
		}
		if c, ok := casingOf(t.form, t.lemma, ll); ok {
			k := key{shapeKey(t.form), t.xpos}
			cc := caseCounts[k]
			cc[c]++
			caseCounts[k] = cc
		}
	}
	for k, counts := range editCounts {
		var top edit
		topN, total := 0, 0
		for e, n := range counts {
			total += n
			if n > topN || n == topN && lessEdit(e, top) {
				top, topN = e, n
			}
		}
		// An ending seen in a single word type is no rule; a shorter ending decides instead.
		if total >= minRuleTypes || k.form == "" {
			m.rules[k] = top
		}
	}
	for k, cc := range caseCounts {
		c := caseLower
		for i := range cc {
			if cc[i] > cc[c] {
				c = uint8(i)
			}
		}
		m.casing[k] = c
	}
	log.Info("lemma: trained", "forms", len(m.known), "rules", len(m.rules))
	return m, nil
}

func lessEdit(a, b edit) bool { return a.strip < b.strip || a.strip == b.strip && a.add < b.add }

// makeEdit finds the suffix edit from lf to ll: keep their common prefix, replace the rest.
func makeEdit(lf, ll string) edit {
	p := 0
	for p < len(lf) && p < len(ll) && lf[p] == ll[p] {
		p++
	}
	return edit{strip: len(lf) - p, add: ll[p:]}
}

// casingOf tells which casing turns form into lemma (whose lower-cased spelling is ll), if any does.
func casingOf(form, lemma, ll string) (uint8, bool) {
	for _, c := range [...]uint8{caseLower, caseKeep, caseTitle} {
		if applyCase(form, ll, c) == lemma {
			return c, true
		}
	}
	return 0, false
}

func isTitle(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) && s[n:] == strings.ToLower(s[n:])
}

func shapeOf(form string) uint8 {
	lower, upper := false, false
	for _, r := range form {
		lower = lower || unicode.IsLower(r)
		upper = upper || unicode.IsUpper(r)
	}
	switch {
	case !upper:
		return shapeLower
	case isTitle(form):
		return shapeTitle
	case !lower && len(form) >= longUpper:
		return shapeUpperLong
	case !lower:
		return shapeUpper
	}
	return shapeOther
}

// Lemma returns the lemma of form used with the given tags. Forms seen in training with the tag get
// their most frequent lemma; others are lemmatized by the rules learned for their tag and ending.
func (m *Model) Lemma(form, upos, xpos string) string {
	if l, ok := m.known[key{form, xpos}]; ok {
		return l
	}
	lf := strings.ToLower(form)
	if xpos == "" {
		xpos = upos
	}
	casing := caseLower
	if c, ok := m.casing[key{shapeKey(form), xpos}]; ok {
		casing = c
	}
	ll, ok := m.lower[key{lf, xpos}]
	if !ok && strings.HasPrefix(xpos, "VB") {
		// a verb form seen under another verb tag has the same lemma: "fought" tagged VBP is still "fight"
		for _, t := range verbTags {
			if ll, ok = m.lower[key{lf, t}]; ok {
				break
			}
		}
	}
	if !ok {
		ll = m.guess(lf, xpos)
	}
	return applyCase(form, ll, casing)
}

// verbTags are the Penn verb tags, past forms first: a form's most telling reading.
var verbTags = [...]string{"VBD", "VBN", "VB", "VBZ", "VBG", "VBP"}

// guess applies the rules to the lower-cased form lf: from the longest known ending down, first those of
// the tag, then those of its group ("provoked"/VBN is told by "invoked", "smoked" of any verb tag). The
// first result that is a known lemma wins ("bombed" is "bomb", not "bom" as "robbed" → "rob" would have
// it); failing that, the longest ending's.
func (m *Model) guess(lf, xpos string) string {
	if (xpos == "VB" || xpos == "VBP") && !strings.HasSuffix(lf, "ed") && !strings.HasSuffix(lf, "ing") {
		// a base form is its own lemma; the few that are not ("are", "'re") are known words, and endings
		// learned from other verbs only cut it wrong ("lend" is not "le"). A form with an inflection's ending
		// was mistagged ("clogged" as VB) and goes through the rules.
		return lf
	}
	fallback, found := lf, false
	g := group(xpos)
	for n := min(maxSuffix, len(lf)); n >= 0; n-- {
		if n > 0 && !utf8.RuneStart(lf[len(lf)-n]) {
			continue // an ending starts on a whole character
		}
		for _, k := range [2]key{{lf[len(lf)-n:], xpos}, {lf[len(lf)-n:], g}} {
			e, ok := m.rules[k]
			if !ok || e.strip >= len(lf) || e.strip > 0 && !utf8.RuneStart(lf[len(lf)-e.strip]) {
				// (a rule learned on byte edits must not cut a character in two: "Alausí")
				continue
			}
			cand := lf[:len(lf)-e.strip] + e.add
			if !utf8.ValidString(cand) {
				continue
			}
			if m.lemmas[cand] {
				return cand
			}
			if !found {
				fallback, found = cand, true
			}
		}
	}
	return fallback
}

// group names a tag's group in the rule table: the Penn tags of one part of speech share their first
// two letters (VBD, VBN; NNS, NNPS).
func group(xpos string) string {
	if len(xpos) > 2 {
		xpos = xpos[:2]
	}
	return "~" + xpos
}

// applyCase gives the lower-cased lemma ll the casing c relative to form.
func applyCase(form, ll string, c uint8) string {
	switch c {
	case caseKeep:
		// The form's letters where the lemma still spells them, then the rest as the edit made it.
		p := 0
		for p < len(form) && p < len(ll) && lowerByte(form[p]) == ll[p] {
			p++
		}
		if p == len(ll) {
			return form[:p]
		}
		return form[:p] + ll[p:]
	case caseTitle:
		r, n := utf8.DecodeRuneInString(ll)
		if r == utf8.RuneError || unicode.IsUpper(r) {
			return ll
		}
		return string(unicode.ToUpper(r)) + ll[n:]
	}
	return ll
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// shapeKey is the casing table's key for form's shape.
func shapeKey(form string) string { return string(rune('0' + shapeOf(form))) }
