package source

import (
	"testing"
	"time"
)

func TestParseDateline(t *testing.T) {
	tests := []struct {
		in     string
		ok     bool
		place  string
		agency string
		month  time.Month
		day    int
		year   int
		body   string // text from End on
	}{
		{"KABUL, Aug 24 (Reuters) - Talks began.", true, "KABUL", "Reuters", time.August, 24, 0, "Talks began."},
		{"WASHINGTON (AP) — The vote was delayed.", true, "WASHINGTON", "AP", 0, 0, 0, "The vote was delayed."},
		{"NAIROBI, Kenya, March 3, 2022 – Crowds gathered.", true, "NAIROBI, Kenya", "", time.March, 3, 2022, "Crowds gathered."},
		{"LONDON, Jan. 5 (Reuters) - Prices rose.", true, "LONDON", "Reuters", time.January, 5, 0, "Prices rose."},
		{"GENEVA, 12 March (AFP) -- Envoys met.", true, "GENEVA", "AFP", time.March, 12, 0, "Envoys met."},
		{"PORT-AU-PRINCE, Sept 3rd - Aid arrived.", true, "PORT-AU-PRINCE", "", time.September, 3, 0, "Aid arrived."},
		{"SAN JUAN, Puerto Rico (AP) - Power returned.", true, "SAN JUAN, Puerto Rico", "AP", 0, 0, 0, "Power returned."},
		{"SÃO PAULO, 4 May 2019 - Workers struck.", true, "SÃO PAULO", "", time.May, 4, 2019, "Workers struck."},
		{"BEIRUT—Protesters returned to the square.", true, "BEIRUT", "", 0, 0, 0, "Protesters returned to the square."},
		{"  \n\nDAMASCUS, June 1 (Reuters) - Shelling resumed.", true, "DAMASCUS", "Reuters", time.June, 1, 0, "Shelling resumed."},
		{"A headline of the day\nTUNIS, Oct 9 - Voters queued.", true, "TUNIS", "", time.October, 9, 0, "Voters queued."},
		// Not datelines.
		{"The president said on Monday - in a speech - that talks would go on.", false, "", "", 0, 0, 0, ""},
		{"Kabul, Aug 24 (Reuters) - Lower-case places are not datelines.", false, "", "", 0, 0, 0, ""},
		{"KABUL, Aug 45 (Reuters) - Impossible day.", false, "", "", 0, 0, 0, ""},
		{"KABUL, yesterday - Not a date.", false, "", "", 0, 0, 0, ""},
		{"KABUL - ", false, "", "", 0, 0, 0, ""},
		{"KABUL, Aug 24 (Reuters)", false, "", "", 0, 0, 0, ""},
		{"UN-BACKED TALKS-RESUME", false, "", "", 0, 0, 0, ""},
		{"First line\nSecond line\nKABUL, Aug 24 - Too deep.", false, "", "", 0, 0, 0, ""},
		{"", false, "", "", 0, 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, ok := parseDateline(tt.in)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v (%+v)", ok, tt.ok, d)
			}
			if !ok {
				return
			}
			if d.Place != tt.place || d.Agency != tt.agency || d.Month != tt.month || d.Day != tt.day || d.Year != tt.year {
				t.Errorf("got %+v, want place %q agency %q %v %d %d", d, tt.place, tt.agency, tt.month, tt.day, tt.year)
			}
			if got := tt.in[d.End:]; got != tt.body {
				t.Errorf("body = %q, want %q", got, tt.body)
			}
		})
	}
}

func TestDatelineDate(t *testing.T) {
	tests := []struct {
		name string
		d    dateline
		ref  time.Time
		want time.Time
		ok   bool
	}{
		{"same year", dateline{Month: time.August, Day: 24}, date(2021, 9, 1), date(2021, 8, 24), true},
		{"two days ahead is fine", dateline{Month: time.September, Day: 3}, date(2021, 9, 1), date(2021, 9, 3), true},
		{"December read in January", dateline{Month: time.December, Day: 30}, date(2022, 1, 2), date(2021, 12, 30), true},
		{"year given", dateline{Month: time.March, Day: 3, Year: 2019}, date(2022, 1, 2), date(2019, 3, 3), true},
		{"no date", dateline{}, date(2022, 1, 2), time.Time{}, false},
		{"impossible", dateline{Month: time.February, Day: 30}, date(2024, 6, 1), time.Time{}, false},
		{"leap day", dateline{Month: time.February, Day: 29}, date(2024, 6, 1), date(2024, 2, 29), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.d.date(tt.ref)
			if ok != tt.ok || !got.Equal(tt.want) {
				t.Errorf("date(%v) = %v, %v; want %v, %v", tt.ref, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestDatelineLead(t *testing.T) {
	text := "NAIROBI, March 3 (Wire) - Kenyan police fired tear gas at protesters."
	place, end, ok := Dateline(text)
	if !ok || place != "NAIROBI" || text[end:] != "Kenyan police fired tear gas at protesters." {
		t.Fatalf("Dateline = %q, %d (%q), %v", place, end, text[end:], ok)
	}
	if _, _, ok := Dateline("Kenyan police fired tear gas at protesters."); ok {
		t.Error("a plain sentence is no dateline")
	}
}
