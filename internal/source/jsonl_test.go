package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestReadJSONL(t *testing.T) {
	path := filepath.Join("testdata", "jsonl", "articles.jsonl")
	flag := date(2021, 9, 30)
	type want struct {
		err       string // error text after the path; "" for a document
		is        error
		id        string
		title     string
		url       string
		publisher string
		pub       time.Time
		from      string
		warning   string
		meta      map[string]string
	}
	wants := []want{
		{id: "a1", title: "Water accord signed", url: "https://news.example.org/a1", publisher: "Example Wire",
			pub: time.Date(2021, 8, 24, 10, 0, 0, 0, time.UTC), from: "jsonl"},
		{id: path + ":2", title: "Protesters detained", pub: date(2021, 8, 25), from: "jsonl"},
		// Line 3 is blank and skipped; line numbers still count it.
		{id: "42", pub: flag, from: "flag", warning: `bad date "2021-02-30"`,
			meta: map[string]string{"section": "world", "tags": `["army","talks"]`, "score": "0.75", "draft": "false", "editor": ""}},
		{err: ":5: invalid JSON: unexpected EOF", is: ErrInvalidJSON},
		{err: ":6: missing text", is: ErrMissingText},
		{err: `:7: missing text: "text" is not a string`, is: ErrMissingText},
		{id: "a7", publisher: "Capital Daily", pub: date(2021, 8, 26), from: "jsonl"},
		{err: ":9: invalid JSON: not an object", is: ErrInvalidJSON},
		{err: ":10: missing text", is: ErrMissingText},
		{id: "a10", pub: date(2021, 8, 27), from: "dateline", meta: map[string]string{"dateline": "KABUL"}},
		{err: ":12: invalid JSON: data after the object", is: ErrInvalidJSON},
	}
	opt, logs := testOptions()
	opt.Date = flag
	items := readPath(t, path, opt)
	if len(items) != len(wants) {
		t.Fatalf("got %d items, want %d", len(items), len(wants))
	}
	for i, w := range wants {
		it := items[i]
		if w.err != "" {
			if it.Err == nil || it.Err.Error() != path+w.err || !errors.Is(it.Err, w.is) {
				t.Errorf("item %d: err = %v, want %q", i, it.Err, path+w.err)
			}
			continue
		}
		if it.Err != nil {
			t.Errorf("item %d: %v", i, it.Err)
			continue
		}
		d := it.Doc
		if d.ID != w.id || d.Title != w.title || d.URL != w.url || d.Publisher != w.publisher {
			t.Errorf("item %d: ID %q Title %q URL %q Publisher %q; want %q %q %q %q", i, d.ID, d.Title, d.URL, d.Publisher, w.id, w.title, w.url, w.publisher)
		}
		if !d.Published.Equal(w.pub) || d.DateFrom != w.from || d.DateWarning != w.warning {
			t.Errorf("item %d: Published %v from %q warning %q; want %v from %q warning %q", i, d.Published, d.DateFrom, d.DateWarning, w.pub, w.from, w.warning)
		}
		if len(d.Meta) != len(w.meta) {
			t.Errorf("item %d: Meta = %v, want %v", i, d.Meta, w.meta)
		}
		for k, v := range w.meta {
			if got, ok := d.Meta[k]; !ok || got != v {
				t.Errorf("item %d: Meta[%q] = %q, want %q", i, k, got, v)
			}
		}
	}
	if !strings.Contains(logs.String(), "articles.jsonl:4") {
		t.Errorf("bad date not logged with its line: %s", logs)
	}
}

// jsonlLine makes one JSONL line whose text is about n bytes long.
func jsonlLine(id string, n int) string {
	body := strings.Repeat("Envoys met again to discuss the truce. ", n/39+1)[:n]
	return fmt.Sprintf(`{"id":%q,"text":%q}`+"\n", id, body)
}

func TestJSONLLongLines(t *testing.T) {
	opt, _ := testOptions()
	opt.MaxBytes = 200 << 10
	// 100 KB is past bufio.Scanner's default 64 KB token limit but within our cap; 2 MB is past
	// the cap and is refused without stopping the file.
	input := jsonlLine("big", 100<<10) + jsonlLine("huge", 2<<20) + jsonlLine("after", 50)
	items := collect(t, Read(context.Background(), "long.jsonl", strings.NewReader(input), opt))
	if len(items) != 3 {
		t.Fatalf("got %d items, want 3", len(items))
	}
	if items[0].Err != nil || items[0].Doc.ID != "big" || len(items[0].Doc.Text) != 100<<10 {
		t.Errorf("item 0: %+v", items[0])
	}
	if !errors.Is(items[1].Err, ErrTooLarge) || !strings.HasPrefix(items[1].Err.Error(), "long.jsonl:2: ") {
		t.Errorf("item 1: err = %v, want too large at line 2", items[1].Err)
	}
	if items[2].Err != nil || items[2].Doc.ID != "after" {
		t.Errorf("item 2: %+v", items[2])
	}
}

