package perceptron

import (
	"bytes"
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
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

// The vector kernel adds the same sums as the portable loop, for rows narrower and wider than the
// registers it keeps its sums in.
func TestAddRows(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	tests := []struct{ blocks, rows int }{
		{1, 1}, {1, 20}, {2, 3}, {7, 0}, {7, 9}, {9, 1}, {9, 8}, {9, 9}, {9, 40}, {12, 17}, {13, 5}, {14, 9}, {15, 3}, {24, 10}, {28, 7}, {29, 33}, {32, 64},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%dx%d", tt.blocks, tt.rows), func(t *testing.T) {
			w := tt.blocks * 8
			stride := rowBytes(tt.blocks)
			const stored = 50
			dense := make([]int8, stored*stride)
			for i := range dense {
				dense[i] = int8(r.IntN(256) - 128)
			}
			offs := make([]uint32, tt.rows)
			for i := range offs {
				offs[i] = uint32(r.IntN(stored)*stride/16)<<9 | uint32(1+r.IntN(259))
			}
			for _, tc := range []struct{ init, tail bool }{{false, false}, {true, false}, {false, true}, {true, true}} {
				want, got := make([]int32, w), make([]int32, w)
				var wantTail, gotTail [8]int32
				for i := range want {
					want[i] = int32(r.IntN(1000))
					got[i] = want[i]
				}
				for i := range wantTail {
					wantTail[i] = int32(r.IntN(1000))
					gotTail[i] = wantTail[i]
				}
				wt, gt := &wantTail, &gotTail
				if !tc.tail {
					wt, gt = nil, nil
				}
				addRowsGo(want, wt, dense, offs, tt.blocks, tc.init)
				addRows(got, gt, dense, offs, tt.blocks, tc.init)
				if !slices.Equal(got, want) || wantTail != gotTail {
					t.Errorf("%+v: addRows = %v %v, want %v %v", tc, got, gotTail, want, wantTail)
				}
				if tc.tail {
					// the last block went to the tail: the accumulator's lanes for it are untouched
					var ref []int32
					ref = append(ref, want[w-8:]...)
					if !slices.Equal(got[w-8:], ref) {
						t.Errorf("%+v: lanes of the tail block changed in acc", tc)
					}
				}
			}
		})
	}
}

// Score sums every stored weight of the features it is given, whatever way each feature's weights are
// stored (inline, sparse, long sparse, dense) and however many features there are.
func TestScoreSumsEntries(t *testing.T) { testScoreSumsEntries(t) }

func testScoreSumsEntries(t *testing.T) {
	tests := []struct {
		classes int
		feats   int
	}{
		{2, 10}, {9, 40}, {16, 3}, {65, 0}, {65, 47}, {65, 150}, {100, 70}, {115, 40}, {256, 20}, {300, 30},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d classes %d feats", tt.classes, tt.feats), func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(tt.classes), uint64(tt.feats)))
			b := &builder{classes: tt.classes, scale: 1}
			want := map[uint32][]int32{}
			var keys []uint64
			used := map[uint32]bool{}
			for len(keys) < 200 {
				f := r.Uint64()
				k := fold(f)
				if used[k] {
					continue
				}
				used[k] = true
				keys = append(keys, f)
			}
			slices.SortFunc(keys, func(a, b uint64) int { return cmp.Compare(fold(a), fold(b)) })
			for i, f := range keys {
				n := []int{1, 2, 5, 6, 70, tt.classes}[i%6]
				n = min(n, tt.classes)
				perm := r.Perm(tt.classes)[:n]
				slices.Sort(perm)
				row := make([]int32, tt.classes)
				cls, ws := make([]uint16, n), make([]int16, n)
				for j, c := range perm {
					cls[j], ws[j] = uint16(c), int16(r.IntN(2000)-1000)
					if ws[j] == 0 {
						ws[j] = 1
					}
					row[c] = int32(ws[j])
				}
				if n >= denseMin && tt.classes <= maxDense {
					// dense rows are quantized: expect the weights as stored
					blocks := (tt.classes + 7) / 8
					r16 := make([]int16, blocks*8)
					for c, v := range row {
						r16[c] = int16(v)
					}
					q := make([]int8, rowBytes(blocks))
					scale := quantize(q, r16)
					for c, v := range dequantize(q, scale, blocks)[:tt.classes] {
						row[c] = v
					}
				}
				b.add(fold(f), cls, ws)
				want[fold(f)] = row
			}
			m := b.build()
			feats := make([]uint64, tt.feats)
			sum := make([]int32, tt.classes)
			for i := range feats {
				if i%5 == 4 {
					feats[i] = r.Uint64() // most likely absent
				} else {
					feats[i] = keys[r.IntN(len(keys))]
				}
				for c, v := range want[fold(feats[i])] {
					sum[c] += v
				}
			}
			got := make([]int32, tt.classes)
			for i := range got {
				got[i] = int32(i) + 1 // Score overwrites what was there
			}
			m.Score(feats, got)
			if !slices.Equal(got, sum) {
				t.Errorf("Score = %v, want %v", got, sum)
			}
		})
	}
}

