package parser

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"fmt"
	"io"
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
	// the forms and their classes' indices, as built, for writing
	forms     []string
	formClass []uint32
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
	lx.forms, lx.formClass = forms, make([]uint32, len(forms))
	for i, f := range forms {
		c, ok := idx[classOf[i]]
		if !ok {
			c = uint32(len(lx.names))
			idx[classOf[i]] = c
			lx.names = append(lx.names, classOf[i])
			lx.atoms = append(lx.atoms, perceptron.String(classOf[i]))
		}
		lx.formClass[i] = c
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

// known reports whether the lexicon has the word whose lowercased hash is lw.
func (lx *lexicon) known(lw uint64) bool {
	if lx == nil || len(lx.keys) == 0 {
		return false
	}
	k := lexKey(lw)
	for s := k & lx.mask; ; s = (s + 1) & lx.mask {
		switch lx.keys[s] {
		case k:
			return true
		case 0:
			return false
		}
	}
}

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

// appendTo appends the lexicon to b: its classes' names, then each form with its class's index.
func (lx *lexicon) appendTo(b []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(lx.names)))
	for _, s := range lx.names {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(len(lx.forms)))
	for i, f := range lx.forms {
		b = binary.AppendUvarint(b, uint64(len(f)))
		b = append(b, f...)
		b = binary.AppendUvarint(b, uint64(lx.formClass[i]))
	}
	return b
}

// Bounds on what readLexicon accepts.
const (
	maxLexForms = 1 << 22
	maxLexForm  = 1 << 10
)

// readLexicon reads what appendTo wrote.
func readLexicon(r *bufio.Reader) (*lexicon, error) {
	readString := func() (string, error) {
		k, err := binary.ReadUvarint(r)
		if err != nil {
			return "", err
		}
		if k > maxLexForm {
			return "", fmt.Errorf("entry of %d bytes", k)
		}
		b := make([]byte, k)
		if _, err := io.ReadFull(r, b); err != nil {
			return "", err
		}
		return string(b), nil
	}
	nc, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	if nc > maxLexForms {
		return nil, fmt.Errorf("%d classes", nc)
	}
	names := make([]string, 0, min(nc, 1<<12))
	for range nc {
		s, err := readString()
		if err != nil {
			return nil, err
		}
		names = append(names, s)
	}
	nf, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	if nf > maxLexForms {
		return nil, fmt.Errorf("%d forms", nf)
	}
	forms := make([]string, 0, min(nf, 1<<16))
	classOf := make([]string, 0, min(nf, 1<<16))
	for range nf {
		f, err := readString()
		if err != nil {
			return nil, err
		}
		c, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		if c >= uint64(len(names)) {
			return nil, fmt.Errorf("form %q in class %d of %d", f, c, len(names))
		}
		forms = append(forms, f)
		classOf = append(classOf, names[c])
	}
	return newLexicon(forms, classOf), nil
}
