package source

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// dateline is the place-and-date lead of a wire story: "KABUL, Aug 24 (Reuters) -",
// "WASHINGTON (AP) —", "NAIROBI, Kenya, March 3, 2022 –".
type dateline struct {
	Place  string // "KABUL", "NAIROBI, Kenya"
	Agency string // "Reuters", "" when absent
	Month  time.Month
	Day    int // 0 when the dateline has no date
	Year   int // 0 when the dateline has no year
	End    int // byte offset in the text where the story starts, after the dash
}

// Limits that keep ordinary first sentences from passing as datelines.
const (
	datelineMaxLen    = 120 // bytes before the dash
	datelinePlaceLen  = 40
	datelinePlaceWord = 5
	datelineAgencyLen = 40
)

// monthNames maps lower-case month names and abbreviations, as they appear in datelines.
var monthNames = map[string]time.Month{}

func init() {
	for m := time.January; m <= time.December; m++ {
		full := strings.ToLower(m.String())
		monthNames[full] = m
		monthNames[full[:3]] = m
	}
	monthNames["sept"] = time.September
}

// datelineLines is how many leading non-blank lines may hold the dateline: the first, or the
// second when the first is a headline.
const datelineLines = 2

// parseDateline finds a dateline at the start of text. It is strict on purpose: the place must be
// in capitals, the lead must end in a dash on the same line, and a date, when present, must be a
// month and day with an optional year.
func parseDateline(text string) (dateline, bool) {
	start := 0
	for range datelineLines {
		start += len(text[start:]) - len(strings.TrimLeft(text[start:], " \n"))
		line := text[start:]
		if nl := strings.IndexByte(line, '\n'); nl >= 0 {
			line = line[:nl]
		}
		if d, ok := parseDatelineLine(line); ok {
			d.End += start
			return d, true
		}
		start += len(line)
		if start >= len(text) {
			break
		}
	}
	return dateline{}, false
}

// parseDatelineLine parses a dateline at the start of one line; End is relative to the line.
func parseDatelineLine(head string) (dateline, bool) {
	dash, after := findDash(head)
	if dash <= 0 || dash > datelineMaxLen {
		return dateline{}, false
	}
	body := strings.TrimLeft(head[after:], " ")
	if body == "" {
		return dateline{}, false
	}
	d := dateline{End: len(head) - len(body)}
	lead := strings.TrimSpace(head[:dash])
	if strings.HasSuffix(lead, ")") {
		open := strings.LastIndexByte(lead, '(')
		if open < 0 || len(lead)-open-2 > datelineAgencyLen {
			return dateline{}, false
		}
		d.Agency = strings.TrimSpace(lead[open+1 : len(lead)-1])
		if d.Agency == "" || strings.ContainsAny(d.Agency, "()") {
			return dateline{}, false
		}
		lead = strings.TrimSpace(lead[:open])
	}
	parts := strings.Split(lead, ",")
	if !isCapsPlace(strings.TrimSpace(parts[0])) {
		return dateline{}, false
	}
	place := []string{strings.TrimSpace(parts[0])}
	rest := parts[1:]
	for len(rest) > 0 {
		p := strings.TrimSpace(rest[0])
		if startsDate(p) {
			break
		}
		if !isRegion(p) {
			return dateline{}, false
		}
		place = append(place, p)
		rest = rest[1:]
	}
	d.Place = strings.Join(place, ", ")
	if len(rest) > 0 {
		var ok bool
		d.Month, d.Day, d.Year, ok = parseMonthDay(strings.Join(rest, " "))
		if !ok {
			return dateline{}, false
		}
	}
	return d, true
}

// findDash returns the byte offset of the first dash that ends a dateline in line and the offset
// just after it: an em, en or horizontal-bar dash anywhere, or a hyphen (single or double) with a
// space before it. Hyphens inside names ("PORT-AU-PRINCE") do not count.
func findDash(line string) (at, after int) {
	for i, r := range line {
		switch r {
		case '—', '–', '―':
			return i, i + utf8.RuneLen(r)
		case '-':
			if i > 0 && line[i-1] == ' ' {
				j := i + 1
				if j < len(line) && line[j] == '-' {
					j++
				}
				if j == len(line) || line[j] == ' ' {
					return i, j
				}
			}
		}
		if i > datelineMaxLen {
			break
		}
	}
	return -1, -1
}

