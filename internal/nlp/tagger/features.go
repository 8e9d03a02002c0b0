package tagger

import (
	"strings"

	"github.com/dyad-events/dyad/internal/nlp/perceptron"
)

// Feature templates. appendRole and appendContext decide which depend on one word only (and so have their
// scores cached for frequent forms). The numbers are part of the model format: append, never renumber.
const (
	tBias uint64 = iota + 1
	tWord
	tLower
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre2
	tPre3
	tShape
	tFlags
	tAmb
	tFreqShape
	tLowerAmb
	tSufCap
	tStem
	tSentCap
	tPrevWord
	tNextWord
	tPrev2Word
	tNext2Word
	tPrevAmb
	tNextAmb
	tNext2Amb
	tNextSuf3
	tWordNext
	tPrevWordWord
	tShapes3
	tPrevAmbAmb
	tWordNextAmb
	tWordPrevAmb
	tWordNext2Amb
	tPrevTag
	tPrevTags
	tPrevTagWord
	tPrevTagNextAmb
	tPrevTagAmb
	tVerbWord
	tVerbTagAmb
	tNextTag
	tNextTags
	tAroundTags
	tNextTagWord
	tSuf5
	tPre4
	tAmbFlags
	tPrevSuf3
	tPrevShape
	tNextShape
	tNextLowerAmb
	tPrev2Amb
	tNext2Suf3
	tAuxAmb
)

// Padding atoms for positions before the first and after the last word, and for their tags. Real tags
// are small class numbers, so these cannot collide with them.
const (
	padStart    uint64 = 0xA5A5_0001
	padEnd      uint64 = 0xA5A5_0002
	unknownAtom uint64 = 0xA5A5_0003
	tagStart    int32  = 1 << 20
	tagEnd      int32  = 1<<20 + 1
)

// pad is the number of padding slots on each side of a sentence in the per-sentence arrays.
const pad = 2

// word holds the atoms of one word, computed once per sentence so that feature extraction only mixes
// integers.
type word struct {
	w, lw uint64    // exact and lower-cased form
	suf   [4]uint64 // lower-cased suffixes of 1..4 bytes
	pre   [3]uint64 // lower-cased prefixes of 1..3 bytes
	suf5  uint64    // lower-cased suffix of 5 bytes
	pre4  uint64    // lower-cased prefix of 4 bytes
	shape uint64
	flags uint64
	amb   uint64 // ambiguity class from the tag dictionary; 0 for words it does not know
	freq  uint64 // frequency bucket from the tag dictionary
	lamb  uint64 // ambiguity class of the lower-cased form
	scap  uint64 // how capitalized the whole sentence is, with this word's flags
	stem  uint64 // for an unknown word, the ambiguity class of a known word it extends, with the suffix
	fixed int32  // the only class the dictionary allows, or -1
	cache int32  // index of the form's cached self scores, or -1
	aux   bool   // the dictionary knows the word mostly as an auxiliary
	auxL  uint64 // the nearest auxiliary shortly before the word, or 0: "has ... printed" is VBN
}

// Word-flag bits, combined into one atom so the classifier sees their conjunction.
const (
	fInitUpper uint64 = 1 << iota
	fAllUpper
	fDigit
	fHyphen
	fPeriod
	fAt
	fURL
	fNonASCII
	fAllDigit
	fNoLetter
)

// Sentence-level capitalization buckets for tSentCap (bits above the word flags).
const (
	sentStart    uint64 = 1 << 20
	sentCapLow   uint64 = 1 << 21
	sentCapSome  uint64 = 2 << 21
	sentCapMost  uint64 = 3 << 21
	sentCapAll   uint64 = 4 << 21
	sentQuestion uint64 = 1 << 24
)

// fnv64 constants, as in hash/fnv; shapes are hashed byte by byte as they are built.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// maxShape bounds the shape string; longer words share the shape of their first maxShape classes.
const maxShape = 16

// setWord fills the atoms of form.
func (m *Model) setWord(wd *word, form string) {
	setSpelling(wd, form)
	e, ok := m.dict[wd.w]
	le, lok := m.dict[lowerKey(wd.lw)]
	m.setEntries(wd, form, e, ok, le, lok)
}

