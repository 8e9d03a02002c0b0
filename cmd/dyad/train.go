package main

import (
	"fmt"
	"log/slog"

	"github.com/spf13/cobra"

	"github.com/dyad-events/dyad/internal/nlp/train"
)

func newTrainCmd(logger *slog.Logger) *cobra.Command {
	opt := train.DefaultOptions()
	cmd := &cobra.Command{
		Use:   "train --ud DIR",
		Short: "Rebuild the tagger, lemmatizer and parser models from a UD treebank",
		Long: `train reads <prefix>-ud-train.conllu and <prefix>-ud-dev.conllu from the --ud folder (never the test
file), trains every model deterministically and writes them to --out. The committed models were built with
  dyad train --ud ../shared/corpora/ud-english-ewt --out internal/nlp/models`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opt.UDDir == "" {
				return fmt.Errorf("--ud is required")
			}
			opt.Logger = logger
			rep, err := train.Run(cmd.Context(), opt)
			if err != nil {
				return err
			}
			for name, size := range rep.Files {
				fmt.Fprintf(cmd.OutOrStdout(), "%s\t%.1f MB\n", name, float64(size)/1e6)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "trained in %s\n", rep.Duration.Round(1e9))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&opt.UDDir, "ud", "", "folder of the UD treebank")
	f.StringVar(&opt.Prefix, "prefix", opt.Prefix, "treebank file prefix")
	f.StringVar(&opt.Out, "out", "internal/nlp/models", "folder to write the models to")
	f.IntVar(&opt.Jackknife, "jackknife", opt.Jackknife, "folds for training the parser on predicted tags (0 = gold tags)")
	f.IntVar(&opt.Tagger.Iterations, "tagger-iterations", opt.Tagger.Iterations, "tagger training iterations")
	f.IntVar(&opt.Parser.Iterations, "parser-iterations", opt.Parser.Iterations, "parser training iterations")
	return cmd
}
