package postgres

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/stdlib"

	"github.com/dyad-events/dyad/internal/event"

	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

// TestDSN names the environment variable that points the tests at a PostgreSQL database.
const TestDSN = "DYAD_TEST_POSTGRES"

// testDB returns a DSN whose search_path is a fresh schema, dropped when the test ends.
func testDB(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv(TestDSN)
	if dsn == "" {
		t.Skipf("PostgreSQL tests skipped: set %s to a postgres:// DSN (.ci/run starts a server and sets it)", TestDSN)
	}
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	schema := "dyad_test_" + strings.ToLower(rand.Text()[:12])
	if _, err := admin.ExecContext(t.Context(), "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			return
		}
		defer db.Close()
		if _, err := db.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Logf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("%s: %v", TestDSN, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func TestSuite(t *testing.T) {
	if os.Getenv(TestDSN) == "" {
		t.Skipf("PostgreSQL tests skipped: set %s to a postgres:// DSN (.ci/run starts a server and sets it)", TestDSN)
	}
	storetest.Run(t, func(t *testing.T) (*store.SQL, func(context.Context) (*store.SQL, error)) {
		dsn := testDB(t)
		s, err := Open(t.Context(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		return s, func(ctx context.Context) (*store.SQL, error) { return Open(ctx, dsn) }
	})
}

func withParam(t *testing.T, dsn, key, value string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set(key, value)
	u.RawQuery = q.Encode()
	return u.String()
}

func batch(prefix string, n int) []store.Entry {
	var out []store.Entry
	for i := range n {
		d := storetest.Doc(prefix+strconv.Itoa(i), uint64(500+i))
		out = append(out, store.Entry{Doc: d, Events: []event.Event{storetest.Event(d, 1)}})
	}
	return out
}

// TestRollback fails a batch in its middle (PostgreSQL refuses a NUL character in text): nothing of it
// is stored.
func TestRollback(t *testing.T) {
	dsn := testDB(t)
	s, err := Open(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b := batch("r", 10)
	b[7].Doc.Title = "bad\x00title"
	if _, err := s.Put(t.Context(), b); err == nil {
		t.Fatal("a batch with a NUL in a title was stored")
	}
	st, err := s.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 0 || st.Events != 0 || st.Stories != 0 || st.Actors != 0 {
		t.Errorf("after a failed batch: %+v", st)
	}
}

func TestReadOnly(t *testing.T) {
	dsn := testDB(t)
	s, err := Open(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(t.Context(), withParam(t, dsn, "default_transaction_read_only", "on"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Put(t.Context(), batch("ro", 1)); !errors.Is(err, store.ErrReadOnly) {
		t.Fatalf("Put into a read-only database: %v, want ErrReadOnly", err)
	}
}

func TestLocked(t *testing.T) {
	dsn := testDB(t)
	holder, err := Open(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	tx, err := holder.DB().BeginTx(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(t.Context(), "LOCK TABLE documents IN ACCESS EXCLUSIVE MODE"); err != nil {
		t.Fatal(err)
	}
	s, err := Open(t.Context(), withParam(t, dsn, "lock_timeout", "100"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	if _, err := s.Put(t.Context(), batch("l", 1)); !errors.Is(err, store.ErrLocked) {
		t.Fatalf("Put while another session holds the table: %v, want ErrLocked", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("gave up after %v, want about the 100 ms lock timeout", d)
	}
}

func TestBadDSN(t *testing.T) {
	for _, dsn := range []string{"postgres://u:secret@127.0.0.1:1/db?connect_timeout=1", "postgres://%zz", "port=notanumber"} {
		_, err := Open(t.Context(), dsn)
		if err == nil {
			t.Errorf("Open(%q): no error", dsn)
			continue
		}
		if strings.Contains(err.Error(), "secret") {
			t.Errorf("error shows the password: %v", err)
		}
	}
}

func FuzzConfig(f *testing.F) {
	f.Add("postgres://u:p@127.0.0.1:5432/db?sslmode=disable&search_path=x")
	f.Add("host=/tmp port=5 user=u")
	f.Fuzz(func(t *testing.T, dsn string) {
		if cfg, err := pgconnConfig(dsn); err == nil && cfg == nil {
			t.Fatal("no config and no error")
		}
	})
}

// BenchmarkPut stores batches of 200 synthetic documents of 10 events each.
func BenchmarkPut(b *testing.B) {
	if os.Getenv(TestDSN) == "" {
		b.Skipf("set %s", TestDSN)
	}
	dsn := os.Getenv(TestDSN)
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close()
	schema := "dyad_bench_" + strings.ToLower(rand.Text()[:8])
	if _, err := admin.ExecContext(b.Context(), "CREATE SCHEMA "+schema); err != nil {
		b.Fatal(err)
	}
	defer admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
	u, _ := url.Parse(dsn)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	s, err := Open(b.Context(), u.String())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var all []store.Entry
	for en := range storetest.Synthetic(20_000, 10) {
		all = append(all, en)
	}
	i := 0
	for b.Loop() {
		if i+200 > len(all) {
			b.Skip("out of documents")
		}
		if _, err := s.Put(b.Context(), all[i:i+200]); err != nil {
			b.Fatal(err)
		}
		i += 200
	}
	b.ReportMetric(float64(200*b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(2000*b.N)/b.Elapsed().Seconds(), "events/s")
}

// TestUpgrade writes a database of schema 2 as dyad then did and opens it with this dyad, which
// migrates it; storetest.Upgrade checks every event and count.
func TestUpgrade(t *testing.T) {
	dsn := testDB(t)
	cfg, err := pgconnConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	d := Dialect()
	d.Migrations = storetest.FirstMigrations(t, migrationFiles, "001_initial.sql", "002_ingest.sql")
	s2, err := store.NewSQL(t.Context(), sql.OpenDB(stdlib.GetConnector(*cfg)), d)
	if err != nil {
		t.Fatal(err)
	}
	storetest.Upgrade(t, storetest.Schema2{Old: s2, Numbered: true,
		Reopen: func(ctx context.Context) (*store.SQL, error) { return Open(ctx, dsn) }})
}