// setSpelling fills the atoms of form that come from its letters alone.
func setSpelling(wd *word, form string) {
	wd.w = perceptron.String(form)
	wd.lw = perceptron.Lower(form)
	n := len(form)
	for k := 1; k <= 4; k++ {
		if n >= k {
			wd.suf[k-1] = perceptron.Lower(form[n-k:])
		} else {
			wd.suf[k-1] = padEnd
		}
		if k <= 3 {
			if n >= k {
				wd.pre[k-1] = perceptron.Lower(form[:k])
			} else {
				wd.pre[k-1] = padEnd
			}
		}
	}
	wd.suf5, wd.pre4 = padEnd, padEnd
	if n >= 5 {
		wd.suf5 = perceptron.Lower(form[n-5:])
	}
	if n >= 4 {
		wd.pre4 = perceptron.Lower(form[:4])
	}
	var flags uint64
	letters, upper, digits := 0, 0, 0
	h := uint64(fnvOffset)
	var last, last2 byte
	shapeLen := 0
	for i := 0; i < n; i++ {
		c := form[i]
		var s byte
		switch {
		case 'A' <= c && c <= 'Z':
			s = 'X'
			letters++
			upper++
		case 'a' <= c && c <= 'z':
			s = 'x'
			letters++
		case '0' <= c && c <= '9':
			s = 'd'
			digits++
		case c >= 0x80:
			s = 'u'
			flags |= fNonASCII
		default:
			s = c
			switch c {
			case '-':
				flags |= fHyphen
			case '.':
				flags |= fPeriod
			case '@':
				flags |= fAt
			}
		}
		// Runs longer than two collapse, so "Xxxxx" and "Xxxxxxxx" share a shape.
		if shapeLen < maxShape && !(s == last && s == last2) {
			h ^= uint64(s)
			h *= fnvPrime
			shapeLen++
		}
		last2, last = last, s
	}
	wd.shape = h
	if n > 0 && 'A' <= form[0] && form[0] <= 'Z' {
		flags |= fInitUpper
	}
	if letters > 1 && upper == letters {
		flags |= fAllUpper
	}
	if digits > 0 {
		flags |= fDigit
		if digits == n {
			flags |= fAllDigit
		}
	}
	if letters == 0 {
		flags |= fNoLetter
	}
	if hasPrefixFold(form, "http") || hasPrefixFold(form, "www.") {
		flags |= fURL
	}
	wd.flags = flags
}

// setEntries sets the atoms of wd that come from the tag dictionary, given what it holds for the exact
// (e) and the lower-cased (le) form.
func (m *Model) setEntries(wd *word, form string, e entry, ok bool, le entry, lok bool) {
	wd.amb, wd.freq, wd.fixed, wd.lamb, wd.stem, wd.cache, wd.aux = 0, 0, -1, 0, 0, -1, false
	if lok {
		wd.lamb = le.amb
	}
	if ok {
		wd.cache = e.cache
	} else {
		e, ok = le, lok
	}
	if ok {
		wd.amb, wd.freq, wd.fixed, wd.aux = e.amb, uint64(e.freq), int32(e.fixed), e.aux
	} else {
		// Words too rare for the dictionary are seen by their spelling only, so that training learns
		// from them what tagging will need for unknown words.
		wd.w, wd.lw = unknownAtom, unknownAtom
		wd.stem = m.stemClass(form)
	}
}

// stemSuffixes are inflectional and derivational endings whose removal often leaves a known word:
// "rebranded" is "rebrand" + "ed", and "rebrand" tells how "rebranded" is likely used.
var stemSuffixes = [...]string{"s", "es", "ed", "d", "ing", "ly", "er", "est", "ers", "ness", "ment", "ful"}

// stemClass returns an atom for the longest listed suffix that leaves a known word, or 0.
func (m *Model) stemClass(form string) uint64 {
	var best uint64
	bestLen := 0
	for i, suf := range stemSuffixes {
		n := len(form) - len(suf)
		if n < 2 || len(suf) <= bestLen || !hasSuffixFold(form, suf) {
			continue
		}
		if e, ok := m.dict[lowerKey(perceptron.Lower(form[:n]))]; ok {
			best, bestLen = e.amb*31+uint64(i+1), len(suf)
		}
	}
	return best
}

