package timex

import "time"

// shape says what an atom was written as, so a range can lend a year from one end to the other.
type shape uint8

const (
	shOther     shape = iota
	shDay             // explicit year, month and day
	shMonthDay        // month and day, year inferred
	shMonth           // month, year inferred
	shMonthYear       // month and explicit year
	shYear            // a year
	shDecade          // a decade
	shWeekday         // a weekday
)

// Modes of a weekday, month, season or weekend: how it is placed around pub.
const (
	modeDefault uint8 = iota // past unless the clause signals the future
	modeLast
	modeThis
	modeNext
	modeComing
)

// Sub-periods for early/mid/late.
const (
	partEarly = iota
	partMid
	partLate
)

// atom is a matched expression before its leading preposition decides the kind.
type atom struct {
	last    int       // index of the last token
	b, e    time.Time // interval
	vb, ve  time.Time // the two ends as written in Value (ve only when two)
	gb, ge  gran
	two     bool // Value is an interval "x/y"
	prec    Precision
	rel     bool // depends on pub
	withThe bool // a leading "the" belongs to the expression ("the 1980s", "the end of …")
	future  bool // refers to a time after pub even on pub's day ("tonight")
	bad     bool // a date shape that is impossible or out of range: consume, emit nothing
	kind    string
	shape   shape
	y, m    int // for shapes with a month: the month and its resolved year
	d       int // day of shMonthDay/shDay
	wd      int // weekday of shWeekday
	// durations and offsets
	durUnit, durN int
	durNeg        bool
}

// matcher holds the state of one Find call.
type matcher struct {
	s string
	t []token
	// The publication day as numbers, not a time.Time: a Time's location pointer would make the
	// escape analysis move the token buffer to the heap.
	pubY, pubM, pubD int
	hasPub           bool
	monthFirst       bool
	maxYear          int
	lastEnd          int   // last token of the latest emitted expression
	lastPrep         uint8 // its preposition, lent to "and 2011" in "in 2010 and 2011"
}

func (m *matcher) pubDay() time.Time { return date(m.pubY, m.pubM, m.pubD) }

func dayAtom(t time.Time) atom {
	return atom{b: t, e: t, vb: t, gb: gDay, prec: Day}
}

func weekAtom(mon time.Time) atom {
	return atom{b: mon, e: mon.AddDate(0, 0, 6), vb: mon, gb: gWeek, prec: Week}
}

func monthAtom(y, m int) atom {
	b := date(y, m, 1)
	return atom{b: b, e: monthEnd(y, m), vb: b, gb: gMonth, prec: Month, y: y, m: m}
}

func yearAtom(y int) atom {
	b := date(y, 1, 1)
	return atom{b: b, e: yearEnd(y), vb: b, gb: gYear, prec: Year, y: y, shape: shYear}
}

func decadeAtom(y0 int) atom {
	return atom{b: date(y0, 1, 1), e: yearEnd(y0 + 9), vb: date(y0, 1, 1), ve: yearEnd(y0 + 9),
		gb: gYear, ge: gYear, two: true, prec: Decade, y: y0, shape: shDecade}
}

func rangeAtom(b, e time.Time, gb, ge gran) atom {
	return atom{b: b, e: e, vb: b, ve: e, gb: gb, ge: ge, two: true, prec: Range}
}

func badAtom(last int) atom { return atom{last: last, bad: true} }

// token access, all bounds-checked so that patterns may look past either end.

func (m *matcher) cls(i int) uint8 {
	if i < 0 || i >= len(m.t) || m.t[i].kind != tkWord {
		return cNone
	}
	return m.t[i].cls
}

func (m *matcher) isPunct(i int, ch byte) bool {
	return i >= 0 && i < len(m.t) && m.t[i].kind == tkPunct && m.t[i].ch == ch
}

// num returns a plain number token's value and digit count.
func (m *matcher) num(i int) (val, nd int, ok bool) {
	if i < 0 || i >= len(m.t) || m.t[i].kind != tkNum || m.t[i].glued {
		return 0, 0, false
	}
	return m.t[i].val, int(m.t[i].nd), true
}

// year4 reports a plain four-digit number (no suffix) at i.
func (m *matcher) year4(i int) (int, bool) {
	v, nd, ok := m.num(i)
	if !ok || nd != 4 || m.t[i].flags != 0 {
		return 0, false
	}
	return v, true
}

// adj reports whether tokens i and j touch.
func (m *matcher) adj(i, j int) bool {
	return i >= 0 && j < len(m.t) && i < j && m.t[i].end == m.t[j].start
}

func (m *matcher) yearOK(y int) bool { return y >= minYear && y <= m.maxYear }

func isPrep(c uint8) bool {
	return c >= cIn && c <= cWithin
}

// yearContext reports whether a bare number stands where a year can: right after a temporal preposition.
func yearContext(prep uint8) bool {
	switch prep {
	case cIn, cSince, cBy, cUntil, cThroughout, cDuring, cBefore, cAfter, cFrom, cBetween, cTo, cOf:
		return true
	}
	return false
}

// ofYear reports whether "of" at p introduces a year ("the treaty of 1998", "the summer of 2010") rather
// than a quantity ("a total of 2010").
func (m *matcher) ofYear(p int) bool {
	if _, ok := m.year4(p + 1); !ok {
		return false
	}
	return p == 0 || (m.cls(p-1) != cQuantity && m.t[p-1].kind != tkNum && m.cls(p-1) != cNumWord)
}

// monthContext reports whether an ambiguous month name at p is used as a month.
func monthContext(prep uint8) bool {
	switch prep {
	case cIn, cSince, cBy, cUntil, cThroughout, cDuring, cBefore, cAfter, cFrom, cBetween, cTo, cOver:
		return true
	}
	return false
}

