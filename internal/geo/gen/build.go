package main

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"log/slog"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/dyad-events/dyad/internal/geo/gazfile"
	"github.com/dyad-events/dyad/internal/geo/namekey"
)

// inputs are the parsed sources.
type inputs struct {
	cities    []city
	admin1    []admin1
	countries []countryInfo
	iso1      []isoCountry
	iso2      []isoSubdivision
	iso2en    map[string]string // iso-codes English names of subdivisions, by local name
	regions   *gazfile.Regions
}

// summary holds the figures the generator reports and writes into the table's header.
type summary struct {
	Countries, Admin1, Cities, Regions int
	Names                              int
	ISOLinked                          [6]int
	ISOOnly                            int
	Admin1Approx                       int
	Aliases                            int
}

// place is a record being built, with its names deduplicated by key.
type place struct {
	rec  gazfile.Record
	keys map[string]bool
}

func newPlace(r gazfile.Record) *place {
	p := &place{rec: r, keys: map[string]bool{}}
	p.keys[namekey.String(r.Name)] = true
	p.keys[namekey.String(r.ASCII)] = true
	return p
}

// addName adds a name unless one with the same key is there already; the table keeps one
// spelling per key because lookups go by key.
func (p *place) addName(n string) bool {
	n = strings.TrimSpace(n)
	k := namekey.String(n)
	if k == "" || p.keys[k] || strings.ContainsAny(n, "|\t\n\r") {
		return false
	}
	p.keys[k] = true
	p.rec.Alternates = append(p.rec.Alternates, n)
	return true
}

// addPreferred adds a curated name, moving it out of the alternates if it is there.
func (p *place) addPreferred(n string) bool {
	n = strings.TrimSpace(n)
	k := namekey.String(n)
	if k == "" || strings.ContainsAny(n, "|\t\n\r") {
		return false
	}
	if k == namekey.String(p.rec.Name) || k == namekey.String(p.rec.ASCII) {
		return false
	}
	for _, q := range p.rec.Preferred {
		if namekey.String(q) == k {
			return false
		}
	}
	p.rec.Alternates = slices.DeleteFunc(p.rec.Alternates, func(a string) bool { return namekey.String(a) == k })
	p.keys[k] = true
	p.rec.Preferred = append(p.rec.Preferred, n)
	return true
}

