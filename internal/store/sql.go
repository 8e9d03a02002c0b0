package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/store/fingerprint"
)

// SQL is a Store over database/sql; the Dialect says what differs between backends.
type SQL struct {
	db      *sql.DB
	d       Dialect
	version int
}

// NewSQL migrates db to the latest schema (refusing a newer one) and returns a store over it. The
// store owns db: Close closes it.
func NewSQL(ctx context.Context, db *sql.DB, d Dialect) (*SQL, error) {
	v, err := migrate(ctx, db, &d)
	if err != nil {
		return nil, err
	}
	return &SQL{db: db, d: d, version: v}, nil
}

// DB is the underlying handle, for backend-specific settings and tests.
func (s *SQL) DB() *sql.DB { return s.db }

// Close closes the database.
func (s *SQL) Close() error { return s.db.Close() }

// putStmts are the statements of one Put transaction.
type putStmts struct {
	byID, byURL, byHash, exact, bands *sql.Stmt
	story, doc, band, publisher       *sql.Stmt
	bumpStory, bumpEvents             *sql.Stmt
	actor                             *sql.Stmt
	tx                                *sql.Tx
	events                            map[int]*sql.Stmt // inserts of n events, prepared on first use
}

// eventChunk is the most events one INSERT carries: fewer round trips and statements, well under
// both backends' parameter limits (eventChunk·len(eventColumns) ≈ 3,100).
const eventChunk = 50

// insertEvents returns the statement inserting n events and returning the IDs actually inserted.
func (s *SQL) insertEvents(ctx context.Context, st *putStmts, n int) (*sql.Stmt, error) {
	if stmt := st.events[n]; stmt != nil {
		return stmt, nil
	}
	row := "(" + strings.Repeat("?, ", len(eventColumns)-1) + "?)"
	q := "INSERT INTO events (" + strings.Join(eventColumns, ", ") + ") VALUES " +
		strings.Repeat(row+", ", n-1) + row + " ON CONFLICT DO NOTHING RETURNING id"
	stmt, err := st.tx.PrepareContext(ctx, s.d.rebind(q))
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	st.events[n] = stmt
	return stmt, nil
}

var putSQL = struct {
	byID, byURL, byHash, exact, bands, story, doc, band, publisher, bumpStory, bumpEvents, actor string
}{
	byID:   "SELECT 1 FROM documents WHERE id = ?",
	byURL:  "SELECT 1 FROM documents WHERE url = ? AND url <> ''", // the second term lets the partial index serve
	byHash: "SELECT 1 FROM documents WHERE content_hash = ? AND publisher = ? AND url = ''",
	exact:  "SELECT story_id FROM documents WHERE content_hash = ? ORDER BY added, id LIMIT 1",
	bands: "SELECT d.story_id, d.fingerprint FROM doc_bands b JOIN documents d ON d.id = b.doc_id WHERE b.band_key IN (" +
		strings.Repeat("?, ", fingerprint.Bands-1) + "?) ORDER BY d.added, d.id",
	story: "INSERT INTO stories (id, num_articles, num_sources) VALUES (?, 1, 1)",
	doc: "INSERT INTO documents (id, url, title, publisher, published, language, origin, meta, content_hash, fingerprint, words, story_id, added) " +
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
	band: "INSERT INTO doc_bands (band_key, doc_id) VALUES " + strings.Repeat("(?, ?), ", fingerprint.Bands-1) +
		"(?, ?) ON CONFLICT DO NOTHING",
	publisher:  "INSERT INTO story_publishers (story_id, publisher) VALUES (?, ?) ON CONFLICT DO NOTHING",
	bumpStory:  "UPDATE stories SET num_articles = num_articles + 1, num_sources = num_sources + ? WHERE id = ?",
	bumpEvents: "UPDATE events SET num_articles = num_articles + 1, num_sources = num_sources + ? WHERE story_id = ?",
	actor: "INSERT INTO actors (code, name, country, agents, events) VALUES (?, ?, ?, ?, ?) " +
		"ON CONFLICT (code, name) DO UPDATE SET events = actors.events + excluded.events",
}

