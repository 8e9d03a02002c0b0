package main

import (
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/source"
)

// coderFlags are the flags shared by every command that codes text.
type coderFlags struct {
	lexicons       []string
	dicts          []string
	models         string
	includeNegated bool
	explain        bool
	targetless     bool
	workers        int
}

func (f *coderFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringSliceVar(&f.lexicons, "lexicon", nil, "add a folder of dyad-format lexicon files (repeatable)")
	fl.StringSliceVar(&f.dicts, "dict", nil, "load dictionaries of another format, e.g. petrarch:DIR (repeatable)")
	fl.StringVar(&f.models, "models", "", "load NLP models from this folder instead of the embedded ones")
	fl.BoolVar(&f.includeNegated, "include-negated", false, "keep negated events (\"did not attack\"), marked negated")
	fl.BoolVar(&f.explain, "explain", false, "add the lexicon entry and the parse path to every event")
	fl.BoolVar(&f.targetless, "targetless", false, "keep events whose target is a thing, not an actor (\"demanded elections\"), with no target")
	fl.IntVar(&f.workers, "workers", 0, "documents coded in parallel (0 = one per core)")
}

func (f *coderFlags) coder() (*dyad.Coder, error) {
	opt := dyad.Options{LexiconDirs: f.lexicons, ModelsDir: f.models, IncludeNegated: f.includeNegated, Explain: f.explain, Targetless: f.targetless}
	lex, err := loadDicts(f.dicts)
	if err != nil {
		return nil, err
	}
	opt.Lexicon = lex
	return dyad.New(opt)
}

func newCodeCmd(logger *slog.Logger) *cobra.Command {
	var (
		cf     coderFlags
		input  string
		date   string
		format string
	)
	cmd := &cobra.Command{
		Use:   "code [flags] [FILE...|-]",
		Short: "Code news articles into events (JSONL, CSV or GDELT-style TSV)",
		Long: `code reads articles — plain text, HTML, RSS/Atom feeds, or JSONL lines of {id, date, text, url, title,
source} — from files, folders, URLs or standard input, and prints one event per line (or row). Every event has
its CAMEO code, root, quad class, Goldstein score, PLOVER type and mode, source and target actor codes, date,
location, modality, attribution, confidence and evidence (sentence and character spans).
A bad article is reported on standard error and skipped; the exit status is 1 when any failed.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"-"}
			}
			fmtIn, err := source.ParseFormat(input)
			if err != nil {
				return err
			}
			opt := source.Options{Format: fmtIn, Logger: logger}
			if date != "" {
				t, err := time.Parse("2006-01-02", date)
				if err != nil {
					return fmt.Errorf("--date %q: want YYYY-MM-DD", date)
				}
				opt.Date = t
			}
			wr, err := event.NewWriter(cmd.OutOrStdout(), format)
			if err != nil {
				return err
			}
			c, err := cf.coder()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			var docs, events, failed int
			for r := range c.CodeAll(ctx, source.Open(ctx, args, opt), cf.workers) {
				if r.Err != nil {
					failed++
					logger.Error("document skipped", "err", r.Err)
					if r.Events == nil {
						continue
					}
				}
				if r.Doc != nil {
					docs++
					if r.Doc.Lang != "" && r.Doc.Lang != "en" {
						logger.Warn("not English: skipped", "doc", r.Doc.ID, "lang", r.Doc.Lang)
						continue
					}
					if r.Doc.DateWarning != "" {
						logger.Warn("publication date", "doc", r.Doc.ID, "warning", r.Doc.DateWarning)
					}
				}
				for i := range r.Events {
					if err := wr.Write(&r.Events[i]); err != nil {
						return err
					}
					events++
				}
			}
			if err := wr.Close(); err != nil {
				return err
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			logger.Info("coded", "documents", docs, "events", events, "failed", failed)
			if failed > 0 {
				return &exitError{code: 1, err: errors.New(fmt.Sprint(failed, " input(s) failed; see the messages above"))}
			}
			return nil
		},
	}
	cf.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&input, "input", "auto", "input format: auto, text, html, jsonl, feed")
	fl.StringVar(&date, "date", "", "publication date (YYYY-MM-DD) for articles that carry none")
	fl.StringVar(&format, "format", "jsonl", "output format: jsonl, csv, tsv (GDELT 2.0 event columns)")
	return cmd
}
