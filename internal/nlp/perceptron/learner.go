package perceptron

import (
	"math"
	"sort"
)

type entry struct {
	class int32
	stamp int32   // instance count when w last changed
	w     float32 // current weight
	total float64 // sum of w over instances up to stamp
}

// Learner trains an averaged perceptron. It is not safe for concurrent use.
type Learner struct {
	classes int
	index   map[uint64]int32
	rows    [][]entry
	now     int32
}

// NewLearner returns a Learner over the given number of classes.
func NewLearner(classes int) *Learner {
	return &Learner{classes: classes, index: make(map[uint64]int32, 1<<16)}
}

// Classes is the number of classes.
func (l *Learner) Classes() int { return l.classes }

// Score writes into scores (len = Classes) the current, unaveraged scores of the features.
func (l *Learner) Score(feats []uint64, scores []float32) {
	clear(scores)
	for _, f := range feats {
		r, ok := l.index[f]
		if !ok {
			continue
		}
		for _, e := range l.rows[r] {
			scores[e.class] += e.w
		}
	}
}

// Tick marks the end of one training instance; averaging counts instances.
func (l *Learner) Tick() { l.now++ }

// Update moves weight from guess to truth for every feature; nothing happens when they are equal.
func (l *Learner) Update(feats []uint64, truth, guess int) {
	if truth == guess {
		return
	}
	for _, f := range feats {
		l.add(f, truth, 1)
		l.add(f, guess, -1)
	}
}

func (l *Learner) add(f uint64, class int, d float32) {
	r, ok := l.index[f]
	if !ok {
		r = int32(len(l.rows))
		l.index[f] = r
		l.rows = append(l.rows, nil)
	}
	row := l.rows[r]
	for i := range row {
		if row[i].class == int32(class) {
			e := &row[i]
			e.total += float64(e.w) * float64(l.now-e.stamp)
			e.stamp = l.now
			e.w += d
			return
		}
	}
	l.rows[r] = append(row, entry{class: int32(class), stamp: l.now, w: d})
}

// Features is the number of distinct features seen so far.
func (l *Learner) Features() int { return len(l.rows) }

// Model returns the averaged weights as a compact Model. Averaged weights whose magnitude is below
// prune are dropped; the rest are quantized to 16 bits against the largest magnitude.
func (l *Learner) Model(prune float64) *Model {
	now := float64(l.now)
	if now == 0 {
		now = 1
	}
	type kv struct {
		key uint32
		cls []int32
		w   []float64
	}
	// Keys are folded to 32 bits in the model: the few collisions this brings cost nothing measurable
	// and halve the key storage.
	merged := make(map[uint32]*kv, len(l.rows))
	maxAbs := 0.0
	for f, r := range l.index {
		for _, e := range l.rows[r] {
			avg := (e.total + float64(e.w)*(float64(l.now)-float64(e.stamp))) / now
			if math.Abs(avg) < prune {
				continue
			}
			k := fold(f)
			m := merged[k]
			if m == nil {
				m = &kv{key: k}
				merged[k] = m
			}
			found := false
			for i, c := range m.cls {
				if c == e.class {
					m.w[i] += avg
					found = true
					break
				}
			}
			if !found {
				m.cls = append(m.cls, e.class)
				m.w = append(m.w, avg)
			}
		}
	}
	rows := make([]*kv, 0, len(merged))
	for _, m := range merged {
		rows = append(rows, m)
		for _, w := range m.w {
			maxAbs = math.Max(maxAbs, math.Abs(w))
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].key < rows[j].key })
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	b := &builder{classes: l.classes, scale: scale}
	for _, m := range rows {
		// order entries by class for deterministic output
		idx := make([]int, len(m.cls))
		for i := range idx {
			idx[i] = i
		}
		sort.Slice(idx, func(i, j int) bool { return m.cls[idx[i]] < m.cls[idx[j]] })
		cls := make([]uint16, 0, len(idx))
		ws := make([]int16, 0, len(idx))
		for _, i := range idx {
			q := math.Round(m.w[i] / scale)
			if q == 0 {
				continue
			}
			cls = append(cls, uint16(m.cls[i]))
			ws = append(ws, int16(q))
		}
		if len(cls) > 0 {
			b.add(m.key, cls, ws)
		}
	}
	return b.build()
}
