package parser

// Throwaway experiments (deleted at the end).

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/nlp/conllu"
	"github.com/dyad-events/dyad/internal/nlp/tagger"
)

const expDir = "/tmp/pexp"

func expRetag(m *tagger.Model, sents []*conllu.Sentence) []*conllu.Sentence {
	t := m.NewTagger()
	out := make([]*conllu.Sentence, len(sents))
	for i, s := range sents {
		c := *s
		c.Words = append([]conllu.Word(nil), s.Words...)
		forms := make([]string, len(c.Words))
		for j, w := range c.Words {
			forms[j] = w.Form
		}
		up, xp := make([]string, len(forms)), make([]string, len(forms))
		t.Tag(forms, up, xp)
		for j := range c.Words {
			c.Words[j].UPOS, c.Words[j].XPOS = up[j], xp[j]
		}
		out[i] = &c
	}
	return out
}

func expWrite(t testing.TB, name string, sents []*conllu.Sentence) {
	f, err := os.Create(filepath.Join(expDir, name))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sents {
		if err := conllu.Write(f, s); err != nil {
			t.Fatal(err)
		}
	}
	f.Close()
}

func expRead(t testing.TB, name string) []*conllu.Sentence {
	f, err := os.Open(filepath.Join(expDir, name))
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

func tagAcc(gold, pred []*conllu.Sentence) (float64, float64) {
	var n, u, x int
	for i := range gold {
		for j, w := range gold[i].Words {
			n++
			if pred[i].Words[j].UPOS == w.UPOS {
				u++
			}
			if pred[i].Words[j].XPOS == w.XPOS {
				x++
			}
		}
	}
	return 100 * float64(u) / float64(n), 100 * float64(x) / float64(n)
}

// DYAD_EXP=prep: predicted dev/test tags from the shipped tagger and 4-fold jackknifed train tags.
func TestZZPrep(t *testing.T) {
	if os.Getenv("DYAD_EXP") != "prep" {
		t.Skip()
	}
	f, err := os.Open("../models/tagger.bin.gz")
	if err != nil {
		t.Fatal(err)
	}
	tm, err := tagger.Read(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	train, dev := readEWT(t, "train"), readEWT(t, "dev")
	pdev := expRetag(tm, dev)
	u, x := tagAcc(dev, pdev)
	t.Logf("shipped tagger on dev: UPOS %.2f XPOS %.2f", u, x)
	expWrite(t, "dev.pred.conllu", pdev)
	ptrain := expRetag(tm, train)
	u, x = tagAcc(train, ptrain)
	t.Logf("shipped tagger on train: UPOS %.2f XPOS %.2f", u, x)
	k := 4
	out := make([]*conllu.Sentence, len(train))
	doc := make([]int, len(train))
	d := -1
	for i, s := range train {
		if s.NewDoc || i == 0 {
			d++
		}
		doc[i] = d
	}
	t.Logf("%d documents", d+1)
	byDoc := os.Getenv("DYAD_BYDOC") != ""
	for fold := range k {
		var rest, held []*conllu.Sentence
		var idx []int
		for i, s := range train {
			if byDoc && doc[i]%k == fold || !byDoc && i%k == fold {
				held = append(held, s)
				idx = append(idx, i)
			} else {
				rest = append(rest, s)
			}
		}
		start := time.Now()
		m, err := tagger.Train(context.Background(), rest, nil, tagger.DefaultOptions(), nil)
		if err != nil {
			t.Fatal(err)
		}
		tagged := expRetag(m, held)
		for j, i := range idx {
			out[i] = tagged[j]
		}
		u, x := tagAcc(held, tagged)
		t.Logf("fold %d: %v, held-out UPOS %.2f XPOS %.2f", fold, time.Since(start).Round(time.Second), u, x)
	}
	u, x = tagAcc(train, out)
	t.Logf("jackknifed train: UPOS %.2f XPOS %.2f", u, x)
	if byDoc {
		expWrite(t, "train.jk4doc.conllu", out)
	} else {
		expWrite(t, "train.jk4.conllu", out)
	}
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

// DYAD_EXP=eval: the shipped parser on dev with gold and predicted tags.
func TestZZEvalShipped(t *testing.T) {
	if os.Getenv("DYAD_EXP") != "eval" {
		t.Skip()
	}
	m := shippedModel(t)
	dev := readEWT(t, "dev")
	pdev := expRead(t, "dev.pred.conllu")
	sc := m.Evaluate(dev)
	t.Logf("shipped, gold tags: UAS %.2f LAS %.2f", 100*sc.UAS(), 100*sc.LAS())
	sc = m.Evaluate(pdev)
	t.Logf("shipped, pred tags: UAS %.2f LAS %.2f", 100*sc.UAS(), 100*sc.LAS())
}

// DYAD_EXP=train DYAD_TRAINSET=gold|jk4 ...: trains a variant and evaluates it on dev with gold and predicted tags.
func TestZZTrain(t *testing.T) {
	if os.Getenv("DYAD_EXP") != "train" {
		t.Skip()
	}
	var train []*conllu.Sentence
	switch os.Getenv("DYAD_TRAINSET") {
	case "jk4", "jk4doc":
		train = expRead(t, "train."+os.Getenv("DYAD_TRAINSET")+".conllu")
	default:
		train = readEWT(t, "train")
	}
	dev := readEWT(t, "dev")
	pdev := expRead(t, "dev.pred.conllu")
	opt := DefaultOptions()
	opt.Iterations = envInt("DYAD_ITERS", opt.Iterations)
	opt.EvalEvery = envInt("DYAD_EVAL", opt.EvalEvery)
	opt.Groups = envInt("DYAD_GROUPS", opt.Groups)
	opt.Exp = uint64(envInt("DYAD_FLAGS", 0))
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	start := time.Now()
	m, err := Train(context.Background(), train, pdev, opt, log)
	if err != nil {
		t.Fatal(err)
	}
	el := time.Since(start)
	sg, sp := m.Evaluate(dev), m.Evaluate(pdev)
	size, _ := m.WriteTo(discard{})
	tps := expSpeed(m, pdev)
	t.Logf("RESULT %s: gold UAS %.2f LAS %.2f | pred UAS %.2f LAS %.2f | %.0f tok/s | %.2f MB | %v",
		os.Getenv("DYAD_NAME"), 100*sg.UAS(), 100*sg.LAS(), 100*sp.UAS(), 100*sp.LAS(), tps, float64(size)/1e6, el.Round(time.Second))
	if name := os.Getenv("DYAD_SAVE"); name != "" {
		f, _ := os.Create(filepath.Join(expDir, name))
		m.WriteTo(f)
		f.Close()
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// expSpeed parses the sentences three times and reports the best tokens per second.
func expSpeed(m *Model, sents []*conllu.Sentence) float64 {
	p := m.NewParser()
	type sent struct{ forms, upos, xpos []string }
	var ss []sent
	tokens := 0
	for _, s := range sents {
		f, u, x := words(s)
		ss = append(ss, sent{f, u, x})
		tokens += len(f)
	}
	heads, rels := make([]int, 1024), make([]string, 1024)
	best := 0.0
	for range 3 {
		c0 := cpuTime()
		for _, s := range ss {
			p.Parse(s.forms, s.upos, s.xpos, heads, rels)
		}
		if c := cpuTime() - c0; c > 0 {
			best = max(best, float64(tokens)/c.Seconds())
		}
	}
	return best
}

var _ = fmt.Sprint

// DYAD_EXP=analyze: where do predicted tags cost heads?
func TestZZAnalyze(t *testing.T) {
	if os.Getenv("DYAD_EXP") != "analyze" {
		t.Skip()
	}
	m := shippedModel(t)
	if p := os.Getenv("DYAD_MODEL"); p != "" {
		f, _ := os.Open(p)
		var err error
		m, err = Read(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	dev := readEWT(t, "dev")
	pdev := expRead(t, "dev.pred.conllu")
	mix := func(useGoldU, useGoldX bool) []*conllu.Sentence {
		out := make([]*conllu.Sentence, len(dev))
		for i, s := range pdev {
			c := *s
			c.Words = append([]conllu.Word(nil), s.Words...)
			for j := range c.Words {
				if useGoldU {
					c.Words[j].UPOS = dev[i].Words[j].UPOS
				}
				if useGoldX {
					c.Words[j].XPOS = dev[i].Words[j].XPOS
				}
			}
			out[i] = &c
		}
		return out
	}
	for _, v := range []struct {
		name string
		u, x bool
	}{{"pred", false, false}, {"goldU predX", true, false}, {"predU goldX", false, true}, {"gold", true, true}} {
		sc := m.Evaluate(mix(v.u, v.x))
		t.Logf("%-12s UAS %.2f LAS %.2f", v.name, 100*sc.UAS(), 100*sc.LAS())
	}
	// per-token: head correct with gold tags vs pred tags, split by whether the token / its gold head / a neighbour has a tag error
	p := m.NewParser()
	var cat [4][4]int // [class][goldOK*2+predOK]
	names := []string{"own tag wrong", "gold head's tag wrong", "other tag error in sentence", "sentence clean"}
	conf := map[string]int{}
	for i, s := range dev {
		n := len(s.Words)
		fg, ug, xg := words(s)
		_, up, xp := words(pdev[i])
		hg, rg := make([]int, n), make([]string, n)
		hp, rp := make([]int, n), make([]string, n)
		p.Parse(fg, ug, xg, hg, rg)
		p.Parse(fg, up, xp, hp, rp)
		anyErr := false
		for j := range n {
			if xp[j] != xg[j] {
				anyErr = true
			}
		}
		for j, w := range s.Words {
			c := 3
			switch {
			case xp[j] != xg[j]:
				c = 0
			case w.Head > 0 && xp[w.Head-1] != xg[w.Head-1]:
				c = 1
			case anyErr:
				c = 2
			}
			k := 0
			if hg[j] == w.Head {
				k += 2
			}
			if hp[j] == w.Head {
				k++
			}
			cat[c][k]++
			if c == 0 && k == 2 {
				conf[xg[j]+"->"+xp[j]]++
			}
		}
	}
	tot := 0
	for c := range cat {
		for k := range cat[c] {
			tot += cat[c][k]
		}
	}
	for c, name := range names {
		n := cat[c][0] + cat[c][1] + cat[c][2] + cat[c][3]
		t.Logf("%-28s tokens %6d  goldOK %.2f predOK %.2f  lost %d gained %d (net %.2f pts of all)", name, n,
			100*float64(cat[c][2]+cat[c][3])/float64(n), 100*float64(cat[c][1]+cat[c][3])/float64(n), cat[c][2], cat[c][1],
			100*float64(cat[c][2]-cat[c][1])/float64(tot))
	}
	type kv struct {
		k string
		n int
	}
	var kvs []kv
	for k, n := range conf {
		kvs = append(kvs, kv{k, n})
	}
	slices.SortFunc(kvs, func(a, b kv) int { return b.n - a.n })
	for _, x := range kvs[:min(25, len(kvs))] {
		t.Logf("  lost head on own error %-10s %d", x.k, x.n)
	}
}
