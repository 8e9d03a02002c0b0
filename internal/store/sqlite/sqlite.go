package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	msqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/dyad-events/dyad/internal/store"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Dialect is SQLite's store.Dialect.
func Dialect() store.Dialect {
	return store.Dialect{
		Name:         "sqlite",
		TextMatch:    "e.seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)",
		TextQuery:    ftsQuery,
		IndexText:    "INSERT INTO events_fts (rowid, sentence) SELECT seq, sentence FROM events WHERE seq > ?",
		InsertIgnore: "INSERT OR IGNORE",
		Migrations:   migrationFiles,
		Classify:     classify,
	}
}

// ftsQuery quotes every word so that FTS5 reads none of them as syntax; quoted words must all match.
func ftsQuery(text string) string {
	words := store.Words(text)
	for i, w := range words {
		words[i] = `"` + w + `"` // words hold letters and digits only: no quote to escape
	}
	return strings.Join(words, " ")
}

// defaults are the connection settings dyad relies on; a DSN may override each by name.
var defaults = []struct{ name, value string }{
	{"busy_timeout", "5000"},
	{"journal_mode", "WAL"},
	{"foreign_keys", "1"},
	{"synchronous", "FULL"},
	{"cache_size", "-16384"}, // 16 MB of pages per connection: 2 MB rereads index pages all the time, 64 MB costs an export 60 MB more
}

// DSN turns a path or "file:PATH?params" into the driver's DSN with dyad's settings. Extra _pragma
// parameters pass through and win over the defaults of the same name.
func DSN(path string) (string, error) {
	raw := strings.TrimPrefix(path, "file:")
	file, query, _ := strings.Cut(raw, "?")
	if file == "" {
		return "", errors.New("sqlite: empty path")
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		return "", fmt.Errorf("sqlite: parameters %q: %w", query, err)
	}
	have := map[string]bool{}
	for _, p := range q["_pragma"] {
		name, _, _ := strings.Cut(p, "(")
		name, _, _ = strings.Cut(name, "=")
		have[strings.ToLower(strings.TrimSpace(name))] = true
	}
	for _, d := range defaults {
		if !have[d.name] {
			q.Add("_pragma", d.name+"("+d.value+")")
		}
	}
	if q.Get("_txlock") == "" {
		q.Set("_txlock", "immediate") // take the write lock at BEGIN: no deadlock upgrading a reader
	}
	return "file:" + file + "?" + q.Encode(), nil
}

// Open opens (creating when needed, with its folder) the SQLite store at path, a file path or
// "file:PATH?_pragma=...", and migrates it.
func Open(ctx context.Context, path string) (*store.SQL, error) {
	dsn, err := DSN(path)
	if err != nil {
		return nil, err
	}
	file, _, _ := strings.Cut(strings.TrimPrefix(path, "file:"), "?")
	if file != ":memory:" {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return nil, fmt.Errorf("sqlite: %w", err)
		}
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", file, err)
	}
	if file == ":memory:" {
		db.SetMaxOpenConns(1) // each connection would have its own empty database
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", file, classify(err))
	}
	s, err := store.NewSQL(ctx, db, Dialect())
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite %s: %w", file, err)
	}
	return s, nil
}

// classify recognises read-only, locked and full databases by SQLite's primary result code.
func classify(err error) error {
	var se *msqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM:
		return fmt.Errorf("%w: %w", store.ErrReadOnly, err)
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return fmt.Errorf("%w: %w", store.ErrLocked, err)
	case sqlite3.SQLITE_FULL:
		return fmt.Errorf("%w: %w", store.ErrFull, err)
	}
	return err
}
