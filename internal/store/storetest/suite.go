package storetest

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/source"
	"github.com/dyad-events/dyad/internal/store"
)

// Opener opens an empty store for one test, and reopen opens the same database again (after the
// suite closed the first handle). The suite closes what it opens.
type Opener func(t *testing.T) (s *store.SQL, reopen func(context.Context) (*store.SQL, error))

// Run runs the suite against a backend.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, Opener)
	}{
		{"RoundTrip", testRoundTrip},
		{"Idempotent", testIdempotent},
		{"Copies", testCopies},
		{"Filters", testFilters},
		{"Metacharacters", testMetacharacters},
		{"Aggregate", testAggregate},
		{"EarlyStop", testEarlyStop},
		{"ManyEvents", testManyEvents},
		{"TakenEventIDs", testTakenEventIDs},
		{"NewerSchema", testNewerSchema},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open) })
	}
}

func openStore(t *testing.T, open Opener) (*store.SQL, func(context.Context) (*store.SQL, error)) {
	t.Helper()
	s, reopen := open(t)
	t.Cleanup(func() { s.Close() })
	return s, reopen
}

func put(t *testing.T, s store.Store, batch ...store.Entry) []store.Outcome {
	t.Helper()
	out, err := s.Put(t.Context(), batch)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	if len(out) != len(batch) {
		t.Fatalf("Put gave %d outcomes for %d entries", len(out), len(batch))
	}
	return out
}

func records(t *testing.T, s store.Store, f store.Filter) []*store.Record {
	t.Helper()
	var out []*store.Record
	for r, err := range s.Events(t.Context(), f) {
		if err != nil {
			t.Fatalf("Events(%+v): %v", f, err)
		}
		out = append(out, r)
	}
	return out
}

func ids(rs []*store.Record) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Event.ID
	}
	return out
}

func stats(t *testing.T, s store.Store) store.Stats {
	t.Helper()
	st, err := s.Stats(t.Context())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st
}

func testRoundTrip(t *testing.T, open Opener) {
	s, _ := openStore(t, open)
	doc := Doc("rt1", 1)
	full := Event(doc, 1)
	bare := Bare(doc, 2, "GBRBUS", "17", "1711", "2021-08", -2.5)
	bare.Negated = true
	out := put(t, s, store.Entry{Doc: doc, Events: []event.Event{full, bare}})
	if out[0].Status != store.Added || out[0].Story != "rt1" || out[0].Events != 2 {
		t.Fatalf("outcome %+v", out[0])
	}
	got := records(t, s, store.Filter{})
	if len(got) != 2 {
		t.Fatalf("%d events back, want 2", len(got))
	}
	// Ordered by day: "2021-08" files under 2021-08-01, before 2021-08-23.
	for i, want := range []event.Event{bare, full} {
		if !reflect.DeepEqual(got[i].Event, want) {
			t.Errorf("event %d:\n got %+v\nwant %+v", i, got[i].Event, want)
		}
		if got[i].Story != "rt1" || got[i].Count != (event.Counts{Mentions: 1, Sources: 1, Articles: 1}) {
			t.Errorf("event %d: story %q counts %+v", i, got[i].Story, got[i].Count)
		}
		if time.Since(got[i].Added) > time.Hour || got[i].Added.After(time.Now().Add(time.Minute)) {
			t.Errorf("event %d: added %v", i, got[i].Added)
		}
	}
	d, err := s.Document(t.Context(), "rt1")
	if err != nil {
		t.Fatal(err)
	}
	if d.URL != doc.URL || d.Title != doc.Title || d.Publisher != doc.Publisher || !d.Published.Equal(doc.Published) ||
		d.Language != "en" || d.Origin != doc.Origin || !reflect.DeepEqual(d.Meta, doc.Meta) || d.Story != "rt1" || len(d.ContentHash) != 64 {
		t.Errorf("document %+v", d)
	}
	if _, err := s.Document(t.Context(), "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Document(nope) = %v, want ErrNotFound", err)
	}
	if ok, err := s.Has(t.Context(), "rt1"); !ok || err != nil {
		t.Errorf("Has(rt1) = %v, %v", ok, err)
	}
	if ok, err := s.Has(t.Context(), "rt2"); ok || err != nil {
		t.Errorf("Has(rt2) = %v, %v", ok, err)
	}
	if st := stats(t, s); st.Documents != 1 || st.Stories != 1 || st.Events != 2 || st.Actors != 3 || st.Schema < 1 {
		t.Errorf("stats %+v", st)
	}
}

