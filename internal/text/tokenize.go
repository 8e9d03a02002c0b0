package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The tokenizer works on chunks (maximal runs of non-space characters) and splits each with a left-to-right
// scan. Every look-ahead is either bounded by a small constant or consumed by the token it belongs to, so the
// cost stays linear even in a megabyte without a space.

// maxPeek bounds look-ahead into the next word piece: every pattern that needs it (abbreviations, domains,
// clitics, number groups) has short pieces.
const maxPeek = 7

func (s *Segmenter) scan() {
	src := s.src
	for i := 0; i < len(src); {
		if c := src[i]; c < utf8.RuneSelf && asciiClass[c]&cSpace != 0 {
			i++
			continue
		}
		r, w := runeAt(src, i)
		if isSpace(r) {
			i += w
			continue
		}
		e := i + w
		for e < len(src) {
			c := src[e]
			if c < utf8.RuneSelf {
				if asciiClass[c]&cSpace != 0 {
					break
				}
				e++
				continue
			}
			r, w := utf8.DecodeRuneInString(src[e:])
			if unicode.IsSpace(r) {
				break
			}
			e += w
		}
		s.chunk(i, e)
		i = e
	}
}

func (s *Segmenter) chunk(cs, ce int) {
	s.cs, s.ce = cs, ce
	s.at, s.atLocal, s.atFrom = -1, -1, cs
	for i := cs; i < ce; {
		i = s.next(i)
	}
}

// next emits the token or tokens that start at i and returns where scanning continues.
func (s *Segmenter) next(i int) int {
	src, ce := s.src, s.ce
	r, w := runeAt(src, i)
	if isWordStart(r) {
		if e := s.urlEnd(i); e > i {
			s.emit(i, e)
			return e
		}
		if e := s.emailEnd(i); e > i {
			s.emit(i, e)
			return e
		}
		return s.word(i, i)
	}
	if e := s.emoticonEnd(i, r); e > i {
		s.emit(i, e)
		return e
	}
	switch r {
	case '#', '@': // hashtag, handle
		if i+1 < ce {
			if r2, _ := runeAt(src, i+1); isLetter(r2) {
				e := i + 1
				for e < ce {
					r3, w3 := runeAt(src, e)
					if r3 == '.' && r == '@' && e+1 < ce { // @example.com
						if p := s.peek(e + 1); s.isDomainEnd(p, e+1) {
							e = p.end
							continue
						}
					}
					if !isWordRune(r3) {
						break
					}
					e += w3
				}
				s.emit(i, e)
				return e
			}
		}
	case '+': // international dialling prefix: +44 20 ...
		if i == s.cs && i+1 < ce && isDigitByte(src[i+1]) {
			return s.word(i, i+1)
		}
	case '.':
		if e := s.extension(i); e > i {
			s.emit(i, e)
			return e
		}
		if i+1 < ce && isDigitByte(src[i+1]) && !s.afterWord(i) { // .25
			return s.word(i, i+1)
		}
	case '\'', '’', '`', '‘':
		if e := s.leadingClitic(i, w); e > i {
			s.emit(i, e)
			return e
		}
		if e := s.shortYear(i, w); e > i { // '05, '60s
			s.emit(i, e)
			return e
		}
		if i+w < ce { // doubled quotes ('' `` ’’ ‘’) are one token, as in EWT
			if r2, w2 := runeAt(src, i+w); r2 == r || (r == '‘' && r2 == '’') {
				s.emit(i, i+w+w2)
				return i + w + w2
			}
		}
	case '-', '<', '=', '>':
		for _, a := range arrows {
			if e := i + len(a); strings.HasPrefix(src[i:ce], a) && (e == ce || !rule(rune(src[e]))) {
				s.emit(i, e)
				return e
			}
		}
	}
	if runChar(r) {
		e := i + w
		allDots := r == '.'
		for e < ce {
			r2, w2 := runeAt(src, e)
			if r2 != r && !(terminal(r) && terminal(r2)) && !(rule(r) && rule(r2)) {
				break
			}
			if allDots && r2 != '.' {
				if e-i >= 2 {
					break // an ellipsis stays apart from a ? or ! after it ("...?" is "..." "?"), ".?" does not
				}
				allDots = false
			}
			e += w2
		}
		s.emit(i, e)
		return e
	}
	s.emit(i, i+w)
	return i + w
}

