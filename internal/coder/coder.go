package coder

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/geo"
	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/ontology"
	"github.com/dyad-events/dyad/internal/source"
	"github.com/dyad-events/dyad/internal/text"
	"github.com/dyad-events/dyad/internal/timex"
)

// Options configure a Coder.
type Options struct {
	Pipeline *nlp.Pipeline      // required
	Lexicon  *lexicon.Lexicon   // required
	Ontology *ontology.Ontology // required
	// Gazetteer places events; nil leaves every location empty.
	Gazetteer *geo.Gazetteer
	// NoDates dates every event by its story, as other coders do (for measuring what dating costs).
	NoDates bool
	// Targetless keeps events whose target slot holds a thing rather than an actor ("demanded elections",
	// "resigned"), with no target, as GDELT does; by default such events are dropped, as ICEWS does.
	Targetless bool
	// IncludeNegated keeps events whose predicate is negated ("did not attack"), marked Negated.
	IncludeNegated bool
	// Explain adds the lexicon entry and the parse path to every event.
	Explain bool
	// Petrarch codes the way PETRARCH-1/TABARI do (see petrarch.go), for PETRARCH dictionaries.
	Petrarch Petrarch
}

// Coder turns documents into events. It is safe for concurrent use.
type Coder struct {
	opt   Options
	pool  sync.Pool
	timex *timex.Resolver
}

// New returns a Coder.
func New(opt Options) (*Coder, error) {
	if opt.Pipeline == nil || opt.Lexicon == nil || opt.Ontology == nil {
		return nil, errors.New("coder: pipeline, lexicon and ontology are required")
	}
	c := &Coder{opt: opt, timex: timex.New()}
	c.pool.New = func() any { return &worker{c: c, ann: opt.Pipeline.NewAnnotator().SkipPunctuation(), surface: -1} }
	return c, nil
}

// worker holds the scratch space of one goroutine.
type worker struct {
	c     *Coder
	ann   *nlp.Annotator
	mem   memory
	sents []*sentence
	win   []int
	used  []int
	taken []bool // tokens consumed by a verb pattern, so that a nominal event is not coded twice
	pos   charPos
	on    time.Time // the date actors are resolved on
	locs  []int
	play  []string
	// the last target each source addressed, for "the spokesman threatened consequences"
	addressed []addressed
	dated     []event.Event // events with a date of their own, for later mentions of them
	// places of the article: how often each was named in a locative phrase, and the leader
	salience     map[int]int
	salientID    int
	docCountries []string
	pet          petScratch // PETRARCH coding (petrarch.go)
	// surface is the token being matched as a verb that the tagger missed (surfaceVerb), or -1: its clause is
	// the words after it
	surface int
	// notCode is the source of the event whose object is being resolved: an object pronoun ("accusing it")
	// is not its own clause's subject
	notCode []string
	// refusal is set while a negated promise ("would not accept the ruling") is coded as a refusal
	refusal bool
}

// Code codes one document. Events come in text order.
func (c *Coder) Code(ctx context.Context, doc *source.Document) ([]event.Event, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	w := c.pool.Get().(*worker)
	defer c.pool.Put(w)
	return w.code(ctx, doc)
}

// maxSentences bounds the work on one document; the rest is left uncoded with an error.
const maxSentences = 20000

