package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/event"
)

// eventColumns are the events table's columns as Put writes them and Events reads them, in one order.
// An absent actor, attribution or place is NULL in all of its columns.
var eventColumns = []string{
	"id", "doc_id", "story_id", "url", "publisher", "published", "sentence_index", "sentence", "sentence_start",
	"source_code", "source_country", "source_agents", "source_name", "source_text", "source_start", "source_end", "source_via", "source_group",
	"target_code", "target_country", "target_agents", "target_name", "target_text", "target_start", "target_end", "target_via", "target_group",
	"cameo", "cameo_name", "root", "quad_class", "goldstein", "plover_type", "plover_mode",
	"verb_text", "verb_lemma", "verb_start", "verb_end", "modality", "negated",
	"attribution_name", "attribution_text", "attribution_start", "attribution_end",
	"confidence", "date", "date_precision", "date_text", "day", "week",
	"location_name", "location_admin1", "location_country", "location_lat", "location_lon", "location_precision", "location_text", "location_from",
	"location_approximate", "explain", "num_articles", "num_sources", "added",
}

// appendEventArgs appends the values of eventColumns for e, an event of document docID (which wins
// over e.DocID should a coder disagree: an event belongs to the document it was coded from). Integers
// go as int64, which database/sql passes on without converting them by reflection.
func appendEventArgs(args []any, e *event.Event, docID, story string, added int64) ([]any, error) {
	args = append(args, e.ID, docID, story, e.URL, e.Publisher, e.Published, int64(e.SentenceIndex), e.Sentence, int64(e.SentenceStart))
	args = appendActorArgs(args, e.Source)
	args = appendActorArgs(args, e.Target)
	args = append(args, e.CAMEO, e.CAMEOName, e.Root, int64(e.QuadClass), e.Goldstein, e.PLOVER.Type, e.PLOVER.Mode,
		e.Verb.Text, e.Verb.Lemma, int64(e.Verb.Start), int64(e.Verb.End), e.Modality, e.Negated)
	if a := e.Attribution; a != nil {
		args = append(args, a.Name, a.Text, int64(a.Start), int64(a.End))
	} else {
		args = append(args, nil, nil, nil, nil)
	}
	day := eventDay(e)
	args = append(args, e.Confidence, e.Date, e.DatePrecision, e.DateText, day, weekOf(day))
	if l := e.Location; l != nil {
		args = append(args, l.Name, l.Admin1, l.Country, l.Lat, l.Lon, l.Precision, l.Text, l.From, l.Approximate)
	} else {
		args = append(args, nil, nil, nil, nil, nil, nil, nil, nil, nil)
	}
	var explain any
	if e.Explain != nil {
		b, err := json.Marshal(e.Explain)
		if err != nil {
			return nil, fmt.Errorf("event %s: explanation: %w", e.ID, err)
		}
		explain = string(b)
	}
	return append(args, explain, added), nil // num_articles and num_sources are 1 in the INSERT itself
}

func appendActorArgs(args []any, a *event.Actor) []any {
	if a == nil {
		return append(args, nil, nil, nil, nil, nil, nil, nil, nil, nil)
	}
	return append(args, a.Code, a.Country, agentsJSON(a.Agents), a.Name, a.Text, int64(a.Start), int64(a.End), a.Via, a.Group)
}

// agentsJSON encodes agent codes as json.Marshal does. Codes are letters and digits, so the usual
// case needs no escaping and no encoder; anything else goes through encoding/json.
func agentsJSON(agents []string) string {
	switch {
	case agents == nil:
		return "null"
	case len(agents) == 0:
		return "[]"
	case len(agents) == 1 && plain(agents[0]):
		return `["` + agents[0] + `"]`
	}
	n := 1
	for _, a := range agents {
		if !plain(a) {
			b, err := json.Marshal(agents)
			if err != nil { // cannot happen: every []string encodes
				return "null"
			}
			return string(b)
		}
		n += len(a) + 3
	}
	b := make([]byte, 0, n)
	b = append(b, '[')
	for i, a := range agents {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, a...)
		b = append(b, '"')
	}
	return string(append(b, ']'))
}