// futureSignal looks back from p for a word that puts the clause in the future.
func (m *matcher) futureSignal(p int) bool {
	for k := p - 1; k >= 0 && k >= p-12; k-- {
		t := &m.t[k]
		if t.kind == tkPunct {
			if t.ch == ';' || t.ch == '?' || t.ch == '!' || t.ch == pEm {
				return false
			}
			continue
		}
		switch t.cls {
		case cReport:
			return false
		case cFuture:
			if t.flags&fCap == 0 { // "Will" is more often a name than a question
				return true
			}
		case cGoing:
			if m.cls(k+1) == cTo {
				return true
			}
		}
	}
	return false
}

// run scans the tokens left to right and returns each expression found, without Text. The results hold
// nothing of the matcher, so the tokens can stay on the caller's stack.
func (m *matcher) run() []Expr {
	var out []Expr
	for i := 0; i < len(m.t); {
		p, prep, the := i, cNone, false
		ofYear := false
		if isPrep(m.cls(p)) {
			prep = m.cls(p)
			p++
		} else if m.cls(p) == cOf && m.ofYear(p) {
			prep, ofYear = cOf, true
			p++
		}
		if m.cls(p) == cThe {
			the = true
			p++
		}
		// "in 2010 and 2011", "in March or April": the second takes the first one's preposition.
		if prep == cNone && !the && m.lastEnd == i-2 && (m.cls(i-1) == cAnd || m.cls(i-1) == cOr || m.isPunct(i-1, ',')) {
			prep = m.lastPrep
		}
		if !m.canStart(p, prep, the) {
			i++
			continue
		}
		a, ok := m.core(p, prep, the)
		if !ok {
			i++
			continue
		}
		if !a.bad && (prep == cFrom || prep == cBetween) {
			a = m.extendRange(a, prep)
		}
		start := i
		if ofYear {
			start, prep = p, cNone // "the treaty of 1998": the year, not the "of"
		}
		if the && !a.withThe {
			// "in the Dec. 15 letter": the preposition governs the noun, not the date
			start, prep = p, cNone
		}
		if !a.bad {
			if x, ok := m.emit(a, start, prep); ok {
				if out == nil {
					out = make([]Expr, 0, 2)
				}
				out = append(out, x)
			}
		}
		i = max(a.last+1, i+1)
	}
	return out
}

// canStart is a cheap test that token p may begin an expression, so that core, which builds and copies
// atoms, runs only where it may succeed.
func (m *matcher) canStart(p int, prep uint8, the bool) bool {
	if p >= len(m.t) {
		return false
	}
	t := &m.t[p]
	switch t.kind {
	case tkNum:
		if t.glued {
			return false
		}
		// Most numbers in news count something else: go on only when the next token can continue a
		// date or a count of time, or the number is a year in context or a decade.
		if t.flags&fDecS != 0 || (t.nd == 4 && !the && yearContext(prep)) || p+1 >= len(m.t) {
			return true
		}
		switch n := &m.t[p+1]; n.kind {
		case tkPunct:
			return n.ch == '/' || n.ch == '.' || n.ch == pDash || n.ch == pApos
		case tkWord:
			return n.cls == cMonth || n.cls == cOf || n.cls == cUnit || m.dayRangeWord(p+1, prep)
		}
		return false
	case tkPunct:
		return t.ch == pApos
	}
	switch t.cls {
	case cMonth, cWeekday, cRelDay, cLast, cThis, cNext, cPast, cComing, cPrevious, cFollowing, cEarlier,
		cLater, cEarly, cMid, cLate, cEnd, cBegin, cSeason, cWeekend:
		return true
	case cNumWord:
		// "a" and "one" are common; only a unit or "-five" can follow in a count of time
		return m.cls(p+1) == cUnit || m.isPunct(p+1, pDash)
	}
	return false
}

// core matches one expression starting at token p.
func (m *matcher) core(p int, prep uint8, the bool) (atom, bool) {
	if p >= len(m.t) {
		return atom{}, false
	}
	t := &m.t[p]
	if the && (t.kind == tkNum || t.cls == cMonth || t.cls == cNumWord) {
		// "in the 2010 round", "in the March for Life", "in the three years since": a bare year,
		// month or count must follow its preposition directly
		prep = cThe
	}
	var a atom
	var ok bool
	switch {
	case t.kind == tkNum:
		a, ok = m.numeric(p, prep)
	case t.kind == tkPunct:
		if t.ch == pApos {
			a, ok = m.shortYear(p, prep)
		}
	default:
		switch t.cls {
		case cMonth:
			a, ok = m.month(p, prep, modeDefault)
		case cWeekday:
			a, ok = m.weekday(p, modeDefault)
		case cRelDay:
			a, ok = m.relDay(p)
		case cLast, cThis, cNext, cPast, cComing, cPrevious, cFollowing:
			a, ok = m.modified(p, prep, the)
			a.withThe = true
		case cEarlier, cLater:
			a, ok = m.earlierLater(p)
		case cEarly, cMid, cLate:
			a, ok = m.part(p)
			a.withThe = true
		case cEnd, cBegin:
			a, ok = m.endOf(p)
			a.withThe = true
		case cSeason:
			a, ok = m.season(p, prep, modeDefault)
			a.withThe = true
		case cWeekend:
			a, ok = m.weekend(p, prep, the, modeDefault)
			a.withThe = true
		case cNumWord:
			a, ok = m.count(p, prep)
		}
	}
	return a, ok
}

// numeric matches expressions that start with a number.
func (m *matcher) numeric(p int, prep uint8) (atom, bool) {
	v, nd, ok := m.num(p)
	if !ok {
		return atom{}, false
	}
	t := &m.t[p]
	if nd == 4 {
		if a, ok := m.isoOrYearRange(p, v); ok {
			return a, true
		}
		if t.flags&fDecS != 0 || (m.isPunct(p+1, pApos) && m.adj(p, p+1) && m.wordIs(p+2, "s") && m.adj(p+1, p+2)) {
			if v%10 != 0 {
				return atom{}, false
			}
			last := p
			if t.flags&fDecS == 0 {
				last = p + 2
			}
			if !m.yearOK(v) {
				return badAtom(last), true
			}
			a := decadeAtom(v)
			a.last, a.withThe = last, true
			return a, true
		}
		if t.flags == 0 && yearContext(prep) {
			if !m.yearOK(v) {
				return badAtom(p), true
			}
			a := yearAtom(v)
			a.last = p
			return a, true
		}
	}
	if nd <= 2 && t.flags&fDecS == 0 {
		if t.flags == 0 {
			if a, ok := m.slashDate(p); ok {
				return a, true
			}
		}
		if a, ok := m.dayMonth(p, v, prep); ok {
			a.withThe = t.flags&fOrd != 0 // "the 3rd of May"
			return a, true
		}
	}
	if t.flags == 0 {
		return m.count(p, prep)
	}
	return atom{}, false
}