// dequantize reads back the weights of a row that quantize stored, in class order.
func dequantize(q []int8, scale, blocks int) []int32 {
	w := make([]int32, blocks*8)
	for c := range w {
		b, k := c/8, c%8
		w[c] = int32(q[b/2*16+2*k+b%2]) * int32(scale)
	}
	return w
}

// quantize keeps a row's weights within half a unit of the scale, with the least scale whose units fit
// the largest weight in 7 bits, and stores them where the kernel reads them.
func TestQuantize(t *testing.T) {
	tests := []struct {
		name string
		row  []int16
	}{
		{"zeros", []int16{0, 0, 0, 0, 0, 0, 0, 0}},
		{"small", []int16{1, -5, 127, -127, 0, 3, 0, 0}},
		{"needs a scale", []int16{128, -3, 0, 0, 0, 0, 0, 9}},
		{"extremes", []int16{32767, -32768, 1, -1, 0, 0, 0, 0}},
		{"three blocks", []int16{1500, -2047, 30, -700, 2, 0, 0, 9, 11, 12, 13, 14, 15, 16, 17, 18, -19, 20, 21, 22, 23, 24, 25, 26}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := len(tt.row) / 8
			q := make([]int8, rowBytes(blocks))
			scale := quantize(q, tt.row)
			big := 0
			for _, v := range tt.row {
				big = max(big, int(v), -int(v))
			}
			if big > 127*scale || scale > 1 && big <= 127*(scale-1) {
				t.Errorf("scale %d for largest magnitude %d", scale, big)
			}
			for c, v := range dequantize(q, scale, blocks) {
				if d := int(tt.row[c]) - int(v); 2*max(d, -d) > scale {
					t.Errorf("weight %d of class %d read back as %d (scale %d)", tt.row[c], c, v, scale)
				}
			}
		})
	}
}

// Read never panics, and a model it accepts scores any features without going out of bounds.
func FuzzRead(f *testing.F) {
	r := rand.New(rand.NewPCG(9, 10))
	l := NewLearner(20)
	scores := make([]float32, 20)
	for range 300 {
		feats := []uint64{F1(1, uint64(r.IntN(30))), F1(2, uint64(r.IntN(5)))}
		l.Score(feats, scores)
		l.Update(feats, r.IntN(20), r.IntN(20))
		l.Tick()
	}
	var good bytes.Buffer
	if _, err := l.Model(0).WriteTo(&good); err != nil {
		f.Fatal(err)
	}
	f.Add(good.Bytes())
	f.Add([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		out := make([]int32, m.Classes())
		feats := make([]uint64, 100)
		for i := range feats {
			feats[i] = F1(uint64(i%3), uint64(i))
		}
		m.Score(feats, out)
	})
}