// runChar reports whether a run of r is one token: "...", "?!", "--", "***", "====", ">>".
func runChar(r rune) bool {
	switch r {
	case '.', '!', '?', '-', '=', '_', '*', '~', '<', '>', '|', '^', '/', '\\', '+', ':', ';', ',', '#', '…', '$':
		return true
	}
	return false
}

// rule reports the characters mixed in separator lines such as "----====".
func rule(r rune) bool { return r == '-' || r == '=' }

func terminal(r rune) bool { return r == '.' || r == '!' || r == '?' }

// seg describes one piece of a word: a run of word runes between connectors.
type seg struct {
	end     int
	split   int // > 0: the piece is a number followed by a unit (5kg); it ends here
	runes   int
	letters bool // letters and marks only
	digits  bool // digits only
	upper   bool // upper-case letters only
	lastDig bool // the last rune is a digit
}

func (s *Segmenter) segment(i int) seg {
	src, ce := s.src, s.ce
	g := seg{letters: true, digits: true, upper: true}
	for i < ce {
		var r rune
		w := 1
		if c := src[i]; c < utf8.RuneSelf { // ASCII fast path: one table lookup per byte
			cl := asciiClass[c]
			switch {
			case cl&cDigit != 0:
				g.letters, g.upper, g.lastDig = false, false, true
				g.runes++
				i++
				continue
			case cl&(cUpper|cLower) == 0 && c != '_':
				g.end = i
				return g
			}
			r = rune(c)
		} else {
			r, w = utf8.DecodeRuneInString(src[i:])
			if !isWordRune(r) {
				break
			}
			if isDigit(r) {
				g.letters, g.upper, g.lastDig = false, false, true
				g.runes++
				i += w
				continue
			}
		}
		if g.digits && g.runes > 0 && s.unitAt(i) {
			g.end, g.split = i, i
			return g
		}
		g.digits, g.lastDig = false, false
		if !isLetter(r) && !(r >= utf8.RuneSelf && !isWordStart(r)) {
			g.letters = false // '_'; combining marks keep a piece alphabetic
		}
		if !isUpper(r) {
			g.upper = false
		}
		g.runes++
		i += w
	}
	g.end = i
	return g
}

// unitAt reports whether a unit such as "kg" or "pm" starts at i and ends the piece.
func (s *Segmenter) unitAt(i int) bool {
	src, ce := s.src, s.ce
	e := i
	for e < ce && e-i <= 4 && isLetterByte(src[e]) {
		e++
	}
	if e == i || e-i > 3 {
		return false
	}
	if e < ce {
		if r, _ := runeAt(src, e); isWordRune(r) {
			return false
		}
	}
	return units[src[i:e]]
}

// peekSeg is a bounded look at the piece after a connector.
type peekSeg struct {
	end      int
	runes    int  // counted up to maxPeek+1
	letters  bool // letters only
	complete bool // the piece ends at end (it is not longer than what was scanned)
}

func (s *Segmenter) peek(i int) peekSeg {
	src, ce := s.src, s.ce
	p := peekSeg{letters: true}
	for i < ce && p.runes <= maxPeek {
		r, w := runeAt(src, i)
		if !isWordRune(r) {
			break
		}
		if !isLetter(r) {
			p.letters = false
		}
		p.runes++
		i += w
	}
	p.end = i
	p.complete = p.runes <= maxPeek
	return p
}

func (s *Segmenter) isDomainEnd(p peekSeg, start int) bool {
	if !p.complete || p.runes > 5 {
		return false
	}
	var b [8]byte
	l, ok := lowerASCII(b[:0], s.src[start:p.end])
	return ok && domainEnds[string(l)]
}