func (m *matcher) wordIs(i int, w string) bool {
	if i < 0 || i >= len(m.t) || m.t[i].kind != tkWord {
		return false
	}
	s := m.s[m.t[i].start:m.t[i].end]
	if len(s) != len(w) {
		return false
	}
	for k := 0; k < len(s); k++ {
		if s[k]|0x20 != w[k] {
			return false
		}
	}
	return true
}

// isoOrYearRange matches "2021-08-23", "2021-08", "2010-2012", "2010-12" and "2010 – 2012" at p.
func (m *matcher) isoOrYearRange(p, y int) (atom, bool) {
	if !m.isPunct(p+1, pDash) || m.t[p].flags != 0 {
		return atom{}, false
	}
	tight := m.adj(p, p+1) && m.adj(p+1, p+2)
	v2, nd2, ok := m.num(p + 2)
	if !ok || m.t[p+2].flags&fOrd != 0 {
		return atom{}, false
	}
	if tight && nd2 == 2 && m.t[p+2].flags == 0 {
		if m.isPunct(p+3, pDash) && m.adj(p+2, p+3) && m.adj(p+3, p+4) {
			d, nd3, ok := m.num(p + 4)
			if ok && nd3 == 2 && m.t[p+4].flags == 0 {
				if !m.yearOK(y) || !validDay(y, v2, d) {
					return badAtom(p + 4), true
				}
				a := dayAtom(date(y, v2, d))
				a.last, a.shape, a.y, a.m, a.d = p+4, shDay, y, v2, d
				return a, true
			}
		}
		if v2 > y%100 {
			return m.yearRange(p, y, y-y%100+v2, p+2)
		}
		if v2 >= 1 && v2 <= 12 {
			if !m.yearOK(y) {
				return badAtom(p + 2), true
			}
			a := monthAtom(y, v2)
			a.last, a.shape = p+2, shMonthYear
			return a, true
		}
		return atom{}, false
	}
	if nd2 == 4 && m.t[p+2].flags == 0 {
		return m.yearRange(p, y, v2, p+2)
	}
	return atom{}, false
}

func (m *matcher) yearRange(p, y1, y2, last int) (atom, bool) {
	if y2 <= y1 || y2-y1 > 100 {
		return atom{}, false
	}
	if !m.yearOK(y1) || !m.yearOK(y2) {
		return badAtom(last), true
	}
	a := rangeAtom(date(y1, 1, 1), yearEnd(y2), gYear, gYear)
	a.last = last
	return a, true
}

// slashDate matches "23/08/2021" and "23.08.2021".
func (m *matcher) slashDate(p int) (atom, bool) {
	t1 := m.t[p]
	if p+4 >= len(m.t) {
		return atom{}, false
	}
	sep := m.t[p+1]
	if sep.kind != tkPunct || (sep.ch != '/' && sep.ch != '.') || !m.adj(p, p+1) || !m.adj(p+1, p+2) ||
		!m.isPunct(p+3, sep.ch) || !m.adj(p+2, p+3) || !m.adj(p+3, p+4) {
		return atom{}, false
	}
	b, nd2, ok2 := m.num(p + 2)
	y, nd3, ok3 := m.num(p + 4)
	if !ok2 || !ok3 || nd2 > 2 || m.t[p+2].flags != 0 || m.t[p+4].flags != 0 {
		return atom{}, false
	}
	if nd3 != 4 {
		return badAtom(p + 4), true // two-digit years are too ambiguous to read
	}
	a1 := t1.val
	d, mo := a1, b
	if m.monthFirst {
		d, mo = b, a1
	}
	if mo > 12 && d <= 12 {
		d, mo = mo, d // only the other order is a date
	}
	if !m.yearOK(y) || !validDay(y, mo, d) {
		return badAtom(p + 4), true
	}
	a := dayAtom(date(y, mo, d))
	a.last, a.shape, a.y, a.m, a.d = p+4, shDay, y, mo, d
	return a, true
}

// monthToken checks a month word at k and returns its month and the index of its last token (taking the
// period of an abbreviation).
func (m *matcher) monthToken(k int) (mo, last int, ok bool) {
	if m.cls(k) != cMonth {
		return 0, 0, false
	}
	t := &m.t[k]
	if t.flags&(fAmb|fAbbr) != 0 && t.flags&fCap == 0 {
		return 0, 0, false // "may", "march" in lower case are not months
	}
	last = k
	if t.flags&fAbbr != 0 && m.isPunct(k+1, '.') && m.adj(k, k+1) {
		last = k + 1
	}
	return t.val, last, true
}

// optYear reads an optional ", 2021" or " 2021" after token i.
func (m *matcher) optYear(i int) (y, last int) {
	k := i + 1
	if m.isPunct(k, ',') {
		k++
	}
	if v, ok := m.year4(k); ok {
		return v, k
	}
	return 0, i
}

// dayMonth matches "31 August", "31st of August 2021" and "10-12 August" at p.
func (m *matcher) dayMonth(p, d int, prep uint8) (atom, bool) {
	if d < 1 || d > 31 {
		return atom{}, false
	}
	d2, k := 0, p+1
	if m.isPunct(k, pDash) || m.dayRangeWord(k, prep) {
		v, nd, ok := m.num(k + 1)
		if !ok || nd > 2 || m.t[k+1].flags&fDecS != 0 {
			return atom{}, false
		}
		d2, k = v, k+2
	}
	if m.cls(k) == cOf {
		k++
	}
	mo, last, ok := m.monthToken(k)
	if !ok {
		return atom{}, false
	}
	y, last := m.optYear(last)
	return m.monthDay(y, mo, d, d2, last, p)
}

