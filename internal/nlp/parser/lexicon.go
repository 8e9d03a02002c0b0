package parser

import (
	"cmp"
	"slices"
	"strings"

	"github.com/dyad-events/dyad/internal/nlp/perceptron"
)

// lexicon maps a lowercased word form to its ambiguity class: the set of XPOS tags it was trained with
// often enough. The class does not depend on the tagger's decision in context, so it still says what a
// word can be when the predicted tag is wrong. Words seen too rarely share the unknown class, in
// training as at parse time, so that the parser learns what to do without one.
type lexicon struct {
	// open addressing: keys[i] is a form's hash (0 = empty), cls[i] the index of its class in names
	keys  []uint64
	cls   []uint32
	mask  uint64
	names []string // each class as its tags joined by "+", sorted
	atoms []uint64 // hash of each name
}

// Defaults of the lexicon's thresholds: a tag belongs to a word's class if it has lexShare of the word's
// uses, and a word needs lexMinCount uses to have a class.
const (
	lexMinCount = 3
	lexShare    = 0.05
)

// unknownClass is the atom of words the lexicon does not know; distinct from every class's hash.
var unknownClass = perceptron.String("\x00unknown")

// buildLexicon collects the classes of the forms in the tagged sentences.
func buildLexicon(exs []example, minCount int, share float64) *lexicon {
	type counts struct {
		n    int
		tags map[string]int
	}
	byForm := map[string]*counts{}
	for _, ex := range exs {
		for i, f := range ex.forms {
			lf := strings.ToLower(f)
			c := byForm[lf]
			if c == nil {
				c = &counts{tags: map[string]int{}}
				byForm[lf] = c
			}
			c.n++
			c.tags[ex.xpos[i]]++
		}
	}
	forms := make([]string, 0, len(byForm))
	for f, c := range byForm {
		if c.n >= minCount {
			forms = append(forms, f)
		}
	}
	slices.Sort(forms)
	classOf := make([]string, len(forms))
	for i, f := range forms {
		c := byForm[f]
		var tags []string
		for t, k := range c.tags {
			if float64(k) >= share*float64(c.n) {
				tags = append(tags, t)
			}
		}
		slices.SortFunc(tags, cmp.Compare)
		classOf[i] = strings.Join(tags, "+")
	}
	return newLexicon(forms, classOf)
}

// newLexicon builds the table from forms and their classes' names.
func newLexicon(forms, classOf []string) *lexicon {
	lx := &lexicon{}
	idx := map[string]uint32{}
	size := 16
	for size < 2*len(forms) {
		size <<= 1
	}
	lx.keys, lx.cls, lx.mask = make([]uint64, size), make([]uint32, size), uint64(size-1)
	for i, f := range forms {
		c, ok := idx[classOf[i]]
		if !ok {
			c = uint32(len(lx.names))
			idx[classOf[i]] = c
			lx.names = append(lx.names, classOf[i])
			lx.atoms = append(lx.atoms, perceptron.String(classOf[i]))
		}
		k := lexKey(perceptron.Lower(f))
		s := k & lx.mask
		for lx.keys[s] != 0 && lx.keys[s] != k {
			s = (s + 1) & lx.mask
		}
		lx.keys[s], lx.cls[s] = k, c
	}
	return lx
}

func lexKey(h uint64) uint64 { return max(h, 1) }

// class returns the ambiguity-class atom of a word whose lowercased hash is lw.
func (lx *lexicon) class(lw uint64) uint64 {
	if lx == nil || len(lx.keys) == 0 {
		return unknownClass
	}
	k := lexKey(lw)
	for s := k & lx.mask; ; s = (s + 1) & lx.mask {
		switch lx.keys[s] {
		case k:
			return lx.atoms[lx.cls[s]]
		case 0:
			return unknownClass
		}
	}
}