func TestJSONLTextTruncated(t *testing.T) {
	opt, logs := testOptions()
	opt.MaxBytes = 1000
	it := one(t, collect(t, Read(context.Background(), "t.jsonl", strings.NewReader(jsonlLine("x", 5000)), opt)))
	if it.Err != nil || len(it.Doc.Text) > 1000 || len(it.Doc.Text) < 990 {
		t.Fatalf("got %+v", it)
	}
	if !strings.Contains(logs.String(), "t.jsonl:1") {
		t.Errorf("truncation not logged: %s", logs)
	}
}

func TestJSONLEmpty(t *testing.T) {
	opt, _ := testOptions()
	opt.Format = FormatJSONL
	it := one(t, collect(t, Read(context.Background(), "blank.jsonl", strings.NewReader(strings.Repeat("\n", 9000)), opt)))
	if !errors.Is(it.Err, ErrEmpty) {
		t.Fatalf("err = %v, want empty", it.Err)
	}
}

// jsonlStream generates n JSONL lines on the fly, so a large input never exists in memory.
type jsonlStream struct {
	n, i int
	buf  bytes.Buffer
	size int64
}

func (s *jsonlStream) Read(p []byte) (int, error) {
	for s.buf.Len() < len(p) && s.i < s.n {
		s.i++
		b := s.buf.AvailableBuffer()
		b = append(b, `{"id":"doc-`...)
		b = strconv.AppendInt(b, int64(s.i), 10)
		b = append(b, `","date":"2021-08-1`...)
		b = strconv.AppendInt(b, int64(s.i%10), 10)
		b = append(b, `","text":"Delegates from both sides met again and agreed to keep talking about the prisoner exchange.","source":"Generated","extra":{"n":`...)
		b = strconv.AppendInt(b, int64(s.i), 10)
		b = append(b, "}}\n"...)
		s.buf.Write(b)
	}
	if s.buf.Len() == 0 {
		return 0, io.EOF
	}
	n, _ := s.buf.Read(p)
	s.size += int64(n)
	return n, nil
}

func TestJSONLStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 20 MB")
	}
	src := &jsonlStream{n: 60_000} // about 11 MB
	opt, _ := testOptions()
	opt.Format = FormatJSONL
	n := 0
	var ms runtime.MemStats
	var peak uint64
	for it := range Read(context.Background(), "stream", src, opt) {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		n++
		if want := fmt.Sprintf("doc-%d", n); it.Doc.ID != want {
			t.Fatalf("item %d has ID %q", n, it.Doc.ID)
		}
		if n%10_000 == 0 { // live heap, after a collection, at a few points of the stream
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
	}
	if n != src.n {
		t.Fatalf("read %d documents of %d", n, src.n)
	}
	// Streaming keeps the heap far below the input size; loading it whole would not.
	if peak > uint64(src.size)/4 {
		t.Errorf("live heap reached %d bytes for a %d-byte stream", peak, src.size)
	}
	t.Logf("streamed %d documents, %.1f MB, live heap at most %.2f MB", n, float64(src.size)/1e6, float64(peak)/1e6)
}

func TestJSONLStopEarly(t *testing.T) {
	src := &jsonlStream{n: 1000}
	opt, _ := testOptions()
	opt.Format = FormatJSONL
	n := 0
	for range Read(context.Background(), "stream", src, opt) {
		n++
		if n == 3 {
			break
		}
	}
	// The reader may fill its buffer once more, no further.
	if src.size > 2*bufSize {
		t.Errorf("read %d bytes (%d lines) for 3 documents: the reader did not stop", src.size, src.i)
	}
}

func TestJSONLCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	src := &jsonlStream{n: 1000}
	opt, _ := testOptions()
	opt.Format = FormatJSONL
	n := 0
	for range Read(ctx, "stream", src, opt) {
		n++
		if n == 2 {
			cancel()
		}
	}
	if n != 2 {
		t.Errorf("got %d items, want 2 (none after cancel)", n)
	}
}
