package main

import (
	"errors"
	"log/slog"

	"github.com/spf13/cobra"
)

// exitError carries a specific exit status (e.g. 1 when some documents of a batch failed).
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func exitCode(err error) int {
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return 1
}

func newRootCmd(logger *slog.Logger) *cobra.Command {
	root := &cobra.Command{
		Use:           "dyad",
		Short:         "dyad codes political events (who did what to whom, when and where) from news text",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newCodeCmd(logger), newParseCmd(logger), newTrainCmd(logger), newEvalCmd(logger), newIngestCmd(logger), newQueryCmd(), newExportCmd())
	return root
}
