package main

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/store"
)

// buildDyad builds the real binary for tests that run it as a separate process.
func buildDyad(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "dyad")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

var ackRE = regexp.MustCompile(`msg=stored doc=(\S+)`)

// eventIDs lists the stored event IDs, sorted, and fails on any event counted more than once.
func eventIDs(t *testing.T, dsn string) []string {
	t.Helper()
	st, err := openStore(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var ids []string
	for r, err := range st.Events(t.Context(), store.Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		if r.Count.Articles != 1 {
			t.Errorf("event %s counted in %d articles", r.Event.ID, r.Count.Articles)
		}
		ids = append(ids, r.Event.ID)
	}
	slices.Sort(ids)
	return ids
}

// killIngest kills `dyad ingest` with SIGKILL in the middle of a large batch, runs it again, and
// checks that every acknowledged document is stored once and that the rerun completes the rest:
// the events are exactly those of one clean ingest.
func killIngest(t *testing.T, bin, dsn, cleanDSN string) {
	dir := t.TempDir()
	in := filepath.Join(dir, "batch.jsonl")
	const docs = 400
	writeJSONL(t, in, docs, 8, 7)

	cmd := exec.Command(bin, "ingest", "--db", dsn, "--batch", "10", in)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	acked := map[string]bool{}
	sc := bufio.NewScanner(stderr)
	for sc.Scan() && len(acked) < 60 {
		if m := ackRE.FindStringSubmatch(sc.Text()); m != nil {
			acked[m[1]] = true
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	for sc.Scan() {
		if m := ackRE.FindStringSubmatch(sc.Text()); m != nil {
			acked[m[1]] = true
		}
	}
	cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("dyad ingest was not killed (it finished first?): %v", cmd.ProcessState)
	}
	st, err := openStore(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	stats, err := st.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for id := range acked {
		if ok, err := st.Has(t.Context(), id); !ok || err != nil {
			t.Errorf("acknowledged document %s is not stored (%v)", id, err)
		}
	}
	st.Close()
	t.Logf("killed after %d acknowledged documents, %d stored", len(acked), stats.Documents)
	if stats.Documents >= docs {
		t.Fatalf("all %d documents were stored before the kill", docs)
	}

	if out, err := exec.Command(bin, "ingest", "--db", dsn, "--quiet", in).CombinedOutput(); err != nil {
		t.Fatalf("rerun: %v\n%s", err, out)
	}
	if out, err := exec.Command(bin, "ingest", "--db", cleanDSN, "--quiet", in).CombinedOutput(); err != nil {
		t.Fatalf("clean run: %v\n%s", err, out)
	}
	got, want := eventIDs(t, dsn), eventIDs(t, cleanDSN)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("after kill and rerun: %d events; one clean ingest: %d", len(got), len(want))
	}
	st, err = openStore(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if stats, _ := st.Stats(t.Context()); stats.Documents != docs {
		t.Errorf("%d documents stored, want %d", stats.Documents, docs)
	}
}

// TestKillIngest builds the binary once and runs the kill test against SQLite, then PostgreSQL.
func TestKillIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the binary")
	}
	bin := buildDyad(t)
	t.Run("sqlite", func(t *testing.T) {
		dir := t.TempDir()
		killIngest(t, bin, "file:"+filepath.Join(dir, "killed.db"), "file:"+filepath.Join(dir, "clean.db"))
	})
	t.Run("postgres", func(t *testing.T) {
		killIngest(t, bin, pgSchema(t, "killed"), pgSchema(t, "clean"))
	})
}

// pgSchema returns a DSN for a fresh schema of DYAD_TEST_POSTGRES, dropped when the test ends.
func pgSchema(t *testing.T, name string) string {
	dsn := os.Getenv("DYAD_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("PostgreSQL test skipped: set DYAD_TEST_POSTGRES to a postgres:// DSN (.ci/run does)")
	}
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	schema := fmt.Sprintf("dyad_%s_%d", name, time.Now().UnixNano())
	if _, err := admin.ExecContext(t.Context(), "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		admin.Close()
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
