package parser

import (
	"slices"
	"testing"
)

// The candidate heads of a mark are the words on the paths from its neighbours up to their lowest
// common ancestor.
func TestPunctCandidates(t *testing.T) {
	// Talks , which began Monday , ended .
	//   1   2   3     4     5    6   7   8
	head := []int32{0, 7, 4, 4, 1, 4, 4, 0, 7, -1}
	punct := []bool{false, false, true, false, false, false, true, false, true, false}
	tests := []struct {
		q    int32
		want []int32
	}{
		{2, []int32{1, 3, 4}},    // right path 3 → 4 → 1, which is also the left neighbour
		{6, []int32{1, 4, 5, 7}}, // left path 5 → 4 → 1 up to 7, the right neighbour
		{8, []int32{7}},          // nothing on the right: the whole left path
	}
	var ps punctScratch
	ps.grow(8)
	for _, tt := range tests {
		var got []int32
		for _, c := range ps.candidates(head, punct, 8, tt.q) {
			got = append(got, c.h)
		}
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("mark %d: candidates %v, want %v", tt.q, got, tt.want)
		}
	}
	// a mark before the first word has only the right path
	head2 := []int32{0, 3, 3, 0, -1} // " Go home
	punct2 := []bool{false, true, false, false, false}
	ps.grow(3)
	var got []int32
	for _, c := range ps.candidates(head2, punct2, 3, 1) {
		got = append(got, c.h)
	}
	if slices.Sort(got); !slices.Equal(got, []int32{2, 3}) {
		t.Errorf("opening mark: candidates %v, want [2 3]", got)
	}
}

func TestPairOpen(t *testing.T) {
	var a atoms
	forms := []string{`"`, "Go", "home", ",", `"`, "she", "said", "."}
	a.setWords(forms, nil, nil)
	want := map[int32]uint64{1: 1, 4: 1, 5: 0, 8: 1}
	for q, w := range want {
		if got := pairOpen(a.w, q); got != w {
			t.Errorf("pairOpen(%q at %d) = %d, want %d", forms[q-1], q, got, w)
		}
	}
}

// Attaching punctuation moves marks only, keeps a tree, and learns the tiny training set's marks.
func TestAttachPunct(t *testing.T) {
	m := mustTiny(t)
	p := m.NewParser()
	for _, s := range tiny(t) {
		forms, upos, xpos := words(s)
		n := len(forms)
		h1, h2 := make([]int, n), make([]int, n)
		r1, r2 := make([]string, n), make([]string, n)
		p.noPunct = true
		p.Parse(forms, upos, xpos, h1, r1)
		p.noPunct = false
		p.Parse(forms, upos, xpos, h2, r2)
		if err := checkTree(h2); err != nil {
			t.Fatalf("%s: %v", s.ID, err)
		}
		for i := range n {
			if h1[i] != h2[i] && upos[i] != "PUNCT" {
				t.Errorf("%s: word %d (%s) moved from %d to %d", s.ID, i+1, forms[i], h1[i], h2[i])
			}
			if upos[i] == "PUNCT" && h2[i] != s.Words[i].Head {
				t.Errorf("%s: mark %d attached to %d, trained on %d", s.ID, i+1, h2[i], s.Words[i].Head)
			}
		}
	}
}

// A mark that the parse left on the root hands it to its dependent word with the most dependents.
func TestRootFromMark(t *testing.T) {
	tests := []struct {
		name  string
		head  []int32 // 1-based, head[0] unused
		punct []bool
		want  []int32
	}{
		// - Talks resumed today : "-" on the root, "resumed" its busiest dependent
		{"mark on root", []int32{0, 0, 3, 1, 3}, []bool{false, true, false, false, false}, []int32{0, 3, 3, 0, 3}},
		{"word on root", []int32{0, 2, 0, 2}, []bool{false, false, false, true}, []int32{0, 2, 0, 2}},
		{"only marks", []int32{0, 0, 1}, []bool{false, true, true}, []int32{0, 0, 1}},
	}
	m := mustTiny(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := len(tt.head) - 1
			p := m.NewParser()
			p.grow(n)
			p.st.reset(n)
			copy(p.st.head, tt.head)
			copy(p.punct, append(tt.punct, false))
			p.rootFromMark(int32(n))
			if got := p.st.head[:n+1]; !slices.Equal(got[1:], tt.want[1:]) {
				t.Errorf("heads %v, want %v", got[1:], tt.want[1:])
			}
			heads := make([]int, n)
			for i := range heads {
				heads[i] = int(p.st.head[i+1])
			}
			if err := checkTree(heads); err != nil {
				t.Error(err)
			}
		})
	}
}
