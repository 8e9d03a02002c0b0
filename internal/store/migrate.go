package store

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
)

type migration struct {
	version int
	name    string
	sql     string
}

// migrations reads the NNN_name.sql files anywhere in fsys, in version order.
func migrations(fsys fs.FS) ([]migration, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ".sql") {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	var ms []migration
	for _, n := range names {
		num, _, ok := strings.Cut(path.Base(n), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %q: name must start with a positive number and _", n)
		}
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", n, err)
		}
		ms = append(ms, migration{version: v, name: n, sql: string(b)})
	}
	slices.SortFunc(ms, func(a, b migration) int { return a.version - b.version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s have one version", ms[i-1].name, ms[i].name)
		}
	}
	return ms, nil
}

// schemaVersion reads the version a database is at; 0 when it has no schema yet.
func schemaVersion(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (int, error) {
	var v sql.NullInt64
	err := q.QueryRowContext(ctx, "SELECT max(version) FROM schema_version").Scan(&v)
	if err != nil {
		// No table yet is the only expected failure; anything else shows again when we create it.
		return 0, nil
	}
	return int(v.Int64), nil
}

// Migrate brings the database to the latest schema, one transaction per migration, and refuses a
// database of a newer schema with a *SchemaError. It returns the version the database is at.
func migrate(ctx context.Context, db *sql.DB, d *Dialect) (int, error) {
	ms, err := migrations(d.Migrations)
	if err != nil {
		return 0, err
	}
	latest := 0
	if len(ms) > 0 {
		latest = ms[len(ms)-1].version
	}
	have, err := schemaVersion(ctx, db)
	if err != nil {
		return 0, err
	}
	if have > latest {
		return have, &SchemaError{Have: have, Want: latest}
	}
	if have == latest {
		return have, nil
	}
	for _, m := range ms {
		if err := applyMigration(ctx, db, d, m, latest); err != nil {
			return 0, err
		}
	}
	return latest, nil
}

func applyMigration(ctx context.Context, db *sql.DB, d *Dialect, m migration, latest int) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %s: %w", m.name, d.classify(err))
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if d.MigrationLock != "" {
		if _, err := tx.ExecContext(ctx, d.MigrationLock); err != nil {
			return fmt.Errorf("migration lock: %w", d.classify(err))
		}
	}
	if _, err := tx.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"); err != nil {
		return fmt.Errorf("create schema_version: %w", d.classify(err))
	}
	// Read again inside the transaction: another process may have migrated meanwhile.
	have, err := schemaVersion(ctx, tx)
	if err != nil {
		return err
	}
	if have > latest {
		return &SchemaError{Have: have, Want: latest}
	}
	if m.version <= have {
		return tx.Rollback()
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, d.classify(err))
	}
	if _, err := tx.ExecContext(ctx, d.rebind("INSERT INTO schema_version (version) VALUES (?)"), m.version); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, d.classify(err))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %s: commit: %w", m.name, d.classify(err))
	}
	return nil
}