// hostStart reports a first label that announces a host or newsgroup name (www.example, alt.animals).
func (s *Segmenter) hostStart(a, b int) bool {
	var buf [8]byte
	l, ok := lowerASCII(buf[:0], s.src[a:b])
	return ok && hostStarts[string(l)]
}

// hostAhead reports whether the dotted name continuing at i ends in a top-level domain (mail.example.com):
// the middle labels say nothing, the last one does. The look-ahead is bounded by maxHost.
func (s *Segmenter) hostAhead(i int) bool {
	src, ce := s.src, s.ce
	last := i
	e := i
labels:
	for ; e < ce && e-i < maxHost; e++ {
		switch c := src[e]; {
		case c == '.':
			last = e + 1
		case isLetterByte(c) || isDigitByte(c) || c == '-':
		default:
			break labels
		}
	}
	if last == i || last >= e || (e < ce && e-i >= maxHost) {
		return false
	}
	for k := last; k < e; k++ {
		if !isLetterByte(src[k]) {
			return false
		}
	}
	p := peekSeg{end: e, runes: e - last, letters: true, complete: true}
	return s.isDomainEnd(p, last)
}

// maxHost bounds the look-ahead for a host name.
const maxHost = 64

// word scans the word starting at i (ts ≤ i is where its token starts, before i when a '+' leads) and emits the
// tokens it splits into.
func (s *Segmenter) word(ts, i int) int {
	src, ce := s.src, s.ce
	var dotted, domain, phone, slashed bool
	for {
		segStart := i
		g := s.segment(i)
		if g.split > 0 {
			s.emitWord(ts, g.split)
			ts, i = g.split, g.split
			dotted, domain, phone, slashed = false, false, false, false
			continue
		}
		j := g.end
		if j >= ce {
			s.emitWord(ts, j)
			return j
		}
		r, w := runeAt(src, j)
		nr := rune(-1)
		if j+w < ce {
			nr, _ = runeAt(src, j+w)
		}
		switch r {
		case '.':
			if isDigit(nr) && g.lastDig { // 3.5, v1.2, 202.555.0143
				i = j + 1
				continue
			}
			if isLetter(nr) {
				if domain {
					i = j + 1
					continue
				}
				p := s.peek(j + 1)
				if g.letters && p.letters && p.runes <= 2 &&
					(dotted || g.runes == 1 || (g.runes == 2 && p.end < ce && src[p.end] == '.')) {
					dotted = true // U.S, e.g, Ph.D
					i = j + 1
					continue
				}
				if s.isDomainEnd(p, j+1) || (ts == segStart && s.hostStart(segStart, j)) || s.hostAhead(j+1) {
					domain = true
					i = j + 1
					continue
				}
				if abbrevs[src[ts:j]] != abbrNone { // a missing space: Dr.Jones
					s.emitWord(ts, j+1)
					ts, i = j+1, j+1
					dotted, domain, phone = false, false, false
					continue
				}
				s.emitWord(ts, j)
				return j
			}
			take := dotted // U.S. keeps its period even before another one (U.S.. → U.S. .)
			if !take {
				switch dots := dotRun(src, j, ce); {
				case dots == 1:
					take = (g.runes == 1 && g.letters && ts == segStart) || s.keepsPeriod(ts, j)
				case dots == 2: // "Inc.." is Inc. and a period, "etc..." is etc and an ellipsis
					take = s.keepsPeriod(ts, j)
				}
			}
			if take {
				s.emitWord(ts, j+1)
				return j + 1
			}
		case ',':
			if g.digits && digitRun(src, j+1, ce) == 3 { // 1,000
				i = j + 1
				continue
			}
		case ':':
			if g.digits && isDigit(nr) { // 10:30
				i = j + 1
				continue
			}
		case '/':
			if g.digits && isDigit(nr) && (slashed || s.dateSlash(segStart, j)) { // 9/11, 16/11/2004
				slashed = true
				i = j + 1
				continue
			}
			if g.letters && g.runes <= 2 && ts == segStart && isLetter(nr) { // w/o, L/C
				if p := s.peek(j + 1); p.letters && p.runes <= 2 && (p.end >= ce || src[p.end] != '/') {
					i = j + 1
					continue
				}
			}
		case '-':
			if g.digits && isDigit(nr) && (phone || s.phoneLike(ts, segStart, j, g.runes)) {
				phone = true // 555-0143, 1-800-555-0199, 11-20-2000
				i = j + 1
				continue
			}
			if g.letters && ts == segStart && isWordStart(nr) {
				var b [8]byte
				if l, ok := lowerASCII(b[:0], src[segStart:j]); ok && hyphenPrefixes[string(l)] {
					i = j + 1
					continue
				}
			}
		case '\'', '’', '`':
			if isLetter(nr) {
				if e := s.clitic(ts, segStart, j, w, g); e > 0 {
					return e
				}
				i = j + w // O'Brien, Shi'ite
				continue
			}
		case '&':
			if g.upper && g.letters && isUpper(nr) { // P&L, AT&T
				i = j + 1
				continue
			}
		}
		s.emitWord(ts, j)
		return j
	}
}

