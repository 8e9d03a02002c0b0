package storetest

import (
	"context"
	"encoding/json"
	"io/fs"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/source"
	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/fingerprint"
)

// FirstMigrations returns the named migration files of dir "migrations" in fsys, for opening a store at an
// older schema than this dyad's.
func FirstMigrations(t testing.TB, fsys fs.FS, names ...string) fs.FS {
	t.Helper()
	old := fstest.MapFS{}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, "migrations/"+name)
		if err != nil {
			t.Fatal(err)
		}
		old[name] = &fstest.MapFile{Data: b}
	}
	return old
}

// Schema2 says how a backend's test wrote a database of schema 2, for Upgrade.
type Schema2 struct {
	// Old is a store migrated to schema 2 and no further; Upgrade writes rows into it with plain SQL, as
	// dyad at schema 2 did, and closes it.
	Old *store.SQL
	// Numbered placeholders ($1) instead of "?".
	Numbered bool
	// IndexText, when set, indexes every stored sentence for full-text search (SQLite's index is kept
	// by dyad, PostgreSQL's by the database).
	IndexText string
	// Reopen opens the same database with this dyad, which migrates it.
	Reopen func(context.Context) (*store.SQL, error)
}

// schema2Columns are the events columns of schema 2, in the order legacyArgs gives their values.
var schema2Columns = []string{
	"id", "doc_id", "story_id", "url", "publisher", "published", "sentence_index", "sentence", "sentence_start",
	"source_code", "source_country", "source_agents", "source_name", "source_text", "source_start", "source_end", "source_via", "source_group",
	"target_code", "target_country", "target_agents", "target_name", "target_text", "target_start", "target_end", "target_via", "target_group",
	"cameo", "cameo_name", "root", "quad_class", "goldstein", "plover_type", "plover_mode",
	"verb_text", "verb_lemma", "verb_start", "verb_end", "modality", "negated",
	"attribution_name", "attribution_text", "attribution_start", "attribution_end",
	"confidence", "date", "date_precision", "date_text", "day", "week",
	"location_name", "location_admin1", "location_country", "location_lat", "location_lon", "location_precision", "location_text", "location_from",
	"location_approximate", "explain", "num_articles", "num_sources", "added",
}

// legacyArgs are e's values for schema2Columns, as schema 2 kept them: every field in a column, JSON for
// agents and the explanation, NULL for the parts of an absent actor, attribution or place.
func legacyArgs(t *testing.T, e *event.Event, day int64, articles, sources int) []any {
	t.Helper()
	actor := func(a *event.Actor) []any {
		if a == nil {
			return make([]any, 9)
		}
		agents, err := json.Marshal(a.Agents)
		if err != nil {
			t.Fatal(err)
		}
		return []any{a.Code, a.Country, string(agents), a.Name, a.Text, a.Start, a.End, a.Via, a.Group}
	}
	args := []any{e.ID, e.DocID, e.DocID, e.URL, e.Publisher, e.Published, e.SentenceIndex, e.Sentence, e.SentenceStart}
	args = append(args, actor(e.Source)...)
	args = append(args, actor(e.Target)...)
	args = append(args, e.CAMEO, e.CAMEOName, e.Root, e.QuadClass, e.Goldstein, e.PLOVER.Type, e.PLOVER.Mode,
		e.Verb.Text, e.Verb.Lemma, e.Verb.Start, e.Verb.End, e.Modality, e.Negated)
	if a := e.Attribution; a != nil {
		args = append(args, a.Name, a.Text, a.Start, a.End)
	} else {
		args = append(args, nil, nil, nil, nil)
	}
	args = append(args, e.Confidence, e.Date, e.DatePrecision, e.DateText, day, day)
	if l := e.Location; l != nil {
		args = append(args, l.Name, l.Admin1, l.Country, l.Lat, l.Lon, l.Precision, l.Text, l.From, l.Approximate)
	} else {
		args = append(args, nil, nil, nil, nil, nil, nil, nil, nil, nil)
	}
	var explain any
	if e.Explain != nil {
		x, err := json.Marshal(e.Explain)
		if err != nil {
			t.Fatal(err)
		}
		explain = string(x)
	}
	return append(args, explain, articles, sources, time.Now().Unix())
}

