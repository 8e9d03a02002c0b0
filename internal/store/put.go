package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math/bits"
	"slices"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/store/fingerprint"
)

// query names a statement of Put (and Has). Each is prepared once per store and reused by every
// batch, instead of being parsed again for each.
type query int

const (
	qByID query = iota
	qByURL
	qByHash
	qBands
	qStory
	qDoc
	qBand
	qPublisher
	qBumpStory
	qBumpEvents
	qEventDoc
	qActor
	qEvents    // qEvents+k inserts 1<<k events
	numQueries = qEvents + eventSizes
)

// eventSizes is the number of event INSERTs, of 1, 2, 4 … 32 rows: a document's events go in the
// fewest of them (45 = 32+8+4+1), and six statements are all there is to prepare. 32 rows keep
// well under both backends' parameter limits (32·len(eventColumns) ≈ 2,000).
const eventSizes = 6

// putQueries returns the statements of Put in d's placeholders.
func putQueries(d *Dialect) [numQueries]string {
	var q [numQueries]string
	q[qByID] = "SELECT 1 FROM documents WHERE id = ?"
	// SQLite prepared "url = ?" again at every run, weighing the partial index documents_text
	// (url = '') against each URL bound; "url IN (?)" it does not, and "url <> ''" lets the partial
	// index documents_url serve.
	q[qByURL] = "SELECT 1 FROM documents WHERE url IN (?) AND url <> ''"
	q[qByHash] = "SELECT 1 FROM documents WHERE content_hash = ? AND publisher = ? AND url = ''"
	q[qBands] = "SELECT d.story_id, d.fingerprint, d.added, d.id, d.content_hash FROM doc_bands b JOIN documents d ON d.id = b.doc_id " +
		"WHERE b.band_key IN (" + strings.Repeat("?, ", fingerprint.Bands-1) + "?)"
	q[qStory] = "INSERT INTO stories (id, num_articles, num_sources) VALUES (?, 1, 1)"
	q[qDoc] = "INSERT INTO documents (id, url, title, publisher, published, language, origin, meta, content_hash, fingerprint, words, story_id, added) " +
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
	q[qBand] = d.insertIgnore("doc_bands (band_key, doc_id) VALUES " + strings.Repeat("(?, ?), ", fingerprint.Bands-1) + "(?, ?)")
	q[qPublisher] = "INSERT INTO story_publishers (story_id, publisher) VALUES (?, ?) ON CONFLICT DO NOTHING"
	q[qBumpStory] = "UPDATE stories SET num_articles = num_articles + 1, num_sources = num_sources + ? WHERE id = ?"
	q[qBumpEvents] = "UPDATE events SET num_articles = num_articles + 1, num_sources = num_sources + ? WHERE story_id = ?"
	q[qEventDoc] = "SELECT doc_id FROM events WHERE id = ?"
	q[qActor] = "INSERT INTO actors (code, name, country, agents, events) VALUES (?, ?, ?, ?, ?) " +
		"ON CONFLICT (code, name) DO UPDATE SET events = actors.events + excluded.events"
	// A new event is in one article of one source: num_articles and num_sources, the last columns but
	// one, are written as 1 rather than bound, which costs a call into SQLite per row each.
	row := "(" + strings.Repeat("?, ", len(eventColumns)-3) + "1, 1, ?)"
	for k := range eventSizes {
		q[qEvents+query(k)] = d.insertIgnore("events (" + strings.Join(eventColumns, ", ") + ") VALUES " +
			strings.Repeat(row+", ", 1<<k-1) + row)
	}
	for i := range q {
		q[i] = d.rebind(q[i])
	}
	return q
}

// statements returns the store's prepared statements, preparing those that are not yet. Put calls
// it before its transaction takes a connection: a store of one connection (SQLite in memory) would
// wait on itself otherwise.
func (s *SQL) statements(ctx context.Context) ([numQueries]*sql.Stmt, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for q, text := range s.queries {
		if s.stmts[q] != nil {
			continue
		}
		st, err := s.db.PrepareContext(ctx, text)
		if err != nil {
			return s.stmts, fmt.Errorf("prepare: %w", s.d.classify(err))
		}
		s.stmts[q] = st
	}
	return s.stmts, nil
}

// putTx is the state of one Put.
type putTx struct {
	tx     *sql.Tx
	shared [numQueries]*sql.Stmt // the store's statements
	stmts  [numQueries]*sql.Stmt // the same on tx, on first use
	out    []Outcome
	added  int64
	actors map[actorKey]*actorCount // counted over the batch, written once each
	// Events wait in pending until there are enough for the largest INSERT: documents of a few
	// events each then share statements, and each statement's fixed cost (binding, cursors on every
	// index) is paid once for many rows.
	pending []pendingEvent
	ids     map[string]bool // event IDs of the batch: a repeated one is not stored again
	args    []any           // arguments of an events INSERT, reused
	detail  []byte          // an event's detail JSON while it is built, reused
}

