package source

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// newsServer serves the testdata over HTTP and counts requests per path.
type newsServer struct {
	*httptest.Server
	hits map[string]*atomic.Int32
}

func startNewsServer(t *testing.T) *newsServer {
	t.Helper()
	rss := mustRead(t, filepath.Join("testdata", "feed", "rss.xml"))
	page := mustRead(t, filepath.Join("testdata", "html", "article.html"))
	s := &newsServer{hits: map[string]*atomic.Int32{}}
	for _, p := range []string{"/rss", "/page", "/slow", "/flaky", "/missing", "/down", "/image", "/limited"} {
		s.hits[p] = new(atomic.Int32)
	}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits, ok := s.hits[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		n := hits.Add(1)
		switch r.URL.Path {
		case "/rss":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write(rss)
		case "/page":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		case "/slow":
			select { // longer than any client timeout in these tests; ends when the client gives up
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
		case "/flaky":
			if n == 1 {
				http.Error(w, "try again", http.StatusInternalServerError)
				return
			}
			w.Write(rss)
		case "/missing":
			http.NotFound(w, r)
		case "/down":
			http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
		case "/image":
			w.Header().Set("Content-Type", "image/png")
			w.Write([]byte("\x89PNG\r\n\x1a\n"))
		case "/limited":
			if n == 1 {
				w.Header().Set("Retry-After", "0")
				http.Error(w, "slow down", http.StatusTooManyRequests)
				return
			}
			w.Write(rss)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *newsServer) count(path string) int { return int(s.hits[path].Load()) }

func fastOptions() Options {
	opt, _ := testOptions()
	opt.Backoff = time.Millisecond
	opt.HTTP = &http.Client{Timeout: 200 * time.Millisecond}
	return opt
}

func TestFetch(t *testing.T) {
	s := startNewsServer(t)
	tests := []struct {
		name    string
		path    string
		format  Format
		retries int
		docs    int
		err     string // expected error text after the URL; "" for none
		is      error
		hits    int
	}{
		{name: "feed", path: "/rss", docs: 3, hits: 1},
		{name: "page", path: "/page", docs: 1, hits: 1},
		{name: "page asked as feed", path: "/page", format: FormatFeed, err: ": not a feed: got an HTML page", is: ErrNotFeed, hits: 1},
		{name: "500 then 200", path: "/flaky", docs: 3, hits: 2},
		{name: "429 then 200", path: "/limited", docs: 3, hits: 2},
		{name: "404 is not retried", path: "/missing", err: ": fetch: HTTP 404 Not Found", hits: 1},
		{name: "503 retried then given up", path: "/down", retries: 2, err: ": fetch: HTTP 503 Service Unavailable (after 3 attempts)", hits: 3},
		{name: "no retries", path: "/down", retries: -1, err: ": fetch: HTTP 503 Service Unavailable", hits: 1},
		{name: "slow server times out", path: "/slow", retries: 1, err: ": fetch: ", hits: 2},
		{name: "binary", path: "/image", err: ": binary content (image/png)", is: ErrBinary, hits: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := s.count(tt.path)
			opt := fastOptions()
			opt.Format = tt.format
			opt.Retries = tt.retries
			u := s.URL + tt.path
			items := collect(t, Open(context.Background(), []string{u}, opt))
			docs := 0
			var errs []error
			for _, it := range items {
				if it.Doc != nil {
					docs++
					if tt.path == "/page" && (it.Doc.ID != u || it.Doc.URL != s.URL+"/news/2023/harbour-strike-ends") {
						t.Errorf("page ID %q URL %q", it.Doc.ID, it.Doc.URL)
					}
				} else {
					errs = append(errs, it.Err)
				}
			}
			if docs != tt.docs {
				t.Errorf("got %d documents, want %d (errors %v)", docs, tt.docs, errs)
			}
			if tt.err != "" {
				if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), u+tt.err) {
					t.Fatalf("errors = %v, want one starting %q", errs, u+tt.err)
				}
				if tt.is != nil && !errors.Is(errs[0], tt.is) {
					t.Errorf("error %v is not %v", errs[0], tt.is)
				}
			}
			if got := s.count(tt.path) - before; got != tt.hits {
				t.Errorf("server saw %d requests, want %d", got, tt.hits)
			}
		})
	}
}

func TestFetchTimeoutIsNamed(t *testing.T) {
	s := startNewsServer(t)
	opt := fastOptions()
	opt.Retries = -1
	it := one(t, collect(t, Open(context.Background(), []string{s.URL + "/slow"}, opt)))
	if it.Err == nil || !strings.Contains(it.Err.Error(), s.URL+"/slow") || !strings.Contains(it.Err.Error(), "Timeout") {
		t.Fatalf("err = %v, want a timeout naming the URL", it.Err)
	}
}

func TestFetchCancelDuringBackoff(t *testing.T) {
	s := startNewsServer(t)
	opt := fastOptions()
	opt.Backoff = time.Minute
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	items := collect(t, Open(ctx, []string{s.URL + "/down", s.URL + "/rss"}, opt))
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("cancellation took %v", took)
	}
	// Iteration ends with the context, without an item for the input in progress.
	if len(items) != 0 {
		t.Fatalf("items = %+v, want none after cancellation", items)
	}
	if ctx.Err() == nil {
		t.Fatal("returned before the context ended")
	}
	if s.count("/rss") != 0 {
		t.Error("read on after cancellation")
	}
}

func TestFeedList(t *testing.T) {
	s := startNewsServer(t)
	dir := t.TempDir()
	list := "# feeds for the test\n" + s.URL + "/rss\n\n" + s.URL + "/page\n" + s.URL + "/flaky\n"
	tests := []struct {
		name, file, list string
		notURL           bool
	}{
		// A line that is no URL is an error item in a .feeds file; in a .txt file it makes the
		// file an article, so that case lists URLs only.
		{"by extension", "news.feeds", list + "not a url\n", true},
		{"a text file of URLs", "urls.txt", list, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, tt.file)
			if err := os.WriteFile(p, []byte(tt.list), 0o644); err != nil {
				t.Fatal(err)
			}
			opt := fastOptions()
			items := collect(t, Open(context.Background(), []string{p}, opt))
			var docs int
			var errs []string
			for _, it := range items {
				if it.Doc != nil {
					docs++
				} else {
					errs = append(errs, it.Err.Error())
				}
			}
			// rss: 3 documents and 1 item error; page: not a feed; flaky: 3 + 1.
			if docs != 6 {
				t.Errorf("got %d documents, want 6", docs)
			}
			want := []string{
				s.URL + "/rss#4: missing text",
				s.URL + "/page: not a feed: got an HTML page",
				s.URL + "/flaky#4: missing text",
			}
			if tt.notURL {
				want = append(want, p+`:6: not an http(s) URL: "not a url"`)
			}
			if strings.Join(errs, "\n") != strings.Join(want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}
