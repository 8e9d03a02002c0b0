package ontology

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// mustLoad loads the embedded tables or stops the test.
func mustLoad(t testing.TB) *Ontology {
	t.Helper()
	o, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return o
}

// readTestdata reads a tab-separated file from testdata with n fields per line.
func readTestdata(t *testing.T, name string, n int) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	if err := readTable(f, n, func(_ int, fs []string) error {
		rows = append(rows, slices.Clone(fs))
		return nil
	}); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rows
}

func TestDefaultIsShared(t *testing.T) {
	a, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Error("Default returned two different values")
	}
}

func TestRoots(t *testing.T) {
	o := mustLoad(t)
	var roots []string
	for _, e := range o.Events() {
		if len(e.Code) == 2 {
			roots = append(roots, e.Code)
		}
	}
	var want []string
	for i := 1; i <= 20; i++ {
		want = append(want, strconv.Itoa(100 + i)[1:])
	}
	if !slices.Equal(roots, want) {
		t.Errorf("roots = %v, want %v", roots, want)
	}
}

// wantQuad is the quad class CAMEO assigns to each root.
func wantQuad(root string) int {
	n, err := strconv.Atoi(root)
	switch {
	case err != nil:
		return 0
	case n <= 5:
		return VerbalCooperation
	case n <= 9:
		return MaterialCooperation
	case n <= 14:
		return VerbalConflict
	default:
		return MaterialConflict
	}
}

func TestEventInvariants(t *testing.T) {
	o := mustLoad(t)
	events := o.Events()
	// CAMEO 1.1b3 has about 300 codes; a much shorter table has lost lines.
	if len(events) < 300 {
		t.Errorf("%d event codes, want at least 300", len(events))
	}
	if !slices.IsSortedFunc(events, func(a, b Event) int { return strings.Compare(a.Code, b.Code) }) {
		t.Error("Events is not sorted by code")
	}
	for _, e := range events {
		if _, ok := o.Event(e.Root); !ok {
			t.Errorf("%s: root %s missing", e.Code, e.Root)
		}
		if len(e.Code) == 4 {
			if _, ok := o.Event(e.Code[:3]); !ok {
				t.Errorf("%s: parent %s missing", e.Code, e.Code[:3])
			}
		}
		if e.Quad != wantQuad(e.Root) {
			t.Errorf("%s: quad %d, want %d for root %s", e.Code, e.Quad, wantQuad(e.Root), e.Root)
		}
		if e.Goldstein < -10 || e.Goldstein > 10 {
			t.Errorf("%s: Goldstein %v outside [-10, 10]", e.Code, e.Goldstein)
		}
		if e.Name == "" || e.Description == "" {
			t.Errorf("%s: empty name or description", e.Code)
		}
		if len(e.Code) == 2 && e.Name != strings.ToUpper(e.Name) {
			t.Errorf("%s: root name %q is not upper case", e.Code, e.Name)
		}
	}
}

// unmappedCodes are the CAMEO codes that PLOVER deliberately leaves without a type; see the comment in
// data/cameo_plover.tsv.
var unmappedCodes = []string{"01", "010", "011", "012", "013", "014", "015", "017"}

func TestEveryCodeHasPLOVERMapping(t *testing.T) {
	o := mustLoad(t)
	f, err := dataFS.Open(fileMapping)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := parseMapping(f)
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, r := range rows {
		listed[r.code] = true
	}
	var unmapped []string
	for _, e := range o.Events() {
		if !listed[e.Code] {
			t.Errorf("%s has no line in %s", e.Code, fileMapping)
		}
		if e.PLOVER == "" {
			unmapped = append(unmapped, e.Code)
			if e.Mode != "" {
				t.Errorf("%s: mode %q without a type", e.Code, e.Mode)
			}
			continue
		}
		typ, ok := o.PLOVERType(e.PLOVER)
		if !ok {
			t.Errorf("%s: unknown PLOVER type %s", e.Code, e.PLOVER)
			continue
		}
		if e.Mode != "" && !slices.ContainsFunc(typ.Modes, func(m PLOVERMode) bool { return m.Name == e.Mode }) {
			t.Errorf("%s: %s has no mode %q", e.Code, e.PLOVER, e.Mode)
		}
	}
	// A root is mapped as its "not specified" child (root + "0"), as the mapping file promises.
	for _, e := range o.Events() {
		if len(e.Code) != 2 {
			continue
		}
		child, ok := o.Event(e.Code + "0")
		if !ok {
			t.Errorf("root %s has no %s0 child", e.Code, e.Code)
			continue
		}
		if e.PLOVER != child.PLOVER || e.Mode != child.Mode {
			t.Errorf("root %s maps to %s %q, its child %s to %s %q", e.Code, e.PLOVER, e.Mode, child.Code, child.PLOVER, child.Mode)
		}
	}
	if !slices.Equal(unmapped, unmappedCodes) {
		t.Errorf("codes without a PLOVER type = %v, want %v", unmapped, unmappedCodes)
	}
}

