package parser

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/dyad-events/dyad/internal/nlp/perceptron"
)

// liftSep joins a lifted word's own label and its original head's label in a training label.
const liftSep = "|"

// Model is a trained parser. It is read-only and safe to share between goroutines.
//
// The transition model scores SHIFT and, for each label group, LEFT and RIGHT with a label of that
// group. Frequent labels are groups of their own, so most arcs get their label from the transition
// itself; the remaining labels share one group, within which the label model picks. This keeps most of
// the accuracy of fully labeled transitions at a fraction of their scoring cost.
type Model struct {
	labels  []string // training labels; a lifted one reads "rel|headrel"
	baseOf  []int32  // label → index in bases
	bases   []string // the labels Parse reports
	want    []int32  // label → base of the head label a lifted word looks for, or -1
	rootOK  []bool   // label may attach a word to the root
	childOK []bool   // label may attach a word to another word
	group   []int32  // label → label group
	ngroups int
	single  []int32 // group → its only label, or -1
	// group → labels of the group allowed on the root and under a word, and whether there are any
	rootMask, childMask [][]bool
	rootG, childG       []bool
	// the transition classes of LEFT and RIGHT arcs under a word, and of RIGHT arcs from the root, whose
	// label groups hold a label allowed there
	leftC, rightC, rootC []int32
	lex                  *lexicon          // the known words and their ambiguity classes
	punctLabel           int32             // the label "punct", or -1
	kinds                *perceptron.Model // scores SHIFT and LEFT and RIGHT for each label group
	rels                 *perceptron.Model // scores the labels of an arc whose group has several
	punct                *perceptron.Model // ranks the candidate heads of punctuation; may be nil
}

// newModel builds the label tables. Labels seen only on root words may only attach to the root, and
// labels never seen there may not; if either set is empty, every label is allowed there instead.
func newModel(labels []string, rootSeen, childSeen []bool, group []int32, kinds, rels *perceptron.Model) *Model {
	m := &Model{labels: labels, kinds: kinds, rels: rels, rootOK: rootSeen, childOK: childSeen, group: group}
	idx := map[string]int32{}
	for _, l := range labels {
		b, _, _ := strings.Cut(l, liftSep)
		if _, ok := idx[b]; !ok {
			idx[b] = int32(len(m.bases))
			m.bases = append(m.bases, b)
		}
	}
	m.punctLabel = int32(slices.Index(labels, "punct"))
	for _, l := range labels {
		b, h, lifted := strings.Cut(l, liftSep)
		m.baseOf = append(m.baseOf, idx[b])
		want := int32(-1)
		if lifted {
			if j, ok := idx[h]; ok {
				want = j
			}
		}
		m.want = append(m.want, want)
	}
	if !anyTrue(m.rootOK) {
		m.rootOK = allTrue(len(labels))
	}
	if !anyTrue(m.childOK) {
		m.childOK = allTrue(len(labels))
	}
	for _, g := range group {
		m.ngroups = max(m.ngroups, int(g)+1)
	}
	m.single = make([]int32, m.ngroups)
	m.rootMask, m.childMask = make([][]bool, m.ngroups), make([][]bool, m.ngroups)
	m.rootG, m.childG = make([]bool, m.ngroups), make([]bool, m.ngroups)
	size := make([]int, m.ngroups)
	for g := range m.ngroups {
		m.single[g] = -1
		m.rootMask[g], m.childMask[g] = make([]bool, len(labels)), make([]bool, len(labels))
	}
	for l, g := range group {
		size[g]++
		m.single[g] = int32(l)
		m.rootMask[g][l], m.childMask[g][l] = m.rootOK[l], m.childOK[l]
		m.rootG[g] = m.rootG[g] || m.rootOK[l]
		m.childG[g] = m.childG[g] || m.childOK[l]
	}
	for g, n := range size {
		if n != 1 {
			m.single[g] = -1
		}
	}
	for g := range m.ngroups {
		if m.childG[g] {
			m.leftC = append(m.leftC, int32(1+g))
			m.rightC = append(m.rightC, int32(1+m.ngroups+g))
		}
		if m.rootG[g] {
			m.rootC = append(m.rootC, int32(1+m.ngroups+g))
		}
	}
	return m
}

