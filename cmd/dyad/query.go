package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/export"
	"github.com/dyad-events/dyad/internal/store/postgres"
	"github.com/dyad-events/dyad/internal/store/sqlite"
)

// defaultDB is where the embedded store lives unless --db says otherwise: $XDG_DATA_HOME/dyad/dyad.db,
// else ~/.local/share/dyad/dyad.db.
func defaultDB() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "dyad", "dyad.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no home folder for the default database (use --db): %w", err)
	}
	return filepath.Join(home, ".local", "share", "dyad", "dyad.db"), nil
}

// openStore opens the store a --db value names: "" for the default SQLite file, file:PATH or a path
// for SQLite, postgres://… for PostgreSQL.
func openStore(ctx context.Context, dsn string) (*store.SQL, error) {
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return postgres.Open(ctx, dsn)
	case dsn == "":
		path, err := defaultDB()
		if err != nil {
			return nil, err
		}
		return sqlite.Open(ctx, path)
	}
	return sqlite.Open(ctx, dsn)
}

const dbUsage = "database: file:PATH (SQLite) or postgres://user:pass@host/db (default $XDG_DATA_HOME/dyad/dyad.db)"

// filterFlags are the event filters shared by query and export.
type filterFlags struct {
	f            store.Filter
	since, until string
}

func (ff *filterFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&ff.f.Actor, "actor", "", "actor on either side: a CAMEO code prefix (USA, AFGINS) or a name (Taliban)")
	fl.StringVar(&ff.f.Source, "source", "", "source actor: code prefix or name")
	fl.StringVar(&ff.f.Target, "target", "", "target actor: code prefix or name")
	fl.StringVar(&ff.f.Root, "root", "", "CAMEO root code, e.g. 17")
	fl.StringVar(&ff.f.Code, "code", "", "CAMEO code or prefix, e.g. 173")
	fl.IntVar(&ff.f.Quad, "quad", 0, "quad class 1-4 (verbal/material cooperation/conflict)")
	fl.StringVar(&ff.f.Country, "country", "", "ISO alpha-3 country of the source, the target or the place, e.g. AFG")
	fl.StringVar(&ff.since, "since", "", "first day, YYYY-MM-DD")
	fl.StringVar(&ff.until, "until", "", "last day, YYYY-MM-DD")
	fl.StringVar(&ff.f.Text, "text", "", "words that must all appear in the sentence")
	fl.IntVar(&ff.f.Limit, "limit", 0, "at most this many rows (0 = all)")
}

// filter checks the flags and returns the filter.
func (ff *filterFlags) filter() (store.Filter, error) {
	f := ff.f
	var err error
	if f.Since, err = parseDayFlag("--since", ff.since); err != nil {
		return f, err
	}
	if f.Until, err = parseDayFlag("--until", ff.until); err != nil {
		return f, err
	}
	if f.Quad < 0 || f.Quad > 4 {
		return f, fmt.Errorf("--quad %d: want 1 to 4", f.Quad)
	}
	if f.Limit < 0 {
		return f, fmt.Errorf("--limit %d: want 0 or more", f.Limit)
	}
	return f, nil
}

func parseDayFlag(name, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		return t, fmt.Errorf("%s %q: want YYYY-MM-DD", name, v)
	}
	return t, nil
}

func newQueryCmd() *cobra.Command {
	var (
		ff     filterFlags
		db     string
		format string
		by     []string
	)
	cmd := &cobra.Command{
		Use:   "query [--db DSN] [filters] [--by day|week|month,root|quad|dyad] [--format table|jsonl|csv]",
		Short: "Query stored events, or count them by period and kind",
		Long: `query prints the stored events that pass every filter given, by date. With --by it prints instead
the series an analyst plots: events, articles and mean Goldstein score per day, week or month and/or per
CAMEO root, quad class or country dyad (source-target), e.g. --by day,root.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err := ff.filter()
			if err != nil {
				return err
			}
			g, err := store.ParseGrouping(by)
			if err != nil {
				return err
			}
			switch format {
			case "table", "jsonl", "csv":
			default:
				return fmt.Errorf("--format %q: want table, jsonl or csv (dyad export writes parquet and gdelt)", format)
			}
			ctx := cmd.Context()
			st, err := openStore(ctx, db)
			if err != nil {
				return err
			}
			defer st.Close()
			if len(by) > 0 {
				bs, err := st.Aggregate(ctx, f, g)
				if err != nil {
					return err
				}
				return export.WriteBuckets(cmd.OutOrStdout(), format, bs)
			}
			return writeEvents(ctx, st, f, cmd.OutOrStdout(), format)
		},
	}
	ff.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&db, "db", "", dbUsage)
	fl.StringVar(&format, "format", "table", "output: table, jsonl or csv")
	fl.StringSliceVar(&by, "by", nil, "aggregate by a period (day, week, month) and/or a key (root, quad, dyad)")
	return cmd
}
