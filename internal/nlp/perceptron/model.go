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
//
// Scoring is bound by memory latency and by the number of weights added, so the layout aims at one cache
// miss per feature and vector adds for long rows: an open-addressing table of 8-byte slots that carry the
// key and a payload — the feature's only weight inline, or where its few sparse class|weight words start,
// or where a dense row of int8 weights starts, with the row's scale, which addRows adds eight lanes at a
// time.
type Model struct {
	classes int
	scale   float64
	slots   []uint64 // key<<32 | payload
	mask    uint32
	ent     []uint32 // sparse rows: class<<16 | uint16(weight)
	long    []uint64 // start<<32 | n of sparse rows too long for a payload (models without dense rows)
	dense   []int8   // dense rows, rowBytes each, in units of the row's scale (which is in the payload)
	blocks  int      // 8-lane blocks per dense row; 0 when the model has no dense rows
	// sorted keys, entry offsets and entries as trained, kept for WriteTo
	order []uint32
	off   []uint32
	all   []uint32
}

// Payload layout: bit 31 set: an inline entry (class in bits 16–30, weight in 0–15). Otherwise bits 30–29
// say: 00 a sparse row (start in bits 6–28, length in 0–5), 01 a dense row (its byte offset/16 in bits
// 9–28, its scale in 0–8), 10 a long sparse row (index into long).
const (
	inlineBit  = 1 << 31
	kindShift  = 29
	kindSparse = 0
	kindDense  = 1
	kindLong   = 2
	lowMask    = 1<<29 - 1
	// denseMin is the row length from which a feature's weights are stored densely: below it, a few scalar
	// adds beat a vector pass over every class.
	denseMin = 6
	// maxDense bounds the classes of a model with dense rows: wider ones are sparse rows throughout.
	maxDense = 256
	// maxDenseBytes bounds the dense rows' bytes, so that an offset fits in a payload.
	maxDenseBytes = 1 << 24
)

type builder struct {
	classes int
	scale   float64
	order   []uint32
	off     []uint32
	ent     []uint32
}

func (b *builder) add(key uint32, cls []uint16, w []int16) {
	if len(b.off) == 0 {
		b.off = append(b.off, 0)
	}
	b.order = append(b.order, key)
	for i := range cls {
		b.ent = append(b.ent, uint32(cls[i])<<16|uint32(uint16(w[i])))
	}
	b.off = append(b.off, uint32(len(b.ent)))
}

func (b *builder) build() *Model {
	if len(b.off) == 0 {
		b.off = []uint32{0}
	}
	m := &Model{classes: b.classes, scale: b.scale, order: b.order, off: b.off, all: b.ent}
	if b.classes <= maxDense {
		m.blocks = (b.classes + 7) / 8
	}
	// a load factor near 0.7 keeps the table small enough to stay in cache while probes stay short
	size := uint32(1)
	for size < uint32(len(b.order))*10/7+2 {
		size <<= 1
	}
	width := rowBytes(m.blocks)
	// size the arrays first, so that each is one allocation that can be backed by huge pages
	isDense := func(n uint32, rows int) bool {
		return m.blocks > 0 && n >= denseMin && (rows+1)*width <= maxDenseBytes
	}
	var nDense, nEnt, nLong int
	for i := range b.order {
		switch n := b.off[i+1] - b.off[i]; {
		case n == 1 && b.ent[b.off[i]]>>16 < 1<<15:
		case isDense(n, nDense):
			nDense++
		case n < 64 && nEnt < 1<<23:
			nEnt += int(n)
		default:
			nEnt += int(n)
			nLong++
		}
	}
	m.slots = hugeSlice[uint64](int(size))
	m.mask = size - 1
	m.dense = hugeSlice[int8](nDense * width)[:0]
	m.ent = hugeSlice[uint32](nEnt)[:0]
	m.long = make([]uint64, 0, nLong)
	row := make([]int16, m.blocks*8)
	for i, k := range b.order {
		s := hashSlot(k) & m.mask
		for m.slots[s]>>32 != 0 {
			s = (s + 1) & m.mask
		}
		a, z := b.off[i], b.off[i+1]
		var payload uint32
		switch n := z - a; {
		case n == 1 && b.ent[a]>>16 < 1<<15:
			payload = inlineBit | b.ent[a]
		case isDense(n, len(m.dense)/max(width, 1)):
			clear(row)
			for _, e := range b.ent[a:z] {
				row[e>>16] = int16(e)
			}
			at := len(m.dense)
			m.dense = m.dense[:at+width]
			scale := quantize(m.dense[at:at+width], row)
			payload = kindDense<<kindShift | uint32(at/16)<<9 | uint32(scale)
		case n < 64 && len(m.ent) < 1<<23:
			payload = kindSparse<<kindShift | uint32(len(m.ent))<<6 | n
			m.ent = append(m.ent, b.ent[a:z]...)
		default:
			payload = kindLong<<kindShift | uint32(len(m.long))
			m.long = append(m.long, uint64(len(m.ent))<<32|uint64(n))
			m.ent = append(m.ent, b.ent[a:z]...)
		}
		m.slots[s] = uint64(k)<<32 | uint64(payload)
	}
	huge(m.slots)
	huge(m.dense)
	huge(m.ent)
	return m
}