// dayRangeWord reports the word between two days of a range: "between 1 and 3 March", "from 1 to 3 March".
func (m *matcher) dayRangeWord(k int, prep uint8) bool {
	c := m.cls(k)
	return (prep == cBetween && c == cAnd) || (prep == cFrom && (c == cTo || c == cUntil))
}

// monthDay builds the atom of a day (or day range) in a month, with or without a year.
func (m *matcher) monthDay(y, mo, d, d2, last, p int) (atom, bool) {
	if d2 != 0 && d2 <= d {
		return badAtom(last), true
	}
	sh := shDay
	if y != 0 {
		if !m.yearOK(y) || !validDay(y, mo, d) || (d2 != 0 && !validDay(y, mo, d2)) {
			return badAtom(last), true
		}
	} else {
		if !validDay(2000, mo, d) || (d2 != 0 && !validDay(2000, mo, d2)) || !m.hasPub {
			return badAtom(last), true // impossible in any year, or needs pub
		}
		y = m.yearForDay(mo, d, m.futureSignal(p))
		if y == 0 || (d2 != 0 && !validDay(y, mo, d2)) {
			return badAtom(last), true
		}
		sh = shMonthDay
	}
	var a atom
	if d2 != 0 {
		a = rangeAtom(date(y, mo, d), date(y, mo, d2), gDay, gDay)
	} else {
		a = dayAtom(date(y, mo, d))
	}
	a.last, a.shape, a.y, a.m, a.d = last, sh, y, mo, d
	a.rel = sh == shMonthDay
	return a, true
}

// yearForDay picks the year of a month and day given without one: the nearest to pub, or with a future
// signal the first on or after pub. It returns 0 when no nearby year has that day (29 February).
func (m *matcher) yearForDay(mo, d int, future bool) int {
	py := m.pubDay().Year()
	best, bestDist := 0, time.Duration(1<<62)
	for y := py - 1; y <= py+1; y++ {
		if !validDay(y, mo, d) {
			continue
		}
		t := date(y, mo, d)
		if future {
			if !t.Before(m.pubDay()) {
				return y
			}
			continue
		}
		dist := t.Sub(m.pubDay())
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = y, dist
		}
	}
	return best
}

// yearForMonth places a month without a year.
func (m *matcher) yearForMonth(mo int, mode uint8, future bool) int {
	py, pm := m.pubDay().Year(), int(m.pubDay().Month())
	switch mode {
	case modeLast:
		if mo < pm {
			return py
		}
		return py - 1
	case modeNext, modeComing:
		if mo > pm {
			return py
		}
		return py + 1
	case modeThis:
		return py
	}
	if future {
		if mo >= pm {
			return py
		}
		return py + 1
	}
	if mo <= pm {
		return py
	}
	return py - 1
}

// month matches expressions that start with a month name.
func (m *matcher) month(p int, prep uint8, mode uint8) (atom, bool) {
	mo, endMonth, ok := m.monthToken(p)
	if !ok {
		return atom{}, false
	}
	t := &m.t[p]
	j := endMonth + 1
	// Month day [, year]
	if d, nd, ok := m.num(j); ok && nd <= 2 && m.t[j].flags&fDecS == 0 && d >= 1 && d <= 31 && mode == modeDefault {
		last, d2 := j, 0
		if m.isPunct(j+1, pDash) {
			if v, nd2, ok := m.num(j + 2); ok && nd2 <= 2 && m.t[j+2].flags&fDecS == 0 {
				d2, last = v, j+2
			}
		}
		y, last := m.optYear(last)
		return m.monthDay(y, mo, d, d2, last, p)
	}
	// Month [of|,] year
	k := j
	if m.cls(k) == cOf || m.isPunct(k, ',') {
		k++
	}
	if y, ok := m.year4(k); ok && mode == modeDefault {
		if !m.yearOK(y) {
			return badAtom(k), true
		}
		a := monthAtom(y, mo)
		a.last, a.shape = k, shMonthYear
		return a, true
	}
	if !m.hasPub {
		if t.flags&(fAmb|fAbbr) != 0 && mode == modeDefault && !monthContext(prep) {
			return atom{}, false
		}
		return badAtom(endMonth), true
	}
	// Month last/this/next year
	if c := m.cls(j); (c == cLast || c == cThis || c == cNext) && m.cls(j+1) == cUnit &&
		m.t[j+1].val == uYear && m.t[j+1].flags&fPlural == 0 && mode == modeDefault {
		y := m.pubDay().Year()
		switch c {
		case cLast:
			y--
		case cNext:
			y++
		}
		a := monthAtom(y, mo)
		a.last, a.shape, a.rel = j+1, shMonthYear, true
		return a, true
	}
	if t.flags&(fAmb|fAbbr) != 0 && mode == modeDefault && !monthContext(prep) {
		return atom{}, false
	}
	y := m.yearForMonth(mo, mode, mode == modeDefault && m.futureSignal(p))
	a := monthAtom(y, mo)
	a.last, a.shape, a.rel = endMonth, shMonth, true
	return a, true
}

