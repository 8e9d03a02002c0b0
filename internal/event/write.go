package event

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/biter777/countries"
)

// Writer writes events in one format. Close flushes.
type Writer interface {
	Write(e *Event) error
	Close() error
}

// Formats lists the output formats NewWriter knows.
var Formats = []string{"jsonl", "csv", "tsv"}

// NewWriter returns a writer for format: jsonl, csv, or tsv (GDELT 2.0 event-table columns).
func NewWriter(w io.Writer, format string) (Writer, error) {
	switch format {
	case "jsonl", "json":
		bw := bufio.NewWriter(w)
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		return &jsonlWriter{bw: bw, enc: enc}, nil
	case "csv":
		cw := csv.NewWriter(w)
		return &csvWriter{cw: cw, flat: true}, nil
	case "tsv", "gdelt":
		cw := csv.NewWriter(w)
		cw.Comma = '\t'
		return &csvWriter{cw: cw}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

type jsonlWriter struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

func (j *jsonlWriter) Write(e *Event) error { return j.enc.Encode(e) }
func (j *jsonlWriter) Close() error         { return j.bw.Flush() }

type csvWriter struct {
	cw     *csv.Writer
	flat   bool // dyad's flat columns; otherwise GDELT's
	header bool
	row    []string
}

func (c *csvWriter) Write(e *Event) error {
	if c.flat && !c.header {
		c.header = true
		if err := c.cw.Write(FlatColumns); err != nil {
			return err
		}
	}
	if c.flat {
		c.row = Flat(e, c.row[:0])
	} else {
		// GDELT files carry no header; tools expect bare rows
		if !c.header {
			c.header = true
		}
		c.row = GDELT(e, c.row[:0])
	}
	return c.cw.Write(c.row)
}

func (c *csvWriter) Close() error {
	c.cw.Flush()
	return c.cw.Error()
}

// FlatColumns are the CSV columns: every field of an event, flattened.
var FlatColumns = []string{
	"id", "doc_id", "url", "publisher", "published", "sentence_index", "sentence",
	"source_code", "source_country", "source_agents", "source_name", "source_text", "source_start", "source_end",
	"target_code", "target_country", "target_agents", "target_name", "target_text", "target_start", "target_end",
	"cameo", "cameo_name", "root", "quad_class", "goldstein", "plover_type", "plover_mode",
	"verb_text", "verb_lemma", "verb_start", "verb_end", "modality", "negated", "attribution", "attribution_text",
	"confidence", "date", "date_precision", "date_text",
	"location_name", "location_admin1", "location_country", "location_lat", "location_lon", "location_precision", "location_text",
	"location_approximate",
}

func itoa(i int) string     { return strconv.Itoa(i) }
func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func actorCols(a *Actor, row []string) []string {
	if a == nil {
		return append(row, "", "", "", "", "", "", "")
	}
	return append(row, a.Code, a.Country, strings.Join(a.Agents, ";"), a.Name, a.Text, itoa(a.Start), itoa(a.End))
}

// Flat appends the event's FlatColumns values to row.
func Flat(e *Event, row []string) []string {
	row = append(row, e.ID, e.DocID, e.URL, e.Publisher, e.Published, itoa(e.SentenceIndex), e.Sentence)
	row = actorCols(e.Source, row)
	row = actorCols(e.Target, row)
	row = append(row, e.CAMEO, e.CAMEOName, e.Root, itoa(e.QuadClass), ftoa(e.Goldstein), e.PLOVER.Type, e.PLOVER.Mode,
		e.Verb.Text, e.Verb.Lemma, itoa(e.Verb.Start), itoa(e.Verb.End), e.Modality, strconv.FormatBool(e.Negated))
	if e.Attribution != nil {
		row = append(row, e.Attribution.Name, e.Attribution.Text)
	} else {
		row = append(row, "", "")
	}
	row = append(row, ftoa(e.Confidence), e.Date, e.DatePrecision, e.DateText)
	if l := e.Location; l != nil {
		row = append(row, l.Name, l.Admin1, l.Country, ftoa(l.Lat), ftoa(l.Lon), l.Precision, l.Text, strconv.FormatBool(l.Approximate))
	} else {
		row = append(row, "", "", "", "", "", "", "", "")
	}
	return row
}

// GDELTColumns are the 61 columns of the GDELT 2.0 event table, in order.
var GDELTColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// Counts are the GDELT mention counts of an event (1 each for a freshly coded event; the store fills them).
type Counts struct{ Mentions, Sources, Articles int }

// NumericID turns an event ID (hex) into GDELT's numeric GLOBALEVENTID.
func NumericID(id string) uint64 {
	if len(id) > 15 {
		id = id[:15]
	}
	n, err := strconv.ParseUint(id, 16, 64)
	if err != nil {
		return 0
	}
	return n
}

func gdeltActor(a *Actor, row []string) []string {
	if a == nil {
		return append(row, "", "", "", "", "", "", "", "", "", "")
	}
	types := [3]string{}
	for i, ag := range a.Agents {
		if i < 3 {
			types[i] = ag
		}
	}
	group := ""
	if strings.HasPrefix(a.Code, "IGO") && len(a.Code) >= 6 {
		group = a.Code[3:6]
	}
	return append(row, a.Code, strings.ToUpper(a.Name), a.Country, group, "", "", "", types[0], types[1], types[2])
}

// GDELT appends the event as a GDELT 2.0 event-table row. Dates come from the event's own date (GDELT uses
// the story date); a coarser date is written with its unknown parts as 00, the way GDELT writes them.
func GDELT(e *Event, row []string) []string { return GDELTCounts(e, Counts{1, 1, 1}, "", row) }

// GDELTCounts is GDELT with mention counts and a DATEADDED (YYYYMMDDHHMMSS) supplied by a store.
func GDELTCounts(e *Event, n Counts, added string, row []string) []string {
	d := strings.ReplaceAll(e.Date, "-", "")
	if i := strings.IndexByte(d, '/'); i >= 0 {
		d = d[:i] // a range or decade: its start
	}
	for len(d) < 8 && len(d) >= 4 {
		d += "00"
	}
	year, month := "", ""
	if len(d) >= 6 {
		year, month = d[:4], d[:6]
	}
	frac := ""
	if y, err := strconv.Atoi(year); err == nil {
		m, _ := strconv.Atoi(d[4:6])
		dd, _ := strconv.Atoi(d[6:8])
		frac = strconv.FormatFloat(float64(y)+(float64(max(m, 1)-1)*30+float64(max(dd, 1)))/365, 'f', 4, 64)
	}
	if added == "" {
		added = strings.ReplaceAll(e.Published, "-", "") + "000000"
	}
	code := e.CAMEO
	base := code
	if len(base) > 3 {
		base = base[:3]
	}
	row = append(row, strconv.FormatUint(NumericID(e.ID), 10), d, month, year, frac)
	row = gdeltActor(e.Source, row)
	row = gdeltActor(e.Target, row)
	row = append(row, "1", code, base, e.Root, itoa(e.QuadClass), ftoa(e.Goldstein),
		itoa(n.Mentions), itoa(n.Sources), itoa(n.Articles), "")
	empty := []string{"", "", "", "", "", "", "", ""}
	row = append(row, empty...) // Actor1Geo: dyad places events, not actors
	row = append(row, empty...)
	row = append(row, gdeltGeo(e.Location)...)
	return append(row, added, e.URL)
}

// gdeltGeo writes a location as GDELT does: type 1 country, 2 US state, 3 US city, 4 world city, 5 world
// state; FIPS country codes.
func gdeltGeo(l *Location) []string {
	if l == nil {
		return []string{"", "", "", "", "", "", "", ""}
	}
	fips := ""
	if c := countries.ByName(l.Country); c != countries.Unknown {
		fips = c.FIPS()
	}
	typ := "1"
	switch l.Precision {
	case "admin1":
		typ = "5"
		if l.Country == "USA" {
			typ = "2"
		}
	case "city":
		typ = "4"
		if l.Country == "USA" {
			typ = "3"
		}
	}
	name := l.Name
	if l.Admin1 != "" && l.Precision == "city" {
		name += ", " + l.Admin1
	}
	return []string{typ, name, fips, "", "", ftoa(l.Lat), ftoa(l.Lon), ""}
}
