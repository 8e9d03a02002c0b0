package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/event"
)

// eventColumns are the events table's columns as Put writes them and Events reads them, in one order.
// Only what a filter, an aggregate or the full-text index reads has a column of its own; the rest of
// an event is one JSON object in detail (see appendDetail), so that storing an event binds 19 values,
// not 60. An absent actor or place is NULL in its columns.
var eventColumns = []string{
	"id", "doc_id", "story_id", "sentence",
	"source_code", "source_country", "source_name", "target_code", "target_country", "target_name",
	"cameo", "root", "quad_class", "goldstein", "day", "week", "location_country",
	"detail", "num_articles", "num_sources", "added",
}

// appendEventArgs appends the values of eventColumns for e, an event of document docID (which wins
// over e.DocID should a coder disagree: an event belongs to the document it was coded from), and
// returns buf reused for the event's detail. Integers go as int64, which database/sql passes on without
// converting them by reflection.
func appendEventArgs(args []any, buf []byte, e *event.Event, docID, story string, added int64) ([]any, []byte, error) {
	args = append(args, e.ID, docID, story, e.Sentence)
	args = appendActorArgs(args, e.Source)
	args = appendActorArgs(args, e.Target)
	day := eventDay(e)
	args = append(args, e.CAMEO, e.Root, int64(e.QuadClass), e.Goldstein, day, weekOf(day))
	if l := e.Location; l != nil {
		args = append(args, l.Country)
	} else {
		args = append(args, nil)
	}
	buf, err := appendDetail(buf[:0], e)
	if err != nil {
		return nil, buf, fmt.Errorf("event %s: %w", e.ID, err)
	}
	return append(args, string(buf), added), buf, nil // num_articles and num_sources are 1 in the INSERT itself
}

func appendActorArgs(args []any, a *event.Actor) []any {
	if a == nil {
		return append(args, nil, nil, nil)
	}
	return append(args, a.Code, a.Country, a.Name)
}

// errNotFinite refuses a number JSON cannot hold (and SQL would store as NULL).
var errNotFinite = errors.New("a number is NaN or infinite")

