package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/source"
	"github.com/dyad-events/dyad/internal/store/sqlite"
)

// benchArticles makes n articles of about 600 words (50 sentences of about 12 words).
func benchArticles(n int) []*source.Document {
	r := rand.New(rand.NewPCG(42, 42))
	docs := make([]*source.Document, n)
	for i := range docs {
		docs[i] = &source.Document{ID: fmt.Sprintf("bench-%d", i), URL: fmt.Sprintf("https://wire.example.org/b/%d", i),
			Publisher: "Example Wire", Published: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), Lang: "en", Text: article(r, 50)}
	}
	return docs
}

// cpuSeconds is the user and system time this process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

func items(docs []*source.Document) func(func(source.Item) bool) {
	return func(yield func(source.Item) bool) {
		for _, d := range docs {
			if !yield(source.Item{Doc: d}) {
				return
			}
		}
	}
}

// BenchmarkIngest codes and stores 600-word articles into SQLite on every core, as `dyad ingest` does,
// and reports articles/s; BenchmarkIngest/code-only is the same without the store.
func BenchmarkIngest(b *testing.B) {
	c, err := dyad.New(dyad.Options{})
	if err != nil {
		b.Skipf("coder: %v", err)
	}
	docs := benchArticles(200)
	words := len(strings.Fields(docs[0].Text))
	b.Run("code-only", func(b *testing.B) {
		events := 0
		cpu0 := cpuSeconds()
		for b.Loop() {
			events = 0
			for r := range c.CodeAll(b.Context(), items(docs), 0) {
				events += len(r.Events)
			}
		}
		b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "articles/s")
		b.ReportMetric((cpuSeconds()-cpu0)*1000/float64(len(docs)*b.N), "cpu-ms/article")
		b.ReportMetric(float64(events)/float64(len(docs)), "events/article")
		b.ReportMetric(float64(words), "words/article")
	})
	b.Run("sqlite", func(b *testing.B) {
		cpu0 := cpuSeconds()
		for b.Loop() {
			b.StopTimer()
			st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			sum, err := runIngest(b.Context(), st, c, items(docs), 0, 200, &ingestProgress{quiet: true})
			if err != nil || sum.Added != len(docs) {
				b.Fatalf("%+v %v", sum, err)
			}
			b.StopTimer()
			st.Close()
			b.StartTimer()
		}
		b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "articles/s")
		// CPU per article tells the cost apart from the load of a shared machine.
		b.ReportMetric((cpuSeconds()-cpu0)*1000/float64(len(docs)*b.N), "cpu-ms/article")
	})
}
