package perceptron

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// fold turns a 64-bit feature into the model's 32-bit key; 0 marks an empty slot, so it is avoided.
func fold(f uint64) uint32 {
	k := uint32(f) ^ uint32(f>>32)
	if k == 0 {
		k = 1
	}
	return k
}

// Model is a trained, read-only averaged perceptron. It is safe for concurrent use.
type Model struct {
	classes int
	scale   float64
	// open-addressing table: slot → key, and the start of its entries in cls/w
	keys  []uint32
	start []uint32
	mask  uint32
	// entries, grouped by feature; feature i's entries are cls[off[i]:off[i+1]]
	nfeat int
	order []uint32 // keys in sorted order, for writing
	off   []uint32
	cls   []uint16
	w     []int16
}

type builder struct {
	classes int
	scale   float64
	order   []uint32
	off     []uint32
	cls     []uint16
	w       []int16
}

func (b *builder) add(key uint32, cls []uint16, w []int16) {
	if len(b.off) == 0 {
		b.off = append(b.off, 0)
	}
	b.order = append(b.order, key)
	b.cls = append(b.cls, cls...)
	b.w = append(b.w, w...)
	b.off = append(b.off, uint32(len(b.cls)))
}

func (b *builder) build() *Model {
	if len(b.off) == 0 {
		b.off = []uint32{0}
	}
	m := &Model{classes: b.classes, scale: b.scale, order: b.order, off: b.off, cls: b.cls, w: b.w, nfeat: len(b.order)}
	size := uint32(1)
	for size < uint32(2*len(b.order)+2) {
		size <<= 1
	}
	m.keys = make([]uint32, size)
	m.start = make([]uint32, size)
	m.mask = size - 1
	for i, k := range b.order {
		s := hashSlot(k) & m.mask
		for m.keys[s] != 0 {
			s = (s + 1) & m.mask
		}
		m.keys[s] = k
		m.start[s] = uint32(i)
	}
	return m
}

func hashSlot(k uint32) uint32 { return k * 0x9E3779B1 >> 7 }

// Classes is the number of classes.
func (m *Model) Classes() int { return m.classes }

// Features is the number of features with at least one weight.
func (m *Model) Features() int { return m.nfeat }

// Weights is the number of stored (feature, class) weights.
func (m *Model) Weights() int { return len(m.w) }

// Scale converts an integer score from Score into the averaged-perceptron score.
func (m *Model) Scale() float64 { return m.scale }

// Score writes into scores (len ≥ Classes) the integer scores of the features; multiply by Scale for the
// real-valued score. Only the argmax matters for tagging and parsing, so callers rarely need it.
func (m *Model) Score(feats []uint64, scores []int32) {
	scores = scores[:m.classes]
	clear(scores)
	for _, f := range feats {
		k := fold(f)
		s := hashSlot(k) & m.mask
		for {
			kk := m.keys[s]
			if kk == k {
				i := m.start[s]
				a, b := m.off[i], m.off[i+1]
				cls := m.cls[a:b]
				w := m.w[a:b:b]
				for j, c := range cls {
					scores[c] += int32(w[j])
				}
				break
			}
			if kk == 0 {
				break
			}
			s = (s + 1) & m.mask
		}
	}
}

const magic = "dyadPCP1"

// WriteTo writes the model in dyad's gzip-compressed binary format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) { n := binary.PutUvarint(buf[:], v); bw.Write(buf[:n]) }
	bw.WriteString(magic)
	put(uint64(m.classes))
	put(math.Float64bits(m.scale))
	put(uint64(len(m.order)))
	prev := uint32(0)
	for i, k := range m.order {
		put(uint64(k - prev)) // sorted keys: deltas are small and compress well
		prev = k
		put(uint64(m.off[i+1] - m.off[i]))
	}
	for i := range m.cls {
		put(uint64(m.cls[i]))
		put(uint64(uint16(m.w[i])))
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	return 0, zw.Close()
}

// Read reads a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("perceptron model: %w", err)
	}
	defer zr.Close()
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("perceptron model: not a dyad perceptron model")
	}
	var rerr error
	get := func() uint64 {
		v, err := binary.ReadUvarint(br)
		if err != nil && rerr == nil {
			rerr = err
		}
		return v
	}
	classes := int(get())
	scale := math.Float64frombits(get())
	n := get()
	if rerr != nil || n > 1<<28 || classes <= 0 || classes > 1<<16 {
		return nil, fmt.Errorf("perceptron model: bad header: %v", rerr)
	}
	b := &builder{classes: classes, scale: scale}
	b.order = make([]uint32, 0, n)
	b.off = make([]uint32, 1, n+1)
	prev := uint32(0)
	total := uint32(0)
	for i := uint64(0); i < n; i++ {
		prev += uint32(get())
		total += uint32(get())
		b.order = append(b.order, prev)
		b.off = append(b.off, total)
	}
	if rerr != nil || total > 1<<30 {
		return nil, fmt.Errorf("perceptron model: bad index: %v", rerr)
	}
	b.cls = make([]uint16, total)
	b.w = make([]int16, total)
	for i := range b.cls {
		c := get()
		if c >= uint64(classes) {
			return nil, fmt.Errorf("perceptron model: class %d out of range", c)
		}
		b.cls[i] = uint16(c)
		b.w[i] = int16(uint16(get()))
	}
	if rerr != nil {
		return nil, fmt.Errorf("perceptron model: truncated: %w", rerr)
	}
	return b.build(), nil
}
