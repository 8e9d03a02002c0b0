package tagger

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/dyad-events/dyad/internal/nlp/perceptron"
)

// The file is the magic followed by three length-prefixed sections: the gzip'd tables (classes and tag
// dictionary), then the two perceptrons as perceptron writes them (an empty third section for a one-pass
// model). Lengths let Read hand each perceptron exactly its bytes.
const magic = "dyadTAG1"

// auxBit marks an auxiliary in a dictionary entry's stored frequency bucket, which is far smaller.
const auxBit = 1 << 7

// Bounds that keep Read from allocating without end on a corrupt file.
const (
	maxSection = 1 << 30
	maxString  = 1 << 10
	maxDict    = 1 << 24
)

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// WriteTo writes the model; Read reads it back.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	if _, err := io.WriteString(cw, magic); err != nil {
		return cw.n, fmt.Errorf("tagger: write: %w", err)
	}
	var tables bytes.Buffer
	if err := m.writeTables(&tables); err != nil {
		return cw.n, err
	}
	sections := [][]byte{tables.Bytes()}
	for _, p := range []*perceptron.Model{m.p1, m.p2} {
		var b bytes.Buffer
		if p != nil {
			if _, err := p.WriteTo(&b); err != nil {
				return cw.n, fmt.Errorf("tagger: write perceptron: %w", err)
			}
		}
		sections = append(sections, b.Bytes())
	}
	var buf [binary.MaxVarintLen64]byte
	for _, s := range sections {
		n := binary.PutUvarint(buf[:], uint64(len(s)))
		if _, err := cw.Write(buf[:n]); err != nil {
			return cw.n, fmt.Errorf("tagger: write: %w", err)
		}
		if _, err := cw.Write(s); err != nil {
			return cw.n, fmt.Errorf("tagger: write: %w", err)
		}
	}
	return cw.n, nil
}

func (m *Model) writeTables(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("tagger: write: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) { n := binary.PutUvarint(buf[:], v); bw.Write(buf[:n]) }
	str := func(s string) { put(uint64(len(s))); bw.WriteString(s) }
	put(uint64(len(m.upos)))
	for i := range m.upos {
		str(m.upos[i])
		str(m.xpos[i])
	}
	put(math.Float64bits(m.blend))
	put(math.Float64bits(m.sure))
	put(uint64(len(m.forms)))
	for _, f := range m.forms {
		str(f)
	}
	// Few distinct ambiguity classes exist: store them once and refer to them by index.
	keys := make([]uint64, 0, len(m.dict))
	ambIndex := map[uint64]int{}
	var ambs []uint64
	for k := range m.dict {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		a := m.dict[k].amb
		if _, ok := ambIndex[a]; !ok {
			ambIndex[a] = len(ambs)
			ambs = append(ambs, a)
		}
	}
	put(uint64(len(ambs)))
	for _, a := range ambs {
		binary.Write(bw, binary.LittleEndian, a)
	}
	put(uint64(len(keys)))
	prev := uint64(0)
	for _, k := range keys {
		e := m.dict[k]
		put(k - prev)
		prev = k
		put(uint64(ambIndex[e.amb]))
		f := uint64(e.freq)
		if e.aux {
			f |= auxBit
		}
		put(f)
		put(uint64(e.fixed + 1))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("tagger: write: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("tagger: write: %w", err)
	}
	return nil
}

// Read reads a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("tagger: not a dyad tagger model")
	}
	m := &Model{}
	for i := range 3 {
		n, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("tagger: read section %d: %w", i, err)
		}
		if n > maxSection {
			return nil, fmt.Errorf("tagger: section %d too long (%d bytes)", i, n)
		}
		sec := io.LimitReader(br, int64(n))
		switch {
		case i == 0:
			err = m.readTables(sec)
		case n == 0 && i == 2:
			// one-pass model
		case i == 1:
			m.p1, err = perceptron.Read(sec)
		default:
			m.p2, err = perceptron.Read(sec)
		}
		if err != nil {
			return nil, fmt.Errorf("tagger: section %d: %w", i, err)
		}
		// A reader may stop short of its section's end (gzip trailer, padding): skip to the next one.
		if _, err := io.Copy(io.Discard, sec); err != nil {
			return nil, fmt.Errorf("tagger: section %d: %w", i, err)
		}
	}
	if m.p1 == nil {
		return nil, errors.New("tagger: model has no first pass")
	}
	for _, p := range []*perceptron.Model{m.p1, m.p2} {
		if p != nil && p.Classes() != len(m.upos) {
			return nil, fmt.Errorf("tagger: perceptron has %d classes, tag table %d", p.Classes(), len(m.upos))
		}
	}
	m.finish()
	return m, nil
}

func (m *Model) readTables(r io.Reader) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return fmt.Errorf("tables: %w", err)
	}
	defer zr.Close()
	br := bufio.NewReader(zr)
	var rerr error
	get := func() uint64 {
		v, err := binary.ReadUvarint(br)
		if err != nil && rerr == nil {
			rerr = err
		}
		return v
	}
	str := func() string {
		n := get()
		if rerr != nil || n > maxString {
			if rerr == nil {
				rerr = fmt.Errorf("string of %d bytes", n)
			}
			return ""
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil && rerr == nil {
			rerr = err
		}
		return string(b)
	}
	nc := get()
	if rerr != nil || nc == 0 || nc > maxClasses {
		return fmt.Errorf("tables: bad class count %d: %v", nc, rerr)
	}
	for range nc {
		m.upos = append(m.upos, str())
		m.xpos = append(m.xpos, str())
		m.verbal = append(m.verbal, isVerbal(m.xpos[len(m.xpos)-1]))
		if rerr != nil {
			return fmt.Errorf("tables: classes: %w", rerr)
		}
	}
	m.blend = math.Float64frombits(get())
	m.sure = math.Float64frombits(get())
	if rerr != nil || !(m.blend >= 0 && m.blend < 1e6) || !(m.sure >= 0 && m.sure < 1e12) {
		return fmt.Errorf("tables: bad blend %v or margin %v: %v", m.blend, m.sure, rerr)
	}
	nf := get()
	if rerr != nil || nf > maxDict {
		return fmt.Errorf("tables: bad form count %d: %v", nf, rerr)
	}
	for range nf {
		m.forms = append(m.forms, str())
		if rerr != nil {
			return fmt.Errorf("tables: forms: %w", rerr)
		}
	}
	na := get()
	if rerr != nil || na > maxDict {
		return fmt.Errorf("tables: bad ambiguity-class count %d: %v", na, rerr)
	}
	ambs := make([]uint64, 0, min(na, 1<<12))
	for range na {
		var a uint64
		if err := binary.Read(br, binary.LittleEndian, &a); err != nil {
			return fmt.Errorf("tables: ambiguity classes: %w", err)
		}
		ambs = append(ambs, a)
	}
	nd := get()
	if rerr != nil || nd > maxDict {
		return fmt.Errorf("tables: bad dictionary size %d: %v", nd, rerr)
	}
	m.dict = make(map[uint64]entry, min(nd, 1<<16))
	k := uint64(0)
	for range nd {
		k += get()
		a, f, fx := get(), get(), get()
		if rerr != nil {
			return fmt.Errorf("tables: dictionary: %w", rerr)
		}
		if a >= uint64(len(ambs)) || f > 255 || fx > nc {
			return errors.New("tables: dictionary entry out of range")
		}
		m.dict[k] = entry{amb: ambs[a], freq: uint8(f &^ auxBit), aux: f&auxBit != 0, fixed: int16(fx) - 1, cache: -1}
	}
	return nil
}