// isCapsPlace accepts a place written in capitals: "KABUL", "ST. PETERSBURG", "PORT-AU-PRINCE",
// "N'DJAMENA", "SÃO PAULO".
func isCapsPlace(s string) bool {
	if len(s) > datelinePlaceLen || len(strings.Fields(s)) > datelinePlaceWord {
		return false
	}
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		case r == ' ' || r == '.' || r == '-' || r == '\'' || r == '’':
		default:
			return false
		}
	}
	return letters >= 2
}

// isRegion accepts the country or state after the place: "Kenya", "Puerto Rico", "Calif.", "D.C.".
func isRegion(s string) bool {
	if s == "" || len(s) > datelinePlaceLen || len(strings.Fields(s)) > 4 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && r != ' ' && r != '.' && r != '-' && r != '\'' && r != '’' {
			return false
		}
	}
	return true
}

// startsDate tells whether a dateline part begins the date: a month name or a day number.
func startsDate(p string) bool {
	f, _, _ := strings.Cut(p, " ")
	if f == "" {
		return false
	}
	if f[0] >= '0' && f[0] <= '9' {
		return true
	}
	_, ok := monthNames[strings.ToLower(strings.TrimSuffix(f, "."))]
	return ok
}

// parseMonthDay reads "Aug 24", "Aug. 24", "March 3 2022", "3 March", "3 March 2022", "Sept 3rd".
func parseMonthDay(s string) (m time.Month, day, year int, ok bool) {
	f := strings.Fields(s)
	if len(f) < 2 || len(f) > 3 {
		return 0, 0, 0, false
	}
	mi, di := 0, 1
	if _, isMonth := monthNames[strings.ToLower(strings.TrimSuffix(f[0], "."))]; !isMonth {
		mi, di = 1, 0
	}
	m, ok = monthNames[strings.ToLower(strings.TrimSuffix(f[mi], "."))]
	if !ok {
		return 0, 0, 0, false
	}
	day, ok = smallNumber(strings.TrimRight(f[di], "stndrh"), 2)
	if !ok || day < 1 || day > 31 {
		return 0, 0, 0, false
	}
	if len(f) == 3 {
		year, ok = smallNumber(f[2], 4)
		if !ok || len(f[2]) != 4 || year < minYear || year > maxYear {
			return 0, 0, 0, false
		}
	}
	return m, day, year, true
}

// smallNumber parses up to width decimal digits.
func smallNumber(s string, width int) (int, bool) {
	if s == "" || len(s) > width {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// datelineSlack is how far past the reference time a year-less dateline may fall; wire dates run
// a little ahead of a crawl date across time zones.
const datelineSlack = 2 * 24 * time.Hour

// date resolves the dateline's date. A year in the dateline is used as is. Otherwise the year
// comes from ref (the --date flag, or the current time when there is no flag): the dateline is
// placed in ref's year unless that puts it more than two days after ref, in which case it is
// placed in the year before (a "Dec 30" story read on January 2). ok is false when the dateline
// has no date or names an impossible one (Feb 30).
func (d dateline) date(ref time.Time) (time.Time, bool) {
	if d.Day == 0 {
		return time.Time{}, false
	}
	year := d.Year
	if year == 0 {
		year = ref.Year()
		if mk(year, d.Month, d.Day).After(ref.Add(datelineSlack)) {
			year--
		}
	}
	t := mk(year, d.Month, d.Day)
	if t.Day() != d.Day { // time.Date normalised an impossible day into the next month
		return time.Time{}, false
	}
	return t, true
}

func mk(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Dateline reports the dateline at the start of text ("KABUL, Aug 24 (Reuters) -"): its place and the
// byte offset where the story starts after it.
func Dateline(text string) (place string, end int, ok bool) {
	d, ok := parseDateline(text)
	if !ok {
		return "", 0, false
	}
	return d.Place, d.End, true
}
