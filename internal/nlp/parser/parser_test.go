package parser

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/dyad-events/dyad/internal/nlp/conllu"
)

var tinyModel = sync.OnceValues(func() (*Model, error) {
	f, err := os.Open(filepath.Join("testdata", "tiny.conllu"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sents, err := conllu.ReadAll(f, "tiny.conllu")
	if err != nil {
		return nil, err
	}
	opt := DefaultOptions()
	opt.Iterations, opt.MinLifted, opt.Prune = 20, 1, 0
	return Train(context.Background(), sents, nil, opt, nil)
})

func mustTiny(t testing.TB) *Model {
	t.Helper()
	m, err := tinyModel()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func words(s *conllu.Sentence) (forms, upos, xpos []string) {
	for _, w := range s.Words {
		forms, upos, xpos = append(forms, w.Form), append(upos, w.UPOS), append(xpos, w.XPOS)
	}
	return
}

// A model trained on a few sentences learns them, including the non-projective one, and survives a
// round trip through its file format unchanged.
func TestTrainTiny(t *testing.T) {
	sents := tiny(t)
	m := mustTiny(t)
	if sc := m.Evaluate(sents); sc.LAS() < 1 {
		t.Errorf("tiny model on its own training data: UAS %.3f LAS %.3f, want 1", sc.UAS(), sc.LAS())
	}
	var buf bytes.Buffer
	n, err := m.WriteTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Errorf("WriteTo reported %d bytes, wrote %d", n, buf.Len())
	}
	m2, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.labels, m2.labels) || !slices.Equal(m.rootOK, m2.rootOK) || !slices.Equal(m.childOK, m2.childOK) {
		t.Fatalf("label tables differ after the round trip")
	}
	p1, p2 := m.NewParser(), m2.NewParser()
	for _, s := range sents {
		forms, upos, xpos := words(s)
		h1, h2 := make([]int, len(forms)), make([]int, len(forms))
		r1, r2 := make([]string, len(forms)), make([]string, len(forms))
		p1.Parse(forms, upos, xpos, h1, r1)
		p2.Parse(forms, upos, xpos, h2, r2)
		if !slices.Equal(h1, h2) || !slices.Equal(r1, r2) {
			t.Errorf("%s: parses differ after the round trip: %v %v / %v %v", s.ID, h1, r1, h2, r2)
		}
	}
}

func TestTrainErrors(t *testing.T) {
	sents := tiny(t)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name  string
		ctx   context.Context
		sents []*conllu.Sentence
		iters int
	}{
		{"no iterations", context.Background(), sents, 0},
		{"no sentences", context.Background(), nil, 3},
		{"no trees", context.Background(), []*conllu.Sentence{{Words: []conllu.Word{{ID: 1, Form: "x", Head: -1}}}}, 3},
		{"cancelled", cancelled, sents, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := DefaultOptions()
			opt.Iterations = tt.iters
			if _, err := Train(tt.ctx, tt.sents, nil, opt, nil); err == nil {
				t.Error("no error")
			}
		})
	}
}

// Parse gives a single-rooted tree whatever it is given.
func TestParseOddInput(t *testing.T) {
	p := mustTiny(t).NewParser()
	long := make([]string, 1000)
	for i := range long {
		long[i] = []string{"the", "army", "said", ",", "and", "police", "left", "."}[i%8]
	}
	tests := []struct {
		name             string
		forms, upos, xps []string
	}{
		{"one word", []string{"Thanks"}, []string{"NOUN"}, []string{"NNS"}},
		{"no tags", []string{"Police", "left", "."}, nil, nil},
		{"short tags", []string{"Police", "left", "Nairobi", "."}, []string{"NOUN"}, []string{"NN", "VBD"}},
		{"unknown tags", []string{"zz", "yy"}, []string{"???", ""}, []string{"\x00", "日本"}},
		{"1000 words", long, nil, nil},
		{"empty strings", []string{"", "", ""}, []string{"", "", ""}, []string{"", "", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			heads, rels := make([]int, len(tt.forms)), make([]string, len(tt.forms))
			p.Parse(tt.forms, tt.upos, tt.xps, heads, rels)
			if err := checkTree(heads); err != nil {
				t.Fatal(err)
			}
			for i, r := range rels {
				if r == "" || strings.Contains(r, liftSep) {
					t.Fatalf("word %d: relation %q", i+1, r)
				}
			}
		})
	}
	// Output slices shorter than the sentence are filled as far as they reach.
	heads := make([]int, 1)
	p.Parse([]string{"Talks", "resumed", "."}, nil, nil, heads, nil)
	p.Parse(nil, nil, nil, nil, nil)
}

