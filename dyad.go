package dyad

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"sync"

	"github.com/dyad-events/dyad/internal/coder"
	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/geo"
	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/ontology"
	"github.com/dyad-events/dyad/internal/source"
)

// Document is one article; Event is one coded event.
type (
	Document = source.Document
	Event    = event.Event
)

// Options configure a Coder. The zero value codes with the embedded models and lexicon.
type Options struct {
	// LexiconDirs are folders of dyad-format lexicon files added on top of the built-in lexicon.
	LexiconDirs []string
	// ModelsDir loads NLP models from a folder instead of the embedded ones.
	ModelsDir string
	// IncludeNegated keeps negated events ("did not attack"), marked as such.
	IncludeNegated bool
	// Explain adds the lexicon entry and the parse path to every event.
	Explain bool
	// Targetless keeps events without an actor as target ("demanded elections", "resigned").
	Targetless bool
	// Lexicon, when set, replaces the built-in lexicon (LexiconDirs are still added to it).
	Lexicon *lexicon.Lexicon
}

// Coder codes documents into events; it is safe for concurrent use.
type Coder struct {
	c *coder.Coder
}

// New loads the models, the lexicon and the ontology.
func New(opt Options) (*Coder, error) {
	var (
		p   *nlp.Pipeline
		err error
	)
	if opt.ModelsDir != "" {
		p, err = nlp.LoadDir(opt.ModelsDir)
	} else {
		p, err = nlp.Load()
	}
	if err != nil {
		return nil, fmt.Errorf("load models: %w", err)
	}
	lex := opt.Lexicon
	if lex == nil {
		if lex, err = lexicon.Builtin(); err != nil {
			return nil, err
		}
	}
	for _, d := range opt.LexiconDirs {
		if err := lex.LoadDir(d); err != nil {
			return nil, err
		}
	}
	ont, err := ontology.Default()
	if err != nil {
		return nil, fmt.Errorf("load ontology: %w", err)
	}
	gaz, err := geo.Default()
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	c, err := coder.New(coder.Options{Pipeline: p, Lexicon: lex, Ontology: ont, Gazetteer: gaz,
		IncludeNegated: opt.IncludeNegated, Explain: opt.Explain, Targetless: opt.Targetless})
	if err != nil {
		return nil, err
	}
	return &Coder{c: c}, nil
}

// Code codes one document.
func (c *Coder) Code(ctx context.Context, doc *Document) ([]Event, error) {
	return c.c.Code(ctx, doc)
}

// Result is the outcome for one input item of CodeAll.
type Result struct {
	Doc    *Document
	Events []Event
	Err    error // a reading or coding error for this item; the batch goes on
}

// CodeAll codes a stream of items on workers goroutines (0 = one per core) and yields the results in input
// order. Stopping the iteration, or cancelling ctx, stops the workers.
func (c *Coder) CodeAll(ctx context.Context, items iter.Seq[source.Item], workers int) iter.Seq[Result] {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	return func(yield func(Result) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		type job struct {
			seq  int
			item source.Item
			out  chan Result
		}
		jobs := make(chan job, workers)
		pending := make(chan chan Result, 2*workers) // results in input order
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := range jobs {
					r := Result{Doc: j.item.Doc, Err: j.item.Err}
					if r.Err == nil && r.Doc != nil {
						r.Events, r.Err = c.c.Code(ctx, r.Doc)
					}
					j.out <- r
				}
			}()
		}
		go func() {
			defer close(pending)
			defer close(jobs)
			seq := 0
			for it := range items {
				out := make(chan Result, 1)
				select {
				case pending <- out:
				case <-ctx.Done():
					return
				}
				select {
				case jobs <- job{seq: seq, item: it, out: out}:
				case <-ctx.Done():
					return
				}
				seq++
			}
		}()
		defer wg.Wait()
		for out := range pending {
			var r Result
			select {
			case r = <-out:
			case <-ctx.Done():
				cancel()
				for range pending {
				}
				return
			}
			if !yield(r) {
				cancel()
				for range pending {
				}
				return
			}
		}
	}
}
