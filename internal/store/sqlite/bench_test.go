package sqlite

import (
	"bufio"
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/export"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

// The benchmarks share one database of 1,000,000 synthetic events (100,000 documents of 10), built on
// first use and kept in the temporary folder for later runs (about 1 GB).
const (
	benchDocs   = 100_000
	benchPerDoc = 10
)

var bench struct {
	once sync.Once
	path string
	err  error
}

func benchStore(b *testing.B) *store.SQL {
	b.Helper()
	bench.once.Do(func() {
		// A new name for a new schema: the file is built afresh, as a new user's would be.
		bench.path = filepath.Join(os.TempDir(), "dyad-bench-1m-v4.db")
		s, err := Open(context.Background(), bench.path)
		if err != nil {
			bench.err = err
			return
		}
		defer s.Close()
		st, err := s.Stats(context.Background())
		if err != nil || st.Events == benchDocs*benchPerDoc {
			bench.err = err
			return
		}
		start := time.Now()
		batch := make([]store.Entry, 0, 1000)
		flush := func() {
			if _, err := s.Put(context.Background(), batch); err != nil && bench.err == nil {
				bench.err = err
			}
			batch = batch[:0]
		}
		for en := range storetest.Synthetic(benchDocs, benchPerDoc) {
			batch = append(batch, en)
			if len(batch) == cap(batch) {
				flush()
			}
		}
		flush()
		if _, err := s.DB().Exec("ANALYZE"); err != nil && bench.err == nil {
			bench.err = err
		}
		b.Logf("built %s: %d events in %v", bench.path, benchDocs*benchPerDoc, time.Since(start))
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	s, err := Open(b.Context(), bench.path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func day(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

// BenchmarkQuery: actor + root + a year, every matching event read in full.
func BenchmarkQuery(b *testing.B) {
	s := benchStore(b)
	f := store.Filter{Actor: "USA", Root: "17", Since: day("2020-01-01"), Until: day("2020-12-31")}
	n := 0
	for b.Loop() {
		n = 0
		for _, err := range s.Events(b.Context(), f) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportMetric(float64(n), "events")
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
}

// BenchmarkAggregate: every event by day and root.
func BenchmarkAggregate(b *testing.B) {
	s := benchStore(b)
	for _, tt := range []struct {
		name string
		f    store.Filter
		g    store.Grouping
	}{
		{"day-root", store.Filter{}, store.Grouping{Period: store.Day, Key: store.Root}},
		{"month-dyad-USA", store.Filter{Actor: "USA"}, store.Grouping{Period: store.Month, Key: store.Dyad}},
	} {
		b.Run(tt.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				bs, err := s.Aggregate(b.Context(), tt.f, tt.g)
				if err != nil {
					b.Fatal(err)
				}
				n = len(bs)
			}
			b.ReportMetric(float64(n), "buckets")
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
		})
	}
}

// BenchmarkExport streams every event and reports the process's peak resident memory during the
// export (the peak is reset first, so building the database does not count).
func BenchmarkExport(b *testing.B) {
	s := benchStore(b)
	for _, format := range []string{"csv", "parquet"} {
		b.Run(format, func(b *testing.B) {
			resetPeakRSS(b)
			for b.Loop() {
				w, err := export.New(io.Discard, format)
				if err != nil {
					b.Fatal(err)
				}
				for r, err := range s.Events(b.Context(), store.Filter{StoredOrder: true}) {
					if err != nil {
						b.Fatal(err)
					}
					if err := w.Write(r); err != nil {
						b.Fatal(err)
					}
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
			b.ReportMetric(peakRSS(b), "peak-RSS-MB")
		})
	}
}

// resetPeakRSS clears the kernel's high-water mark of this process (Linux).
func resetPeakRSS(b *testing.B) {
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		b.Logf("cannot reset peak RSS: %v", err)
	}
}

// peakRSS reads VmHWM in MB.
func peakRSS(b *testing.B) float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		b.Logf("peak RSS: %v", err)
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return float64(kb) / 1024
		}
	}
	return 0
}

// BenchmarkPut stores batches of 200 synthetic documents of 10 events each into a fresh database.
func BenchmarkPut(b *testing.B) {
	s, err := Open(b.Context(), filepath.Join(b.TempDir(), "put.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var all []store.Entry
	for en := range storetest.Synthetic(20_000, benchPerDoc) {
		all = append(all, en)
	}
	i := 0
	b.ReportAllocs()
	cpu0 := cpuSeconds()
	for b.Loop() {
		if i+200 > len(all) {
			b.Skip("out of documents")
		}
		if _, err := s.Put(b.Context(), all[i:i+200]); err != nil {
			b.Fatal(err)
		}
		i += 200
	}
	b.ReportMetric(float64(200*b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(200*benchPerDoc*b.N)/b.Elapsed().Seconds(), "events/s")
	// CPU per event tells the cost apart from the load of a shared machine and the time waiting on fsync.
	b.ReportMetric((cpuSeconds()-cpu0)*1e6/float64(200*benchPerDoc*b.N), "cpu-µs/event")
}

// cpuSeconds is the user and system time this process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}
