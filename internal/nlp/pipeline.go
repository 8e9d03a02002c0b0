package nlp

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dyad-events/dyad/internal/nlp/lemma"
	"github.com/dyad-events/dyad/internal/nlp/models"
	"github.com/dyad-events/dyad/internal/nlp/parser"
	"github.com/dyad-events/dyad/internal/nlp/tagger"
)

// Model file names, in internal/nlp/models and in any folder given to LoadDir.
const (
	TaggerFile = "tagger.bin.gz"
	LemmaFile  = "lemma.bin.gz"
	ParserFile = "parser.bin.gz"
)

// Word is one word of a sentence with its analysis. Start and End are byte offsets in the document.
type Word struct {
	Form       string
	Start, End int
	Lemma      string
	UPOS, XPOS string
	Head       int // 0 = root, else the 1-based index of the head word
	DepRel     string
}

// Pipeline holds the loaded models; it is read-only and safe for concurrent use.
type Pipeline struct {
	Tagger *tagger.Model
	Lemmas *lemma.Model
	Parser *parser.Model
}

// Load loads the models embedded in the binary.
func Load() (*Pipeline, error) { return load(models.FS, "embedded models") }

// LoadDir loads models from a folder (as written by `dyad train --out DIR`).
func LoadDir(dir string) (*Pipeline, error) { return load(os.DirFS(dir), dir) }

func load(fsys fs.FS, where string) (*Pipeline, error) {
	read := func(name string, fn func(io.Reader) error) error {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("%s: %w", filepath.Join(where, name), err)
		}
		if err := fn(bytes.NewReader(b)); err != nil {
			return fmt.Errorf("%s: %w", filepath.Join(where, name), err)
		}
		return nil
	}
	p := &Pipeline{}
	err := read(TaggerFile, func(r io.Reader) (err error) { p.Tagger, err = tagger.Read(r); return })
	if err == nil {
		err = read(LemmaFile, func(r io.Reader) (err error) { p.Lemmas, err = lemma.Read(r); return })
	}
	if err == nil {
		err = read(ParserFile, func(r io.Reader) (err error) { p.Parser, err = parser.Read(r); return })
	}
	if err != nil {
		return nil, err
	}
	return p, nil
}

// Annotator analyses sentences with reusable scratch space. It is not safe for concurrent use: make one
// per goroutine.
type Annotator struct {
	p      *Pipeline
	tagger *tagger.Tagger
	parser *parser.Parser
	// lemmas remembers each form's last tag and lemma: news repeats its words, and one string's hash in a
	// small map is cheaper than the lemmatizer's lookups of form and tag in its large ones
	lemmas map[string]lemmaOf
	forms  []string
	upos   []string
	xpos   []string
	heads  []int
	rels   []string
}

type lemmaOf struct{ xpos, lemma string }

// maxLemmas bounds the forms an Annotator remembers lemmas of; when full it forgets them all.
const maxLemmas = 1 << 14

// NewAnnotator returns an Annotator over the pipeline's models.
func (p *Pipeline) NewAnnotator() *Annotator {
	return &Annotator{p: p, tagger: p.Tagger.NewTagger(), parser: p.Parser.NewParser()}
}

// SkipPunctuation makes the annotator's parses leave punctuation marks where the transition model put
// them (see parser.Parser.SkipPunctuation), for callers that never read where marks hang. It returns a.
func (a *Annotator) SkipPunctuation() *Annotator {
	a.parser.SkipPunctuation()
	return a
}

// Annotate fills in the tags, lemmas and dependency tree of words whose Form is set.
func (a *Annotator) Annotate(words []Word) {
	a.Tag(words)
	a.Parse(words)
}

// Parse fills in the dependency tree of words that Tag has already tagged.
func (a *Annotator) Parse(words []Word) {
	n := len(words)
	if n == 0 {
		return
	}
	a.forms = resize(a.forms, n)
	a.upos = resize(a.upos, n)
	a.xpos = resize(a.xpos, n)
	a.rels = resize(a.rels, n)
	if cap(a.heads) < n {
		a.heads = make([]int, n)
	}
	a.heads = a.heads[:n]
	for i := range words {
		a.forms[i], a.upos[i], a.xpos[i] = words[i].Form, words[i].UPOS, words[i].XPOS
	}
	a.parser.Parse(a.forms, a.upos, a.xpos, a.heads, a.rels)
	for i := range words {
		words[i].Head, words[i].DepRel = a.heads[i], a.rels[i]
	}
}

// Tag fills in tags and lemmas only (no parse), for callers that need no tree.
func (a *Annotator) Tag(words []Word) {
	n := len(words)
	a.forms = resize(a.forms, n)
	a.upos = resize(a.upos, n)
	a.xpos = resize(a.xpos, n)
	for i := range words {
		a.forms[i] = words[i].Form
	}
	a.tagger.Tag(a.forms, a.upos, a.xpos)
	for i := range words {
		w := &words[i]
		w.UPOS, w.XPOS = a.upos[i], a.xpos[i]
		w.Lemma = a.lemma(w.Form, w.UPOS, w.XPOS)
	}
}

// lemma is Lemmas.Lemma, remembered.
func (a *Annotator) lemma(form, upos, xpos string) string {
	if l, ok := a.lemmas[form]; ok && l.xpos == xpos && xpos != "" {
		return l.lemma
	}
	l := a.p.Lemmas.Lemma(form, upos, xpos)
	if xpos == "" {
		return l
	}
	if a.lemmas == nil || len(a.lemmas) >= maxLemmas {
		a.lemmas = make(map[string]lemmaOf, 1024)
	}
	// copies: the form, and a lemma cut from it, may point into a whole document
	a.lemmas[strings.Clone(form)] = lemmaOf{xpos, strings.Clone(l)}
	return l
}

func resize(s []string, n int) []string {
	if cap(s) < n {
		return make([]string, n)
	}
	return s[:n]
}