func testIdempotent(t *testing.T, open Opener) {
	s, _ := openStore(t, open)
	a, b := Doc("a", 1), Doc("b", 2)
	b.URL = "" // identified by its text and publisher
	batch := []store.Entry{
		{Doc: a, Events: []event.Event{Event(a, 1)}},
		{Doc: b, Events: []event.Event{Event(b, 1), Event(b, 2)}},
	}
	put(t, s, batch...)
	before := stats(t, s)
	tests := []struct {
		name string
		doc  func() *source.Document
	}{
		{"same input", func() *source.Document { return a }},
		{"same ID, new text", func() *source.Document { d := *a; d.Text = Text(99, 120); return &d }},
		{"same URL, new ID", func() *source.Document { d := *a; d.ID = "a2"; return &d }},
		{"no URL, same text and publisher, new ID", func() *source.Document { d := *b; d.ID = "b2"; return &d }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := tt.doc()
			out := put(t, s, store.Entry{Doc: d, Events: []event.Event{Event(d, 1)}})
			if out[0].Status != store.Duplicate {
				t.Errorf("status %v, want duplicate", out[0].Status)
			}
			if after := stats(t, s); after != before {
				t.Errorf("stats %+v, want %+v", after, before)
			}
		})
	}
	out := put(t, s, batch...)
	for i, o := range out {
		if o.Status != store.Duplicate {
			t.Errorf("second put, entry %d: %v", i, o.Status)
		}
	}
	for _, r := range records(t, s, store.Filter{}) {
		if r.Count.Articles != 1 {
			t.Errorf("%s counted %d articles", r.Event.ID, r.Count.Articles)
		}
	}
}

func testCopies(t *testing.T, open Opener) {
	s, _ := openStore(t, open)
	orig := Doc("orig", 10)
	exact := *orig
	exact.ID, exact.URL, exact.Publisher = "exact", "https://other.example.com/x", "Other Daily"
	near := *orig
	near.ID, near.URL = "near", "https://news.example.org/near" // same publisher as orig
	near.Text = "TALKS OPEN IN THE NORTH\n\n" + orig.Text + " Reporting by the desk."
	far := *orig
	far.ID, far.URL, far.Publisher = "far", "https://third.example.net/far", "Third Post"
	far.Text = orig.Text[:len(orig.Text)/2] + " " + Text(11, 60)
	other := Doc("other", 12)
	out := put(t, s,
		store.Entry{Doc: orig, Events: []event.Event{Event(orig, 1), Event(orig, 2)}},
		store.Entry{Doc: &exact, Events: []event.Event{Event(&exact, 1), Event(&exact, 2)}},
	)
	out = append(out, put(t, s,
		store.Entry{Doc: &near, Events: []event.Event{Event(&near, 1)}},
		store.Entry{Doc: &far, Events: []event.Event{Event(&far, 1)}},
		store.Entry{Doc: other, Events: []event.Event{Event(other, 1)}},
	)...)
	want := []store.Outcome{
		{Status: store.Added, Story: "orig", Events: 2},
		{Status: store.Copied, Story: "orig"},
		{Status: store.Copied, Story: "orig"},
		{Status: store.Added, Story: "far", Events: 1},
		{Status: store.Added, Story: "other", Events: 1},
	}
	if !reflect.DeepEqual(out, want) {
		t.Fatalf("outcomes\n got %+v\nwant %+v", out, want)
	}
	counts := map[string]event.Counts{}
	for _, r := range records(t, s, store.Filter{}) {
		counts[r.Event.ID] = r.Count
	}
	wantCounts := map[string]event.Counts{
		"orig-e1":  {Mentions: 3, Sources: 2, Articles: 3},
		"orig-e2":  {Mentions: 3, Sources: 2, Articles: 3},
		"far-e1":   {Mentions: 1, Sources: 1, Articles: 1},
		"other-e1": {Mentions: 1, Sources: 1, Articles: 1},
	}
	if !reflect.DeepEqual(counts, wantCounts) {
		t.Errorf("counts\n got %v\nwant %v", counts, wantCounts)
	}
	for id, story := range map[string]string{"exact": "orig", "near": "orig", "far": "far"} {
		d, err := s.Document(t.Context(), id)
		if err != nil || d.Story != story {
			t.Errorf("document %s: story %q (%v), want %q", id, d.Story, err, story)
		}
	}
	if st := stats(t, s); st.Documents != 5 || st.Stories != 3 || st.Events != 4 {
		t.Errorf("stats %+v", st)
	}
}