func (w *worker) code(ctx context.Context, doc *source.Document) ([]event.Event, error) {
	w.mem.reset()
	w.addressed = w.addressed[:0]
	w.dated = w.dated[:0]
	w.pos = charPos{src: doc.Text}
	w.on = doc.Published
	clear(w.salience)
	if w.salience == nil {
		w.salience = map[int]int{}
	}
	w.salientID = 0
	w.docCountries = w.docCountries[:0]
	lead := doc.Lead
	if lead <= 0 || lead > len(doc.Text) {
		// a document built by hand rather than by the readers: look for the dateline here
		_, lead, _ = source.Dateline(doc.Text)
	}
	segs := text.Segment(doc.Text[lead:])
	if lead > 0 {
		// the dateline is no part of the first sentence: it would only confuse the parse
		for i := range segs {
			segs[i].Start += lead
			segs[i].End += lead
			for j := range segs[i].Tokens {
				segs[i].Tokens[j].Start += lead
				segs[i].Tokens[j].End += lead
			}
		}
	}
	var events []event.Event
	var err error
	if len(segs) > maxSentences {
		err = fmt.Errorf("%s: %d sentences; coded the first %d", doc.ID, len(segs), maxSentences)
		segs = segs[:maxSentences]
	}
	for len(w.sents) < len(segs) {
		w.sents = append(w.sents, &sentence{})
	}
	lex := w.c.opt.Lexicon
	for i, seg := range segs {
		if i%64 == 0 {
			if e := ctx.Err(); e != nil {
				return events, e
			}
		}
		s := w.sents[i]
		s.index, s.start, s.end, s.text = i, seg.Start, seg.End, doc.Text[seg.Start:seg.End]
		s.charStart = w.pos.at(seg.Start)
		s.words, s.keyed = s.words[:0], false
		for _, t := range seg.Tokens {
			s.words = append(s.words, nlp.Word{Form: t.Text, Start: t.Start, End: t.End})
		}
		if len(s.words) == 0 {
			continue
		}
		w.ann.Tag(s.words)
		if !w.c.opt.Petrarch.Enabled && (!w.mayHaveEvent(s) || !w.mayHaveActor(s)) {
			// no word of the sentence heads a pattern, or none could be the source: it cannot give an
			// event, so it is not parsed
			if w.storyDiscard(s) {
				return nil, err
			}
			continue
		}
		w.ann.Parse(s.words)
		s.build(lex)
		if d, ok := w.discard(s); ok {
			if d.Story {
				return nil, err // the whole story is not political
			}
			// a sentence-level cue ("cyclone", "share prices") rules out a sentence that names no political
			// actor; "roads destroyed by the cyclone" does not stop Malawi's appeal to the World Bank
			if !politicalActor(s) || w.cueOwnsActor(s) {
				continue
			}
		}
		w.notePlaces(s)
		if w.c.opt.Petrarch.Enabled {
			events = w.codePetrarch(doc, s, events)
			continue
		}
		n := len(events)
		events = w.codeSentence(doc, s, events)
		sharePlace(events[n:])
	}
	w.fillSalient(events)
	for i := range events {
		if e := &events[i]; e.Location == nil {
			e.Location = w.actorPlace(e.Source, e.Target, e.Root)
		}
	}
	return events, err
}

// mayHaveEvent reports whether some word of the tagged sentence heads a verb or noun pattern.
func (w *worker) mayHaveEvent(s *sentence) bool {
	lex := w.c.opt.Lexicon
	for i := range s.words {
		wd := &s.words[i]
		k := lexicon.KeyOf(wd.Lemma)
		if len(lex.VerbPatterns(k)) > 0 || len(lex.NounPatterns(k)) > 0 {
			return true
		}
		f := lexicon.KeyOf(wd.Form)
		if _, ok := lex.Forms[f]; ok || len(lex.VerbPatterns(f)) > 0 {
			return true
		}
		if ik, ok := irregular[f]; ok && len(lex.VerbPatterns(ik)) > 0 {
			return true
		}
		if strings.HasSuffix(wd.Form, "ed") && len(lex.VerbPatterns(lexicon.KeyOf(wd.Lemma+"e"))) > 0 {
			return true
		}
	}
	// a verb the tagger missed (surfaceVerb): a past form after a noun, before any verb of the sentence
	for i := 1; i+1 < len(s.words); i++ {
		if u := s.words[i].UPOS; u == "VERB" || u == "AUX" {
			break
		}
		if _, ok := w.pastForm(s.words[i-1].UPOS, &s.words[i]); ok {
			return true
		}
	}
	return false
}

