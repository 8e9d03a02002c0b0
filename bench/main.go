package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"runtime"
	"strings"
	"time"

	prose "github.com/jdkato/prose/v2"

	"github.com/dyad-events/dyad/internal/eval/ud"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/nlp/conllu"
)

func main() {
	path := flag.String("ud", "../../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu", "CoNLL-U file to measure on")
	flag.Parse()
	runtime.GOMAXPROCS(1) // one core for both systems
	f, err := os.Open(*path)
	if err != nil {
		log.Fatal(err)
	}
	gold, err := conllu.ReadAll(f, *path)
	f.Close()
	if err != nil {
		log.Fatal(err)
	}

	p, err := nlp.Load()
	if err != nil {
		log.Fatal(err)
	}
	a := p.NewAnnotator()
	// tagging alone, to compare like with like
	tagOnly := annotatorFunc(a.Tag)
	ts, err := ud.Score(context.Background(), gold, tagOnly)
	if err != nil {
		log.Fatal(err)
	}
	full, err := ud.Score(context.Background(), gold, a)
	if err != nil {
		log.Fatal(err)
	}

	words, correct, aligned := 0, 0, 0
	var elapsed time.Duration
	for _, s := range gold {
		forms := make([]string, len(s.Words))
		for i, w := range s.Words {
			forms[i] = w.Form
		}
		start := time.Now()
		doc, err := prose.NewDocument(strings.Join(forms, " "), prose.WithSegmentation(false), prose.WithExtraction(false))
		elapsed += time.Since(start)
		if err != nil {
			log.Fatal(err)
		}
		toks := doc.Tokens()
		words += len(s.Words)
		// align prose's tokens to the gold words by their text, in order
		j := 0
		for _, w := range s.Words {
			for j < len(toks) && toks[j].Text != w.Form && !strings.HasPrefix(w.Form, toks[j].Text) {
				j++
			}
			if j < len(toks) && toks[j].Text == w.Form {
				aligned++
				if toks[j].Tag == w.XPOS {
					correct++
				}
				j++
			}
		}
	}
	fmt.Printf("file\t%s (%d words)\n", *path, words)
	fmt.Printf("dyad  tag only\tXPOS %.2f %%\tUPOS %.2f %%\t%.0f tokens/s\n", 100*ts.XPOS, 100*ts.UPOS, ts.TokensPerSecond)
	fmt.Printf("dyad  tag+parse\tUAS %.2f %%\tLAS %.2f %%\t%.0f tokens/s\n", 100*full.UAS, 100*full.LAS, full.TokensPerSecond)
	fmt.Printf("prose tag\tXPOS %.2f %% (of all gold words; %d aligned)\t%.0f tokens/s\n",
		100*float64(correct)/float64(words), aligned, float64(words)/elapsed.Seconds())
	fmt.Printf("speed ratio\tdyad tag+parse / prose tag = %.2f×; dyad tag / prose tag = %.2f×\n",
		full.TokensPerSecond/(float64(words)/elapsed.Seconds()), ts.TokensPerSecond/(float64(words)/elapsed.Seconds()))
}

type annotatorFunc func([]nlp.Word)

func (f annotatorFunc) Annotate(w []nlp.Word) { f(w) }
