package store

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"time"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/source"
)

// Store keeps coded documents and their events.
type Store interface {
	// Put stores a batch in one transaction and says what became of each entry, in order. On error
	// nothing of the batch is stored.
	Put(ctx context.Context, batch []Entry) ([]Outcome, error)
	// Has tells whether a document with this ID is stored, so that a rerun need not code it again.
	Has(ctx context.Context, docID string) (bool, error)
	// Document returns a stored document; ErrNotFound when there is none.
	Document(ctx context.Context, id string) (Document, error)
	// Events yields the events that pass f, by date (or as stored, see Filter.StoredOrder). Stop early by
	// breaking out of the loop.
	Events(ctx context.Context, f Filter) iter.Seq2[*Record, error]
	// Aggregate counts the events that pass f in groups.
	Aggregate(ctx context.Context, f Filter, g Grouping) ([]Bucket, error)
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)
	Close() error
}

// Entry is one coded document for Put.
type Entry struct {
	Doc    *source.Document
	Events []event.Event
}

// Status is what Put did with an entry.
type Status int

// Statuses of Outcome.
const (
	Added     Status = iota + 1 // a new story: the document and its events were stored
	Copied                      // a copy of a stored story: linked to it and counted, events not stored again
	Duplicate                   // already stored: nothing changed
)

func (s Status) String() string {
	switch s {
	case Added:
		return "added"
	case Copied:
		return "copy"
	case Duplicate:
		return "duplicate"
	}
	return fmt.Sprintf("Status(%d)", int(s))
}

// Outcome is what Put did with one entry.
type Outcome struct {
	Status Status
	Story  string // ID of the story's first document ("" for a duplicate)
	Events int    // events stored (0 for a copy or a duplicate)
}

// Document is what the store keeps of an article: its identity and fingerprints, not its text.
type Document struct {
	ID          string
	URL         string
	Title       string
	Publisher   string
	Published   time.Time // zero when unknown
	Language    string
	Origin      string
	Meta        map[string]string
	ContentHash string
	Story       string // ID of the story's first document; the document's own ID for a first
	Added       time.Time
}

// Record is one stored event with what the store knows on top of it.
type Record struct {
	Event event.Event
	Story string       // ID of the story's first document
	Count event.Counts // GDELT NumMentions, NumSources, NumArticles (mentions = articles)
	Day   time.Time    // the day the event is filed under (see Filter.Since); zero when undated
	Added time.Time    // when the event was stored
}

// Filter selects events. The zero value selects all of them. Text values are matched as data only.
type Filter struct {
	// Actor, Source and Target match an actor on either side, the source or the target. A value in
	// upper-case letters and digits is a CAMEO code prefix ("USA" matches "USAGOV"); anything else
	// is an actor name, matched whole and without regard to case ("Taliban").
	Actor, Source, Target string
	Root                  string // CAMEO root code, "17"
	Code                  string // CAMEO code prefix, "173"
	Quad                  int    // quad class 1-4; 0 for any
	Country               string // ISO alpha-3 of the source, the target or the place
	Since, Until          time.Time
	Text                  string // words that must all appear in the sentence
	Limit                 int    // 0 for no limit
	// StoredOrder yields events in the order they were stored instead of by date: no sort, so a full
	// export streams straight from the table in constant memory.
	StoredOrder bool
}

// Period groups events by time.
type Period string

// Periods for Grouping.
const (
	NoPeriod Period = ""
	Day      Period = "day"
	Week     Period = "week" // weeks start on Monday; labelled by that Monday
	Month    Period = "month"
)

// Key groups events by what happened or between whom.
type Key string

// Keys for Grouping.
const (
	NoKey Key = ""
	Root  Key = "root"
	Quad  Key = "quad"
	Dyad  Key = "dyad" // source country and target country, "USA-AFG"
)

// Grouping is an aggregate's GROUP BY.
type Grouping struct {
	Period Period
	Key    Key
}

// ParseGrouping reads --by values: any of day, week, month and root, quad, dyad, at most one of each kind.
func ParseGrouping(values []string) (Grouping, error) {
	var g Grouping
	for _, v := range values {
		switch p := Period(v); p {
		case Day, Week, Month:
			if g.Period != NoPeriod {
				return g, fmt.Errorf("--by: two periods (%s, %s)", g.Period, p)
			}
			g.Period = p
			continue
		}
		switch k := Key(v); k {
		case Root, Quad, Dyad:
			if g.Key != NoKey {
				return g, fmt.Errorf("--by: two keys (%s, %s)", g.Key, k)
			}
			g.Key = k
			continue
		}
		return g, fmt.Errorf("--by %q: want day, week, month, root, quad or dyad", v)
	}
	return g, nil
}

// Bucket is one group of an aggregate.
type Bucket struct {
	Period    string  // "2021-08-23" (a day, or a week's Monday), "2021-08"; "" without a period; "unknown" for undated events
	Key       string  // "17", "4", "USA-AFG"; "" without a key
	Events    int     // events in the group
	Articles  int     // articles reporting them (sum of num_articles)
	Goldstein float64 // mean Goldstein score
}

// Stats counts what a store holds.
type Stats struct {
	Documents int // every document, copies included
	Stories   int
	Events    int
	Actors    int
	Schema    int // schema version
}

// Errors a Store returns; test with errors.Is or errors.As.
var (
	ErrNotFound = errors.New("not found")
	ErrReadOnly = errors.New("the database is read-only")
	ErrLocked   = errors.New("the database is locked by another process")
	ErrFull     = errors.New("the disk or database is full")
)

// SchemaError refuses a database written by a newer dyad.
type SchemaError struct{ Have, Want int }

func (e *SchemaError) Error() string {
	return fmt.Sprintf("database schema version %d is newer than this dyad (%d); upgrade dyad", e.Have, e.Want)
}