func TestEventLookups(t *testing.T) {
	o := mustLoad(t)
	for _, row := range readTestdata(t, "events.tsv", 7) {
		code := row[0]
		t.Run(code, func(t *testing.T) {
			e, ok := o.Event(code)
			if !ok {
				t.Fatalf("Event(%q) not found", code)
			}
			quad, _ := strconv.Atoi(row[3])
			g, err := strconv.ParseFloat(row[4], 64)
			if err != nil {
				t.Fatal(err)
			}
			want := Event{Code: code, Name: row[1], Root: row[2], Quad: quad, Goldstein: g,
				PLOVER: optional(row[5]), Mode: optional(row[6]), Description: e.Description}
			if e != want {
				t.Errorf("Event(%q) = %+v, want %+v", code, e, want)
			}
			r, ok := o.Root(code)
			if !ok || r.Code != row[2] {
				t.Errorf("Root(%q) = %q, %v; want %q", code, r.Code, ok, row[2])
			}
		})
	}
	for _, code := range []string{"", "42", "0", "21", "999", "0425", "04a", "010 "} {
		if e, ok := o.Event(code); ok {
			t.Errorf("Event(%q) = %+v, want not found", code, e)
		}
		if _, ok := o.Root(code); ok {
			t.Errorf("Root(%q) found, want not found", code)
		}
	}
}

