package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// city is one row of GeoNames cities15000.txt.
type city struct {
	ID         int
	Name       string
	ASCII      string
	Alternates []string
	Lat, Lon   float64
	Feature    string
	Country    string // ISO alpha-2
	Admin1     string // admin1 code within the country
	Population int
}

// admin1 is one row of GeoNames admin1Codes.txt.
type admin1 struct {
	Code  string // "US.TX"
	Name  string
	ASCII string
	ID    int
}

// countryInfo is one row of GeoNames countryInfo.txt.
type countryInfo struct {
	Alpha2, Alpha3 string
	Name, Capital  string
	Population     int
	ID             int
}

// tsvLines calls fn with the tab-split fields of each non-comment line of r.
func tsvLines(r io.Reader, name string, want int, fn func(f []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < want {
			return fmt.Errorf("%s line %d: %d fields, want at least %d", name, n, len(f), want)
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%s line %d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// readCities reads GeoNames cities15000.txt (the geoname table layout, 19 columns).
func readCities(r io.Reader) ([]city, error) {
	var out []city
	err := tsvLines(r, "cities", 19, func(f []string) error {
		var c city
		var err error
		if c.ID, err = strconv.Atoi(f[0]); err != nil {
			return fmt.Errorf("geonameid: %w", err)
		}
		c.Name, c.ASCII = f[1], f[2]
		if f[3] != "" {
			c.Alternates = strings.Split(f[3], ",")
		}
		if c.Lat, err = strconv.ParseFloat(f[4], 64); err != nil || c.Lat < -90 || c.Lat > 90 {
			return fmt.Errorf("latitude %q", f[4])
		}
		if c.Lon, err = strconv.ParseFloat(f[5], 64); err != nil || c.Lon < -180 || c.Lon > 180 {
			return fmt.Errorf("longitude %q", f[5])
		}
		c.Feature, c.Country, c.Admin1 = f[7], f[8], f[10]
		if f[14] != "" {
			if c.Population, err = strconv.Atoi(f[14]); err != nil || c.Population < 0 {
				return fmt.Errorf("population %q", f[14])
			}
		}
		if c.Name == "" || len(c.Country) != 2 {
			return errors.New("missing name or country")
		}
		out = append(out, c)
		return nil
	})
	return out, err
}

// readAdmin1 reads GeoNames admin1Codes.txt.
func readAdmin1(r io.Reader) ([]admin1, error) {
	var out []admin1
	err := tsvLines(r, "admin1Codes", 4, func(f []string) error {
		id, err := strconv.Atoi(f[3])
		if err != nil {
			return fmt.Errorf("geonameid: %w", err)
		}
		name := f[1]
		if name == "" {
			name = f[2] // a few rows carry only the ASCII form
		}
		if cc, code, ok := strings.Cut(f[0], "."); !ok || len(cc) != 2 || code == "" || name == "" {
			return fmt.Errorf("bad admin1 row %q", f[0])
		}
		out = append(out, admin1{Code: f[0], Name: name, ASCII: f[2], ID: id})
		return nil
	})
	return out, err
}

// readCountryInfo reads GeoNames countryInfo.txt.
func readCountryInfo(r io.Reader) ([]countryInfo, error) {
	var out []countryInfo
	err := tsvLines(r, "countryInfo", 17, func(f []string) error {
		c := countryInfo{Alpha2: f[0], Alpha3: f[1], Name: f[4], Capital: f[5]}
		var err error
		if f[7] != "" {
			if c.Population, err = strconv.Atoi(f[7]); err != nil {
				return fmt.Errorf("population %q", f[7])
			}
		}
		if f[16] != "" { // empty for the dissolved countries at the end of the file
			if c.ID, err = strconv.Atoi(f[16]); err != nil {
				return fmt.Errorf("geonameid %q", f[16])
			}
		}
		if len(c.Alpha2) != 2 || len(c.Alpha3) != 3 || c.Name == "" {
			return fmt.Errorf("bad codes %q %q", f[0], f[1])
		}
		out = append(out, c)
		return nil
	})
	return out, err
}

// isoCountry is one entry of iso-codes' iso_3166-1.json.
type isoCountry struct {
	Alpha2       string `json:"alpha_2"`
	Alpha3       string `json:"alpha_3"`
	Name         string `json:"name"`
	CommonName   string `json:"common_name"`
	OfficialName string `json:"official_name"`
}

// isoSubdivision is one entry of iso-codes' iso_3166-2.json.
type isoSubdivision struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Type   string `json:"type"`
	Parent string `json:"parent"`
}

func readISO3166_1(r io.Reader) ([]isoCountry, error) {
	var doc struct {
		Entries []isoCountry `json:"3166-1"`
	}
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return nil, fmt.Errorf("iso_3166-1.json: %w", err)
	}
	for _, c := range doc.Entries {
		if len(c.Alpha2) != 2 || len(c.Alpha3) != 3 || c.Name == "" {
			return nil, fmt.Errorf("iso_3166-1.json: bad entry %+v", c)
		}
	}
	return doc.Entries, nil
}

func readISO3166_2(r io.Reader) ([]isoSubdivision, error) {
	var doc struct {
		Entries []isoSubdivision `json:"3166-2"`
	}
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return nil, fmt.Errorf("iso_3166-2.json: %w", err)
	}
	for _, s := range doc.Entries {
		if len(s.Code) < 4 || s.Code[2] != '-' || s.Name == "" {
			return nil, fmt.Errorf("iso_3166-2.json: bad entry %+v", s)
		}
	}
	return doc.Entries, nil
}

// readMO reads a GNU gettext .mo catalogue into msgid → msgstr. iso-codes ships one per
// language; the English one gives the English names of subdivisions ("Bayern" → "Bavaria").
func readMO(data []byte) (map[string]string, error) {
	if len(data) < 20 {
		return nil, errors.New("mo: file too short")
	}
	var bo binary.ByteOrder
	switch {
	case binary.LittleEndian.Uint32(data) == 0x950412de:
		bo = binary.LittleEndian
	case binary.BigEndian.Uint32(data) == 0x950412de:
		bo = binary.BigEndian
	default:
		return nil, errors.New("mo: bad magic number")
	}
	n := int(bo.Uint32(data[8:]))
	origTab := int(bo.Uint32(data[12:]))
	transTab := int(bo.Uint32(data[16:]))
	if n < 0 || n > len(data)/8 {
		return nil, fmt.Errorf("mo: implausible string count %d", n)
	}
	str := func(tab, i int) (string, error) {
		at := tab + 8*i
		if tab < 0 || at < 0 || at+8 > len(data) {
			return "", errors.New("mo: table out of range")
		}
		l, off := int(bo.Uint32(data[at:])), int(bo.Uint32(data[at+4:]))
		if l < 0 || off < 0 || off > len(data) || l > len(data)-off {
			return "", errors.New("mo: string out of range")
		}
		s := data[off : off+l]
		// Plural forms are NUL-separated; the first is the one we want.
		if j := bytes.IndexByte(s, 0); j >= 0 {
			s = s[:j]
		}
		return string(s), nil
	}
	out := make(map[string]string, n)
	for i := range n {
		k, err := str(origTab, i)
		if err != nil {
			return nil, err
		}
		v, err := str(transTab, i)
		if err != nil {
			return nil, err
		}
		if k != "" {
			out[k] = v
		}
	}
	return out, nil
}
