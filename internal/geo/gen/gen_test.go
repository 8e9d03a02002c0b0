package main

import (
	"bytes"
	"encoding/binary"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/geo/gazfile"
)

func open(t *testing.T, parts ...string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join(append([]string{"testdata"}, parts...)...))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// testInputs parses the invented sources in testdata.
func testInputs(t *testing.T) *inputs {
	t.Helper()
	in := &inputs{iso2en: map[string]string{"Rellsir": "Rellshire County"}}
	var err error
	if in.cities, err = readCities(open(t, "geonames", "cities15000.txt")); err != nil {
		t.Fatal(err)
	}
	if in.admin1, err = readAdmin1(open(t, "geonames", "admin1Codes.txt")); err != nil {
		t.Fatal(err)
	}
	if in.countries, err = readCountryInfo(open(t, "geonames", "countryInfo.txt")); err != nil {
		t.Fatal(err)
	}
	if in.iso1, err = readISO3166_1(open(t, "iso_3166-1.json")); err != nil {
		t.Fatal(err)
	}
	if in.iso2, err = readISO3166_2(open(t, "iso_3166-2.json")); err != nil {
		t.Fatal(err)
	}
	if in.regions, err = gazfile.ReadRegions(open(t, "regions.tsv")); err != nil {
		t.Fatal(err)
	}
	return in
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func TestBuild(t *testing.T) {
	recs, sum, err := build(testInputs(t), quiet())
	if err != nil {
		t.Fatal(err)
	}
	by := map[int]gazfile.Record{}
	for _, r := range recs {
		by[r.ID] = r
	}
	if sum.Countries != 2 || sum.Cities != 6 || sum.Regions != 1 {
		t.Errorf("summary %+v, want 2 countries (no dissolved one), 6 cities, 1 region", sum)
	}
	q := by[1000001]
	if q.Kind != gazfile.KindCountry || q.Country != "QQQ" || q.Country2 != "QQ" || q.Lat != 11.25 || q.Lon != 20.75 {
		t.Errorf("Quelland = %+v, want at its capital Pórtovel", q)
	}
	if !slices.Contains(q.Alternates, "Republic of Quelland") || slices.Contains(q.Alternates, "Quelland, Republic of") {
		t.Errorf("Quelland names = %v, want the official name and no inverted one", q.Alternates)
	}
	if !slices.Contains(q.Preferred, "Quellia") {
		t.Errorf("Quelland preferred = %v, want the alias", q.Preferred)
	}

	tests := []struct {
		id       int
		sub      string
		alt      string
		approx   bool
		lat, lon float64
	}{
		{3000001, "QQ-CQ", "Quell", false, 11.25, 20.75},       // by name; placed at its seat, the capital
		{3000002, "QQ-NO", "Nordlandia", false, 11.5, 20.1},    // by prefix; placed at its PPLA seat
		{3000003, "QQ-SM", "Sydmark", false, 0, 0},             // by spelling
		{3000009, "", "", true, 11.25, 20.75},                  // no city: the country's point
		{3000101, "RR-RS", "Rellshire County", false, 41, -71}, // linked by hand, English name added
	}
	for _, tc := range tests {
		a := by[tc.id]
		if a.Kind != gazfile.KindAdmin1 || a.Subdivision != tc.sub || a.Approximate != tc.approx {
			t.Errorf("admin1 %d = %+v, want subdivision %q approximate %v", tc.id, a, tc.sub, tc.approx)
		}
		if tc.alt != "" && !slices.Contains(a.Alternates, tc.alt) {
			t.Errorf("admin1 %d alternates %v lack %q", tc.id, a.Alternates, tc.alt)
		}
		if tc.lat != 0 && (a.Lat != tc.lat || a.Lon != tc.lon) {
			t.Errorf("admin1 %d at %v,%v, want %v,%v", tc.id, a.Lat, a.Lon, tc.lat, tc.lon)
		}
	}
	if by[3000010].Name != "Bare Ascii" {
		t.Errorf("admin1 with only an ASCII name = %+v", by[3000010])
	}

	// Subdivisions ISO has and GeoNames lacks: placed at a city of their name, or approximate.
	var far, sudby gazfile.Record
	for _, r := range recs {
		switch r.Subdivision {
		case "QQ-XX":
			far = r
		case "QQ-SB":
			sudby = r
		}
	}
	if far.ID >= 0 || !far.Approximate || far.Name != "Far Isles" || !slices.Contains(far.Alternates, "Isles Lointaines") ||
		!slices.Contains(far.Preferred, "Distant Isles") {
		t.Errorf("Far Isles = %+v", far)
	}
	if sudby.Approximate || sudby.Lat != 9.5 || sudby.Lon != 21 {
		t.Errorf("Sudby Province = %+v, want it at Sudby", sudby)
	}
	for _, r := range recs {
		if r.Subdivision == "QQ-SB1" {
			t.Errorf("second-level subdivision %+v made it into the table", r)
		}
	}

	city := by[2000001]
	if city.Admin1 != "Capital Quell" || city.Subdivision != "QQ-CQ" || city.Country != "QQQ" {
		t.Errorf("Pórtovel = %+v", city)
	}
	// Kept: a Latin-script alternate. Dropped: a code, a lower-case transliteration, Cyrillic, a
	// compound entry, a two-letter form, and a spelling with the name's own key.
	if !slices.Contains(city.Preferred, "Portovello") || slices.Contains(city.Alternates, "Portovello") {
		t.Errorf("Pórtovel preferred %v alternates %v: the alias must move Portovello to preferred", city.Preferred, city.Alternates)
	}
	for _, bad := range []string{"PTV", "por tuo", "Портовел", "Port - vel", "Pv", "Portovél"} {
		if slices.Contains(city.Alternates, bad) {
			t.Errorf("Pórtovel kept alternate %q", bad)
		}
	}
	reg := by[-1]
	if reg.Kind != gazfile.KindRegion || reg.Name != "Quell Valley" || !slices.Contains(reg.Preferred, "Valley of Quell") {
		t.Errorf("region = %+v", reg)
	}
}

func TestBuildDeterministic(t *testing.T) {
	var outs [2][]byte
	for i := range outs {
		recs, _, err := build(testInputs(t), quiet())
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := gazfile.Write(&buf, []string{"test"}, recs); err != nil {
			t.Fatal(err)
		}
		outs[i] = buf.Bytes()
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("two builds from the same sources differ")
	}
}

func TestBuildRejects(t *testing.T) {
	tests := []struct {
		name string
		edit func(*inputs)
	}{
		{"unknown alias target", func(in *inputs) { in.regions.Aliases[0].Target = "XXX" }},
		{"link to a missing admin1", func(in *inputs) { in.regions.Links[0].GeoNames = "RR.99" }},
		{"link from a missing subdivision", func(in *inputs) { in.regions.Links[0].ISO = "RR-ZZ" }},
		{"region in an unknown country", func(in *inputs) { in.regions.Regions[0].Country = "XXX" }},
		{"country without a point", func(in *inputs) {
			in.iso1 = append(in.iso1, isoCountry{Alpha2: "SS", Alpha3: "SSS", Name: "Nowhere"})
		}},
	}
	for _, tc := range tests {
		in := testInputs(t)
		tc.edit(in)
		if _, _, err := build(in, quiet()); err == nil {
			t.Errorf("%s: build succeeded", tc.name)
		}
	}
}

func TestMatchSubdivisions(t *testing.T) {
	isoKeys := [][]string{{"capital quell"}, {"nordlandia"}, {"sydmark"}, {"halab"}, {"far isles"}, {"westmark"}}
	geoKeys := [][]string{{"capital quell"}, {"nordland"}, {"sudmark"}, {"aleppo"}, {"westgau"}, {"tx"}}
	isoCodes := []string{"CQ", "NO", "SM", "HL", "FI", "TX"}
	geoCodes := []string{"01", "02", "03", "04", "05", "TX"}
	seatOf := func(i int) []int {
		if i == 3 {
			return []int{3} // Aleppo is the seat, and "Halab" one of its names
		}
		return nil
	}
	link, pass := matchSubdivisions(isoKeys, geoKeys, isoCodes, geoCodes, seatOf, map[int]int{4: 4})
	want := []struct{ link, pass int }{{0, 0}, {1, 2}, {2, 3}, {3, 4}, {4, handPass}, {5, 1}}
	for i, w := range want {
		if link[i] != w.link || pass[i] != w.pass {
			t.Errorf("ISO %d linked to %d by pass %d, want %d by %d", i, link[i], pass[i], w.link, w.pass)
		}
	}
	// A whole first word is a part, not the place: "Gaza" must not take "Gaza Strip".
	link, _ = matchSubdivisions([][]string{{"gaza"}}, [][]string{{"gaza strip"}}, []string{"GZA"}, []string{"GZ"}, nil, nil)
	if link[0] != -1 {
		t.Errorf("gaza linked to gaza strip")
	}
	// Numeric codes mean different things in the two sources.
	link, _ = matchSubdivisions([][]string{{"north"}}, [][]string{{"south"}}, []string{"01"}, []string{"01"}, nil, nil)
	if link[0] != -1 {
		t.Errorf("numeric codes linked unrelated names")
	}
}

func TestISONameVariants(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Bayern", []string{"Bayern"}},
		{"Catalunya [Cataluña]", []string{"Catalunya", "Cataluña"}},
		{"Wales [Cymru GB-CYM]", []string{"Wales", "Cymru"}},
		{"Madrid, Comunidad de", []string{"Madrid"}},
		{"Ilocos (Region I)", []string{"Ilocos"}},
		{"Guyane (française)", []string{"Guyane"}},
	}
	for _, tc := range tests {
		if got := isoNameVariants(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("isoNameVariants(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMatchKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Khersonska oblast", "khersonska"},
		{"Idlib Governorate", "idlib"},
		{"Province", "province"},
		{"Guangdong Sheng", "guangdong"},
		{"Castilla y León", "castilla leon"},
	}
	for _, tc := range tests {
		if got := matchKey(tc.in); got != tc.want {
			t.Errorf("matchKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestJaroWinkler(t *testing.T) {
	tests := []struct {
		a, b     string
		min, max float64
	}{
		{"same", "same", 1, 1},
		{"", "x", 0, 0},
		{"abc", "xyz", 0, 0},
		{"martha", "marhta", 0.96, 0.962},
		{"tigray", "tigrai", 0.93, 0.94},
		{"bayern", "bavaria", 0.6, 0.85},
	}
	for _, tc := range tests {
		if got := jaroWinkler(tc.a, tc.b); got < tc.min || got > tc.max {
			t.Errorf("jaroWinkler(%q, %q) = %.3f, want %.3f..%.3f", tc.a, tc.b, got, tc.min, tc.max)
		}
	}
}

func TestUsefulAlternate(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"Kaboul", true},
		{"Kābul", true},
		{"Saint-Étienne", true},
		{"N'Djamena", true},
		{"KBL", false},
		{"ka bu er", false},
		{"kabul", false},
		{"Кабул", false},
		{"Cabul - kabl", false},
		{"Civ", false},
		{"Paris 01", false},
		{"Paris (Texas)", false},
		{"", false},
	}
	for _, tc := range tests {
		if got := usefulAlternate(tc.s); got != tc.want {
			t.Errorf("usefulAlternate(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestASCIIFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Côte d'Ivoire", "Cote d'Ivoire"},
		{"Åland", "Aland"},
		{"Łódź", "Lodz"},
		{"Straße", "Strasse"},
		{"Кабул", "Кабул"},
	}
	for _, tc := range tests {
		if got := asciiFold(tc.in); got != tc.want {
			t.Errorf("asciiFold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// encodeMO writes a little-endian GNU .mo catalogue, as msgfmt does.
func encodeMO(m map[string]string) []byte {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	n := len(keys)
	hdr := 28
	origTab, transTab := hdr, hdr+8*n
	strs := transTab + 8*n
	var tab, data []byte
	le := binary.LittleEndian
	var origs, trans []byte
	for _, k := range keys {
		origs = le.AppendUint32(origs, uint32(len(k)))
		origs = le.AppendUint32(origs, uint32(strs+len(data)))
		data = append(append(data, k...), 0)
	}
	for _, k := range keys {
		v := m[k]
		trans = le.AppendUint32(trans, uint32(len(v)))
		trans = le.AppendUint32(trans, uint32(strs+len(data)))
		data = append(append(data, v...), 0)
	}
	for _, v := range []uint32{0x950412de, 0, uint32(n), uint32(origTab), uint32(transTab), 0, 0} {
		tab = le.AppendUint32(tab, v)
	}
	return append(append(append(tab, origs...), trans...), data...)
}

func TestReadMO(t *testing.T) {
	want := map[string]string{"Bayern": "Bavaria", "Toscana": "Tuscany", "Sachsen": "Saxony"}
	got, err := readMO(encodeMO(want))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("readMO[%q] = %q, want %q", k, got[k], v)
		}
	}
	bad := encodeMO(want)
	bad[0] ^= 0xff
	for _, b := range [][]byte{nil, []byte("short"), bad, encodeMO(want)[:40]} {
		if _, err := readMO(b); err == nil {
			t.Errorf("readMO accepted %d bad bytes", len(b))
		}
	}
}

func TestReadersReject(t *testing.T) {
	tests := []struct {
		name string
		read func(io.Reader) error
		text string
	}{
		{"cities short row", func(r io.Reader) error { _, err := readCities(r); return err }, "1\tA\tA\n"},
		{"cities bad latitude", func(r io.Reader) error { _, err := readCities(r); return err },
			"1\tA\tA\t\t95\t0\tP\tPPL\tQQ\t\t01\t\t\t\t100\t\t\tUTC\t2020-01-01\n"},
		{"admin1 bad code", func(r io.Reader) error { _, err := readAdmin1(r); return err }, "QQ01\tA\tA\t1\n"},
		{"country bad codes", func(r io.Reader) error { _, err := readCountryInfo(r); return err },
			"Q\tQQQ\t1\tQ\tA\tB\t1\t1\tEU\t.q\tQ\tQ\t1\t\t\tq\t1\t\t\n"},
		{"iso1 not json", func(r io.Reader) error { _, err := readISO3166_1(r); return err }, "{"},
		{"iso2 bad code", func(r io.Reader) error { _, err := readISO3166_2(r); return err }, `{"3166-2":[{"code":"X","name":"A"}]}`},
	}
	for _, tc := range tests {
		if err := tc.read(strings.NewReader(tc.text)); err == nil {
			t.Errorf("%s: accepted", tc.name)
		}
	}
}

func FuzzReadCities(f *testing.F) {
	b, err := os.ReadFile(filepath.Join("testdata", "geonames", "cities15000.txt"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Fuzz(func(t *testing.T, text string) {
		cs, err := readCities(strings.NewReader(text))
		if err != nil {
			return
		}
		for _, c := range cs {
			if c.Name == "" || len(c.Country) != 2 || c.Lat < -90 || c.Lat > 90 || c.Population < 0 {
				t.Fatalf("accepted bad city %+v", c)
			}
		}
	})
}

func FuzzReadMO(f *testing.F) {
	f.Add(encodeMO(map[string]string{"Bayern": "Bavaria"}))
	f.Add([]byte{0xde, 0x12, 0x04, 0x95, 0, 0, 0, 0, 1, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		readMO(b) // must not panic on any input
	})
}
