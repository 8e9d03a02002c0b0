package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenTree(t *testing.T) {
	opt, _ := testOptions()
	root := filepath.Join("testdata", "tree")
	items := collect(t, Open(context.Background(), []string{root}, opt))
	var ids []string
	for _, it := range items {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		ids = append(ids, it.Doc.ID)
	}
	want := []string{
		filepath.Join(root, "a", "one.txt"),
		"t2",
		filepath.Join(root, "b", "c", "three.txt"),
		filepath.Join(root, "b", "four.html"),
	}
	if strings.Join(ids, "|") != strings.Join(want, "|") {
		t.Errorf("IDs = %q, want %q (sorted, hidden names skipped)", ids, want)
	}
}

func gzipBytes(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestOpenFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	jsonl := mustRead(t, filepath.Join("testdata", "jsonl", "articles.jsonl"))
	rss := mustRead(t, filepath.Join("testdata", "feed", "rss.xml"))
	plain := filepath.Join("testdata", "text", "plain.txt")
	gzJSONL := write("articles.jsonl.gz", gzipBytes(t, jsonl))
	gzNoExt := write("feedblob", gzipBytes(t, rss))
	full := gzipBytes(t, bytes.Repeat([]byte("The river rose again overnight and the town council met at dawn. "), 2000))
	truncated := write("cut.txt.gz", full[:len(full)/2])
	badHeader := write("bad.gz", []byte{0x1f, 0x8b, 0x99, 0x00, 'n', 'o', 'p', 'e'})
	missing := filepath.Join(dir, "missing.txt")

	tests := []struct {
		name    string
		path    string
		docs    int
		errs    []string // beginnings of expected error texts
		firstID string
	}{
		{"gzip jsonl", gzJSONL, 5, []string{gzJSONL + ":5: invalid JSON: unexpected EOF"}, "a1"},
		{"gzip without extension", gzNoExt, 3, []string{gzNoExt + "#4: missing text"}, "https://wire.example.org/item/1001"},
		{"truncated gzip", truncated, 0, []string{truncated + ": read: corrupt gzip: unexpected EOF"}, ""},
		{"bad gzip header", badHeader, 0, []string{badHeader + ": corrupt gzip: "}, ""},
		{"missing", missing, 0, []string{missing + ": no such file or directory"}, ""},
		{"plain", plain, 1, nil, plain},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt, _ := testOptions()
			items := collect(t, Open(context.Background(), []string{tt.path}, opt))
			var docs int
			var errs []string
			firstID := ""
			for _, it := range items {
				if it.Err != nil {
					errs = append(errs, it.Err.Error())
					continue
				}
				if docs == 0 {
					firstID = it.Doc.ID
				}
				docs++
			}
			if docs != tt.docs || firstID != tt.firstID {
				t.Errorf("got %d docs (first %q), want %d (first %q)", docs, firstID, tt.docs, tt.firstID)
			}
			// Only the listed errors matter; JSONL and feed inputs add their own per-line ones.
			for _, want := range tt.errs {
				found := false
				for _, e := range errs {
					found = found || strings.HasPrefix(e, want)
				}
				if !found {
					t.Errorf("errors %q lack %q", errs, want)
				}
			}
		})
	}

	t.Run("a bad file does not stop the batch", func(t *testing.T) {
		opt, _ := testOptions()
		items := collect(t, Open(context.Background(), []string{badHeader, missing, plain}, opt))
		if len(items) != 3 || items[0].Err == nil || items[1].Err == nil || items[2].Doc == nil {
			t.Fatalf("got %+v", items)
		}
		if !errors.Is(items[1].Err, fs.ErrNotExist) {
			t.Errorf("missing file: %v is not fs.ErrNotExist", items[1].Err)
		}
	})
}

func TestOpenStdin(t *testing.T) {
	opt, _ := testOptions()
	opt.Stdin = strings.NewReader(`{"text":"The envoy left the capital on Friday after the talks."}` + "\n")
	it := one(t, collect(t, Open(context.Background(), []string{"-"}, opt)))
	if it.Err != nil || it.Doc.ID != "stdin:1" {
		t.Fatalf("got %+v", it)
	}
}

func TestOpenUnknownFormat(t *testing.T) {
	opt, _ := testOptions()
	opt.Format = "pdf"
	it := one(t, collect(t, Open(context.Background(), []string{filepath.Join("testdata", "text", "plain.txt")}, opt)))
	if it.Err == nil || !strings.Contains(it.Err.Error(), `unknown format "pdf"`) {
		t.Fatalf("got %+v", it)
	}
}

func TestIsURLList(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"https://a.example/feed\nhttp://b.example/rss.xml\n", true},
		{"# my feeds\n\nhttps://a.example/feed\n", true},
		{"https://a.example/feed\nand some words\n", false},
		{"# only a comment\n", false},
		{"Read more at https://a.example/story today.", false},
	}
	for _, tt := range tests {
		if got := isURLList([]byte(tt.in)); got != tt.want {
			t.Errorf("isURLList(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