// storyDiscard reports whether an unparsed sentence holds a story-level discard phrase.
func (w *worker) storyDiscard(s *sentence) bool {
	s.surfaceKeys()
	d := w.c.opt.Lexicon.Discards
	for i := range s.words {
		for _, keys := range [][]lexicon.Key{s.key, s.lkey} {
			if v, m := d.Match(keys, s.upper, i); m > 0 && v.Story {
				return true
			}
		}
	}
	return false
}

// politicalActor reports whether the sentence names a country, capital, organisation, group or person of
// the lexicon.
func politicalActor(s *sentence) bool {
	for i := range s.words {
		if m := s.actorAt[i]; m.n > 0 {
			return true
		}
	}
	return false
}

// discard reports a discard phrase in the sentence.
func (w *worker) discard(s *sentence) (lexicon.Discard, bool) {
	d := w.c.opt.Lexicon.Discards
	for i := range s.words {
		if v, n := d.Match(s.key, s.upper, i); n > 0 {
			return v, true
		}
		if v, n := d.Match(s.lkey, s.upper, i); n > 0 {
			return v, true
		}
	}
	return lexicon.Discard{}, false
}

// verbs whose negated promise is a refusal ("would not accept", "will not attend")
var refusalVerbs = keySet("accept", "allow", "permit", "let", "recognise", "recognize", "attend", "join",
	"negotiate", "sign", "extradite", "tolerate", "comply", "participate", "ratify", "admit")

// negatedModal reports "will not", "would never", "cannot" on verb p: a refusal stated as a promise.
func negatedModal(s *sentence, p int) bool {
	modal, neg := false, false
	for _, c := range s.children(p) {
		switch s.rel[c] {
		case "aux":
			switch {
			case s.lkey[c] == kWill || s.key[c] == kWould || s.lkey[c] == kCan:
				modal = true
			case s.lkey[c] == kNot || s.key[c] == kNt:
				neg = true
			}
			if s.key[c] == kWont || s.key[c] == kCannot {
				modal, neg = true, true
			}
		case "advmod":
			if s.lkey[c] == kNot || s.lkey[c] == kNever || s.key[c] == kNt {
				neg = true
			}
		}
	}
	return modal && neg
}

// cueOwnsActor reports a sentence-level discard cue in the same noun phrase as a named actor: "France's
// rugby team", "their Brazilian winger" name a side or a player, not a state.
func (w *worker) cueOwnsActor(s *sentence) bool {
	d := w.c.opt.Lexicon.Discards
	for i := range s.words {
		n := 0
		for _, keys := range [][]lexicon.Key{s.key, s.lkey} {
			if v, m := d.Match(keys, s.upper, i); m > 0 && !v.Story {
				n = max(n, m)
			}
		}
		if n == 0 {
			continue
		}
		g := i + n - 1 // the cue's last word: "rugby" in "rugby team" hangs on "team"
		if n > 1 && !s.isNominal(g) && s.isNominal(i) {
			g = i // "shares retreated": the cue's noun is its first word
		}
		switch s.rel[g] {
		case "compound", "amod", "flat":
			g = s.head[g]
		}
		if g < 0 || !s.isNominal(g) {
			continue
		}
		if modifiedByActor(s, g) {
			return true
		}
		lo, hi := s.subtreeSpan(g)
		if hi-lo > 8 {
			continue // a long phrase holds more than one noun phrase
		}
		for t := lo; t <= hi; t++ {
			if s.inActor[t] >= 0 {
				return true
			}
		}
	}
	return false
}

// modifiedByActor reports an actor word directly modifying noun g ("Argentine shares"), which holds even
// when a misparse hangs the rest of the sentence on g.
func modifiedByActor(s *sentence, g int) bool {
	for _, c := range s.children(g) {
		switch s.rel[c] {
		case "amod", "compound", "nmod:poss":
			if s.inActor[c] >= 0 {
				return true
			}
		}
	}
	return false
}