// weekday matches a weekday, possibly followed by its date ("Monday, Aug. 23") or a part of the day.
func (m *matcher) weekday(p int, mode uint8) (atom, bool) {
	t := &m.t[p]
	if t.flags&fPlural != 0 {
		return atom{}, false
	}
	if mode == modeDefault {
		if c := m.cls(p - 1); c == cNamedDay || c == cEvery {
			return atom{}, false
		}
		// "the Sunday Times": a name, not a day
		if m.cls(p-1) == cThe && p+1 < len(m.t) && m.t[p+1].kind == tkWord && m.t[p+1].flags&fCap != 0 &&
			m.cls(p+1) != cMonth && m.cls(p+1) != cPartDay {
			return atom{}, false
		}
		k := p + 1
		if m.isPunct(k, ',') {
			k++
		}
		if m.cls(k) == cMonth {
			if a, ok := m.month(k, cOn, modeDefault); ok && (a.bad || a.shape == shDay || a.shape == shMonthDay) {
				return a, true
			}
		} else if v, nd, ok := m.num(k); ok && nd <= 2 {
			if a, ok := m.dayMonth(k, v, cNone); ok {
				return a, true
			}
		}
	}
	last := p
	if m.cls(p+1) == cPartDay {
		last = p + 1
	}
	if !m.hasPub {
		return badAtom(last), true
	}
	a := dayAtom(m.resolveWeekday(t.val, mode, mode == modeDefault && m.futureSignal(p)))
	a.last, a.rel, a.shape, a.wd = last, true, shWeekday, t.val
	return a, true
}

func (m *matcher) resolveWeekday(wd int, mode uint8, future bool) time.Time {
	pw := int(m.pubDay().Weekday())
	off := (wd + 6) % 7 // days after Monday
	switch mode {
	case modeLast:
		d := (pw - wd + 7) % 7
		if d == 0 {
			d = 7
		}
		return m.pubDay().AddDate(0, 0, -d)
	case modeThis:
		return monday(m.pubDay()).AddDate(0, 0, off)
	case modeNext:
		return monday(m.pubDay()).AddDate(0, 0, 7+off)
	case modeComing:
		d := (wd - pw + 7) % 7
		if d == 0 {
			d = 7
		}
		return m.pubDay().AddDate(0, 0, d)
	}
	if future {
		return m.pubDay().AddDate(0, 0, (wd-pw+7)%7)
	}
	return m.pubDay().AddDate(0, 0, -((pw - wd + 7) % 7))
}

// relDay matches yesterday, today, tonight and tomorrow, with an optional part of the day.
func (m *matcher) relDay(p int) (atom, bool) {
	t := &m.t[p]
	if t.val == 0 && t.flags&fCap != 0 && p > 0 && m.t[p-1].kind == tkWord && m.t[p-1].flags&fCap != 0 &&
		m.t[p-1].cls == cNone {
		return atom{}, false // "USA Today": a name
	}
	last := p
	if m.cls(p+1) == cPartDay {
		last = p + 1
	}
	if !m.hasPub {
		return badAtom(last), true
	}
	a := dayAtom(m.pubDay().AddDate(0, 0, t.val))
	a.last, a.rel = last, true
	a.future = t.flags&fNight != 0
	return a, true
}

// modified matches last/this/next/past/coming/previous/following and what they modify.
func (m *matcher) modified(p int, prep uint8, the bool) (atom, bool) {
	mod, j := m.cls(p), p+1
	if mod == cThis {
		switch m.cls(j) {
		case cPast:
			mod, j = cLast, j+1
		case cComing:
			mod, j = cComing, j+1
		}
	}
	mode := modeDefault
	switch mod {
	case cLast:
		mode = modeLast
	case cThis:
		mode = modeThis
	case cNext:
		mode = modeNext
	case cComing:
		mode = modeComing
	}
	calendar := mode != modeDefault && !the
	switch m.cls(j) {
	case cWeekday:
		if calendar {
			return m.weekday(j, mode)
		}
	case cMonth:
		if calendar {
			return m.month(j, cNone, mode)
		}
	case cSeason:
		if calendar {
			return m.season(j, cNone, mode)
		}
	case cWeekend:
		if calendar {
			return m.weekend(j, cNone, false, mode)
		}
	case cPartDay:
		if !m.hasPub {
			return badAtom(j), true
		}
		var a atom
		switch {
		case mod == cLast && !the:
			a = dayAtom(m.pubDay().AddDate(0, 0, -1))
		case mod == cThis:
			a = dayAtom(m.pubDay())
			a.future = m.t[j].flags&fNight != 0
		default:
			return atom{}, false
		}
		a.last, a.rel = j, true
		return a, true
	case cUnit:
		if m.t[j].flags&fPlural != 0 {
			return atom{}, false
		}
		unit := m.t[j].val
		switch {
		case the && (mod == cNext || mod == cComing) && (prep == cIn || prep == cWithin || prep == cOver ||
			prep == cDuring || prep == cFor):
			return m.rolling(unit, 1, true, j) // "in the next month": the month after pub
		case mod == cPrevious || mod == cFollowing || (mod == cNext && (the || unit == uDay)):
			// "the next day", "the previous week": counted from another event, not from pub
			a := atom{kind: KindOffset, durUnit: unit, durN: 1, durNeg: mod == cPrevious,
				prec: unitPrecision(unit), last: j}
			return a, true
		case unit == uDay:
			return atom{}, false // "the last day of the talks"
		case mod == cPast || (the && (mod == cLast || mod == cComing)):
			return m.rolling(unit, 1, mod == cComing, j)
		case calendar:
			return m.calendarUnit(unit, mode, j)
		}
	case cNumWord, cNone:
		n, k, art, ok := m.number(j)
		if !ok || art || m.cls(k) != cUnit || (n > 1 && m.t[k].flags&fPlural == 0) {
			return atom{}, false
		}
		switch mod {
		case cPast, cLast:
			return m.rolling(m.t[k].val, n, false, k)
		case cNext, cComing:
			return m.rolling(m.t[k].val, n, true, k)
		}
	}
	return atom{}, false
}

// rolling is "the past n units" (ending at pub) or "the next n units" (starting after pub).
func (m *matcher) rolling(unit, n int, ahead bool, last int) (atom, bool) {
	if unit == uHour || unit == uMinute {
		return atom{}, false
	}
	if !m.hasPub {
		return badAtom(last), true
	}
	var a atom
	if ahead {
		a = rangeAtom(m.pubDay().AddDate(0, 0, 1), addUnits(m.pubDay(), unit, n), gDay, gDay)
	} else {
		a = rangeAtom(addUnits(m.pubDay(), unit, -n).AddDate(0, 0, 1), m.pubDay(), gDay, gDay)
	}
	a.last, a.rel = last, true
	return a, true
}

