package parser

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dyad-events/dyad/internal/nlp/conllu"
)

func readFile(t testing.TB, name string) []*conllu.Sentence {
	t.Helper()
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

func tiny(t testing.TB) []*conllu.Sentence {
	return readFile(t, filepath.Join("testdata", "tiny.conllu"))
}

// checkTree returns an error unless heads (1-based values, 0 = root) form a tree with one root word.
func checkTree(heads []int) error {
	n := len(heads)
	roots := 0
	for d, h := range heads {
		if h < 0 || h > n || h == d+1 {
			return fmt.Errorf("word %d: bad head %d", d+1, h)
		}
		if h == 0 {
			roots++
		}
	}
	if roots != 1 {
		return fmt.Errorf("%d root words", roots)
	}
	for d := range heads {
		a := d + 1
		for k := 0; a != 0; k++ {
			if k > n {
				return fmt.Errorf("word %d is on a cycle", d+1)
			}
			a = heads[a-1]
		}
	}
	return nil
}

// treeOf reads the state's arcs as Parse reports them.
func treeOf(s *state) []int {
	h := make([]int, s.n)
	for i := range h {
		h[i] = int(s.head[i+1])
	}
	return h
}

func TestRandomSequencesYieldTrees(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var s state
	for _, n := range []int{1, 2, 3, 5, 8, 20, 60, 300} {
		for trial := range 50 {
			s.reset(n)
			steps := 0
			for !s.terminal() {
				shift, left, right, _ := s.legal()
				var kinds []int
				if shift {
					kinds = append(kinds, kindShift)
				}
				if left {
					kinds = append(kinds, kindLeft)
				}
				if right {
					kinds = append(kinds, kindRight)
				}
				if len(kinds) == 0 {
					t.Fatalf("n=%d trial %d: no legal transition in a non-terminal state", n, trial)
				}
				s.apply(kinds[r.IntN(len(kinds))], r.IntN(3))
				steps++
			}
			if steps != 2*n {
				t.Errorf("n=%d: %d transitions, want %d", n, steps, 2*n)
			}
			if err := checkTree(treeOf(&s)); err != nil {
				t.Fatalf("n=%d trial %d: %v", n, trial, err)
			}
		}
	}
}

// projective converts a sentence into its projectivized gold tree over a label table of its own.
func projectiveGold(t testing.TB, s *conllu.Sentence, ids map[string]int32) *gold {
	t.Helper()
	heads, ok := treeHeads(s)
	if !ok {
		t.Fatalf("sentence %s is not a tree", s.ID)
	}
	labs := make([]string, len(heads))
	for i, w := range s.Words {
		labs[i+1] = w.DepRel
	}
	lifted := projectivize(heads, labs)
	ls := make([]int32, len(heads))
	for d := 1; d < len(heads); d++ {
		if lifted[d] != "" {
			labs[d] += liftSep + lifted[d]
		}
		id, ok := ids[labs[d]]
		if !ok {
			id = int32(len(ids))
			ids[labs[d]] = id
		}
		ls[d] = id
	}
	return newGold(heads, ls)
}

// The static oracle rebuilds every projectivized gold tree exactly, and the dynamic oracle gives each
// of its moves zero cost.
func TestOracles(t *testing.T) {
	sents := tiny(t)
	if !testing.Short() {
		sents = append(sents, ewtIfPresent(t, "dev")...)
	}
	ids := map[string]int32{}
	var s state
	for _, sent := range sents {
		g := projectiveGold(t, sent, ids)
		n := len(g.head) - 1
		s.reset(n)
		for !s.terminal() {
			kind, label := g.staticNext(&s)
			shift, left, right := g.costs(&s)
			cost := map[int]int32{kindShift: shift, kindLeft: left, kindRight: right}[kind]
			if cost != 0 {
				t.Fatalf("%s: static move %d has dynamic cost %d", sent.ID, kind, cost)
			}
			s.apply(kind, label)
		}
		for d := 1; d <= n; d++ {
			if s.head[d] != g.head[d] || s.label[d] != g.label[d] {
				t.Fatalf("%s word %d: got head %d label %d, gold %d %d", sent.ID, d, s.head[d], s.label[d], g.head[d], g.label[d])
			}
		}
	}
}

// ewtIfPresent returns an EWT part, or nothing when the treebank is absent (the tiny data still runs).
func ewtIfPresent(t *testing.T, part string) []*conllu.Sentence {
	var out []*conllu.Sentence
	t.Run("ewt-"+part, func(t *testing.T) { out = readEWT(t, part) })
	return out
}

// The dynamic oracle is exact: after any random prefix, always taking a cheapest move ends with
// exactly as many wrong heads as the costs of the moves taken add up to.
func TestDynamicOracleIsExact(t *testing.T) {
	sents := tiny(t)
	if !testing.Short() {
		sents = append(sents, ewtIfPresent(t, "dev")...)
	}
	ids := map[string]int32{}
	r := rand.New(rand.NewPCG(5, 6))
	var s state
	for _, sent := range sents {
		g := projectiveGold(t, sent, ids)
		n := len(g.head) - 1
		for trial := range 3 {
			s.reset(n)
			prefix := r.IntN(2*n + 1)
			var paid int32
			for step := 0; !s.terminal(); step++ {
				costs := [3]int32{}
				costs[kindShift], costs[kindLeft], costs[kindRight] = g.costs(&s)
				kind := -1
				if step < prefix {
					for kind < 0 || costs[kind] < 0 {
						kind = r.IntN(3)
					}
				} else {
					for k, c := range costs {
						if c >= 0 && (kind < 0 || c < costs[kind]) {
							kind = k
						}
					}
				}
				paid += costs[kind]
				s.apply(kind, 0)
			}
			var wrong int32
			for d := 1; d <= n; d++ {
				if s.head[d] != g.head[d] {
					wrong++
				}
			}
			if wrong != paid {
				t.Fatalf("%s trial %d (prefix %d): %d wrong heads, costs added up to %d", sent.ID, trial, prefix, wrong, paid)
			}
		}
	}
}

func TestProjectivize(t *testing.T) {
	tests := []struct {
		name   string
		heads  []int32 // 1-based; [0] unused
		labels []string
		want   []int32
		lifted []string
	}{
		{"projective", []int32{0, 2, 0, 2}, []string{"", "nsubj", "root", "obj"}, []int32{0, 2, 0, 2}, []string{"", "", "", ""}},
		// "A meeting was held yesterday which the envoys attended": the relative clause hangs off
		// "meeting" across "held"; it is lifted to "held" and remembers acl:relcl's head label.
		{"relative clause", []int32{0, 2, 4, 4, 0, 4, 9, 8, 9, 2, 4},
			[]string{"", "det", "nsubj:pass", "aux:pass", "root", "obl:tmod", "obj", "det", "nsubj", "acl:relcl", "punct"},
			[]int32{0, 2, 4, 4, 0, 4, 9, 8, 9, 4, 4},
			[]string{"", "", "", "", "", "", "", "", "", "nsubj:pass", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := append([]int32(nil), tt.heads...)
			lifted := projectivize(h, tt.labels)
			for d := 1; d < len(h); d++ {
				if h[d] != tt.want[d] || lifted[d] != tt.lifted[d] {
					t.Errorf("word %d: head %d lifted %q, want %d %q", d, h[d], lifted[d], tt.want[d], tt.lifted[d])
				}
				if nonProjective(h, int32(d)) {
					t.Errorf("word %d still non-projective", d)
				}
			}
		})
	}
}

// Deprojectivization puts a lifted word back under the nearest word below its head that bears the
// encoded label, and leaves it where it is when there is none.
func TestDeprojectivize(t *testing.T) {
	labels := []string{"det", "nsubj:pass", "aux:pass", "root", "obl:tmod", "obj", "nsubj", "punct", "acl:relcl|nsubj:pass"}
	m := newModel(labels, nil, nil, groups(labels, len(labels)), nil, nil)
	id := func(l string) int32 {
		for i, x := range labels {
			if x == l {
				return int32(i)
			}
		}
		t.Fatalf("no label %q", l)
		return -1
	}
	tests := []struct {
		name      string
		heads     []int32
		labels    []string
		wantHeads []int32
	}{
		{"restored", []int32{0, 2, 4, 4, 0, 4, 9, 8, 9, 4, 4},
			[]string{"", "det", "nsubj:pass", "aux:pass", "root", "obl:tmod", "obj", "det", "nsubj", "acl:relcl|nsubj:pass", "punct"},
			[]int32{0, 2, 4, 4, 0, 4, 9, 8, 9, 2, 4}},
		{"no such head label", []int32{0, 2, 4, 4, 0, 4, 9, 8, 9, 4, 4},
			[]string{"", "det", "obj", "aux:pass", "root", "obl:tmod", "obj", "det", "nsubj", "acl:relcl|nsubj:pass", "punct"},
			[]int32{0, 2, 4, 4, 0, 4, 9, 8, 9, 4, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := len(tt.heads) - 1
			p := &Parser{m: m}
			p.grow(n)
			p.st.reset(n)
			for d := 1; d <= n; d++ {
				p.st.head[d], p.st.label[d] = tt.heads[d], id(tt.labels[d])
			}
			p.deprojectivize(int32(n))
			for d := 1; d <= n; d++ {
				if p.st.head[d] != tt.wantHeads[d] {
					t.Errorf("word %d: head %d, want %d", d, p.st.head[d], tt.wantHeads[d])
				}
			}
		})
	}
}

func TestGroups(t *testing.T) {
	labels := []string{"punct", "case", "nsubj", "det", "obj|nsubj", "obl|obj"}
	tests := []struct {
		groups int
		want   []int32
	}{
		{1, []int32{0, 0, 0, 0, 0, 0}},
		{3, []int32{0, 1, 2, 2, 2, 2}},
		{5, []int32{0, 1, 2, 3, 4, 4}},   // lifted labels always share the last group
		{6, []int32{0, 1, 2, 3, 4, 5}},   // as many groups as labels: every label is its own
		{100, []int32{0, 1, 2, 3, 4, 5}}, // more than enough
	}
	for _, tt := range tests {
		got := groups(labels, tt.groups)
		if !slices.Equal(got, tt.want) {
			t.Errorf("groups(%d) = %v, want %v", tt.groups, got, tt.want)
		}
		if !groupOK(got) {
			t.Errorf("groups(%d) = %v has gaps", tt.groups, got)
		}
	}
}
