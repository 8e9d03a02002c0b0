package text

// Token is a surface token; Text == src[Start:End] always (byte offsets into the cleaned input).
type Token struct {
	Text       string
	Start, End int
}

// Sentence is a span of the source with its tokens. Start is the first token's Start and End the last token's
// End, so the span never begins or ends with whitespace.
type Sentence struct {
	Start, End int
	Tokens     []Token
}

// Tokenize returns the tokens of src. They are the tokens Segment would give, so a fragment and the document
// it came from are tokenized alike (a sentence-final abbreviation gives up its period, as in EWT).
func Tokenize(src string) []Token {
	s := Segmenter{tokensOnly: true}
	s.toks = make([]Token, 0, estimateTokens(src))
	s.run(src)
	return s.toks[:len(s.toks):len(s.toks)]
}

// Segment tokenizes src and splits it into sentences.
func Segment(src string) []Sentence {
	var s Segmenter
	s.toks = make([]Token, 0, estimateTokens(src))
	s.sents = make([]Sentence, 0, len(src)/100+1)
	s.run(src)
	return s.sents
}

// Segmenter does what Segment and Tokenize do but keeps its buffers between calls, so that a long-running
// process segments document after document without allocating. A Segmenter is not safe for concurrent use;
// give each goroutine its own. The zero value is ready to use.
type Segmenter struct {
	src        string
	toks       []Token
	sents      []Sentence
	tokensOnly bool // Tokenize: skip recording sentences

	// chunk state: the whitespace-free run being tokenized and the e-mail address search within it.
	cs, ce  int
	at      int // position of the next '@' at or after the scan point; ce when there is none
	atLocal int // start of the local part before at
	atFrom  int // where the next '@' search starts

	// sentence state
	sentTok   int      // index of the first token of the open sentence
	pend      pendKind // the open sentence may end after toks[pendTok]; decided by the next token
	pendTok   int
	lineStart int // byte offset of the first token on the current line
}

// Segment is like the package-level Segment, but the result (sentences and their tokens) is only valid until
// the next call on s.
func (s *Segmenter) Segment(src string) []Sentence {
	s.toks = s.toks[:0]
	s.sents = s.sents[:0]
	s.tokensOnly = false
	s.run(src)
	return s.sents
}

// Tokenize is like the package-level Tokenize, but the result is only valid until the next call on s.
func (s *Segmenter) Tokenize(src string) []Token {
	s.toks = s.toks[:0]
	s.sents = s.sents[:0]
	s.tokensOnly = true
	s.run(src)
	return s.toks
}

// estimateTokens pre-sizes the token slice: English news averages a little over five bytes per token
// including the space, so this rarely needs to grow and rarely wastes much.
func estimateTokens(src string) int {
	return len(src)/4 + 4
}

func (s *Segmenter) run(src string) {
	s.src = src
	s.sentTok = 0
	s.pend = pendNone
	s.pendTok = 0
	s.lineStart = 0
	s.scan()
	s.finish()
	s.src = ""
}