func hasSuffixFold(s, suffix string) bool {
	if len(s) < len(suffix) {
		return false
	}
	return hasPrefixFold(s[len(s)-len(suffix):], suffix)
}

// fillWords sets ws (padded, len(forms)+2*pad long) to the atoms of forms. loo, when not nil, holds
// each word's dictionary entries without that use of the word (see looEntry), for training.
// memo, when not nil, keeps the atoms of up to memoCap forms computed before (it is not used with loo).
func (m *Model) fillWords(ws []word, forms []string, loo []looEntry, memo map[string]word, memoCap int) {
	n := len(ws)
	setPad(&ws[0], padStart)
	setPad(&ws[1], padStart)
	setPad(&ws[n-2], padEnd)
	setPad(&ws[n-1], padEnd)
	if m.padCache > 0 {
		ws[0].cache, ws[1].cache = m.padCache-1, m.padCache-1
		ws[n-2].cache, ws[n-1].cache = m.padCache, m.padCache
	}
	letters, caps := 0, 0
	for i, f := range forms {
		if loo != nil {
			l := &loo[i]
			setSpelling(&ws[i+pad], f)
			m.setEntries(&ws[i+pad], f, l.e, l.ok, l.le, l.lok)
		} else if wd, ok := memo[f]; ok {
			ws[i+pad] = wd
		} else {
			m.setWord(&ws[i+pad], f)
			if memo != nil {
				if len(memo) >= memoCap {
					clear(memo)
				}
				memo[strings.Clone(f)] = ws[i+pad] // a copy: f may point into a whole document
			}
		}
		if len(f) > 0 && ('a' <= f[0] && f[0] <= 'z' || 'A' <= f[0] && f[0] <= 'Z') {
			letters++
			if f[0] <= 'Z' {
				caps++
			}
		}
	}
	// Headlines and shouted text capitalize common nouns: the share of capitalized words tells.
	var c uint64
	switch {
	case letters == 0 || 4*caps < letters:
		c = sentCapLow
	case 2*caps < letters:
		c = sentCapSome
	case caps < letters:
		c = sentCapMost
	default:
		c = sentCapAll
	}
	lastAux := -auxWindow - 1
	// Questions invert subject and verb, which changes what a verb's neighbours say about it.
	if len(forms) > 0 && forms[len(forms)-1] == "?" {
		c |= sentQuestion
	}

	for i := range forms {
		wd := &ws[i+pad]
		wd.auxL = 0
		if i-lastAux <= auxWindow {
			wd.auxL = ws[lastAux+pad].lw
		}
		if wd.aux {
			lastAux = i
		}
		wd.scap = c | wd.flags
		if i == 0 {
			wd.scap |= sentStart
		}
	}
}

// auxWindow is how far back an auxiliary still counts for tAuxAmb.
const auxWindow = 6

// lowerKey separates the dictionary's lower-cased entries from its exact-form entries.
func lowerKey(lw uint64) uint64 { return lw ^ 0x5bd1e9955bd1e995 }

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

func setPad(wd *word, atom uint64) {
	*wd = word{w: atom, lw: atom, suf5: atom, pre4: atom, shape: atom, flags: atom, amb: atom, freq: atom, lamb: atom, scap: atom, stem: atom, fixed: -1, cache: -1}
	for i := range wd.suf {
		wd.suf[i] = atom
	}
	for i := range wd.pre {
		wd.pre[i] = atom
	}
}

// Roles a word plays for the word being tagged: itself, or one of its neighbours. The features of a
// role depend on that one word only, so their scores can be cached per word form.
const (
	roleSelf = iota
	rolePrev
	roleNext
	rolePrev2
	roleNext2
	numRoles
)

// roleOffset is where the word of each role sits relative to the word being tagged.
var roleOffset = [numRoles]int{0, -1, 1, -2, 2}

