package store

import (
	"encoding/json"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/dyad-events/dyad/internal/event"
)

func TestParseDay(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"2021-08-23", 20210823}, {"2021-08", 20210801}, {"2021", 20210101}, {"1980/1989", 19800101},
		{"2021-08-23T10:00:00Z", 20210823}, {"2021-02-30", 0}, {"2021-13", 0}, {"", 0}, {"soon", 0},
		{"20210823", 0}, {"0000", 0}, {"2021x08", 0},
	}
	for _, tt := range tests {
		if got := parseDay(tt.in); got != tt.want {
			t.Errorf("parseDay(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestEventDay(t *testing.T) {
	tests := []struct {
		date, published string
		want            int64
	}{
		{"2021-08-23", "2021-08-24", 20210823}, {"", "2021-08-24", 20210824}, {"", "", 0}, {"bad", "2021-08-24", 20210824},
	}
	for _, tt := range tests {
		if got := eventDay(&event.Event{Date: tt.date, Published: tt.published}); got != tt.want {
			t.Errorf("eventDay(%q, %q) = %d, want %d", tt.date, tt.published, got, tt.want)
		}
	}
}

func TestWeekOf(t *testing.T) {
	tests := []struct{ day, want int64 }{
		{20210823, 20210823}, // a Monday
		{20210829, 20210823}, // Sunday
		{20210101, 20201228}, // across a year
		{0, 0},
	}
	for _, tt := range tests {
		if got := weekOf(tt.day); got != tt.want {
			t.Errorf("weekOf(%d) = %d, want %d", tt.day, got, tt.want)
		}
	}
}

func TestRebind(t *testing.T) {
	d := Dialect{Numbered: true}
	if got := d.rebind("a = ? AND b IN (?, ?)"); got != "a = $1 AND b IN ($2, $3)" {
		t.Errorf("rebind = %q", got)
	}
	d.Numbered = false
	if got := d.rebind("a = ?"); got != "a = ?" {
		t.Errorf("rebind = %q", got)
	}
}

func TestCodeRange(t *testing.T) {
	tests := []struct {
		in   string
		code bool
		end  string
	}{
		{"USA", true, "USB"}, {"17", true, "18"}, {"AFG9", true, "AFG:"}, {"usa", false, "usb"}, {"O'Brien", false, "O'Brieo"},
		{"", false, ""}, {"é", false, "é\U0010FFFF"},
	}
	for _, tt := range tests {
		if got := isCode(tt.in); got != tt.code {
			t.Errorf("isCode(%q) = %v", tt.in, got)
		}
		if tt.in != "" {
			if got := codeEnd(tt.in); got != tt.end {
				t.Errorf("codeEnd(%q) = %q, want %q", tt.in, got, tt.end)
			}
		}
	}
}

func TestParseGrouping(t *testing.T) {
	tests := []struct {
		in   []string
		want Grouping
		err  bool
	}{
		{nil, Grouping{}, false},
		{[]string{"day", "root"}, Grouping{Day, Root}, false},
		{[]string{"dyad", "month"}, Grouping{Month, Dyad}, false},
		{[]string{"week"}, Grouping{Period: Week}, false},
		{[]string{"day", "week"}, Grouping{}, true},
		{[]string{"root", "quad"}, Grouping{}, true},
		{[]string{"year"}, Grouping{}, true},
	}
	for _, tt := range tests {
		got, err := ParseGrouping(tt.in)
		if (err != nil) != tt.err || (!tt.err && got != tt.want) {
			t.Errorf("ParseGrouping(%v) = %+v, %v", tt.in, got, err)
		}
	}
}

func TestMigrations(t *testing.T) {
	good := fstest.MapFS{
		"m/002_more.sql":  {Data: []byte("B")},
		"m/001_first.sql": {Data: []byte("A")},
		"m/README":        {Data: []byte("not a migration")},
	}
	ms, err := migrations(good)
	if err != nil || len(ms) != 2 || ms[0].version != 1 || ms[1].sql != "B" {
		t.Fatalf("migrations = %+v, %v", ms, err)
	}
	for name, fsys := range map[string]fstest.MapFS{
		"no number": {"first.sql": {Data: []byte("A")}},
		"zero":      {"000_x.sql": {Data: []byte("A")}},
		"twice":     {"001_a.sql": {Data: []byte("A")}, "001_b.sql": {Data: []byte("B")}},
	} {
		if _, err := migrations(fsys); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestWords(t *testing.T) {
	got := Words("'; DROP TABLE events; -- 100% café")
	want := []string{"DROP", "TABLE", "events", "100", "café"}
	if len(got) != len(want) {
		t.Fatalf("Words = %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Words = %q, want %q", got, want)
		}
	}
}

func FuzzParseDay(f *testing.F) {
	for _, s := range []string{"2021-08-23", "2021-08", "1980/1989", "2021-02-30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := parseDay(s)
		if d == 0 {
			return
		}
		if m, dd := d/100%100, d%100; m < 1 || m > 12 || dd < 1 || dd > 31 || d/10000 < 1 {
			t.Fatalf("parseDay(%q) = %d", s, d)
		}
		if w := weekOf(d); w > d || dayTime(w).Weekday() != 1 {
			t.Fatalf("weekOf(%d) = %d", d, w)
		}
	})
}

func FuzzParseGrouping(f *testing.F) {
	f.Add("day", "root")
	f.Add("week", "week")
	f.Fuzz(func(t *testing.T, a, b string) {
		g, err := ParseGrouping([]string{a, b})
		if err != nil {
			return
		}
		switch g.Period {
		case NoPeriod, Day, Week, Month:
		default:
			t.Fatalf("period %q", g.Period)
		}
		switch g.Key {
		case NoKey, Root, Quad, Dyad:
		default:
			t.Fatalf("key %q", g.Key)
		}
	})
}

// TestEventArgs: an INSERT of events binds every column but num_articles and num_sources, which it
// writes as 1 and which come last but one; an absent actor, attribution or place binds NULLs.
func TestEventArgs(t *testing.T) {
	if n := len(eventColumns); n < 3 || !slices.Equal(eventColumns[n-3:], []string{"num_articles", "num_sources", "added"}) {
		t.Fatalf("eventColumns end in %v", eventColumns[max(0, len(eventColumns)-3):])
	}
	full := &event.Event{ID: "e1", Source: &event.Actor{Code: "AFGGOV", Agents: []string{"GOV"}},
		Target: &event.Actor{Code: "IGOUNO", Agents: []string{"IGO", "UNO"}}, Attribution: &event.Attribution{Name: "a"},
		Location: &event.Location{Name: "Kabul"}, Explain: &event.Explanation{Pattern: "p"}, Date: "2021-08-23"}
	bare := &event.Event{ID: "e2"}
	for _, e := range []*event.Event{full, bare} {
		args, err := appendEventArgs(nil, e, "d", "d", 7)
		if err != nil {
			t.Fatal(err)
		}
		if len(args) != len(eventColumns)-2 {
			t.Fatalf("%s: %d arguments for %d columns, two of them written as 1", e.ID, len(args), len(eventColumns))
		}
		nulls := 0
		for _, a := range args {
			if a == nil {
				nulls++
			}
		}
		if want := map[string]int{"e1": 0, "e2": 9 + 9 + 4 + 9 + 1}[e.ID]; nulls != want {
			t.Errorf("%s: %d NULLs, want %d", e.ID, nulls, want)
		}
		if args[len(args)-1] != int64(7) {
			t.Errorf("%s: last argument %v, want added", e.ID, args[len(args)-1])
		}
	}
}

func TestAgentsJSON(t *testing.T) {
	for _, agents := range [][]string{nil, {}, {"GOV"}, {"IGO", "UNO"}, {`quote"d`}, {"ünï", "a\\b"}, {""}, {"A1", "</script>"}} {
		want, err := json.Marshal(agents)
		if err != nil {
			t.Fatal(err)
		}
		if got := agentsJSON(agents); got != string(want) {
			t.Errorf("agentsJSON(%q) = %s, want %s", agents, got, want)
		}
	}
}

func FuzzAgentsJSON(f *testing.F) {
	f.Add("GOV", "</b>")
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, agents := range [][]string{{a}, {a, b}} {
			want, _ := json.Marshal(agents)
			if got := agentsJSON(agents); got != string(want) {
				t.Fatalf("agentsJSON(%q) = %s, want %s", agents, got, want)
			}
		}
	})
}
