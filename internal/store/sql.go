package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"
)

// SQL is a Store over database/sql; the Dialect says what differs between backends.
type SQL struct {
	db      *sql.DB
	d       Dialect
	version int
	queries [numQueries]string // Put's statements, in d's placeholders

	mu    sync.Mutex
	stmts [numQueries]*sql.Stmt // prepared on the first Put
}

// NewSQL migrates db to the latest schema (refusing a newer one) and returns a store over it. The
// store owns db: Close closes it.
func NewSQL(ctx context.Context, db *sql.DB, d Dialect) (*SQL, error) {
	v, err := migrate(ctx, db, &d)
	if err != nil {
		return nil, err
	}
	return &SQL{db: db, d: d, version: v, queries: putQueries(&d)}, nil
}

// DB is the underlying handle, for backend-specific settings and tests.
func (s *SQL) DB() *sql.DB { return s.db }

// Close closes the database.
func (s *SQL) Close() error {
	s.mu.Lock()
	var errs []error
	for i, st := range s.stmts {
		if st != nil {
			errs = append(errs, st.Close())
			s.stmts[i] = nil
		}
	}
	s.mu.Unlock()
	return errors.Join(append(errs, s.db.Close())...)
}

// Has tells whether a document with this ID is stored.
func (s *SQL) Has(ctx context.Context, docID string) (bool, error) {
	stmts, err := s.statements(ctx)
	if err != nil {
		return false, err
	}
	var one int
	err = stmts[qByID].QueryRowContext(ctx, docID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, s.d.classify(err)
	}
	return true, nil
}

// Document returns a stored document.
func (s *SQL) Document(ctx context.Context, id string) (Document, error) {
	var (
		d               Document
		published, meta string
		added           int64
	)
	err := s.db.QueryRowContext(ctx, s.d.rebind(
		"SELECT id, url, title, publisher, published, language, origin, meta, content_hash, story_id, added FROM documents WHERE id = ?"), id).
		Scan(&d.ID, &d.URL, &d.Title, &d.Publisher, &published, &d.Language, &d.Origin, &meta, &d.ContentHash, &d.Story, &added)
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("document %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return d, s.d.classify(err)
	}
	if published != "" {
		if d.Published, err = time.Parse(time.RFC3339, published); err != nil {
			return d, fmt.Errorf("document %q: published %q: %w", id, published, err)
		}
	}
	if err := json.Unmarshal([]byte(meta), &d.Meta); err != nil {
		return d, fmt.Errorf("document %q: metadata: %w", id, err)
	}
	d.Added = time.Unix(added, 0).UTC()
	return d, nil
}

// Stats counts what is stored.
func (s *SQL) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Schema: s.version}
	for _, x := range []struct {
		n     *int
		table string
	}{{&st.Documents, "documents"}, {&st.Stories, "stories"}, {&st.Events, "events"}, {&st.Actors, "actors"}} {
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM "+x.table).Scan(x.n); err != nil {
			return st, fmt.Errorf("count %s: %w", x.table, s.d.classify(err))
		}
	}
	return st, nil
}