// codeSentence finds the sentence's predicates and codes them.
func (w *worker) codeSentence(doc *source.Document, s *sentence, events []event.Event) []event.Event {
	lex := w.c.opt.Lexicon
	n := len(s.words)
	w.taken = growB(w.taken, n)
	clear(w.taken)
	first := len(events)
	// verbs first, so that their pattern words are taken before nominal events are considered
	for p := 0; p < n; p++ {
		if !s.isVerb(p) {
			// a verb the tagger took for a noun, adjective or preposition ("gunmen shot/NOUN dead")
			if k, ok := w.surfaceVerb(s, p); ok {
				w.surface = p
				m, ok := w.bestMatch(s, p, lex.VerbPatterns(k))
				w.surface = -1
				if ok && !m.pat.IsNull() {
					for _, u := range m.used {
						w.taken[u] = true
					}
					w.taken[p] = true
					events = w.emit(doc, s, p, &m, false, events)
				}
			}
			continue
		}
		if w.taken[p] {
			// a verb that an earlier predicate's pattern used ("agreed to share intelligence", "ordered its
			// troops to retreat") is part of that event, not one of its own
			continue
		}
		pats := lex.VerbPatterns(s.lkey[p])
		if len(pats) == 0 {
			if k, ok := lex.Forms[s.key[p]]; ok {
				pats = lex.VerbPatterns(k)
			}
		}
		if len(pats) == 0 {
			// an irregular past form the lemmatizer left as it was ("froze", "overran")
			if k, ok := irregular[s.key[p]]; ok {
				pats = lex.VerbPatterns(k)
			}
		}
		if len(pats) == 0 && strings.HasSuffix(s.words[p].Form, "ed") {
			// an unseen past form stripped one letter too far ("massacred" → "massacr"): try the stem with e
			pats = lex.VerbPatterns(lexicon.KeyOf(s.words[p].Lemma + "e"))
		}
		if refusalVerbs[s.lkey[p]] && negatedModal(s, p) {
			// "would not accept a ruling", "will never recognise the vote": the refusal is the event, coded
			// with the lexicon's own refusal patterns over the verb's clause
			pats, w.refusal = lex.VerbPatterns(kRefuse), true
		}
		m, ok := w.bestMatch(s, p, pats)
		if !ok {
			w.refusal = false
			continue
		}
		for _, u := range m.used {
			w.taken[u] = true
		}
		if m.pat.IsNull() {
			w.refusal = false
			continue
		}
		events = w.emit(doc, s, p, &m, false, events)
		w.refusal = false
	}
	for p := 0; p < n; p++ {
		if s.words[p].UPOS != "NOUN" && s.words[p].UPOS != "PROPN" {
			continue
		}
		if w.taken[p] {
			continue
		}
		if p+1 < n && s.agentAt[p+1].n > 0 && s.words[p+1].UPOS == "NOUN" {
			// "riot police", "protest leaders": the event noun only says what kind of agent follows
			continue
		}
		pats := lex.NounPatterns(s.lkey[p])
		if len(pats) == 0 && s.key[p] != s.lkey[p] {
			// a hyphenated compound ("cease-fire", "build-up") is known by its whole form
			pats = lex.NounPatterns(s.key[p])
		}
		m, ok := w.bestMatch(s, p, pats)
		if !ok || m.pat.IsNull() {
			continue
		}
		events = w.emit(doc, s, p, &m, true, events)
	}
	return dedupe(w.dropSayings(s, events, first), first)
}

