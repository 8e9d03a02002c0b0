package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/store"
)

// Writer writes records in one format; Close flushes (and for Parquet writes the footer).
type Writer interface {
	Write(r *store.Record) error
	Close() error
}

// Formats lists what New accepts.
var Formats = []string{"table", "csv", "jsonl", "parquet", "gdelt"}

// New returns a writer of format to w.
func New(w io.Writer, format string) (Writer, error) {
	switch format {
	case "table":
		return &tableWriter{w: bufio.NewWriter(w)}, nil
	case "csv":
		return &csvWriter{cw: csv.NewWriter(w), flat: true}, nil
	case "gdelt":
		cw := csv.NewWriter(w)
		cw.Comma = '\t'
		return &csvWriter{cw: cw}, nil
	case "jsonl", "json":
		bw := bufio.NewWriter(w)
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		return &jsonlWriter{bw: bw, enc: enc}, nil
	case "parquet":
		return newParquetWriter(w), nil
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// StoreColumns follow event.FlatColumns in CSV output: what the store adds to a coded event.
var StoreColumns = []string{"story_id", "num_articles", "num_sources", "added"}

type csvWriter struct {
	cw     *csv.Writer
	flat   bool // dyad's flat columns with a header; otherwise GDELT rows without one
	header bool
	row    []string
}

func (c *csvWriter) Write(r *store.Record) error {
	if c.flat {
		if !c.header {
			c.header = true
			if err := c.cw.Write(append(append([]string(nil), event.FlatColumns...), StoreColumns...)); err != nil {
				return err
			}
		}
		c.row = event.Flat(&r.Event, c.row[:0])
		c.row = append(c.row, r.Story, strconv.Itoa(r.Count.Articles), strconv.Itoa(r.Count.Sources), r.Added.Format(time.RFC3339))
	} else {
		c.row = event.GDELTCounts(&r.Event, r.Count, r.Added.Format("20060102150405"), c.row[:0])
	}
	return c.cw.Write(c.row)
}

func (c *csvWriter) Close() error {
	c.cw.Flush()
	return c.cw.Error()
}

// jsonRecord is an event's JSON with the store's fields after it.
type jsonRecord struct {
	*event.Event
	Story       string    `json:"story_id"`
	NumArticles int       `json:"num_articles"`
	NumSources  int       `json:"num_sources"`
	Added       time.Time `json:"added"`
}

type jsonlWriter struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

func (j *jsonlWriter) Write(r *store.Record) error {
	return j.enc.Encode(jsonRecord{Event: &r.Event, Story: r.Story, NumArticles: r.Count.Articles, NumSources: r.Count.Sources, Added: r.Added})
}

func (j *jsonlWriter) Close() error { return j.bw.Flush() }

// tableWriter prints fixed-width columns as it goes (a tabwriter would hold every row until the end).
type tableWriter struct {
	w      *bufio.Writer
	header bool
}

const tableFormat = "%-10s  %-12s  %-5s  %-12s  %6s  %4s  %s\n"

func (t *tableWriter) Write(r *store.Record) error {
	if !t.header {
		t.header = true
		fmt.Fprintf(t.w, tableFormat, "DATE", "SOURCE", "CAMEO", "TARGET", "GOLD", "ARTS", "SENTENCE")
	}
	date := r.Event.Date
	if date == "" && !r.Day.IsZero() {
		date = r.Day.Format("2006-01-02")
	}
	_, err := fmt.Fprintf(t.w, tableFormat, clip(date, 10), clip(actorCode(r.Event.Source), 12), clip(r.Event.CAMEO, 5),
		clip(actorCode(r.Event.Target), 12), strconv.FormatFloat(r.Event.Goldstein, 'f', 1, 64), strconv.Itoa(r.Count.Articles),
		clip(r.Event.Sentence, 80))
	return err
}

func (t *tableWriter) Close() error { return t.w.Flush() }

func actorCode(a *event.Actor) string {
	if a == nil {
		return "-"
	}
	return a.Code
}

// clip shortens s to n characters with an ellipsis, and puts it on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)
	return string(rs[:n-1]) + "…"
}
