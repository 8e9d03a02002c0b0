package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dyad-events/dyad/internal/coder"
	"github.com/dyad-events/dyad/internal/eval/petrarch"
	"github.com/dyad-events/dyad/internal/lexicon"
	lexpetrarch "github.com/dyad-events/dyad/internal/lexicon/petrarch"
	"github.com/dyad-events/dyad/internal/ontology"
)

func newEvalPetrarchCmd(logger *slog.Logger) *cobra.Command {
	var (
		dicts  []string
		models string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "petrarch [--json] --dict petrarch:DIR FILE.xml",
		Short: "Pass rate on PETRARCH validation records, with the dictionaries they name",
		Long: `petrarch reads a PETRARCH validation file (e.g. PETR.UnitTest.records.xml), loads the verb, actor, agent
and discard dictionaries its <Environment> names from the --dict petrarch:DIR folder (and nothing of dyad's
own lexicon), codes the Text of every <Sentence> with dyad's parser in PETRARCH-compatible mode, and compares
the (source, target, event) codes with the record's <EventCoding>s. It prints passed/total over all records
and over the enabled ones (sentence="true", category in <Include>), the figures per category and every
failure; --json prints {"passed": N, "total": M, "enabled": {...}, "by_category": {...}, "failures": [...]}.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, err := petrarchDir(dicts)
			if err != nil {
				return err
			}
			in, err := os.Open(args[0])
			if err != nil {
				return err
			}
			f, err := petrarch.Read(in, args[0])
			in.Close()
			if err != nil {
				if f == nil || len(f.Records) == 0 {
					return err
				}
				logger.Warn("validation file", "err", err)
			}
			var files lexpetrarch.Files
			files.Verbs, files.Actors, files.Agents, files.Discards = f.Env.Dictionaries()
			if len(files.Verbs) == 0 || len(files.Actors) == 0 {
				return fmt.Errorf("%s: <Environment> names no Verbfile or Actorfile", args[0])
			}
			lex := lexicon.New()
			if err := lexpetrarch.Load(lex, dir, files); err != nil {
				var el lexicon.ErrorList
				if !errors.As(err, &el) {
					return err
				}
				// broken lines are reported; the records are scored with the good ones
				for _, e := range el {
					logger.Warn("dictionary", "err", e)
				}
			}
			p, err := loadPipeline(models)
			if err != nil {
				return fmt.Errorf("load models: %w", err)
			}
			ont, err := ontology.Default()
			if err != nil {
				return fmt.Errorf("load ontology: %w", err)
			}
			coderFor := func(o petrarch.Options) (petrarch.Coder, error) {
				return coder.New(coder.Options{Pipeline: p, Lexicon: lex, Ontology: ont, IncludeNegated: true,
					Petrarch: coder.Petrarch{Enabled: true, NewActorLength: o.NewActorLength}})
			}
			rep, err := petrarch.Score(cmd.Context(), coderFor, f)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				return json.NewEncoder(out).Encode(rep)
			}
			printPetrarch(out, rep)
			return nil
		},
	}
	cmd.Flags().StringSliceVar(&dicts, "dict", nil, "the folder of the PETRARCH dictionaries, as petrarch:DIR")
	cmd.Flags().StringVar(&models, "models", "", "load NLP models from this folder instead of the embedded ones")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	return cmd
}

// loadPetrarch adds a PETRARCH dictionary folder (--dict petrarch:DIR). Third-party dictionaries ship with a
// few broken lines (the Phoenix files have about twenty): each is reported as a warning, file:line and
// reason, and the good lines are used.
func loadPetrarch(lex *lexicon.Lexicon, dir string) error {
	err := lexpetrarch.LoadDir(lex, dir)
	var el lexicon.ErrorList
	if !errors.As(err, &el) {
		return err
	}
	for _, e := range el {
		slog.Warn("petrarch dictionary: broken line skipped", "err", e)
	}
	return nil
}

// petrarchDir returns the folder of the one --dict petrarch:DIR flag.
func petrarchDir(specs []string) (string, error) {
	if len(specs) != 1 {
		return "", errors.New("want one --dict petrarch:DIR (the folder of the dictionaries the file names)")
	}
	kind, dir, ok := strings.Cut(specs[0], ":")
	if !ok || kind != "petrarch" || dir == "" {
		return "", fmt.Errorf("--dict %q: want petrarch:DIR", specs[0])
	}
	return dir, nil
}

func printPetrarch(out io.Writer, rep *petrarch.Report) {
	pct := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return 100 * float64(a) / float64(b)
	}
	fmt.Fprintf(out, "file\t%s\n", rep.File)
	fmt.Fprintf(out, "passed\t%d/%d = %.1f %%\n", rep.Passed, rep.Total, pct(rep.Passed, rep.Total))
	fmt.Fprintf(out, "enabled\t%d/%d = %.1f %% (sentence=\"true\", category included)\n", rep.Enabled.Passed, rep.Enabled.Total, pct(rep.Enabled.Passed, rep.Enabled.Total))
	cats := make([]string, 0, len(rep.ByCategory))
	for c := range rep.ByCategory {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	for _, c := range cats {
		n := rep.ByCategory[c]
		fmt.Fprintf(out, "%-10s\t%d/%d = %.1f %%\n", c, n.Passed, n.Total, pct(n.Passed, n.Total))
	}
	for _, f := range rep.Failures {
		fmt.Fprintf(out, "FAIL %s [%s]\texpected %s\tgot %s\t%s\n", f.ID, f.Category,
			strings.Join(f.Expected, "; "), strings.Join(f.Got, "; "), f.Text)
	}
}
