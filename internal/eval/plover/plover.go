package plover

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/dyad-events/dyad/internal/eval"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/eval/events"
	"github.com/dyad-events/dyad/internal/source"
)

// Renames maps the record file's older type names to PLOVER 2021's (documented with the file).
var Renames = map[string]string{
	"DEMAND":      "REQUEST",
	"DISAPPROVE":  "ACCUSE",
	"FIGHT":       "ASSAULT",
	"INVESTIGATE": "ACCUSE",
}

type actor struct {
	Text string `json:"actorText"`
	Code string `json:"code"`
}

// Record is one gold-standard record (only the fields scored).
type Record struct {
	ID     string  `json:"id"`
	Date   string  `json:"date"`
	Event  string  `json:"event"`
	Text   string  `json:"text"`
	Source []actor `json:"source"`
}

// Read reads the records; the file's documentation record (event DOCUMENT) is skipped.
func Read(r io.Reader, name string) ([]Record, error) {
	var raw []json.RawMessage
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var out []Record
	for i, m := range raw {
		var rec Record
		if err := json.Unmarshal(m, &rec); err != nil {
			// a source given as a bare string or other variant: skip with the reason
			return out, fmt.Errorf("%s: record %d: %w", name, i, err)
		}
		if rec.Event == "DOCUMENT" || rec.Text == "" {
			continue
		}
		if n, ok := Renames[rec.Event]; ok {
			rec.Event = n
		}
		out = append(out, rec)
	}
	return out, nil
}

// Counts are pair counts with their precision, recall and F1.
type Counts = eval.PRF

// Report is the outcome: F1 over (type, source country) pairs, overall and per type, plus type-only
// accuracy (the record's type among the types dyad coded for the sentence).
type Report struct {
	Records       int               `json:"records"`
	All           Counts            `json:"all"`
	ByType        map[string]Counts `json:"by_type"`
	TypeFound     int               `json:"type_found"`
	TypeRecall    float64           `json:"type_recall"`
	NoEvent       int               `json:"no_event"`
	Disagreements []string          `json:"disagreements,omitempty"`
}

// Score codes every record's text and compares (type, source) pairs.
func Score(ctx context.Context, c events.Coder, recs []Record) (Report, error) {
	rep := Report{ByType: map[string]Counts{}}
	for _, rec := range recs {
		pub, _ := time.Parse("2006-01-02", rec.Date) // the records' dates are placeholders; zero is fine
		evs, err := c.Code(ctx, &source.Document{ID: rec.ID, Text: rec.Text, Published: pub, Lang: "en"})
		if err != nil {
			return rep, fmt.Errorf("%s: %w", rec.ID, err)
		}
		rep.Records++
		gold := map[string]bool{}
		for _, a := range rec.Source {
			gold[rec.Event+">"+a.Code] = true
		}
		got := map[string]bool{}
		types := map[string]bool{}
		for i := range evs {
			e := &evs[i]
			if e.PLOVER.Type == "" {
				continue // CAMEO statements (01x) have no PLOVER event
			}
			types[e.PLOVER.Type] = true
			got[e.PLOVER.Type+">"+events.Key(e.Source)] = true
		}
		if len(evs) == 0 {
			rep.NoEvent++
		}
		if types[rec.Event] {
			rep.TypeFound++
		}
		var gotList []string
		for k := range got {
			t := k[:strings.IndexByte(k, '>')]
			tc := rep.ByType[t]
			if gold[k] {
				rep.All.TP++
				tc.TP++
			} else {
				rep.All.FP++
				tc.FP++
			}
			rep.ByType[t] = tc
			gotList = append(gotList, k)
		}
		for k := range gold {
			if !got[k] {
				rep.All.FN++
				tc := rep.ByType[rec.Event]
				tc.FN++
				rep.ByType[rec.Event] = tc
			}
		}
		if !sameKeys(gold, got) {
			sort.Strings(gotList)
			var g []string
			for k := range gold {
				g = append(g, k)
			}
			sort.Strings(g)
			rep.Disagreements = append(rep.Disagreements, fmt.Sprintf("%s\tgold %v\tgot %v\t%s", rec.ID, g, gotList, rec.Text))
		}
	}
	rep.All.Finish()
	for k, v := range rep.ByType {
		v.Finish()
		rep.ByType[k] = v
	}
	if rep.Records > 0 {
		rep.TypeRecall = float64(rep.TypeFound) / float64(rep.Records)
	}
	return rep, nil
}

func sameKeys(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}
