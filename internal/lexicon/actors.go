package lexicon

import (
	"fmt"
	"strings"
	"time"
)

// Dated is an actor code that holds between two dates (zero = open).
type Dated struct {
	Code     string
	From, To time.Time
}

// Actor is one named actor.
type Actor struct {
	Name  string  // canonical name: the first name on its line
	Code  string  // default code when no dated code holds ("" = none)
	Dated []Dated // dated codes, in file order
	Kind  string  // country, capital, igo, group, person, org
	Where string  // file:line
}

// CodeOn returns the actor's code on date t (a zero t takes the default, then the latest dated code).
func (a *Actor) CodeOn(t time.Time) string {
	if !t.IsZero() {
		for _, d := range a.Dated {
			if (d.From.IsZero() || !t.Before(d.From)) && (d.To.IsZero() || !t.After(d.To)) {
				return d.Code
			}
		}
	}
	if a.Code != "" {
		return a.Code
	}
	if t.IsZero() && len(a.Dated) > 0 {
		return a.Dated[len(a.Dated)-1].Code
	}
	return ""
}

// Phrase is a multi-word name in a phrase dictionary.
type phrase[T any] struct {
	keys  []Key
	upper bool // match only words written in capitals
	val   T
}

// PhraseDict finds the longest dictionary phrase starting at a word, by word keys.
type PhraseDict[T any] struct {
	first map[Key][]phrase[T] // by first word, longest first
	n     int
}

func newPhraseDict[T any]() *PhraseDict[T] { return &PhraseDict[T]{first: make(map[Key][]phrase[T])} }

// Len is the number of phrases.
func (d *PhraseDict[T]) Len() int { return d.n }

func (d *PhraseDict[T]) add(words []string, val T) {
	if len(words) == 0 {
		return
	}
	p := phrase[T]{val: val}
	joined := strings.Join(words, "")
	p.upper = len(words) == 1 && isUpperWord(joined) && len([]rune(strings.ReplaceAll(joined, ".", ""))) <= 4
	for _, w := range words {
		p.keys = append(p.keys, KeyOf(w))
	}
	list := d.first[p.keys[0]]
	// keep longest first; among equals, a later addition (user lexicon) comes first
	i := 0
	for i < len(list) && len(list[i].keys) > len(p.keys) {
		i++
	}
	list = append(list, phrase[T]{})
	copy(list[i+1:], list[i:])
	list[i] = p
	d.first[p.keys[0]] = list
	d.n++
}

// Match returns the longest phrase that starts at word i of keys (upper[i] tells whether the text word was
// written in capitals), and its length in words; n = 0 when none matches.
func (d *PhraseDict[T]) Match(keys []Key, upper []bool, i int) (val T, n int) {
	for _, p := range d.first[keys[i]] {
		if len(p.keys) > len(keys)-i {
			continue
		}
		if p.upper && !upper[i] {
			continue
		}
		ok := true
		for j := 1; j < len(p.keys); j++ {
			if keys[i+j] != p.keys[j] {
				ok = false
				break
			}
		}
		if ok {
			return p.val, len(p.keys)
		}
	}
	return val, 0
}

// parseDate reads YYYY-MM-DD, YYYY-MM or YYYY; end reports whether it bounds a range from above (then a
// month or year covers its last day).
func parseDate(s string, end bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if end {
			switch layout {
			case "2006-01":
				t = t.AddDate(0, 1, -1)
			case "2006":
				t = t.AddDate(1, 0, -1)
			}
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("bad date %q (want YYYY-MM-DD, YYYY-MM or YYYY)", s)
}

// Agent is a role or agent noun.
type Agent struct {
	Codes []string // three-letter agent codes, in order
	Title bool     // precedes a name ("President Biden")
	// Prefix: the agent code goes before the actor's country (PETRARCH "NGO~"); rare.
	Prefix bool
	Word   string
	Where  string
}