// seed stores the events the filter tests look for and returns their documents.
func seed(t *testing.T, s store.Store) {
	t.Helper()
	var batch []store.Entry
	add := func(id string, seed uint64, e func(*source.Document) event.Event) {
		d := Doc(id, seed)
		batch = append(batch, store.Entry{Doc: d, Events: []event.Event{e(d)}})
	}
	add("A", 101, func(d *source.Document) event.Event {
		e := Bare(d, 1, "USAGOV", "17", "173", "2021-01-10", -5)
		e.Target = &event.Actor{Code: "AFGINS", Country: "AFG", Agents: []string{"INS"}, Name: "Taliban"}
		e.Location = &event.Location{Name: "Kabul", Country: "AFG", Precision: "city"}
		e.Sentence = "Police arrested the mayor in the capital."
		return e
	})
	add("B", 102, func(d *source.Document) event.Event {
		e := Bare(d, 1, "AFGINS", "19", "190", "2021-02-15", -10)
		e.Target = &event.Actor{Code: "USAMIL", Country: "USA", Agents: []string{"MIL"}, Name: "United States"}
		e.Sentence = "Insurgents attacked a patrol near the river."
		return e
	})
	add("C", 103, func(d *source.Document) event.Event {
		e := Bare(d, 1, "RUSGOV", "04", "040", "2021-03-01", 1)
		e.QuadClass = 1
		e.Target = &event.Actor{Code: "UKRGOV", Country: "UKR", Agents: []string{"GOV"}, Name: "Ukraine"}
		e.Sentence = "Ministers met for talks about grain."
		return e
	})
	add("D", 104, func(d *source.Document) event.Event {
		e := Bare(d, 1, "USA", "05", "057", "2010-03", 8)
		e.QuadClass = 1
		e.Target = &event.Actor{Code: "IGOUNO", Agents: []string{"IGO", "UNO"}, Name: "United Nations"}
		e.Sentence = "Washington signed an agreement with the United Nations."
		return e
	})
	add("E", 105, func(d *source.Document) event.Event {
		e := Bare(d, 1, "GBRBUS", "17", "1711", "", -2)
		e.Source.Name = "O'Brien % Co_"
		e.Sentence = "The firm's 100% stake was seized; \"no comment\", said O'Brien."
		e.Published = "2021-01-12"
		return e
	})
	add("F", 106, func(d *source.Document) event.Event {
		e := Bare(d, 1, "FRAGOV", "02", "020", "", 3)
		e.QuadClass = 2
		e.Published = ""
		e.Sentence = "Paris appealed for calm."
		return e
	})
	put(t, s, batch...)
}

