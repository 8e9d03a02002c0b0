package petrarch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/coder"
	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/lexicon"
	lexpetrarch "github.com/dyad-events/dyad/internal/lexicon/petrarch"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/ontology"
	"github.com/dyad-events/dyad/internal/source"
)

// replay is a coder that returns fixed events per document, to test the scoring rules alone.
type replay map[string][]event.Event

func (r replay) Code(_ context.Context, doc *source.Document) ([]event.Event, error) {
	if doc.ID == "fail" {
		return nil, errors.New("boom")
	}
	return r[doc.ID], nil
}

func ev(src, tgt, code string) event.Event {
	e := event.Event{CAMEO: code, Source: &event.Actor{Code: src}}
	if tgt != "" {
		e.Target = &event.Actor{Code: tgt}
	}
	return e
}

func TestScore(t *testing.T) {
	f, _ := readFile(t, "testdata/records.xml")
	tests := []struct {
		name          string
		events        replay
		passed        int
		enabled       int
		failures      []string
		wantNewActors []int
	}{
		{"all right", replay{
			"ONE-01": {ev("VLD", "KES", "120"), ev("VLD", "", "010")}, // no target: dropped (require_dyad)
			"ONE-02": {ev(`"THE HARBOUR"`, "KES", "041"), ev("KES", `"THE HARBOUR"`, "041")},
		}, 4, 2, nil, []int{0, 3}},
		{"duplicates count once", replay{
			"ONE-01": {ev("VLD", "KES", "120"), ev("VLD", "KES", "120")},
			"ONE-02": {ev(`"THE HARBOUR"`, "KES", "041"), ev("KES", `"THE HARBOUR"`, "041"), ev("KES", "", "023")},
		}, 3, 2, []string{"ONE-02"}, nil}, // require_dyad is off for ONE-02: the targetless event counts
		{"noevents and errors want nothing", replay{
			"TWO-01": {ev("VLD", "KES", "120")},
			"TWO-02": {ev("VLD", "KES", "120")},
		}, 0, 0, []string{"ONE-01", "ONE-02", "TWO-01", "TWO-02"}, nil},
	}
	for _, tt := range tests {
		var opts []int
		rep, err := Score(context.Background(), func(o Options) (Coder, error) {
			opts = append(opts, o.NewActorLength)
			return tt.events, nil
		}, f)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var failed []string
		for _, fl := range rep.Failures {
			failed = append(failed, fl.ID)
		}
		if rep.Passed != tt.passed || rep.Total != 4 || rep.Enabled.Passed != tt.enabled || rep.Enabled.Total != 2 ||
			!slices.Equal(failed, tt.failures) {
			t.Errorf("%s: passed %d/%d, enabled %d/%d, failures %v; want %d/4, %d/2, %v", tt.name, rep.Passed, rep.Total,
				rep.Enabled.Passed, rep.Enabled.Total, failed, tt.passed, tt.enabled, tt.failures)
		}
		if tt.wantNewActors != nil && !slices.Equal(opts, tt.wantNewActors) {
			t.Errorf("%s: coders asked for new_actor_length %v, want %v", tt.name, opts, tt.wantNewActors)
		}
		if c := rep.ByCategory["ONE"]; c == nil || c.Total != 2 {
			t.Errorf("%s: by category %v", tt.name, rep.ByCategory)
		}
	}
	bad := &File{Records: []Record{{ID: "fail", Text: "x", Line: 3}}}
	if _, err := Score(context.Background(), func(Options) (Coder, error) { return replay{}, nil }, bad); err == nil {
		t.Error("a coding error must be reported")
	}
}

// shared is the folder of the shared PETRARCH data, read at test time only.
func shared(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "..", "shared", "anchors-data", "petrarch2")
	if _, err := os.Stat(filepath.Join(dir, "text", "PETR.UnitTest.records.xml")); err != nil {
		t.Skipf("shared PETRARCH data not found at %s: %v", dir, err)
	}
	return dir
}

// minUnitTest is the pass rate the unit-test records must keep (the level reached minus a small margin).
const minUnitTest = 0.82

// TestUnitTestRecords codes PETRARCH's unit-test records with dyad's own parser and the validation
// dictionaries.
func TestUnitTestRecords(t *testing.T) {
	if testing.Short() {
		t.Skip("codes 284 records; skipped in -short")
	}
	dir := shared(t)
	p, err := nlp.Load()
	if err != nil {
		t.Skipf("NLP models not built (go run ./cmd/dyad train): %v", err)
	}
	f, err := readFile(t, filepath.Join(dir, "text", "PETR.UnitTest.records.xml"))
	if err != nil {
		t.Fatal(err)
	}
	lex := lexicon.New()
	var files lexpetrarch.Files
	files.Verbs, files.Actors, files.Agents, files.Discards = f.Env.Dictionaries()
	if err := lexpetrarch.Load(lex, filepath.Join(dir, "dictionaries"), files); err != nil {
		t.Fatal(err)
	}
	ont, err := ontology.Default()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Score(context.Background(), func(o Options) (Coder, error) {
		return coder.New(coder.Options{Pipeline: p, Lexicon: lex, Ontology: ont,
			Petrarch: coder.Petrarch{Enabled: true, NewActorLength: o.NewActorLength}})
	}, f)
	if err != nil {
		t.Fatal(err)
	}
	var cats []string
	for c := range rep.ByCategory {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	var b strings.Builder
	for _, c := range cats {
		fmt.Fprintf(&b, " %s %d/%d", c, rep.ByCategory[c].Passed, rep.ByCategory[c].Total)
	}
	rate := float64(rep.Passed) / float64(rep.Total)
	t.Logf("passed %d/%d = %.1f %%; enabled %d/%d; by category:%s", rep.Passed, rep.Total, 100*rate,
		rep.Enabled.Passed, rep.Enabled.Total, b.String())
	if rate < minUnitTest {
		t.Errorf("pass rate %.1f %% below %.1f %%", 100*rate, 100*minUnitTest)
	}
}
