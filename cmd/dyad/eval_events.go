package main

import (
	"encoding/json"
	"fmt"
	"github.com/dyad-events/dyad"
	"io"
	"log/slog"
	"os"
	"sort"

	"github.com/spf13/cobra"

	"github.com/dyad-events/dyad/internal/eval/events"
	"github.com/dyad-events/dyad/internal/eval/plover"
)

func newEvalEventsCmd(logger *slog.Logger) *cobra.Command {
	var (
		cf      coderFlags
		asJSON  bool
		verbose bool
	)
	cmd := &cobra.Command{
		Use:   "events [--json] GOLD.jsonl",
		Short: "Precision, recall and F1 of coded events against a gold file, by source + target country + root",
		Long: `events codes every record of a gold JSONL file ({id, date, text, events: [{src, tgt, root, date?,
country?, city?}]}) and compares the events at the level of source country, target country and CAMEO root,
overall and per root. Gold events that carry a date or a place are also scored on them.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			recs, c, err := goldAndCoder(args[0], events.Read, &cf)
			if err != nil {
				return err
			}
			rep, err := events.Score(cmd.Context(), c, recs)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				if !verbose {
					rep.Misses, rep.WhenWhere = nil, nil
				}
				return json.NewEncoder(out).Encode(rep)
			}
			fmt.Fprintf(out, "records\t%d\ngold events\t%d\n", rep.Records, rep.Events)
			printCounts(out, "all", rep.All.TP, rep.All.FP, rep.All.FN, rep.All.Precision, rep.All.Recall, rep.All.F1)
			roots := make([]string, 0, len(rep.ByRoot))
			for r := range rep.ByRoot {
				roots = append(roots, r)
			}
			sort.Strings(roots)
			for _, r := range roots {
				c := rep.ByRoot[r]
				printCounts(out, "root "+r, c.TP, c.FP, c.FN, c.Precision, c.Recall, c.F1)
			}
			if rep.DateTotal > 0 {
				fmt.Fprintf(out, "date\t%d/%d = %.1f %% (of matched gold events that carry a date)\n", rep.DateCorrect, rep.DateTotal, 100*rep.DateAccuracy)
			}
			if rep.CountryTotal > 0 {
				fmt.Fprintf(out, "place country\t%d/%d = %.1f %%\n", rep.CountryCorrect, rep.CountryTotal, 100*rep.CountryAccuracy)
			}
			if rep.CityTotal > 0 {
				fmt.Fprintf(out, "place city/admin1\t%d/%d = %.1f %%\n", rep.CityCorrect, rep.CityTotal, 100*rep.CityAccuracy)
			}
			if verbose {
				for _, m := range rep.Misses {
					fmt.Fprintf(out, "MISS %s\tgold %v\tgot %v\t%s\n", m.ID, m.Gold, m.Got, m.Text)
				}
				for _, m := range rep.WhenWhere {
					fmt.Fprintln(out, m)
				}
			}
			return nil
		},
	}
	cf.register(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list every disagreement")
	return cmd
}

// goldAndCoder reads a gold file with read and builds the coder the flags ask for.
func goldAndCoder[R any](path string, read func(io.Reader, string) ([]R, error), cf *coderFlags) ([]R, *dyad.Coder, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	recs, err := read(f, path)
	f.Close()
	if err != nil {
		return nil, nil, err
	}
	c, err := cf.coder()
	return recs, c, err
}

func printCounts(w io.Writer, label string, tp, fp, fn int, p, r, f1 float64) {
	fmt.Fprintf(w, "%-10s\tP %.3f\tR %.3f\tF1 %.3f\t(tp %d, fp %d, fn %d)\n", label, p, r, f1, tp, fp, fn)
}

func newEvalPloverCmd(logger *slog.Logger) *cobra.Command {
	var (
		cf      coderFlags
		asJSON  bool
		verbose bool
	)
	cmd := &cobra.Command{
		Use:   "plover [--json] FILE.json",
		Short: "F1 by PLOVER type and source country on PLOVER gold-standard records",
		Long: `plover codes the text of every record of a PLOVER gold-standard file (e.g.
../shared/anchors-data/plover/PLOVER_GSR_CAMEO.json) and scores (PLOVER type, source country) pairs,
overall and per type. Older type names are renamed as PLOVER 2021 did (DEMAND → REQUEST, DISAPPROVE → ACCUSE,
FIGHT → ASSAULT, INVESTIGATE → ACCUSE).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			recs, c, err := goldAndCoder(args[0], plover.Read, &cf)
			if err != nil {
				return err
			}
			rep, err := plover.Score(cmd.Context(), c, recs)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				if !verbose {
					rep.Disagreements = nil
				}
				return json.NewEncoder(out).Encode(rep)
			}
			fmt.Fprintf(out, "records\t%d\nno event coded\t%d\ntype found\t%d (%.1f %%)\n", rep.Records, rep.NoEvent, rep.TypeFound, 100*rep.TypeRecall)
			printCounts(out, "all", rep.All.TP, rep.All.FP, rep.All.FN, rep.All.Precision, rep.All.Recall, rep.All.F1)
			types := make([]string, 0, len(rep.ByType))
			for t := range rep.ByType {
				types = append(types, t)
			}
			sort.Strings(types)
			for _, t := range types {
				c := rep.ByType[t]
				printCounts(out, t, c.TP, c.FP, c.FN, c.Precision, c.Recall, c.F1)
			}
			if verbose {
				for _, d := range rep.Disagreements {
					fmt.Fprintln(out, "DIFF", d)
				}
			}
			return nil
		},
	}
	cf.register(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list every disagreement")
	return cmd
}
