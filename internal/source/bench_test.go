package source

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// benchArticle is about 2.5 KB of English prose, the size of a typical wire story.
var benchArticle = strings.Repeat("KABUL, Aug 24 (Reuters) - Elders from two eastern districts met provincial officials on Tuesday to press for the reopening of a mountain road. ", 1) +
	strings.Repeat("The officials promised to send engineers within a week, according to a statement read out after the meeting, and the elders said they would return if nothing happened. ", 15)

func benchJSONL(n int) []byte {
	var buf bytes.Buffer
	for i := range n {
		line, _ := json.Marshal(map[string]any{
			"id": fmt.Sprintf("doc-%d", i), "date": "2021-08-24T10:00:00Z", "text": benchArticle,
			"url": fmt.Sprintf("https://news.example.org/%d", i), "title": "Elders press for road reopening",
			"source": "Example Wire", "section": "world",
		})
		buf.Write(line)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

func BenchmarkReadJSONL(b *testing.B) {
	data := benchJSONL(2000) // about 5.5 MB
	opt := Options{Format: FormatJSONL}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for it := range Read(context.Background(), "bench.jsonl", bytes.NewReader(data), opt) {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
			n++
		}
		if n != 2000 {
			b.Fatalf("read %d documents", n)
		}
	}
}

func BenchmarkReadText(b *testing.B) {
	data := []byte(benchArticle)
	opt := Options{Format: FormatText}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		for it := range Read(context.Background(), "bench.txt", bytes.NewReader(data), opt) {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
		}
	}
}

func BenchmarkReadHTML(b *testing.B) {
	data := mustRead(b, filepath.Join("testdata", "html", "article.html"))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		for it := range Read(context.Background(), "bench.html", bytes.NewReader(data), Options{}) {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
		}
	}
}

func BenchmarkReadFeed(b *testing.B) {
	data := mustRead(b, filepath.Join("testdata", "feed", "rss.xml"))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		for range Read(context.Background(), "bench.xml", bytes.NewReader(data), Options{}) {
		}
	}
}

func BenchmarkCleanText(b *testing.B) {
	for _, bc := range []struct{ name, text string }{
		{"clean", benchArticle},
		{"dirty", strings.ReplaceAll(benchArticle, "week", "w\x01ek\r\n")},
	} {
		b.Run(bc.name, func(b *testing.B) {
			data := []byte(bc.text)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				cleanText(data)
			}
		})
	}
}

func BenchmarkDetectLanguage(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if DetectLanguage(benchArticle) != "en" {
			b.Fatal("not English")
		}
	}
}

func BenchmarkParseDateline(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := parseDateline(benchArticle); !ok {
			b.Fatal("no dateline")
		}
	}
}