// build merges the sources into table records, in a fixed order.
func build(in *inputs, log *slog.Logger) ([]gazfile.Record, summary, error) {
	var sum summary
	a2to3 := map[string]string{}
	for _, c := range in.iso1 {
		a2to3[c.Alpha2] = c.Alpha3
	}
	geoCountry := map[string]countryInfo{}
	for _, c := range in.countries {
		geoCountry[c.Alpha2] = c
	}
	citiesOf := map[string][]*city{} // by alpha-2
	citiesIn := map[string][]*city{} // by GeoNames admin1 code "CC.X"
	for i := range in.cities {
		c := &in.cities[i]
		citiesOf[c.Country] = append(citiesOf[c.Country], c)
		citiesIn[c.Country+"."+c.Admin1] = append(citiesIn[c.Country+"."+c.Admin1], c)
	}
	// GeoNames knows a few codes that ISO 3166-1 lacks: keep those that still have cities
	// (Kosovo), not the dissolved ones (Netherlands Antilles, Serbia and Montenegro).
	isoList := slices.Clone(in.iso1)
	for _, c := range in.countries {
		if _, ok := a2to3[c.Alpha2]; !ok && len(citiesOf[c.Alpha2]) > 0 {
			a2to3[c.Alpha2] = c.Alpha3
			isoList = append(isoList, isoCountry{Alpha2: c.Alpha2, Alpha3: c.Alpha3, Name: c.Name})
		}
	}
	handCoords := map[string][2]float64{}
	for _, c := range in.regions.Coords {
		handCoords[c.Target] = [2]float64{c.Lat, c.Lon}
	}

	// Countries, placed at their capital.
	countries := map[string]*place{} // by alpha-3
	var unplaced []string
	for _, ic := range isoList {
		gc, hasGeo := geoCountry[ic.Alpha2]
		name := ic.Name
		if ic.CommonName != "" {
			name = ic.CommonName
		}
		id := -stableID("country:" + ic.Alpha3)
		pop := 0
		if hasGeo {
			name, pop = gc.Name, gc.Population
			if gc.ID > 0 {
				id = gc.ID
			}
		}
		lat, lon, ok := capital(citiesOf[ic.Alpha2], gc.Capital)
		if hc, hand := handCoords[ic.Alpha3]; hand {
			lat, lon, ok = hc[0], hc[1], true
		}
		if !ok {
			unplaced = append(unplaced, ic.Alpha3+" "+name)
			continue
		}
		p := newPlace(gazfile.Record{ID: id, Kind: gazfile.KindCountry, Country: ic.Alpha3, Feature: "PCLI",
			Lat: lat, Lon: lon, Population: pop, Rank: pop, Name: name, ASCII: asciiFold(name)})
		for _, n := range []string{ic.Name, ic.CommonName, ic.OfficialName} {
			if n != "" && !strings.ContainsRune(n, ',') {
				p.addName(n)
			}
		}
		countries[ic.Alpha3] = p
	}
	if len(unplaced) > 0 {
		slices.Sort(unplaced)
		return nil, sum, fmt.Errorf("countries with no city in the data and no coords line in the regions file: %s", strings.Join(unplaced, "; "))
	}

	// Admin1 from GeoNames, placed at their seat or, lacking one, at the mean of their cities.
	admins := map[string]*place{} // by GeoNames code
	var adminOrder []string
	for _, a := range in.admin1 {
		cc, _, _ := strings.Cut(a.Code, ".")
		a3, ok := a2to3[cc]
		if !ok {
			continue
		}
		cs := citiesIn[a.Code]
		lat, lon, approx := placeAdmin(cs, countries[a3].rec)
		rank := 0
		for _, c := range cs {
			rank += c.Population
		}
		ascii := a.ASCII
		if ascii == "" {
			ascii = asciiFold(a.Name)
		}
		p := newPlace(gazfile.Record{ID: a.ID, Kind: gazfile.KindAdmin1, Country: a3, Admin1Code: a.Code,
			Admin1: a.Name, Feature: "ADM1", Lat: lat, Lon: lon, Rank: rank, Approximate: approx,
			Name: a.Name, ASCII: ascii})
		admins[a.Code] = p
		adminOrder = append(adminOrder, a.Code)
	}

	// Link ISO 3166-2 first-level subdivisions to them, country by country.
	handLinks := map[string]string{}
	for _, l := range in.regions.Links {
		handLinks[l.ISO] = l.GeoNames
	}
	isoBy := map[string][]isoSubdivision{}
	for _, s := range in.iso2 {
		if s.Parent == "" {
			isoBy[s.Code[:2]] = append(isoBy[s.Code[:2]], s)
		}
	}
	geoBy := map[string][]string{}
	for _, code := range adminOrder {
		geoBy[code[:2]] = append(geoBy[code[:2]], code)
	}
	var isoOnly []*place
	for _, cc := range slices.Sorted(maps.Keys(isoBy)) {
		a3, ok := a2to3[cc]
		if !ok {
			continue
		}
		subs := isoBy[cc]
		isoNames := make([][]string, len(subs))
		isoKeys := make([][]string, len(subs))
		isoCodes := make([]string, len(subs))
		for i, s := range subs {
			isoNames[i] = isoNameVariants(s.Name)
			if en, ok := in.iso2en[s.Name]; ok && en != s.Name {
				isoNames[i] = append(isoNames[i], isoNameVariants(en)...)
			}
			for _, n := range isoNames[i] {
				isoKeys[i] = append(isoKeys[i], matchKey(n))
			}
			isoCodes[i] = s.Code[3:]
		}
		gcodes := geoBy[cc]
		geoKeys := make([][]string, len(gcodes))
		geoCodes := make([]string, len(gcodes))
		for g, code := range gcodes {
			a := admins[code]
			geoKeys[g] = []string{matchKey(a.rec.Name), matchKey(a.rec.ASCII)}
			geoCodes[g] = code[3:]
		}
		seats := seatIndex(citiesOf[cc], gcodes)
		seatOf := func(i int) []int {
			var gs []int
			for _, n := range isoNames[i] {
				gs = append(gs, seats[namekey.String(n)]...)
				gs = append(gs, seats[matchKey(n)]...) // "Nairobi City" is Nairobi's
			}
			return gs
		}
		preset := map[int]int{}
		for i, s := range subs {
			if gcode, ok := handLinks[s.Code]; ok {
				g := slices.Index(gcodes, gcode)
				if g < 0 {
					return nil, sum, fmt.Errorf("regions file links %s to %s, which GeoNames lacks", s.Code, gcode)
				}
				preset[i] = g
				delete(handLinks, s.Code)
			}
		}
		link, pass := matchSubdivisions(isoKeys, geoKeys, isoCodes, geoCodes, seatOf, preset)
		for i, s := range subs {
			if g := link[i]; g >= 0 {
				a := admins[gcodes[g]]
				sum.ISOLinked[pass[i]]++
				if pass[i] > 0 && pass[i] != handPass {
					log.Debug("linked subdivision", "pass", pass[i], "iso", s.Code, "iso_name", s.Name, "geonames", gcodes[g], "geonames_name", a.rec.Name)
				}
				a.rec.Subdivision = s.Code
				for _, n := range isoNames[i] {
					a.addName(n)
				}
				continue
			}
			if len(isoNames[i]) == 0 {
				continue
			}
			// No GeoNames row: a subdivision of our own, placed at a city of the same name.
			name := isoNames[i][0]
			if en, ok := in.iso2en[s.Name]; ok && len(isoNameVariants(en)) > 0 {
				name = isoNameVariants(en)[0] // English first, for English news
			}
			lat, lon, found := cityNamed(citiesOf[cc], isoKeys[i])
			if hc, ok := handCoords[s.Code]; ok {
				lat, lon, found = hc[0], hc[1], true
			}
			if !found {
				lat, lon = countries[a3].rec.Lat, countries[a3].rec.Lon
			}
			// Rank 0: the city of its name, when there is one, stands for it in lookups.
			p := newPlace(gazfile.Record{ID: -stableID("iso:" + s.Code), Kind: gazfile.KindAdmin1, Country: a3,
				Subdivision: s.Code, Admin1: name, Feature: "ADM1", Lat: lat, Lon: lon,
				Approximate: !found, Name: name, ASCII: asciiFold(name)})
			for _, n := range isoNames[i] {
				p.addName(n)
			}
			isoOnly = append(isoOnly, p)
			sum.ISOOnly++
			log.Debug("subdivision without GeoNames row", "iso", s.Code, "name", name, "placed", found)
		}
	}

	if len(handLinks) > 0 {
		return nil, sum, fmt.Errorf("regions file links subdivisions that are not first-level ISO 3166-2 entries: %v", slices.Sorted(maps.Keys(handLinks)))
	}
	bySub := map[string]*place{}
	for _, p := range admins {
		if p.rec.Subdivision != "" {
			bySub[p.rec.Subdivision] = p
		}
	}
	for _, p := range isoOnly {
		bySub[p.rec.Subdivision] = p
	}

	// Cities.
	cities := make([]*place, 0, len(in.cities))
	byID := map[int]*place{}
	for i := range in.cities {
		c := &in.cities[i]
		a3, ok := a2to3[c.Country]
		if !ok {
			log.Warn("city in unknown country", "id", c.ID, "name", c.Name, "country", c.Country)
			continue
		}
		code := c.Country + "." + c.Admin1
		rec := gazfile.Record{ID: c.ID, Kind: gazfile.KindCity, Country: a3, Feature: c.Feature,
			Lat: c.Lat, Lon: c.Lon, Population: c.Population, Rank: c.Population, Name: c.Name, ASCII: c.ASCII}
		if rec.ASCII == "" {
			rec.ASCII = asciiFold(c.Name)
		}
		if a, ok := admins[code]; ok {
			rec.Admin1Code, rec.Admin1, rec.Subdivision = code, a.rec.Name, a.rec.Subdivision
		}
		p := newPlace(rec)
		for _, alt := range c.Alternates {
			if usefulAlternate(alt) {
				p.addName(alt)
			}
		}
		cities = append(cities, p)
		byID[c.ID] = p
	}

	// Hand-kept regions and extra names.
	var regions []*place
	for _, r := range in.regions.Regions {
		if r.Country != "" && countries[r.Country] == nil {
			return nil, sum, fmt.Errorf("regions line %d: unknown country %s", r.Line, r.Country)
		}
		feature := "RGN"
		if r.Kind == gazfile.KindCity {
			feature = "PPL"
		}
		p := newPlace(gazfile.Record{ID: -r.ID, Kind: r.Kind, Country: r.Country, Feature: feature,
			Lat: r.Lat, Lon: r.Lon, Name: r.Names[0], ASCII: asciiFold(r.Names[0])})
		for _, n := range r.Names[1:] {
			p.addPreferred(n)
		}
		regions = append(regions, p)
	}
	for _, p := range countries {
		byID[p.rec.ID] = p
	}
	for _, p := range admins {
		byID[p.rec.ID] = p
	}
	for _, al := range in.regions.Aliases {
		var p *place
		switch {
		case len(al.Target) == 3 && isAlpha(al.Target):
			p = countries[al.Target]
		case strings.Contains(al.Target, "-"):
			p = bySub[al.Target]
		case strings.Contains(al.Target, "."):
			p = admins[al.Target]
		default:
			var id int
			fmt.Sscan(al.Target, &id)
			p = byID[id]
		}
		if p == nil {
			return nil, sum, fmt.Errorf("regions line %d: alias target %s not found", al.Line, al.Target)
		}
		for _, n := range al.Names {
			if p.addPreferred(n) {
				sum.Aliases++
			}
		}
	}

	// Fixed order: countries, admin1, regions, cities; each by ID.
	var all []*place
	for _, a3 := range slices.Sorted(maps.Keys(countries)) {
		all = append(all, countries[a3])
	}
	var adm []*place
	for _, p := range admins {
		adm = append(adm, p)
	}
	adm = append(adm, isoOnly...)
	slices.SortFunc(adm, func(a, b *place) int { return cmp.Compare(a.rec.ID, b.rec.ID) })
	all = append(all, adm...)
	all = append(all, regions...)
	all = append(all, cities...)

	a3to2 := map[string]string{}
	for a2, a3 := range a2to3 {
		a3to2[a3] = a2
	}
	seen := map[int]bool{}
	recs := make([]gazfile.Record, 0, len(all))
	for _, p := range all {
		p.rec.Country2 = a3to2[p.rec.Country]
		if seen[p.rec.ID] {
			return nil, sum, fmt.Errorf("id %d (%s) used twice", p.rec.ID, p.rec.Name)
		}
		seen[p.rec.ID] = true
		recs = append(recs, p.rec)
		sum.Names += len(p.keys)
		switch p.rec.Kind {
		case gazfile.KindCountry:
			sum.Countries++
		case gazfile.KindAdmin1:
			sum.Admin1++
			if p.rec.Approximate {
				sum.Admin1Approx++
			}
		case gazfile.KindCity:
			sum.Cities++
		case gazfile.KindRegion:
			sum.Regions++
		}
	}
	return recs, sum, nil
}

