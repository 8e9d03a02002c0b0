package events

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/source"
)

// fake codes by table: document ID → events.
type fake map[string][]event.Event

func (f fake) Code(_ context.Context, d *source.Document) ([]event.Event, error) { return f[d.ID], nil }

func ev(src, tgt, root, date, country, city string) event.Event {
	e := event.Event{Source: &event.Actor{Code: src, Country: src}, Root: root, Date: date}
	if tgt != "" {
		e.Target = &event.Actor{Code: tgt, Country: tgt}
	}
	if country != "" {
		e.Location = &event.Location{Country: country, Name: city}
	}
	return e
}

func TestScore(t *testing.T) {
	f, err := os.Open("testdata/gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := Read(f, "gold.jsonl")
	f.Close()
	if err != nil || len(recs) != 3 {
		t.Fatalf("read: %v, %d records", err, len(recs))
	}
	c := fake{
		"a": {ev("KEN", "UGA", "04", "2024-03-11", "KEN", "Nairobi"), ev("KEN", "UGA", "04", "2024-03-11", "KEN", "")}, // a duplicate counts once
		"b": {ev("BRA", "CHL", "19", "2024-03-13", "", "")},                                                            // a false positive
		// "c" is missed
	}
	rep, err := Score(context.Background(), c, recs)
	if err != nil {
		t.Fatal(err)
	}
	if rep.All.TP != 1 || rep.All.FP != 1 || rep.All.FN != 1 {
		t.Fatalf("counts %+v", rep.All)
	}
	if rep.All.Precision != 0.5 || rep.All.Recall != 0.5 {
		t.Errorf("P/R %v %v", rep.All.Precision, rep.All.Recall)
	}
	if rep.ByRoot["19"].FP != 1 || rep.ByRoot["13"].FN != 1 || rep.ByRoot["04"].TP != 1 {
		t.Errorf("by root %+v", rep.ByRoot)
	}
	if rep.DateCorrect != 1 || rep.CountryCorrect != 1 || rep.CityCorrect != 1 {
		t.Errorf("date/place %+v", rep)
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{"{not json}\n", `{"id": "x", "events": []}` + "\n"} {
		_, err := Read(strings.NewReader(in), "bad.jsonl")
		if err == nil || !strings.Contains(err.Error(), "bad.jsonl:1") {
			t.Errorf("%q: error %v, want one naming bad.jsonl:1", in, err)
		}
	}
}

func TestSameCity(t *testing.T) {
	hodeidah := &event.Location{Name: "Al Ḩudaydah", Admin1: "Muḩāfaz̧at al Ḩudaydah", Country: "YEM", Precision: "city", Text: "Hodeidah province"}
	tests := []struct {
		loc  *event.Location
		gold GoldEvent
		want bool
	}{
		{hodeidah, GoldEvent{City: "Hodeidah", Country: "YEM"}, true},  // the text names it
		{hodeidah, GoldEvent{City: "Hodeidah", Country: "SAU"}, false}, // but in another country
		{hodeidah, GoldEvent{City: "Al Hudaydah"}, true},               // the gazetteer's name
		{&event.Location{Name: "Kherson", Admin1: "Kherson", Country: "UKR", Precision: "admin1", Text: "Kherson region"},
			GoldEvent{City: "Nova Kakhovka", Country: "UKR"}, false},
		{&event.Location{Name: "West Bank", Admin1: "West Bank", Country: "PSE", Precision: "admin1", Text: "West Bank city"},
			GoldEvent{City: "Nablus", Country: "PSE"}, false},
		{nil, GoldEvent{City: "Kabul"}, false},
	}
	for _, tt := range tests {
		if got := sameCity(tt.loc, tt.gold); got != tt.want {
			t.Errorf("sameCity(%+v, %+v) = %v", tt.loc, tt.gold, got)
		}
	}
}

func TestSamePlace(t *testing.T) {
	tests := []struct {
		got, gold string
		want      bool
	}{
		{"Ma’rib", "Marib", true},
		{"Washington, D.C.", "Washington", true},
		{"São Paulo", "Sao Paulo", true},
		{"Juba", "Lower Juba", false},
		{"", "Kabul", false},
	}
	for _, tt := range tests {
		if got := samePlace(tt.got, tt.gold); got != tt.want {
			t.Errorf("samePlace(%q, %q) = %v", tt.got, tt.gold, got)
		}
	}
}
