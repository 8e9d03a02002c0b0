package lexicon

import (
	"fmt"
	"strings"
)

// ElemKind tells what a pattern element matches.
type ElemKind uint8

const (
	Word     ElemKind = iota // one of Alts
	Target                   // "+": the target phrase starts here
	Source                   // "$": the source phrase starts here
	Compound                 // "%": a compound actor that is both source and target (PETRARCH)
	Skip                     // "^": an actor phrase that is passed over (PETRARCH)
)

// Elem is one element of a pattern.
type Elem struct {
	Kind     ElemKind
	Alts     []Key    // alternatives, for Word
	Words    []string // the same alternatives as written, for explanations
	Adjacent bool     // must immediately follow the previous element
	// Phrases, when set, lists every alternative as a sequence of adjacent words (PETRARCH synsets have
	// multi-word members); Alts then also holds the last word of each, for matchers that take one word.
	Phrases [][]Key
}

// Pattern maps a predicate and words around it to a CAMEO code.
type Pattern struct {
	Code   string // CAMEO code, or "---" for a non-event
	Head   Key    // the predicate's lemma
	Word   string // the head as written
	Noun   bool   // the head is a noun (nominal event)
	Before []Elem // elements before the head, in text order
	After  []Elem // elements after the head, in text order
	Where  string // file:line
	Text   string // the pattern as written
	Words  int    // number of word elements besides the head: the specificity used to rank matches
	// Reverse is the code of a second event with source and target swapped, or "" for none: PETRARCH's
	// "[032:033]" codes a visit and, reversed, the receipt of the visit.
	Reverse string
	// HeadAdjacent: the last Before element must immediately precede the head (PETRARCH "in_*").
	HeadAdjacent bool
	order        int
	// need holds, for each word element, the KeyBit of each of its alternatives, ORed: a window whose
	// words' bits miss one of them cannot match (set by AddPattern)
	need []uint64
}

// KeyBit is k's bit in a 64-bit summary of a set of words (see Pattern.MayMatch).
func KeyBit(k Key) uint64 { return 1 << (uint64(k) >> 58) }

// MayMatch reports whether the pattern may match words whose KeyBits, ORed, are have: false means it
// cannot, as one of its word elements has no alternative among them. Matchers try many patterns of a
// frequent verb, most of which need a word the clause lacks; this rules them out in a few instructions.
func (p *Pattern) MayMatch(have uint64) bool {
	for _, n := range p.need {
		if n&have == 0 {
			return false
		}
	}
	return true
}

// setNeed fills need from the elements.
func (p *Pattern) setNeed() {
	p.need = p.need[:0]
	for _, es := range [2][]Elem{p.Before, p.After} {
		for _, e := range es {
			if e.Kind != Word || len(e.Alts) == 0 {
				continue
			}
			var n uint64
			for _, k := range e.Alts {
				n |= KeyBit(k)
			}
			p.need = append(p.need, n)
		}
	}
}

// HasTarget reports whether the pattern names where the target is.
func (p *Pattern) HasTarget() bool { return hasKind(p.Before, Target) || hasKind(p.After, Target) }

// HasSource reports whether the pattern names where the source is.
func (p *Pattern) HasSource() bool { return hasKind(p.Before, Source) || hasKind(p.After, Source) }

var negWords = [...]Key{KeyOf("not"), KeyOf("n't"), KeyOf("never"), KeyOf("no")}

// Negative reports whether the pattern itself holds a negation ("not *comment"): the negation is then part
// of the act the pattern describes, not a denial of it.
func (p *Pattern) Negative() bool {
	for _, es := range [2][]Elem{p.Before, p.After} {
		for _, e := range es {
			for _, k := range e.Alts {
				for _, n := range negWords {
					if k == n {
						return true
					}
				}
			}
		}
	}
	return false
}

func hasKind(es []Elem, k ElemKind) bool {
	for _, e := range es {
		if e.Kind == k {
			return true
		}
	}
	return false
}

// IsNull reports whether the pattern marks a non-event.
func (p *Pattern) IsNull() bool { return p.Code == "---" }

// parsePattern reads the element list of one pattern line. synsets resolves &NAME.
func parsePattern(code, text string, noun bool, synsets map[string][]string) (*Pattern, error) {
	fields := strings.Fields(text)
	if len(fields) == 0 {
		return nil, fmt.Errorf("empty pattern")
	}
	head := -1
	for i, f := range fields {
		if strings.HasPrefix(f, "*") && len(f) > 1 {
			if head >= 0 {
				return nil, fmt.Errorf("two heads (*) in %q", text)
			}
			head = i
			fields[i] = f[1:]
		}
	}
	if head < 0 {
		head = 0
	}
	hw := fields[head]
	if strings.ContainsAny(hw, "+$%&|!") {
		return nil, fmt.Errorf("head %q must be a plain word", hw)
	}
	p := &Pattern{Code: code, Noun: noun, Text: text}
	// a multi-word head ("carry_out") keeps its first word as head and the rest as adjacent elements
	hparts := strings.Split(hw, "_")
	p.Head = KeyOf(hparts[0])
	p.Word = hparts[0]
	var after []string
	for _, w := range hparts[1:] {
		after = append(after, "!"+w)
	}
	after = append(after, fields[head+1:]...)
	var err error
	if p.Before, err = parseElems(fields[:head], synsets); err != nil {
		return nil, err
	}
	if p.After, err = parseElems(after, synsets); err != nil {
		return nil, err
	}
	for _, e := range append(p.Before[:len(p.Before):len(p.Before)], p.After...) {
		if e.Kind == Word {
			p.Words++
		}
	}
	return p, nil
}

func parseElems(fields []string, synsets map[string][]string) ([]Elem, error) {
	var out []Elem
	adjacentNext := false
	for _, f := range fields {
		switch f {
		case "+":
			out = append(out, Elem{Kind: Target, Adjacent: adjacentNext})
			adjacentNext = false
			continue
		case "$":
			out = append(out, Elem{Kind: Source, Adjacent: adjacentNext})
			adjacentNext = false
			continue
		case "%":
			out = append(out, Elem{Kind: Compound, Adjacent: adjacentNext})
			adjacentNext = false
			continue
		case "!":
			adjacentNext = true
			continue
		}
		if strings.HasPrefix(f, "!") {
			adjacentNext = true
			f = f[1:]
		}
		parts := strings.Split(f, "_")
		for j, part := range parts {
			if part == "" {
				continue
			}
			e := Elem{Kind: Word, Adjacent: adjacentNext || j > 0}
			adjacentNext = false
			var alts []string
			for _, a := range strings.Split(part, "|") {
				if a == "" {
					return nil, fmt.Errorf("empty alternative in %q", f)
				}
				if strings.HasPrefix(a, "&") {
					set, ok := synsets[strings.ToUpper(a[1:])]
					if !ok {
						return nil, fmt.Errorf("undefined synset %s", a)
					}
					alts = append(alts, set...)
					continue
				}
				if strings.ContainsAny(a, "+$%*") {
					return nil, fmt.Errorf("bad word %q", a)
				}
				alts = append(alts, a)
			}
			for _, a := range alts {
				// a multi-word synset member is matched by its last word, the head of its phrase
				if i := strings.LastIndexAny(a, " _"); i >= 0 && i < len(a)-1 {
					a = a[i+1:]
				}
				e.Alts = append(e.Alts, KeyOf(a))
				e.Words = append(e.Words, strings.ToLower(a))
			}
			out = append(out, e)
		}
	}
	if adjacentNext {
		return nil, fmt.Errorf("'!' at the end of a pattern")
	}
	return out, nil
}
