package parser

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/nlp/conllu"
)

// ewtDir finds the shared UD English EWT treebank beside the repository, walking up from the test's
// directory, or skips the test.
func ewtDir(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "shared", "corpora", "ud-english-ewt")
		if _, err := os.Stat(filepath.Join(p, "en_ewt-ud-dev.conllu")); err == nil {
			return p
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Skip("shared/corpora/ud-english-ewt not found beside the repository; skipping EWT test")
		}
		dir = up
	}
}

func readEWT(t testing.TB, part string) []*conllu.Sentence {
	t.Helper()
	name := filepath.Join(ewtDir(t), "en_ewt-ud-"+part+".conllu")
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := conllu.ReadAll(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestTrainEWT trains a model on EWT train with its gold tags, for experiments (the shipped model is made
// by dyad train, from jackknifed tags). It takes minutes, so it runs only when asked:
//
//	DYAD_PARSER_TRAIN=1 [DYAD_PARSER_WRITE=1] nice go test -run TestTrainEWT -timeout 30m -v
//
// DYAD_PARSER_ITERS, DYAD_PARSER_EVAL and DYAD_PARSER_GROUPS override the iterations, the dev
// evaluation interval and the label groups.
func TestTrainEWT(t *testing.T) {
	if os.Getenv("DYAD_PARSER_TRAIN") == "" {
		t.Skip("set DYAD_PARSER_TRAIN=1 to train the parser on EWT")
	}
	train, dev := readEWT(t, "train"), readEWT(t, "dev")
	opt := DefaultOptions()
	if v, err := strconv.Atoi(os.Getenv("DYAD_PARSER_ITERS")); err == nil {
		opt.Iterations = v
	}
	if v, err := strconv.Atoi(os.Getenv("DYAD_PARSER_EVAL")); err == nil {
		opt.EvalEvery = v
	}
	if v, err := strconv.Atoi(os.Getenv("DYAD_PARSER_GROUPS")); err == nil {
		opt.Groups = v
	}
	opt.PruneReport = []float64{0.05, 0.5, 2}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	start, cpu0 := time.Now(), cpuTime()
	m, err := Train(context.Background(), train, dev, opt, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("trained in %v wall, %v CPU: %d features, %d weights", time.Since(start).Round(time.Second),
		(cpuTime() - cpu0).Round(time.Second), m.Features(), m.Weights())
	sc := m.Evaluate(dev)
	t.Logf("dev (gold tags): UAS %.2f LAS %.2f over %d words", 100*sc.UAS(), 100*sc.LAS(), sc.Words)
	if os.Getenv("DYAD_PARSER_WRITE") != "" {
		name := filepath.Join("..", "models", "parser.bin.gz")
		f, err := os.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := m.WriteTo(f); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		fi, _ := os.Stat(name)
		t.Logf("wrote %s: %d bytes", name, fi.Size())
	}
}
