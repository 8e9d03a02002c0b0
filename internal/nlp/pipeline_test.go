package nlp

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/internal/nlp/conllu"
	"github.com/dyad-events/dyad/internal/text"
)

func mustLoad(tb testing.TB) *Pipeline {
	tb.Helper()
	p, err := Load()
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// TestAnnotateTrees checks, on the project's own sentences, that every analysis is a tree with one root,
// and that the tags and lemmas a news reader relies on come out.
func TestAnnotateTrees(t *testing.T) {
	a := mustLoad(t).NewAnnotator()
	tests := []struct {
		text  string
		verb  string // a word that must be tagged VERB and head the sentence
		lemma string
	}{
		{"Kenyan police arrested three opposition activists in Nairobi on Tuesday.", "arrested", "arrest"},
		{"Russia attacked Ukraine on Monday.", "attacked", "attack"},
		{"The rebels fought the army for two days.", "fought", "fight"},
	}
	for _, tt := range tests {
		var words []Word
		for _, tk := range text.Tokenize(tt.text) {
			words = append(words, Word{Form: tk.Text, Start: tk.Start, End: tk.End})
		}
		a.Annotate(words)
		roots := 0
		for i, w := range words {
			if w.Head < 0 || w.Head > len(words) || w.Head == i+1 {
				t.Errorf("%q: word %d has head %d", tt.text, i+1, w.Head)
			}
			if w.Head == 0 {
				roots++
			}
			if w.Form == tt.verb && (w.UPOS != "VERB" || w.Head != 0 || w.Lemma != tt.lemma) {
				t.Errorf("%q: %s tagged %s/%s, lemma %q, head %d; want the root verb %q", tt.text, w.Form, w.UPOS, w.XPOS, w.Lemma, w.Head, tt.lemma)
			}
		}
		if roots != 1 {
			t.Errorf("%q: %d roots", tt.text, roots)
		}
	}
}

// ewtDev reads the UD English EWT dev sentences from the shared corpora, skipping when they are absent.
func ewtDev(tb testing.TB) []*conllu.Sentence {
	tb.Helper()
	path := filepath.Join("..", "..", "..", "shared", "corpora", "ud-english-ewt", "en_ewt-ud-dev.conllu")
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("%s is absent: this needs the treebank", path)
	}
	defer f.Close()
	sents, err := conllu.ReadAll(f, path)
	if err != nil {
		tb.Fatal(err)
	}
	return sents
}

// BenchmarkAnnotate tags, lemmatizes and parses the UD English EWT dev sentences (gold tokenization) and
// reports words per second: the NLP core's speed target is a benchmark, not a timed test.
func BenchmarkAnnotate(b *testing.B) {
	sents := ewtDev(b)
	a := mustLoad(b).NewAnnotator()
	var all [][]Word
	words := 0
	for _, s := range sents {
		ws := make([]Word, len(s.Words))
		for i, w := range s.Words {
			ws[i].Form = w.Form
		}
		all = append(all, ws)
		words += len(ws)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, ws := range all {
			a.Annotate(ws)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// TestLemmaMemory checks that remembering lemmas changes none: one Annotator tags EWT dev twice, the
// second time from its memory, and every lemma is the lemmatizer's for the word's form and tags.
func TestLemmaMemory(t *testing.T) {
	sents := ewtDev(t)
	p := mustLoad(t)
	a := p.NewAnnotator()
	for round := range 2 {
		for _, s := range sents {
			ws := make([]Word, len(s.Words))
			for i, w := range s.Words {
				ws[i].Form = w.Form
			}
			a.Tag(ws)
			for _, w := range ws {
				if want := p.Lemmas.Lemma(w.Form, w.UPOS, w.XPOS); w.Lemma != want {
					t.Fatalf("round %d: %q %s: lemma %q, lemmatizer %q", round, w.Form, w.XPOS, w.Lemma, want)
				}
			}
		}
	}
	if len(a.lemmas) == 0 {
		t.Error("the annotator remembered no lemma")
	}
}
