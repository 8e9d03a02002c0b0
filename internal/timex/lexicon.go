package timex

// Word classes. Every word the scanner cares about has one; other words have cNone.
const (
	cNone uint8 = iota
	cMonth
	cWeekday
	cRelDay   // yesterday, today, tonight, tomorrow
	cPartDay  // morning, afternoon, evening, night
	cUnit     // day, week, month, year, decade, hour, minute
	cWeekend  // weekend
	cSeason   // spring, summer, autumn, fall, winter
	cNumWord  // one … ninety, a, an
	cFuture   // will, shall, 'll, scheduled, expected, …
	cReport   // said, says, told, …: ends the look-back for a future signal
	cNamedDay // Good (Friday), Black (Friday), …
	cEvery    // every, each: habitual, not a date
	cQuantity // total, number, …: "a total of 2010" counts, it does not date
	// prepositions that may lead an expression
	cIn
	cOn
	cAt
	cBy
	cSince
	cUntil // until, till, through, thru
	cThroughout
	cDuring
	cBefore
	cAfter
	cFrom
	cBetween
	cFor
	cOver
	cWithin
	// linking and modifying words
	cTo
	cAnd
	cOr
	cOf
	cThe
	cLast
	cThis
	cNext
	cPast
	cComing
	cPrevious
	cFollowing
	cEarlier
	cLater
	cEarly
	cMid
	cLate
	cEnd   // end
	cBegin // beginning, start
	cAgo
	cNow
	cHence
	cGoing
)

// Word flags.
const (
	fCap    uint8 = 1 << iota // starts with an upper-case letter
	fAmb                      // a month name that is also a common word or name: needs context
	fAbbr                     // an abbreviation: "Aug", "Sept"
	fPlural                   // "Mondays", "weeks"
	fNight                    // "tonight", "night"
	fArt                      // "a", "an"
	fOrd                      // a number with an ordinal suffix: "31st"
	fDecS                     // a number with a plural s: "1980s"
)

// Units.
const (
	uDay = iota + 1
	uWeek
	uMonth
	uYear
	uDecade
	uHour
	uMinute
)

type lexEntry struct {
	cls   uint8
	flags uint8
	val   int
}

// lexicon maps a lower-case word to its class. Read-only after init.
var lexicon = buildLexicon()

func buildLexicon() map[string]lexEntry {
	m := make(map[string]lexEntry, 256)
	months := []struct {
		name  string
		flags uint8
	}{
		{"january", 0}, {"february", 0}, {"march", fAmb}, {"april", fAmb}, {"may", fAmb}, {"june", fAmb},
		{"july", 0}, {"august", 0}, {"september", 0}, {"october", 0}, {"november", 0}, {"december", 0},
	}
	for i, mo := range months {
		m[mo.name] = lexEntry{cMonth, mo.flags, i + 1}
	}
	for i, a := range []string{"jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if a != "" {
			m[a] = lexEntry{cMonth, fAbbr | fAmb, i + 1}
		}
	}
	m["sept"] = lexEntry{cMonth, fAbbr | fAmb, 9}
	for i, d := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
		m[d] = lexEntry{cWeekday, 0, i}
		m[d+"s"] = lexEntry{cWeekday, fPlural, i}
	}
	m["yesterday"] = lexEntry{cRelDay, 0, -1}
	m["today"] = lexEntry{cRelDay, 0, 0}
	m["tonight"] = lexEntry{cRelDay, fNight, 0}
	m["tomorrow"] = lexEntry{cRelDay, 0, 1}
	m["morning"] = lexEntry{cPartDay, 0, 0}
	m["afternoon"] = lexEntry{cPartDay, 0, 0}
	m["evening"] = lexEntry{cPartDay, 0, 0}
	m["night"] = lexEntry{cPartDay, fNight, 0}
	for _, u := range []struct {
		name string
		unit int
	}{{"day", uDay}, {"week", uWeek}, {"month", uMonth}, {"year", uYear}, {"decade", uDecade}, {"hour", uHour}, {"minute", uMinute}} {
		m[u.name] = lexEntry{cUnit, 0, u.unit}
		m[u.name+"s"] = lexEntry{cUnit, fPlural, u.unit}
	}
	m["weekend"] = lexEntry{cWeekend, 0, 0}
	m["spring"] = lexEntry{cSeason, 0, 0}
	m["summer"] = lexEntry{cSeason, 0, 1}
	m["autumn"] = lexEntry{cSeason, 0, 2}
	m["fall"] = lexEntry{cSeason, fAmb, 2}
	m["winter"] = lexEntry{cSeason, 0, 3}
	m["a"] = lexEntry{cNumWord, fArt, 1}
	m["an"] = lexEntry{cNumWord, fArt, 1}
	for i, w := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"} {
		m[w] = lexEntry{cNumWord, 0, i + 1}
	}
	for i, w := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		m[w] = lexEntry{cNumWord, 0, (i + 2) * 10}
	}
	// "due" ("due to the war") and "plans" (a noun as often as a verb) are left out on purpose.
	for _, w := range []string{"will", "shall", "ll", "scheduled", "expected", "planning", "intends", "intend",
		"upcoming", "slated"} {
		m[w] = lexEntry{cFuture, 0, 0}
	}
	for _, w := range []string{"said", "says", "told", "added", "announced", "reported", "stated", "noted", "wrote"} {
		m[w] = lexEntry{cReport, 0, 0}
	}
	for _, w := range []string{"total", "sum", "number", "numbers", "figure", "maximum", "minimum", "average",
		"out", "score", "tally", "count", "population", "estimate", "rate", "crowd", "toll", "excess",
		"upwards", "majority", "group", "force", "fleet", "army", "list", "set", "batch", "budget", "cost",
		"price", "value", "debt", "loss", "losses", "profit", "salary", "fine", "ransom", "bill", "sale"} {
		m[w] = lexEntry{cQuantity, 0, 0}
	}
	for _, w := range []string{"good", "black", "cyber", "bloody", "ash", "palm", "easter", "holy", "maundy", "super", "fat"} {
		m[w] = lexEntry{cNamedDay, 0, 0}
	}
	simple := map[string]uint8{
		"every": cEvery, "each": cEvery,
		"in": cIn, "on": cOn, "at": cAt, "by": cBy, "since": cSince,
		"until": cUntil, "till": cUntil, "through": cUntil, "thru": cUntil, "throughout": cThroughout,
		"during": cDuring, "before": cBefore, "after": cAfter, "from": cFrom, "between": cBetween,
		"for": cFor, "over": cOver, "within": cWithin,
		"to": cTo, "and": cAnd, "or": cOr, "of": cOf, "the": cThe,
		"last": cLast, "this": cThis, "next": cNext, "past": cPast, "coming": cComing,
		"previous": cPrevious, "following": cFollowing, "earlier": cEarlier, "later": cLater,
		"early": cEarly, "mid": cMid, "late": cLate, "end": cEnd, "beginning": cBegin, "start": cBegin,
		"ago": cAgo, "now": cNow, "hence": cHence, "going": cGoing,
	}
	for w, c := range simple {
		m[w] = lexEntry{cls: c}
	}
	return m
}

// triggers are the classes that make a sentence worth matching; a sentence with none of them and no digit
// cannot hold an expression.
func isTrigger(cls uint8) bool {
	switch cls {
	case cMonth, cWeekday, cRelDay, cPartDay, cUnit, cWeekend, cSeason:
		return true
	}
	return false
}
