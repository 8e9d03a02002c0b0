package plover

import (
	"context"
	"os"
	"testing"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/source"
)

type fake map[string][]event.Event

func (f fake) Code(_ context.Context, d *source.Document) ([]event.Event, error) { return f[d.ID], nil }

func ev(src, typ string) event.Event {
	return event.Event{Source: &event.Actor{Code: src, Country: src}, PLOVER: event.PLOVER{Type: typ}}
}

func TestScore(t *testing.T) {
	f, err := os.Open("testdata/records.json")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := Read(f, "records.json")
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].Event != "REQUEST" {
		t.Fatalf("records %+v (DEMAND must be renamed REQUEST, DOCUMENT skipped)", recs)
	}
	c := fake{
		"r1": {ev("POL", "REQUEST")},
		"r2": {ev("HUN", "AGREE"), ev("HUN", "CONSULT")},
	}
	rep, err := Score(context.Background(), c, recs)
	if err != nil {
		t.Fatal(err)
	}
	// r1: 1 TP; r2: HUN AGREE TP, HUN CONSULT FP, ROU AGREE FN
	if rep.All.TP != 2 || rep.All.FP != 1 || rep.All.FN != 1 || rep.TypeFound != 2 {
		t.Fatalf("counts %+v, type found %d", rep.All, rep.TypeFound)
	}
	if rep.ByType["CONSULT"].FP != 1 || rep.ByType["AGREE"].FN != 1 {
		t.Errorf("by type %+v", rep.ByType)
	}
}
