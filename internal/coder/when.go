package coder

import (
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/timex"
)

// timeExpr is a temporal expression of a sentence located on its tokens.
type timeExpr struct {
	x    timex.Expr
	head int // token at the top of the expression's subtree
}

// sentenceTimes finds the sentence's temporal expressions (once per sentence) and their head tokens.
func (w *worker) sentenceTimes(s *sentence, pub time.Time) []timeExpr {
	if s.timesDone {
		return s.times
	}
	s.timesDone = true
	s.times, s.offsets = s.times[:0], s.offsets[:0]
	for _, x := range w.c.timex.Find(s.text, pub) {
		if x.Kind == timex.KindOffset {
			s.offsets = append(s.offsets, x)
			continue
		}
		if x.Kind == timex.KindDuration {
			continue // "for three weeks" says how long, not when
		}
		x = partOfMonth(x)
		lo, hi := -1, -1
		for i := range s.words {
			ws, we := s.words[i].Start-s.start, s.words[i].End-s.start
			if we > x.Start && ws < x.End {
				if lo < 0 {
					lo = i
				}
				hi = i
			}
		}
		if lo < 0 {
			continue
		}
		// the head is the token of the span whose own head lies outside it
		head := hi
		for i := lo; i <= hi; i++ {
			if h := s.head[i]; h < lo || h > hi {
				head = i
				if s.isNominal(i) || s.words[i].UPOS == "ADV" {
					break
				}
			}
		}
		s.times = append(s.times, timeExpr{x: x, head: head})
	}
	return s.times
}

// partOfMonth gives "early this month", "mid-March" and "late last month" as their month: timex
// reads them as ten-day ranges, finer than the text is sure of, and an analyst counts them by month.
func partOfMonth(x timex.Expr) timex.Expr {
	if x.Precision != timex.Range || x.Begin.IsZero() || x.EndDate.IsZero() ||
		x.Begin.Year() != x.EndDate.Year() || x.Begin.Month() != x.EndDate.Month() {
		return x
	}
	t := strings.ToLower(x.Text)
	if !strings.Contains(t, "early") && !strings.Contains(t, "mid") && !strings.Contains(t, "late") {
		return x
	}
	x.Value, x.Precision = x.Begin.Format("2006-01"), timex.Month
	return x
}

// governor returns the predicate an expression's head attaches to: the first verb (or event noun) above it.
func governor(s *sentence, t int) int {
	for j, d := s.head[t], 0; j >= 0 && d < 10; j, d = s.head[j], d+1 {
		if s.isVerb(j) {
			return j
		}
	}
	return -1
}

// eventTime chooses the expression that governs predicate p: one attached to p itself (rank 4), then one
// attached to a clause p belongs to (a conjoined or controlling verb, 3 and 2), then the sentence's only
// expression (1); rank 0 means the event takes the story's date.
func (w *worker) eventTime(s *sentence, p int, pub time.Time) (timex.Expr, int) {
	if w.c.opt.NoDates {
		return timex.Expr{}, 0
	}
	times := w.sentenceTimes(s, pub)
	if len(times) == 0 {
		return timex.Expr{}, 0
	}
	best, rank := -1, 0
	for i, t := range times {
		g := governor(s, t.head)
		r := 0
		switch {
		case t.head == p || s.head[t.head] == p || g == p:
			r = 4
		case !s.isVerb(p) && (nounPhraseOf(s, t.head, p) || followsPhrase(s, t.head, p)):
			// "the massacre of 218 villagers in Distomo by German troops in 1944": the time right after a
			// nominal event's phrase is its own, wherever the parse hung it
			r = 4
		case g >= 0 && (s.head[p] == g && (s.rel[p] == "conj" || s.rel[p] == "xcomp") || s.head[g] == p && (s.rel[g] == "conj" || s.rel[g] == "xcomp")):
			r = 3
		case g >= 0 && s.head[g] >= 0 && s.head[g] == s.head[p] && s.rel[g] == "conj" && s.rel[p] == "conj":
			r = 2
		case len(times) == 1 && !(g >= 0 && g != p && s.rel[g] == "acl" && s.words[g].XPOS == "VBN" && !namingVerbs[s.lkey[g]] && s.head[g] == s.child(p, "obj")):
			// the sentence's only time: "…, a spokesman said on Wednesday" dates what the spokesman reports, but
			// not when it sits in a participle on p's object ("freed a journalist detained last week")
			r = 1
		}
		if r > rank {
			best, rank = i, r
		}
	}
	if rank < 4 {
		// "imposed a curfew on Friday, a day after gunmen attacked two police stations": the attack is dated
		// from the curfew's day, whatever clause the parse made of it
		if x, ok := w.offsetTime(s, p, pub); ok {
			return x, 2
		}
	}
	if best < 0 {
		return timex.Expr{}, 0
	}
	return times[best].x, rank
}

