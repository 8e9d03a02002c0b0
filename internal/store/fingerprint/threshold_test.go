package fingerprint

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestThreshold measures how often a text and an edited copy of it are recognised as one story (a shared
// band key and Similarity ≥ Threshold), by the exact resemblance of the pair: the curve the package
// documentation describes. Copies at 0.9 and above must almost always be found, pairs below 0.8
// almost never.
func TestThreshold(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	type bin struct{ pairs, linked int }
	bins := map[string]*bin{}
	edges := []float64{0, 0.7, 0.8, 0.85, 0.9, 0.93, 0.96, 1.01}
	label := func(j float64) string {
		for i := 1; i < len(edges); i++ {
			if j < edges[i] {
				return fmt.Sprintf("[%.2f,%.2f)", edges[i-1], edges[i])
			}
		}
		return "?"
	}
	for range 3000 {
		base := make([]string, 300)
		for i := range base {
			base[i] = fmt.Sprintf("w%d", r.IntN(5000))
		}
		edited := append([]string(nil), base...)
		for range r.IntN(25) {
			edited[r.IntN(len(edited))] = fmt.Sprintf("x%d", r.IntN(5000))
		}
		a, b := strings.Join(base, " "), strings.Join(edited, " ")
		j := jaccard(a, b)
		pa, pb := Of(a), Of(b)
		bn := bins[label(j)]
		if bn == nil {
			bn = &bin{}
			bins[label(j)] = bn
		}
		bn.pairs++
		if sharesKey(pa, pb) && Similarity(&pa.Sig, &pb.Sig) >= Threshold {
			bn.linked++
		}
	}
	for i := 1; i < len(edges); i++ {
		l := label(edges[i-1])
		bn := bins[l]
		if bn == nil {
			continue
		}
		rate := float64(bn.linked) / float64(bn.pairs)
		t.Logf("resemblance %s: %4d pairs, %5.1f%% linked", l, bn.pairs, 100*rate)
		switch {
		case edges[i-1] >= 0.9 && rate < 0.97:
			t.Errorf("resemblance %s: only %.1f%% linked", l, 100*rate)
		case edges[i] <= 0.8 && rate > 0.02:
			t.Errorf("resemblance %s: %.1f%% linked", l, 100*rate)
		}
	}
}