func day(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

func testFilters(t *testing.T, open Opener) {
	s, _ := openStore(t, open)
	seed(t, s)
	tests := []struct {
		name string
		f    store.Filter
		want []string
	}{
		{"all, by day, undated first", store.Filter{}, []string{"F", "D", "A", "E", "B", "C"}},
		{"actor code prefix either side", store.Filter{Actor: "USA"}, []string{"D", "A", "B"}},
		{"actor shorter prefix", store.Filter{Actor: "US"}, []string{"D", "A", "B"}},
		{"actor longer prefix", store.Filter{Actor: "USAG"}, []string{"A"}},
		{"source", store.Filter{Source: "USA"}, []string{"D", "A"}},
		{"target", store.Filter{Target: "USA"}, []string{"B"}},
		{"actor name any case", store.Filter{Actor: "ukraine"}, []string{"C"}},
		{"name with metacharacters", store.Filter{Source: "o'brien % co_"}, []string{"E"}},
		{"name prefix is not a match", store.Filter{Source: "O'Brien%"}, nil},
		{"root", store.Filter{Root: "17"}, []string{"A", "E"}},
		{"code prefix", store.Filter{Code: "17"}, []string{"A", "E"}},
		{"code", store.Filter{Code: "173"}, []string{"A"}},
		{"code 171", store.Filter{Code: "171"}, []string{"E"}},
		{"quad", store.Filter{Quad: 1}, []string{"D", "C"}},
		{"country any side or place", store.Filter{Country: "AFG"}, []string{"A", "B"}},
		{"country target", store.Filter{Country: "UKR"}, []string{"C"}},
		{"since", store.Filter{Since: day("2021-01-11")}, []string{"E", "B", "C"}},
		{"until excludes undated", store.Filter{Until: day("2021-01-10")}, []string{"D", "A"}},
		{"range", store.Filter{Since: day("2021-01-01"), Until: day("2021-02-28")}, []string{"A", "E", "B"}},
		{"text", store.Filter{Text: "attacked patrol"}, []string{"B"}},
		{"text stem", store.Filter{Text: "Attack"}, []string{"B"}},
		{"text number", store.Filter{Text: "100%"}, []string{"E"}},
		{"text no word", store.Filter{Text: "%"}, nil},
		{"combined", store.Filter{Actor: "USA", Root: "17", Since: day("2021-01-01"), Until: day("2021-12-31")}, []string{"A"}},
		{"limit", store.Filter{Limit: 2}, []string{"F", "D"}},
		{"stored order", store.Filter{StoredOrder: true}, []string{"A", "B", "C", "D", "E", "F"}},
		{"stored order, filtered", store.Filter{StoredOrder: true, Root: "17", Limit: 1}, []string{"A"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(records(t, s, tt.f))
			want := make([]string, len(tt.want))
			for i, id := range tt.want {
				want[i] = id + "-e1"
			}
			if !slices.Equal(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

// metacharacters are values that would break or subvert a query built by pasting text.
var metacharacters = []string{
	"'; DROP TABLE events; --", "%", "_", "'", `"`, `\`, "' OR '1'='1", "\" OR \"\"=\"", "*", "NEAR(a b)",
	"USA'--", "17' OR 1=1 --", "$1", "?", ":name", "\x00",
}

func testMetacharacters(t *testing.T, open Opener) {
	s, _ := openStore(t, open)
	seed(t, s)
	before := stats(t, s)
	set := []struct {
		field string
		apply func(*store.Filter, string)
	}{
		{"actor", func(f *store.Filter, v string) { f.Actor = v }},
		{"source", func(f *store.Filter, v string) { f.Source = v }},
		{"target", func(f *store.Filter, v string) { f.Target = v }},
		{"root", func(f *store.Filter, v string) { f.Root = v }},
		{"code", func(f *store.Filter, v string) { f.Code = v }},
		{"country", func(f *store.Filter, v string) { f.Country = v }},
		{"text", func(f *store.Filter, v string) { f.Text = v }},
	}
	for _, fs := range set {
		for _, v := range metacharacters {
			if v == "\x00" && fs.field != "text" {
				continue // PostgreSQL refuses NUL in text parameters; an error, never an injection
			}
			var f store.Filter
			fs.apply(&f, v)
			var got []string
			for r, err := range s.Events(t.Context(), f) {
				if err != nil {
					t.Errorf("%s %q: %v", fs.field, v, err)
					break
				}
				got = append(got, r.Event.ID)
			}
			if len(got) != 0 {
				t.Errorf("%s %q matched %v", fs.field, v, got)
			}
			if _, err := s.Aggregate(t.Context(), f, store.Grouping{Period: store.Day, Key: store.Root}); err != nil {
				t.Errorf("aggregate %s %q: %v", fs.field, v, err)
			}
		}
	}
	if after := stats(t, s); after != before {
		t.Errorf("stats after the queries %+v, before %+v", after, before)
	}
	if got := len(records(t, s, store.Filter{})); got != 6 {
		t.Errorf("%d events left, want 6", got)
	}
	// Metacharacters stored as data come back as data.
	d := Doc("meta'; DROP TABLE documents; --", 200)
	d.Publisher = "Robert'); DROP TABLE stories;--"
	e := Bare(d, 1, "GBRBUS", "17", "173", "2021-05-05", -1)
	e.Source.Name = "%_'\""
	put(t, s, store.Entry{Doc: d, Events: []event.Event{e}})
	got := records(t, s, store.Filter{Source: "%_'\""})
	if len(got) != 1 || got[0].Event.DocID != d.ID || got[0].Event.Publisher != d.Publisher {
		t.Errorf("stored metacharacters: got %v", ids(got))
	}
	if st := stats(t, s); st.Documents != before.Documents+1 || st.Events != before.Events+1 {
		t.Errorf("stats %+v", st)
	}
}

func testAggregate(t *testing.T, open Opener) {
	s, _ := openStore(t, open)
	seed(t, s)
	tests := []struct {
		name string
		f    store.Filter
		g    store.Grouping
		want []store.Bucket
	}{
		{"total", store.Filter{}, store.Grouping{}, []store.Bucket{{Events: 6, Articles: 6, Goldstein: (-5 - 10 + 1 + 8 - 2 + 3) / 6.0}}},
		{"root", store.Filter{}, store.Grouping{Key: store.Root}, []store.Bucket{
			{Key: "02", Events: 1, Articles: 1, Goldstein: 3}, {Key: "04", Events: 1, Articles: 1, Goldstein: 1},
			{Key: "05", Events: 1, Articles: 1, Goldstein: 8}, {Key: "17", Events: 2, Articles: 2, Goldstein: -3.5},
			{Key: "19", Events: 1, Articles: 1, Goldstein: -10}}},
		{"quad", store.Filter{Root: "17"}, store.Grouping{Key: store.Quad}, []store.Bucket{{Key: "4", Events: 2, Articles: 2, Goldstein: -3.5}}},
		{"day and root", store.Filter{Since: day("2021-01-01"), Until: day("2021-01-31")}, store.Grouping{Period: store.Day, Key: store.Root}, []store.Bucket{
			{Period: "2021-01-10", Key: "17", Events: 1, Articles: 1, Goldstein: -5},
			{Period: "2021-01-12", Key: "17", Events: 1, Articles: 1, Goldstein: -2}}},
		{"week", store.Filter{Root: "17"}, store.Grouping{Period: store.Week}, []store.Bucket{
			{Period: "2021-01-04", Events: 1, Articles: 1, Goldstein: -5}, {Period: "2021-01-11", Events: 1, Articles: 1, Goldstein: -2}}},
		{"month", store.Filter{}, store.Grouping{Period: store.Month}, []store.Bucket{
			{Period: "unknown", Events: 1, Articles: 1, Goldstein: 3}, {Period: "2010-03", Events: 1, Articles: 1, Goldstein: 8},
			{Period: "2021-01", Events: 2, Articles: 2, Goldstein: -3.5}, {Period: "2021-02", Events: 1, Articles: 1, Goldstein: -10},
			{Period: "2021-03", Events: 1, Articles: 1, Goldstein: 1}}},
		{"dyad", store.Filter{Actor: "USA"}, store.Grouping{Key: store.Dyad}, []store.Bucket{
			{Key: "AFG-USA", Events: 1, Articles: 1, Goldstein: -10}, {Key: "USA-", Events: 1, Articles: 1, Goldstein: 8},
			{Key: "USA-AFG", Events: 1, Articles: 1, Goldstein: -5}}},
		{"nothing", store.Filter{Root: "20"}, store.Grouping{Period: store.Day}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Aggregate(t.Context(), tt.f, tt.g)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
			for i := range got {
				g, w := got[i], tt.want[i]
				if g.Period != w.Period || g.Key != w.Key || g.Events != w.Events || g.Articles != w.Articles ||
					g.Goldstein-w.Goldstein > 1e-9 || w.Goldstein-g.Goldstein > 1e-9 {
					t.Errorf("bucket %d: got %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

func testEarlyStop(t *testing.T, open Opener) {
	s, _ := openStore(t, open)
	seed(t, s)
	// Breaking out must release the query: later calls still work, many times over.
	for range 20 {
		for _, err := range s.Events(t.Context(), store.Filter{}) {
			if err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	if n := len(records(t, s, store.Filter{})); n != 6 {
		t.Errorf("%d events", n)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	for _, err := range s.Events(ctx, store.Filter{}) {
		if err == nil {
			t.Error("cancelled query yielded an event")
		}
		break
	}
}

func testNewerSchema(t *testing.T, open Opener) {
	s, reopen := open(t)
	st := stats(t, s)
	if _, err := s.DB().ExecContext(t.Context(), "INSERT INTO schema_version (version) VALUES (9999)"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := reopen(t.Context())
	if err == nil {
		s2.Close()
		t.Fatal("a database of a newer schema was opened")
	}
	var se *store.SchemaError
	if !errors.As(err, &se) || se.Have != 9999 || se.Want != st.Schema {
		t.Fatalf("error %v, want a SchemaError 9999 > %d", err, st.Schema)
	}
	want := "database schema version 9999 is newer than this dyad"
	if !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "upgrade dyad") {
		t.Errorf("message %q", err)
	}
}

// testManyEvents stores a document with more events than one INSERT carries, one ID repeated.
func testManyEvents(t *testing.T, open Opener) {
	s, _ := openStore(t, open)
	doc := Doc("many", 300)
	var events []event.Event
	for i := range 123 {
		events = append(events, Event(doc, i))
	}
	events = append(events, Event(doc, 7)) // the same ID again: stored once
	out := put(t, s, store.Entry{Doc: doc, Events: events})
	if out[0].Events != 123 {
		t.Errorf("%d events stored, want 123", out[0].Events)
	}
	if st := stats(t, s); st.Events != 123 {
		t.Errorf("stats %+v", st)
	}
	got := records(t, s, store.Filter{StoredOrder: true})
	if len(got) != 123 || got[0].Event.ID != "many-e0" || got[122].Event.ID != "many-e122" {
		t.Fatalf("%d events back", len(got))
	}
	if !reflect.DeepEqual(got[50].Event, events[50]) {
		t.Errorf("event 50 changed:\n got %+v\nwant %+v", got[50].Event, events[50])
	}
	// Actors are counted once per stored event.
	var n int
	if err := s.DB().QueryRowContext(t.Context(), "SELECT events FROM actors WHERE code = 'AFGGOV'").Scan(&n); err != nil || n != 123 {
		t.Errorf("actor AFGGOV counted in %d events (%v), want 123", n, err)
	}
}

// testTakenEventIDs stores a new document two of whose event IDs are taken: one by an event stored
// by an earlier batch, one by another document of the same batch. Neither is stored again, nor
// counted for the document or its actors; the document's other events are.
func testTakenEventIDs(t *testing.T, open Opener) {
	s, _ := openStore(t, open)
	a := Doc("taken-a", 400)
	put(t, s, store.Entry{Doc: a, Events: []event.Event{Event(a, 1)}})
	c, b := Doc("taken-c", 402), Doc("taken-b", 401)
	var many []event.Event // more than one INSERT carries, so that b's events share one with c's
	for i := range 40 {
		many = append(many, Event(c, i))
	}
	fromA, fromC := Event(a, 1), Event(c, 3)
	fromA.DocID, fromC.DocID = b.ID, b.ID
	out := put(t, s, store.Entry{Doc: c, Events: many}, store.Entry{Doc: b, Events: []event.Event{Event(b, 1), fromA, fromC, Event(b, 2)}})
	if out[0].Events != 40 || out[1].Events != 2 {
		t.Errorf("outcomes %+v, want 40 and 2 events", out)
	}
	if st := stats(t, s); st.Events != 43 {
		t.Errorf("stats %+v, want 43 events", st)
	}
	docs := map[string]string{}
	for _, r := range records(t, s, store.Filter{}) {
		docs[r.Event.ID] = r.Event.DocID
	}
	if docs[fromA.ID] != a.ID || docs[fromC.ID] != c.ID || docs["taken-b-e2"] != b.ID {
		t.Errorf("documents of events: %s in %s, %s in %s, taken-b-e2 in %q", fromA.ID, docs[fromA.ID], fromC.ID, docs[fromC.ID], docs["taken-b-e2"])
	}
	var n int
	if err := s.DB().QueryRowContext(t.Context(), "SELECT events FROM actors WHERE code = 'AFGGOV'").Scan(&n); err != nil || n != 43 {
		t.Errorf("actor AFGGOV counted in %d events (%v), want 43", n, err)
	}
}
