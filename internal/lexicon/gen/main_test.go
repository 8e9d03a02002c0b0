package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestNameForms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Kenya", []string{"Kenya"}},
		{"Iran (Islamic Republic of)", []string{"Iran", "Islamic Republic of Iran"}},
		{"Timor-Leste (East Timor)", []string{"Timor-Leste", "East Timor"}},
		{"Palestinian Territory (Occupied)", []string{"Palestinian Territory"}},
		{"Hong Kong (Special Administrative Region of China)", []string{"Hong Kong"}},
		{"Cocos (Keeling) Islands", []string{"Cocos Islands"}},
		{"Bonaire, Sint Eustatius And Saba", []string{"Bonaire"}},
		{"  ", nil},
		{"(", []string{"("}},
		{"()", nil},
	}
	for _, tt := range tests {
		if got := nameForms(tt.in, sameCountry); !slices.Equal(got, tt.want) {
			t.Errorf("nameForms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCapitalName(t *testing.T) {
	tests := []struct{ capital, country, want string }{
		{"Georgetown Guyana", "Guyana", "Georgetown"},
		{"Kabul", "Afghanistan", "Kabul"},
		{"Guatemala City", "Guatemala", "Guatemala City"},
		{"Guyana", "Guyana", "Guyana"},
	}
	for _, tt := range tests {
		if got := capitalName(tt.capital, tt.country); got != tt.want {
			t.Errorf("capitalName(%q, %q) = %q, want %q", tt.capital, tt.country, got, tt.want)
		}
	}
}

// The committed files must be what the generator writes now, so that nobody edits them by hand.
func TestGeneratedFilesUpToDate(t *testing.T) {
	dir := filepath.Join("..", "data", "actors")
	for name, want := range map[string][]byte{"countries.txt": countriesFile(), "capitals.txt": capitalsFile()} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run `go run ./internal/lexicon/gen` from the repository root", name)
		}
	}
}

func TestCountriesFile(t *testing.T) {
	lines := strings.Split(strings.TrimSpace(string(countriesFile())), "\n")
	codes := 0
	seen := make(map[string]string)
	for _, l := range lines {
		if strings.HasPrefix(l, "#") || l == "" {
			continue
		}
		code, names, ok := strings.Cut(l, "  ")
		if !ok || len(code) != 3 {
			t.Fatalf("bad line %q", l)
		}
		codes++
		for _, n := range strings.Split(names, " | ") {
			if prev, dup := seen[n]; dup {
				t.Errorf("name %q for %s and %s", n, prev, code)
			}
			seen[n] = code
		}
	}
	if codes < 249 {
		t.Errorf("%d countries, want ≥ 249", codes)
	}
	for name, code := range map[string]string{"U.S.": "USA", "Afghan": "AFG", "Britain": "GBR", "Burma": "MMR", "Republic of Congo": "COG"} {
		if seen[name] != code {
			t.Errorf("%q → %q, want %s", name, seen[name], code)
		}
	}
	if _, ok := seen["Congo"]; ok {
		t.Errorf("bare \"Congo\" must be left to countries_extra.txt (news means the DRC)")
	}
}

// nameForms reads library strings; it must not panic on any input and must return names without
// parentheses or surrounding blanks.
func FuzzNameForms(f *testing.F) {
	for _, s := range []string{"Iran (Islamic Republic of)", "Cocos (Keeling) Islands", "Bonaire, Sint Eustatius And Saba", "((", ")(", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, n := range nameForms(s, sameCountry) {
			if n == "" || n != strings.TrimSpace(n) {
				t.Errorf("nameForms(%q) gave %q", s, n)
			}
		}
	})
}
