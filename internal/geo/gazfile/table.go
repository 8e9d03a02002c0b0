package gazfile

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Magic is the first line of a place table; the number after the tab is the format version.
const Magic = "#dyad-gazetteer\t1"

// Kinds of place. They are strings so that the table stays readable.
const (
	KindCountry = "country"
	KindAdmin1  = "admin1"
	KindCity    = "city"
	KindRegion  = "region"
)

// maxTable bounds the decompressed size of a table, so that a corrupt or hostile file cannot
// make the reader take all memory. The real table is a few megabytes.
const maxTable = 256 << 20

const numFields = 17

// Record is one place of the table.
type Record struct {
	ID          int    // GeoNames geonameid; negative for places that GeoNames lacks
	Kind        string // one of the Kind constants
	Country     string // ISO 3166-1 alpha-3; empty for regions that span countries
	Country2    string // ISO 3166-1 alpha-2 of Country
	Admin1Code  string // GeoNames admin1 code ("US.TX"); empty when unknown
	Subdivision string // ISO 3166-2 code of the admin1 ("US-TX"); empty when unknown
	Admin1      string // name of the admin1
	Feature     string // GeoNames feature code (PPLC, PPLA, ADM1, PCLI...) or our own (RGN)
	Lat, Lon    float64
	Population  int
	// Rank is the population used to rank places of one name: the place's own population, or
	// for an admin1 without one the summed population of its listed cities.
	Rank int
	// Approximate says that Lat/Lon are not the place's own but its country's.
	Approximate bool
	Name        string
	ASCII       string
	// Preferred are names as good as Name: curated English names ("Britain", "Kyiv") that a
	// lookup should treat like the place's own.
	Preferred  []string
	Alternates []string // other names, in any Latin-script language
}

// Validate reports the first thing wrong with r, or nil.
func (r *Record) Validate() error {
	if err := r.validateValues(); err != nil {
		return err
	}
	return r.validateText()
}

// validateValues checks kinds, codes, numbers and presence. A parsed record needs only these:
// its text fields were split at tabs, line ends and bars, so they cannot hold one.
func (r *Record) validateValues() error {
	switch r.Kind {
	case KindCountry, KindAdmin1, KindCity, KindRegion:
	default:
		return fmt.Errorf("unknown kind %q", r.Kind)
	}
	if r.Name == "" {
		return errors.New("empty name")
	}
	if !(r.Lat >= -90 && r.Lat <= 90 && r.Lon >= -180 && r.Lon <= 180) { // false for NaN too
		return fmt.Errorf("coordinates out of range: %v, %v", r.Lat, r.Lon)
	}
	if r.Population < 0 || r.Rank < 0 {
		return errors.New("negative population")
	}
	if r.Country != "" && !isUpperCode(r.Country, 3) {
		return fmt.Errorf("country %q is not an alpha-3 code", r.Country)
	}
	if (r.Country == "") != (r.Country2 == "") || (r.Country2 != "" && !isUpperCode(r.Country2, 2)) {
		return fmt.Errorf("country codes %q, %q do not go together", r.Country, r.Country2)
	}
	for _, names := range [...][]string{r.Preferred, r.Alternates} {
		for _, a := range names {
			if a == "" {
				return errors.New("empty alternate name")
			}
		}
	}
	return nil
}

// validateText checks that no text field holds a separator of the table.
func (r *Record) validateText() error {
	for _, s := range [...]string{r.Country, r.Country2, r.Admin1Code, r.Subdivision, r.Admin1, r.Feature, r.Name, r.ASCII} {
		if strings.ContainsAny(s, "\t\n\r") {
			return fmt.Errorf("field %q holds a tab or line break", s)
		}
	}
	for _, names := range [...][]string{r.Preferred, r.Alternates} {
		for _, a := range names {
			if strings.ContainsAny(a, "|\t\n\r") {
				return fmt.Errorf("bad alternate name %q", a)
			}
		}
	}
	return nil
}

