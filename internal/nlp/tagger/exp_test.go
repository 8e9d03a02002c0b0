package tagger

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/nlp/conllu"
)

func loadUD(t testing.TB, name string) []*conllu.Sentence {
	p := filepath.Join("..", "..", "..", "..", "shared", "corpora", "ud-english-ewt", name)
	f, err := os.Open(p)
	if err != nil {
		t.Skipf("EWT not available: %v", err)
	}
	defer f.Close()
	s, err := conllu.ReadAll(f, p)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestExp(t *testing.T) {
	if os.Getenv("EXP") == "" {
		t.Skip()
	}
	train, dev := loadUD(t, "en_ewt-ud-train.conllu"), loadUD(t, "en_ewt-ud-dev.conllu")
	opt := DefaultOptions()
	if s := os.Getenv("OPTS"); s != "" {
		if err := json.Unmarshal([]byte(s), &opt); err != nil {
			t.Fatal(err)
		}
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	start := time.Now()
	m, err := Train(context.Background(), train, dev, opt, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("train %v", time.Since(start))
	var b bytes.Buffer
	m.WriteTo(&b)
	t.Logf("size %d", b.Len())
	if p := os.Getenv("SAVE"); p != "" {
		os.WriteFile(p, b.Bytes(), 0o644)
	}
	forms := [][]string{}
	ntok := 0
	for _, s := range dev {
		f := []string{}
		for _, w := range s.Words {
			f = append(f, w.Form)
		}
		ntok += len(f)
		forms = append(forms, f)
	}
	tg := m.NewTagger()
	up, xp := make([]string, 1000), make([]string, 1000)
	start = time.Now()
	for range 5 {
		for _, f := range forms {
			tg.Tag(f, up, xp)
		}
	}
	el := time.Since(start)
	t.Logf("speed %.0f tok/s", float64(5*ntok)/el.Seconds())
}

func TestLambda(t *testing.T) {
	f, err := os.Open(os.Getenv("MODEL"))
	if err != nil {
		t.Skip(err)
	}
	m, _ := Read(f)
	dev := loadUD(t, "en_ewt-ud-dev.conllu")
	var grid [][2]float64
	json.Unmarshal([]byte(os.Getenv("GRID")), &grid)
	for _, g := range grid {
		m.blend, m.sure = g[0], g[1]
		m.finish()
		start := time.Now()
		a := m.Evaluate(dev)
		t.Logf("blend %v sure %v: %.2f %.2f  %v", g[0], g[1], a.UPOS(), a.XPOS(), time.Since(start))
	}
}