// rowBytes is the size of a dense row of blocks×8 weights: whole pairs of blocks, as addRows reads them.
func rowBytes(blocks int) int { return (blocks + 1) / 2 * 16 }

// quantize stores row (blocks×8 weights) in q as int8 weights in units of the returned scale, the least
// that fits the row's largest magnitude in 7 bits, rounding to nearest. Rows then take half the memory,
// which scoring reads at random, at a cost within the noise of training (EWT dev UAS/LAS and tagging
// accuracy move by a few hundredths of a point). Each pair of blocks is interleaved, the first block's
// weights at even bytes and the second's at odd ones, so that the kernel's multiply-adds, which pair
// neighbouring weights, scale each block separately.
func quantize(q []int8, row []int16) (scale int) {
	big := 0
	for _, v := range row {
		big = max(big, int(v), -int(v))
	}
	scale = max(1, (big+126)/127)
	for i, v := range row {
		// round half away from zero, symmetric for either sign
		x := int(v)
		r := (max(x, -x) + scale/2) / scale
		if x < 0 {
			r = -r
		}
		pair, k := i/16, i%16
		at := pair*16 + 2*(k%8) + k/8
		q[at] = int8(min(max(r, -127), 127))
	}
	return scale
}

func hashSlot(k uint32) uint32 { return k * 0x9E3779B1 >> 7 }

// Classes is the number of classes.
func (m *Model) Classes() int { return m.classes }

// Features is the number of features with at least one weight.
func (m *Model) Features() int { return len(m.order) }

// Weights is the number of stored (feature, class) weights.
func (m *Model) Weights() int { return len(m.all) }

// Scale converts an integer score from Score into the averaged-perceptron score.
func (m *Model) Scale() float64 { return m.scale }

// chunk is how many features are probed before their weights are read: the probes are independent, so
// the processor overlaps their cache misses.
const chunk = 64

