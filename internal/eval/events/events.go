package events

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/dyad-events/dyad/internal/eval"
	"io"
	"sort"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/source"
)

// Coder is what is scored.
type Coder interface {
	Code(ctx context.Context, doc *source.Document) ([]event.Event, error)
}

// GoldEvent is one expected event. Src and Tgt are country codes (ISO alpha-3, or IGO/NGO for international
// bodies); Tgt is empty when the event has no target. Date and Country are optional: when present, the
// event's date (as dyad writes it: 2021-08-23, 2010-03, 2010, 1980/1989) and place country are scored too.
type GoldEvent struct {
	Src     string `json:"src"`
	Tgt     string `json:"tgt"`
	Root    string `json:"root"`
	Date    string `json:"date,omitempty"`
	Country string `json:"country,omitempty"`
	City    string `json:"city,omitempty"` // city or admin1 name when the text names one
}

// Record is one gold sentence (or short text).
type Record struct {
	ID     string      `json:"id"`
	Date   string      `json:"date"`
	Text   string      `json:"text"`
	Events []GoldEvent `json:"events"`
	line   int
}

// Read reads a gold JSONL file; a malformed line is an error naming the line.
func Read(r io.Reader, name string) ([]Record, error) {
	br := bufio.NewReader(r)
	var out []Record
	for n := 1; ; n++ {
		line, err := br.ReadString('\n')
		if s := strings.TrimSpace(line); s != "" && !strings.HasPrefix(s, "//") {
			var rec Record
			if jerr := json.Unmarshal([]byte(s), &rec); jerr != nil {
				return out, fmt.Errorf("%s:%d: %w", name, n, jerr)
			}
			if rec.Text == "" {
				return out, fmt.Errorf("%s:%d: no text", name, n)
			}
			rec.line = n
			out = append(out, rec)
		}
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
	}
}

// Counts are pair counts with their precision, recall and F1.
type Counts = eval.PRF

// Miss is a disagreement, for the report.
type Miss struct {
	ID, Text string
	Gold     []string
	Got      []string
}

// Report is the outcome of a run.
type Report struct {
	Records int               `json:"records"`
	Events  int               `json:"gold_events"`
	All     Counts            `json:"all"`
	ByRoot  map[string]Counts `json:"by_root"`
	// Date and place accuracy over gold events that carry them and were found (dyad + root matched).
	DateTotal, DateCorrect       int
	CountryTotal, CountryCorrect int
	CityTotal, CityCorrect       int
	DateAccuracy                 float64 `json:"date_accuracy"`
	CountryAccuracy              float64 `json:"country_accuracy"`
	CityAccuracy                 float64 `json:"city_accuracy"`
	Misses                       []Miss  `json:"misses,omitempty"`
	// WhenWhere lists matched events whose date or place disagrees with the gold, for the verbose report.
	WhenWhere []string `json:"when_where,omitempty"`
}

// Key returns the country-level code of an actor: its country, or IGO/NGO for international bodies.
func Key(a *event.Actor) string {
	if a == nil {
		return ""
	}
	if a.Country != "" {
		return a.Country
	}
	if len(a.Code) >= 3 {
		return a.Code[:3]
	}
	return a.Code
}

func goldKey(g GoldEvent) string { return g.Src + ">" + g.Tgt + ">" + rootOf(g.Root) }
func rootOf(code string) string {
	if len(code) >= 2 {
		return code[:2]
	}
	return code
}

// samePlace compares place names loosely: case, diacritics, punctuation and a trailing qualifier do not
// count ("Ma’rib" = "Marib", "Washington, D.C." = "Washington", "São Paulo" = "Sao Paulo").
func samePlace(got, gold string) bool {
	g, w := foldName(got), foldName(gold)
	return g != "" && (g == w || strings.HasPrefix(g, w) && len(w) >= 4)
}

// sameCity reports whether loc is the gold event's city or region: by the gazetteer's name, by its
// region's name when it is a region, or by the words of the text it was resolved from, in the gold country,
// so that a place the gazetteer spells otherwise ("Hodeidah province" resolved to Al Ḩudaydah) counts.
func sameCity(loc *event.Location, g GoldEvent) bool {
	if loc == nil {
		return false
	}
	return samePlace(loc.Name, g.City) || samePlace(loc.Admin1, g.City) && loc.Precision == "admin1" ||
		samePlace(loc.Text, g.City) && (g.Country == "" || loc.Country == g.Country)
}

