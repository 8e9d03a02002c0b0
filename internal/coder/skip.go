package coder

import "github.com/dyad-events/dyad/internal/lexicon"

// mayHaveActor reports whether some word of the tagged, unparsed sentence could name or stand for an
// actor: a proper noun, a pronoun, a name or agent noun of the lexicon ("protesters", "the ministry"),
// or a noun that can take up actors met earlier ("the alliance" after "the NATO alliance", "the group",
// "the two leaders"). An event needs a source, so a sentence with none of these gives no event and is not
// parsed: background sentences ("The dispute has simmered for a decade") are about one in twelve of
// wire copy, and parsing is most of the work of coding. It fills s.key, s.lkey and s.upper.
func (w *worker) mayHaveActor(s *sentence) bool {
	s.surfaceKeys()
	lex := w.c.opt.Lexicon
	for i := range s.words {
		switch s.words[i].UPOS {
		case "PRON":
			return true
		case "PROPN":
			if !calendarWords[s.lkey[i]] { // "on Friday" names no one
				return true
			}
		case "NOUN":
			if s.lkey[i] == kGroup || pairNouns[s.lkey[i]] || w.remembersHead(s.lkey[i]) {
				return true
			}
		}
		for _, keys := range [2][]lexicon.Key{s.key, s.lkey} {
			if _, m := lex.Actors.Match(keys, s.upper, i); m > 0 {
				return true
			}
			if _, m := lex.Agents.Match(keys, s.upper, i); m > 0 {
				return true
			}
		}
	}
	return false
}

// calendarWords are the proper nouns of dates.
var calendarWords = func() map[lexicon.Key]bool {
	m := map[lexicon.Key]bool{}
	for _, w := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
		"november", "december", "jan.", "feb.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec."} {
		m[lexicon.KeyOf(w)] = true
	}
	return m
}()

// surfaceKeys fills the keys of the words' forms and lemmas and their capitalization, which an unparsed
// sentence needs for lexicon lookups.
func (s *sentence) surfaceKeys() {
	n := len(s.words)
	s.key, s.lkey, s.upper = growK(s.key, n), growK(s.lkey, n), growB(s.upper, n)
	for i := range s.words {
		s.key[i], s.lkey[i] = lexicon.KeyOf(s.words[i].Form), lexicon.KeyOf(s.words[i].Lemma)
		s.upper[i] = upperWord(s.words[i].Form)
	}
	s.keyed = true
}

// remembersHead reports whether an actor met earlier in the document has the head noun k.
func (w *worker) remembersHead(k lexicon.Key) bool {
	for _, r := range w.mem.recent {
		if r.headKey == k {
			return true
		}
	}
	return false
}
