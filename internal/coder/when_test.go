package coder

import (
	"testing"

	"github.com/dyad-events/dyad/internal/event"
)

// TestOffsetDates checks that an event introduced by an offset ("a day after", "a week before") is dated
// from the expression before it, and that a plain "after" or a missing anchor leaves it alone.
func TestOffsetDates(t *testing.T) {
	c := standardCoder(t)
	tests := []struct {
		text, verb, want string
	}{
		{"Authorities in Ecuador imposed a curfew on Friday, a day after gunmen attacked two police stations in Esmeraldas.", "attacked", "2023-02-09"},
		{"Kenyan police arrested three men on Tuesday, two days after militants attacked a market in Garissa.", "attacked", "2023-02-05"},
		{"Chad recalled its ambassador from Khartoum on Monday, a week after Sudanese troops shelled the Chadian town of Adre.", "shelled", "2023-01-30"},
		{"Kenyan police arrested three men on Tuesday, two days after militants attacked a market in Garissa.", "arrested", "2023-02-07"},
		// no offset: the sentence's time
		{"Kenyan police arrested three Somali men on Tuesday after al-Shabaab militants attacked Kenyan troops in Garissa.", "attacked", "2023-02-07"},
		// no anchor of day precision: the offset says nothing of the date
		{"Kenyan police arrested three Somali men, two days after al-Shabaab militants attacked Kenyan troops in Garissa.", "attacked", "2023-02-11"},
	}
	for _, tt := range tests {
		for _, e := range eventsOf(t, c, tt.text, "2023-02-11", tt.verb) {
			if e.Date != tt.want {
				t.Errorf("%q: %s dated %s (%q), want %s", tt.text, tt.verb, e.Date, e.DateText, tt.want)
			}
		}
	}
}

// eventsOf codes text and returns the events of the verb written verb, failing the test when there is none.
func eventsOf(t *testing.T, c *Coder, text, date, verb string) []event.Event {
	t.Helper()
	var out []event.Event
	for _, e := range codeText(t, c, text, date) {
		if e.Verb.Text == verb {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		t.Errorf("%q: no event of %q", text, verb)
	}
	return out
}

func TestOffsetDays(t *testing.T) {
	for _, tt := range []struct {
		v       string
		n, unit int
		ok      bool
	}{
		{"P1D", 1, 1, true}, {"P2D", 2, 1, true}, {"-P1W", -1, 7, true}, {"P3W", 3, 7, true},
		{"P1M", 0, 0, false}, {"PT3H", 0, 0, false}, {"P", 0, 0, false}, {"", 0, 0, false}, {"P999D", 0, 0, false},
	} {
		n, unit, ok := offsetDays(tt.v)
		if n != tt.n || unit != tt.unit || ok != tt.ok {
			t.Errorf("offsetDays(%q) = %d, %d, %v; want %d, %d, %v", tt.v, n, unit, ok, tt.n, tt.unit, tt.ok)
		}
	}
}

// TestPartOfMonth checks that the early, middle or end of a month dates an event by that month, and that
// other ranges stay ranges.
func TestPartOfMonth(t *testing.T) {
	c := standardCoder(t)
	tests := []struct{ text, verb, date, precision string }{
		{"Angolan police expelled 4,000 Congolese migrants from Lunda Norte early this month, the U.N. said.", "expelled", "2018-10", "month"},
		{"Kenyan police arrested 40 Somali migrants in Nairobi in mid-September.", "arrested", "2018-09", "month"},
		{"Kenyan police arrested 40 Somali migrants in Nairobi in late 2017.", "arrested", "2017-09/2017-12", "range"},
	}
	for _, tt := range tests {
		for _, e := range eventsOf(t, c, tt.text, "2018-10-12", tt.verb) {
			if e.Date != tt.date || e.DatePrecision != tt.precision {
				t.Errorf("%q: dated %s (%s), want %s (%s)", tt.text, e.Date, e.DatePrecision, tt.date, tt.precision)
			}
		}
	}
}