func TestPLOVERTypes(t *testing.T) {
	o := mustLoad(t)
	want := []struct {
		name  string
		quad  int
		modes []string
	}{
		{"AGREE", 1, nil},
		{"CONSULT", 1, []string{"visit", "third-party", "multilateral", "phone"}},
		{"SUPPORT", 1, nil},
		{"CONCEDE", 1, nil},
		{"COOPERATE", 2, nil},
		{"AID", 2, nil},
		{"RETREAT", 2, []string{"withdraw", "release", "disarm", "ceasefire", "access", "resign"}},
		{"REQUEST", 3, []string{"assist", "change", "yield", "meet"}},
		{"ACCUSE", 3, []string{"disapprove", "investigate", "allege"}},
		{"REJECT", 3, []string{"assist", "change", "yield", "meet"}},
		{"THREATEN", 3, []string{"restrict", "arrest", "relations", "expel", "territory", "violence"}},
		{"PROTEST", 4, []string{"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}},
		{"SANCTION", 4, []string{"convict", "expel", "withdraw", "discontinue"}},
		{"MOBILIZE", 4, []string{"troops", "weapons", "police", "militia"}},
		{"COERCE", 4, []string{"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold", "misinformation", "cyber"}},
		{"ASSAULT", 4, []string{"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional"}},
	}
	got := o.PLOVERTypes()
	if len(got) != len(want) {
		t.Fatalf("%d PLOVER types, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		var modes []string
		for _, m := range g.Modes {
			modes = append(modes, m.Name)
			if m.Definition == "" {
				t.Errorf("%s %s: empty definition", g.Name, m.Name)
			}
		}
		if g.Name != w.name || g.Quad != w.quad || !slices.Equal(modes, w.modes) || g.Definition == "" {
			t.Errorf("type %d = %s quad %d modes %v, want %s quad %d modes %v", i, g.Name, g.Quad, modes, w.name, w.quad, w.modes)
		}
	}
	// Callers get copies: changing one must not change the Ontology.
	got[1].Modes[0].Name = "changed"
	if again := o.PLOVERTypes(); again[1].Modes[0].Name != "visit" {
		t.Error("PLOVERTypes shares its mode slices with the Ontology")
	}
	if _, ok := o.PLOVERType("FIGHT"); ok {
		t.Error("PLOVERType(FIGHT) found; PLOVER 2021 folded FIGHT into ASSAULT")
	}
}

func TestCountries(t *testing.T) {
	o := mustLoad(t)
	iso := 0
	for _, c := range o.Countries() {
		if c.Kind == KindCountry {
			iso++
		}
	}
	// ISO 3166-1 assigns 249 alpha-3 codes.
	if iso < 249 {
		t.Errorf("%d ISO 3166-1 countries, want at least 249", iso)
	}
	tests := []struct {
		code string
		want Country
	}{
		{"USA", Country{Code: "USA", ISO2: "US", Name: "United States", Kind: KindCountry, Region: "North America"}},
		{"AFG", Country{Code: "AFG", ISO2: "AF", Name: "Afghanistan", Kind: KindCountry, Region: "Asia"}},
		{"CAF", Country{Code: "CAF", ISO2: "CF", Name: "Central African Republic", Kind: KindCountry, Region: "Africa"}},
		{"PSE", Country{Code: "PSE", ISO2: "PS", Name: "Palestinian Territory (Occupied)", Kind: KindCountry, Region: "Asia"}},
		{"SSD", Country{Code: "SSD", ISO2: "SS", Name: "South Sudan", Kind: KindCountry, Region: "Africa"}},
		{"XKX", Country{Code: "XKX", ISO2: "XK", Name: "Kosovo", Kind: KindUserAssigned, Region: "Europe"}},
		{"KOS", Country{Code: "KOS", Name: "Kosovo", Kind: KindSpecial}},
		{"MEA", Country{Code: "MEA", Name: "Middle East", Kind: KindRegion}},
		{"WST", Country{Code: "WST", Name: "The West", Kind: KindRegion}},
		{"CFR", Country{Code: "CFR", Name: "Central Africa", Kind: KindRegion}},
		{"USR", Country{Code: "USR", Name: "Soviet Union", Kind: KindHistoric}},
	}
	for _, tt := range tests {
		got, ok := o.Country(tt.code)
		if !ok || got != tt.want {
			t.Errorf("Country(%q) = %+v, %v; want %+v", tt.code, got, ok, tt.want)
		}
	}
	for _, code := range []string{"AFR", "ASA", "EUR", "MEA", "LAM", "NMR", "SAM", "CAS", "SAS", "SEA", "WAF", "EAF", "SAF", "NAF", "BLK", "CRB", "EEU", "WEU", "SCN", "PGS", "BAL", "MDT"} {
		if c, ok := o.Country(code); !ok || c.Kind != KindRegion {
			t.Errorf("Country(%q) = %+v, %v; want a region", code, c, ok)
		}
	}
	for _, code := range []string{"", "usa", "US", "ZZZ", "GOV"} {
		if _, ok := o.Country(code); ok {
			t.Errorf("Country(%q) found, want not found", code)
		}
	}
}

func TestAgents(t *testing.T) {
	o := mustLoad(t)
	required := strings.Fields("GOV MIL COP SPY REB INS OPP JUD LEG MED BUS CVL REF EDU ELI HLH HRI LAB NGO NGM IGO MNC PTY SET UAF AGR CRM DEV ENV MOD RAD REL CHR MOS BUD JEW SUN SHI")
	for _, code := range required {
		a, ok := o.Agent(code)
		if !ok || a.Code != code || a.Name == "" {
			t.Errorf("Agent(%q) = %+v, %v", code, a, ok)
		}
	}
	if a, _ := o.Agent("SPY"); a.Name != "State intelligence" || a.Kind != "state" {
		t.Errorf("Agent(SPY) = %+v", a)
	}
	// A head group is read as a country first; only SHN (Shinto, Saint Helena) may be both.
	for code := range o.agents {
		if _, ok := o.Country(code); ok && code != "SHN" {
			t.Errorf("agent code %s is also a country or region code", code)
		}
	}
	if _, ok := o.Agent("USA"); ok {
		t.Error("Agent(USA) found")
	}
}

func TestIGOs(t *testing.T) {
	o := mustLoad(t)
	igos := o.IGOs()
	if len(igos) < 60 {
		t.Errorf("%d IGOs, want at least 60", len(igos))
	}
	byAcronym := map[string]IGO{}
	for _, g := range igos {
		byAcronym[g.Acronym] = g
	}
	for _, acr := range []string{"UN", "UNHCR", "UNICEF", "WFP", "WHO", "IAEA", "AU", "ASEAN", "OPEC", "ICC", "IMF",
		"World Bank", "WTO", "Arab League", "GCC", "OAS", "OSCE", "SCO", "ECOWAS", "SADC", "IGAD", "BRICS", "G7", "G20",
		"Interpol", "NATO", "EU"} {
		if _, ok := byAcronym[acr]; !ok {
			t.Errorf("no IGO with acronym %q", acr)
		}
	}
	tests := []struct{ query, code, key string }{
		{"IGOUNO", "IGOUNO", "UNO"},
		{"UNO", "IGOUNO", "UNO"},
		{"IGOUNOWHO", "IGOUNOWHO", "WHO"},
		{"WHO", "IGOUNOWHO", "WHO"},
		{"EEC", "IGOEEC", "EEC"},
		{"IGONAT", "IGONAT", "NAT"},
	}
	for _, tt := range tests {
		g, ok := o.IGO(tt.query)
		if !ok || g.Code != tt.code || g.Key != tt.key {
			t.Errorf("IGO(%q) = %+v, %v; want code %s key %s", tt.query, g, ok, tt.code, tt.key)
		}
	}
	if _, ok := o.IGO("IGOEUREEC"); ok {
		t.Error("IGO(IGOEUREEC) found; long forms are for ParseActor, not lookup")
	}
}

// TestLoadRejects checks that Load's cross-table checks catch broken data, by corrupting one line of a
// copy of the real files.
func TestLoadRejects(t *testing.T) {
	base := fstest.MapFS{}
	for _, name := range []string{fileEvents, filePLOVER, fileMapping, fileCountries, fileRegions, fileAgents, fileIGOs} {
		b, err := fs.ReadFile(dataFS, name)
		if err != nil {
			t.Fatal(err)
		}
		base[name] = &fstest.MapFile{Data: b}
	}
	if _, err := load(base); err != nil {
		t.Fatalf("load of unchanged copy: %v", err)
	}
	tests := []struct {
		name, file, old, new string
	}{
		{"unknown code in mapping", fileMapping, "042\tCONSULT\tvisit\n", "042\tCONSULT\tvisit\n0429\tCONSULT\t-\n"},
		{"mapping twice", fileMapping, "042\tCONSULT\tvisit\n", "042\tCONSULT\tvisit\n042\tCONSULT\t-\n"},
		{"unknown type", fileMapping, "042\tCONSULT\tvisit\n", "042\tMEET\tvisit\n"},
		{"mode of other type", fileMapping, "042\tCONSULT\tvisit\n", "042\tCONSULT\tfirearms\n"},
		{"mode without type", fileMapping, "010\t-\t-\n", "010\t-\tvisit\n"},
		{"duplicate event", fileEvents, "042\t1\t1.9", "043\t1\t1.9"},
		{"bad goldstein", fileEvents, "042\t1\t1.9", "042\t1\tNaN"},
		{"bad quad", fileEvents, "042\t1\t1.9", "042\t5\t1.9"},
		{"mode before type", filePLOVER, "AGREE\t-\t1", "AGREE\tsoon\t-\t.\nAGREE\t-\t1"},
		{"region clashes with ISO", fileRegions, "AFR\tregion\tAfrica", "AFG\tregion\tAfrica"},
		{"IGO key is agent", fileIGOs, "IGONAT\tNATO", "IGOMIL\tNATO"},
		{"IGO key twice", fileIGOs, "IGONAT\tNATO", "IGOUNONAT\tX\tY\nIGONAT\tNATO"},
		{"agent twice", fileAgents, "MIL\tstate\tMilitary", "GOV\tstate\tMilitary"},
		{"missing file", fileAgents, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for k, v := range base {
				fsys[k] = v
			}
			if tt.old == "" {
				delete(fsys, tt.file)
			} else {
				data := string(base[tt.file].Data)
				if !strings.Contains(data, tt.old) {
					t.Fatalf("%s does not contain %q", tt.file, tt.old)
				}
				fsys[tt.file] = &fstest.MapFile{Data: []byte(strings.Replace(data, tt.old, tt.new, 1))}
			}
			o, err := load(fsys)
			if err == nil {
				t.Fatalf("load accepted broken data: %d events", len(o.Events()))
			}
			if !strings.HasPrefix(err.Error(), "ontology: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
			if tt.old == "" && !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("error %v does not wrap fs.ErrNotExist", err)
			}
		})
	}
}
