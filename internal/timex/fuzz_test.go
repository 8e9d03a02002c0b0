package timex

import (
	"testing"
	"time"
)

// FuzzFind checks that Find never panics and that every result is well formed: spans inside the
// sentence and in order, Begin not after EndDate, and no relative expression without a publication date.
func FuzzFind(f *testing.F) {
	for _, c := range loadCases(&testing.T{}, "testdata/find.txt") {
		f.Add(c.sentence, int64(20210824))
	}
	for _, s := range []string{
		"", "'", "-", "1", "'9", "in '", "on 31/", "2021-", "2021-08-", "from March to", "between 2010 and",
		"since the", "the late", "mid-", "twenty-", "a week ago ago", "May May May 2010 2010",
		"\xff\xfe on Monday \xe2\x80", "in 2010\u20132012", "Mon\u00e9day 5 Ao\u00fbt", "99999999999999999999 years ago",
		"in 0000", "on 00/00/0000", "February 29, 2100", "late 1990s-2000s", "of 2010", "2010", "'",
		"between 1 and", "from 3 to", "the end of", "early", "last", "this past", "Monday,", "Aug.",
	} {
		f.Add(s, int64(20210824))
		f.Add(s, int64(0))
	}
	r := New()
	us := New(WithMonthFirst())
	f.Fuzz(func(t *testing.T, s string, pubKey int64) {
		var pub time.Time
		if pubKey != 0 {
			// Any day from year 1 to about 9999, so that edge years are exercised too.
			pub = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(uint64(pubKey)%3_650_000))
		}
		for _, res := range [][]Expr{r.Find(s, pub), us.Find(s, pub)} {
			checkInvariants(t, s, res)
			for _, x := range res {
				if pub.IsZero() && (x.Relative || x.Future) {
					t.Errorf("%q: %q is relative or future without a publication date", s, x.Text)
				}
			}
		}
	})
}