// stableID derives an ID from a code, for places that GeoNames lacks, so that IDs do not move
// when other places are added. The range stays clear of the hand-kept regions' small numbers.
func stableID(code string) int {
	h := fnv.New32a()
	h.Write([]byte(code))
	return 1_000_000 + int(h.Sum32()%1_000_000_000)
}

// capital finds the coordinates of a country's capital among its cities.
func capital(cs []*city, capitalName string) (lat, lon float64, ok bool) {
	var best *city
	better := func(c *city) bool {
		if best == nil {
			return true
		}
		return c.Population > best.Population || (c.Population == best.Population && c.ID < best.ID)
	}
	ck := namekey.String(capitalName)
	for _, pass := range []func(*city) bool{
		func(c *city) bool { return c.Feature == "PPLC" && ck != "" && namekey.String(c.ASCII) == ck },
		func(c *city) bool { return c.Feature == "PPLC" },
		func(c *city) bool { return ck != "" && namekey.String(c.ASCII) == ck },
		func(c *city) bool { return true },
	} {
		for _, c := range cs {
			if pass(c) && better(c) {
				best = c
			}
		}
		if best != nil {
			return best.Lat, best.Lon, true
		}
	}
	return 0, 0, false
}

// placeAdmin places an admin1 at its seat (the most populous PPLA or PPLC among its cities),
// else at the population-weighted mean of its cities, else at its country's point, marked
// approximate.
func placeAdmin(cs []*city, country gazfile.Record) (lat, lon float64, approx bool) {
	var seat *city
	for _, c := range cs {
		if (c.Feature == "PPLA" || c.Feature == "PPLC") && (seat == nil || c.Population > seat.Population) {
			seat = c
		}
	}
	if seat != nil {
		return seat.Lat, seat.Lon, false
	}
	if len(cs) == 0 {
		return country.Lat, country.Lon, true
	}
	// Mean of unit vectors, so that places on both sides of the 180th meridian average right.
	var x, y, z, w float64
	for _, c := range cs {
		wt := float64(max(c.Population, 1))
		la, lo := c.Lat*math.Pi/180, c.Lon*math.Pi/180
		x += wt * math.Cos(la) * math.Cos(lo)
		y += wt * math.Cos(la) * math.Sin(lo)
		z += wt * math.Sin(la)
		w += wt
	}
	x, y, z = x/w, y/w, z/w
	lat = math.Atan2(z, math.Hypot(x, y)) * 180 / math.Pi
	lon = math.Atan2(y, x) * 180 / math.Pi
	return round5(lat), round5(lon), false
}