// period is the calendar week, month, year or decade that holds t.
func period(t time.Time, unit int) atom {
	switch unit {
	case uWeek:
		return weekAtom(monday(t))
	case uMonth:
		return monthAtom(t.Year(), int(t.Month()))
	case uYear:
		return yearAtom(t.Year())
	case uDecade:
		return decadeAtom(t.Year() - t.Year()%10)
	}
	return dayAtom(t)
}

// calendarUnit is "last week", "this month", "next year", "this decade".
func (m *matcher) calendarUnit(unit int, mode uint8, last int) (atom, bool) {
	if unit == uDay || unit == uHour || unit == uMinute {
		return atom{}, false
	}
	if !m.hasPub {
		return badAtom(last), true
	}
	n := 0
	switch mode {
	case modeLast:
		n = -1
	case modeNext, modeComing:
		n = 1
	}
	var a atom
	if unit == uMonth {
		s := monthStart(m.pubDay()).AddDate(0, n, 0)
		a = monthAtom(s.Year(), int(s.Month()))
	} else {
		a = period(addUnits(m.pubDay(), unit, n), unit)
	}
	a.last, a.rel, a.shape = last, true, shOther
	return a, true
}

// earlierLater matches "earlier this week", "later this year", "earlier today", "later today".
func (m *matcher) earlierLater(p int) (atom, bool) {
	later := m.cls(p) == cLater
	j := p + 1
	if m.cls(j) == cRelDay && m.t[j].val == 0 && m.t[j].flags&fNight == 0 {
		if !m.hasPub {
			return badAtom(j), true
		}
		a := dayAtom(m.pubDay())
		a.last, a.rel, a.future = j, true, later
		return a, true
	}
	if m.cls(j) != cThis || m.cls(j+1) != cUnit || m.t[j+1].flags&fPlural != 0 {
		return atom{}, false
	}
	unit := m.t[j+1].val
	if unit == uDay || unit == uHour || unit == uMinute {
		return atom{}, false
	}
	if !m.hasPub {
		return badAtom(j + 1), true
	}
	a := period(m.pubDay(), unit)
	if later {
		if a.e.After(m.pubDay()) {
			a.b = m.pubDay().AddDate(0, 0, 1)
		} else {
			a.b = m.pubDay()
		}
	} else {
		a.e = m.pubDay()
	}
	a.last, a.rel, a.shape = j+1, true, shOther
	return a, true
}

// sub narrows a year, month or decade atom to its early, mid or late part.
func sub(a atom, part int) atom {
	var r atom
	switch a.prec {
	case Year:
		y := a.b.Year()
		from := [3]int{1, 5, 9}[part]
		r = rangeAtom(date(y, from, 1), monthEnd(y, from+3), gMonth, gMonth)
	case Month:
		y, mo := a.b.Year(), int(a.b.Month())
		from := [3]int{1, 11, 21}[part]
		to := [3]int{10, 20, daysIn(y, mo)}[part]
		r = rangeAtom(date(y, mo, from), date(y, mo, to), gDay, gDay)
	case Decade:
		y0 := a.b.Year()
		from := [3]int{0, 3, 5}[part]
		r = rangeAtom(date(y0+from, 1, 1), yearEnd(y0+from+4), gYear, gYear)
	default:
		return a // days and weeks are not split
	}
	r.last, r.rel = a.last, a.rel
	return r
}

// part matches early/mid/late followed by a month, year, decade, weekday or calendar period.
func (m *matcher) part(p int) (atom, bool) {
	which := partEarly
	switch m.cls(p) {
	case cMid:
		which = partMid
	case cLate:
		which = partLate
	}
	k := p + 1
	if m.isPunct(k, pDash) && m.adj(p, k) {
		k++
	}
	var a atom
	var ok bool
	switch m.cls(k) {
	case cMonth:
		a, ok = m.month(k, cIn, modeDefault)
	case cWeekday:
		a, ok = m.weekday(k, modeDefault)
	case cRelDay:
		a, ok = m.relDay(k)
	case cLast, cThis, cNext:
		a, ok = m.modified(k, cNone, false)
	default:
		if k < len(m.t) && m.t[k].kind == tkNum {
			a, ok = m.numeric(k, cIn)
		} else if m.isPunct(k, pApos) {
			a, ok = m.shortYear(k, cIn)
		}
	}
	if !ok || a.bad || a.kind != "" || a.two && a.prec != Decade {
		return a, ok && a.bad
	}
	if a.shape == shWeekday || a.prec == Day || a.prec == Week {
		return a, true
	}
	return sub(a, which), true
}

// endOf matches "the end of the month", "the beginning of 2010", "end of March".
func (m *matcher) endOf(p int) (atom, bool) {
	isEnd := m.cls(p) == cEnd
	if m.cls(p+1) != cOf {
		return atom{}, false
	}
	k := p + 2
	var a atom
	var ok bool
	switch m.cls(k) {
	case cThe:
		if m.cls(k+1) == cUnit && m.t[k+1].flags&fPlural == 0 {
			a, ok = m.calendarUnit(m.t[k+1].val, modeThis, k+1)
		}
	case cLast, cThis, cNext:
		a, ok = m.modified(k, cNone, false)
	case cMonth:
		a, ok = m.month(k, cIn, modeDefault)
	default:
		if y, isYear := m.year4(k); isYear {
			if !m.yearOK(y) {
				return badAtom(k), true
			}
			a, ok = yearAtom(y), true
			a.last = k
		}
	}
	if !ok || a.bad || a.kind != "" || a.prec == Day || a.prec == Range {
		return a, ok && a.bad
	}
	d := a.b
	if isEnd {
		d = a.e
	}
	r := dayAtom(d)
	r.last, r.rel = a.last, a.rel
	return r, true
}

