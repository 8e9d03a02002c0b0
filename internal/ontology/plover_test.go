package ontology

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// conversionTable is the PLOVER project's CAMEO-to-PLOVER table, kept beside the repository for
// evaluation only; it is read at test time and never copied into dyad.
const conversionTable = "shared/anchors-data/plover/CAMEO2PLOVER-2021.txt"

// findShared walks up from the test's directory to the first ancestor that holds rel.
func findShared(t *testing.T, rel string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skipf("%s not found beside the repository; skipping the comparison with the PLOVER conversion table", rel)
		}
		dir = parent
	}
}

// ploverEntry is one type and mode the conversion table gives for a CAMEO code.
type ploverEntry struct{ typ, mode string }

func (e ploverEntry) String() string {
	if e.mode == "" {
		return e.typ
	}
	return e.typ + " " + e.mode
}

// parseConversionTable reads lines of the form "code: TYPE, mode, context # comment". A code may be
// listed more than once (the table gives 08 and 175 twice); every listing is kept.
func parseConversionTable(r io.Reader) (map[string][]ploverEntry, error) {
	out := map[string][]ploverEntry{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		code, rest, ok := strings.Cut(line, ":")
		code = strings.TrimSpace(code)
		if !ok || !isDigits(code) {
			continue
		}
		f := strings.Split(rest, ",")
		e := ploverEntry{typ: strings.ToUpper(strings.TrimSpace(f[0]))}
		if len(f) > 1 {
			e.mode = strings.ToLower(strings.TrimSpace(f[1]))
		}
		if e.typ == "" {
			return nil, fmt.Errorf("code %s: no type in %q", code, line)
		}
		out[code] = append(out[code], e)
	}
	return out, sc.Err()
}

func TestParseConversionTable(t *testing.T) {
	in := "# header\n03: AGREE\n041: CONSULT, phone,   # Discuss\n175: ASSAULT, x , military # a\n175: ASSAULT, y # b\n~~~~\n"
	got, err := parseConversionTable(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]ploverEntry{
		"03":  {{"AGREE", ""}},
		"041": {{"CONSULT", "phone"}},
		"175": {{"ASSAULT", "x"}, {"ASSAULT", "y"}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for k, w := range want {
		if !slices.Equal(got[k], w) {
			t.Errorf("%s = %v, want %v", k, got[k], w)
		}
	}
}

// TestPLOVERAgreement measures how often dyad's mapping agrees with the PLOVER project's conversion
// table, over the CAMEO codes both list. A code the table lists twice agrees if either listing does.
// Disagreements are logged for review; the reasons for dyad's choices are in data/cameo_plover.tsv.
func TestPLOVERAgreement(t *testing.T) {
	f, err := os.Open(findShared(t, conversionTable))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	table, err := parseConversionTable(f)
	if err != nil {
		t.Fatal(err)
	}
	o := mustLoad(t)
	var both, typeAgree, modeAgree int
	var onlyOurs []string
	for _, e := range o.Events() {
		theirs, ok := table[e.Code]
		if !ok {
			onlyOurs = append(onlyOurs, e.Code)
			continue
		}
		both++
		ours := ploverEntry{e.PLOVER, e.Mode}
		typeOK := slices.ContainsFunc(theirs, func(x ploverEntry) bool { return x.typ == ours.typ })
		modeOK := slices.Contains(theirs, ours)
		if typeOK {
			typeAgree++
		}
		if modeOK {
			modeAgree++
		}
		switch {
		case !typeOK:
			t.Logf("type differs  %-5s %-58q dyad %-24s table %v", e.Code, e.Name, ours, theirs)
		case !modeOK:
			t.Logf("mode differs  %-5s %-58q dyad %-24s table %v", e.Code, e.Name, ours, theirs)
		}
	}
	var onlyTheirs []string
	for code := range table {
		if _, ok := o.Event(code); !ok {
			onlyTheirs = append(onlyTheirs, code)
		}
	}
	slices.Sort(onlyTheirs)
	t.Logf("codes only in dyad (%d): %v", len(onlyOurs), onlyOurs)
	t.Logf("codes only in the table, not CAMEO 1.1b3 codes (%d): %v", len(onlyTheirs), onlyTheirs)
	if both == 0 {
		t.Fatal("no CAMEO code in common with the conversion table")
	}
	typeRate := float64(typeAgree) / float64(both)
	modeRate := float64(modeAgree) / float64(both)
	t.Logf("agreement over %d codes: type %d (%.1f%%), type+mode %d (%.1f%%)", both, typeAgree, 100*typeRate, modeAgree, 100*modeRate)
	if typeRate < 0.90 {
		t.Errorf("type-level agreement %.1f%% is below 90%%", 100*typeRate)
	}
}