// clitic handles an apostrophe at j (w bytes) inside a word: n't and 's 'm 'd 'll 're 've are split off. It
// returns where scanning continues, or 0 when the apostrophe belongs to the word.
func (s *Segmenter) clitic(ts, segStart, j, w int, g seg) int {
	src := s.src
	p := s.peek(j + w)
	if !p.complete || p.runes > 2 || !p.letters {
		return 0
	}
	var b [4]byte
	l, ok := lowerASCII(b[:0], src[j+w:p.end])
	if !ok {
		return 0
	}
	if string(l) == "t" && g.letters && j-1 >= segStart && (src[j-1] == 'n' || src[j-1] == 'N') {
		if j-1 > ts {
			s.emitWord(ts, j-1)
		}
		s.emit(j-1, p.end)
		return p.end
	}
	if !apostropheClitics[string(l)] {
		return 0
	}
	if g.digits && string(l) == "s" { // 1990's stays whole
		s.emit(ts, p.end)
		return p.end
	}
	s.emitWord(ts, j)
	s.emit(j, p.end)
	return p.end
}

// keepsPeriod reports whether the word src[ts:j] is an abbreviation that takes the period at j.
func (s *Segmenter) keepsPeriod(ts, j int) bool {
	switch abbrevs[s.src[ts:j]] {
	case abbrNone:
		return false
	case abbrNumber: // "No. 5" but "said no."
		k := j + 1
		for k < len(s.src) && k-j <= 8 && (s.src[k] == ' ' || s.src[k] == '\t') {
			k++
		}
		return k < len(s.src) && isDigitByte(s.src[k])
	}
	return true
}

// phoneLike decides whether the hyphen at j joins two digit groups: telephone numbers and numeric dates stay
// whole, ranges (1969-1970, 10-15) are split as in EWT.
func (s *Segmenter) phoneLike(ts, segStart, j, runes int) bool {
	src, ce := s.src, s.ce
	if ts != segStart && src[ts] != '+' {
		return false
	}
	n2 := digitRun(src, j+1, ce)
	after := j + 1 + n2
	if after+1 < ce && src[after] == '-' && isDigitByte(src[after+1]) {
		return true
	}
	return n2 == 4 && runes != 4
}

// dateSlash decides whether the slash at j joins the number src[a:j] to the next: dates (6/14, 16/11/2004)
// and telephone numbers written 713/555-0143 stay whole, fractions and ratios (1/2, 24/7, 2001/02) are split
// as in EWT.
func (s *Segmenter) dateSlash(a, j int) bool {
	src, ce := s.src, s.ce
	n1 := j - a
	n2 := digitRun(src, j+1, ce)
	after := j + 1 + n2
	if after+1 < ce && (src[after] == '/' || src[after] == '-') && isDigitByte(src[after+1]) {
		return true
	}
	if n1 > 2 || n2 > 2 || (n1 == 1 && n2 == 1) {
		return false
	}
	m, d := atoi2(src[a:j]), atoi2(src[j+1:after])
	return m >= 1 && m <= 12 && d >= 1 && d <= 31
}