// pendingEvent is an event to insert and the entry it belongs to.
type pendingEvent struct {
	e          *event.Event
	doc, story string
	entry      int // index in the batch
}

func (w *putTx) stmt(ctx context.Context, q query) *sql.Stmt {
	if w.stmts[q] == nil {
		w.stmts[q] = w.tx.StmtContext(ctx, w.shared[q])
	}
	return w.stmts[q]
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
	shared, err := s.statements(ctx)
	if err != nil {
		return nil, err
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
	var lastSeq int64
	if s.d.IndexText != "" {
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(seq), 0) FROM events").Scan(&lastSeq); err != nil {
			return nil, fmt.Errorf("last event: %w", s.d.classify(err))
		}
	}
	w := &putTx{tx: tx, shared: shared, out: make([]Outcome, len(batch)), added: time.Now().Unix(), actors: map[actorKey]*actorCount{},
		ids: map[string]bool{}}
	for i := range batch {
		if err = w.put(ctx, i, &batch[i], &prints[i]); err != nil {
			return nil, fmt.Errorf("document %s: %w", batch[i].Doc.ID, s.d.classify(err))
		}
	}
	if err := w.flush(ctx, 1); err != nil {
		return nil, s.d.classify(err)
	}
	// In a fixed order, so that two writers lock the same rows in the same order (PostgreSQL).
	keys := slices.SortedFunc(maps.Keys(w.actors), func(a, b actorKey) int {
		return cmp.Or(strings.Compare(a.code, b.code), strings.Compare(a.name, b.name))
	})
	for _, k := range keys {
		a := w.actors[k]
		if _, err := w.stmt(ctx, qActor).ExecContext(ctx, k.code, k.name, a.country, a.agents, int64(a.n)); err != nil {
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
	return w.out, nil
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

// put stores one entry inside the batch's transaction, its events (if any) queued, and sets its outcome.
func (w *putTx) put(ctx context.Context, i int, en *Entry, p *fingerprint.Print) error {
	doc := en.Doc
	dup, err := exists(ctx, w.stmt(ctx, qByID), doc.ID)
	if err == nil && !dup && doc.URL != "" {
		dup, err = exists(ctx, w.stmt(ctx, qByURL), doc.URL)
	}
	if err == nil && !dup && doc.URL == "" {
		dup, err = exists(ctx, w.stmt(ctx, qByHash), p.Hash, doc.Publisher)
	}
	if err != nil || dup {
		w.out[i] = Outcome{Status: Duplicate}
		return err
	}
	story, exact, err := w.findStory(ctx, p)
	if err != nil {
		return err
	}
	first := story == ""
	if first {
		story = doc.ID
		if _, err := w.stmt(ctx, qStory).ExecContext(ctx, story); err != nil {
			return fmt.Errorf("story: %w", err)
		}
	}
	meta, err := json.Marshal(doc.Meta)
	if err != nil {
		return fmt.Errorf("metadata: %w", err)
	}
	var sig []byte
	if p.Words > 0 {
		sig = p.Sig.Bytes()
	}
	res, err := w.stmt(ctx, qDoc).ExecContext(ctx, doc.ID, doc.URL, doc.Title, doc.Publisher, formatTime(doc.Published), doc.Lang,
		doc.Origin, string(meta), p.Hash, sig, int64(p.Words), story, w.added)
	if err != nil {
		return fmt.Errorf("insert: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		// Another unique key (an equal URL) caught it; the checks above should have.
		w.out[i] = Outcome{Status: Duplicate}
		return err
	}
	if p.Words > 0 && !exact {
		// Exact copies are found by their hash; only distinct texts need band keys.
		args := make([]any, 0, 2*len(p.Keys))
		for _, k := range p.Keys {
			args = append(args, k, doc.ID)
		}
		if _, err := w.stmt(ctx, qBand).ExecContext(ctx, args...); err != nil {
			return fmt.Errorf("band: %w", err)
		}
	}
	res, err = w.stmt(ctx, qPublisher).ExecContext(ctx, story, doc.Publisher)
	if err != nil {
		return fmt.Errorf("publisher: %w", err)
	}
	if !first {
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		if _, err := w.stmt(ctx, qBumpStory).ExecContext(ctx, n, story); err != nil {
			return fmt.Errorf("count story: %w", err)
		}
		if slices.ContainsFunc(w.pending, func(pe pendingEvent) bool { return pe.story == story }) {
			if err := w.flush(ctx, 1); err != nil { // the story's events must be there to be counted
				return err
			}
		}
		if _, err := w.stmt(ctx, qBumpEvents).ExecContext(ctx, n, story); err != nil {
			return fmt.Errorf("count events: %w", err)
		}
		w.out[i] = Outcome{Status: Copied, Story: story}
		return nil
	}
	w.out[i] = Outcome{Status: Added, Story: story}
	for j := range en.Events {
		e := &en.Events[j]
		if w.ids[e.ID] {
			continue // stored once, for its first event
		}
		w.ids[e.ID] = true
		w.pending = append(w.pending, pendingEvent{e: e, doc: doc.ID, story: story, entry: i})
	}
	return w.flush(ctx, maxEvents)
}

// maxEvents is the most events one INSERT carries.
const maxEvents = 1 << (eventSizes - 1)

// flush inserts pending events while there are at least least of them, in the largest INSERTs that
// fit, and counts the events and actors of those actually inserted: an ID stored by an earlier
// batch is not stored again.
func (w *putTx) flush(ctx context.Context, least int) error {
	for len(w.pending) >= least && len(w.pending) > 0 {
		k := bits.Len(uint(min(len(w.pending), maxEvents))) - 1
		chunk := w.pending[:1<<k]
		args := w.args[:0]
		var err error
		for _, pe := range chunk {
			if args, w.detail, err = appendEventArgs(args, w.detail, pe.e, pe.doc, pe.story, w.added); err != nil {
				return err
			}
		}
		w.args = args
		res, err := w.stmt(ctx, qEvents+query(k)).ExecContext(ctx, args...)
		if err != nil {
			return fmt.Errorf("events: %w", err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("events: %w", err)
		}
		if int(n) == len(chunk) {
			for _, pe := range chunk {
				w.stored(pe)
			}
		} else if err := w.storedOf(ctx, chunk); err != nil {
			return err
		}
		w.pending = w.pending[:copy(w.pending, w.pending[len(chunk):])]
	}
	return nil
}

// storedOf counts the events of chunk that were inserted when some were not. IDs being unique in
// the batch and its documents new, an event was inserted exactly when its ID's row is its document's.
func (w *putTx) storedOf(ctx context.Context, chunk []pendingEvent) error {
	for _, pe := range chunk {
		var doc string
		// No row at all would be an event refused for a reason other than its ID (SQLite's INSERT OR
		// IGNORE skips a NOT NULL violation too): an error, never a silent loss.
		if err := w.stmt(ctx, qEventDoc).QueryRowContext(ctx, pe.e.ID).Scan(&doc); err != nil {
			return fmt.Errorf("event %s: %w", pe.e.ID, err)
		}
		if doc == pe.doc {
			w.stored(pe)
		}
	}
	return nil
}

// stored counts an inserted event into its entry's outcome and its actors into the batch's.
func (w *putTx) stored(pe pendingEvent) {
	w.out[pe.entry].Events++
	for _, a := range [2]*event.Actor{pe.e.Source, pe.e.Target} {
		if a == nil {
			continue
		}
		k := actorKey{a.Code, a.Name}
		if c := w.actors[k]; c != nil {
			c.n++
		} else {
			w.actors[k] = &actorCount{country: a.Country, agents: strings.Join(a.Agents, ";"), n: 1}
		}
	}
}

// findStory finds the story a text belongs to: the first document with the same text, else the first
// document at least fingerprint.Threshold similar among those sharing a band key. "" means a new story.
// One query serves both: the first document with a text always has band keys (only later copies of
// it go without), and the same text shares all of them.
func (w *putTx) findStory(ctx context.Context, p *fingerprint.Print) (story string, exact bool, err error) {
	if p.Words == 0 {
		return "", false, nil
	}
	var keys [fingerprint.Bands]any
	for i, k := range p.Keys {
		keys[i] = k
	}
	rows, err := w.stmt(ctx, qBands).QueryContext(ctx, keys[:]...)
	if err != nil {
		return "", false, err
	}
	defer rows.Close()
	// The first (by added, then id) of the documents with the same text, else the most similar, the
	// first among equals: found here rather than by an ORDER BY, which sorted the candidates of every
	// new text.
	var (
		best      float64
		bestAdded int64
		bestID    string
	)
	for rows.Next() {
		var (
			cand, id, hash string
			blob           []byte
			added          int64
		)
		if err := rows.Scan(&cand, &blob, &added, &id, &hash); err != nil {
			return "", false, err
		}
		same := hash == p.Hash
		if exact && !same {
			continue
		}
		sim := 2.0 // above any similarity: the same text wins
		if !same {
			sig, err := fingerprint.Decode(blob)
			if err != nil {
				continue // an unreadable fingerprint only costs a missed link
			}
			if sim = fingerprint.Similarity(&p.Sig, &sig); sim < fingerprint.Threshold || sim < best {
				continue
			}
		}
		if sim > best || added < bestAdded || added == bestAdded && id < bestID {
			best, bestAdded, bestID, story, exact = sim, added, id, cand, same
		}
	}
	return story, exact, rows.Err()
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
