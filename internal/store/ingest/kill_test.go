package ingest

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/source"
	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/postgres"
	"github.com/dyad-events/dyad/internal/store/sqlite"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

// The kill tests run this test binary again as the ingesting process (the child), kill it with
// SIGKILL once it has acknowledged some documents, run it again to the end, and check the store.
const (
	childEnv = "DYAD_INGEST_CHILD" // set in the child: "DSN|input.jsonl"
	killDocs = 1500
	ackLine  = "stored "
)

func openDSN(ctx context.Context, dsn string) (*store.SQL, error) {
	if strings.HasPrefix(dsn, "postgres://") {
		return postgres.Open(ctx, dsn)
	}
	return sqlite.Open(ctx, dsn)
}

// TestChild is the child's body; it does nothing in a normal run.
func TestChild(t *testing.T) {
	spec := os.Getenv(childEnv)
	if spec == "" {
		t.Skip("runs only as the child of the kill tests")
	}
	dsn, input, _ := strings.Cut(spec, "|")
	ctx := context.Background()
	s, err := openDSN(ctx, dsn)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(2)
	}
	defer s.Close()
	var sk Skipped
	items := func(yield func(Coded) bool) {
		for it := range Prepare(ctx, s, source.Open(ctx, []string{input}, source.Options{}), &sk) {
			c := Coded{Doc: it.Doc, Err: it.Err}
			if it.Doc != nil {
				c.Events = []event.Event{storetest.Event(it.Doc, 1), storetest.Event(it.Doc, 2)}
			}
			if !yield(c) {
				return
			}
		}
	}
	out := bufio.NewWriter(os.Stdout)
	_, err = Run(ctx, s, items, Options{Batch: 25, Stored: func(docs []*source.Document, _ []store.Outcome) {
		for _, d := range docs {
			out.WriteString(ackLine + d.ID + "\n")
		}
		out.Flush() // acknowledged only now that the batch is committed
	}})
	if err != nil {
		fmt.Println("run:", err)
		os.Exit(1)
	}
}

// writeInput writes killDocs JSONL articles.
func writeInput(t *testing.T) string {
	path := filepath.Join(t.TempDir(), "batch.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(f)
	for i := range killDocs {
		line := map[string]string{"id": fmt.Sprintf("k%05d", i), "text": storetest.Text(uint64(7000+i), 150),
			"date": "2021-08-24", "url": fmt.Sprintf("https://news.example.org/k%05d", i), "source": "Example Wire",
			"desk": "world"} // an extra field: kept as metadata
		if err := enc.Encode(line); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func child(dsn, input string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+dsn+"|"+input)
	cmd.Stderr = os.Stderr
	return cmd
}

func killTest(t *testing.T, dsn string) {
	input := writeInput(t)
	cmd := child(dsn, input)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	acked := map[string]bool{}
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if id, ok := strings.CutPrefix(sc.Text(), ackLine); ok {
			acked[id] = true
		}
		if len(acked) >= 200 {
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	for sc.Scan() { // acknowledgements written before the kill landed
		if id, ok := strings.CutPrefix(sc.Text(), ackLine); ok {
			acked[id] = true
		}
	}
	werr := cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("the child was not killed: %v (it may have finished first)", werr)
	}

	s, err := openDSN(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("killed after %d acknowledged documents; %d stored", len(acked), st.Documents)
	if st.Documents >= killDocs {
		t.Fatalf("the child stored all %d documents before the kill", st.Documents)
	}
	for id := range acked {
		if ok, err := s.Has(t.Context(), id); !ok || err != nil {
			t.Errorf("acknowledged document %s is missing (%v)", id, err)
		}
	}
	if st.Events != 2*st.Documents {
		t.Errorf("%d events for %d documents: a document was half-written", st.Events, st.Documents)
	}
	s.Close()

	cmd = child(dsn, input)
	if out, err := cmd.Output(); err != nil {
		t.Fatalf("rerun: %v\n%s", err, out)
	}
	s, err = openDSN(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err = s.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != killDocs || st.Stories != killDocs || st.Events != 2*killDocs {
		t.Errorf("after the rerun: %+v, want %d documents and stories, %d events", st, killDocs, 2*killDocs)
	}
	n := 0
	for r, err := range s.Events(t.Context(), store.Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		if r.Count.Articles != 1 {
			t.Errorf("event %s counted %d times", r.Event.ID, r.Count.Articles)
		}
		n++
	}
	if n != 2*killDocs {
		t.Errorf("%d events read back", n)
	}
}

func TestKillSQLite(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	killTest(t, filepath.Join(t.TempDir(), "kill.db"))
}

func TestKillPostgres(t *testing.T) {
	dsn := os.Getenv("DYAD_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("PostgreSQL kill test skipped: set DYAD_TEST_POSTGRES to a postgres:// DSN (.ci/run does)")
	}
	// A schema of its own, dropped at the end.
	admin, err := sql.Open("pgx", dsn) // the driver postgres registers
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	schema := fmt.Sprintf("dyad_kill_%d", time.Now().UnixNano())
	if _, err := admin.ExecContext(t.Context(), "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	defer admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	killTest(t, u.String())
}
