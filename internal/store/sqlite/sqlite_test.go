package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/event"

	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) (*store.SQL, func(context.Context) (*store.SQL, error)) {
		path := filepath.Join(t.TempDir(), "dyad.db")
		s, err := Open(t.Context(), path)
		if err != nil {
			t.Fatal(err)
		}
		return s, func(ctx context.Context) (*store.SQL, error) { return Open(ctx, path) }
	})
}

func entries(n int, prefix string) []store.Entry {
	var batch []store.Entry
	for i := range n {
		d := storetest.Doc(fmt.Sprintf("%s%03d", prefix, i), uint64(1000+i))
		batch = append(batch, store.Entry{Doc: d, Events: []event.Event{storetest.Event(d, 1), storetest.Event(d, 2)}})
	}
	return batch
}

// TestFullDisk fills the database (max_page_count stands for a full disk) in the middle of a batch: the
// transaction rolls back and nothing of the batch is left, then a store with room takes it whole.
func TestFullDisk(t *testing.T) {
	path := filepath.Join(t.TempDir(), "full.db")
	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(t.Context(), entries(5, "small")); err != nil {
		t.Fatal(err)
	}
	before, err := s.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var pages int
	if err := s.DB().QueryRowContext(t.Context(), "PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(t.Context(), fmt.Sprintf("file:%s?_pragma=max_page_count(%d)", path, pages+8))
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Put(t.Context(), entries(300, "big"))
	if !errors.Is(err, store.ErrFull) {
		t.Fatalf("Put into a full database: %v, want ErrFull", err)
	}
	after, err := s.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Errorf("after a failed batch: %+v, want %+v", after, before)
	}
	for _, id := range []string{"big000", "big299"} {
		if ok, err := s.Has(t.Context(), id); ok || err != nil {
			t.Errorf("Has(%s) = %v, %v after rollback", id, ok, err)
		}
	}
	s.Close()

	s, err = Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	out, err := s.Put(t.Context(), entries(300, "big"))
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := s.Stats(t.Context()); st.Documents != before.Documents+300 || out[299].Status != store.Added {
		t.Errorf("after the retry: %+v", st)
	}
}

func TestReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.db")
	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(t.Context(), entries(2, "a")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Root ignores file modes, so the test opens the file read-only the way SQLite spells it.
	s, err = Open(t.Context(), "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := len(collect(t, s)); n != 4 {
		t.Errorf("read %d events from a read-only database, want 4", n)
	}
	_, err = s.Put(t.Context(), entries(1, "b"))
	if !errors.Is(err, store.ErrReadOnly) {
		t.Fatalf("Put into a read-only database: %v, want ErrReadOnly", err)
	}
}

func collect(t *testing.T, s store.Store) []*store.Record {
	var out []*store.Record
	for r, err := range s.Events(t.Context(), store.Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

func TestLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "locked.db")
	holder, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	tx, err := holder.DB().BeginTx(t.Context(), nil) // immediate: holds the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(t.Context(), "INSERT INTO stories (id, num_articles, num_sources) VALUES ('x', 1, 1)"); err != nil {
		t.Fatal(err)
	}
	s, err := Open(t.Context(), "file:"+path+"?_pragma=busy_timeout(100)")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	_, err = s.Put(t.Context(), entries(1, "c"))
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("Put while another process writes: %v, want ErrLocked", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("gave up after %v, want about the 100 ms busy timeout", d)
	}
}

func TestDSN(t *testing.T) {
	tests := []struct {
		in      string
		want    []string // substrings of the result
		without []string
		err     bool
	}{
		{"/tmp/x.db", []string{"file:/tmp/x.db?", "journal_mode%28WAL%29", "foreign_keys%281%29", "busy_timeout%285000%29", "_txlock=immediate"}, nil, false},
		{"file:rel.db?_pragma=busy_timeout(100)", []string{"busy_timeout%28100%29"}, []string{"busy_timeout%285000%29"}, false},
		{"file:x.db?mode=ro", []string{"mode=ro", "synchronous%28FULL%29"}, nil, false},
		{"file:x.db?_txlock=deferred", []string{"_txlock=deferred"}, []string{"immediate"}, false},
		{"", nil, nil, true},
		{"file:?a=b", nil, nil, true},
		{"file:x.db?%zz", nil, nil, true},
	}
	for _, tt := range tests {
		got, err := DSN(tt.in)
		if (err != nil) != tt.err {
			t.Errorf("DSN(%q) error %v, want error %v", tt.in, err, tt.err)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("DSN(%q) = %q, want %q in it", tt.in, got, w)
			}
		}
		for _, w := range tt.without {
			if strings.Contains(got, w) {
				t.Errorf("DSN(%q) = %q, want no %q", tt.in, got, w)
			}
		}
	}
}