func round5(v float64) float64 { return math.Round(v*1e5) / 1e5 }

// seatIndex maps every name key of every admin seat (PPLA, PPLC) among cs to the index in
// gcodes of the admin1 it is the seat of.
func seatIndex(cs []*city, gcodes []string) map[string][]int {
	at := map[string]int{}
	for g, code := range gcodes {
		at[code] = g
	}
	out := map[string][]int{}
	for _, c := range cs {
		if c.Feature != "PPLA" && c.Feature != "PPLC" {
			continue
		}
		g, ok := at[c.Country+"."+c.Admin1]
		if !ok {
			continue
		}
		seen := map[string]bool{}
		for _, n := range append([]string{c.Name, c.ASCII}, c.Alternates...) {
			if k := namekey.String(n); k != "" && !seen[k] {
				seen[k] = true
				out[k] = append(out[k], g)
			}
		}
	}
	return out
}

// cityNamed finds the most populous city whose key is one of keys.
func cityNamed(cs []*city, keys []string) (lat, lon float64, ok bool) {
	var best *city
	for _, c := range cs {
		ck := matchKey(c.Name)
		ak := matchKey(c.ASCII)
		if slices.Contains(keys, ck) || slices.Contains(keys, ak) {
			if best == nil || c.Population > best.Population {
				best = c
			}
		}
	}
	if best == nil {
		return 0, 0, false
	}
	return best.Lat, best.Lon, true
}