// groupOK reports whether the label groups is a valid model's: every label in a group, and the groups
// numbered without gaps.
func groupOK(group []int32) bool {
	seen := make([]bool, len(group))
	for _, g := range group {
		if g < 0 || int(g) >= len(group) {
			return false
		}
		seen[g] = true
	}
	for g := 1; g < len(seen); g++ {
		if seen[g] && !seen[g-1] {
			return false
		}
	}
	return len(group) > 0
}

func anyTrue(b []bool) bool {
	for _, v := range b {
		if v {
			return true
		}
	}
	return false
}

func allTrue(n int) []bool {
	b := make([]bool, n)
	for i := range b {
		b[i] = true
	}
	return b
}

// Labels returns the dependency relations the model can output.
func (m *Model) Labels() []string { return append([]string(nil), m.bases...) }

// Features is the number of distinct features with a stored weight, in both models.
func (m *Model) Features() int { return m.kinds.Features() + m.rels.Features() }

// Weights is the number of stored (feature, class) weights, in both models.
func (m *Model) Weights() int { return m.kinds.Weights() + m.rels.Weights() }

const (
	magic     = "dyadPAR2"
	maxLabels = 4096
	maxLabel  = 256
)

// WriteTo writes the model: a gzip member with the label table and the sizes of the three perceptrons,
// then the perceptrons in their own format (gzip members too), so the file as a whole is an ordinary
// multi-member gzip file. The sizes let Read hand each perceptron exactly its own bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var parts [numParts]bytes.Buffer
	for i, pm := range m.parts() {
		if _, err := pm.WriteTo(&parts[i]); err != nil {
			return 0, fmt.Errorf("parser model part %d: %w", i+1, err)
		}
	}
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return cw.n, fmt.Errorf("parser model: %w", err)
	}
	var buf []byte
	buf = append(buf, magic...)
	for i := range parts {
		buf = binary.AppendUvarint(buf, uint64(parts[i].Len()))
	}
	buf = binary.AppendUvarint(buf, uint64(len(m.labels)))
	for i, l := range m.labels {
		buf = binary.AppendUvarint(buf, uint64(len(l)))
		buf = append(buf, l...)
		var flags byte
		if m.rootOK[i] {
			flags |= 1
		}
		if m.childOK[i] {
			flags |= 2
		}
		buf = append(buf, flags)
		buf = binary.AppendUvarint(buf, uint64(m.group[i]))
	}
	lx := m.lex
	if lx == nil {
		lx = newLexicon(nil, nil)
	}
	buf = lx.appendTo(buf)
	if _, err := zw.Write(buf); err != nil {
		return cw.n, fmt.Errorf("parser model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("parser model: %w", err)
	}
	for i := range parts {
		if _, err := parts[i].WriteTo(cw); err != nil {
			return cw.n, fmt.Errorf("parser model: %w", err)
		}
	}
	return cw.n, nil
}

// numParts is the number of perceptrons in a model file: transitions, labels and punctuation.
const numParts = 3