func foldName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Score codes every record and compares.
func Score(ctx context.Context, c Coder, recs []Record) (Report, error) {
	rep := Report{ByRoot: map[string]Counts{}}
	for _, rec := range recs {
		pub, err := time.Parse("2006-01-02", rec.Date)
		if err != nil && rec.Date != "" {
			return rep, fmt.Errorf("record %s: date %q: %w", rec.ID, rec.Date, err)
		}
		doc := &source.Document{ID: rec.ID, Text: rec.Text, Published: pub, Lang: "en"}
		evs, err := c.Code(ctx, doc)
		if err != nil {
			return rep, fmt.Errorf("record %s: %w", rec.ID, err)
		}
		rep.Records++
		rep.Events += len(rec.Events)
		// predicted keys, deduplicated: several mentions of one event count once
		got := map[string]*event.Event{}
		var gotKeys []string
		for i := range evs {
			e := &evs[i]
			k := Key(e.Source) + ">" + Key(e.Target) + ">" + e.Root
			if _, dup := got[k]; !dup {
				got[k] = e
				gotKeys = append(gotKeys, k)
			}
		}
		matched := map[string]bool{}
		var miss Miss
		for _, g := range rec.Events {
			k := goldKey(g)
			root := rootOf(g.Root)
			rc := rep.ByRoot[root]
			if e, ok := got[k]; ok && !matched[k] {
				matched[k] = true
				rep.All.TP++
				rc.TP++
				loc := "none"
				if e.Location != nil {
					loc = e.Location.Name + "/" + e.Location.Admin1 + "/" + e.Location.Country + " (" + e.Location.From + ")"
				}
				if g.Date != "" {
					rep.DateTotal++
					if e.Date == g.Date {
						rep.DateCorrect++
					} else {
						rep.WhenWhere = append(rep.WhenWhere, fmt.Sprintf("DATE %s gold %s got %s (%s %q)\t%s", rec.ID, g.Date, e.Date, e.DatePrecision, e.DateText, rec.Text))
					}
				}
				if g.Country != "" {
					rep.CountryTotal++
					if e.Location != nil && e.Location.Country == g.Country {
						rep.CountryCorrect++
					} else {
						rep.WhenWhere = append(rep.WhenWhere, fmt.Sprintf("COUNTRY %s gold %s got %s\t%s", rec.ID, g.Country, loc, rec.Text))
					}
				}
				if g.City != "" {
					rep.CityTotal++
					if sameCity(e.Location, g) {
						rep.CityCorrect++
					} else {
						rep.WhenWhere = append(rep.WhenWhere, fmt.Sprintf("CITY %s gold %s got %s\t%s", rec.ID, g.City, loc, rec.Text))
					}
				}
			} else {
				rep.All.FN++
				rc.FN++
				miss.Gold = append(miss.Gold, k)
			}
			rep.ByRoot[root] = rc
		}
		for _, k := range gotKeys {
			if matched[k] {
				continue
			}
			rep.All.FP++
			root := k[strings.LastIndexByte(k, '>')+1:]
			rc := rep.ByRoot[root]
			rc.FP++
			rep.ByRoot[root] = rc
			miss.Got = append(miss.Got, k)
		}
		if len(miss.Gold)+len(miss.Got) > 0 {
			miss.ID, miss.Text = rec.ID, rec.Text
			sort.Strings(miss.Got)
			rep.Misses = append(rep.Misses, miss)
		}
	}
	rep.All.Finish()
	for k, v := range rep.ByRoot {
		v.Finish()
		rep.ByRoot[k] = v
	}
	if rep.DateTotal > 0 {
		rep.DateAccuracy = float64(rep.DateCorrect) / float64(rep.DateTotal)
	}
	if rep.CountryTotal > 0 {
		rep.CountryAccuracy = float64(rep.CountryCorrect) / float64(rep.CountryTotal)
	}
	if rep.CityTotal > 0 {
		rep.CityAccuracy = float64(rep.CityCorrect) / float64(rep.CityTotal)
	}
	return rep, nil
}