// appendDetail appends the JSON object of e's fields that have no column of their own, written by
// hand: encoding/json cost more than the rest of building the row. Keys are those of event.Event's
// JSON, so the object decodes into the event; zero values are left out (decoding leaves them zero),
// except agents, where [] and null differ. Key order and layout are free: a reader must not rely on
// them (the schema-3 migration writes the same object with SQL's JSON functions).
func appendDetail(b []byte, e *event.Event) ([]byte, error) {
	o := beginObject(b)
	o.str(`"url":`, e.URL)
	o.str(`"publisher":`, e.Publisher)
	o.str(`"published":`, e.Published)
	o.int(`"sentence_index":`, e.SentenceIndex)
	o.int(`"sentence_start":`, e.SentenceStart)
	for _, side := range [2]struct {
		key string
		a   *event.Actor
	}{{`"source":`, e.Source}, {`"target":`, e.Target}} {
		a := side.a
		if a == nil {
			continue
		}
		o.key(side.key)
		in := beginObject(o.b)
		if a.Agents != nil {
			in.key(`"agents":`)
			in.b = append(in.b, '[')
			for i, g := range a.Agents {
				if i > 0 {
					in.b = append(in.b, ',')
				}
				in.b = appendString(in.b, g)
			}
			in.b = append(in.b, ']')
		}
		in.str(`"text":`, a.Text)
		in.int(`"start":`, a.Start)
		in.int(`"end":`, a.End)
		in.str(`"via":`, a.Via)
		in.str(`"group":`, a.Group)
		o.b = in.end()
	}
	o.str(`"cameo_name":`, e.CAMEOName)
	if e.PLOVER != (event.PLOVER{}) {
		o.key(`"plover":`)
		in := beginObject(o.b)
		in.str(`"type":`, e.PLOVER.Type)
		in.str(`"mode":`, e.PLOVER.Mode)
		o.b = in.end()
	}
	if e.Verb != (event.Verb{}) {
		o.key(`"verb":`)
		in := beginObject(o.b)
		in.str(`"text":`, e.Verb.Text)
		in.str(`"lemma":`, e.Verb.Lemma)
		in.int(`"start":`, e.Verb.Start)
		in.int(`"end":`, e.Verb.End)
		o.b = in.end()
	}
	o.str(`"modality":`, e.Modality)
	if e.Negated {
		o.key(`"negated":`)
		o.b = append(o.b, "true"...)
	}
	if a := e.Attribution; a != nil {
		o.key(`"attribution":`)
		in := beginObject(o.b)
		in.str(`"name":`, a.Name)
		in.str(`"text":`, a.Text)
		in.int(`"start":`, a.Start)
		in.int(`"end":`, a.End)
		o.b = in.end()
	}
	o.float(`"confidence":`, e.Confidence)
	o.str(`"date":`, e.Date)
	o.str(`"date_precision":`, e.DatePrecision)
	o.str(`"date_text":`, e.DateText)
	if l := e.Location; l != nil {
		o.key(`"location":`)
		in := beginObject(o.b)
		in.str(`"name":`, l.Name)
		in.str(`"admin1":`, l.Admin1)
		in.float(`"lat":`, l.Lat)
		in.float(`"lon":`, l.Lon)
		in.str(`"precision":`, l.Precision)
		if l.Approximate {
			in.key(`"approximate":`)
			in.b = append(in.b, "true"...)
		}
		in.str(`"text":`, l.Text)
		in.str(`"from":`, l.From)
		if in.err != nil {
			return o.b, fmt.Errorf("location: %w", in.err)
		}
		o.b = in.end()
	}
	if e.Explain != nil {
		x, err := json.Marshal(e.Explain)
		if err != nil {
			return o.b, fmt.Errorf("explanation: %w", err)
		}
		o.key(`"explain":`)
		o.b = append(o.b, x...)
	}
	if o.err != nil {
		return o.b, o.err
	}
	return o.end(), nil
}

// object writes the members of a JSON object after b: each member goes in with a leading comma, and
// end turns the first comma into the opening brace.
type object struct {
	b     []byte
	start int
	err   error
}

func beginObject(b []byte) object { return object{b: b, start: len(b)} }

func (o *object) key(k string) {
	o.b = append(o.b, ',')
	o.b = append(o.b, k...)
}

func (o *object) str(k, v string) {
	if v != "" {
		o.key(k)
		o.b = appendString(o.b, v)
	}
}

func (o *object) int(k string, v int) {
	if v != 0 {
		o.key(k)
		o.b = strconv.AppendInt(o.b, int64(v), 10)
	}
}

func (o *object) float(k string, v float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		o.err = fmt.Errorf("%s %v: %w", strings.Trim(k, `":`), v, errNotFinite)
		return
	}
	if v != 0 {
		o.key(k)
		o.b = strconv.AppendFloat(o.b, v, 'g', -1, 64) // the shortest form that reads back exactly
	}
}

func (o *object) end() []byte {
	if len(o.b) == o.start {
		return append(o.b, "{}"...)
	}
	o.b[o.start] = '{'
	return append(o.b, '}')
}

// appendString appends s as a JSON string. Bytes that are not UTF-8 become U+FFFD, as encoding/json
// writes them.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

const hex = "0123456789abcdef"

// row holds one events row while it is scanned; its nullable parts tell absent from empty.
type row struct {
	seq                 int64
	e                   event.Event
	story               string
	srcCode, srcCountry sql.NullString
	srcName             sql.NullString
	tgtCode, tgtCountry sql.NullString
	tgtName             sql.NullString
	locCountry          sql.NullString
	day, week           int64
	detail              sql.RawBytes // valid until the next row: decoded at once
	articles, sources   int
	added               int64
}

