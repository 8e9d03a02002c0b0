package tagger

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/nlp/conllu"
	"github.com/dyad-events/dyad/internal/nlp/perceptron"
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

// tinyOptions suit the tiny corpus: every word there is rare, so the dictionary takes all of them and
// its shortcut is off.
func tinyOptions() Options {
	o := DefaultOptions()
	o.Iterations = 10
	o.MinDictCount = 1
	o.FixedMinCount = 1 << 20
	o.CacheMinCount = 2
	return o
}

func tinyModel(t testing.TB) (*Model, []*conllu.Sentence) {
	t.Helper()
	sents := readConllu(t, filepath.Join("testdata", "tiny.conllu"))
	m, err := Train(context.Background(), sents, nil, tinyOptions(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return m, sents
}

func formsOf(s *conllu.Sentence) []string {
	forms := make([]string, len(s.Words))
	for i, w := range s.Words {
		forms[i] = w.Form
	}
	return forms
}

// TestTagsItsTrainingData checks that training fits its data. Every word of the tiny corpus is rare, so
// with words left out of the dictionary they train as unknown words, and fitting is no longer certain.
func TestTagsItsTrainingData(t *testing.T) {
	sents := readConllu(t, filepath.Join("testdata", "tiny.conllu"))
	for _, opt := range []struct {
		name string
		edit func(*Options)
	}{
		{"two passes", func(*Options) {}},
		{"one pass", func(o *Options) { o.OnePass = true }},
		{"no blending", func(o *Options) { o.Blend, o.Sure = -1, -1 }},
	} {
		t.Run(opt.name, func(t *testing.T) {
			o := tinyOptions()
			o.NoLeaveOneOut = true
			opt.edit(&o)
			mm, err := Train(context.Background(), sents, nil, o, nil)
			if err != nil {
				t.Fatal(err)
			}
			if a := mm.Evaluate(sents); a.UPOSCorrect != a.Words || a.XPOSCorrect != a.Words {
				t.Errorf("on its own training data: UPOS %.1f%%, XPOS %.1f%%", a.UPOS(), a.XPOS())
			}
		})
	}
}

// TestLeaveOneOut checks the dictionary entries that training words see: those of the word's other uses.
func TestLeaveOneOut(t *testing.T) {
	sents := readConllu(t, filepath.Join("testdata", "loo.conllu"))
	o := tinyOptions().withDefaults()
	m, samples, err := newModel(sents, o)
	if err != nil {
		t.Fatal(err)
	}
	// "walk" is a verb three times; "run" a verb three times and a noun once.
	walk, ok := m.dict[perceptron.String("walk")]
	if !ok {
		t.Fatal(`"walk" is not in the dictionary`)
	}
	run := m.dict[perceptron.String("run")]
	if run.amb == walk.amb {
		t.Fatal(`"run" and "walk" have one ambiguity class: the test data do not test anything`)
	}
	tests := []struct {
		sent, word int
		form       string
		known      bool
		amb        uint64 // when known
	}{
		{3, 1, "run", true, walk.amb}, // the noun use: the others are all verbs
		{0, 2, "run", true, run.amb},  // a verb use: a noun and two verbs remain
		{3, 2, "ended", false, 0},     // seen once
		{4, 2, "walk", true, walk.amb},
	}
	for _, tt := range tests {
		s := samples[tt.sent]
		if got := s.forms[tt.word]; got != tt.form {
			t.Fatalf("sentence %d word %d is %q, want %q", tt.sent, tt.word, got, tt.form)
		}
		if len(s.loo) != len(s.forms) {
			t.Fatalf("sentence %d: %d leave-one-out entries for %d words", tt.sent, len(s.loo), len(s.forms))
		}
		l := s.loo[tt.word]
		if l.ok != tt.known || l.lok != tt.known {
			t.Errorf("%q in sentence %d: known %v (lower-cased %v), want %v", tt.form, tt.sent, l.ok, l.lok, tt.known)
			continue
		}
		if tt.known && (l.e.amb != tt.amb || l.le.amb != tt.amb) {
			t.Errorf("%q in sentence %d: ambiguity class %x (lower-cased %x), want %x", tt.form, tt.sent, l.e.amb, l.le.amb, tt.amb)
		}
		if _, ok := m.dict[perceptron.String(tt.form)]; !ok {
			t.Errorf("%q is missing from the dictionary that tagging uses", tt.form)
		}
	}
	o.NoLeaveOneOut = true
	if _, samples, err = newModel(sents, o); err != nil {
		t.Fatal(err)
	}
	for i, s := range samples {
		if s.loo != nil {
			t.Errorf("sentence %d has leave-one-out entries with NoLeaveOneOut", i)
		}
	}
}

func TestTagUnseenSentences(t *testing.T) {
	m, _ := tinyModel(t)
	tests := []struct {
		sentence string
		xpos     string
	}{
		{"The rebels attacked the capital .", "DT NNS VBD DT NN ."},
		{"She welcomed the new agreement .", "PRP VBD DT JJ NN ."},
	}
	tg := m.NewTagger()
	for _, tt := range tests {
		forms := strings.Fields(tt.sentence)
		upos, xpos := make([]string, len(forms)), make([]string, len(forms))
		tg.Tag(forms, upos, xpos)
		if got := strings.Join(xpos, " "); got != tt.xpos {
			t.Errorf("%q: XPOS %q, want %q", tt.sentence, got, tt.xpos)
		}
		for i, u := range upos {
			if u == "" {
				t.Errorf("%q: word %d has no UPOS", tt.sentence, i)
			}
		}
	}
}

func TestTagOddInput(t *testing.T) {
	m, _ := tinyModel(t)
	tg := m.NewTagger()
	long := make([]string, 5000)
	for i := range long {
		long[i] = "word"
	}
	for _, forms := range [][]string{
		nil,
		{""},
		{"\xff\xfe", "", "http://example.org", "ÉCOLE", "@", "1,000.5", "e-mail"},
		long,
		{"The", "end"},
	} {
		upos, xpos := make([]string, len(forms)), make([]string, len(forms))
		tg.Tag(forms, upos, xpos)
		for i := range forms {
			if upos[i] == "" || xpos[i] == "" {
				t.Fatalf("%d words: word %d untagged", len(forms), i)
			}
		}
		// Output slices shorter than the sentence are filled as far as they go.
		tg.Tag(forms, upos[:len(upos)/2], nil)
	}
}

func TestRoundTrip(t *testing.T) {
	m, sents := tinyModel(t)
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
	t1, t2 := m.NewTagger(), m2.NewTagger()
	for _, s := range sents {
		forms := formsOf(s)
		u1, x1 := make([]string, len(forms)), make([]string, len(forms))
		u2, x2 := make([]string, len(forms)), make([]string, len(forms))
		t1.Tag(forms, u1, x1)
		t2.Tag(forms, u2, x2)
		if strings.Join(u1, " ")+strings.Join(x1, " ") != strings.Join(u2, " ")+strings.Join(x2, " ") {
			t.Errorf("%s: tags differ after a round trip", s.ID)
		}
	}
	var again bytes.Buffer
	if _, err := m2.WriteTo(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again.Bytes()) {
		t.Error("a read model writes different bytes")
	}
}

func TestTrainingIsDeterministic(t *testing.T) {
	sents := readConllu(t, filepath.Join("testdata", "tiny.conllu"))
	var out [2]bytes.Buffer
	for i := range out {
		m, err := Train(context.Background(), sents, nil, tinyOptions(), nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := m.WriteTo(&out[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Error("two trainings with the same seed wrote different models")
	}
}

func TestTrainErrors(t *testing.T) {
	sents := readConllu(t, filepath.Join("testdata", "tiny.conllu"))
	if _, err := Train(context.Background(), nil, nil, DefaultOptions(), nil); err == nil {
		t.Error("training on nothing succeeded")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Train(ctx, sents, nil, DefaultOptions(), nil); !errors.Is(err, context.Canceled) {
		t.Errorf("training with a cancelled context: %v, want context.Canceled", err)
	}
}

func TestReadRejectsGarbage(t *testing.T) {
	for _, in := range []string{"", "dyadTAG1", "dyadTAG1\x05abc", "something else entirely"} {
		if _, err := Read(strings.NewReader(in)); err == nil {
			t.Errorf("Read(%q) succeeded", in)
		}
	}
}

// TestReadCorrupt damages a valid model in many ways: each copy must be rejected or tag without panic.
func TestReadCorrupt(t *testing.T) {
	m, _ := tinyModel(t)
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	valid := b.Bytes()
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		d := bytes.Clone(valid)
		for range 1 + r.IntN(4) {
			d[r.IntN(len(d))] = byte(r.IntN(256))
		}
		if r.IntN(3) == 0 {
			d = d[:r.IntN(len(d))]
		}
		if m, err := Read(bytes.NewReader(d)); err == nil {
			m.NewTagger().Tag([]string{"The", "rebels", "attacked"}, make([]string, 3), make([]string, 3))
		}
	}
}

func FuzzRead(f *testing.F) {
	m, _ := tinyModel(f)
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte("dyadTAG1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		forms := []string{"The", "rebels", "attacked", "."}
		m.NewTagger().Tag(forms, make([]string, 4), make([]string, 4))
	})
}

// trainedModel loads the model that `dyad train` writes, skipping when it has not been trained.
func trainedModel(t testing.TB) *Model {
	p := filepath.Join("..", "models", "tagger.bin.gz")
	f, err := os.Open(p)
	if err != nil {
		t.Skipf("no trained tagger at %s: %v", p, err)
	}
	defer f.Close()
	m, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// ewtSentences reads an EWT file from the shared corpora, skipping when it is absent.
func ewtSentences(t testing.TB, name string) []*conllu.Sentence {
	p := filepath.Join("..", "..", "..", "..", "shared", "corpora", "ud-english-ewt", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("UD English EWT not found at %s (shared data absent): %v", p, err)
	}
	return readConllu(t, p)
}

// TestTrainedModelOnDev checks the trained model against the dev set it was tuned on.
func TestTrainedModelOnDev(t *testing.T) {
	m := trainedModel(t)
	a := m.Evaluate(ewtSentences(t, "en_ewt-ud-dev.conllu"))
	t.Logf("dev: UPOS %.2f%%, XPOS %.2f%% of %d words", a.UPOS(), a.XPOS(), a.Words)
	if a.UPOS() < 95.2 || a.XPOS() < 94.6 {
		t.Errorf("dev UPOS %.2f%%, XPOS %.2f%%: below 95.2%% / 94.6%%", a.UPOS(), a.XPOS())
	}
}

// TestMemoKeepsTags checks that remembering forms' atoms changes no tag: one Tagger tags the dev set
// twice (the second time from its memory, which is kept small so that it fills and is cleared on the
// way) and must agree with a fresh Tagger for every sentence.
func TestMemoKeepsTags(t *testing.T) {
	m := trainedModel(t)
	dev := ewtSentences(t, "en_ewt-ud-dev.conllu")
	warm := m.NewTagger()
	warm.memoCap = 1000
	forms := map[string]bool{}
	cleared := false
	for round := range 2 {
		for _, s := range dev {
			f := formsOf(s)
			u1, x1 := make([]string, len(f)), make([]string, len(f))
			u2, x2 := make([]string, len(f)), make([]string, len(f))
			before := len(warm.memo)
			warm.Tag(f, u1, x1)
			cleared = cleared || len(warm.memo) < before
			m.NewTagger().Tag(f, u2, x2)
			for i := range f {
				forms[f[i]] = true
				if u1[i] != u2[i] || x1[i] != x2[i] {
					t.Fatalf("round %d, %q word %d: %s/%s with memory, %s/%s without", round, s.Text, i, u1[i], x1[i], u2[i], x2[i])
				}
			}
		}
	}
	if !cleared || len(warm.memo) > warm.memoCap {
		t.Errorf("memory of %d forms (cap %d) never cleared over %d distinct forms", len(warm.memo), warm.memoCap, len(forms))
	}
}

// TestTrainEWT rebuilds the model from EWT and writes it where `dyad train` would. It is slow, so it
// runs only when DYAD_TRAIN_MODELS is set.
func TestTrainEWT(t *testing.T) {
	if os.Getenv("DYAD_TRAIN_MODELS") == "" {
		t.Skip("set DYAD_TRAIN_MODELS=1 to train on EWT and write ../models/tagger.bin.gz")
	}
	train, dev := ewtSentences(t, "en_ewt-ud-train.conllu"), ewtSentences(t, "en_ewt-ud-dev.conllu")
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	start := time.Now()
	m, err := Train(context.Background(), train, dev, DefaultOptions(), log)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("trained in %v", time.Since(start))
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join("..", "models"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("..", "models", "tagger.bin.gz"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %d bytes", b.Len())
}

// BenchmarkTag tags the EWT dev set with the trained model.
func BenchmarkTag(b *testing.B) {
	m := trainedModel(b)
	dev := ewtSentences(b, "en_ewt-ud-dev.conllu")
	sents := make([][]string, len(dev))
	words := 0
	for i, s := range dev {
		sents[i] = formsOf(s)
		words += len(sents[i])
	}
	tg := m.NewTagger()
	upos, xpos := make([]string, 1024), make([]string, 1024)
	// One pass first, so that the scratch has grown to the longest sentence: the loop measures the
	// steady state.
	for _, forms := range sents {
		tg.Tag(forms, upos, xpos)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, forms := range sents {
			tg.Tag(forms, upos, xpos)
		}
	}
	ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N*words)
	b.ReportMetric(ns, "ns/token")
	b.ReportMetric(1e9/ns, "tokens/s")
}
