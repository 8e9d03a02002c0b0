package timex

import "time"

// Precision is how finely an expression places its event in time.
type Precision string

// Precisions. Story is for events that carry no expression of their own and are dated by the story.
const (
	Day    Precision = "day"
	Week   Precision = "week"
	Month  Precision = "month"
	Year   Precision = "year"
	Decade Precision = "decade"
	Range  Precision = "range"
	Story  Precision = "story"
)

// Kinds of expression: how the event relates to the interval.
const (
	KindDate     = "date"     // the event happened within the interval
	KindDeadline = "deadline" // "by August 31": at or before the end of the interval
	KindUntil    = "until"    // "until 2023": a state lasting to the interval
	KindSince    = "since"    // "since 2001": the interval runs from X to publication
	KindBefore   = "before"   // "before 2010"
	KindAfter    = "after"    // "after Monday"
	KindDuration = "duration" // "for three weeks": Value is an ISO 8601 duration, no interval
	KindOffset   = "offset"   // "two days later": relative to another event, Value is a signed duration
)

// Expr is one temporal expression found in a sentence.
type Expr struct {
	Text      string    // the words, e.g. "on Monday", "in 2010", "last week", "8 years ago"
	Start     int       // byte offset of Text in the sentence given to Find
	End       int       // byte offset just past Text
	Value     string    // ISO 8601: "2021-08-23", "2021-W33", "2021-08", "2010", "1980/1989", "2001/2021-08-24", "P3W"
	Precision Precision // day, week, month, year, decade or range (the unit, for durations and offsets)
	Begin     time.Time // first day of the interval covered (UTC midnight); zero for durations and offsets
	EndDate   time.Time // last day of the interval, inclusive; zero for durations and offsets
	Future    bool      // refers to a time after publication ("next week", "by August 31st", "tomorrow")
	Relative  bool      // its value depends on the publication date ("yesterday", "on Monday", "in March")
	Kind      string    // one of the Kind constants
}

// Resolver finds and resolves temporal expressions. It holds only configuration, so one Resolver may be
// shared by any number of goroutines.
type Resolver struct {
	monthFirst bool
}

// Option configures a Resolver.
type Option func(*Resolver)

// WithMonthFirst reads ambiguous numeric dates such as 03/04/2021 month first (US style).
func WithMonthFirst() Option {
	return func(r *Resolver) { r.monthFirst = true }
}

// New returns a Resolver. By default ambiguous numeric dates are read day first.
func New(opts ...Option) *Resolver {
	r := &Resolver{}
	for _, o := range opts {
		o(r)
	}
	return r
}

// StoryDate is the expression the coder uses for an event with no temporal expression of its own: the
// publication day, with precision Story. ok is false when the publication date is unknown.
func StoryDate(published time.Time) (Expr, bool) {
	if published.IsZero() {
		return Expr{}, false
	}
	d := dayOf(published)
	return Expr{
		Value:     string(appendDate(nil, d, gDay)),
		Precision: Story,
		Begin:     d,
		EndDate:   d,
		Relative:  true,
		Kind:      KindDate,
	}, true
}

// stackTokens is the token capacity kept on the stack; typical news sentences fit, longer ones spill to
// the heap.
const stackTokens = 96

// Find returns the temporal expressions of sentence in order of position, resolved against published
// (any time of that day; its own location decides the day). It returns nil when there are none.
func (r *Resolver) Find(sentence string, published time.Time) []Expr {
	var buf [stackTokens]token
	toks, trigger := tokenize(sentence, buf[:0])
	if !trigger {
		return nil
	}
	m := matcher{s: sentence, t: toks, monthFirst: r.monthFirst, lastEnd: -10}
	if !published.IsZero() {
		y, mo, d := published.Date()
		m.pubY, m.pubM, m.pubD, m.hasPub = y, int(mo), d, true
		m.maxYear = y + 50
	} else {
		m.maxYear = 2100
	}
	out := m.run()
	for i := range out {
		out[i].Text = sentence[out[i].Start:out[i].End]
	}
	return out
}

// dayOf is the calendar day of t in t's own location, as UTC midnight.
func dayOf(t time.Time) time.Time {
	y, mo, d := t.Date()
	return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
}
