package ingest

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"sync/atomic"
	"time"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/source"
	"github.com/dyad-events/dyad/internal/store"
)

// Coded is one input item after coding: a document and its events, or the reason it failed.
type Coded struct {
	Doc    *source.Document
	Events []event.Event
	Err    error
}

// Defaults for zero Options fields.
const (
	DefaultBatch = 200
	DefaultFlush = 2 * time.Second
)

// Options control Run.
type Options struct {
	// Batch is the number of documents per transaction; 0 means DefaultBatch.
	Batch int
	// Flush commits a partial batch when no batch has been committed for this long, so that slow
	// inputs are still acknowledged as they go; 0 means DefaultFlush.
	Flush time.Duration
	// Stored is called after each commit with the batch's documents and what became of them.
	Stored func(docs []*source.Document, out []store.Outcome)
	// Failed is called for each document that could not be read or coded.
	Failed func(f Failure)
}

// Failure names a document that was skipped and why.
type Failure struct {
	Origin string // "file.jsonl:12", a path or a URL
	Reason string
}

// Summary counts what Run did.
type Summary struct {
	Added, Copies, Duplicates int // documents, by what the store did with them
	Events                    int // events stored
	Failed                    []Failure
}

// Documents is the number of documents stored or recognised as stored.
func (s *Summary) Documents() int { return s.Added + s.Copies + s.Duplicates }

// Run stores coded items in batches until items ends or ctx is cancelled. Failed items go to the
// summary. It returns an error only when the store fails (the batch in flight is then not stored);
// on cancellation the partial batch is dropped, not half-written, and ctx's error is returned.
func Run(ctx context.Context, st store.Store, items iter.Seq[Coded], opt Options) (Summary, error) {
	if opt.Batch <= 0 {
		opt.Batch = DefaultBatch
	}
	if opt.Flush <= 0 {
		opt.Flush = DefaultFlush
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// A goroutine pulls items so that a slow input cannot hold a partial batch back past Flush.
	ch := make(chan Coded, opt.Batch)
	go func() {
		defer close(ch)
		for it := range items {
			select {
			case ch <- it:
			case <-ctx.Done():
				return
			}
		}
	}()
	var (
		sum     Summary
		batch   = make([]store.Entry, 0, opt.Batch)
		docs    = make([]*source.Document, 0, opt.Batch)
		timer   = time.NewTimer(opt.Flush)
		pending = false // the timer runs for a partial batch
	)
	defer timer.Stop()
	commit := func() error {
		if len(batch) == 0 {
			return nil
		}
		out, err := st.Put(ctx, batch)
		if err != nil {
			return fmt.Errorf("store %d documents: %w", len(batch), err)
		}
		for _, o := range out {
			switch o.Status {
			case store.Added:
				sum.Added++
				sum.Events += o.Events
			case store.Copied:
				sum.Copies++
			case store.Duplicate:
				sum.Duplicates++
			}
		}
		if opt.Stored != nil {
			opt.Stored(docs, out)
		}
		batch, docs = batch[:0], docs[:0]
		return nil
	}
	for {
		var (
			it Coded
			ok bool
		)
		select {
		case it, ok = <-ch:
		case <-timer.C:
			pending = false
			if err := commit(); err != nil {
				return sum, err
			}
			continue
		case <-ctx.Done():
			return sum, ctx.Err()
		}
		if !ok {
			break
		}
		if it.Err != nil || it.Doc == nil {
			f := failure(it)
			sum.Failed = append(sum.Failed, f)
			if opt.Failed != nil {
				opt.Failed(f)
			}
			continue
		}
		batch = append(batch, store.Entry{Doc: it.Doc, Events: it.Events})
		docs = append(docs, it.Doc)
		if !pending {
			timer.Reset(opt.Flush)
			pending = true
		}
		if len(batch) >= opt.Batch {
			if err := commit(); err != nil {
				return sum, err
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	return sum, commit()
}

func failure(it Coded) Failure {
	f := Failure{Reason: "no document"}
	if it.Err != nil {
		f.Reason = it.Err.Error()
	}
	if se, ok := errors.AsType[*source.Error](it.Err); ok {
		f.Origin, f.Reason = se.Origin, se.Err.Error()
	} else if it.Doc != nil {
		f.Origin = it.Doc.Origin
		if f.Origin == "" {
			f.Origin = it.Doc.ID
		}
	}
	return f
}

// Skipped counts documents Prepare left out; it is safe to read while Prepare runs.
type Skipped struct {
	Stored     atomic.Int64 // already in the store: not coded again
	NotEnglish atomic.Int64
}

// Prepare drops, before they are coded, documents already stored (by ID) and documents detected as
// not English (dyad's lexicon is English). A failed lookup lets the document through: the store
// refuses duplicates anyway.
func Prepare(ctx context.Context, st store.Store, items iter.Seq[source.Item], skipped *Skipped) iter.Seq[source.Item] {
	return func(yield func(source.Item) bool) {
		for it := range items {
			if d := it.Doc; it.Err == nil && d != nil {
				if d.Lang != "" && d.Lang != "en" {
					skipped.NotEnglish.Add(1)
					continue
				}
				if ok, err := st.Has(ctx, d.ID); err == nil && ok {
					skipped.Stored.Add(1)
					continue
				}
			}
			if !yield(it) {
				return
			}
		}
	}
}