func (s *SQL) prepare(ctx context.Context, tx *sql.Tx) (*putStmts, error) {
	p := putStmts{tx: tx, events: map[int]*sql.Stmt{}}
	for _, x := range []struct {
		dst **sql.Stmt
		q   string
	}{
		{&p.byID, putSQL.byID}, {&p.byURL, putSQL.byURL}, {&p.byHash, putSQL.byHash}, {&p.exact, putSQL.exact},
		{&p.bands, putSQL.bands}, {&p.story, putSQL.story}, {&p.doc, putSQL.doc}, {&p.band, putSQL.band},
		{&p.publisher, putSQL.publisher}, {&p.bumpStory, putSQL.bumpStory}, {&p.bumpEvents, putSQL.bumpEvents},
		{&p.actor, putSQL.actor},
	} {
		st, err := tx.PrepareContext(ctx, s.d.rebind(x.q))
		if err != nil {
			return nil, fmt.Errorf("prepare: %w", s.d.classify(err))
		}
		*x.dst = st
	}
	return &p, nil
}

// Put stores a batch in one transaction.
func (s *SQL) Put(ctx context.Context, batch []Entry) (out []Outcome, err error) {
	if len(batch) == 0 {
		return nil, nil
	}
	prints := make([]fingerprint.Print, len(batch))
	for i, en := range batch {
		if en.Doc == nil {
			return nil, fmt.Errorf("entry %d: no document", i)
		}
		prints[i] = fingerprint.Of(en.Doc.Text)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", s.d.classify(err))
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	st, err := s.prepare(ctx, tx)
	if err != nil {
		return nil, err
	}
	var lastSeq int64
	if s.d.IndexText != "" {
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(seq), 0) FROM events").Scan(&lastSeq); err != nil {
			return nil, fmt.Errorf("last event: %w", s.d.classify(err))
		}
	}
	added := time.Now().Unix()
	out = make([]Outcome, len(batch))
	actors := map[actorKey]*actorCount{} // counted over the batch, written once each
	for i := range batch {
		if out[i], err = s.put(ctx, st, &batch[i], &prints[i], added, actors); err != nil {
			return nil, fmt.Errorf("document %s: %w", batch[i].Doc.ID, s.d.classify(err))
		}
	}
	// In a fixed order, so that two writers lock the same rows in the same order (PostgreSQL).
	keys := slices.SortedFunc(maps.Keys(actors), func(a, b actorKey) int {
		return cmp.Or(strings.Compare(a.code, b.code), strings.Compare(a.name, b.name))
	})
	for _, k := range keys {
		a := actors[k]
		if _, err := st.actor.ExecContext(ctx, k.code, k.name, a.country, a.agents, a.n); err != nil {
			return nil, fmt.Errorf("actor %s: %w", k.code, s.d.classify(err))
		}
	}
	if s.d.IndexText != "" {
		if _, err := tx.ExecContext(ctx, s.d.rebind(s.d.IndexText), lastSeq); err != nil {
			return nil, fmt.Errorf("index text: %w", s.d.classify(err))
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", s.d.classify(err))
	}
	return out, nil
}

