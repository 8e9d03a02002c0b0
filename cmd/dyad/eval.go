package main

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"os"

	"github.com/spf13/cobra"

	"github.com/dyad-events/dyad/internal/eval/ud"
	"github.com/dyad-events/dyad/internal/nlp/conllu"
	"github.com/dyad-events/dyad/internal/text"
)

func newEvalCmd(logger *slog.Logger) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Score dyad against gold standards",
	}
	cmd.AddCommand(newEvalUDCmd(logger), newEvalEventsCmd(logger), newEvalPloverCmd(logger), newEvalPetrarchCmd(logger))
	return cmd
}

func newEvalUDCmd(logger *slog.Logger) *cobra.Command {
	var asJSON bool
	var models string
	cmd := &cobra.Command{
		Use:   "ud [--json] FILE.conllu",
		Short: "Tagging, lemma and parsing accuracy, speed, and segmentation F1 on a UD treebank",
		Long: `eval ud tags, lemmatizes and parses the gold words of FILE.conllu (gold tokenization) and prints UPOS,
XPOS and lemma accuracy, UAS and LAS, and tokens per second on one core; then it segments the raw "# text" of
each document and prints sentence-boundary and tokenization F1.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			gold, err := conllu.ReadAll(f, args[0])
			f.Close()
			if err != nil {
				return err
			}
			p, err := loadPipeline(models)
			if err != nil {
				return err
			}
			s, err := ud.Score(cmd.Context(), gold, p.NewAnnotator())
			if err != nil {
				return err
			}
			seg := ud.ScoreSegmentation(gold, text.Segment)
			s.Segmentation = seg
			s.SentenceF1, s.TokenF1 = seg.SentF1, seg.TokenF1
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				return enc.Encode(s)
			}
			fmt.Fprintf(out, "file\t%s\nsentences\t%d\nwords\t%d\n", args[0], s.Sentences, s.Words)
			fmt.Fprintf(out, "UPOS\t%.2f %%\nXPOS\t%.2f %%\nlemma\t%.2f %%\n", 100*s.UPOS, 100*s.XPOS, 100*s.Lemma)
			fmt.Fprintf(out, "UAS\t%.2f %%\nLAS\t%.2f %% (universal labels: %.2f %%)\n", 100*s.UAS, 100*s.LAS, 100*s.ULAS)
			fmt.Fprintf(out, "tokens/s\t%.0f (tag + lemma + parse, one core)\n", s.TokensPerSecond)
			fmt.Fprintf(out, "sentence F1\t%.2f %% (P %.2f, R %.2f)\n", 100*seg.SentF1, 100*seg.SentP, 100*seg.SentR)
			fmt.Fprintf(out, "token F1\t%.2f %% (P %.2f, R %.2f)\n", 100*seg.TokenF1, 100*seg.TokenP, 100*seg.TokenR)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	cmd.Flags().StringVar(&models, "models", "", "load models from this folder instead of the embedded ones")
	return cmd
}
