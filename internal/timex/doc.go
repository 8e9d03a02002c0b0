// Package timex finds temporal expressions in an English sentence ("on Monday", "in March 2019",
// "since 2001", "8 years ago") and resolves them against the story's publication date into ISO 8601
// values and day intervals. It does not decide which verb an expression dates; the coder does that
// with the spans returned here and the dependency parse.
//
// The finder is a hand-written scanner over words (month names, weekdays, units, numbers and a few
// prepositions and modifiers). A sentence with no digit and no temporal keyword returns at once.
//
// Resolution rules (pub = the publication date, weeks run Monday to Sunday as in ISO 8601):
//
//   - A bare or "on" weekday is the most recent such day on or before pub ("on Tuesday" in a Tuesday
//     story is that day). When the clause signals the future ("will", "'ll", "shall", "scheduled",
//     "expected", "slated", "planning", "intends", "upcoming" or "going to" within the 12 words before
//     the expression, not crossing a reporting verb such as "said" or a semicolon; a capitalised "Will"
//     is taken for a name) it is the first such day on or after pub. "last Friday" is the most recent Friday strictly before pub; "this Friday" is the
//     Friday of pub's week; "next Monday" is the Monday of the week after pub's; "coming Friday" is
//     the first Friday strictly after pub.
//   - A month without a year ("in March") is the most recent March that started on or before pub
//     (past by default, as news mostly reports the past); with a future signal it is the first March
//     not ending before pub. "last March" / "next March" are strictly before / after pub's month.
//   - A month and day without a year ("on August 31st") takes the year that puts the date nearest to
//     pub; with a future signal, the first such date on or after pub.
//   - Decades: "the 1980s" is 1980/1989 with precision "decade". "the early/mid/late 1990s" are the
//     sub-ranges 1990/1994, 1993/1997 and 1995/1999 with precision "range". Likewise early/mid/late of
//     a year are January–April, May–August, September–December, and of a month days 1–10, 11–20 and
//     21–end. "early Monday" and "late Monday" stay the day (wire style for the small hours).
//   - "since X" is the range from the start of X to pub (kind "since"); "by X" is kind "deadline";
//     "until", "till" and "through" X are kind "until"; "before"/"after" X keep X's interval with kinds
//     "before"/"after". "from X to Y" and "between X and Y" are ranges; a year given on one end only
//     is shared with the other.
//   - "the end of the month/year/week" and "the end of March" are the last day of that period;
//     "the beginning/start of …" the first.
//   - "N units ago" and "in N units" (pub minus or plus N units) have the unit's precision (days →
//     day, weeks → ISO week, months → month, years and decades → year). "for N units" is kind
//     "duration" and "N units later/earlier/after/before" is kind "offset" (relative to another
//     event, not to pub): both carry an ISO 8601 duration such as "P3W" or "-P2D" in Value and zero
//     Begin/EndDate.
//   - "the past two weeks", "the last 20 years" and "the next five years" are rolling ranges ending
//     (or starting) at pub, day granular. "the next day", "the following week" and "the previous
//     year" are offsets from another event.
//   - "earlier this week/month/year" keeps the period's Value with an interval that ends at pub;
//     "later this …" one that starts the day after pub. "tonight" and "later today" are Future.
//   - Seasons are northern-hemisphere quarters (spring March–May, summer June–August, autumn or fall
//     September–November, winter December–February, named by the year it starts in), placed like months:
//     "in the summer" is the latest one begun by pub, "last summer" the latest one ended before pub.
//     "fall" needs a year or a modifier ("the fall of Kabul" is not a season). "over the weekend" is the
//     latest Saturday and Sunday (this one in a weekend story, the next with a future signal).
//   - "in 2010 and 2011", "in March or April": a year or month right after "and", "or" or a comma that
//     follows an expression takes that expression's preposition.
//   - Numeric dates: "2021-08-23" (ISO) and "23/08/2021", "23.08.2021". Slash and dot dates are read
//     day first (the international order of wire copy) unless only the month-first reading is valid;
//     New(WithMonthFirst()) reverses the preference for US sources. Two-digit years in numeric dates
//     are rejected as too ambiguous. "2010-2012" and "2010–12" are year ranges; "2021-08" with a
//     second part not larger than the year's last two digits is a month.
//   - Apostrophe years: "'98" in a year context is 1998 and "the '90s" the 1990s. A two-digit year
//     more than ten years after pub's, and a decade after pub's, belong to the previous century
//     (2030 stands in for pub when it is unknown). "in 98" is not a year.
//   - A bare four-digit year, an ambiguous month name and a count must follow their preposition
//     directly: "in 2010" is a year, "in the 2010 round", "in the March for Peace" and "in the three
//     years since" are not dates; decades may take "the" ("in the 1980s").
//
// False positives avoided: "may" and "march" in lower case and capitalised "May", "March", "June",
// "April" and month abbreviations are months only next to a day or year or after a temporal word
// ("in", "since", "by", "early", "last", …); bare four-digit numbers are years only right after such a
// preposition, after "of" not preceded by a quantity word ("the treaty of 1998", not "a total of 2010"),
// after a month, in a year range or as a decade ("2010 people", "1980 troops" are not);
// plural weekdays ("on Mondays") and named days ("Good Friday", "Black Friday", "the Sunday Times")
// are skipped, as is "every Friday".
//
// Bad input: impossible dates ("February 30", "31/04/2021") and years before 1900 or more than 50
// years after pub (2100 when pub is unknown) are consumed and not emitted, so no partial date leaks
// out of them. With a zero publication date, expressions that need it (weekdays, "yesterday",
// months without a year, "since", "ago", …) are skipped; absolute ones still resolve.
package timex
