package ud

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/nlp/conllu"
	"github.com/dyad-events/dyad/internal/text"
)

func readGold(t *testing.T, path string) []*conllu.Sentence {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := conllu.ReadAll(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return gold
}

func TestSegDocs(t *testing.T) {
	tests := []struct {
		file      string
		texts     []string
		sents     [][]string // gold sentence texts per document
		tokens    [][]string // gold token texts per document
		unaligned []int
	}{
		{
			file:  "seg_small.conllu",
			texts: []string{"They didn't go. Rain fell.\n\nTalks resumed.", "Im gonna win."},
			sents: [][]string{{"They didn't go.", "Rain fell.", "Talks resumed."}, {"Im gonna win."}},
			tokens: [][]string{
				{"They", "did", "n't", "go", ".", "Rain", "fell", ".", "Talks", "resumed", "."},
				{"Im", "gon", "na", "win", "."}, // "Im" is I + am: its words do not spell it, so one span
			},
			unaligned: []int{0, 0},
		},
		{
			file:      "seg_mismatch.conllu",
			texts:     []string{"A b."},
			sents:     [][]string{{"A b."}},
			tokens:    [][]string{{"A", "."}}, // the form "c" is not in the text
			unaligned: []int{1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			docs := SegDocs(readGold(t, filepath.Join("testdata", tt.file)))
			if len(docs) != len(tt.texts) {
				t.Fatalf("%d documents, want %d", len(docs), len(tt.texts))
			}
			for i, d := range docs {
				if d.Text != tt.texts[i] {
					t.Errorf("doc %d text %q, want %q", i, d.Text, tt.texts[i])
				}
				if got := spanTexts(d.Text, d.Sents); strings.Join(got, "|") != strings.Join(tt.sents[i], "|") {
					t.Errorf("doc %d sentences %q, want %q", i, got, tt.sents[i])
				}
				if got := spanTexts(d.Text, d.Tokens); strings.Join(got, "|") != strings.Join(tt.tokens[i], "|") {
					t.Errorf("doc %d tokens %q, want %q", i, got, tt.tokens[i])
				}
				if d.Unaligned != tt.unaligned[i] {
					t.Errorf("doc %d: %d unaligned, want %d", i, d.Unaligned, tt.unaligned[i])
				}
			}
		})
	}
}

func spanTexts(s string, spans []SegSpan) []string {
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = s[sp.Start:sp.End]
	}
	return out
}

// oracle segments a document exactly as the gold standard does.
func oracle(gold []*conllu.Sentence) func(string) []text.Sentence {
	byText := map[string]SegDoc{}
	for _, d := range SegDocs(gold) {
		byText[d.Text] = d
	}
	return func(src string) []text.Sentence {
		d := byText[src]
		var out []text.Sentence
		for _, s := range d.Sents {
			sent := text.Sentence{Start: s.Start, End: s.End}
			for _, tk := range d.Tokens {
				if tk.Start >= s.Start && tk.End <= s.End {
					sent.Tokens = append(sent.Tokens, text.Token{Text: src[tk.Start:tk.End], Start: tk.Start, End: tk.End})
				}
			}
			out = append(out, sent)
		}
		return out
	}
}

// whitespace is the naive baseline: one sentence per document, one token per run of non-space characters.
func whitespace(src string) []text.Sentence {
	var toks []text.Token
	for i := 0; i < len(src); {
		if src[i] == ' ' || src[i] == '\n' {
			i++
			continue
		}
		j := i
		for j < len(src) && src[j] != ' ' && src[j] != '\n' {
			j++
		}
		toks = append(toks, text.Token{Text: src[i:j], Start: i, End: j})
		i = j
	}
	if len(toks) == 0 {
		return nil
	}
	return []text.Sentence{{Start: toks[0].Start, End: toks[len(toks)-1].End, Tokens: toks}}
}