// usefulAlternate keeps the alternate names that English news may use: Latin script, written as
// a name (capital first), not a code ("KBL"), not a transliteration in lower case ("ka bu er"),
// not a compound entry ("Cabul - kabl"), and not so short that it collides with words ("Civ"
// for Kiev, "Pari" for Paris).
func usefulAlternate(s string) bool {
	if utf8.RuneCountInString(s) < 4 || len(s) > 60 || strings.Contains(s, " - ") || strings.ContainsAny(s, "()[]/0123456789") {
		return false
	}
	first := true
	upper, lower := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			if first && !unicode.IsUpper(r) {
				return false
			}
			first = false
			if unicode.IsUpper(r) {
				upper++
			} else {
				lower++
			}
		case unicode.Is(unicode.Mn, r):
		case r == ' ', r == '-', r == '\'', r == '’', r == '.', r == 'ʻ', r == 'ʼ':
		default:
			return false
		}
	}
	return lower > 0 && upper > 0
}

// asciiFold drops diacritics and keeps case: "Côte d'Ivoire" → "Cote d'Ivoire".
func asciiFold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
		default:
			k := namekey.String(string(r))
			if k == "" || k[0] >= utf8.RuneSelf {
				b.WriteRune(r) // no ASCII form; keep the letter
				continue
			}
			if unicode.IsUpper(r) {
				k = strings.ToUpper(k[:1]) + k[1:]
			}
			b.WriteString(k)
		}
	}
	return b.String()
}
