package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/dyad-events/dyad/internal/store/export"
)

// Made-up news: sentences built from these parts, so that every article is different.
var (
	newsActors = []string{"Kenyan police", "the Afghan government", "Russian troops", "Ukrainian officials",
		"Chinese diplomats", "the Indian foreign minister", "Pakistani soldiers", "Iranian negotiators",
		"Egyptian security forces", "Nigerian lawmakers", "the French president", "German prosecutors",
		"Brazilian farmers", "Mexican protesters", "Turkish officials", "the Somali army"}
	newsVerbs = []string{"met", "accused", "attacked", "praised", "criticized", "arrested", "urged", "condemned",
		"thanked", "threatened", "visited", "warned"}
	newsTails = []string{"on Tuesday", "in the capital", "after weeks of talks", "near the border", "at a summit",
		"during a late meeting", "over a water dispute", "before the vote", "in a statement", "outside the ministry"}
	newsPlaces = []string{"NAIROBI", "KABUL", "KYIV", "NEW DELHI", "CAIRO", "ABUJA", "PARIS", "ANKARA", "MOGADISHU", "BRASILIA"}
)

// article makes a made-up wire story of about n sentences.
func article(r *rand.Rand, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, March %d (Wire) - ", newsPlaces[r.IntN(len(newsPlaces))], 1+r.IntN(28))
	for i := range n {
		a, v, o := newsActors[r.IntN(len(newsActors))], newsVerbs[r.IntN(len(newsVerbs))], newsActors[r.IntN(len(newsActors))]
		fmt.Fprintf(&b, "%s%s %s %s %s, %d people said.", strings.ToUpper(a[:1]), a[1:], v, o,
			newsTails[r.IntN(len(newsTails))], 2+r.IntN(90))
		if i%5 == 4 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// writeJSONL writes n articles of about sentences sentences each, with an extra field on every line.
func writeJSONL(t testing.TB, path string, n, sentences int, seed uint64) {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 3))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for i := range n {
		if err := enc.Encode(map[string]any{"id": fmt.Sprintf("w%d-%05d", seed, i), "date": "2024-03-05",
			"url": fmt.Sprintf("https://wire.example.org/%d/%d", seed, i), "source": "Example Wire",
			"text": article(r, sentences), "desk": "world", "priority": 3}); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// run runs the dyad command in-process and returns its output, log and error.
func run(t *testing.T, args ...string) (stdout, log string, err error) {
	t.Helper()
	var out, logs bytes.Buffer
	root := newRootCmd(slog.New(slog.NewTextHandler(&logs, nil)))
	root.SetArgs(args)
	root.SetOut(&out)
	root.SetErr(&logs)
	err = root.ExecuteContext(t.Context())
	return out.String(), logs.String(), err
}

func TestIngestQueryExport(t *testing.T) {
	dir := t.TempDir()
	db := "file:" + filepath.Join(dir, "dyad.db")
	in := filepath.Join(dir, "news.jsonl")
	writeJSONL(t, in, 20, 6, 1)
	_, log, err := run(t, "ingest", "--db", db, in)
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, log)
	}
	if got := strings.Count(log, "msg=stored"); got != 20 {
		t.Errorf("%d documents acknowledged, want 20\n%s", got, log)
	}
	if !strings.Contains(log, "added=20") {
		t.Errorf("summary: %s", log)
	}
	out, _, err := run(t, "query", "--db", db, "--format", "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	events := strings.Count(out, "\n")
	if events == 0 {
		t.Fatal("no events stored")
	}
	// Again: nothing added, nothing counted twice.
	_, log, err = run(t, "ingest", "--db", db, in)
	if err != nil || !strings.Contains(log, "added=0") || !strings.Contains(log, "already_stored=20") {
		t.Fatalf("second ingest: %v\n%s", err, log)
	}
	out2, _, _ := run(t, "query", "--db", db, "--format", "jsonl")
	if out2 != out {
		t.Error("a second ingest changed the stored events")
	}
	// The metadata of JSONL lines is kept.
	var first struct {
		DocID string `json:"doc_id"`
	}
	if err := json.Unmarshal([]byte(out[:strings.IndexByte(out, '\n')]), &first); err != nil {
		t.Fatal(err)
	}
	st, err := openStore(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := st.Document(t.Context(), first.DocID)
	st.Close()
	if err != nil || doc.Meta["desk"] != "world" || doc.Publisher != "Example Wire" {
		t.Errorf("document %+v, %v", doc, err)
	}

	agg, _, err := run(t, "query", "--db", db, "--by", "month,root", "--format", "csv")
	if err != nil || !strings.HasPrefix(agg, "period,key,events,articles,goldstein\n") {
		t.Fatalf("aggregate: %v\n%s", err, agg)
	}
	for _, format := range []string{"csv", "jsonl", "gdelt", "parquet"} {
		out := filepath.Join(dir, "events."+format)
		if _, log, err := run(t, "export", "--db", db, "--format", format, "-o", out); err != nil {
			t.Fatalf("export %s: %v\n%s", format, err, log)
		}
		if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
			t.Errorf("export %s: %v", format, err)
		}
	}
	gd, _ := os.ReadFile(filepath.Join(dir, "events.gdelt"))
	if n := strings.Count(string(gd), "\n"); n != events {
		t.Errorf("gdelt export has %d rows, query %d", n, events)
	}
	rows, err := parquet.ReadFile[export.Row](filepath.Join(dir, "events.parquet"))
	if err != nil || len(rows) != events {
		t.Fatalf("parquet export read back: %d rows (%v), query %d", len(rows), err, events)
	}
	for _, r := range rows {
		if r.NumArticles != 1 || r.SourceCode == nil || r.Day == nil {
			t.Errorf("parquet row %s: articles %d, source %v, day %v", r.ID, r.NumArticles, r.SourceCode, r.Day)
			break
		}
	}
}

func TestQueryMetacharacters(t *testing.T) {
	dir := t.TempDir()
	db := "file:" + filepath.Join(dir, "dyad.db")
	in := filepath.Join(dir, "news.jsonl")
	writeJSONL(t, in, 5, 4, 2)
	if _, log, err := run(t, "ingest", "--db", db, in); err != nil {
		t.Fatalf("ingest: %v\n%s", err, log)
	}
	all, _, _ := run(t, "query", "--db", db, "--format", "csv")
	for _, flag := range []string{"--actor", "--source", "--target", "--root", "--code", "--country", "--text"} {
		for _, v := range []string{"'; DROP TABLE events; --", "%", "_", "\"", "' OR 1=1 --"} {
			out, _, err := run(t, "query", "--db", db, flag, v, "--format", "csv")
			if err != nil {
				t.Errorf("%s %q: %v", flag, v, err)
			}
			if strings.Count(out, "\n") > 1 {
				t.Errorf("%s %q matched events:\n%s", flag, v, out)
			}
		}
	}
	if again, _, _ := run(t, "query", "--db", db, "--format", "csv"); again != all {
		t.Error("the events changed after the queries")
	}
}

func TestBadFlags(t *testing.T) {
	db := "file:" + filepath.Join(t.TempDir(), "dyad.db")
	for _, args := range [][]string{
		{"query", "--db", db, "--since", "yesterday"},
		{"query", "--db", db, "--quad", "7"},
		{"query", "--db", db, "--by", "year"},
		{"query", "--db", db, "--format", "parquet"},
		{"export", "--db", db, "--format", "xml"},
		{"ingest", "--db", db},
	} {
		if _, _, err := run(t, args...); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}

func TestCountDocuments(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	lines := write("a.jsonl", "{}\n{}\n{}\n")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("{}\n{}\n"))
	zw.Close()
	zipped := write("sub/b.jsonl.gz", gz.String())
	write("sub/c.html", "<p>x</p>")
	write("sub/.hidden.txt", "x")
	write(".git/d.txt", "x")
	tests := []struct {
		args []string
		n    int
		ok   bool
	}{
		{[]string{lines}, 3, true},
		{[]string{zipped}, 2, true},
		{[]string{dir}, 6, true},
		{[]string{lines, "https://example.org/feed"}, 0, false},
		{[]string{"-"}, 0, false},
		{[]string{filepath.Join(dir, "missing")}, 0, false},
	}
	for _, tt := range tests {
		n, ok := countDocuments(t.Context(), tt.args)
		if n != tt.n || ok != tt.ok {
			t.Errorf("countDocuments(%v) = %d, %v; want %d, %v", tt.args, n, ok, tt.n, tt.ok)
		}
	}
}

// TestIngestSyndicated ingests one wire story as three sites ran it: the events are stored once, with
// three articles from two sources.
func TestIngestSyndicated(t *testing.T) {
	dir := t.TempDir()
	db := "file:" + filepath.Join(dir, "dyad.db")
	r := rand.New(rand.NewPCG(9, 9))
	story := article(r, 12)
	lines := []map[string]string{
		{"id": "site1", "url": "https://one.example.org/a", "source": "Wire One", "date": "2024-03-05", "text": story},
		{"id": "site2", "url": "https://two.example.com/b", "source": "Second Daily", "date": "2024-03-05", "text": story},
		{"id": "site3", "url": "https://one.example.org/c", "source": "Wire One", "date": "2024-03-05",
			"text": "Updated at noon. " + story + " Reporting by the wire desk."},
	}
	in := filepath.Join(dir, "copies.jsonl")
	var buf bytes.Buffer
	for _, l := range lines {
		b, _ := json.Marshal(l)
		buf.Write(append(b, '\n'))
	}
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	_, log, err := run(t, "ingest", "--db", db, in)
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, log)
	}
	if !strings.Contains(log, "added=1 copies=2") {
		t.Errorf("summary: %s", log)
	}
	out, _, err := run(t, "export", "--db", db, "--format", "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for line := range strings.Lines(out) {
		var e struct {
			DocID    string `json:"doc_id"`
			Articles int    `json:"num_articles"`
			Sources  int    `json:"num_sources"`
		}
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatal(err)
		}
		if e.DocID != "site1" || e.Articles != 3 || e.Sources != 2 {
			t.Errorf("event of %s: %d articles, %d sources; want site1, 3, 2", e.DocID, e.Articles, e.Sources)
		}
		n++
	}
	if n == 0 {
		t.Error("no events")
	}
}
