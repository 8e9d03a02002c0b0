package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/dyad-events/dyad/internal/store"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrationLockKey is an arbitrary advisory-lock key taken while migrating, so that two dyad
// processes starting together do not both migrate.
const migrationLockKey = 0x64796164 // "dyad"

// Dialect is PostgreSQL's store.Dialect.
func Dialect() store.Dialect {
	return store.Dialect{
		Name:          "postgres",
		Numbered:      true,
		TextMatch:     "e.tsv @@ plainto_tsquery('english', ?)",
		TextQuery:     func(text string) string { return strings.Join(store.Words(text), " ") },
		MigrationLock: fmt.Sprintf("SELECT pg_advisory_xact_lock(%d)", migrationLockKey),
		Migrations:    migrationFiles,
		Classify:      classify,
	}
}

// Open connects to the database at dsn (postgres://… or key=value form) and migrates it.
func Open(ctx context.Context, dsn string) (*store.SQL, error) {
	cfg, err := pgconnConfig(dsn)
	if err != nil {
		return nil, err
	}
	db := sql.OpenDB(stdlib.GetConnector(*cfg))
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: connect: %w", classify(err))
	}
	s, err := store.NewSQL(ctx, db, Dialect())
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return s, nil
}

// classify recognises read-only, locked and full databases by SQLSTATE.
func classify(err error) error {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return err
	}
	switch pe.Code {
	case "25006", "42501": // read_only_sql_transaction, insufficient_privilege
		return fmt.Errorf("%w: %w", store.ErrReadOnly, err)
	case "55P03", "40P01": // lock_not_available, deadlock_detected
		return fmt.Errorf("%w: %w", store.ErrLocked, err)
	case "53100", "53200": // disk_full, out_of_memory
		return fmt.Errorf("%w: %w", store.ErrFull, err)
	}
	return err
}
