package main

import (
	"bufio"
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestCommittedFileIsCurrent fails when data/countries.tsv differs from what gen writes now, i.e. when
// someone edited the generated file by hand or changed the generator without rerunning it.
func TestCommittedFileIsCurrent(t *testing.T) {
	const path = "../data/countries.tsv"
	committed, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := write(&buf, rows()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(committed, buf.Bytes()) {
		t.Errorf("%s is out of date: run go run ./internal/ontology/gen from the repository root", path)
	}
}

func TestRows(t *testing.T) {
	rs := rows()
	byCode := map[string]row{}
	official := 0
	for _, r := range rs {
		if _, dup := byCode[r.alpha3]; dup {
			t.Errorf("duplicate alpha-3 code %s", r.alpha3)
		}
		byCode[r.alpha3] = r
		if r.kind == "country" {
			official++
		}
	}
	// ISO 3166-1 has 249 officially assigned codes.
	if official != 249 {
		t.Errorf("officially assigned codes = %d, want 249", official)
	}
	tests := []struct {
		alpha3, alpha2, kind, name, region string
	}{
		{"USA", "US", "country", "United States", "North America"},
		{"LBY", "LY", "country", "Libya", "Africa"},
		{"CUW", "CW", "country", "Curacao", "North America"},
		{"XKX", "XK", "user-assigned", "Kosovo", "Europe"},
		{"YUG", "YU", "historic", "Yugoslavia", "Europe"},
	}
	for _, tt := range tests {
		r, ok := byCode[tt.alpha3]
		if !ok {
			t.Errorf("%s missing", tt.alpha3)
			continue
		}
		if r.alpha2 != tt.alpha2 || r.kind != tt.kind || r.name != tt.name || r.region != tt.region {
			t.Errorf("%s = %+v, want alpha2 %s kind %s name %q region %q", tt.alpha3, r, tt.alpha2, tt.kind, tt.name, tt.region)
		}
	}
}

func TestWrite(t *testing.T) {
	var buf bytes.Buffer
	n, err := write(&buf, rows())
	if err != nil {
		t.Fatal(err)
	}
	data := 0
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		data++
		if got := len(strings.Split(line, "\t")); got != 6 {
			t.Errorf("line %q has %d fields, want 6", line, got)
		}
	}
	if data != n {
		t.Errorf("wrote %d data lines, reported %d", data, n)
	}
	if _, err := write(&buf, []row{{alpha3: "BAD", name: "tab\there"}}); err == nil {
		t.Error("write accepted a field with a tab")
	}
}
