package geo

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestAmbiguous(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct {
		name string
		want bool
	}{
		{"Nice", true},
		{"Chad", true},
		{"Jordan", true},
		{"Mobile", true},
		{"Reading", true},
		{"Split", true},
		{"Bath", true},
		{"Of", true},
		{"Police", true},
		{"Van", true},
		{"Ede", true},
		{"Cork", true},
		{"Us", true},
		{"March", true},
		{"nice", true},  // written in lower case: a word
		{"kabul", true}, // likewise, whatever it names
		{"Ba", true},    // two letters
		{"Kabul", false},
		{"Paris", false},
		{"Georgia", false},
		{"Afghanistan", false},
		{"US", false},  // an acronym
		{"UAE", false}, // likewise
		{"NICE", false},
		{"Gaza Strip", false},
		{"São Paulo", false},
		{"", false},
		{"1234", false},
	}
	for _, tc := range tests {
		if got := g.Ambiguous(tc.name); got != tc.want {
			t.Errorf("Ambiguous(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
	// Ambiguity is the coder's business: Resolve still answers.
	for _, name := range []string{"Nice", "Chad", "Jordan"} {
		if _, ok := g.Resolve(name, Context{}); !ok {
			t.Errorf("Resolve(%q) found nothing", name)
		}
	}
}

// TestAmbiguousListIsPlaces checks that every entry of the hand-kept list names a place, so
// that the list holds no dead weight and no typos.
func TestAmbiguousListIsPlaces(t *testing.T) {
	g := testGazetteer(t)
	words := g.AmbiguousWords()
	if len(words) < 100 {
		t.Fatalf("list has %d words, want the full list", len(words))
	}
	for _, w := range words {
		if !g.Contains(w) {
			t.Errorf("ambiguous word %q names no place", w)
		}
		if !g.Ambiguous(w) {
			t.Errorf("Ambiguous(%q) = false for a listed word", w)
		}
	}
}

// TestAmbiguousCoversTreebankWords measures the list against real English: place names that the
// UD English EWT treebank mostly writes in lower case (as words) must be flagged when written
// capitalized, as at the start of a sentence.
func TestAmbiguousCoversTreebankWords(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "corpora", "ud-english-ewt")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("UD English EWT not found at %s: %v", dir, err)
	}
	g := testGazetteer(t)
	lower, capital := map[string]int{}, map[string]int{}
	for _, part := range []string{"train", "dev", "test"} {
		countForms(t, filepath.Join(dir, "en_ewt-ud-"+part+".conllu"), lower, capital)
	}
	const minUses = 5
	var words, missed []string
	for w, n := range lower {
		if n < minUses || n <= capital[w] {
			continue
		}
		refs, areaOnly := g.find(w)
		if len(refs) == 0 || areaOnly {
			continue
		}
		words = append(words, w)
		r, size := utf8.DecodeRuneInString(w)
		if !g.Ambiguous(string(unicode.ToUpper(r)) + w[size:]) {
			missed = append(missed, w)
		}
	}
	sort.Strings(missed)
	cover := 1 - float64(len(missed))/float64(max(len(words), 1))
	t.Logf("%d place names used mostly as words (≥%d lower-case uses) in EWT; list covers %.1f%%; missed %v",
		len(words), minUses, 100*cover, missed)
	if len(words) < 50 || cover < 0.95 {
		t.Errorf("covers %.1f%% of %d words, want ≥ 95%% of ≥ 50", 100*cover, len(words))
	}
}

// countForms counts the word forms of a CoNLL-U file written all in lower case, and those
// written capitalized as proper nouns, by lower-case form.
func countForms(t *testing.T, path string, lower, capital map[string]int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("treebank file missing: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 4 || strings.ContainsAny(cols[0], "-.") || len(cols[1]) < 2 {
			continue
		}
		form := cols[1]
		r, _ := utf8.DecodeRuneInString(form)
		switch {
		case strings.ToLower(form) == form && unicode.IsLower(r):
			lower[form]++
		case unicode.IsUpper(r) && cols[3] == "PROPN":
			capital[strings.ToLower(form)]++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