// seasonOf is the occurrence of season s (0 spring … 3 winter) that starts in year y.
func seasonOf(s, y int) (time.Time, time.Time) {
	b := date(y, 3+3*s, 1)
	return b, b.AddDate(0, 3, -1)
}

// season matches "last summer", "the summer of 2010", "spring 2019", "in the winter".
func (m *matcher) season(p int, prep uint8, mode uint8) (atom, bool) {
	t := &m.t[p]
	s := t.val
	k := p + 1
	if m.cls(k) == cOf {
		k++
	}
	if y, ok := m.year4(k); ok && mode == modeDefault {
		if !m.yearOK(y) {
			return badAtom(k), true
		}
		b, e := seasonOf(s, y)
		a := rangeAtom(b, e, gMonth, gMonth)
		a.last = k
		return a, true
	}
	if mode == modeDefault && (t.flags&fAmb != 0 || !(monthContext(prep) || prep == cAt)) {
		return atom{}, false // "summer camp", "the fall of Kabul"
	}
	if !m.hasPub {
		return badAtom(p), true
	}
	py := m.pubDay().Year()
	y := py
	switch mode {
	case modeLast:
		for y = py; ; y-- {
			if _, e := seasonOf(s, y); e.Before(m.pubDay()) {
				break
			}
		}
	case modeNext, modeComing:
		for y = py - 1; ; y++ {
			if b, _ := seasonOf(s, y); b.After(m.pubDay()) {
				break
			}
		}
	case modeThis:
		if b, e := seasonOf(s, py-1); !b.After(m.pubDay()) && !e.Before(m.pubDay()) {
			y = py - 1 // the winter that began last December
		}
	default:
		if m.futureSignal(p) {
			for y = py - 1; ; y++ {
				if _, e := seasonOf(s, y); !e.Before(m.pubDay()) {
					break
				}
			}
		} else {
			for y = py; ; y-- {
				if b, _ := seasonOf(s, y); !b.After(m.pubDay()) {
					break
				}
			}
		}
	}
	b, e := seasonOf(s, y)
	a := rangeAtom(b, e, gMonth, gMonth)
	a.last, a.rel = p, true
	return a, true
}

// weekend matches "over the weekend", "this weekend", "last weekend", "next weekend".
func (m *matcher) weekend(p int, prep uint8, the bool, mode uint8) (atom, bool) {
	if m.t[p].flags&fPlural != 0 || (mode == modeDefault && !the) {
		return atom{}, false
	}
	if mode == modeDefault && prep == cNone {
		return atom{}, false
	}
	if !m.hasPub {
		return badAtom(p), true
	}
	mon := monday(m.pubDay())
	off := 5 // this weekend: Saturday of pub's week
	switch mode {
	case modeLast:
		off = -2
	case modeNext:
		off = 12
	case modeDefault:
		if w := m.pubDay().Weekday(); w != time.Saturday && w != time.Sunday && !m.futureSignal(p) {
			off = -2
		}
	}
	a := rangeAtom(mon.AddDate(0, 0, off), mon.AddDate(0, 0, off+1), gDay, gDay)
	a.last, a.rel = p, true
	return a, true
}

// number reads a count at p: digits, a number word, "twenty-five", or "a"/"an".
func (m *matcher) number(p int) (n, next int, art, ok bool) {
	if p < 0 || p >= len(m.t) {
		return 0, 0, false, false
	}
	t := &m.t[p]
	if t.kind == tkNum {
		if t.glued || t.flags != 0 || t.nd > 5 || t.val == 0 {
			return 0, 0, false, false
		}
		return t.val, p + 1, false, true
	}
	if t.kind != tkWord || t.cls != cNumWord {
		return 0, 0, false, false
	}
	n, next, art = t.val, p+1, t.flags&fArt != 0
	if !art && n >= 20 && m.isPunct(p+1, pDash) && m.adj(p, p+1) && m.adj(p+1, p+2) && m.cls(p+2) == cNumWord &&
		m.t[p+2].val < 10 && m.t[p+2].flags&fArt == 0 {
		n, next = n+m.t[p+2].val, p+3
	}
	return n, next, art, true
}

// count matches "8 years ago", "two days later", "in three weeks", "for a month".
func (m *matcher) count(p int, prep uint8) (atom, bool) {
	n, k, art, ok := m.number(p)
	if !ok || m.cls(k) != cUnit {
		return atom{}, false
	}
	plural := m.t[k].flags&fPlural != 0
	if (art || n == 1) == plural {
		return atom{}, false // "a days", "three day" (as in "a three day truce")
	}
	unit := m.t[k].val
	j := k + 1
	switch m.cls(j) {
	case cAgo:
		return m.shifted(unit, -n, j)
	case cLater, cAfter, cEarlier, cBefore:
		neg := m.cls(j) == cEarlier || m.cls(j) == cBefore
		return atom{kind: KindOffset, durUnit: unit, durN: n, durNeg: neg, prec: unitPrecision(unit), last: j}, true
	case cHence:
		return m.shifted(unit, n, j)
	case cFrom:
		if m.cls(j+1) == cNow {
			return m.shifted(unit, n, j+1)
		}
	}
	switch prep {
	case cFor, cWithin, cOver, cThroughout:
		return atom{kind: KindDuration, durUnit: unit, durN: n, prec: unitPrecision(unit), last: k}, true
	case cIn:
		if m.cls(j) != cOf {
			return m.shifted(unit, n, k)
		}
	}
	return atom{}, false
}

// shifted is pub moved by n units, at the unit's precision.
func (m *matcher) shifted(unit, n, last int) (atom, bool) {
	if !m.hasPub {
		return badAtom(last), true
	}
	t := addUnits(m.pubDay(), unit, n)
	if t.Year() < minYear || t.Year() > m.maxYear {
		return badAtom(last), true
	}
	var a atom
	switch unit {
	case uWeek:
		a = weekAtom(monday(t))
	case uMonth:
		a = monthAtom(t.Year(), int(t.Month()))
	case uYear, uDecade:
		a = yearAtom(t.Year())
	default:
		a = dayAtom(t)
	}
	a.last, a.rel, a.shape = last, true, shOther
	return a, true
}