// surfaceVerb reports a past-tense verb that the tagger took for a noun, an adjective or a preposition right
// after its subject ("Unidentified gunmen shot/NOUN dead …", "Iraqi troops fought/ADP …"), and the key of its
// verb lemma when the lexicon has patterns for it. The cues are the surface ones a reader uses when the parse
// has no verb: an actor or agent phrase ends just before the word, no verb comes before it in the sentence,
// the word is a past form of a known verb, and a phrase follows it.
func (w *worker) surfaceVerb(s *sentence, p int) (lexicon.Key, bool) {
	switch s.words[p].UPOS {
	case "NOUN", "ADJ", "ADP":
	default:
		return 0, false
	}
	if p > 0 && p+1 < len(s.words) && strings.EqualFold(s.words[p].Form, "shot") {
		// "shot down", "shot dead" are verbs whatever the tagger says, and often follow a name it splits
		// ("a Turkish F-16 shot down …", "Russian air defences shot down …")
		// with an object after it: "the airliner shot down near Tehran" is a passive participle
		if nx := s.lkey[p+1]; (nx == kDown || nx == kDead) && p+2 < len(s.words) && objectStart(s.words[p+2].UPOS) {
			if len(w.c.opt.Lexicon.VerbPatterns(kShoot)) > 0 {
				return kShoot, true
			}
		}
	}
	if p == 0 || p+1 >= len(s.words) || !w.actorEndsAt(s, p-1) {
		return 0, false
	}
	switch s.words[p+1].UPOS {
	case "PUNCT", "VERB", "AUX", "CCONJ", "PART", "SCONJ":
		return 0, false
	}
	for i := 0; i < p; i++ {
		if u := s.words[i].UPOS; u == "VERB" || u == "AUX" {
			return 0, false
		}
	}
	return w.pastForm(s.words[p-1].UPOS, &s.words[p])
}

func objectStart(upos string) bool {
	return upos == "DET" || upos == "NUM" || upos == "ADJ" || upos == "NOUN" || upos == "PROPN" || upos == "PRON"
}

var (
	kShoot = lexicon.KeyOf("shoot")
	kDown  = lexicon.KeyOf("down")
	kDead  = lexicon.KeyOf("dead")
)

// pastForm reports whether wd, tagged a noun, an adjective or a preposition after a word tagged prev, is the
// past form of a verb with patterns, and returns the verb's key. The lemmatizer is asked only when the cheap
// cues hold, so that an ordinary sentence costs nothing.
func (w *worker) pastForm(prev string, wd *nlp.Word) (lexicon.Key, bool) {
	if prev != "NOUN" && prev != "PROPN" {
		return 0, false
	}
	switch wd.UPOS {
	case "NOUN", "ADJ", "ADP":
	default:
		return 0, false
	}
	f := wd.Form
	if len(f) < 3 || strings.HasSuffix(f, "s") || strings.HasSuffix(f, "ing") || upperFirst(f) {
		return 0, false
	}
	lm := w.c.opt.Pipeline.Lemmas
	if lm == nil {
		return 0, false
	}
	l := lm.Lemma(f, "VERB", "VBD")
	k := lexicon.KeyOf(l)
	if strings.EqualFold(l, f) {
		var ok bool
		if k, ok = irregular[k]; !ok {
			return 0, false // no past form: "attack", "raid" are nouns here
		}
	}
	if len(w.c.opt.Lexicon.VerbPatterns(k)) == 0 {
		return 0, false
	}
	return k, true
}

// actorEndsAt reports whether an actor name or an agent noun phrase ends at token i.
func (w *worker) actorEndsAt(s *sentence, i int) bool {
	if u := s.words[i].UPOS; u != "NOUN" && u != "PROPN" {
		return false
	}
	if m := s.inActor[i]; m >= 0 && m+s.actorAt[m].n-1 == i {
		return true
	}
	for j := i; j >= 0 && j > i-4; j-- {
		if n := s.agentAt[j].n; n > 0 && j+n-1 == i {
			return true
		}
	}
	return false
}

// dedupe keeps one event per source, target and CAMEO root within a sentence: "pledged to send aid" and
// "send aid" say one thing. The most confident one stays.
func dedupe(events []event.Event, first int) []event.Event {
	out := events[:first]
	for i := first; i < len(events); i++ {
		e := events[i]
		dup := -1
		for j := first; j < len(out); j++ {
			if o := out[j]; o.Root == e.Root && o.Source.Code == e.Source.Code && codeOrEmpty(o.Target) == codeOrEmpty(e.Target) {
				dup = j
				break
			}
		}
		switch {
		case dup < 0:
			out = append(out, e)
		case e.Confidence > out[dup].Confidence:
			out[dup] = e
		}
	}
	return out
}

