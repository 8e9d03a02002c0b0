package timex

import (
	"strconv"
	"time"
)

// gran is the granularity used to write one end of a Value.
type gran uint8

const (
	gDay gran = iota + 1
	gWeek
	gMonth
	gYear
)

const minYear = 1900

func date(y, m, d int) time.Time {
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

func daysIn(y, m int) int {
	return date(y, m+1, 0).Day()
}

// validDay reports whether y-m-d exists in the calendar.
func validDay(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

// monday is the Monday of t's ISO week.
func monday(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

func monthStart(t time.Time) time.Time { return date(t.Year(), int(t.Month()), 1) }

func monthEnd(y, m int) time.Time { return date(y, m, daysIn(y, m)) }

func yearEnd(y int) time.Time { return date(y, 12, 31) }

// addUnits moves t by n units (negative for the past), keeping the calendar position of the unit.
func addUnits(t time.Time, unit, n int) time.Time {
	switch unit {
	case uDay:
		return t.AddDate(0, 0, n)
	case uWeek:
		return t.AddDate(0, 0, 7*n)
	case uMonth:
		// From the first of the month so that 31 March minus one month is February, not 3 March.
		s := monthStart(t).AddDate(0, n, 0)
		return date(s.Year(), int(s.Month()), min(t.Day(), daysIn(s.Year(), int(s.Month()))))
	case uYear:
		return date(t.Year()+n, int(t.Month()), min(t.Day(), daysIn(t.Year()+n, int(t.Month()))))
	case uDecade:
		return date(t.Year()+10*n, int(t.Month()), min(t.Day(), daysIn(t.Year()+10*n, int(t.Month()))))
	}
	return t // hours and minutes stay on the day
}

func appendPad(b []byte, v, width int) []byte {
	if v < 0 {
		v = 0
	}
	var tmp [20]byte
	s := strconv.AppendInt(tmp[:0], int64(v), 10)
	for k := len(s); k < width; k++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// appendDate writes t at granularity g in ISO 8601.
func appendDate(b []byte, t time.Time, g gran) []byte {
	switch g {
	case gWeek:
		y, w := t.ISOWeek()
		b = appendPad(b, y, 4)
		b = append(b, "-W"...)
		return appendPad(b, w, 2)
	case gYear:
		return appendPad(b, t.Year(), 4)
	case gMonth:
		b = appendPad(b, t.Year(), 4)
		b = append(b, '-')
		return appendPad(b, int(t.Month()), 2)
	default:
		b = appendPad(b, t.Year(), 4)
		b = append(b, '-')
		b = appendPad(b, int(t.Month()), 2)
		b = append(b, '-')
		return appendPad(b, t.Day(), 2)
	}
}

// appendDuration writes n units as an ISO 8601 duration, signed when negative ("-P2D").
func appendDuration(b []byte, unit, n int, negative bool) []byte {
	if negative {
		b = append(b, '-')
	}
	b = append(b, 'P')
	switch unit {
	case uHour:
		b = append(b, 'T')
		b = strconv.AppendInt(b, int64(n), 10)
		return append(b, 'H')
	case uMinute:
		b = append(b, 'T')
		b = strconv.AppendInt(b, int64(n), 10)
		return append(b, 'M')
	case uDecade:
		b = strconv.AppendInt(b, int64(10*n), 10)
		return append(b, 'Y')
	}
	b = strconv.AppendInt(b, int64(n), 10)
	switch unit {
	case uDay:
		return append(b, 'D')
	case uWeek:
		return append(b, 'W')
	case uMonth:
		return append(b, 'M')
	}
	return append(b, 'Y')
}

func unitPrecision(unit int) Precision {
	switch unit {
	case uWeek:
		return Week
	case uMonth:
		return Month
	case uYear:
		return Year
	case uDecade:
		return Decade
	}
	return Day
}
