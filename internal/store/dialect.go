package store

import (
	"io/fs"
	"strconv"
	"strings"
)

// Dialect is what differs between SQL backends; everything else is shared.
type Dialect struct {
	Name string // "sqlite", "postgres"
	// Numbered placeholders ($1, $2) instead of "?".
	Numbered bool
	// TextMatch is the WHERE term for Filter.Text, with one placeholder, over events aliased "e";
	// TextQuery turns the user's words into its argument ("" when there is no word to look for).
	TextMatch string
	TextQuery func(words string) string
	// IndexText, when set, runs at the end of each Put with the highest event seq before the batch, to
	// index the batch's sentences for full-text search in one statement.
	IndexText string
	// InsertIgnore, when set, begins an INSERT that skips rows whose keys are taken ("INSERT OR
	// IGNORE"); without it such an INSERT ends in "ON CONFLICT DO NOTHING". SQLite's form, with
	// foreign keys checked at commit, makes a multi-row INSERT one that cannot fail half-way, for
	// which SQLite keeps no statement journal.
	InsertIgnore string
	// MigrationLock, when set, runs first in the migration transaction so that two processes do not
	// migrate at once (SQLite's immediate transactions already serialise).
	MigrationLock string
	// Migrations holds NNN_name.sql files (in any folder), applied in order of NNN.
	Migrations fs.FS
	// Classify wraps driver errors as ErrReadOnly, ErrLocked or ErrFull where it recognises them.
	Classify func(error) error
}

// rebind rewrites "?" placeholders as $1, $2… for dialects that number them. Statements here never
// hold a literal question mark.
func (d *Dialect) rebind(q string) string {
	if !d.Numbered {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// insertIgnore makes "INSERT INTO "+into an INSERT that skips the rows whose keys are taken.
func (d *Dialect) insertIgnore(into string) string {
	if d.InsertIgnore != "" {
		return d.InsertIgnore + " INTO " + into
	}
	return "INSERT INTO " + into + " ON CONFLICT DO NOTHING"
}

func (d *Dialect) classify(err error) error {
	if err == nil || d.Classify == nil {
		return err
	}
	return d.Classify(err)
}
