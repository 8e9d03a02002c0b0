package geo

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/geo/gazfile"
)

// testGazetteer loads the embedded table once for the package's tests.
func testGazetteer(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return g
}

// readCases reads a tab-separated test table from testdata, skipping comments.
func readCases(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		out = append(out, strings.Split(line, "\t"))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("%s holds no cases", name)
	}
	return out
}

// describe renders a place as the test tables write it: name|kind|country ("-" for none).
func describe(p Place) string {
	c := p.Country
	if c == "" {
		c = "-"
	}
	return p.Name + "|" + p.Kind + "|" + c
}

func TestCounts(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct {
		kind string
		min  int
	}{
		{KindCity, 23000},
		{KindCountry, 249},
		{KindAdmin1, 3000},
		{KindRegion, 30},
	}
	for _, tc := range tests {
		if n := g.Count(tc.kind); n < tc.min {
			t.Errorf("%d places of kind %s, want at least %d", n, tc.kind, tc.min)
		}
	}
	t.Logf("places %d (cities %d, admin1 %d, countries %d, regions %d), keys %d",
		g.Len(), g.Count(KindCity), g.Count(KindAdmin1), g.Count(KindCountry), g.Count(KindRegion), g.Keys())
}

func TestLookup(t *testing.T) {
	g := testGazetteer(t)
	for _, c := range readCases(t, "lookup.tsv") {
		if len(c) < 2 {
			t.Fatalf("bad case %q", c)
		}
		got := g.Lookup(c[0])
		var names []string
		for _, p := range got {
			names = append(names, describe(p))
		}
		i := slices.Index(names, c[1])
		switch {
		case i < 0:
			t.Errorf("Lookup(%q) = %v, want it to hold %s", c[0], names, c[1])
		case len(c) > 2 && c[2] == "first" && i != 0:
			t.Errorf("Lookup(%q) = %v, want %s first", c[0], names, c[1])
		}
	}
}

func TestLookupMisses(t *testing.T) {
	g := testGazetteer(t)
	for _, q := range []string{"", "   ", "Xqzvwplk", "the", "-", strings.Repeat("a", 1000), "Kabul Kabul Kabul"} {
		if got := g.Lookup(q); len(got) != 0 {
			t.Errorf("Lookup(%q) = %d places, want none", q, len(got))
		}
		if g.Contains(q) {
			t.Errorf("Contains(%q) = true, want false", q)
		}
	}
}

func TestCountry(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct {
		code, want string
		ok         bool
	}{
		{"AFG", "Afghanistan", true},
		{"af", "Afghanistan", true},
		{"Af", "Afghanistan", true},
		{"GBR", "United Kingdom", true},
		{"GB", "United Kingdom", true},
		{"UK", "United Kingdom", true},
		{"XKX", "Kosovo", true},
		{"XK", "Kosovo", true},
		{"PSE", "Palestinian Territory", true},
		{"ZZZ", "", false},
		{"A", "", false},
		{"AFGH", "", false},
		{"A1", "", false},
		{"", "", false},
	}
	for _, tc := range tests {
		p, ok := g.Country(tc.code)
		if ok != tc.ok || p.Name != tc.want {
			t.Errorf("Country(%q) = %q, %v; want %q, %v", tc.code, p.Name, ok, tc.want, tc.ok)
		}
		if ok && (p.Kind != KindCountry || p.Approximate) {
			t.Errorf("Country(%q) = %+v, want a placed country", tc.code, p)
		}
	}
	// Countries lie at their capital.
	af, _ := g.Country("AFG")
	kabul, _ := g.Resolve("Kabul", Context{})
	if af.Lat != kabul.Lat || af.Lon != kabul.Lon {
		t.Errorf("Afghanistan at %v,%v, want Kabul's %v,%v", af.Lat, af.Lon, kabul.Lat, kabul.Lon)
	}
}

func TestCountryByName(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct {
		name, want string
	}{
		{"Afghanistan", "AFG"},
		{"Britain", "GBR"},
		{"Great Britain", "GBR"},
		{"United Kingdom", "GBR"},
		{"U.K.", "GBR"},
		{"United States", "USA"},
		{"the United States", "USA"},
		{"U.S.", "USA"},
		{"America", "USA"},
		{"Russia", "RUS"},
		{"Russian Federation", "RUS"},
		{"Iran", "IRN"},
		{"Syria", "SYR"},
		{"South Korea", "KOR"},
		{"North Korea", "PRK"},
		{"Ivory Coast", "CIV"},
		{"Cote d'Ivoire", "CIV"},
		{"Burma", "MMR"},
		{"Myanmar", "MMR"},
		{"Czech Republic", "CZE"},
		{"Czechia", "CZE"},
		{"Türkiye", "TUR"},
		{"Turkey", "TUR"},
		{"DRC", "COD"},
		{"Congo", "COD"},
		{"Congo-Brazzaville", "COG"},
		{"Palestine", "PSE"},
		{"Vatican", "VAT"},
		{"East Timor", "TLS"},
		{"Eswatini", "SWZ"},
		{"Swaziland", "SWZ"},
		{"UAE", "ARE"},
		{"Kosovo", "XKX"},
		{"Georgia", "GEO"},
		{"Jordan", "JOR"},
		{"Chad", "TCD"},
		{"Kabul", ""},
		{"Texas", ""},
		{"", ""},
	}
	for _, tc := range tests {
		p, ok := g.CountryByName(tc.name)
		if ok != (tc.want != "") || p.Country != tc.want {
			t.Errorf("CountryByName(%q) = %q, %v; want %q", tc.name, p.Country, ok, tc.want)
		}
	}
}