func FuzzDSN(f *testing.F) {
	f.Add("file:x.db?_pragma=busy_timeout(100)&mode=ro")
	f.Add("/a/b.db")
	f.Fuzz(func(t *testing.T, s string) {
		if dsn, err := DSN(s); err == nil && !strings.HasPrefix(dsn, "file:") {
			t.Fatalf("DSN(%q) = %q", s, dsn)
		}
	})
}

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"attacked patrol", `"attacked" "patrol"`},
		{`"; DROP TABLE events; --`, `"DROP" "TABLE" "events"`},
		{"NEAR(a b) OR c*", `"NEAR" "a" "b" "OR" "c"`},
		{"%", ""},
	}
	for _, tt := range tests {
		if got := ftsQuery(tt.in); got != tt.want {
			t.Errorf("ftsQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzFTSQuery: whatever the user types, the FTS5 query is quoted words only.
func FuzzFTSQuery(f *testing.F) {
	f.Add(`"; DROP TABLE events; -- NEAR(a b) c* ^d`)
	f.Fuzz(func(t *testing.T, s string) {
		q := ftsQuery(s)
		for _, w := range strings.Split(q, " ") {
			if q == "" {
				break
			}
			if len(w) < 3 || w[0] != '"' || w[len(w)-1] != '"' || strings.Contains(w[1:len(w)-1], `"`) {
				t.Fatalf("ftsQuery(%q) = %q", s, q)
			}
		}
	})
}

// TestUpgrade writes a database of schema 2 as dyad then did and opens it with this dyad, which
// migrates it (storetest.Upgrade checks every event and count); then checks what the migrations
// left: the indexes, and references checked at commit.
func TestUpgrade(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	dsn, err := DSN(path)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		t.Fatal(err)
	}
	d := Dialect()
	d.Migrations = storetest.FirstMigrations(t, migrationFiles, "001_initial.sql", "002_ingest.sql")
	s2, err := store.NewSQL(t.Context(), db, d)
	if err != nil {
		t.Fatal(err)
	}
	var s *store.SQL
	storetest.Upgrade(t, storetest.Schema2{Old: s2,
		IndexText: "INSERT INTO events_fts (rowid, sentence) SELECT seq, sentence FROM events",
		Reopen: func(ctx context.Context) (*store.SQL, error) {
			var err error
			s, err = Open(ctx, path)
			return s, err
		}})
	if s == nil {
		t.FailNow()
	}
	var check string
	if err := s.DB().QueryRowContext(t.Context(), "PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check: %q, %v", check, err)
	}
	// The full-text index follows changes made by hand: an edited sentence is found by its new words,
	// a deleted event not at all, and the index stays consistent with the table.
	db = s.DB()
	if _, err := db.ExecContext(t.Context(), "UPDATE events SET sentence = 'Monsoon floods closed the harbour.' WHERE id = 'upB-e1'"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(t.Context(), "DELETE FROM events WHERE id = 'upA-e1'"); err != nil {
		t.Fatal(err)
	}
	// upC-e1, stored after the upgrade, has upA-e1's sentence.
	for words, want := range map[string]string{"monsoon harbour": "upB-e1", "envoys Kabul": "upC-e1"} {
		var got []string
		for r, err := range s.Events(t.Context(), store.Filter{Text: words}) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, r.Event.ID)
		}
		if !slices.Equal(got, []string{want}) {
			t.Errorf("text %q after changes by hand: %v, want %s", words, got, want)
		}
	}
	if _, err := db.ExecContext(t.Context(), "INSERT INTO events_fts (events_fts) VALUES ('integrity-check')"); err != nil {
		t.Errorf("full-text index after the upgrade: %v", err)
	}

	var indexes []string
	rows, err := s.DB().QueryContext(t.Context(), "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		indexes = append(indexes, n)
	}
	rows.Close()
	if wantIdx := []string{"events_day", "events_root", "events_source_code", "events_story", "events_target_code"}; !slices.Equal(indexes, wantIdx) {
		t.Errorf("indexes of events %v, want %v", indexes, wantIdx)
	}
	// References are checked at commit: the statement goes through, the commit does not.
	tx, err := s.DB().BeginTx(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(t.Context(), "INSERT INTO doc_bands (band_key, doc_id) VALUES (1, 'nobody')"); err != nil {
		t.Fatalf("insert with a dangling reference refused before commit: %v", err)
	}
	if err := tx.Commit(); err == nil || !strings.Contains(err.Error(), "FOREIGN KEY") {
		t.Errorf("commit with a dangling reference: %v, want a foreign key error", err)
	}
}