// shortYear matches "'98" (in a year context) and "'90s".
func (m *matcher) shortYear(p int, prep uint8) (atom, bool) {
	if p > 0 && m.adj(p-1, p) && m.t[p-1].kind != tkPunct {
		return atom{}, false // an apostrophe inside a word
	}
	v, nd, ok := m.num(p + 1)
	if !ok || nd != 2 || !m.adj(p, p+1) || m.t[p+1].flags&fOrd != 0 {
		return atom{}, false
	}
	pivot := 2030
	if m.hasPub {
		pivot = m.pubDay().Year()
	}
	y := 2000 + v
	if m.t[p+1].flags&fDecS != 0 {
		if v%10 != 0 {
			return atom{}, false
		}
		if y > pivot {
			y -= 100
		}
		a := decadeAtom(y)
		a.last, a.withThe = p+1, true
		return a, true
	}
	if !yearContext(prep) {
		return atom{}, false
	}
	if y > pivot+10 {
		y -= 100
	}
	a := yearAtom(y)
	a.last = p + 1
	return a, true
}

// extendRange completes "from A to B" and "between A and B".
func (m *matcher) extendRange(a atom, prep uint8) atom {
	k := a.last + 1
	switch {
	case prep == cBetween && m.cls(k) == cAnd:
	case prep == cFrom && (m.cls(k) == cTo || m.cls(k) == cUntil || m.isPunct(k, pDash)):
	default:
		return a
	}
	k++
	the := false
	if m.cls(k) == cThe {
		the = true
		k++
	}
	b, ok := m.core(k, cTo, the)
	if !ok || b.kind != "" {
		return a
	}
	if b.bad {
		return badAtom(b.last)
	}
	a, b = m.shareYear(a, b)
	if a.bad || b.bad || b.e.Before(a.b) {
		return badAtom(b.last)
	}
	r := rangeAtom(a.b, b.e, a.gb, b.gb)
	r.vb, r.ve = a.vb, b.vb
	if b.two {
		r.ve, r.ge = b.ve, b.ge
	}
	r.last, r.rel = b.last, a.rel || b.rel
	return r
}

// shareYear lends the year written on one end of a range to the other end, which lacks one.
func (m *matcher) shareYear(a, b atom) (atom, atom) {
	yearless := func(s shape) bool { return s == shMonth || s == shMonthDay }
	dated := func(s shape) bool { return s == shDay || s == shMonthYear }
	before := func(x, y atom) bool { return x.m < y.m || (x.m == y.m && x.d < y.d) }
	switch {
	case yearless(a.shape) && dated(b.shape):
		y := b.y
		if before(b, a) {
			y--
		}
		a = m.reyear(a, y)
		a.rel = b.rel
		return a, b
	case dated(a.shape) && yearless(b.shape):
		y := a.y
		if before(b, a) {
			y++
		}
		b = m.reyear(b, y)
		b.rel = a.rel
		return a, b
	case yearless(a.shape) && yearless(b.shape):
		y := a.y
		if before(b, a) {
			y++
		}
		return a, m.reyear(b, y)
	case a.shape == shWeekday && b.shape == shWeekday:
		d := dayAtom(a.b.AddDate(0, 0, (b.wd-a.wd+7)%7))
		d.last, d.rel = b.last, true
		return a, d
	}
	return a, b
}

// reyear rebuilds a month or month-day atom in year y.
func (m *matcher) reyear(a atom, y int) atom {
	if !m.yearOK(y) {
		return badAtom(a.last)
	}
	var r atom
	if a.shape == shMonth {
		r = monthAtom(y, a.m)
	} else {
		if !validDay(y, a.m, a.d) {
			return badAtom(a.last)
		}
		r = dayAtom(date(y, a.m, a.d))
	}
	r.last, r.rel, r.shape, r.y, r.m, r.d = a.last, a.rel, a.shape, y, a.m, a.d
	return r
}

// emit turns an atom into an Expr, all but its Text; prep at token start sets its kind. ok is false when
// the atom cannot be emitted (relative without pub, out of range).
func (m *matcher) emit(a atom, start int, prep uint8) (x Expr, ok bool) {
	kind := a.kind
	if kind == "" {
		switch prep {
		case cBy:
			kind = KindDeadline
		case cUntil:
			kind = KindUntil
		case cSince:
			kind = KindSince
		case cBefore:
			kind = KindBefore
		case cAfter:
			kind = KindAfter
		default:
			kind = KindDate
		}
	}
	if a.rel && !m.hasPub {
		return Expr{}, false
	}
	if kind == KindSince {
		if !m.hasPub || a.b.After(m.pubDay()) {
			return Expr{}, false
		}
		a.ve, a.ge = m.pubDay(), gDay
		a.e, a.two, a.prec, a.rel = m.pubDay(), true, Range, true
	}
	dated := kind != KindDuration && kind != KindOffset
	if dated && (a.b.After(a.e) || a.b.Year() < minYear || a.e.Year() > m.maxYear) {
		return Expr{}, false
	}
	var buf [48]byte
	var v []byte
	if dated {
		v = appendDate(buf[:0], a.vb, a.gb)
		if a.two {
			v = append(v, '/')
			v = appendDate(v, a.ve, a.ge)
		}
	} else {
		v = appendDuration(buf[:0], a.durUnit, a.durN, a.durNeg)
	}
	x = Expr{
		Start:     m.t[start].start,
		End:       m.t[a.last].end,
		Value:     string(v),
		Precision: a.prec,
		Relative:  a.rel,
		Kind:      kind,
	}
	if dated {
		x.Begin, x.EndDate = a.b, a.e
		x.Future = m.hasPub && (a.future || a.b.After(m.pubDay()))
	}
	m.lastEnd, m.lastPrep = a.last, prep
	return x, true
}
