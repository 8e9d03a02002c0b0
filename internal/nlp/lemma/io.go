package lemma

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
)

// The file is the magic followed by one gzip stream holding the four tables, each sorted so that the
// same model always writes the same bytes.
const magic = "dyadLEM1"

// Bounds that keep Read from allocating without end on a corrupt file.
const (
	maxString = 1 << 12
	maxTable  = 1 << 24
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

func sortedKeys[V any](m map[key]V) []key {
	keys := make([]key, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int { return cmp.Or(cmp.Compare(a.form, b.form), cmp.Compare(a.xpos, b.xpos)) })
	return keys
}

// WriteTo writes the model; Read reads it back.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	if _, err := io.WriteString(cw, magic); err != nil {
		return cw.n, fmt.Errorf("lemma: write: %w", err)
	}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return cw.n, fmt.Errorf("lemma: write: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) { n := binary.PutUvarint(buf[:], v); bw.Write(buf[:n]) }
	str := func(s string) { put(uint64(len(s))); bw.WriteString(s) }
	for _, tab := range []map[key]string{m.known, m.lower} {
		put(uint64(len(tab)))
		for _, k := range sortedKeys(tab) {
			str(k.form)
			str(k.xpos)
			str(tab[k])
		}
	}
	put(uint64(len(m.rules)))
	for _, k := range sortedKeys(m.rules) {
		e := m.rules[k]
		str(k.form)
		str(k.xpos)
		put(uint64(e.strip))
		str(e.add)
	}
	lemmas := make([]string, 0, len(m.lemmas))
	for l := range m.lemmas {
		lemmas = append(lemmas, l)
	}
	slices.Sort(lemmas)
	put(uint64(len(lemmas)))
	for _, l := range lemmas {
		str(l)
	}
	put(uint64(len(m.casing)))
	for _, k := range sortedKeys(m.casing) {
		str(k.form)
		str(k.xpos)
		put(uint64(m.casing[k]))
	}
	if err := bw.Flush(); err != nil {
		return cw.n, fmt.Errorf("lemma: write: %w", err)
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("lemma: write: %w", err)
	}
	return cw.n, nil
}

// Read reads a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("lemma: not a dyad lemma model")
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("lemma: %w", err)
	}
	defer zr.Close()
	zb := bufio.NewReader(zr)
	var rerr error
	get := func() uint64 {
		v, err := binary.ReadUvarint(zb)
		if err != nil && rerr == nil {
			rerr = err
		}
		return v
	}
	str := func() string {
		n := get()
		if rerr != nil {
			return ""
		}
		if n > maxString {
			rerr = fmt.Errorf("string of %d bytes", n)
			return ""
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(zb, b); err != nil {
			rerr = err
		}
		return string(b)
	}
	count := func() int {
		n := get()
		if rerr == nil && n > maxTable {
			rerr = fmt.Errorf("table of %d entries", n)
		}
		return int(n)
	}
	m := &Model{known: map[key]string{}, lower: map[key]string{}, rules: map[key]edit{}, lemmas: map[string]bool{},
		casing: map[key]uint8{}}
	for _, tab := range []map[key]string{m.known, m.lower} {
		n := count()
		for i := 0; i < n && rerr == nil; i++ {
			k := key{str(), str()}
			tab[k] = str()
		}
	}
	n := count()
	for i := 0; i < n && rerr == nil; i++ {
		k := key{str(), str()}
		strip := get()
		add := str()
		if rerr == nil && strip > maxString {
			rerr = fmt.Errorf("rule strips %d bytes", strip)
		}
		m.rules[k] = edit{strip: int(strip), add: add}
	}
	n = count()
	for i := 0; i < n && rerr == nil; i++ {
		m.lemmas[str()] = true
	}
	n = count()
	for i := 0; i < n && rerr == nil; i++ {
		k := key{str(), str()}
		c := get()
		if rerr == nil && c > uint64(caseTitle) {
			rerr = fmt.Errorf("bad casing %d", c)
		}
		m.casing[k] = uint8(c)
	}
	if rerr != nil {
		return nil, fmt.Errorf("lemma: read: %w", rerr)
	}
	return m, nil
}