func TestAdmin1AndByID(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct {
		code, want, sub string
	}{
		{"US.TX", "Texas", "US-TX"},
		{"US-TX", "Texas", "US-TX"},
		{"DE-BY", "Bavaria", "DE-BY"},
		{"PK-PB", "Punjab", "PK-PB"},
		{"IN-PB", "Punjab", "IN-PB"},
		{"DE-NI", "Lower Saxony", "DE-NI"},
		{"SY-HL", "Aleppo", "SY-HL"},
	}
	for _, tc := range tests {
		p, ok := g.Admin1(tc.code)
		if !ok || p.Name != tc.want || p.Subdivision != tc.sub || p.Kind != KindAdmin1 {
			t.Errorf("Admin1(%q) = %q %q %v, want %q %q", tc.code, p.Name, p.Subdivision, ok, tc.want, tc.sub)
			continue
		}
		q, ok := g.ByID(p.ID)
		if !ok || q != p {
			t.Errorf("ByID(%d) = %+v, want %+v", p.ID, q, p)
		}
	}
	if _, ok := g.Admin1("AFG"); ok {
		t.Error("Admin1 accepted a country code")
	}
	if _, ok := g.ByID(0); ok {
		t.Error("ByID(0) found a place")
	}
}

// TestSubdivisionsCoverISO checks that the ISO 3166-2 link reached the subdivisions news names.
func TestSubdivisionsCoverISO(t *testing.T) {
	g := testGazetteer(t)
	for _, code := range []string{"US-CA", "DE-NW", "FR-IDF", "GB-SCT", "UA-14", "UA-43", "SY-ID", "AF-HEL",
		"IQ-NI", "NG-BO", "ET-TI", "MX-CMX", "CN-XJ", "IN-JK", "PK-BA", "SO-SH"} {
		if _, ok := g.Admin1(code); !ok {
			t.Errorf("no subdivision with ISO 3166-2 code %s", code)
		}
	}
}

func TestCitiesCarryAdmin1(t *testing.T) {
	g := testGazetteer(t)
	p, ok := g.Resolve("Houston", Context{})
	if !ok || p.Admin1 != "Texas" || p.Admin1Code != "US.TX" || p.Subdivision != "US-TX" || p.Country != "USA" {
		t.Errorf("Houston = %+v, want it in Texas, US-TX", p)
	}
}

// TestRegionsFileInTable checks that the table was regenerated after the last edit of the
// hand-kept file: every region and extra name in it must be found.
func TestRegionsFileInTable(t *testing.T) {
	g := testGazetteer(t)
	f, err := os.Open(filepath.Join("data", "regions.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	regs, err := gazfile.ReadRegions(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range regs.Regions {
		p, ok := g.ByID(-r.ID)
		if !ok || p.Name != r.Names[0] || p.Country != r.Country {
			t.Errorf("region %d %q: table has %+v (regenerate with go run ./internal/geo/gen)", r.ID, r.Names[0], p)
			continue
		}
		for _, n := range r.Names {
			if !slices.ContainsFunc(g.Lookup(n), func(q Place) bool { return q.ID == p.ID }) {
				t.Errorf("Lookup(%q) misses region %d", n, r.ID)
			}
		}
	}
	for _, a := range regs.Aliases {
		for _, n := range a.Names {
			if !g.Contains(n) {
				t.Errorf("alias %q of %s (line %d) not in the table", n, a.Target, a.Line)
			}
		}
	}
}

func TestReadRejects(t *testing.T) {
	rec := gazfile.Record{ID: 7, Kind: KindCity, Country: "QQQ", Country2: "QQ", Name: "Testville", ASCII: "Testville"}
	table := func(recs ...gazfile.Record) []byte {
		var b bytes.Buffer
		if err := gazfile.Write(&b, nil, recs); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"not gzip", []byte("Kabul")},
		{"empty table", table()},
		{"id twice", table(rec, rec)},
	}
	for _, tc := range tests {
		if _, err := Read(bytes.NewReader(tc.data)); err == nil {
			t.Errorf("%s: Read succeeded", tc.name)
		}
	}
	g, err := Read(bytes.NewReader(table(rec)))
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := g.Resolve("testville", Context{}); !ok || p.ID != 7 {
		t.Errorf("one-place table: Resolve = %+v, %v", p, ok)
	}
}

func TestLoadCost(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	cpu0 := processCPU()
	t0 := time.Now()
	g, err := Load()
	wall := time.Since(t0)
	cpu := processCPU() - cpu0
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	runtime.KeepAlive(g)
	t.Logf("load: wall %v, cpu %v, heap %.1f MB, %d places, %d keys", wall, cpu, float64(heap)/(1<<20), g.Len(), g.Keys())
	if heap > 100<<20 {
		t.Errorf("loaded gazetteer holds %.1f MB of heap, want at most 100 MB", float64(heap)/(1<<20))
	}
	// CPU time, not wall time: the budget is the work done, which a busy machine does not change.
	if cpu > 0 && cpu > 300*time.Millisecond {
		t.Errorf("load took %v of CPU, want at most 300ms", cpu)
	}
}
