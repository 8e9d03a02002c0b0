package source

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// noNetwork refuses every request: fuzzed input may look like a feed list of URLs, and fuzzing
// must never reach out.
type noNetwork struct{}

func (noNetwork) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("network disabled in fuzzing")
}

func fuzzOptions(f Format) Options {
	return Options{
		Format:   f,
		MaxBytes: 1 << 20,
		Retries:  -1,
		HTTP:     &http.Client{Transport: noNetwork{}},
		Now:      func() time.Time { return refNow },
	}
}

// addSeeds adds every file of the given testdata folders to the corpus.
func addSeeds(f *testing.F, dirs ...string) {
	for _, d := range dirs {
		paths, _ := filepath.Glob(filepath.Join("testdata", d, "*"))
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
}

func fuzzRead(t *testing.T, name string, data []byte, format Format) {
	for it := range Read(context.Background(), name, strings.NewReader(string(data)), fuzzOptions(format)) {
		checkItem(t, it)
		// Errors name the input, or the URL a feed list led to.
		if e, ok := it.Err.(*Error); ok && !strings.HasPrefix(e.Origin, name) && !isURL(e.Origin) {
			t.Fatalf("error does not name the input: %v", it.Err)
		}
	}
}

func FuzzText(f *testing.F) {
	addSeeds(f, "text", "lang")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "in.txt", data, FormatText) })
}

func FuzzJSONL(f *testing.F) {
	addSeeds(f, "jsonl")
	f.Add([]byte(`{"id":1,"text":"x","date":1629799200}` + "\n" + `{"text":"\u0000\u0085"}`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "in.jsonl", data, FormatJSONL) })
}

func FuzzHTML(f *testing.F) {
	addSeeds(f, "html")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "in.html", data, FormatHTML) })
}

func FuzzFeed(f *testing.F) {
	addSeeds(f, "feed")
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","content_text":"Talks resumed."}]}`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "in.xml", data, FormatFeed) })
}

// FuzzAuto runs format sniffing, gzip detection and whichever reader the bytes select.
func FuzzAuto(f *testing.F) {
	addSeeds(f, "text", "html", "jsonl", "feed")
	f.Add([]byte("https://feeds.invalid/a\nhttps://feeds.invalid/b\n"))
	f.Add(gzipBytes(f, []byte(`{"text":"The vote was held."}`)))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "input", data, FormatAuto) })
}

func FuzzDateline(f *testing.F) {
	for _, s := range []string{
		"KABUL, Aug 24 (Reuters) - Talks began.", "WASHINGTON (AP) — Vote delayed.",
		"NAIROBI, Kenya, March 3, 2022 – Crowds gathered.", "Headline\nGENEVA, 12 March (AFP) -- Envoys met.",
		"X (", "A, 1 -", "ÀÀ, Feb 29 - x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := parseDateline(s)
		if !ok {
			return
		}
		if d.Place == "" || d.End <= 0 || d.End > len(s) || d.Day < 0 || d.Day > 31 {
			t.Fatalf("bad dateline %+v for %q", d, s)
		}
		if got, ok := d.date(refNow); ok && (got.Day() != d.Day || got.Month() != d.Month) {
			t.Fatalf("date %v does not match %+v", got, d)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2021-08-24T10:00:00Z", "Aug. 24, 2021", "1629799200", "Sept. 4, 2021", "2021-02-30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, ok := parseDate(s); ok && !plausible(got) {
			t.Fatalf("parseDate(%q) accepted implausible %v", s, got)
		}
	})
}

func FuzzCleanText(f *testing.F) {
	f.Add([]byte("ok \xff\x01\r\n\u2029\ufeff"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, bad := cleanText(b)
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 out of %q", b)
		}
		for _, r := range s {
			if r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r <= 0x9f {
				t.Fatalf("control %U left in %q", r, s)
			}
		}
		if bad >= len(b) {
			t.Fatalf("bad offset %d past input of %d bytes", bad, len(b))
		}
	})
}

func FuzzDetectLanguage(f *testing.F) {
	addSeeds(f, "lang")
	f.Fuzz(func(t *testing.T, b []byte) {
		if got := DetectLanguage(string(b)); got != "" && len(got) != 2 {
			t.Fatalf("DetectLanguage = %q, want a two-letter code or empty", got)
		}
	})
}
