package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDetectLanguage reads testdata/lang/CODE.txt (or CODE-variant.txt), sentences written for
// these tests, and expects CODE.
func TestDetectLanguage(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "lang", "*.txt"))
	if err != nil || len(paths) < 10 {
		t.Fatalf("want at least 10 language samples, got %d (%v)", len(paths), err)
	}
	for _, p := range paths {
		want, _, _ := strings.Cut(strings.TrimSuffix(filepath.Base(p), ".txt"), "-")
		t.Run(filepath.Base(p), func(t *testing.T) {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if got := DetectLanguage(string(b)); got != want {
				t.Errorf("DetectLanguage = %q, want %q", got, want)
			}
		})
	}
}

func TestDetectLanguageUndecided(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"digits", "2021 2022 2023", ""},
		{"name only", "Kabul", ""},
		{"shared word", "Fotos in Farbe", ""},
		{"headline", "Rebels seize the airport", "en"},
		{"english with foreign quote", "The minister said that the phrase \"la vie est belle\" was his motto, and the crowd laughed at the joke he made.", "en"},
		{"long english", strings.Repeat("The officials said that the talks were over and that the army would leave the town. ", 100), "en"},
		{"english then cyrillic", "The delegation arrived. " + strings.Repeat("Переговоры продолжатся. ", 3), "ru"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectLanguage(tt.in); got != tt.want {
				t.Errorf("DetectLanguage(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestShortEnglishNotForeign(t *testing.T) {
	for _, s := range []string{
		"Venezuela's navy seized a Guyanese vessel.",
		"Kenya's army shelled a rebel camp.",
		"Brazil expelled a Bolivian diplomat.",
	} {
		if got := DetectLanguage(s); got != "" && got != "en" {
			t.Errorf("DetectLanguage(%q) = %q, want English or undecided", s, got)
		}
	}
}
