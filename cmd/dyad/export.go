package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/export"
)

// writeEvents streams the events that pass f to w in format.
func writeEvents(ctx context.Context, st store.Store, f store.Filter, w io.Writer, format string) error {
	wr, err := export.New(w, format)
	if err != nil {
		return err
	}
	for r, err := range st.Events(ctx, f) {
		if err != nil {
			return err
		}
		if err := wr.Write(r); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	if err := wr.Close(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

func newExportCmd() *cobra.Command {
	var (
		ff     filterFlags
		db     string
		format string
		out    string
	)
	cmd := &cobra.Command{
		Use:   "export --format csv|jsonl|parquet|gdelt [--db DSN] [filters] [-o FILE]",
		Short: "Export stored events for pandas, R, a spreadsheet or GDELT tools",
		Long: `export streams the stored events that pass the filters (the same as query's) to standard output or
to -o FILE: csv (the flat columns of dyad code, then story_id, num_articles, num_sources and added, with a
header), jsonl or parquet (every field; parquet in typed columns), or gdelt (GDELT 2.0 event-table rows,
tab-separated, with NumSources and NumArticles counted over syndicated copies). Events come in the order
they were stored, so that memory stays flat however many there are. With -o the file appears only once
it is complete.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err := ff.filter()
			if err != nil {
				return err
			}
			f.StoredOrder = true // no sort: a full export streams from the table
			switch format {
			case "csv", "jsonl", "parquet", "gdelt":
			default:
				return fmt.Errorf("--format %q: want csv, jsonl, parquet or gdelt", format)
			}
			ctx := cmd.Context()
			st, err := openStore(ctx, db)
			if err != nil {
				return err
			}
			defer st.Close()
			if out == "" || out == "-" {
				return writeEvents(ctx, st, f, cmd.OutOrStdout(), format)
			}
			return writeFile(out, func(w io.Writer) error { return writeEvents(ctx, st, f, w, format) })
		},
	}
	ff.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&db, "db", "", dbUsage)
	fl.StringVar(&format, "format", "csv", "csv, jsonl, parquet or gdelt")
	fl.StringVarP(&out, "output", "o", "", "write to this file instead of standard output")
	return cmd
}

// writeFile writes path through a temporary file renamed into place on success, so that a failed or
// interrupted export never leaves a truncated file that looks complete.
func writeFile(path string, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("-o: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Chmod(0o644); err != nil { // CreateTemp makes it private; an export is for sharing
		return fmt.Errorf("-o: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("-o: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("-o: %w", err)
	}
	return nil
}