func TestScoreSegmentation(t *testing.T) {
	gold := readGold(t, filepath.Join("testdata", "seg_small.conllu"))
	tests := []struct {
		name string
		seg  func(string) []text.Sentence
		want SegScores
	}{
		{"oracle", oracle(gold), SegScores{1, 1, 1, 1, 1, 1, 16, 4}},
		// Whitespace tokens: 10 predicted, 4 right (They, Rain, Talks, Im) of 16 gold; sentences: 2
		// predicted (one per document), 1 right (the one-sentence document) of 4.
		{"whitespace", whitespace, SegScores{0.4, 0.25, 2 * 0.4 * 0.25 / 0.65, 0.5, 0.25, 2 * 0.5 * 0.25 / 0.75, 16, 4}},
		{"nothing", func(string) []text.Sentence { return nil }, SegScores{0, 0, 0, 0, 0, 0, 16, 4}},
		{"duplicates score once", func(s string) []text.Sentence {
			o := oracle(gold)(s)
			return append(o, o...)
		}, SegScores{0.5, 1, 2.0 / 3, 0.5, 1, 2.0 / 3, 16, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ScoreSegmentation(gold, tt.seg)
			if !closeScores(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func closeScores(a, b SegScores) bool {
	eq := func(x, y float64) bool { return math.Abs(x-y) < 1e-9 }
	return eq(a.TokenP, b.TokenP) && eq(a.TokenR, b.TokenR) && eq(a.TokenF1, b.TokenF1) &&
		eq(a.SentP, b.SentP) && eq(a.SentR, b.SentR) && eq(a.SentF1, b.SentF1) &&
		a.GoldTokens == b.GoldTokens && a.GoldSents == b.GoldSents
}

// TestSegmentationEWTDev scores dyad's tokenizer and sentence splitter on the UD English EWT development set.
func TestSegmentationEWTDev(t *testing.T) {
	path := filepath.Join("..", "..", "..", "..", "shared", "corpora", "ud-english-ewt", "en_ewt-ud-dev.conllu")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("EWT development set not available at %s: %v", path, err)
	}
	sc := ScoreSegmentation(readGold(t, path), text.Segment)
	t.Logf("EWT dev: tokens P %.4f R %.4f F1 %.4f (%d gold); sentences P %.4f R %.4f F1 %.4f (%d gold)",
		sc.TokenP, sc.TokenR, sc.TokenF1, sc.GoldTokens, sc.SentP, sc.SentR, sc.SentF1, sc.GoldSents)
	if sc.TokenF1 < 0.98 {
		t.Errorf("token F1 %.4f, want at least 0.98", sc.TokenF1)
	}
	if sc.SentF1 < 0.85 {
		t.Errorf("sentence F1 %.4f, want at least 0.85", sc.SentF1)
	}
}

// FuzzScoreSegmentation feeds arbitrary CoNLL-U to the scorer: whatever the reader accepts must score without
// panicking, with spans inside the rebuilt text and scores between 0 and 1.
func FuzzScoreSegmentation(f *testing.F) {
	for _, name := range []string{"seg_small.conllu", "seg_mismatch.conllu"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("# text = a\n1-3\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\t_\t_\t_\t_\t0\t_\t_\t_\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		gold, err := conllu.ReadAll(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, d := range SegDocs(gold) {
			for _, sp := range append(append([]SegSpan(nil), d.Sents...), d.Tokens...) {
				if sp.Start < 0 || sp.End < sp.Start || sp.End > len(d.Text) {
					t.Fatalf("span %+v outside text of %d bytes", sp, len(d.Text))
				}
			}
		}
		sc := ScoreSegmentation(gold, text.Segment)
		for _, v := range []float64{sc.TokenP, sc.TokenR, sc.TokenF1, sc.SentP, sc.SentR, sc.SentF1} {
			if v < 0 || v > 1 || math.IsNaN(v) {
				t.Fatalf("score out of range: %+v", sc)
			}
		}
	})
}
