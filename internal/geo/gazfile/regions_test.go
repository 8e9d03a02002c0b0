package gazfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadRegions(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "regions.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := ReadRegions(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Regions) != 2 || len(r.Aliases) != 4 || len(r.Coords) != 2 || len(r.Links) != 1 {
		t.Fatalf("read %d regions, %d aliases, %d coords, %d links", len(r.Regions), len(r.Aliases), len(r.Coords), len(r.Links))
	}
	v := r.Regions[0]
	if v.ID != 1 || v.Kind != KindRegion || v.Country != "QQQ" || v.Lat != 10.5 || len(v.Names) != 2 || v.Names[1] != "Valley of Quell" {
		t.Errorf("region = %+v", v)
	}
	if r.Regions[1].Country != "" || r.Regions[1].Kind != KindCity {
		t.Errorf("second region = %+v", r.Regions[1])
	}
	if r.Links[0] != (Link{ISO: "QQ-SO", GeoNames: "QQ.02", Line: 11}) {
		t.Errorf("link = %+v", r.Links[0])
	}
	for _, a := range r.Aliases {
		if !validTarget(a.Target) {
			t.Errorf("alias target %q read but invalid", a.Target)
		}
	}
}

func TestReadRegionsRejects(t *testing.T) {
	tests := []string{
		"region\t1\tregion\tQQQ\t10\t20",                                       // no names
		"region\t0\tregion\tQQQ\t10\t20\tA",                                    // id not positive
		"region\tx\tregion\tQQQ\t10\t20\tA",                                    // id not a number
		"region\t1\tcountry\tQQQ\t10\t20\tA",                                   // kind
		"region\t1\tregion\tqq\t10\t20\tA",                                     // country
		"region\t1\tregion\tQQQ\t100\t20\tA",                                   // latitude
		"region\t1\tregion\tQQQ\t10\tNaN\tA",                                   // longitude
		"region\t1\tregion\tQQQ\t10\t20\tA||B",                                 // empty name
		"region\t1\tregion\tQQQ\t10\t20\tA\nregion\t1\tregion\tQQQ\t10\t20\tB", // id reused
		"alias\tQQQ",           // no names
		"alias\tfoo\tA",        // target
		"coords\tQQQ\t10",      // fields
		"coords\tQQ.1\t10\t20", // target
		"link\tQQ-NO\tRR.01",   // two countries
		"link\tQQ-NO",          // fields
		"place\tQQQ\tA",        // line type
	}
	for _, text := range tests {
		if _, err := ReadRegions(strings.NewReader(text)); err == nil {
			t.Errorf("ReadRegions accepted %q", text)
		}
	}
}

func FuzzReadRegions(f *testing.F) {
	b, err := os.ReadFile(filepath.Join("testdata", "regions.tsv"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Fuzz(func(t *testing.T, text string) {
		r, err := ReadRegions(strings.NewReader(text))
		if err != nil {
			return
		}
		for _, reg := range r.Regions {
			if reg.ID <= 0 || len(reg.Names) == 0 || reg.Lat < -90 || reg.Lat > 90 {
				t.Fatalf("accepted bad region %+v", reg)
			}
		}
		for _, a := range r.Aliases {
			if !validTarget(a.Target) || len(a.Names) == 0 {
				t.Fatalf("accepted bad alias %+v", a)
			}
		}
	})
}
