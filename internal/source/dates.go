package source

import (
	"strconv"
	"strings"
	"time"
)

// dateLayouts are the date forms accepted in JSONL "date" fields and HTML metadata, most common
// first. Forms without a zone are taken as UTC.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02T15:04:05-0700",
	"2006-01-02T15:04:05.999999999-0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04",
	"2006/01/02",
	"2006/01/02 15:04:05",
	"2006.01.02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04:05 -0700",
	time.RFC850,
	time.ANSIC,
	time.UnixDate,
	"2 January 2006",
	"2 Jan 2006",
	"January 2, 2006",
	"Jan 2, 2006",
	"Monday, January 2, 2006",
	"January 2 2006",
	"Jan 2 2006",
}

// Plausible publication years; anything outside is a typo or a placeholder.
const (
	minYear = 1800
	maxYear = 2200
)

// parseDate reads a date in one of the common forms (see dateLayouts), or a Unix time in seconds
// or milliseconds. ok is false for anything else, including impossible dates like 2021-02-30.
func parseDate(s string) (t time.Time, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	if isDigits(s) && len(s) >= 9 {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, false
		}
		if len(s) >= 12 { // milliseconds
			t = time.UnixMilli(n).UTC()
		} else {
			t = time.Unix(n, 0).UTC()
		}
		return t, plausible(t)
	}
	// "Jan. 2, 2006" and "Sept. 2" are common in news; the standard layouts know neither.
	if monthDot(s) {
		s = strings.ReplaceAll(s, ".", "")
	}
	s = strings.Replace(s, "Sept ", "Sep ", 1)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, plausible(t)
		}
	}
	return time.Time{}, false
}

// monthDot tells whether the dots in s are month-abbreviation dots ("Jan. 2, 2006") rather than
// part of a numeric form ("2006.01.02") or fractional seconds.
func monthDot(s string) bool {
	i := strings.IndexByte(s, '.')
	return i >= 3 && isLetter(s[i-1]) && isLetter(s[i-2]) && isLetter(s[i-3])
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func plausible(t time.Time) bool {
	y := t.Year()
	return y >= minYear && y <= maxYear
}
