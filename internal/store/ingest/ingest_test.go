package ingest

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"path/filepath"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/source"
	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/sqlite"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

func openSQLite(t *testing.T) *store.SQL {
	t.Helper()
	s, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// coded makes n coded documents; every k-th (k > 0) is a read failure instead.
func coded(n, k int) iter.Seq[Coded] {
	return func(yield func(Coded) bool) {
		for i := range n {
			var c Coded
			if k > 0 && i%k == k-1 {
				c.Err = &source.Error{Origin: fmt.Sprintf("in.jsonl:%d", i+1), Err: source.ErrInvalidJSON}
			} else {
				d := storetest.Doc(fmt.Sprintf("d%04d", i), uint64(i))
				c.Doc, c.Events = d, []event.Event{storetest.Event(d, 1)}
			}
			if !yield(c) {
				return
			}
		}
	}
}

func TestBatches(t *testing.T) {
	tests := []struct {
		name       string
		n, k       int
		batch      int
		wantSizes  []int
		wantFailed int
	}{
		{"even", 400, 0, 200, []int{200, 200}, 0},
		{"tail", 450, 0, 200, []int{200, 200, 50}, 0},
		{"failures", 30, 10, 10, []int{10, 10, 7}, 3},
		{"empty", 0, 0, 10, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openSQLite(t)
			var sizes []int
			var failed []Failure
			sum, err := Run(t.Context(), s, coded(tt.n, tt.k), Options{Batch: tt.batch, Flush: time.Hour,
				Stored: func(docs []*source.Document, out []store.Outcome) {
					if len(docs) != len(out) {
						t.Errorf("%d docs, %d outcomes", len(docs), len(out))
					}
					sizes = append(sizes, len(docs))
				},
				Failed: func(f Failure) { failed = append(failed, f) },
			})
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(sizes) != fmt.Sprint(tt.wantSizes) {
				t.Errorf("batches %v, want %v", sizes, tt.wantSizes)
			}
			if len(sum.Failed) != tt.wantFailed || len(failed) != tt.wantFailed {
				t.Errorf("failed %d (%d reported), want %d", len(sum.Failed), len(failed), tt.wantFailed)
			}
			for _, f := range sum.Failed {
				if f.Origin == "" || f.Reason != source.ErrInvalidJSON.Error() {
					t.Errorf("failure %+v", f)
				}
			}
			good := tt.n - tt.wantFailed
			if sum.Added != good || sum.Events != good || sum.Documents() != good {
				t.Errorf("summary %+v", sum)
			}
			// A second run stores nothing new.
			sum, err = Run(t.Context(), s, coded(tt.n, tt.k), Options{Batch: tt.batch})
			if err != nil || sum.Added != 0 || sum.Duplicates != good {
				t.Errorf("second run: %+v, %v", sum, err)
			}
		})
	}
}

// slow yields three documents, then waits before the rest.
func slow(wait time.Duration) iter.Seq[Coded] {
	return func(yield func(Coded) bool) {
		for c := range coded(3, 0) {
			if !yield(c) {
				return
			}
		}
		time.Sleep(wait)
		for i := range 5 {
			d := storetest.Doc(fmt.Sprintf("late%d", i), uint64(100+i))
			if !yield(Coded{Doc: d, Events: []event.Event{storetest.Event(d, 1)}}) {
				return
			}
		}
	}
}

func TestFlushPartialBatch(t *testing.T) {
	s := openSQLite(t)
	start := time.Now()
	var first time.Duration
	_, err := Run(t.Context(), s, slow(600*time.Millisecond), Options{Batch: 100, Flush: 50 * time.Millisecond,
		Stored: func(docs []*source.Document, _ []store.Outcome) {
			if first == 0 {
				first = time.Since(start)
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	if first == 0 || first >= 600*time.Millisecond {
		t.Errorf("first acknowledgement after %v, want before the input resumed (600 ms)", first)
	}
}

func TestCancel(t *testing.T) {
	s := openSQLite(t)
	ctx, cancel := context.WithCancel(t.Context())
	items := func(yield func(Coded) bool) {
		for c := range coded(10, 0) {
			if !yield(c) {
				return
			}
		}
		cancel()
		<-ctx.Done()
	}
	_, err := Run(ctx, s, items, Options{Batch: 100, Flush: time.Hour})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if st, _ := s.Stats(t.Context()); st.Documents != 0 {
		t.Errorf("a cancelled partial batch stored %d documents", st.Documents)
	}
}

func TestStoreError(t *testing.T) {
	s := openSQLite(t)
	s.Close()
	if _, err := Run(t.Context(), s, coded(3, 0), Options{}); err == nil {
		t.Fatal("no error from a closed store")
	}
}

func TestPrepare(t *testing.T) {
	s := openSQLite(t)
	if _, err := Run(t.Context(), s, coded(2, 0), Options{}); err != nil {
		t.Fatal(err)
	}
	french := storetest.Doc("fr", 9)
	french.Lang = "fr"
	undecided := storetest.Doc("und", 10)
	undecided.Lang = ""
	items := func(yield func(source.Item) bool) {
		for _, it := range []source.Item{
			{Doc: storetest.Doc("d0000", 0)}, {Doc: french}, {Doc: undecided}, {Doc: storetest.Doc("new", 11)},
			{Err: &source.Error{Origin: "x", Err: source.ErrEmpty}},
		} {
			if !yield(it) {
				return
			}
		}
	}
	var sk Skipped
	var got []string
	for it := range Prepare(t.Context(), s, items, &sk) {
		if it.Doc != nil {
			got = append(got, it.Doc.ID)
		} else {
			got = append(got, "error")
		}
	}
	if fmt.Sprint(got) != "[und new error]" || sk.Stored.Load() != 1 || sk.NotEnglish.Load() != 1 {
		t.Errorf("passed %v, skipped %d stored, %d not English", got, sk.Stored.Load(), sk.NotEnglish.Load())
	}
}
