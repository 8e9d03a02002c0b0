package lemma

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/nlp/conllu"
)

func readConllu(t testing.TB, path string) []*conllu.Sentence {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := conllu.ReadAll(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func tinyModel(t testing.TB) *Model {
	t.Helper()
	m, err := Train(readConllu(t, filepath.Join("testdata", "tiny.conllu")), nil)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestLemma(t *testing.T) {
	m := tinyModel(t)
	tests := []struct {
		form, upos, xpos, want string
	}{
		// seen in training
		{"landed", "VERB", "VBD", "land"},
		{"n't", "PART", "RB", "not"},
		{"ca", "AUX", "MD", "can"},
		{"'s", "PART", "POS", "'s"},
		{"Nairobi", "PROPN", "NNP", "Nairobi"},
		{"The", "DET", "DT", "the"},
		// seen in lower case only: the lemma of the lower-cased form, lower-cased
		{"Landed", "VERB", "VBD", "land"},
		// unseen: suffix rules and casing learned per tag
		{"rebranded", "VERB", "VBD", "rebrand"},
		{"Kenyans", "PROPN", "NNPS", "Kenyan"},
		{"soldiers", "NOUN", "NNS", "soldier"},
		{"Mombasa", "PROPN", "NNP", "Mombasa"},
		{"Negotiations", "NOUN", "NNS", "negotiation"},
		// a tag training never saw: the form, lower-cased
		{"Blah", "X", "FW", "blah"},
		{"", "", "", ""},
	}
	for _, tt := range tests {
		if got := m.Lemma(tt.form, tt.upos, tt.xpos); got != tt.want {
			t.Errorf("Lemma(%q, %s, %s) = %q, want %q", tt.form, tt.upos, tt.xpos, got, tt.want)
		}
	}
}

func TestOddInputDoesNotPanic(t *testing.T) {
	m := tinyModel(t)
	for _, form := range []string{"\xff\xfe", "É", "ÉCOLES", "s", "'", strings.Repeat("x", 10000)} {
		for _, xpos := range []string{"NNS", "NNPS", "VBD", ""} {
			m.Lemma(form, "", xpos)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	m := tinyModel(t)
	var b bytes.Buffer
	n, err := m.WriteTo(&b)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(b.Len()) {
		t.Errorf("WriteTo reported %d bytes, wrote %d", n, b.Len())
	}
	first := bytes.Clone(b.Bytes())
	m2, err := Read(&b)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []struct{ form, upos, xpos string }{
		{"landed", "VERB", "VBD"}, {"rebranded", "VERB", "VBD"}, {"Kenyans", "PROPN", "NNPS"}, {"GOODWYN", "PROPN", "NNP"},
	} {
		if a, b := m.Lemma(w.form, w.upos, w.xpos), m2.Lemma(w.form, w.upos, w.xpos); a != b {
			t.Errorf("%q: %q before writing, %q after reading", w.form, a, b)
		}
	}
	// Writing is deterministic.
	var again bytes.Buffer
	if _, err := m2.WriteTo(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again.Bytes()) {
		t.Error("a read model writes different bytes")
	}
}

func TestTrainErrors(t *testing.T) {
	if _, err := Train(nil, nil); err == nil {
		t.Error("Train(nil) succeeded")
	}
}

func TestReadRejectsGarbage(t *testing.T) {
	for _, in := range []string{"", "dyadLEM1", "dyadLEM1not gzip", "something else entirely"} {
		if _, err := Read(bytes.NewReader([]byte(in))); err == nil {
			t.Errorf("Read(%q) succeeded", in)
		}
	}
}

func FuzzRead(f *testing.F) {
	var b bytes.Buffer
	if _, err := tinyModel(f).WriteTo(&b); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte("dyadLEM1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		// Whatever a model says, using it must not panic.
		for _, w := range []string{"", "a", "rebranded", "Kenyans", "\xff"} {
			m.Lemma(w, "NOUN", "NN")
			m.Lemma(w, "VERB", "VBD")
		}
	})
}

// ewt returns the path of an EWT file in the shared corpora, skipping the test when it is absent.
func ewt(t testing.TB, name string) string {
	p := filepath.Join("..", "..", "..", "..", "shared", "corpora", "ud-english-ewt", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("UD English EWT not found at %s (shared data absent): %v", p, err)
	}
	return p
}

// TestEWT trains on the EWT train file and scores the lemmas of the dev file given its gold tags.
func TestEWT(t *testing.T) {
	if testing.Short() {
		t.Skip("trains on EWT: skipped with -short")
	}
	train, dev := readConllu(t, ewt(t, "en_ewt-ud-train.conllu")), readConllu(t, ewt(t, "en_ewt-ud-dev.conllu"))
	m, err := Train(train, nil)
	if err != nil {
		t.Fatal(err)
	}
	n, ok := 0, 0
	for _, s := range dev {
		for _, w := range s.Words {
			n++
			if m.Lemma(w.Form, w.UPOS, w.XPOS) == w.Lemma {
				ok++
			}
		}
	}
	acc := 100 * float64(ok) / float64(n)
	t.Logf("dev lemma accuracy with gold tags: %.2f%% of %d words", acc, n)
	if acc < 98 {
		t.Errorf("dev lemma accuracy %.2f%%, want at least 98%%", acc)
	}
}

// TestTrainEWT rebuilds the model from EWT and writes it where `dyad train` would. It runs only when
// DYAD_TRAIN_MODELS is set.
func TestTrainEWT(t *testing.T) {
	if os.Getenv("DYAD_TRAIN_MODELS") == "" {
		t.Skip("set DYAD_TRAIN_MODELS=1 to train on EWT and write ../models/lemma.bin.gz")
	}
	m, err := Train(readConllu(t, ewt(t, "en_ewt-ud-train.conllu")), nil)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join("..", "models"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("..", "models", "lemma.bin.gz"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %d bytes", b.Len())
}

// TestTrainedModel scores the committed model, when there is one, on the dev set with gold tags.
func TestTrainedModel(t *testing.T) {
	m := committedModel(t)
	n, ok := 0, 0
	for _, s := range readConllu(t, ewt(t, "en_ewt-ud-dev.conllu")) {
		for _, w := range s.Words {
			n++
			if m.Lemma(w.Form, w.UPOS, w.XPOS) == w.Lemma {
				ok++
			}
		}
	}
	if acc := 100 * float64(ok) / float64(n); acc < 98 {
		t.Errorf("trained model: dev lemma accuracy %.2f%% with gold tags, want at least 98%%", acc)
	}
}

func BenchmarkLemma(b *testing.B) {
	m := tinyModel(b)
	words := []struct{ form, upos, xpos string }{
		{"the", "DET", "DT"}, {"landed", "VERB", "VBD"}, {"rebranded", "VERB", "VBD"}, {"Kenyans", "PROPN", "NNPS"},
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			m.Lemma(w.form, w.upos, w.xpos)
		}
	}
}

// TestLemmaValidUTF8 checks that rules learned on byte edits never cut a character in two.
func TestLemmaValidUTF8(t *testing.T) {
	m := committedModel(t)
	forms := []string{"Alausí", "Bogotá", "Kraków", "Gdańsk", "Malmö", "Zürich", "Tōkyō", "Şanlıurfa", "naïve", "cafés", "façades", "résumés", "Ελλάδα", "Київ"}
	for _, form := range forms {
		for _, tag := range [][2]string{{"PROPN", "NNP"}, {"NOUN", "NNS"}, {"VERB", "VBD"}, {"ADJ", "JJ"}} {
			if l := m.Lemma(form, tag[0], tag[1]); !utf8.ValidString(l) || l == "" {
				t.Errorf("Lemma(%q, %s) = %q: not valid UTF-8", form, tag[1], l)
			}
		}
	}
}

// committedModel reads the committed lemmatizer, skipping when there is none.
func committedModel(t *testing.T) *Model {
	t.Helper()
	p := filepath.Join("..", "models", "lemma.bin.gz")
	f, err := os.Open(p)
	if err != nil {
		t.Skipf("no trained lemmatizer at %s: %v", p, err)
	}
	defer f.Close()
	m, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestBaseForms checks that an unseen base form is its own lemma, while a form with an inflection's ending
// that the tagger called a base form still goes through the rules.
func TestBaseForms(t *testing.T) {
	m := committedModel(t)
	for _, tt := range []struct{ form, xpos, want string }{
		{"lend", "VB", "lend"},
		{"rebrand", "VBP", "rebrand"},
		{"outbid", "VB", "outbid"},
		{"clogged", "VB", "clog"},
	} {
		if got := m.Lemma(tt.form, "VERB", tt.xpos); got != tt.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", tt.form, tt.xpos, got, tt.want)
		}
	}
}
