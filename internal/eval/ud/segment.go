package ud

import (
	"strings"

	"github.com/dyad-events/dyad/internal/nlp/conllu"
	"github.com/dyad-events/dyad/internal/text"
)

// SegScores are exact-match scores of a tokenizer and sentence splitter against a treebank: a predicted token
// or sentence counts only if its byte span equals a gold one.
type SegScores struct {
	TokenP     float64 `json:"token_p"`
	TokenR     float64 `json:"token_r"`
	TokenF1    float64 `json:"token_f1"`
	SentP      float64 `json:"sentence_p"`
	SentR      float64 `json:"sentence_r"`
	SentF1     float64 `json:"sentence_f1"`
	GoldTokens int     `json:"gold_tokens"`
	GoldSents  int     `json:"gold_sentences"`
}

// SegSpan is a byte span [Start, End) in a SegDoc's Text.
type SegSpan struct{ Start, End int }

// SegDoc is one treebank document rebuilt as raw text, with the gold sentence and word spans in it.
type SegDoc struct {
	Text   string
	Sents  []SegSpan
	Tokens []SegSpan
	// Unaligned counts gold tokens whose form was not found where the sentence text said it would be; they
	// stay in the gold count (and so can never be matched) but have no span.
	Unaligned int
}

// SegDocs rebuilds each document's raw text from the gold "# text" lines: a new document starts at
// "# newdoc", paragraphs ("# newpar") are separated by a blank line and sentences within a paragraph by a
// space. Gold word spans come from aligning each surface token's form with the sentence text; a multiword
// token whose words spell it out (do + n't) gives each word its own span, any other counts as one span.
// Sentences without a "# text" line cannot be placed and are left out.
func SegDocs(gold []*conllu.Sentence) []SegDoc {
	var docs []SegDoc
	var sb strings.Builder
	var cur SegDoc
	flush := func() {
		if sb.Len() > 0 || len(cur.Sents) > 0 {
			cur.Text = sb.String()
			docs = append(docs, cur)
		}
		sb.Reset()
		cur = SegDoc{}
	}
	for _, s := range gold {
		if s.NewDoc {
			flush()
		}
		if s.Text == "" {
			continue
		}
		if sb.Len() > 0 {
			if s.NewPar {
				sb.WriteString("\n\n")
			} else {
				sb.WriteByte(' ')
			}
		}
		base := sb.Len()
		sb.WriteString(s.Text)
		cur.Sents = append(cur.Sents, SegSpan{base, base + len(s.Text)})
		toks, missed := alignWords(s)
		for _, t := range toks {
			cur.Tokens = append(cur.Tokens, SegSpan{base + t.Start, base + t.End})
		}
		cur.Unaligned += missed
	}
	flush()
	return docs
}

// alignWords finds the gold word spans in s.Text, and counts the tokens it could not place.
func alignWords(s *conllu.Sentence) ([]SegSpan, int) {
	var out []SegSpan
	missed := 0
	pos := 0
	for _, t := range s.Tokens() {
		for pos < len(s.Text) && isSpaceByte(s.Text[pos]) {
			pos++
		}
		if t.Form == "" {
			missed += t.Last - t.First + 1
			continue
		}
		if !strings.HasPrefix(s.Text[pos:], t.Form) {
			// The form is not where the text says it should be: look a little further (the text may hold a
			// character the form lacks), else count the token's words as unplaceable and go on from here.
			k := strings.Index(s.Text[pos:], t.Form)
			if k < 0 || k > alignSlack {
				missed += t.Last - t.First + 1
				continue
			}
			pos += k
		}
		start := pos
		pos += len(t.Form)
		if t.Last > t.First && t.Last <= len(s.Words) {
			words := s.Words[t.First-1 : t.Last]
			var b strings.Builder
			for _, w := range words {
				b.WriteString(w.Form)
			}
			if b.String() == t.Form {
				p := start
				for _, w := range words {
					out = append(out, SegSpan{p, p + len(w.Form)})
					p += len(w.Form)
				}
				continue
			}
		}
		out = append(out, SegSpan{start, pos})
	}
	return out, missed
}

// alignSlack is how far past the expected position alignWords looks for a form that is not there.
const alignSlack = 8

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// ScoreSegmentation runs seg on each document rebuilt from gold (see SegDocs) and scores its tokens and
// sentences by exact span match.
func ScoreSegmentation(gold []*conllu.Sentence, seg func(string) []text.Sentence) SegScores {
	var sc SegScores
	var tokHit, tokPred, sentHit, sentPred int
	for _, d := range SegDocs(gold) {
		sc.GoldTokens += len(d.Tokens) + d.Unaligned
		sc.GoldSents += len(d.Sents)
		goldTok := spanSet(d.Tokens)
		goldSent := spanSet(d.Sents)
		for _, s := range seg(d.Text) {
			sentPred++
			if sp := (SegSpan{s.Start, s.End}); goldSent[sp] {
				sentHit++
				delete(goldSent, sp) // a span predicted twice scores once
			}
			for _, t := range s.Tokens {
				tokPred++
				if sp := (SegSpan{t.Start, t.End}); goldTok[sp] {
					tokHit++
					delete(goldTok, sp)
				}
			}
		}
	}
	sc.TokenP, sc.TokenR, sc.TokenF1 = prf(tokHit, tokPred, sc.GoldTokens)
	sc.SentP, sc.SentR, sc.SentF1 = prf(sentHit, sentPred, sc.GoldSents)
	return sc
}

func spanSet(spans []SegSpan) map[SegSpan]bool {
	m := make(map[SegSpan]bool, len(spans))
	for _, s := range spans {
		m[s] = true
	}
	return m
}

// prf returns precision, recall and F1; each is 0 when its denominator is.
func prf(hit, pred, gold int) (p, r, f float64) {
	if pred > 0 {
		p = float64(hit) / float64(pred)
	}
	if gold > 0 {
		r = float64(hit) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}