// Score writes into scores (len ≥ Classes) the integer scores of the features; multiply by Scale for the
// real-valued score. Only the argmax matters for tagging and parsing, so callers rarely need it.
func (m *Model) Score(feats []uint64, scores []int32) {
	scores = scores[:m.classes]
	if m.blocks == 0 {
		clear(scores)
	}
	// The vector kernel adds whole 8-lane blocks straight into scores, and a last, partial block into
	// tailBuf.
	full := m.classes / 8 * 8
	tail := scores[full:]
	var tailBuf [8]int32
	var tailp *[8]int32
	if len(tail) > 0 {
		tailp = &tailBuf
	}
	var at, rows, other [chunk]uint32
	slots, mask := m.slots, m.mask
	for base := 0; base < len(feats) || base == 0; base += chunk {
		fs := feats[base:min(base+chunk, len(feats))]
		// where each probe starts, fetched into the cache all at once
		for i, f := range fs {
			at[i] = hashSlot(fold(f)) & mask
		}
		prefetch(slots, at[:len(fs)])
		nd, no := 0, 0
		for i, f := range fs {
			k, s := fold(f), at[i]
			for {
				v := slots[s]
				if uint32(v>>32) == k {
					if p := uint32(v); p&inlineBit == 0 && p>>kindShift == kindDense {
						rows[nd] = p & lowMask
						nd++
					} else {
						other[no] = p
						no++
					}
					break
				}
				if v == 0 {
					break
				}
				s = (s + 1) & mask
			}
		}
		// the dense rows' first lines are requested before the adds (which fetch further ahead as they
		// go), and the sparse rows' while the dense ones are added
		prefetchDense(m.dense, rows[:min(nd, 8)])
		ns := 0
		for _, p := range other[:no] {
			switch {
			case p&inlineBit != 0:
				continue
			case p>>kindShift == kindSparse:
				at[ns] = p & lowMask >> 6
			default:
				at[ns] = uint32(m.long[p&lowMask] >> 32)
			}
			ns++
		}
		prefetchSparse(m.ent, at[:ns])
		if m.blocks > 0 {
			init := base == 0
			if len(tail) > 0 && !init {
				copy(tailBuf[:], tail)
			}
			addRows(scores, tailp, m.dense, rows[:nd], m.blocks, init)
			copy(tail, tailBuf[:])
		}
		ns = 0
		for _, p := range other[:no] {
			if p&inlineBit != 0 {
				scores[p>>16&0x7fff] += int32(int16(p))
				continue
			}
			n := p & 63
			if p>>kindShift != kindSparse {
				n = uint32(m.long[p&lowMask])
			}
			for _, e := range m.ent[at[ns] : at[ns]+n] {
				scores[e>>16] += int32(int16(e))
			}
			ns++
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
	for _, e := range m.all {
		put(uint64(e >> 16))
		put(uint64(uint16(e)))
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	return 0, zw.Close()
}

// Read reads a model written by WriteTo. Sizes in the header are not trusted for allocation, and the
// gzip checksum is verified, so a corrupt file fails fast instead of allocating without bound.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("perceptron model: %w", err)
	}
	defer zr.Close()
	zr.Multistream(false)
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
	if rerr != nil || n > 1<<28 || classes <= 0 || classes > 1<<15 {
		return nil, fmt.Errorf("perceptron model: bad header: %v", rerr)
	}
	b := &builder{classes: classes, scale: scale}
	hint := min(n, 1<<16) // grow as data actually arrives
	b.order = make([]uint32, 0, hint)
	b.off = make([]uint32, 1, hint+1)
	prev := uint32(0)
	total := uint64(0)
	for i := uint64(0); i < n && rerr == nil; i++ {
		prev += uint32(get())
		total += get()
		if total > 1<<30 {
			return nil, errors.New("perceptron model: too many weights")
		}
		b.order = append(b.order, prev)
		b.off = append(b.off, uint32(total))
	}
	if rerr != nil {
		return nil, fmt.Errorf("perceptron model: bad index: %w", rerr)
	}
	b.ent = make([]uint32, 0, min(total, 1<<16))
	for i := uint64(0); i < total && rerr == nil; i++ {
		c := get()
		w := get()
		if c >= uint64(classes) {
			return nil, fmt.Errorf("perceptron model: class %d out of range", c)
		}
		b.ent = append(b.ent, uint32(c)<<16|uint32(uint16(w)))
	}
	if rerr != nil {
		return nil, fmt.Errorf("perceptron model: truncated: %w", rerr)
	}
	// reading to the end checks the gzip checksum
	if _, err := io.Copy(io.Discard, br); err != nil {
		return nil, fmt.Errorf("perceptron model: %w", err)
	}
	return b.build(), nil
}
