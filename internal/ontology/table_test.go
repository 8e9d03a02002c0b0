package ontology

import (
	"slices"
	"strings"
	"testing"
)

func TestReadTable(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		want     [][]string
		wantErr  string
	}{
		{"comments and blanks", "# head\n\na\tb\n# mid\nc\td\n", 2, [][]string{{"a", "b"}, {"c", "d"}}, ""},
		{"crlf", "a\tb\r\nc\td\r\n", 2, [][]string{{"a", "b"}, {"c", "d"}}, ""},
		{"no final newline", "a\tb", 2, [][]string{{"a", "b"}}, ""},
		{"empty", "", 3, nil, ""},
		{"too few", "a\tb\n", 3, nil, "line 1: 2 fields, want 3"},
		{"too many", "# c\na\tb\tc\td\n", 3, nil, "line 2: 4 fields, want 3"},
		{"empty field", "a\t\tc\n", 3, nil, "line 1: field 2 is empty"},
		{"padded field", "a\t b\tc\n", 3, nil, "line 1: field 2 is empty or has surrounding spaces"},
		{"long line", strings.Repeat("x", maxLine+10), 1, nil, "line 1: longer than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [][]string
			err := readTable(strings.NewReader(tt.in), tt.n, func(_ int, f []string) error {
				got = append(got, slices.Clone(f))
				return nil
			})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("rows = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name  string
		parse func(string) error
		in    string
	}{
		{"event code letters", func(s string) error { _, err := parseEvents(strings.NewReader(s)); return err }, "0a4\t1\t1.9\tn\td\n"},
		{"event code long", func(s string) error { _, err := parseEvents(strings.NewReader(s)); return err }, "04211\t1\t1.9\tn\td\n"},
		{"event goldstein", func(s string) error { _, err := parseEvents(strings.NewReader(s)); return err }, "042\t1\tx\tn\td\n"},
		{"event inf", func(s string) error { _, err := parseEvents(strings.NewReader(s)); return err }, "042\t1\t+Inf\tn\td\n"},
		{"plover lower", func(s string) error { _, err := parsePLOVER(strings.NewReader(s)); return err }, "agree\t-\t1\td\n"},
		{"plover quad on mode", func(s string) error { _, err := parsePLOVER(strings.NewReader(s)); return err }, "A\t-\t1\td\nA\tm\t1\td\n"},
		{"plover type twice", func(s string) error { _, err := parsePLOVER(strings.NewReader(s)); return err }, "A\t-\t1\td\nA\t-\t1\td\n"},
		{"plover mode twice", func(s string) error { _, err := parsePLOVER(strings.NewReader(s)); return err }, "A\t-\t1\td\nA\tm\t-\td\nA\tm\t-\td\n"},
		{"country alpha3", func(s string) error { _, err := parseCountries(strings.NewReader(s)); return err }, "US\tUS\t840\tcountry\tr\tn\n"},
		{"country alpha2", func(s string) error { _, err := parseCountries(strings.NewReader(s)); return err }, "USA\tUSA\t840\tcountry\tr\tn\n"},
		{"country numeric", func(s string) error { _, err := parseCountries(strings.NewReader(s)); return err }, "USA\tUS\t84\tcountry\tr\tn\n"},
		{"country kind", func(s string) error { _, err := parseCountries(strings.NewReader(s)); return err }, "USA\tUS\t840\tregion\tr\tn\n"},
		{"region kind", func(s string) error { _, err := parseRegions(strings.NewReader(s)); return err }, "MEA\tcountry\tn\n"},
		{"region code", func(s string) error { _, err := parseRegions(strings.NewReader(s)); return err }, "Mea\tregion\tn\n"},
		{"agent kind", func(s string) error { _, err := parseAgents(strings.NewReader(s)); return err }, "GOV\tgov\tn\n"},
		{"agent code", func(s string) error { _, err := parseAgents(strings.NewReader(s)); return err }, "GOVT\tstate\tn\n"},
		{"igo prefix", func(s string) error { _, err := parseIGOs(strings.NewReader(s)); return err }, "NGOUNO\tUN\tn\n"},
		{"igo short", func(s string) error { _, err := parseIGOs(strings.NewReader(s)); return err }, "IGO\tUN\tn\n"},
		{"igo group", func(s string) error { _, err := parseIGOs(strings.NewReader(s)); return err }, "IGOUN1\tUN\tn\n"},
	}
	for _, tt := range tests {
		if err := tt.parse(tt.in); err == nil {
			t.Errorf("%s: %q accepted", tt.name, tt.in)
		}
	}
}

// FuzzParseTables feeds arbitrary text to every table parser: none may panic, and what a parser accepts
// must meet the checks it promises.
func FuzzParseTables(f *testing.F) {
	for _, s := range []string{
		"042\t1\t1.9\tMake a visit\tGoing there.\n",
		"CONSULT\t-\t1\tTalks.\nCONSULT\tvisit\t-\tThere.\n",
		"042\tCONSULT\tvisit\n",
		"USA\tUS\t840\tcountry\tNorth America\tUnited States\n",
		"MEA\tregion\tMiddle East\n",
		"GOV\tstate\tGovernment\n",
		"IGOUNOWHO\tWHO\tWorld Health Organization\n",
		"# c\n\n\t\t\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if ev, err := parseEvents(strings.NewReader(in)); err == nil {
			for _, e := range ev {
				if !isDigits(e.Code) || e.Root != e.Code[:2] || e.Quad < 1 || e.Quad > 4 {
					t.Errorf("parseEvents accepted %+v", e)
				}
			}
		}
		if types, err := parsePLOVER(strings.NewReader(in)); err == nil {
			for _, ty := range types {
				if ty.Quad < 1 || ty.Quad > 4 {
					t.Errorf("parsePLOVER accepted %+v", ty)
				}
			}
		}
		_, _ = parseMapping(strings.NewReader(in))
		if cs, err := parseCountries(strings.NewReader(in)); err == nil {
			for _, c := range cs {
				if !isUpper3(c.Code) || len(c.ISO2) != 2 {
					t.Errorf("parseCountries accepted %+v", c)
				}
			}
		}
		if rs, err := parseRegions(strings.NewReader(in)); err == nil {
			for _, r := range rs {
				if !isUpper3(r.Code) {
					t.Errorf("parseRegions accepted %+v", r)
				}
			}
		}
		if as, err := parseAgents(strings.NewReader(in)); err == nil {
			for _, a := range as {
				if !isUpper3(a.Code) {
					t.Errorf("parseAgents accepted %+v", a)
				}
			}
		}
		if gs, err := parseIGOs(strings.NewReader(in)); err == nil {
			for _, g := range gs {
				if !strings.HasPrefix(g.Code, "IGO") || !isUpper3(g.Key) || !strings.HasSuffix(g.Code, g.Key) {
					t.Errorf("parseIGOs accepted %+v", g)
				}
			}
		}
	})
}
