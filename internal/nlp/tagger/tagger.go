package tagger

import (
	"math"
	"slices"

	"github.com/dyad-events/dyad/internal/nlp/perceptron"
)

// Model is a trained tagger. It is read-only and safe for concurrent use; each goroutine tags through its
// own Tagger.
type Model struct {
	upos, xpos []string // per class
	verbal     []bool   // per class: a verb or modal, the left context that matters most
	dict       map[uint64]entry
	p1, p2     *perceptron.Model // p2 is nil for a one-pass model; p1 then runs left to right

	blend float64 // weight of the first pass's scores in the second pass's decisions
	sure  float64 // a first-pass margin above which the second pass keeps the first pass's tag

	// forms are the cached word forms, most frequent first. cache1 and cache2 hold the scores of their
	// single-word features under p1 and p2, for each role (see appendRole), then the same for the
	// padding before and after the sentence. Most words then need only their other features looked up.
	forms          []string
	cache1, cache2 []int32
	padCache       int32 // index of the padding's first cache entry plus one; 0 when there is no cache

	// derived from the above when the model is built or read
	blend1, blend2 int64 // blend as integer weights of p1 and p2 scores
	sureInt        int32 // sure in p1's integer score units
}

// entry is what the tag dictionary knows about a word form.
type entry struct {
	amb   uint64 // hash of the set of classes seen often enough with the word
	freq  uint8  // bucket of the word's training frequency
	fixed int16  // the class of a frequent word seen with no other, or -1
	aux   bool   // mostly an auxiliary verb
	cache int32  // index into forms, or -1
}

// Classes is the number of joint UPOS+XPOS classes.
func (m *Model) Classes() int { return len(m.upos) }

// blendScale is the fixed-point unit of the integer blend weights.
const blendScale = 1 << 12

// finish builds the score caches and the integer forms of blend and sure.
func (m *Model) finish() {
	for i := range m.forms {
		k := perceptron.String(m.forms[i])
		if e, ok := m.dict[k]; ok {
			e.cache = int32(i)
			m.dict[k] = e
		}
	}
	words := make([]word, len(m.forms)+2)
	for i, f := range m.forms {
		m.setWord(&words[i], f)
	}
	setPad(&words[len(m.forms)], padStart)
	setPad(&words[len(m.forms)+1], padEnd)
	m.padCache = int32(len(m.forms)) + 1
	m.cache1 = m.buildCache(m.p1, words)
	m.cache2 = m.buildCache(m.p2, words)
	if m.p2 != nil {
		m.blend2 = blendScale
		m.blend1 = int64(math.Round(blendScale * m.blend * m.p1.Scale() / m.p2.Scale()))
		m.sureInt = math.MaxInt32
		if m.sure > 0 {
			m.sureInt = int32(min(m.sure/m.p1.Scale(), math.MaxInt32))
		}
	}
}

func (m *Model) buildCache(pm *perceptron.Model, words []word) []int32 {
	if pm == nil {
		return nil
	}
	nc := m.Classes()
	cache := make([]int32, len(words)*numRoles*nc)
	var feats []uint64
	for i := range words {
		for r := range numRoles {
			feats = appendRole(feats[:0], &words[i], r)
			at := (i*numRoles + r) * nc
			pm.Score(feats, cache[at:at+nc])
		}
	}
	return cache
}

// Tagger tags sentences with a Model. It keeps scratch space between calls and is not safe for
// concurrent use: make one per goroutine.
type Tagger struct {
	m      *Model
	ws     []word
	left   []int32
	right  []int32
	sure   []bool  // per padded word: the first pass's tag is sure enough to keep
	first  []int32 // the first pass's scores, Classes() per word
	feats  []uint64
	scores []int32
	// memo holds the atoms of forms seen before: news repeats its words, and computing a form's atoms
	// (spelling, dictionary entries) costs several times a lookup
	memo    map[string]word
	memoCap int // forms memo holds at most
}

// maxMemo bounds the forms a Tagger remembers; when full it forgets them all, which costs less than
// keeping an order to evict by.
const maxMemo = 1 << 14

// NewTagger returns a Tagger backed by m.
func (m *Model) NewTagger() *Tagger {
	return &Tagger{m: m, feats: make([]uint64, 0, 64), scores: make([]int32, m.Classes()), memoCap: maxMemo}
}

// Tag tags the words forms and writes their tags into upos[i] and xpos[i]; the strings come from the
// model's tables. Slots beyond the shorter of upos and xpos are not written.
func (t *Tagger) Tag(forms []string, upos, xpos []string) {
	tags := t.tag(forms)
	for i, c := range tags {
		if i < len(upos) {
			upos[i] = t.m.upos[c]
		}
		if i < len(xpos) {
			xpos[i] = t.m.xpos[c]
		}
	}
	repairPast(forms, upos, xpos)
}

