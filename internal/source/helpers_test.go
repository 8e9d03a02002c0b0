package source

import (
	"bytes"
	"context"
	"iter"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// refNow is the clock the tests give Options.Now, so dateline years do not depend on the day.
var refNow = time.Date(2021, 9, 1, 12, 0, 0, 0, time.UTC)

// testOptions returns Options with a fixed clock and a logger writing into the returned buffer.
func testOptions() (Options, *bytes.Buffer) {
	var logs bytes.Buffer
	return Options{
		Now:    func() time.Time { return refNow },
		Logger: slog.New(slog.NewTextHandler(&logs, nil)),
	}, &logs
}

// collect drains a sequence, checking the Item contract on the way: exactly one of Doc and Err,
// and a document with an ID, an origin and non-empty valid UTF-8 text.
func collect(t testing.TB, seq iter.Seq[Item]) []Item {
	t.Helper()
	var items []Item
	for it := range seq {
		checkItem(t, it)
		items = append(items, it)
	}
	return items
}

func checkItem(t testing.TB, it Item) {
	t.Helper()
	switch {
	case (it.Doc == nil) == (it.Err == nil):
		t.Fatalf("item must have exactly one of Doc and Err: %+v", it)
	case it.Err != nil:
		if _, ok := it.Err.(*Error); !ok {
			t.Fatalf("Err is %T, want *Error: %v", it.Err, it.Err)
		}
	case it.Doc.ID == "" || it.Doc.Origin == "":
		t.Fatalf("document without ID or Origin: %+v", it.Doc)
	case strings.TrimSpace(it.Doc.Text) == "" || !utf8.ValidString(it.Doc.Text):
		t.Fatalf("document %s: empty or invalid text %q", it.Doc.ID, it.Doc.Text)
	}
}

// readPath runs Read over one testdata file.
func readPath(t testing.TB, path string, opt Options) []Item {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return collect(t, Read(context.Background(), path, f, opt))
}

// one expects exactly one item.
func one(t testing.TB, items []Item) Item {
	t.Helper()
	if len(items) != 1 {
		t.Fatalf("got %d items, want 1: %+v", len(items), items)
	}
	return items[0]
}

// sharedDir returns a folder of /work/shared (the repository's sibling "shared"), or skips.
func sharedDir(t testing.TB, rel string) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Skip("cannot locate the test file")
	}
	// internal/source -> repository root -> its parent, where shared/ sits.
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", rel)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared data %s not present: %v", dir, err)
	}
	return dir
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