// dropSayings removes a bare statement (010) whose complement clause carries an event of its own: "X said
// Y attacked Z" is the attack, reported by X.
func (w *worker) dropSayings(s *sentence, events []event.Event, first int) []event.Event {
	out := events[:first]
	for i := first; i < len(events); i++ {
		e := events[i]
		if e.CAMEO == "010" {
			covered := false
			for j := first; j < len(events); j++ {
				if j != i && events[j].Attribution != nil && events[j].Attribution.Start <= e.Verb.Start && e.Verb.End <= events[j].Attribution.End {
					covered = true
					break
				}
			}
			if covered {
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

// charPos converts increasing byte offsets into character offsets of one document in a single pass.
type charPos struct {
	src    string
	byteAt int
	runeAt int
}

func (c *charPos) at(b int) int {
	if b < c.byteAt {
		c.byteAt, c.runeAt = 0, 0
	}
	if b > len(c.src) {
		b = len(c.src)
	}
	c.runeAt += utf8.RuneCountInString(c.src[c.byteAt:b])
	c.byteAt = b
	return c.runeAt
}

func eventID(docID string, sent, verbStart int, code, src, tgt string) string {
	h := sha256.New()
	for _, p := range []string{docID, strconv.Itoa(sent), strconv.Itoa(verbStart), code, src, tgt} {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

func dateOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// irregular maps the past forms of irregular verbs of political action to their lemma, for the forms the
// statistical lemmatizer leaves unchanged; it is read-only after init.
var irregular = func() map[lexicon.Key]lexicon.Key {
	m := make(map[lexicon.Key]lexicon.Key)
	for _, l := range []string{
		"freeze froze frozen", "shoot shot", "strike struck stricken", "fight fought", "overrun overran",
		"withdraw withdrew withdrawn", "seek sought", "steal stole stolen", "break broke broken",
		"forbid forbade forbidden", "swear swore sworn", "throw threw thrown", "drive drove driven",
		"beat beaten", "flee fled", "lead led", "meet met", "hold held", "send sent", "give gave given",
		"take took taken", "speak spoke spoken", "tell told", "sell sold", "buy bought", "bring brought",
		"undertake undertook undertaken", "overthrow overthrew overthrown", "shake shook shaken",
		"blow blew blown", "slay slew slain", "uphold upheld", "withhold withheld", "forgive forgave forgiven",
		"lay laid", "hang hung", "rebuild rebuilt", "lend lent", "spend spent", "win won", "lose lost",
		"sink sank sunk", "stand stood", "write wrote written", "choose chose chosen", "begin began begun",
		"tear tore torn", "sweep swept", "keep kept", "leave left", "deal dealt", "pay paid", "fly flew flown",
		"bear bore borne", "seize seized", "bid bade", "ride rode ridden", "arise arose arisen",
		"foresee foresaw foreseen", "oversee oversaw overseen", "mislead misled", "outlaw outlawed",
		"override overrode overridden", "overtake overtook overtaken", "uphold upheld", "undo undid undone",
		"shut shut", "cut cut", "hit hit", "set set", "put put", "quit quit", "spread spread", "bind bound",
		"grind ground", "feed fed", "hide hid hidden", "bite bit bitten", "shrink shrank shrunk",
		"forsake forsook forsaken", "wake woke woken", "weave wove woven", "wring wrung", "sting stung",
		"strive strove striven", "sling slung", "spit spat", "light lit", "creep crept", "dig dug",
	} {
		f := strings.Fields(l)
		for _, form := range f[1:] {
			m[lexicon.KeyOf(form)] = lexicon.KeyOf(f[0])
		}
	}
	return m
}()
