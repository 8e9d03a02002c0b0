package text

import (
	"strings"
	"unicode/utf8"
)

// The sentence splitter runs inside emit, one token behind the tokenizer: a sentence-final mark opens a
// pending decision that the next token settles, closing quotes and brackets written against the mark join
// the sentence first. Blank lines always end a sentence; a single line break ends one after a short line
// (headline, salutation, signature), after a line too long to be wrapped prose, or before a list item. The
// thresholds were chosen on the EWT development set rebuilt with single line breaks between paragraphs and,
// to guard against splitting wrapped prose, with its paragraphs hard-wrapped at 72 columns.

// maxSentenceTokens bounds a sentence: text without usable punctuation is cut into pieces of about this size
// so that later stages (the parser is quadratic or worse) keep a bounded cost.
const maxSentenceTokens = 250

// cutWindow is how far back from the cap a natural cut point (comma, semicolon, conjunction) is sought.
const cutWindow = 100

// shortLine is the length in characters under which a line that ends without punctuation is taken to be a unit of
// its own (a headline, "Dear Sir,", a name under a letter) rather than a line of wrapped prose.
const shortLine = 50

// longLine is the length in characters over which a line cannot be wrapped prose (wrapping keeps lines under about
// 80 columns), so the break after it ends a paragraph written on one line.
const longLine = 80

type pendKind uint8

const (
	pendNone     pendKind = iota
	pendStop              // . ! ? and runs of them
	pendEllipsis          // ... or …
	pendAbbrev            // a word that kept its period: U.S., Inc., J.
	pendEmoticon          // :) and the like often stand in for a full stop in web text
)

func (s *Segmenter) emit(start, end int) {
	src := s.src
	tok := src[start:end]
	k := len(s.toks)
	if k == 0 {
		s.lineStart = start
	} else {
		prevEnd := s.toks[k-1].End
		nl := newlines(src[prevEnd:start])
		if k > s.sentTok {
			switch {
			case nl >= 2:
				s.close()
			case s.pend != pendNone:
				if nl == 0 && prevEnd == start && closers[tok] {
					break // the quote or bracket closes the sentence; the decision waits for the next token
				}
				if s.boundary(tok, nl) || (nl == 1 && s.lineBreak(tok, end)) {
					s.close()
				} else {
					s.pend = pendNone
				}
			case (nl == 1 && s.lineBreak(tok, end)) || s.mailBreak(tok):
				s.close()
			}
		}
		if nl > 0 {
			s.lineStart = start
		}
	}
	s.toks = append(s.toks, Token{Text: tok, Start: start, End: end})
	// A mark that opens a sentence ("...and then") cannot end it.
	if kind := terminalKind(tok); kind != pendNone && len(s.toks)-1 > s.sentTok {
		s.pend, s.pendTok = kind, len(s.toks)-1
	}
	if len(s.toks)-s.sentTok >= maxSentenceTokens {
		s.cut()
	}
}

// close ends the open sentence after the last token. An abbreviation that ends a sentence gives up its period
// as a token of its own (etc. → etc .), as EWT does.
func (s *Segmenter) close() {
	k := len(s.toks)
	if s.pend == pendAbbrev && s.pendTok >= s.sentTok {
		s.splitPeriod(s.pendTok)
		k++
	}
	s.closeAt(k)
}

func (s *Segmenter) closeAt(k int) {
	if !s.tokensOnly {
		// Start and End hold token indexes until finish turns them into byte offsets.
		s.sents = append(s.sents, Sentence{Start: s.sentTok, End: k})
	}
	s.sentTok = k
	s.pend = pendNone
}

func (s *Segmenter) splitPeriod(p int) {
	t := s.toks[p]
	s.toks = append(s.toks, Token{})
	copy(s.toks[p+2:], s.toks[p+1:])
	s.toks[p] = Token{Text: s.src[t.Start : t.End-1], Start: t.Start, End: t.End - 1}
	s.toks[p+1] = Token{Text: s.src[t.End-1 : t.End], Start: t.End - 1, End: t.End}
}

// cut ends an over-long sentence at the last comma, semicolon or conjunction within cutWindow tokens, or
// right here when there is none. Each cut scans a bounded window, so the cost stays linear.
func (s *Segmenter) cut() {
	n := len(s.toks)
	at := n
	for i := n - 1; i > s.sentTok && i >= n-cutWindow; i-- {
		t := s.toks[i].Text
		if t == "," || t == ";" || t == ":" {
			at = i + 1
			break
		}
		if conjunctions[t] {
			at = i
			break
		}
	}
	if s.pend != pendNone && s.pendTok >= at {
		pend, pendTok := s.pend, s.pendTok
		s.closeAt(at)
		s.pend, s.pendTok = pend, pendTok
		return
	}
	s.closeAt(at)
}

func (s *Segmenter) finish() {
	if len(s.toks) > s.sentTok {
		s.close()
	}
	for i := range s.sents {
		a, b := s.sents[i].Start, s.sents[i].End
		s.sents[i] = Sentence{Start: s.toks[a].Start, End: s.toks[b-1].End, Tokens: s.toks[a:b:b]}
	}
}