func (m *Model) parts() [numParts]*perceptron.Model {
	return [numParts]*perceptron.Model{m.kinds, m.rels, m.punct}
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// maxPart bounds the size of one perceptron in a model file.
const maxPart = 1 << 31

// Read reads a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r) // a ByteReader, so gzip stops exactly at the end of the first member
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("parser model: %w", err)
	}
	zr.Multistream(false)
	hr := bufio.NewReader(io.LimitReader(zr, 1<<26))
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(hr, head); err != nil || string(head) != magic {
		return nil, errors.New("parser model: not a dyad parser model of this version")
	}
	var size [numParts]uint64
	for i := range numParts {
		if size[i], err = binary.ReadUvarint(hr); err != nil {
			return nil, fmt.Errorf("parser model: part size: %w", err)
		}
		if size[i] > maxPart {
			return nil, fmt.Errorf("parser model: part size %d too large", size[i])
		}
	}
	n, err := binary.ReadUvarint(hr)
	if err != nil {
		return nil, fmt.Errorf("parser model: label count: %w", err)
	}
	if n == 0 || n > maxLabels {
		return nil, fmt.Errorf("parser model: bad label count %d", n)
	}
	labels := make([]string, n)
	rootOK, childOK, group := make([]bool, n), make([]bool, n), make([]int32, n)
	for i := range labels {
		k, err := binary.ReadUvarint(hr)
		if err != nil {
			return nil, fmt.Errorf("parser model: label %d: %w", i, err)
		}
		if k > maxLabel {
			return nil, fmt.Errorf("parser model: label %d is %d bytes long", i, k)
		}
		b := make([]byte, k+1)
		if _, err := io.ReadFull(hr, b); err != nil {
			return nil, fmt.Errorf("parser model: label %d: %w", i, err)
		}
		labels[i] = string(b[:k])
		rootOK[i], childOK[i] = b[k]&1 != 0, b[k]&2 != 0
		g, err := binary.ReadUvarint(hr)
		if err != nil {
			return nil, fmt.Errorf("parser model: group of label %d: %w", i, err)
		}
		if g >= n {
			return nil, fmt.Errorf("parser model: label %d in group %d of %d labels", i, g, n)
		}
		group[i] = int32(g)
	}
	lex, err := readLexicon(hr)
	if err != nil {
		return nil, fmt.Errorf("parser model: lexicon: %w", err)
	}
	if !groupOK(group) {
		return nil, errors.New("parser model: label groups have gaps")
	}
	if _, err := io.Copy(io.Discard, hr); err != nil { // reach the member's checksum
		return nil, fmt.Errorf("parser model: %w", err)
	}
	var parts [numParts]*perceptron.Model
	for i := range numParts {
		part, err := io.ReadAll(io.LimitReader(br, int64(size[i])))
		if err != nil {
			return nil, fmt.Errorf("parser model part %d: %w", i+1, err)
		}
		if err := checkGzip(part); err != nil {
			return nil, fmt.Errorf("parser model part %d: %w", i+1, err)
		}
		if parts[i], err = perceptron.Read(bytes.NewReader(part)); err != nil {
			return nil, fmt.Errorf("parser model part %d: %w", i+1, err)
		}
	}
	kinds, rels := parts[0], parts[1]
	m := newModel(labels, rootOK, childOK, group, kinds, rels)
	if kinds.Classes() != 1+2*m.ngroups || rels.Classes() != len(labels) {
		return nil, fmt.Errorf("parser model: %d and %d classes for %d labels in %d groups", kinds.Classes(), rels.Classes(), len(labels), m.ngroups)
	}
	if parts[2].Classes() != 2 {
		return nil, fmt.Errorf("parser model: punctuation model with %d classes", parts[2].Classes())
	}
	m.punct = parts[2]
	m.lex = lex
	return m, nil
}

// maxUnpacked bounds the decompressed size of one perceptron.
const maxUnpacked = 1 << 30

// checkGzip verifies a perceptron's gzip checksum before perceptron.Read sees it: that reader trusts
// the counts in its header and does not read to the checksum, so a corrupt file could make it allocate
// gigabytes before failing.
func checkGzip(b []byte) error {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return err
	}
	zr.Multistream(false)
	n, err := io.Copy(io.Discard, io.LimitReader(zr, maxUnpacked+1))
	if err != nil {
		return err
	}
	if n > maxUnpacked {
		return errors.New("perceptron larger than 1 GiB unpacked")
	}
	return nil
}