func isUpperCode(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// Write writes the records as a gzip'd table. header lines (without "#") follow the magic line;
// they say where the data came from. The output depends only on the arguments, so that
// regenerating from the same sources gives the same bytes.
func Write(w io.Writer, header []string, recs []Record) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("gazfile: %w", err)
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(Magic)
	bw.WriteByte('\n')
	for _, h := range header {
		if strings.ContainsAny(h, "\n\r") {
			return fmt.Errorf("gazfile: header line %q holds a line break", h)
		}
		bw.WriteString("# ")
		bw.WriteString(h)
		bw.WriteByte('\n')
	}
	var line []byte
	for i := range recs {
		r := &recs[i]
		if err := r.Validate(); err != nil {
			return fmt.Errorf("gazfile: record %d (%s): %w", r.ID, r.Name, err)
		}
		line = AppendRecord(line[:0], r)
		if _, err := bw.Write(line); err != nil {
			return fmt.Errorf("gazfile: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("gazfile: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("gazfile: %w", err)
	}
	return nil
}

// AppendRecord appends r as one table line, with its newline.
func AppendRecord(b []byte, r *Record) []byte {
	b = strconv.AppendInt(b, int64(r.ID), 10)
	for _, s := range [...]string{r.Kind, r.Country, r.Country2, r.Admin1Code, r.Subdivision, r.Admin1, r.Feature} {
		b = append(b, '\t')
		b = append(b, s...)
	}
	b = append(b, '\t')
	b = strconv.AppendFloat(b, r.Lat, 'f', 5, 64)
	b = append(b, '\t')
	b = strconv.AppendFloat(b, r.Lon, 'f', 5, 64)
	b = append(b, '\t')
	b = strconv.AppendInt(b, int64(r.Population), 10)
	b = append(b, '\t')
	b = strconv.AppendInt(b, int64(r.Rank), 10)
	b = append(b, '\t')
	if r.Approximate {
		b = append(b, 'a')
	} else {
		b = append(b, '-')
	}
	b = append(b, '\t')
	b = append(b, r.Name...)
	b = append(b, '\t')
	b = append(b, r.ASCII...)
	b = append(b, '\t')
	b = appendNames(b, r.Preferred)
	b = append(b, '\t')
	b = appendNames(b, r.Alternates)
	return append(b, '\n')
}

func appendNames(b []byte, names []string) []byte {
	for i, a := range names {
		if i > 0 {
			b = append(b, '|')
		}
		b = append(b, a...)
	}
	return b
}

// Read reads a gzip'd table and calls fn for each record in file order. The *Record and its
// Alternates slice are reused between calls; the strings in it are not, and stay valid.
func Read(r io.Reader, fn func(*Record) error) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return fmt.Errorf("gazfile: %w", err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	if sized, ok := r.(interface{ Len() int }); ok {
		buf.Grow(min(4*sized.Len(), maxTable)) // the table packs about 3:1; skip regrowing
	}
	if _, err := buf.ReadFrom(io.LimitReader(zr, maxTable+1)); err != nil {
		return fmt.Errorf("gazfile: %w", err)
	}
	if buf.Len() > maxTable {
		return fmt.Errorf("gazfile: table larger than %d bytes", maxTable)
	}
	// One string for the whole table: every field is a substring of it, so reading allocates
	// per record only what it must.
	return Parse(buf.String(), fn)
}

// Parse reads an uncompressed table from text; see Read.
func Parse(text string, fn func(*Record) error) error {
	first, rest, _ := strings.Cut(text, "\n")
	if strings.TrimSuffix(first, "\r") != Magic {
		return errors.New("gazfile: not a dyad gazetteer table (bad first line)")
	}
	var rec Record
	var fields [numFields]string
	lineNo := 1
	for len(rest) > 0 {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		line = strings.TrimSuffix(line, "\r")
		lineNo++
		if line == "" || line[0] == '#' {
			continue
		}
		if err := parseLine(line, &fields, &rec); err != nil {
			return fmt.Errorf("gazfile: line %d: %w", lineNo, err)
		}
		if err := fn(&rec); err != nil {
			return err
		}
	}
	return nil
}

func parseLine(line string, f *[numFields]string, r *Record) error {
	n := 0
	for n < numFields-1 {
		i := strings.IndexByte(line, '\t')
		if i < 0 {
			break
		}
		f[n] = line[:i]
		line = line[i+1:]
		n++
	}
	if n != numFields-1 || strings.IndexByte(line, '\t') >= 0 {
		return fmt.Errorf("want %d tab-separated fields", numFields)
	}
	f[n] = line
	var err error
	if r.ID, err = strconv.Atoi(f[0]); err != nil {
		return fmt.Errorf("id: %w", err)
	}
	r.Kind, r.Country, r.Country2, r.Admin1Code, r.Subdivision, r.Admin1, r.Feature = f[1], f[2], f[3], f[4], f[5], f[6], f[7]
	if r.Lat, err = strconv.ParseFloat(f[8], 64); err != nil {
		return fmt.Errorf("latitude: %w", err)
	}
	if r.Lon, err = strconv.ParseFloat(f[9], 64); err != nil {
		return fmt.Errorf("longitude: %w", err)
	}
	if r.Population, err = strconv.Atoi(f[10]); err != nil {
		return fmt.Errorf("population: %w", err)
	}
	if r.Rank, err = strconv.Atoi(f[11]); err != nil {
		return fmt.Errorf("rank: %w", err)
	}
	switch f[12] {
	case "a":
		r.Approximate = true
	case "-":
		r.Approximate = false
	default:
		return fmt.Errorf("flags: %q", f[12])
	}
	r.Name, r.ASCII = f[13], f[14]
	r.Preferred = appendSplit(r.Preferred[:0], f[15])
	r.Alternates = appendSplit(r.Alternates[:0], f[16])
	return r.validateValues()
}

func appendSplit(dst []string, s string) []string {
	for s != "" {
		var a string
		a, s, _ = strings.Cut(s, "|")
		dst = append(dst, a)
	}
	return dst
}
