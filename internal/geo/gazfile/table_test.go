package gazfile

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func readSmall(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "small.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// collect parses text into copies of its records.
func collect(text string) ([]Record, error) {
	var out []Record
	err := Parse(text, func(r *Record) error {
		c := *r
		c.Preferred = append([]string(nil), r.Preferred...)
		c.Alternates = append([]string(nil), r.Alternates...)
		out = append(out, c)
		return nil
	})
	return out, err
}

func TestParseSmall(t *testing.T) {
	recs, err := collect(readSmall(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 4 {
		t.Fatalf("%d records, want 4", len(recs))
	}
	tests := []struct {
		i                int
		kind, name, adm1 string
		approx           bool
		pref, alts       int
	}{
		{0, KindCountry, "Quelland", "", false, 1, 2},
		{1, KindAdmin1, "North Quell", "North Quell", true, 0, 0},
		{2, KindCity, "Pórtovel", "North Quell", false, 0, 1},
		{3, KindRegion, "The Drift", "", false, 1, 0},
	}
	for _, tc := range tests {
		r := recs[tc.i]
		if r.Kind != tc.kind || r.Name != tc.name || r.Admin1 != tc.adm1 || r.Approximate != tc.approx ||
			len(r.Preferred) != tc.pref || len(r.Alternates) != tc.alts {
			t.Errorf("record %d = %+v", tc.i, r)
		}
	}
	if recs[2].Lat != 11.25 || recs[2].Lon != 20.75 || recs[2].Population != 250000 || recs[2].Subdivision != "QQ-NO" {
		t.Errorf("city fields = %+v", recs[2])
	}
}

func TestWriteReadRoundTrip(t *testing.T) {
	recs, err := collect(readSmall(t))
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := Write(&a, []string{"test header"}, recs); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, []string{"test header"}, recs); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same records differ")
	}
	var back []Record
	err = Read(bytes.NewReader(a.Bytes()), func(r *Record) error {
		c := *r
		c.Preferred = append([]string(nil), r.Preferred...)
		c.Alternates = append([]string(nil), r.Alternates...)
		back = append(back, c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, recs) {
		t.Errorf("round trip changed records:\n got %+v\nwant %+v", back, recs)
	}
}

func TestWriteRejects(t *testing.T) {
	good := Record{ID: 1, Kind: KindCity, Country: "QQQ", Country2: "QQ", Name: "Town", ASCII: "Town"}
	tests := []struct {
		name string
		edit func(*Record)
	}{
		{"kind", func(r *Record) { r.Kind = "village" }},
		{"empty name", func(r *Record) { r.Name = "" }},
		{"latitude", func(r *Record) { r.Lat = 91 }},
		{"longitude", func(r *Record) { r.Lon = -181 }},
		{"population", func(r *Record) { r.Population = -1 }},
		{"country", func(r *Record) { r.Country = "qqq" }},
		{"country2 alone", func(r *Record) { r.Country = "" }},
		{"tab", func(r *Record) { r.Admin1 = "a\tb" }},
		{"bar", func(r *Record) { r.Alternates = []string{"a|b"} }},
		{"empty alternate", func(r *Record) { r.Preferred = []string{""} }},
	}
	for _, tc := range tests {
		r := good
		tc.edit(&r)
		if err := Write(&bytes.Buffer{}, nil, []Record{r}); err == nil {
			t.Errorf("%s: Write accepted %+v", tc.name, r)
		}
	}
	if err := Write(&bytes.Buffer{}, nil, []Record{good}); err != nil {
		t.Errorf("Write rejected a good record: %v", err)
	}
}

func TestParseRejects(t *testing.T) {
	small := readSmall(t)
	line := strings.Split(small, "\n")[2]
	tests := []struct {
		name, text string
	}{
		{"no magic", "hello\n"},
		{"other version", "#dyad-gazetteer\t2\n"},
		{"few fields", Magic + "\n1\tcity\n"},
		{"extra field", Magic + "\n" + line + "\textra\n"},
		{"bad id", Magic + "\n" + strings.Replace(line, "-1", "x", 1) + "\n"},
		{"bad flags", Magic + "\n" + strings.Replace(line, "\t-\t", "\t?\t", 1) + "\n"},
		{"bad latitude", Magic + "\n" + strings.Replace(line, "10.00000", "NaN", 1) + "\n"},
	}
	for _, tc := range tests {
		if _, err := collect(tc.text); err == nil {
			t.Errorf("%s: Parse accepted %q", tc.name, tc.text)
		}
	}
	if _, err := collect(Magic + "\n"); err != nil {
		t.Errorf("empty table: %v", err)
	}
	if err := Read(strings.NewReader("not gzip"), func(*Record) error { return nil }); err == nil {
		t.Error("Read accepted bytes that are not gzip")
	}
}

func FuzzParse(f *testing.F) {
	f.Add(readSmall(f))
	f.Add(Magic + "\n1\tcity\tQQQ\tQQ\t\t\t\tPPL\t0\t0\t0\t0\t-\tA\tA\t\t\n")
	f.Fuzz(func(t *testing.T, text string) {
		recs, err := collect(text)
		if err != nil {
			return
		}
		// Whatever parses must survive a write and a read unchanged.
		var out []byte
		out = append(out, Magic+"\n"...)
		for i := range recs {
			out = AppendRecord(out, &recs[i])
		}
		again, err := collect(string(out))
		if err != nil {
			t.Fatalf("re-parse: %v", err)
		}
		if len(again) != len(recs) {
			t.Fatalf("re-parse gave %d records, want %d", len(again), len(recs))
		}
		for i := range recs {
			if again[i].ID != recs[i].ID || again[i].Name != recs[i].Name || len(again[i].Alternates) != len(recs[i].Alternates) {
				t.Fatalf("record %d changed: %+v → %+v", i, recs[i], again[i])
			}
		}
	})
}