// tag returns the class of every word; the slice is scratch, valid until the next call.
func (t *Tagger) tag(forms []string) []int32 {
	n := len(forms)
	t.prepare(forms, nil)
	if t.m.p2 == nil {
		t.pass(t.m.p1, t.m.cache1, n, nil, false)
		return t.left[pad : pad+n]
	}
	// The first pass runs right to left, so that its errors differ from the second pass's.
	slices.Reverse(t.ws)
	t.pass(t.m.p1, t.m.cache1, n, nil, true)
	slices.Reverse(t.ws)
	slices.Reverse(t.sure)
	copy(t.right, t.left)
	slices.Reverse(t.right)
	t.right[0], t.right[1] = tagStart, tagStart
	t.right[n+pad], t.right[n+pad+1] = tagEnd, tagEnd
	t.pass(t.m.p2, t.m.cache2, n, t.right, false)
	return t.left[pad : pad+n]
}

// prepare sizes the scratch for the words and computes their atoms; loo is as for fillWords.
func (t *Tagger) prepare(forms []string, loo []looEntry) {
	n := len(forms) + 2*pad
	if cap(t.ws) < n {
		t.ws = make([]word, n)
		t.left = make([]int32, n)
		t.right = make([]int32, n)
		t.sure = make([]bool, n)
		if t.m.p2 != nil {
			t.first = make([]int32, n*t.m.Classes())
		}
	}
	t.ws, t.left, t.right, t.sure = t.ws[:n], t.left[:n], t.right[:n], t.sure[:n]
	if loo == nil && t.memo == nil {
		t.memo = make(map[string]word)
	}
	t.m.fillWords(t.ws, forms, loo, t.memo, t.memoCap)
	t.left[0], t.left[1] = tagStart, tagStart
	t.left[n-2], t.left[n-1] = tagEnd, tagEnd
	clear(t.sure)
}

// pass tags the n words greedily from left to right into t.left with pm, whose cached scores are cache. The first of two passes (first) keeps its scores and margins for the second; the second blends
// them into its own scores and keeps the first pass's sure tags, found in right.
func (t *Tagger) pass(pm *perceptron.Model, cache []int32, n int, right []int32, first bool) {
	nc := t.m.Classes()
	lv := 0 // the last verb or modal so far, or the padding
	for i := range n {
		p := i + pad
		w := &t.ws[p]
		c := w.fixed
		switch {
		case c >= 0:
		case right != nil && t.sure[p]:
			c = right[p]
		default:
			t.feats = t.feats[:0]
			for r, off := range roleOffset {
				if nb := &t.ws[p+off]; nb.cache < 0 {
					t.feats = appendRole(t.feats, nb, r)
				}
			}
			t.feats = appendContext(t.feats, t.ws, t.left, right, i, lv)
			s := t.scores
			pm.Score(t.feats, s)
			for r, off := range roleOffset {
				if c := t.ws[p+off].cache; c >= 0 {
					at := (int(c)*numRoles + r) * nc
					cached := cache[at : at+nc]
					for k := range s {
						s[k] += cached[k]
					}
				}
			}
			switch {
			case first:
				var margin int32
				c, margin = argmax2(s)
				// Stored by original position: this pass runs on the reversed sentence.
				copy(t.first[(n-1-i)*nc:], s)
				t.sure[p] = margin > t.m.sureInt
			case right != nil:
				c = t.blendArgmax(s, t.first[i*nc:(i+1)*nc])
			default:
				c, _ = argmax2(s)
			}
		}
		t.left[p] = c
		if t.m.verbal[c] {
			lv = p
		}
	}
}

// argmax2 returns the best class and its margin over the runner-up; ties go to the lower class number,
// the more frequent class.
func argmax2(s []int32) (int32, int32) {
	best, second := int32(0), int32(math.MinInt32)
	for i, v := range s {
		if v > s[best] {
			second = s[best]
			best = int32(i)
		} else if i > 0 && v > second {
			second = v
		}
	}
	if len(s) < 2 {
		return best, math.MaxInt32
	}
	return best, s[best] - second
}

// blendArgmax returns the best class under the blend of second-pass scores s2 and first-pass scores s1.
func (t *Tagger) blendArgmax(s2, s1 []int32) int32 {
	a, b := t.m.blend2, t.m.blend1
	s1 = s1[:len(s2)]
	best, bestScore := 0, int64(math.MinInt64)
	for k := range s2 {
		if v := int64(s2[k])*a + int64(s1[k])*b; v > bestScore {
			best, bestScore = k, v
		}
	}
	return int32(best)
}
