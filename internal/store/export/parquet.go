package export

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/snappy"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/store"
)

// Row is one Parquet row: every field of a stored event in a typed column. Absent actors,
// attributions and places leave their columns null.
type Row struct {
	ID            string `parquet:"id"`
	DocID         string `parquet:"doc_id"`
	StoryID       string `parquet:"story_id"`
	URL           string `parquet:"url"`
	Publisher     string `parquet:"publisher"`
	Published     string `parquet:"published"`
	SentenceIndex int32  `parquet:"sentence_index"`
	Sentence      string `parquet:"sentence"`
	SentenceStart int32  `parquet:"sentence_start"`

	SourceCode    *string  `parquet:"source_code,optional"`
	SourceCountry *string  `parquet:"source_country,optional"`
	SourceAgents  []string `parquet:"source_agents,list"`
	SourceName    *string  `parquet:"source_name,optional"`
	SourceText    *string  `parquet:"source_text,optional"`
	SourceStart   *int32   `parquet:"source_start,optional"`
	SourceEnd     *int32   `parquet:"source_end,optional"`
	SourceVia     *string  `parquet:"source_via,optional"`
	SourceGroup   *string  `parquet:"source_group,optional"`

	TargetCode    *string  `parquet:"target_code,optional"`
	TargetCountry *string  `parquet:"target_country,optional"`
	TargetAgents  []string `parquet:"target_agents,list"`
	TargetName    *string  `parquet:"target_name,optional"`
	TargetText    *string  `parquet:"target_text,optional"`
	TargetStart   *int32   `parquet:"target_start,optional"`
	TargetEnd     *int32   `parquet:"target_end,optional"`
	TargetVia     *string  `parquet:"target_via,optional"`
	TargetGroup   *string  `parquet:"target_group,optional"`

	CAMEO      string  `parquet:"cameo"`
	CAMEOName  string  `parquet:"cameo_name"`
	Root       string  `parquet:"root"`
	QuadClass  int32   `parquet:"quad_class"`
	Goldstein  float64 `parquet:"goldstein"`
	PLOVERType string  `parquet:"plover_type"`
	PLOVERMode string  `parquet:"plover_mode"`
	VerbText   string  `parquet:"verb_text"`
	VerbLemma  string  `parquet:"verb_lemma"`
	VerbStart  int32   `parquet:"verb_start"`
	VerbEnd    int32   `parquet:"verb_end"`
	Modality   string  `parquet:"modality"`
	Negated    bool    `parquet:"negated"`

	AttributionName  *string `parquet:"attribution_name,optional"`
	AttributionText  *string `parquet:"attribution_text,optional"`
	AttributionStart *int32  `parquet:"attribution_start,optional"`
	AttributionEnd   *int32  `parquet:"attribution_end,optional"`

	Confidence    float64 `parquet:"confidence"`
	Date          string  `parquet:"date"`
	DatePrecision string  `parquet:"date_precision"`
	DateText      string  `parquet:"date_text"`
	Day           *int32  `parquet:"day,date"` // the day the event is filed under, days since 1970-01-01

	LocationName      *string  `parquet:"location_name,optional"`
	LocationAdmin1    *string  `parquet:"location_admin1,optional"`
	LocationCountry   *string  `parquet:"location_country,optional"`
	LocationLat       *float64 `parquet:"location_lat,optional"`
	LocationLon       *float64 `parquet:"location_lon,optional"`
	LocationPrecision *string  `parquet:"location_precision,optional"`
	LocationText      *string  `parquet:"location_text,optional"`
	LocationFrom      *string  `parquet:"location_from,optional"`
	LocationApprox    *bool    `parquet:"location_approximate,optional"`

	Explain     *string   `parquet:"explain,optional"` // JSON of the explanation, when asked for
	NumArticles int32     `parquet:"num_articles"`
	NumSources  int32     `parquet:"num_sources"`
	Added       time.Time `parquet:"added,timestamp(millisecond)"`
}

// rowGroupRows bounds the rows held in memory before a row group is written out.
const rowGroupRows = 5_000

type parquetWriter struct {
	w   *parquet.GenericWriter[Row]
	buf []Row
}

func newParquetWriter(w io.Writer) *parquetWriter {
	return &parquetWriter{
		w: parquet.NewGenericWriter[Row](w, parquet.Compression(&snappy.Codec{}),
			parquet.MaxRowsPerRowGroup(rowGroupRows), parquet.CreatedBy("dyad", "", "")),
		buf: make([]Row, 0, 256),
	}
}

func (p *parquetWriter) Write(r *store.Record) error {
	row, err := RowOf(r)
	if err != nil {
		return err
	}
	p.buf = append(p.buf, row)
	if len(p.buf) == cap(p.buf) {
		return p.flush()
	}
	return nil
}

func (p *parquetWriter) flush() error {
	if len(p.buf) == 0 {
		return nil
	}
	if _, err := p.w.Write(p.buf); err != nil {
		return fmt.Errorf("parquet: %w", err)
	}
	clear(p.buf) // drop references to the written strings
	p.buf = p.buf[:0]
	return nil
}

func (p *parquetWriter) Close() error {
	if err := p.flush(); err != nil {
		return err
	}
	if err := p.w.Close(); err != nil {
		return fmt.Errorf("parquet: %w", err)
	}
	return nil
}

func ptr[T any](v T) *T { return &v }