// dest returns scan destinations in eventColumns order, after the leading seq.
func (r *row) dest() []any {
	e := &r.e
	return []any{&r.seq, &e.ID, &e.DocID, &r.story, &e.Sentence,
		&r.srcCode, &r.srcCountry, &r.srcName, &r.tgtCode, &r.tgtCountry, &r.tgtName,
		&e.CAMEO, &e.Root, &e.QuadClass, &e.Goldstein, &r.day, &r.week, &r.locCountry,
		&r.detail, &r.articles, &r.sources, &r.added}
}

// record builds the Record of a scanned row: the columns, then the detail decoded into the event they
// began (an actor or place present in the columns receives the rest of its fields).
func (r *row) record() (*Record, error) {
	rec := &Record{Event: r.e, Story: r.story, Count: event.Counts{Mentions: r.articles, Sources: r.sources, Articles: r.articles},
		Added: time.Unix(r.added, 0).UTC()}
	if r.day != 0 {
		rec.Day = dayTime(r.day)
	}
	e := &rec.Event
	if r.srcCode.Valid {
		e.Source = &event.Actor{Code: r.srcCode.String, Country: r.srcCountry.String, Name: r.srcName.String}
	}
	if r.tgtCode.Valid {
		e.Target = &event.Actor{Code: r.tgtCode.String, Country: r.tgtCountry.String, Name: r.tgtName.String}
	}
	if r.locCountry.Valid {
		e.Location = &event.Location{Country: r.locCountry.String}
	}
	if err := json.Unmarshal(r.detail, e); err != nil {
		return nil, fmt.Errorf("event %s: detail: %w", e.ID, err)
	}
	return rec, nil
}

// eventDay is the day an event is filed under, as YYYYMMDD: the start of its own date ("2010-03" is
// 20100301, "1980/1989" is 19800101), else its publication day, else 0 (undated).
func eventDay(e *event.Event) int64 {
	if d := parseDay(e.Date); d != 0 {
		return d
	}
	return parseDay(e.Published)
}

// parseDay reads the start of an ISO date or range ("2021-08-23", "2021-08", "2021", "2021-08-23T10:00Z").
func parseDay(s string) int64 {
	if i := strings.IndexByte(s, '/'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 10 {
		s = s[:10]
	}
	y, m, d := 0, 1, 1
	var err error
	switch len(s) {
	case 4:
		y, err = strconv.Atoi(s)
	case 7:
		if s[4] != '-' {
			return 0
		}
		if y, err = strconv.Atoi(s[:4]); err == nil {
			m, err = strconv.Atoi(s[5:7])
		}
	case 10:
		t, perr := time.Parse("2006-01-02", s)
		if perr != nil {
			return 0
		}
		y, m, d = t.Year(), int(t.Month()), t.Day()
	default:
		return 0
	}
	if err != nil || y < 1 || y > 9999 || m < 1 || m > 12 {
		return 0
	}
	return int64(y*10000 + m*100 + d)
}

// weekOf returns the Monday on or before day (YYYYMMDD), 0 for 0.
func weekOf(day int64) int64 {
	if day == 0 {
		return 0
	}
	t := dayTime(day)
	back := (int(t.Weekday()) + 6) % 7 // days since Monday
	return timeDay(t.AddDate(0, 0, -back))
}

func dayTime(day int64) time.Time {
	return time.Date(int(day/10000), time.Month(day/100%100), int(day%100), 0, 0, 0, 0, time.UTC)
}

func timeDay(t time.Time) int64 { return int64(t.Year()*10000 + int(t.Month())*100 + t.Day()) }

// formatDay writes YYYYMMDD as 2006-01-02.
func formatDay(day int64) string {
	return fmt.Sprintf("%04d-%02d-%02d", day/10000, day/100%100, day%100)
}
