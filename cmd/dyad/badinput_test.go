package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/store"
)

func TestIngestBadInputs(t *testing.T) {
	dir := t.TempDir()
	db := "file:" + filepath.Join(dir, "dyad.db")
	good := filepath.Join(dir, "good.jsonl")
	writeJSONL(t, good, 3, 4, 3)

	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(`{"id":"z1","text":"Kenyan police arrested protesters."}` + "\n"))
	zw.Close()
	corrupt := gz.Bytes()[:gz.Len()/2] // cut short: the stream is corrupt
	corrupt = append(corrupt, 0xde, 0xad)
	badGz := filepath.Join(dir, "broken.jsonl.gz")
	if err := os.WriteFile(badGz, corrupt, 0o644); err != nil {
		t.Fatal(err)
	}
	badJSON := filepath.Join(dir, "mixed.jsonl")
	if err := os.WriteFile(badJSON, []byte("{not json\n"+`{"id":"ok1","text":"Turkish officials met Iranian negotiators in Ankara on Monday."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	var slowHits, failHits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/html-feed":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><body><p>This page is not a feed at all, just a page.</p></body></html>"))
		case "/slow":
			slowHits.Add(1)
			time.Sleep(400 * time.Millisecond)
		case "/down":
			failHits.Add(1)
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	}))
	defer srv.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	unreachable := closed.URL + "/feed"
	closed.Close()
	feeds := filepath.Join(dir, "list.feeds")
	list := strings.Join([]string{srv.URL + "/html-feed", srv.URL + "/slow", srv.URL + "/down", unreachable}, "\n")
	if err := os.WriteFile(feeds, []byte(list+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	_, log, err := run(t, "ingest", "--db", db, "--timeout", "150ms", "--retries", "1", good, badGz, badJSON, feeds)
	ee, ok := errors.AsType[*exitError](err)
	if !ok || ee.code != 1 {
		t.Fatalf("exit: %v, want status 1\n%s", err, log)
	}
	for _, want := range []string{"broken.jsonl.gz", "mixed.jsonl:1", "/html-feed", "/slow", "/down", unreachable, "6 document(s) failed"} {
		if !strings.Contains(log, want) {
			t.Errorf("the summary does not name %q:\n%s", want, log)
		}
	}
	if slowHits.Load() != 2 || failHits.Load() != 2 {
		t.Errorf("slow feed tried %d times, failing feed %d times; want 2 each (one retry)", slowHits.Load(), failHits.Load())
	}
	st, err := openStore(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if s, _ := st.Stats(t.Context()); s.Documents != 4 {
		t.Errorf("%d documents stored, want the 4 good ones", s.Documents)
	}
}

// TestDatabaseTrouble: a database that is locked, read-only, of a newer schema, or full is refused with
// a clear message, and a failed batch leaves nothing half-written.
func TestDatabaseTrouble(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "dyad.db")
	in := filepath.Join(dir, "news.jsonl")
	writeJSONL(t, in, 5, 4, 4)
	more := filepath.Join(dir, "more.jsonl")
	writeJSONL(t, more, 60, 30, 5)
	if _, log, err := run(t, "ingest", "--db", "file:"+path, in); err != nil {
		t.Fatalf("ingest: %v\n%s", err, log)
	}
	count := func() store.Stats {
		st, err := openStore(t.Context(), "file:"+path)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		s, err := st.Stats(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	before := count()

	t.Run("locked", func(t *testing.T) {
		st, err := openStore(t.Context(), "file:"+path)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		tx, err := st.DB().BeginTx(t.Context(), nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		if _, err := tx.Exec("DELETE FROM actors WHERE code = 'none'"); err != nil {
			t.Fatal(err)
		}
		_, _, err = run(t, "ingest", "--db", "file:"+path+"?_pragma=busy_timeout(100)", more)
		if err == nil || !strings.Contains(err.Error(), "locked by another process") {
			t.Errorf("ingest into a locked database: %v", err)
		}
	})
	t.Run("read-only", func(t *testing.T) {
		_, _, err := run(t, "ingest", "--db", "file:"+path+"?mode=ro", more)
		if err == nil || !strings.Contains(err.Error(), "read-only") {
			t.Errorf("ingest into a read-only database: %v", err)
		}
	})
	t.Run("full", func(t *testing.T) {
		var pages int
		st, err := openStore(t.Context(), "file:"+path)
		if err != nil {
			t.Fatal(err)
		}
		st.DB().QueryRow("PRAGMA page_count").Scan(&pages)
		st.Close()
		_, _, err = run(t, "ingest", "--db", "file:"+path+"?_pragma=max_page_count("+itoa(pages+4)+")", more)
		if err == nil || !strings.Contains(err.Error(), "full") {
			t.Errorf("ingest into a full database: %v", err)
		}
	})
	if after := count(); after != before {
		t.Errorf("after the failures: %+v, before %+v", after, before)
	}
	t.Run("newer schema", func(t *testing.T) {
		st, err := openStore(t.Context(), "file:"+path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.DB().Exec("INSERT INTO schema_version (version) VALUES (99)"); err != nil {
			t.Fatal(err)
		}
		st.Close()
		for _, cmd := range []string{"ingest", "query"} {
			args := []string{cmd, "--db", "file:" + path}
			if cmd == "ingest" {
				args = append(args, in)
			}
			_, _, err := run(t, args...)
			// the message names both versions; this dyad's is whatever its latest migration is
			var se *store.SchemaError
			if !errors.As(err, &se) || se.Have != 99 || se.Want < 1 || se.Want >= 99 ||
				!strings.Contains(err.Error(), "database schema version 99 is newer than this dyad ("+itoa(se.Want)+"); upgrade dyad") {
				t.Errorf("%s on a newer schema: %v", cmd, err)
			}
		}
	})
}

func itoa(i int) string { return strconv.Itoa(i) }