var keyAfter, keyBefore = lexicon.KeyOf("after"), lexicon.KeyOf("before")

// offsetTime dates predicate p from an offset that introduces its clause: in "A on Friday, a day after B"
// and "A on Monday, a week before B", B is one day before Friday and one week after Monday. p must be the
// first verb after the offset's "after" or "before", and the offset must follow a dated expression of day
// precision, A's time; otherwise it reports false.
func (w *worker) offsetTime(s *sentence, p int, pub time.Time) (timex.Expr, bool) {
	k := -1 // the offset's "after" or "before"
	for i := p - 1; i >= 0; i-- {
		if s.lkey[i] == keyAfter || s.lkey[i] == keyBefore {
			k = i
			break
		}
		if s.words[i].UPOS == "VERB" {
			return timex.Expr{}, false
		}
	}
	if k < 1 {
		return timex.Expr{}, false
	}
	// the offset ends at that word; the anchor is the nearest date of day precision before it
	kEnd := s.words[k].End - s.start
	var off, anchor timex.Expr
	found := false
	for _, x := range s.offsets {
		if x.End == kEnd {
			off, found = x, true
		}
	}
	if !found {
		return timex.Expr{}, false
	}
	for _, t := range w.sentenceTimes(s, pub) {
		if x := t.x; x.Kind == timex.KindDate && x.Precision == timex.Day && x.End <= off.Start {
			anchor = x
		}
	}
	if anchor.Begin.IsZero() {
		return timex.Expr{}, false
	}
	n, unit, ok := offsetDays(off.Value)
	if !ok {
		return timex.Expr{}, false
	}
	// the offset says how much later A is than B ("a day after": A = B + 1 day), so B = A - offset
	d := anchor.Begin.AddDate(0, 0, -n*unit)
	return timex.Expr{Text: anchor.Text + ", " + off.Text, Value: d.Format("2006-01-02"), Precision: timex.Day,
		Begin: d, EndDate: d, Relative: true, Kind: timex.KindDate, Start: anchor.Start, End: off.End}, true
}

// offsetDays reads an offset value in days or weeks ("P1D", "-P2W") as a signed count and its unit in days.
func offsetDays(v string) (n, unit int, ok bool) {
	sign := 1
	if len(v) > 0 && v[0] == '-' {
		sign, v = -1, v[1:]
	}
	if len(v) < 3 || v[0] != 'P' {
		return 0, 0, false
	}
	switch v[len(v)-1] {
	case 'D':
		unit = 1
	case 'W':
		unit = 7
	default:
		return 0, 0, false
	}
	num, err := strconv.Atoi(v[1 : len(v)-1])
	if err != nil || num <= 0 || num > 60 {
		return 0, 0, false
	}
	return sign * num, unit, true
}

// participles that name rather than tell an act ("a trafficker known as Otoniel"); a time the parse hangs on
// one belongs to the main verb
var namingVerbs = keySet("know", "call", "name", "dub", "nickname", "describe", "identify", "list", "label")

// isPredicate reports whether token g heads a clause of its own that could own a time expression (a verb
// other than a bare auxiliary).
func (w *worker) isPredicate(s *sentence, g int) bool {
	return s.words[g].UPOS == "VERB"
}

// nounPhraseOf reports whether token t lies in the phrase of noun n, below it without a verb between.
func nounPhraseOf(s *sentence, t, n int) bool {
	for i := 0; i < 8 && t >= 0; i++ {
		h := s.head[t]
		if h == n {
			return true
		}
		if h < 0 || s.isVerb(h) {
			return false
		}
		t = h
	}
	return false
}

// followsPhrase reports whether time head t comes right after the phrase of noun n, with only its own
// preposition or determiner between ("… by an army unit in 1982").
func followsPhrase(s *sentence, t, n int) bool {
	if t <= n {
		return false
	}
	end := n
	for i := n + 1; i < t; i++ {
		if nounPhraseOf(s, i, n) {
			end = i
		}
	}
	for i := end + 1; i < t; i++ {
		if s.head[i] != t || (s.rel[i] != "case" && s.rel[i] != "det") {
			return false
		}
	}
	return end < t
}