func TestReadErrors(t *testing.T) {
	var good bytes.Buffer
	if _, err := mustTiny(t).WriteTo(&good); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not gzip", []byte("hello, parser")},
		{"truncated", good.Bytes()[:good.Len()/2]},
		{"header only", good.Bytes()[:40]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Read(bytes.NewReader(tt.data)); err == nil {
				t.Error("no error")
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	var good bytes.Buffer
	if _, err := mustTiny(f).WriteTo(&good); err != nil {
		f.Fatal(err)
	}
	f.Add(good.Bytes())
	f.Add([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		p := m.NewParser()
		heads, rels := make([]int, 3), make([]string, 3)
		p.Parse([]string{"Police", "left", "."}, []string{"NOUN", "VERB", "PUNCT"}, []string{"NNS", "VBD", "."}, heads, rels)
		if err := checkTree(heads); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzParse(f *testing.F) {
	m := mustTiny(f)
	f.Add(uint64(1), uint16(5))
	f.Add(uint64(2), uint16(1))
	f.Add(uint64(3), uint16(700))
	vocab := []string{"the", "army", "said", ",", "and", "police", "left", ".", "", "Kenya", "which", "?"}
	tags := []string{"DET", "NOUN", "VERB", "PUNCT", "CCONJ", "", "DT", "NN", "VBD", ",", "X"}
	f.Fuzz(func(t *testing.T, seed uint64, size uint16) {
		r := rand.New(rand.NewPCG(seed, 1))
		n := int(size%1200) + 1
		forms, upos, xpos := make([]string, n), make([]string, n), make([]string, n)
		for i := range n {
			forms[i], upos[i], xpos[i] = vocab[r.IntN(len(vocab))], tags[r.IntN(len(tags))], tags[r.IntN(len(tags))]
		}
		heads, rels := make([]int, n), make([]string, n)
		m.NewParser().Parse(forms, upos, xpos, heads, rels)
		if err := checkTree(heads); err != nil {
			t.Fatal(err)
		}
	})
}

// Training is deterministic: the same data and options give the same model file.
func TestTrainDeterministic(t *testing.T) {
	sents := tiny(t)
	opt := DefaultOptions()
	opt.Iterations, opt.MinLifted = 5, 1
	var files [2]bytes.Buffer
	for i := range files {
		m, err := Train(context.Background(), sents, nil, opt, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := m.WriteTo(&files[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(files[0].Bytes(), files[1].Bytes()) {
		t.Error("two trainings with the same seed wrote different models")
	}
}

// The scores Parse keeps per word and role add up to the scores of all the features, in every
// configuration that a random sequence of legal transitions reaches: a cached part that depended on
// something that changed would show here.
func TestCachedScoresMatch(t *testing.T) {
	sents := tiny(t)
	tests := []struct {
		name string
		m    *Model
	}{{"tiny model", mustTiny(t)}}
	if f, err := os.Open(filepath.Join("..", "models", "parser.bin.gz")); err == nil {
		m, err := Read(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		tests = append(tests, struct {
			name string
			m    *Model
		}{"shipped model", m})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(7, 8))
			p := tt.m.NewParser()
			want := make([]int32, len(p.kscores))
			steps := 0
			for round := range 20 {
				for _, s := range sents {
					forms, upos, xpos := words(s)
					if round%2 == 1 { // other configurations: the same words shuffled
						r.Shuffle(len(forms), func(i, j int) { forms[i], forms[j] = forms[j], forms[i] })
					}
					n := len(forms)
					p.grow(n)
					p.st.reset(n)
					p.a.lex = tt.m.lex
					p.a.set(forms, upos, xpos)
					for !p.st.terminal() {
						shift, left, right, _ := p.st.legal()
						if len(p.st.stack) >= 2 {
							p.transitionScores()
							tt.m.kinds.Score(p.a.features(&p.st, nil), want)
							if !slices.Equal(p.kscores, want) {
								t.Fatalf("step %d: cached scores %v, all features %v", steps, p.kscores, want)
							}
							steps++
						}
						var kinds []int
						for k, ok := range []bool{shift, left, right} {
							if ok {
								kinds = append(kinds, k)
							}
						}
						p.st.apply(kinds[r.IntN(len(kinds))], r.IntN(len(tt.m.labels)))
					}
				}
			}
			if steps < 1000 {
				t.Errorf("only %d configurations compared", steps)
			}
		})
	}
}