// Upgrade writes a database of schema 2 the way dyad at schema 2 did — two stories, one with a copy
// from another publisher, events with every field set and with none of the optional parts — then
// opens it with this dyad and finds every event again, field for field, with its counts; text search,
// filters and a later batch (a copy of an old story among it) work on the upgraded store.
func Upgrade(t *testing.T, s2 Schema2) {
	ctx := t.Context()
	db := s2.Old.DB()
	rebind := func(q string) string {
		if !s2.Numbered {
			return q
		}
		for n := 1; strings.Contains(q, "?"); n++ {
			q = strings.Replace(q, "?", "$"+strconv.Itoa(n), 1)
		}
		return q
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, rebind(q), args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	docA, docB := Doc("upA", 9001), Doc("upB", 9002)
	full := Event(docA, 1)
	bare := Bare(docA, 2, "GBRBUS", "17", "1711", "2021-08", -2.5)
	bare.Negated = true
	noTarget := Event(docB, 1)
	noTarget.Target, noTarget.Attribution, noTarget.Explain = nil, nil, nil
	noTarget.Location.Approximate, noTarget.Location.Admin1 = false, ""
	noTarget.Source.Agents = nil
	want := []struct {
		e                 event.Event
		day               int64
		articles, sources int
	}{{full, 20210823, 2, 2}, {bare, 20210801, 2, 2}, {noTarget, 20210823, 1, 1}}

	copyA := *docA
	copyA.ID, copyA.URL, copyA.Publisher = "upA-copy", "https://elsewhere.example.net/a", "Elsewhere"
	for _, d := range []struct {
		doc       *source.Document
		story     string
		n, pubs   int
		firstOfIt bool
	}{{docA, docA.ID, 2, 2, true}, {docB, docB.ID, 1, 1, true}, {&copyA, docA.ID, 0, 0, false}} {
		p := fingerprint.Of(d.doc.Text)
		if d.firstOfIt {
			exec("INSERT INTO stories (id, num_articles, num_sources) VALUES (?, ?, ?)", d.story, d.n, d.pubs)
		}
		exec("INSERT INTO documents (id, url, title, publisher, published, language, origin, meta, content_hash, fingerprint, words, story_id, added) "+
			"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", d.doc.ID, d.doc.URL, d.doc.Title, d.doc.Publisher,
			d.doc.Published.UTC().Format(time.RFC3339), d.doc.Lang, d.doc.Origin, `{"section":"world"}`, p.Hash, p.Sig.Bytes(), p.Words, d.story, time.Now().Unix())
		for _, k := range p.Keys {
			exec("INSERT INTO doc_bands (band_key, doc_id) VALUES (?, ?)", k, d.doc.ID)
		}
		exec("INSERT INTO story_publishers (story_id, publisher) VALUES (?, ?)", d.story, d.doc.Publisher)
	}
	for _, w := range want {
		exec("INSERT INTO events ("+strings.Join(schema2Columns, ", ")+") VALUES (?"+strings.Repeat(", ?", len(schema2Columns)-1)+")",
			legacyArgs(t, &w.e, w.day, w.articles, w.sources)...)
	}
	if s2.IndexText != "" {
		exec(s2.IndexText)
	}
	exec("INSERT INTO actors (code, name, country, agents, events) VALUES ('AFGGOV', 'Afghanistan', 'AFG', 'GOV', 2), " +
		"('IGOUNO', 'United Nations', '', 'IGO;UNO', 1), ('GBRBUS', 'GBRBUS', 'GBR', '', 1)")
	before := stats(t, s2.Old)
	if before.Schema != 2 {
		t.Fatalf("old store at schema %d, want 2", before.Schema)
	}
	s2.Old.Close()

	s, err := s2.Reopen(ctx)
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	after := stats(t, s)
	if after.Schema <= 2 || after.Documents != 3 || after.Stories != 2 || after.Events != 3 || after.Actors != 3 {
		t.Errorf("stats after the upgrade %+v, before %+v", after, before)
	}
	got := records(t, s, store.Filter{StoredOrder: true})
	if len(got) != len(want) {
		t.Fatalf("%d events after the upgrade, want %d", len(got), len(want))
	}
	for i, w := range want {
		r := got[i]
		if !reflect.DeepEqual(r.Event, w.e) {
			t.Errorf("event %d after the upgrade:\n got %+v\nwant %+v", i, r.Event, w.e)
		}
		if r.Story != w.e.DocID || r.Count != (event.Counts{Mentions: w.articles, Articles: w.articles, Sources: w.sources}) ||
			r.Day.Format("20060102") != strconv.FormatInt(w.day, 10) {
			t.Errorf("event %d: story %q counts %+v day %v", i, r.Story, r.Count, r.Day)
		}
	}
	for _, tt := range []struct {
		name string
		f    store.Filter
		want []string
	}{
		{"text", store.Filter{Text: "envoys Kabul"}, []string{full.ID, noTarget.ID}},
		{"actor", store.Filter{Actor: "IGO"}, []string{full.ID}},
		{"country of the place", store.Filter{Country: "AFG"}, []string{full.ID, noTarget.ID}},
		{"root", store.Filter{Root: "17", StoredOrder: true}, []string{bare.ID}},
	} {
		if ids := ids(records(t, s, tt.f)); !reflect.DeepEqual(ids, tt.want) {
			t.Errorf("%s after the upgrade: %v, want %v", tt.name, ids, tt.want)
		}
	}
	// A later batch goes in after the old rows, and a copy of an old story is still found and counted.
	again := *docB
	again.ID, again.URL, again.Publisher = "upB-copy", "https://third.example.com/b", "Third"
	next := Doc("upC", 9003)
	out := put(t, s, store.Entry{Doc: next, Events: []event.Event{Event(next, 1)}}, store.Entry{Doc: &again})
	if out[0].Status != store.Added || out[1].Status != store.Copied || out[1].Story != docB.ID {
		t.Errorf("put after the upgrade: %+v", out)
	}
	got = records(t, s, store.Filter{StoredOrder: true})
	if len(got) != 4 || got[3].Event.ID != "upC-e1" || got[2].Count.Articles != 2 || got[2].Count.Sources != 2 {
		t.Errorf("after a later batch: %d events, last %v, counts of upB's %+v", len(got), ids(got), got[min(2, len(got)-1)].Count)
	}
}
