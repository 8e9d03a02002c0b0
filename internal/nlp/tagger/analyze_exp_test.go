package tagger

import (
	"fmt"
	"os"
	"sort"
	"testing"
)

func TestAnalyze(t *testing.T) {
	f, err := os.Open(os.Getenv("MODEL"))
	if err != nil {
		t.Skip(err)
	}
	m, err := Read(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	train := loadUD(t, "en_ewt-ud-train.conllu")
	seen := map[string]int{}
	for _, s := range train {
		for _, w := range s.Words {
			seen[w.Form]++
		}
	}
	dev := loadUD(t, "en_ewt-ud-dev.conllu")
	tg := m.NewTagger()
	conf := map[string]int{}
	var kn, kc, un, uc int
	for _, s := range dev {
		fs := []string{}
		for _, w := range s.Words {
			fs = append(fs, w.Form)
		}
		up, xp := make([]string, len(fs)), make([]string, len(fs))
		tg.Tag(fs, up, xp)
		for i, w := range s.Words {
			ok := xp[i] == w.XPOS
			if seen[w.Form] > 0 {
				kn++
				if ok {
					kc++
				}
			} else {
				un++
				if ok {
					uc++
				}
			}
			if !ok {
				conf[w.XPOS+"->"+xp[i]]++
				ctx := ""
				for j := max(0, i-3); j < min(len(fs), i+4); j++ {
					if j == i {
						ctx += "[" + fs[j] + "] "
					} else {
						ctx += fs[j] + " "
					}
				}
				fmt.Printf("E %s->%s %d | %s\n", w.XPOS, xp[i], seen[w.Form], ctx)
			}
		}
	}
	fmt.Printf("known %d %.2f unknown %d %.2f\n", kn, 100*float64(kc)/float64(kn), un, 100*float64(uc)/float64(un))
	type kv struct {
		k string
		v int
	}
	var l []kv
	for k, v := range conf {
		l = append(l, kv{k, v})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
	for _, e := range l[:30] {
		fmt.Printf("%s %d\n", e.k, e.v)
	}
}
