package gazfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Region is a hand-kept place that the generated sources lack: "Donbas", "Golan Heights".
type Region struct {
	ID       int    // positive and unique within the file; the table stores it negated
	Kind     string // KindRegion or KindCity
	Country  string // ISO 3166-1 alpha-3, or "" for a region that spans countries
	Lat, Lon float64
	Names    []string // display name first
	Line     int
}

// Alias gives an existing place more names: "Britain" for the United Kingdom.
type Alias struct {
	// Target is an ISO 3166-1 alpha-3 code (a country), an ISO 3166-2 code ("SO-SH"), a
	// GeoNames admin1 code with its dot ("AF.10"), or a GeoNames geonameid (digits).
	Target string
	Names  []string
	Line   int
}

// Coord places a country or subdivision that has no city of its name in the generated sources
// (Antarctica, Ladakh).
type Coord struct {
	Target   string // ISO 3166-1 alpha-3 or ISO 3166-2 code
	Lat, Lon float64
	Line     int
}

// Link ties an ISO 3166-2 subdivision to the GeoNames admin1 row that the generator cannot match
// by name ("Niedersachsen" is GeoNames' "Lower Saxony").
type Link struct {
	ISO, GeoNames string // "DE-NI", "DE.06"
	Line          int
}

// Regions is the parsed hand-kept file.
type Regions struct {
	Regions []Region
	Aliases []Alias
	Coords  []Coord
	Links   []Link
}

// ReadRegions parses the hand-kept regions file. Lines are tab-separated:
//
//	region <id> <kind> <country or -> <lat> <lon> <Name|Other name|...>
//	alias <target> <Name|Other name|...>
//	coords <alpha-3 or ISO 3166-2 code> <lat> <lon>
//	link <ISO 3166-2 code> <GeoNames admin1 code>
//
// Blank lines and lines starting with "#" are comments.
func ReadRegions(r io.Reader) (*Regions, error) {
	out := &Regions{}
	seen := make(map[int]int)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), " \r")
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		switch f[0] {
		case "region":
			reg, err := parseRegion(f)
			if err != nil {
				return nil, fmt.Errorf("gazfile: regions line %d: %w", n, err)
			}
			if prev, dup := seen[reg.ID]; dup {
				return nil, fmt.Errorf("gazfile: regions line %d: id %d already used on line %d", n, reg.ID, prev)
			}
			seen[reg.ID] = n
			reg.Line = n
			out.Regions = append(out.Regions, reg)
		case "alias":
			if len(f) != 3 {
				return nil, fmt.Errorf("gazfile: regions line %d: alias wants 3 fields, has %d", n, len(f))
			}
			if !validTarget(f[1]) {
				return nil, fmt.Errorf("gazfile: regions line %d: bad alias target %q", n, f[1])
			}
			names, err := splitNames(f[2])
			if err != nil {
				return nil, fmt.Errorf("gazfile: regions line %d: %w", n, err)
			}
			out.Aliases = append(out.Aliases, Alias{Target: f[1], Names: names, Line: n})
		case "coords":
			c, err := parseCoord(f)
			if err != nil {
				return nil, fmt.Errorf("gazfile: regions line %d: %w", n, err)
			}
			c.Line = n
			out.Coords = append(out.Coords, c)
		case "link":
			if len(f) != 3 || !isSubdivision(f[1]) || !isAdmin1Code(f[2]) || f[1][:2] != f[2][:2] {
				return nil, fmt.Errorf("gazfile: regions line %d: link wants an ISO 3166-2 code and a GeoNames admin1 code of one country", n)
			}
			out.Links = append(out.Links, Link{ISO: f[1], GeoNames: f[2], Line: n})
		default:
			return nil, fmt.Errorf("gazfile: regions line %d: unknown line type %q", n, f[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazfile: regions: %w", err)
	}
	return out, nil
}

func parseRegion(f []string) (Region, error) {
	var reg Region
	if len(f) != 7 {
		return reg, fmt.Errorf("region wants 7 fields, has %d", len(f))
	}
	id, err := strconv.Atoi(f[1])
	if err != nil || id <= 0 {
		return reg, fmt.Errorf("region id %q is not a positive integer", f[1])
	}
	reg.ID = id
	switch f[2] {
	case KindRegion, KindCity:
		reg.Kind = f[2]
	default:
		return reg, fmt.Errorf("region kind %q is neither %s nor %s", f[2], KindRegion, KindCity)
	}
	if f[3] != "-" {
		if !isUpperCode(f[3], 3) {
			return reg, fmt.Errorf("country %q is not an alpha-3 code or -", f[3])
		}
		reg.Country = f[3]
	}
	if reg.Lat, err = degrees(f[4], 90); err != nil {
		return reg, fmt.Errorf("latitude: %w", err)
	}
	if reg.Lon, err = degrees(f[5], 180); err != nil {
		return reg, fmt.Errorf("longitude: %w", err)
	}
	reg.Names, err = splitNames(f[6])
	return reg, err
}

func parseCoord(f []string) (Coord, error) {
	var c Coord
	if len(f) != 4 {
		return c, fmt.Errorf("coords wants 4 fields, has %d", len(f))
	}
	if !isUpperCode(f[1], 3) && !isSubdivision(f[1]) {
		return c, fmt.Errorf("coords target %q is neither an alpha-3 nor an ISO 3166-2 code", f[1])
	}
	c.Target = f[1]
	var err error
	if c.Lat, err = degrees(f[2], 90); err != nil {
		return c, fmt.Errorf("latitude: %w", err)
	}
	if c.Lon, err = degrees(f[3], 180); err != nil {
		return c, fmt.Errorf("longitude: %w", err)
	}
	return c, nil
}

// degrees parses an angle within ±limit.
func degrees(s string, limit float64) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("%q: %w", s, err)
	}
	if !(v >= -limit && v <= limit) { // also false for NaN
		return 0, fmt.Errorf("%q is out of range", s)
	}
	return v, nil
}

func splitNames(s string) ([]string, error) {
	names := strings.Split(s, "|")
	for i, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			return nil, errors.New("empty name")
		}
		names[i] = n
	}
	return names, nil
}

// isSubdivision reports ISO 3166-2 codes: "DE-BY", "FR-20R".
func isSubdivision(s string) bool {
	cc, code, ok := strings.Cut(s, "-")
	if !ok || !isUpperCode(cc, 2) || code == "" || len(code) > 3 {
		return false
	}
	for i := 0; i < len(code); i++ {
		if (code[i] < 'A' || code[i] > 'Z') && (code[i] < '0' || code[i] > '9') {
			return false
		}
	}
	return true
}

// isAdmin1Code reports GeoNames admin1 codes: "US.TX", "AF.10".
func isAdmin1Code(s string) bool {
	cc, code, ok := strings.Cut(s, ".")
	return ok && isUpperCode(cc, 2) && code != "" && !strings.ContainsAny(code, " \t")
}

func validTarget(t string) bool {
	if isUpperCode(t, 3) || isSubdivision(t) || isAdmin1Code(t) {
		return true
	}
	if t == "" {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return true
}
