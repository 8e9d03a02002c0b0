package perceptron

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// A learnable problem: the class is the index of the "on" feature among four, plus noise features.
func sample(r *rand.Rand) ([]uint64, int) {
	c := r.IntN(4)
	feats := []uint64{F1(1, uint64(c)), F1(2, uint64(r.IntN(50))), F2(3, uint64(r.IntN(3)), 7)}
	return feats, c
}

func argmax(s []int32) int {
	best := 0
	for i, v := range s {
		if v > s[best] {
			best = i
		}
	}
	return best
}

func TestLearnAndRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	l := NewLearner(4)
	scores := make([]float32, 4)
	for range 2000 {
		f, c := sample(r)
		l.Score(f, scores)
		best := 0
		for i, v := range scores {
			if v > scores[best] {
				best = i
			}
		}
		l.Update(f, c, best)
		l.Tick()
	}
	m := l.Model(0)
	if m.Features() == 0 || m.Weights() == 0 {
		t.Fatalf("empty model: %d features %d weights", m.Features(), m.Weights())
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	s1, s2 := make([]int32, 4), make([]int32, 4)
	correct := 0
	for range 500 {
		f, c := sample(r)
		m.Score(f, s1)
		m2.Score(f, s2)
		if !equal(s1, s2) {
			t.Fatalf("scores differ after round trip: %v vs %v", s1, s2)
		}
		if argmax(s1) == c {
			correct++
		}
	}
	if correct < 490 {
		t.Errorf("accuracy %d/500 on a separable problem", correct)
	}
}

func equal(a, b []int32) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestReadRejectsGarbage(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("not gzip"), {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0}} {
		if _, err := Read(bytes.NewReader(in)); err == nil {
			t.Errorf("Read(%q) = nil error", in)
		}
	}
}

func TestLowerMatchesString(t *testing.T) {
	for _, s := range []string{"", "Kabul", "C.I.A.", "x-RAY 42"} {
		low := []byte(s)
		for i, c := range low {
			if 'A' <= c && c <= 'Z' {
				low[i] = c + 32
			}
		}
		if Lower(s) != String(string(low)) {
			t.Errorf("Lower(%q) != String(lowercase)", s)
		}
	}
}

func BenchmarkScore(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	l := NewLearner(40)
	scores := make([]float32, 40)
	feats := make([]uint64, 30)
	for range 20000 {
		c := r.IntN(40)
		for i := range feats {
			feats[i] = F2(uint64(i), uint64(r.IntN(200)), uint64(c%5))
		}
		l.Score(feats, scores)
		l.Update(feats, c, r.IntN(40))
		l.Tick()
	}
	m := l.Model(0)
	is := make([]int32, 40)
	b.ReportAllocs()
	for b.Loop() {
		m.Score(feats, is)
	}
}
