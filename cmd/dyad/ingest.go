package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/source"
	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/ingest"
)

// batchCoder codes a stream of items in parallel and yields the results in input order; *dyad.Coder
// is one.
type batchCoder interface {
	CodeAll(ctx context.Context, items iter.Seq[source.Item], workers int) iter.Seq[dyad.Result]
}

func newIngestCmd(logger *slog.Logger) *cobra.Command {
	var (
		cf      coderFlags
		db      string
		input   string
		date    string
		batch   int
		quiet   bool
		timeout time.Duration
		retries int
	)
	cmd := &cobra.Command{
		Use:   "ingest [--db DSN] [flags] PATH|URL|-...",
		Short: "Code articles and keep their events in the database (idempotent, deduplicated)",
		Long: `ingest reads articles like code does — files, folders (recursively), .gz, JSONL, HTML pages, RSS/Atom
feeds as files or http(s) URLs, feed lists (.feeds), "-" for standard input — codes them on every core and
stores documents and events in the database (default: an SQLite file in $XDG_DATA_HOME/dyad).

Ingesting the same input again adds nothing: stored documents are skipped before coding. Syndicated copies
(the same story, at least 90% similar, from other sites) are linked to the first one: their events are
stored once and counted in num_articles and num_sources. Documents are stored in batches, one transaction
each, and acknowledged ("stored") only once committed: a killed ingest loses nothing acknowledged, and a
rerun completes the rest. A bad document is reported (file, reason) and skipped; the exit status is 1 when
any failed.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return errors.New("nothing to ingest: give files, folders, URLs or - for standard input")
			}
			fmtIn, err := source.ParseFormat(input)
			if err != nil {
				return err
			}
			if timeout <= 0 {
				return fmt.Errorf("--timeout %v: want a positive duration", timeout)
			}
			// Retries: the flag counts them, Options.Retries takes a negative value for none.
			opt := source.Options{Format: fmtIn, Logger: logger, HTTP: &http.Client{Timeout: timeout}, Retries: retries}
			if retries == 0 {
				opt.Retries = -1
			}
			if date != "" {
				if opt.Date, err = time.Parse("2006-01-02", date); err != nil {
					return fmt.Errorf("--date %q: want YYYY-MM-DD", date)
				}
			}
			ctx := cmd.Context()
			st, err := openStore(ctx, db)
			if err != nil {
				return err
			}
			defer st.Close()
			c, err := cf.coder()
			if err != nil {
				return err
			}
			show := newIngestProgress(ctx, logger, args, quiet, cmd.ErrOrStderr())
			sum, err := runIngest(ctx, st, c, source.Open(ctx, args, opt), cf.workers, batch, show)
			show.finish(sum)
			if err != nil {
				return err
			}
			if n := len(sum.Failed); n > 0 {
				return &exitError{code: 1, err: fmt.Errorf("%d input(s) failed; see the summary above", n)}
			}
			return nil
		},
	}
	cf.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&db, "db", "", dbUsage)
	fl.StringVar(&input, "input", "auto", "input format: auto, text, html, jsonl, feed, feedlist")
	fl.StringVar(&date, "date", "", "publication date (YYYY-MM-DD) for articles that carry none")
	fl.IntVar(&batch, "batch", ingest.DefaultBatch, "documents per transaction")
	fl.BoolVarP(&quiet, "quiet", "q", false, "no progress, only errors and the summary")
	fl.DurationVar(&timeout, "timeout", source.DefaultHTTPTimeout, "give up on a URL after this long")
	fl.IntVar(&retries, "retries", source.DefaultRetries, "retries of a URL after a timeout or a 5xx/429 answer, with doubling waits")
	return cmd
}

// runIngest is the pipeline: skip what is stored, code the rest in parallel, store in batches.
func runIngest(ctx context.Context, st store.Store, c batchCoder, items iter.Seq[source.Item], workers, batch int, show *ingestProgress) (ingest.Summary, error) {
	items = ingest.Prepare(ctx, st, items, &show.skipped)
	coded := func(yield func(ingest.Coded) bool) {
		for r := range c.CodeAll(ctx, items, workers) {
			if !yield(ingest.Coded{Doc: r.Doc, Events: r.Events, Err: r.Err}) {
				return
			}
		}
	}
	return ingest.Run(ctx, st, coded, ingest.Options{Batch: batch, Stored: show.stored, Failed: show.failed})
}

// ingestProgress shows how an ingest goes: a bar on a terminal, log lines otherwise, nothing but
// failures with --quiet.
type ingestProgress struct {
	logger   *slog.Logger
	out      io.Writer
	quiet    bool
	bar      *progressbar.ProgressBar // nil unless on a terminal
	skipped  ingest.Skipped
	start    time.Time
	done     int // documents stored, recognised or failed
	events   int
	failures []ingest.Failure
}

func newIngestProgress(ctx context.Context, logger *slog.Logger, args []string, quiet bool, out io.Writer) *ingestProgress {
	p := &ingestProgress{logger: logger, out: out, quiet: quiet, start: time.Now()}
	f, ok := out.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return p
	}
	p.bar = progressbar.NewOptions64(-1, progressbar.OptionSetWriter(out), progressbar.OptionShowCount(),
		progressbar.OptionShowIts(), progressbar.OptionSetItsString("docs"), progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionSetPredictTime(true), progressbar.OptionSetDescription("ingesting"), progressbar.OptionFullWidth())
	// The total is counted on the side, cheaply, so that the bar can show an ETA.
	go func() {
		if n, ok := countDocuments(ctx, args); ok && n > 0 {
			p.bar.ChangeMax64(int64(n))
		}
	}()
	return p
}

func (p *ingestProgress) update() {
	if p.bar == nil {
		return
	}
	p.bar.Describe(fmt.Sprintf("events %d  errors %d", p.events, len(p.failures)))
	_ = p.bar.Set64(int64(p.done + int(p.skipped.Stored.Load()+p.skipped.NotEnglish.Load())))
}

// stored acknowledges a committed batch.
func (p *ingestProgress) stored(docs []*source.Document, out []store.Outcome) {
	for i, d := range docs {
		p.done++
		p.events += out[i].Events
		if p.bar == nil && !p.quiet {
			p.logger.Info("stored", "doc", d.ID, "status", out[i].Status.String(), "story", out[i].Story, "events", out[i].Events)
		}
	}
	p.update()
}

func (p *ingestProgress) failed(f ingest.Failure) {
	p.done++
	p.failures = append(p.failures, f)
	if p.bar == nil {
		p.logger.Error("document skipped", "origin", f.Origin, "reason", f.Reason)
	}
	p.update()
}

// finish prints the summary: counts, speed and every failed document.
func (p *ingestProgress) finish(sum ingest.Summary) {
	if p.bar != nil {
		_ = p.bar.Finish()
		fmt.Fprintln(p.out)
	}
	secs := time.Since(p.start).Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(sum.Documents()) / secs
	}
	p.logger.Info("ingest done", "added", sum.Added, "copies", sum.Copies, "duplicates", sum.Duplicates,
		"already_stored", p.skipped.Stored.Load(), "not_english", p.skipped.NotEnglish.Load(),
		"events", sum.Events, "failed", len(sum.Failed), "seconds", fmt.Sprintf("%.1f", secs), "docs_per_s", fmt.Sprintf("%.1f", rate))
	if len(sum.Failed) > 0 {
		fmt.Fprintf(p.out, "%d document(s) failed:\n", len(sum.Failed))
		for _, f := range sum.Failed {
			fmt.Fprintf(p.out, "  %s: %s\n", f.Origin, f.Reason)
		}
	}
}

// countDocuments estimates how many documents the arguments hold, for the ETA: one per file, one per
// line of JSONL (gzipped or not). URLs and standard input make the count unknown (ok false).
func countDocuments(ctx context.Context, args []string) (n int, ok bool) {
	for _, a := range args {
		if a == "-" || strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://") {
			return 0, false
		}
		err := filepath.WalkDir(a, func(p string, e fs.DirEntry, err error) error {
			if err != nil || ctx.Err() != nil {
				return errors.Join(err, ctx.Err())
			}
			if e.IsDir() {
				if p != a && strings.HasPrefix(e.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if strings.HasPrefix(e.Name(), ".") {
				return nil
			}
			n += countFile(p)
			return nil
		})
		if err != nil {
			return 0, false
		}
	}
	return n, true
}

// countFile counts the documents of one file: its lines for JSONL, else one.
func countFile(path string) int {
	name := strings.TrimSuffix(strings.ToLower(path), ".gz")
	if !strings.HasSuffix(name, ".jsonl") && !strings.HasSuffix(name, ".ndjson") {
		return 1
	}
	f, err := os.Open(path)
	if err != nil {
		return 1
	}
	defer f.Close()
	var r io.Reader = bufio.NewReader(f)
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return 1
		}
		r = zr
	}
	lines, buf := 0, make([]byte, 64<<10)
	for {
		k, err := r.Read(buf)
		lines += bytes.Count(buf[:k], []byte{'\n'})
		if err != nil {
			return max(lines, 1)
		}
	}
}