// terminalKind tells whether tok can end a sentence.
func terminalKind(tok string) pendKind {
	last := tok[len(tok)-1]
	if last == '.' || last == '!' || last == '?' {
		dots := 0
		for i := 0; i < len(tok); i++ {
			switch tok[i] {
			case '.':
				dots++
			case '!', '?':
			default:
				return pendAbbrev // a word that kept its period
			}
		}
		if dots >= 2 && dots == len(tok) {
			return pendEllipsis
		}
		return pendStop
	}
	if last < utf8.RuneSelf {
		if isEmoticon(tok) {
			return pendEmoticon
		}
		return pendNone
	}
	switch r, _ := utf8.DecodeLastRuneInString(tok); r {
	case '…':
		return pendEllipsis
	case '。', '！', '？', '؟', '।', '‼', '⁇', '⁈', '⁉':
		return pendStop
	}
	return pendNone
}

// boundary decides whether the pending sentence end holds, given the next token.
func (s *Segmenter) boundary(tok string, nl int) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	switch s.pend {
	case pendStop:
		return startsSentence(r, tok)
	case pendEllipsis, pendEmoticon:
		// Writers run on after "..." or ":)" far more often than after a full stop; only a capital says a new
		// sentence has begun.
		return isUpper(r)
	case pendAbbrev:
		return s.afterAbbrev(tok, r, nl)
	}
	return false
}

// startsSentence reports whether a token can open a sentence after a full stop: anything but punctuation that
// continues one (a comma, a closing bracket, more stops).
func startsSentence(r rune, tok string) bool {
	switch r {
	case ',', ';', ':', ')', ']', '}', '.', '!', '?', '%', '…':
		return false
	}
	return true
}

// afterAbbrev decides whether a sentence ends after an abbreviation with a period.
func (s *Segmenter) afterAbbrev(next string, r rune, nl int) bool {
	t := s.toks[s.pendTok].Text
	word := t[:len(t)-1]
	class := abbrevs[word]
	switch {
	case class == abbrTitle:
		return false
	case (class == abbrNumber || class == abbrDate) && isDigit(r):
		return false
	case class == abbrList:
		return isUpper(r) // "etc." ends lists, and lists often end sentences
	}
	if !startsSentence(r, next) || isLower(r) {
		return false
	}
	return starters[next] || (nl > 0 && isUpper(r) && strings.IndexByte(word, '.') >= 0)
}

// mailBreak finds the sentence ends that e-mail and letters mark only with a line break, which text extraction
// often loses: after a closing formula ("Best regards," then the name) and after a header's time stamp
// ("08/16/2000 12:05 PM" then the message).
func (s *Segmenter) mailBreak(next string) bool {
	k := len(s.toks)
	last := s.toks[k-1].Text
	if last != "," && last != "AM" && last != "PM" {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(next); !isUpper(r) {
		return false
	}
	switch {
	case last == "," && k-s.sentTok >= 2 && k-s.sentTok <= 3:
		first := s.toks[s.sentTok].Text
		if k-s.sentTok == 2 {
			return valedictions[first]
		}
		second := s.toks[s.sentTok+1].Text
		return valedictions2[first] && (valedictions[second] || second == "you" || second == "wishes")
	case (last == "AM" || last == "PM") && k-s.sentTok >= 3:
		return isClock(s.toks[k-2].Text) && strings.Count(s.toks[k-3].Text, "/") == 2
	}
	return false
}

// isClock reports a time of day written with colons: 9:05, 11:21:07.
func isClock(t string) bool {
	colons := 0
	for i := 0; i < len(t); i++ {
		switch {
		case t[i] == ':':
			colons++
		case !isDigitByte(t[i]):
			return false
		}
	}
	return colons == 1 || colons == 2
}

// lineBreak decides whether a single line break ends the open sentence when no punctuation did.
func (s *Segmenter) lineBreak(next string, end int) bool {
	if listMarker(s.src, next, end) {
		return true
	}
	n := utf8.RuneCountInString(s.src[s.lineStart:s.toks[len(s.toks)-1].End])
	return n < shortLine || n > longLine
}

// listMarker reports whether tok, ending at end, begins a list item: a bullet, or a short number or letter
// followed by "." or ")".
func listMarker(src, tok string, end int) bool {
	switch tok {
	case "-", "*", "•", "·", "◦", "▪", "–", "—", "o":
		return true
	}
	if len(tok) <= 3 && end < len(src) && (src[end] == '.' || src[end] == ')') {
		for i := 0; i < len(tok); i++ {
			if !isDigitByte(tok[i]) && !(len(tok) == 1 && isLetterByte(tok[i])) {
				return false
			}
		}
		return true
	}
	return false
}

// newlines counts line breaks in the whitespace between two tokens; 2 stands for a blank line or more.
func newlines(gap string) int {
	if gap == " " || gap == "" {
		return 0
	}
	n := 0
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '\n':
			n++
		case '\r':
			if i+1 >= len(gap) || gap[i+1] != '\n' {
				n++
			}
		case '\f':
			n += 2
		case 0xe2:
			if strings.HasPrefix(gap[i:], "\u2028") {
				n++
			} else if strings.HasPrefix(gap[i:], "\u2029") {
				n += 2
			}
		case 0xc2:
			if i+1 < len(gap) && gap[i+1] == 0x85 {
				n++
			}
		}
		if n >= 2 {
			return 2
		}
	}
	return n
}