func exists(ctx context.Context, st *sql.Stmt, args ...any) (bool, error) {
	var one int
	err := st.QueryRowContext(ctx, args...).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

type actorKey struct{ code, name string }

type actorCount struct {
	country, agents string
	n               int
}

// put stores one entry inside the batch's transaction and counts its actors into actors.
func (s *SQL) put(ctx context.Context, st *putStmts, en *Entry, p *fingerprint.Print, added int64, actors map[actorKey]*actorCount) (Outcome, error) {
	doc := en.Doc
	dup, err := exists(ctx, st.byID, doc.ID)
	if err == nil && !dup && doc.URL != "" {
		dup, err = exists(ctx, st.byURL, doc.URL)
	}
	if err == nil && !dup && doc.URL == "" {
		dup, err = exists(ctx, st.byHash, p.Hash, doc.Publisher)
	}
	if err != nil || dup {
		return Outcome{Status: Duplicate}, err
	}
	story, exact, err := s.findStory(ctx, st, p)
	if err != nil {
		return Outcome{}, err
	}
	first := story == ""
	if first {
		story = doc.ID
		if _, err := st.story.ExecContext(ctx, story); err != nil {
			return Outcome{}, fmt.Errorf("story: %w", err)
		}
	}
	meta, err := json.Marshal(doc.Meta)
	if err != nil {
		return Outcome{}, fmt.Errorf("metadata: %w", err)
	}
	var sig []byte
	if p.Words > 0 {
		sig = p.Sig.Bytes()
	}
	res, err := st.doc.ExecContext(ctx, doc.ID, doc.URL, doc.Title, doc.Publisher, formatTime(doc.Published), doc.Lang,
		doc.Origin, string(meta), p.Hash, sig, p.Words, story, added)
	if err != nil {
		return Outcome{}, fmt.Errorf("insert: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		// Another unique key (an equal URL) caught it; the checks above should have.
		return Outcome{Status: Duplicate}, err
	}
	if p.Words > 0 && !exact {
		// Exact copies are found by their hash; only distinct texts need band keys.
		args := make([]any, 0, 2*len(p.Keys))
		for _, k := range p.Keys {
			args = append(args, k, doc.ID)
		}
		if _, err := st.band.ExecContext(ctx, args...); err != nil {
			return Outcome{}, fmt.Errorf("band: %w", err)
		}
	}
	res, err = st.publisher.ExecContext(ctx, story, doc.Publisher)
	if err != nil {
		return Outcome{}, fmt.Errorf("publisher: %w", err)
	}
	if !first {
		n, err := res.RowsAffected()
		if err != nil {
			return Outcome{}, err
		}
		if _, err := st.bumpStory.ExecContext(ctx, n, story); err != nil {
			return Outcome{}, fmt.Errorf("count story: %w", err)
		}
		if _, err := st.bumpEvents.ExecContext(ctx, n, story); err != nil {
			return Outcome{}, fmt.Errorf("count events: %w", err)
		}
		return Outcome{Status: Copied, Story: story}, nil
	}
	stored := 0
	for start := 0; start < len(en.Events); start += eventChunk {
		chunk := en.Events[start:min(start+eventChunk, len(en.Events))]
		n, err := s.putEvents(ctx, st, chunk, doc.ID, story, added, actors)
		if err != nil {
			return Outcome{}, err
		}
		stored += n
	}
	return Outcome{Status: Added, Story: story, Events: stored}, nil
}

// putEvents inserts events with one statement and counts the actors of those actually inserted (an
// event ID seen before is stored once).
func (s *SQL) putEvents(ctx context.Context, st *putStmts, events []event.Event, docID, story string, added int64,
	actors map[actorKey]*actorCount) (int, error) {
	args := make([]any, 0, len(events)*len(eventColumns))
	for i := range events {
		a, err := eventArgs(&events[i], docID, story, added)
		if err != nil {
			return 0, err
		}
		args = append(args, a...)
	}
	stmt, err := s.insertEvents(ctx, st, len(events))
	if err != nil {
		return 0, err
	}
	rows, err := stmt.QueryContext(ctx, args...)
	if err != nil {
		return 0, fmt.Errorf("events: %w", err)
	}
	inserted := make(map[string]bool, len(events))
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, fmt.Errorf("events: %w", err)
		}
		inserted[id] = true
	}
	if err := rows.Close(); err != nil {
		return 0, fmt.Errorf("events: %w", err)
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("events: %w", err)
	}
	stored := 0
	for i := range events {
		e := &events[i]
		if !inserted[e.ID] {
			continue
		}
		delete(inserted, e.ID) // a repeated ID in the batch counts once
		stored++
		for _, a := range []*event.Actor{e.Source, e.Target} {
			if a == nil {
				continue
			}
			k := actorKey{a.Code, a.Name}
			if c := actors[k]; c != nil {
				c.n++
			} else {
				actors[k] = &actorCount{country: a.Country, agents: strings.Join(a.Agents, ";"), n: 1}
			}
		}
	}
	return stored, nil
}

// findStory finds the story a text belongs to: the first document with the same text, else the first
// document at least fingerprint.Threshold similar among those sharing a band key. "" means a new story.
func (s *SQL) findStory(ctx context.Context, st *putStmts, p *fingerprint.Print) (story string, exact bool, err error) {
	if p.Words == 0 {
		return "", false, nil
	}
	err = st.exact.QueryRowContext(ctx, p.Hash).Scan(&story)
	switch {
	case err == nil:
		return story, true, nil
	case !errors.Is(err, sql.ErrNoRows):
		return "", false, err
	}
	keys := make([]any, len(p.Keys))
	for i, k := range p.Keys {
		keys[i] = k
	}
	rows, err := st.bands.QueryContext(ctx, keys...)
	if err != nil {
		return "", false, err
	}
	defer rows.Close()
	best := 0.0
	for rows.Next() {
		var cand string
		var blob []byte
		if err := rows.Scan(&cand, &blob); err != nil {
			return "", false, err
		}
		sig, err := fingerprint.Decode(blob)
		if err != nil {
			continue // an unreadable fingerprint only costs a missed link
		}
		if sim := fingerprint.Similarity(&p.Sig, &sig); sim >= fingerprint.Threshold && sim > best {
			best, story = sim, cand
		}
	}
	return story, false, rows.Err()
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// Has tells whether a document with this ID is stored.
func (s *SQL) Has(ctx context.Context, docID string) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, s.d.rebind(putSQL.byID), docID).Scan(&one)
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