// atoi2 reads a number of at most two ASCII digits.
func atoi2(t string) int {
	n := 0
	for i := 0; i < len(t); i++ {
		n = n*10 + int(t[i]-'0')
	}
	return n
}

// dotRun counts the periods from i, stopping after 3.
func dotRun(src string, i, ce int) int {
	n := 0
	for i < ce && n < 3 && src[i] == '.' {
		i++
		n++
	}
	return n
}

// digitRun counts ASCII digits from i, stopping after 7.
func digitRun(src string, i, ce int) int {
	n := 0
	for i < ce && n < 7 && isDigitByte(src[i]) {
		i++
		n++
	}
	return n
}

// emitWord emits src[a:b], split where EWT splits a contraction written without its apostrophe (dont → do nt).
func (s *Segmenter) emitWord(a, b int) {
	if n := b - a; n >= 2 && n <= 8 {
		var buf [8]byte
		if l, ok := lowerASCII(buf[:0], s.src[a:b]); ok {
			cut, ok := cliticCuts(string(l))
			if !ok && (s.src[a:b] == "Lets" || (string(l) == "its" && s.itsIsItIs(b))) {
				cut, ok = [2]uint8{uint8(len(l) - 1)}, true
			}
			if ok && s.src[a:b] != "IM" {
				s.emit(a, a+int(cut[0]))
				if cut[1] != 0 {
					s.emit(a+int(cut[0]), a+int(cut[1]))
					s.emit(a+int(cut[1]), b)
					return
				}
				s.emit(a+int(cut[0]), b)
				return
			}
		}
	}
	s.emit(a, b)
}

// itsIsItIs reports whether "its" ending at b is a misspelt "it's", judging by the next word: the possessive
// is followed by a noun phrase, "it's" often by an article, an adverb or a preposition.
func (s *Segmenter) itsIsItIs(b int) bool {
	src := s.src
	if b != s.ce {
		return false
	}
	i := b
	for i < len(src) && i-b < 4 && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	e := i
	for e < len(src) && e-i <= 12 && isLetterByte(src[e]) {
		e++
	}
	var buf [12]byte
	l, ok := lowerASCII(buf[:0], src[i:e])
	return ok && itsFollowers[string(l)]
}

// leadingClitic recognizes a clitic written as its own word ('s in "John 's", 'em in "get 'em").
func (s *Segmenter) leadingClitic(i, w int) int {
	src, ce := s.src, s.ce
	if i != s.cs || i+w >= ce || (src[i] != '\'' && !strings.HasPrefix(src[i:], "’")) {
		return 0
	}
	p := s.peek(i + w)
	if !p.complete || !p.letters || p.runes == 0 || p.runes > 2 {
		return 0
	}
	var b [4]byte
	l, ok := lowerASCII(b[:0], src[i+w:p.end])
	if !ok || !(apostropheClitics[string(l)] || string(l) == "em") {
		return 0
	}
	return p.end
}

// afterWord reports whether a word rune comes right before i in the chunk.
func (s *Segmenter) afterWord(i int) bool {
	if i == s.cs {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s.src[s.cs:i])
	return isWordRune(r)
}

// shortYear recognizes a year written with an apostrophe and two digits: '05, '60s.
func (s *Segmenter) shortYear(i, w int) int {
	src, ce := s.src, s.ce
	if s.afterWord(i) || digitRun(src, i+w, ce) != 2 {
		return 0
	}
	e := i + w + 2
	if e < ce && src[e] == 's' {
		e++
	}
	if e < ce {
		if r, _ := runeAt(src, e); isWordRune(r) {
			return 0
		}
	}
	return e
}

