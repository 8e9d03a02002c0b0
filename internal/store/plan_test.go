package store_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/sqlite"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

// TestQueryPlans: every filter of `dyad query` that an index serves reads that index rather than
// scanning the events table (SQLite's plan for Events, over a store of a thousand events).
func TestQueryPlans(t *testing.T) {
	s, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "plans.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var batch []store.Entry
	for en := range storetest.Synthetic(100, 10) {
		batch = append(batch, en)
	}
	if _, err := s.Put(t.Context(), batch); err != nil {
		t.Fatal(err)
	}
	year := func(y int) (time.Time, time.Time) {
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	since, until := year(2020)
	tests := []struct {
		name  string
		f     store.Filter
		index string // in the plan
	}{
		{"actor code", store.Filter{Actor: "USA"}, "events_source_code"},
		{"actor code, other side", store.Filter{Actor: "USA"}, "events_target_code"},
		{"source code", store.Filter{Source: "USAGOV"}, "events_source_code"},
		{"target code", store.Filter{Target: "AFG"}, "events_target_code"},
		{"root", store.Filter{Root: "17"}, "events_root"},
		{"dates", store.Filter{Since: since, Until: until}, "events_day"},
		{"country and dates", store.Filter{Country: "AFG", Since: since, Until: until}, "events_day"},
		{"text", store.Filter{Text: "officials"}, "events_fts"},
		{"target issue 5", store.Filter{Actor: "USA", Root: "17", Since: since, Until: until}, "INDEX"},
	}
	for _, tt := range tests {
		q, args := store.EventsQuery(s, tt.f)
		rows, err := s.DB().QueryContext(t.Context(), "EXPLAIN QUERY PLAN "+q, args...)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		all := strings.Join(plan, "; ")
		scan := false // of the table itself; "SCAN e USING INDEX" reads an index in order
		for _, step := range plan {
			scan = scan || step == "SCAN e" || strings.HasPrefix(step, "SCAN e ") && !strings.HasPrefix(step, "SCAN e USING")
		}
		if !strings.Contains(all, tt.index) || scan {
			t.Errorf("%s: plan %q, want it to use %s and no scan of the table", tt.name, all, tt.index)
		}
		t.Logf("%s: %s", tt.name, all)
	}
}