// appendRole appends the features that word w contributes in role r.
func appendRole(dst []uint64, w *word, r int) []uint64 {
	switch r {
	case roleSelf:
		return append(dst,
			perceptron.F1(tBias, 0),
			perceptron.F1(tWord, w.w),
			perceptron.F1(tLower, w.lw),
			perceptron.F1(tSuf1, w.suf[0]),
			perceptron.F1(tSuf2, w.suf[1]),
			perceptron.F1(tSuf3, w.suf[2]),
			perceptron.F1(tSuf4, w.suf[3]),
			perceptron.F1(tPre1, w.pre[0]),
			perceptron.F1(tPre2, w.pre[1]),
			perceptron.F1(tPre3, w.pre[2]),
			perceptron.F1(tShape, w.shape),
			perceptron.F1(tFlags, w.flags),
			perceptron.F1(tAmb, w.amb),
			perceptron.F2(tFreqShape, w.freq, w.shape),
			perceptron.F1(tLowerAmb, w.lamb),
			perceptron.F2(tSufCap, w.suf[2], w.flags),
			perceptron.F1(tStem, w.stem),
			perceptron.F1(tSuf5, w.suf5),
			perceptron.F1(tPre4, w.pre4),
			perceptron.F2(tAmbFlags, w.amb, w.flags),
		)
	case rolePrev:
		return append(dst, perceptron.F1(tPrevWord, w.lw), perceptron.F1(tPrevAmb, w.amb),
			perceptron.F1(tPrevSuf3, w.suf[2]), perceptron.F1(tPrevShape, w.shape))
	case roleNext:
		return append(dst, perceptron.F1(tNextWord, w.lw), perceptron.F1(tNextAmb, w.amb),
			perceptron.F1(tNextSuf3, w.suf[2]), perceptron.F1(tNextShape, w.shape), perceptron.F1(tNextLowerAmb, w.lamb))
	case rolePrev2:
		return append(dst, perceptron.F1(tPrev2Word, w.lw), perceptron.F1(tPrev2Amb, w.amb))
	default:
		return append(dst, perceptron.F1(tNext2Word, w.lw), perceptron.F1(tNext2Amb, w.amb),
			perceptron.F1(tNext2Suf3, w.suf[2]))
	}
}

// appendContext appends the features of word i (ws and tags are padded: ws[i+pad] is word i) that
// depend on more than one word or on the tags chosen so far. left holds the tags already chosen in this
// pass; right, when not nil, the first pass's tags, which give the second pass its right context. lv is
// the padded index of the last verb or modal in left (or a padding slot).
func appendContext(dst []uint64, ws []word, left, right []int32, i, lv int) []uint64 {
	p := i + pad
	w := &ws[p]
	prev, next := &ws[p-1], &ws[p+1]
	next2 := &ws[p+2]
	t1, t2 := uint64(left[p-1]), uint64(left[p-2])
	vw, vt := ws[lv].lw, uint64(left[lv])
	dst = append(dst,
		perceptron.F1(tSentCap, w.scap),
		perceptron.F2(tWordNext, w.lw, next.lw),
		perceptron.F2(tPrevWordWord, prev.lw, w.lw),
		perceptron.F3(tShapes3, prev.shape, w.shape, next.shape),
		perceptron.F2(tPrevAmbAmb, prev.amb, w.amb),
		perceptron.F2(tWordNextAmb, w.lw, next.amb),
		perceptron.F2(tWordPrevAmb, w.lw, prev.amb),
		perceptron.F3(tWordNext2Amb, w.lw, next.amb, next2.amb),
		perceptron.F1(tPrevTag, t1),
		perceptron.F2(tPrevTags, t1, t2),
		perceptron.F2(tPrevTagWord, t1, w.lw),
		perceptron.F2(tPrevTagNextAmb, t1, next.amb),
		perceptron.F2(tPrevTagAmb, t1, w.amb),
		perceptron.F2(tVerbWord, vw, w.lw),
		perceptron.F2(tVerbTagAmb, vt, w.amb),
		perceptron.F2(tAuxAmb, w.auxL, w.amb),
	)
	if right != nil {
		n1, n2 := uint64(right[p+1]), uint64(right[p+2])
		dst = append(dst,
			perceptron.F1(tNextTag, n1),
			perceptron.F2(tNextTags, n1, n2),
			perceptron.F2(tAroundTags, t1, n1),
			perceptron.F2(tNextTagWord, n1, w.lw),
		)
	}
	return dst
}