// extension recognizes a file extension or domain written alone (.pdf, .com).
func (s *Segmenter) extension(i int) int {
	if i+1 >= s.ce || !isLetterByte(s.src[i+1]) {
		return 0
	}
	if i > s.cs {
		if r, _ := utf8.DecodeLastRuneInString(s.src[s.cs:i]); isWordRune(r) || r == '.' {
			return 0
		}
	}
	p := s.peek(i + 1)
	if !s.isDomainEnd(p, i+1) {
		return 0
	}
	return p.end
}

// urlEnd returns the end of a web address starting at i, or 0. Trailing punctuation is left out, and a closing
// parenthesis only when the address did not open one.
func (s *Segmenter) urlEnd(i int) int {
	src, ce := s.src, s.ce
	rest := src[i:ce]
	var n int
	switch c := src[i]; c {
	case 'h', 'H', 'f', 'F', 'w', 'W', 'm', 'M':
		for _, p := range [...]string{"http://", "https://", "ftp://", "www.", "mailto:"} {
			if len(rest) > len(p) && strings.EqualFold(rest[:len(p)], p) {
				n = len(p)
				break
			}
		}
	}
	if n == 0 {
		return 0
	}
	e := ce
	open := strings.Count(rest, "(") - strings.Count(rest, ")")
	for e > i+n {
		r, w := utf8.DecodeLastRuneInString(src[i:e])
		switch r {
		case '.', ',', ';', ':', '!', '?', '"', '\'', ']', '>', '}', '”', '’', '»':
			e -= w
			continue
		case ')':
			if open < 0 {
				open++
				e -= w
				continue
			}
		}
		break
	}
	if e == i+n {
		return 0
	}
	return e
}

// emailEnd returns the end of an e-mail address (or an address such as jsmith@CORP in old mail headers)
// whose local part starts at i, or 0.
func (s *Segmenter) emailEnd(i int) int {
	src, ce := s.src, s.ce
	if s.at < i { // find the next '@'; searches never overlap, so a chunk costs one pass in all
		if s.atFrom < i {
			s.atFrom = i
		}
		k := strings.IndexByte(src[s.atFrom:ce], '@')
		if k < 0 {
			s.at, s.atFrom = ce, ce
			return 0
		}
		s.at = s.atFrom + k
		s.atFrom = s.at + 1
		l := s.at
		for l > s.cs && isLocalByte(src[l-1]) {
			l--
		}
		for l < s.at && !isLetterByte(src[l]) && !isDigitByte(src[l]) {
			l++
		}
		s.atLocal = l
	}
	if s.at >= ce || i < s.atLocal || i >= s.at {
		return 0
	}
	e := s.at + 1
	for e < ce && (isLetterByte(src[e]) || isDigitByte(src[e]) || src[e] == '.' || src[e] == '-' || src[e] == '_') {
		e++
	}
	for e > s.at+1 && (src[e-1] == '.' || src[e-1] == '-') {
		e--
	}
	if e == s.at+1 {
		return 0
	}
	return e
}

func isLocalByte(c byte) bool {
	return isLetterByte(c) || isDigitByte(c) || c == '.' || c == '_' || c == '-' || c == '+' || c == '%'
}

func isEmoticon(tok string) bool {
	if len(tok) < 2 || len(tok) > 3 {
		return false
	}
	switch tok[0] {
	case ':', ';', '=', '^', '<', '-':
	default:
		return false
	}
	for _, e := range emoticons {
		if tok == e {
			return true
		}
	}
	return false
}

// emoticonEnd returns the end of an emoticon starting at i, or 0.
func (s *Segmenter) emoticonEnd(i int, r rune) int {
	switch r {
	case ':', ';', '=', '^', '<', '-':
	default:
		return 0
	}
	rest := s.src[i:s.ce]
	for _, e := range emoticons {
		if strings.HasPrefix(rest, e) {
			if len(rest) > len(e) {
				if r2, _ := runeAt(rest, len(e)); isWordRune(r2) {
					return 0
				}
			}
			return i + len(e)
		}
	}
	return 0
}