// plain tells whether s is ASCII letters and digits only: the same in JSON as in Go.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// row holds one events row while it is scanned; its nullable parts tell absent from empty.
type row struct {
	seq                                     int64
	e                                       event.Event
	story                                   string
	src, tgt                                actorRow
	attName, attText                        sql.NullString
	attStart, attEnd                        sql.NullInt64
	day, week                               int64
	locName, locAdmin1, locCountry, locPrec sql.NullString
	locText, locFrom                        sql.NullString
	locLat, locLon                          sql.NullFloat64
	locApprox                               sql.NullBool
	explain                                 sql.NullString
	articles, sources                       int
	added                                   int64
}

type actorRow struct {
	code, country, agents, name, text, via, group sql.NullString
	start, end                                    sql.NullInt64
}

func (a *actorRow) dest() []any {
	return []any{&a.code, &a.country, &a.agents, &a.name, &a.text, &a.start, &a.end, &a.via, &a.group}
}

func (a *actorRow) actor() (*event.Actor, error) {
	if !a.code.Valid {
		return nil, nil
	}
	act := &event.Actor{Code: a.code.String, Country: a.country.String, Name: a.name.String, Text: a.text.String,
		Start: int(a.start.Int64), End: int(a.end.Int64), Via: a.via.String, Group: a.group.String}
	if err := json.Unmarshal([]byte(a.agents.String), &act.Agents); err != nil {
		return nil, fmt.Errorf("actor %s agents: %w", act.Code, err)
	}
	return act, nil
}

// dest returns scan destinations in eventColumns order, after the leading seq.
func (r *row) dest() []any {
	e := &r.e
	d := []any{&r.seq, &e.ID, &e.DocID, &r.story, &e.URL, &e.Publisher, &e.Published, &e.SentenceIndex, &e.Sentence, &e.SentenceStart}
	d = append(d, r.src.dest()...)
	d = append(d, r.tgt.dest()...)
	d = append(d, &e.CAMEO, &e.CAMEOName, &e.Root, &e.QuadClass, &e.Goldstein, &e.PLOVER.Type, &e.PLOVER.Mode,
		&e.Verb.Text, &e.Verb.Lemma, &e.Verb.Start, &e.Verb.End, &e.Modality, &e.Negated,
		&r.attName, &r.attText, &r.attStart, &r.attEnd,
		&e.Confidence, &e.Date, &e.DatePrecision, &e.DateText, &r.day, &r.week,
		&r.locName, &r.locAdmin1, &r.locCountry, &r.locLat, &r.locLon, &r.locPrec, &r.locText, &r.locFrom, &r.locApprox,
		&r.explain, &r.articles, &r.sources, &r.added)
	return d
}

// record builds the Record of a scanned row.
func (r *row) record() (*Record, error) {
	rec := &Record{Event: r.e, Story: r.story, Count: event.Counts{Mentions: r.articles, Sources: r.sources, Articles: r.articles},
		Added: time.Unix(r.added, 0).UTC()}
	if r.day != 0 {
		rec.Day = dayTime(r.day)
	}
	e := &rec.Event
	var err error
	if e.Source, err = r.src.actor(); err != nil {
		return nil, err
	}
	if e.Target, err = r.tgt.actor(); err != nil {
		return nil, err
	}
	if r.attName.Valid {
		e.Attribution = &event.Attribution{Name: r.attName.String, Text: r.attText.String, Start: int(r.attStart.Int64), End: int(r.attEnd.Int64)}
	}
	if r.locName.Valid {
		e.Location = &event.Location{Name: r.locName.String, Admin1: r.locAdmin1.String, Country: r.locCountry.String,
			Lat: r.locLat.Float64, Lon: r.locLon.Float64, Precision: r.locPrec.String, Text: r.locText.String, From: r.locFrom.String,
			Approximate: r.locApprox.Bool}
	}
	if r.explain.Valid {
		e.Explain = &event.Explanation{}
		if err := json.Unmarshal([]byte(r.explain.String), e.Explain); err != nil {
			return nil, fmt.Errorf("event %s: explanation: %w", e.ID, err)
		}
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