// RowOf flattens a record into a Parquet row.
func RowOf(r *store.Record) (Row, error) {
	e := &r.Event
	row := Row{
		ID: e.ID, DocID: e.DocID, StoryID: r.Story, URL: e.URL, Publisher: e.Publisher, Published: e.Published,
		SentenceIndex: int32(e.SentenceIndex), Sentence: e.Sentence, SentenceStart: int32(e.SentenceStart),
		CAMEO: e.CAMEO, CAMEOName: e.CAMEOName, Root: e.Root, QuadClass: int32(e.QuadClass), Goldstein: e.Goldstein,
		PLOVERType: e.PLOVER.Type, PLOVERMode: e.PLOVER.Mode, VerbText: e.Verb.Text, VerbLemma: e.Verb.Lemma,
		VerbStart: int32(e.Verb.Start), VerbEnd: int32(e.Verb.End), Modality: e.Modality, Negated: e.Negated,
		Confidence: e.Confidence, Date: e.Date, DatePrecision: e.DatePrecision, DateText: e.DateText,
		NumArticles: int32(r.Count.Articles), NumSources: int32(r.Count.Sources), Added: r.Added,
	}
	if a := e.Source; a != nil {
		row.SourceCode, row.SourceCountry, row.SourceAgents, row.SourceName = &a.Code, &a.Country, a.Agents, &a.Name
		row.SourceText, row.SourceStart, row.SourceEnd = &a.Text, ptr(int32(a.Start)), ptr(int32(a.End))
		row.SourceVia, row.SourceGroup = &a.Via, &a.Group
	}
	if a := e.Target; a != nil {
		row.TargetCode, row.TargetCountry, row.TargetAgents, row.TargetName = &a.Code, &a.Country, a.Agents, &a.Name
		row.TargetText, row.TargetStart, row.TargetEnd = &a.Text, ptr(int32(a.Start)), ptr(int32(a.End))
		row.TargetVia, row.TargetGroup = &a.Via, &a.Group
	}
	if a := e.Attribution; a != nil {
		row.AttributionName, row.AttributionText = &a.Name, &a.Text
		row.AttributionStart, row.AttributionEnd = ptr(int32(a.Start)), ptr(int32(a.End))
	}
	if !r.Day.IsZero() {
		// Written as days since the epoch: parquet-go v0.32 mis-encodes *time.Time into DATE columns.
		row.Day = ptr(int32(r.Day.Unix() / 86400))
	}
	if l := e.Location; l != nil {
		row.LocationName, row.LocationAdmin1, row.LocationCountry = &l.Name, &l.Admin1, &l.Country
		row.LocationLat, row.LocationLon, row.LocationPrecision = &l.Lat, &l.Lon, &l.Precision
		row.LocationText, row.LocationFrom, row.LocationApprox = &l.Text, &l.From, &l.Approximate
	}
	if e.Explain != nil {
		b, err := json.Marshal(e.Explain)
		if err != nil {
			return row, fmt.Errorf("event %s: explanation: %w", e.ID, err)
		}
		row.Explain = ptr(string(b))
	}
	return row, nil
}

// Event rebuilds the event of a row: the inverse of RowOf, for readers and tests.
func (row *Row) Event() (event.Event, error) {
	e := event.Event{
		ID: row.ID, DocID: row.DocID, URL: row.URL, Publisher: row.Publisher, Published: row.Published,
		SentenceIndex: int(row.SentenceIndex), Sentence: row.Sentence, SentenceStart: int(row.SentenceStart),
		CAMEO: row.CAMEO, CAMEOName: row.CAMEOName, Root: row.Root, QuadClass: int(row.QuadClass), Goldstein: row.Goldstein,
		PLOVER:   event.PLOVER{Type: row.PLOVERType, Mode: row.PLOVERMode},
		Verb:     event.Verb{Text: row.VerbText, Lemma: row.VerbLemma, Start: int(row.VerbStart), End: int(row.VerbEnd)},
		Modality: row.Modality, Negated: row.Negated, Confidence: row.Confidence, Date: row.Date,
		DatePrecision: row.DatePrecision, DateText: row.DateText,
	}
	if row.SourceCode != nil {
		e.Source = &event.Actor{Code: *row.SourceCode, Country: deref(row.SourceCountry), Agents: row.SourceAgents,
			Name: deref(row.SourceName), Text: deref(row.SourceText), Start: int(deref(row.SourceStart)),
			End: int(deref(row.SourceEnd)), Via: deref(row.SourceVia), Group: deref(row.SourceGroup)}
	}
	if row.TargetCode != nil {
		e.Target = &event.Actor{Code: *row.TargetCode, Country: deref(row.TargetCountry), Agents: row.TargetAgents,
			Name: deref(row.TargetName), Text: deref(row.TargetText), Start: int(deref(row.TargetStart)),
			End: int(deref(row.TargetEnd)), Via: deref(row.TargetVia), Group: deref(row.TargetGroup)}
	}
	if row.AttributionName != nil {
		e.Attribution = &event.Attribution{Name: *row.AttributionName, Text: deref(row.AttributionText),
			Start: int(deref(row.AttributionStart)), End: int(deref(row.AttributionEnd))}
	}
	if row.LocationName != nil {
		e.Location = &event.Location{Name: *row.LocationName, Admin1: deref(row.LocationAdmin1), Country: deref(row.LocationCountry),
			Lat: deref(row.LocationLat), Lon: deref(row.LocationLon), Precision: deref(row.LocationPrecision),
			Text: deref(row.LocationText), From: deref(row.LocationFrom), Approximate: deref(row.LocationApprox)}
	}
	if row.Explain != nil {
		e.Explain = &event.Explanation{}
		if err := json.Unmarshal([]byte(*row.Explain), e.Explain); err != nil {
			return e, fmt.Errorf("event %s: explanation: %w", e.ID, err)
		}
	}
	return e, nil
}

// DayTime returns the row's day as a time, zero when undated.
func (row *Row) DayTime() time.Time {
	if row.Day == nil {
		return time.Time{}
	}
	return time.Unix(int64(*row.Day)*86400, 0).UTC()
}

func deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}
