package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"reflect"
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
// writes as 1 and which come last but one; an absent actor or place binds NULLs.
func TestEventArgs(t *testing.T) {
	if n := len(eventColumns); n < 3 || !slices.Equal(eventColumns[n-3:], []string{"num_articles", "num_sources", "added"}) {
		t.Fatalf("eventColumns end in %v", eventColumns[max(0, len(eventColumns)-3):])
	}
	full := &event.Event{ID: "e1", Source: &event.Actor{Code: "AFGGOV", Agents: []string{"GOV"}},
		Target: &event.Actor{Code: "IGOUNO", Agents: []string{"IGO", "UNO"}}, Attribution: &event.Attribution{Name: "a"},
		Location: &event.Location{Name: "Kabul"}, Explain: &event.Explanation{Pattern: "p"}, Date: "2021-08-23"}
	bare := &event.Event{ID: "e2"}
	for _, e := range []*event.Event{full, bare} {
		args, _, err := appendEventArgs(nil, nil, e, "d", "d", 7)
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
		if want := map[string]int{"e1": 0, "e2": 3 + 3 + 1}[e.ID]; nulls != want {
			t.Errorf("%s: %d NULLs, want %d", e.ID, nulls, want)
		}
		if args[len(args)-1] != int64(7) {
			t.Errorf("%s: last argument %v, want added", e.ID, args[len(args)-1])
		}
	}
}

// detailCases are events whose detail must decode to what they held.
func detailCases() []event.Event {
	return []event.Event{
		{},
		{URL: "https://example.org/a?b=1&c=<2>", Publisher: "Wire", Published: "2021-08-24", SentenceIndex: 3, SentenceStart: -1,
			Source: &event.Actor{Agents: []string{}, Text: "the \"rebels\"", Start: 4, End: 9, Via: "coref", Group: "Front"},
			Target: &event.Actor{Agents: []string{"IGO", "UNO"}}, CAMEOName: "Consult", PLOVER: event.PLOVER{Type: "CONSULT"},
			Verb: event.Verb{Text: "met", Lemma: "meet", Start: 10, End: 13}, Modality: "reported", Negated: true,
			Attribution: &event.Attribution{Name: "a spokesman", Text: "a spokesman said", Start: 1, End: 2},
			Confidence:  0.1 + 0.2, Date: "1980/1989", DatePrecision: "decade", DateText: "in the 1980s",
			Location: &event.Location{Name: "Kandahar", Admin1: "Kandahar", Lat: -31.6, Lon: 65.7e-300, Precision: "city",
				Approximate: true, Text: "in Kandahar", From: "phrase"},
			Explain: &event.Explanation{Pattern: "meet with", Lexicon: "verbs.txt:3", Path: []string{"nsubj(met, X)"}}},
		{Source: &event.Actor{}, Location: &event.Location{}, Verb: event.Verb{Lemma: "x"}, PLOVER: event.PLOVER{Mode: "m"},
			Attribution: &event.Attribution{}, Confidence: 1e21},
		{URL: "tab\tnewline\ncontrol\x01quote\"back\\slash", Publisher: "Zürich – 北京 \u2028", DateText: "\x7f"},
	}
}

// TestDetail: the detail of an event is JSON that decodes into the fields it holds, equal to the event's.
func TestDetail(t *testing.T) {
	for i, e := range detailCases() {
		b, err := appendDetail(nil, &e)
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		if !json.Valid(b) {
			t.Fatalf("case %d: invalid JSON %s", i, b)
		}
		var got event.Event
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		if !reflect.DeepEqual(got, e) {
			t.Errorf("case %d: %s\n got %+v\nwant %+v", i, b, got, e)
		}
	}
	if b, _ := appendDetail(nil, &event.Event{}); string(b) != "{}" {
		t.Errorf("empty event: %s, want {}", b)
	}
	for _, bad := range []event.Event{{Confidence: math.NaN()}, {Location: &event.Location{Lat: math.Inf(1)}}} {
		if _, err := appendDetail(nil, &bad); !errors.Is(err, errNotFinite) {
			t.Errorf("%+v: error %v, want errNotFinite", bad, err)
		}
	}
}

// TestDetailStrings: strings come out as encoding/json writes them, but for its HTML escapes.
func TestDetailStrings(t *testing.T) {
	for _, s := range []string{"", "plain", `quote"d`, `back\slash`, "\x00\x1f\t\r\n", "ünï 北京", "bad \xff utf8 \xe2\x82", "\u2028\u2029", "<&>"} {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var back string
		got := appendString(nil, s)
		if err := json.Unmarshal(got, &back); err != nil {
			t.Fatalf("%q: %s: %v", s, got, err)
		}
		var wantBack string
		if err := json.Unmarshal(want, &wantBack); err != nil {
			t.Fatal(err)
		}
		if back != wantBack {
			t.Errorf("appendString(%q) = %s reads back %q, encoding/json's %s reads back %q", s, got, back, want, wantBack)
		}
	}
}

// FuzzDetail: any text in any string field, any number, encodes to valid JSON that reads back the same
// (bytes that are not UTF-8 as U+FFFD), or to an error for a number JSON cannot hold.
func FuzzDetail(f *testing.F) {
	f.Add("Kabul", "say \"hi\"", 3, 0.5, 34.5)
	f.Add("\xff\x00", "\u2028", -1, math.Inf(-1), 0.0)
	f.Fuzz(func(t *testing.T, a, b string, n int, x, y float64) {
		e := event.Event{URL: a, Publisher: b, SentenceIndex: n, Confidence: x,
			Source: &event.Actor{Agents: []string{a, b}, Text: b, Start: n, Via: a},
			Verb:   event.Verb{Text: a, End: n}, Attribution: &event.Attribution{Name: b},
			Location: &event.Location{Name: a, Lat: y, Lon: x, From: b},
			Explain:  &event.Explanation{Pattern: a, Path: []string{b}}}
		got, err := appendDetail(nil, &e)
		if err != nil {
			if !errors.Is(err, errNotFinite) {
				t.Fatalf("error %v", err)
			}
			return
		}
		want, err := json.Marshal(struct {
			*event.Event
			ID, DocID, Sentence, CAMEO, Root any `json:"-"`
		}{Event: &e})
		if err != nil {
			t.Fatalf("encoding/json refused what appendDetail took: %v", err)
		}
		var g, w event.Event
		if err := json.Unmarshal(got, &g); err != nil {
			t.Fatalf("%s: %v", got, err)
		}
		if err := json.Unmarshal(want, &w); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("detail %s\n reads %+v\nencoding/json's reads %+v", got, g, w)
		}
	})
}

// FuzzRecord: a row's detail as stored by anything (another version, a hand edit) becomes an event or
// an error, never a panic; a detail written by appendDetail always reads back.
func FuzzRecord(f *testing.F) {
	for _, e := range detailCases() {
		b, err := appendDetail(nil, &e)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, true, false)
	}
	f.Add([]byte(`{"source":null,"location":{"lat":"x"}}`), true, true)
	f.Add([]byte(`{"verb":{"start":1e400}}`), false, false)
	f.Add([]byte(`[`), false, true)
	f.Fuzz(func(t *testing.T, detail []byte, source, place bool) {
		r := row{detail: detail, day: 20210823}
		r.srcCode.Valid, r.locCountry.Valid = source, place
		rec, err := r.record()
		if err != nil {
			return
		}
		if rec.Event.Source == nil && source && !bytes.Contains(detail, []byte("null")) {
			t.Errorf("source in the columns lost: %s", detail)
		}
	})
}
