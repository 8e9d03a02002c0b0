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
	sents, err := conllu.ReadAll(f, *path)
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
	ts, err := ud.Score(context.Background(), sents, tagOnly)
	if err != nil {
		log.Fatal(err)
	}
	full, err := ud.Score(context.Background(), sents, a)
	if err != nil {
		log.Fatal(err)
	}

	// prose loads its model for every document, so the whole treebank goes in as one document of
	// space-separated gold words, timed once
	var all []string
	var gold []conllu.Word
	for _, s := range sents {
		for _, w := range s.Words {
			all = append(all, w.Form)
			gold = append(gold, w)
		}
	}
	words := len(gold)
	start := time.Now()
	doc, err := prose.NewDocument(strings.Join(all, " "), prose.WithSegmentation(false), prose.WithExtraction(false))
	elapsed := time.Since(start)
	if err != nil {
		log.Fatal(err)
	}
	toks := doc.Tokens()
	// align by character spans: a gold word counts when prose has a token with exactly its span
	text := strings.Join(all, " ")
	spans := map[[2]int]string{}
	cur := 0
	for _, t := range toks {
		at := strings.Index(text[cur:], t.Text)
		if at < 0 {
			continue
		}
		spans[[2]int{cur + at, cur + at + len(t.Text)}] = t.Tag
		cur += at + len(t.Text)
	}
	correct, aligned, off := 0, 0, 0
	for _, w := range gold {
		if tag, ok := spans[[2]int{off, off + len(w.Form)}]; ok {
			aligned++
			if tag == w.XPOS {
				correct++
			}
		}
		off += len(w.Form) + 1
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
