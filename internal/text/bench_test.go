package text

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkSegment measures the whole tokenizer and splitter on a few KB of news-like text, reusing a
// Segmenter as a long-running coder would, and reports tokens per second.
func BenchmarkSegment(b *testing.B) {
	src := readNews(b)
	var s Segmenter
	ntok := 0
	for _, sent := range s.Segment(src) {
		ntok += len(sent.Tokens)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		s.Segment(src)
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkSegmentFresh is the package-level Segment, which allocates its output on every call.
func BenchmarkSegmentFresh(b *testing.B) {
	src := readNews(b)
	ntok := len(Tokenize(src))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Segment(src)
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkClean(b *testing.B) {
	src := []byte(readNews(b))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Clean(src)
	}
}

func readNews(b *testing.B) string {
	b.Helper()
	buf, err := os.ReadFile(filepath.Join("testdata", "news.txt"))
	if err != nil {
		b.Fatal(err)
	}
	return string(buf)
}
