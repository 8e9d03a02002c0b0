package tagger

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/nlp/conllu"
	"github.com/dyad-events/dyad/internal/nlp/perceptron"
)

// Options control training. Zero numeric fields take the defaults of DefaultOptions; a negative Prune,
// Blend, Sure or CacheSize turns pruning, blending, keeping sure first-pass tags or the cache off.
type Options struct {
	Iterations int    // passes over the training data, for each perceptron
	Seed       uint64 // seeds the shuffling of the training sentences, so training is deterministic

	OnePass bool // train and use only the left-to-right pass
	// NoLeaveOneOut gives training words the dictionary entries of all their uses, their own included,
	// instead of those of their other uses.
	NoLeaveOneOut bool

	MinDictCount  int     // a word seen fewer times gets no tag-dictionary features, like an unknown word
	AmbShare      float64 // a class belongs to a word's ambiguity class if it has this share of its uses
	FixedMinCount int     // a word seen at least this often ...
	FixedShare    float64 // ... with one class at least this share of the time skips the classifier
	Prune         float64 // averaged weights smaller than this are dropped from the model

	// Blend weighs the first pass's scores into the second pass's decisions.
	Blend float64
	// Sure is the first-pass score margin (in averaged-perceptron units) above which the second pass
	// keeps the first pass's tag and saves its own work.
	Sure float64
	// The word forms seen at least CacheMinCount times, at most CacheSize of them, get the scores of
	// their single-word features precomputed.
	CacheMinCount int
	CacheSize     int
}

// DefaultOptions are the options tuned on the EWT dev set.
func DefaultOptions() Options {
	return Options{
		Iterations:    7,
		Seed:          1,
		MinDictCount:  3,
		AmbShare:      0.02,
		FixedMinCount: 10,
		FixedShare:    0.98,
		Prune:         0.8,
		Blend:         1,
		Sure:          8,
		CacheMinCount: 3,
		CacheSize:     1 << 10,
	}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.Iterations <= 0 {
		o.Iterations = d.Iterations
	}
	if o.MinDictCount <= 0 {
		o.MinDictCount = d.MinDictCount
	}
	if o.AmbShare <= 0 {
		o.AmbShare = d.AmbShare
	}
	if o.FixedMinCount <= 0 {
		o.FixedMinCount = d.FixedMinCount
	}
	if o.FixedShare <= 0 {
		o.FixedShare = d.FixedShare
	}
	if o.Prune == 0 {
		o.Prune = d.Prune
	}
	o.Prune = max(o.Prune, 0)
	if o.Blend == 0 {
		o.Blend = d.Blend
	}
	o.Blend = max(o.Blend, 0)
	if o.Sure == 0 {
		o.Sure = d.Sure
	}
	o.Sure = max(o.Sure, 0)
	if o.CacheMinCount <= 0 {
		o.CacheMinCount = d.CacheMinCount
	}
	if o.CacheSize == 0 {
		o.CacheSize = d.CacheSize
	}
	o.CacheSize = max(o.CacheSize, 0)
	return o
}

// maxClasses keeps class numbers within the int16 of the dictionary and the uint16 of perceptron.
const maxClasses = 1 << 15

// sample is a training sentence reduced to what the tagger learns from.
type sample struct {
	forms []string
	gold  []int32
	loo   []looEntry // per word; nil when training does not leave words out
}

// Train learns a tagger from train; dev, which may be empty, is only tagged to log the accuracy.
func Train(ctx context.Context, train, dev []*conllu.Sentence, opt Options, log *slog.Logger) (*Model, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	opt = opt.withDefaults()
	start := time.Now()
	m, samples, err := newModel(train, opt)
	if err != nil {
		return nil, err
	}
	log.Info("tagger: data", "sentences", len(samples), "classes", m.Classes(), "dictionary", len(m.dict))

	rng := rand.New(rand.NewPCG(opt.Seed, 0x7a67))
	p1, err := trainPass(ctx, m, samples, nil, opt, rng, log.With("pass", 1))
	if err != nil {
		return nil, err
	}
	m.p1 = p1
	if !opt.OnePass {
		right := firstPassTags(m, samples)
		p2, err := trainPass(ctx, m, samples, right, opt, rng, log.With("pass", 2))
		if err != nil {
			return nil, err
		}
		m.p2 = p2
	}
	m.blend, m.sure = opt.Blend, opt.Sure
	m.finish()
	attrs := []any{"elapsed", time.Since(start).Round(time.Millisecond), "features1", m.p1.Features()}
	if m.p2 != nil {
		attrs = append(attrs, "features2", m.p2.Features())
	}
	if len(dev) > 0 {
		a := m.Evaluate(dev)
		attrs = append(attrs, "dev_upos", fmt.Sprintf("%.2f", a.UPOS()), "dev_xpos", fmt.Sprintf("%.2f", a.XPOS()))
	}
	log.Info("tagger: trained", attrs...)
	return m, nil
}

// newModel builds the class table and the tag dictionary from train.
func newModel(train []*conllu.Sentence, opt Options) (*Model, []sample, error) {
	type pair struct{ upos, xpos string }
	counts := map[pair]int{}
	for _, s := range train {
		for _, w := range s.Words {
			counts[pair{w.UPOS, w.XPOS}]++
		}
	}
	if len(counts) == 0 {
		return nil, nil, errors.New("tagger: no training words")
	}
	if len(counts) > maxClasses {
		return nil, nil, fmt.Errorf("tagger: %d tag pairs, more than the %d supported", len(counts), maxClasses)
	}
	pairs := make([]pair, 0, len(counts))
	for p := range counts {
		pairs = append(pairs, p)
	}
	// Most frequent first, so that score ties go to the likelier class.
	slices.SortFunc(pairs, func(a, b pair) int {
		return cmp.Or(-cmp.Compare(counts[a], counts[b]), cmp.Compare(a.upos, b.upos), cmp.Compare(a.xpos, b.xpos))
	})
	m := &Model{}
	class := make(map[pair]int32, len(pairs))
	for i, p := range pairs {
		class[p] = int32(i)
		m.upos = append(m.upos, p.upos)
		m.xpos = append(m.xpos, p.xpos)
		m.verbal = append(m.verbal, isVerbal(p.xpos))
	}
	samples := make([]sample, 0, len(train))
	exact := map[uint64][]int32{}
	lower := map[uint64][]int32{}
	edForms := map[uint64]bool{} // regular past forms, whose VBD/VBN split the dictionary must not fix
	for _, s := range train {
		if len(s.Words) == 0 {
			continue
		}
		sm := sample{forms: make([]string, len(s.Words)), gold: make([]int32, len(s.Words))}
		for i, w := range s.Words {
			c := class[pair{w.UPOS, w.XPOS}]
			sm.forms[i], sm.gold[i] = w.Form, c
			count(exact, perceptron.String(w.Form), c, len(pairs))
			count(lower, lowerKey(perceptron.Lower(w.Form)), c, len(pairs))
			if len(w.Form) > 3 && strings.EqualFold(w.Form[len(w.Form)-2:], "ed") || samePast[strings.ToLower(w.Form)] {
				edForms[perceptron.String(w.Form)] = true
				edForms[lowerKey(perceptron.Lower(w.Form))] = true
			}
		}
		samples = append(samples, sm)
	}
	m.forms = cachedForms(train, opt)
	m.dict = make(map[uint64]entry, len(exact)+len(lower))
	vbd, okd := class[pair{"VERB", "VBD"}]
	vbn, okn := class[pair{"VERB", "VBN"}]
	scratch := make([]int32, len(pairs))
	// entryOf makes the dictionary entry of key k from its class counts cs, less one use of class
	// without (when without >= 0).
	entryOf := func(k uint64, cs []int32, without int32) (entry, bool) {
		copy(scratch, cs)
		if without >= 0 {
			scratch[without]--
		}
		if okd && okn && edForms[k] {
			pastAmbiguity(scratch, vbd, vbn)
		}
		e, ok := makeEntry(scratch, opt)
		if ok {
			e.aux = m.upos[top(scratch)] == "AUX"
		}
		return e, ok
	}
	for _, tab := range []map[uint64][]int32{exact, lower} {
		for k, cs := range tab {
			if e, ok := entryOf(k, cs, -1); ok {
				m.dict[k] = e
			}
		}
	}
	if !opt.NoLeaveOneOut {
		// Each use of a word sees the dictionary entry the other uses make, as a word of new text sees
		// one made from training text that did not contain it.
		type use struct {
			k, lk uint64
			c     int32
		}
		memo := map[use]looEntry{}
		for si := range samples {
			sm := &samples[si]
			sm.loo = make([]looEntry, len(sm.forms))
			for i, f := range sm.forms {
				c := sm.gold[i]
				k, lk := perceptron.String(f), lowerKey(perceptron.Lower(f))
				u := use{k, lk, c}
				l, seen := memo[u]
				if !seen {
					l.e, l.ok = entryOf(k, exact[k], c)
					l.le, l.lok = entryOf(lk, lower[lk], c)
					memo[u] = l
				}
				sm.loo[i] = l
			}
		}
	}
	return m, samples, nil
}

// looEntry is what the tag dictionary would hold for a training word's exact and lower-cased form
// without that use of the word.
type looEntry struct {
	e, le   entry
	ok, lok bool
}

// samePast are irregular verbs whose past tense and past participle are one form, so that, like regular
// "-ed" forms, the form alone cannot tell VBD from VBN.
var samePast = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`bent bled bound bought brought built burnt burst caught clung cost crept cut
		dealt dug fed felt fled flung fought found ground had heard held hit hung hurt kept knelt laid led left lent
		let lit lost made meant met paid put quit read rid said sat sent set shed shone shot shut slept slid slit
		sold sought spent spilt split spread sprung stood stuck stung struck swept swung taught thought told
		understood upheld wept withheld won wound`) {
		samePast[w] = true
	}
}

// pastAmbiguity makes every past form seen as only one of VBD and VBN ambiguous between the two. A treebank
// of web text sees "attacked" and "arrested" only as participles, while news uses them mostly as past
// tenses; the form alone cannot tell, so the tag dictionary must not decide it.
func pastAmbiguity(cs []int32, vbd, vbn int32) {
	d, n := cs[vbd], cs[vbn]
	switch {
	case d > 0 && n == 0:
		cs[vbn] = max(1, d/4)
	case n > 0 && d == 0:
		cs[vbd] = max(1, n/4)
	}
}

// top returns the most frequent class in cs.
func top(cs []int32) int {
	t := 0
	for c, n := range cs {
		if n > cs[t] {
			t = c
		}
	}
	return t
}

func count(tab map[uint64][]int32, k uint64, c int32, classes int) {
	cs := tab[k]
	if cs == nil {
		cs = make([]int32, classes)
		tab[k] = cs
	}
	cs[c]++
}

// cachedForms lists the forms whose word-alone scores are worth precomputing, most frequent first.
func cachedForms(train []*conllu.Sentence, opt Options) []string {
	counts := map[string]int{}
	for _, s := range train {
		for _, w := range s.Words {
			counts[w.Form]++
		}
	}
	var forms []string
	for f, n := range counts {
		if n >= max(opt.CacheMinCount, opt.MinDictCount) {
			forms = append(forms, f)
		}
	}
	slices.SortFunc(forms, func(a, b string) int { return cmp.Or(-cmp.Compare(counts[a], counts[b]), cmp.Compare(a, b)) })
	return forms[:min(len(forms), opt.CacheSize)]
}

// makeEntry summarizes a word's class counts, or reports false for a word too rare to be trusted.
func makeEntry(cs []int32, opt Options) (entry, bool) {
	total, top := 0, 0
	for c, n := range cs {
		total += int(n)
		if n > cs[top] {
			top = c
		}
	}
	if total < opt.MinDictCount {
		return entry{}, false
	}
	h := uint64(fnvOffset)
	for c, n := range cs {
		if n > 0 && float64(n) >= opt.AmbShare*float64(total) {
			h = (h ^ uint64(c+1)) * fnvPrime
		}
	}
	e := entry{amb: h, freq: uint8(min(bits.Len(uint(total)), 12)), fixed: -1, cache: -1}
	if total >= opt.FixedMinCount && float64(cs[top]) >= opt.FixedShare*float64(total) {
		e.fixed = int16(top)
	}
	return e, true
}

// isVerbal tells the Penn tags of verbs and modals.
func isVerbal(xpos string) bool { return strings.HasPrefix(xpos, "VB") || xpos == "MD" }

// trainer holds the scratch of one training pass.
type trainer struct {
	m      *Model
	ws     []word
	left   []int32
	feats  []uint64
	scores []float32
}

// trainPass trains one perceptron; right, when not nil, holds each sample's padded first-pass tags.
func trainPass(ctx context.Context, m *Model, samples []sample, right [][]int32, opt Options, rng *rand.Rand,
	log *slog.Logger) (*perceptron.Model, error) {
	l := perceptron.NewLearner(m.Classes())
	tr := &trainer{m: m, scores: make([]float32, m.Classes())}
	order := make([]int, len(samples))
	for i := range order {
		order[i] = i
	}
	for it := range opt.Iterations {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("tagger: training: %w", err)
			}
			var r []int32
			if right != nil {
				r = right[si]
			}
			c, n := tr.learn(l, samples[si], r, right == nil && !opt.OnePass)
			correct += c
			total += n
		}
		log.Debug("tagger: iteration", "n", it+1, "train_acc", fmt.Sprintf("%.2f", 100*float64(correct)/float64(max(total, 1))),
			"features", l.Features(), "elapsed", time.Since(start).Round(time.Millisecond))
	}
	return l.Model(opt.Prune), nil
}

// learn tags one sample with the learner's current weights, updating them at each mistake.
func (tr *trainer) learn(l *perceptron.Learner, s sample, right []int32, reverse bool) (correct, total int) {
	n := len(s.forms)
	tr.prepare(s.forms, s.loo)
	if reverse {
		slices.Reverse(tr.ws)
	}
	lv := 0
	for i := range n {
		gold := s.gold[i]
		if reverse {
			gold = s.gold[n-1-i]
		}
		if c := tr.ws[i+pad].fixed; c >= 0 {
			tr.left[i+pad] = c
			if tr.m.verbal[c] {
				lv = i + pad
			}
			continue
		}
		tr.feats = tr.feats[:0]
		for r, off := range roleOffset {
			tr.feats = appendRole(tr.feats, &tr.ws[i+pad+off], r)
		}
		tr.feats = appendContext(tr.feats, tr.ws, tr.left, right, i, lv)
		l.Score(tr.feats, tr.scores)
		guess := argmaxF(tr.scores)
		l.Update(tr.feats, int(gold), int(guess))
		l.Tick()
		tr.left[i+pad] = guess
		if tr.m.verbal[guess] {
			lv = i + pad
		}
		total++
		if guess == gold {
			correct++
		}
	}
	return correct, total
}

func (tr *trainer) prepare(forms []string, loo []looEntry) {
	n := len(forms) + 2*pad
	if cap(tr.ws) < n {
		tr.ws = make([]word, n)
		tr.left = make([]int32, n)
	}
	tr.ws, tr.left = tr.ws[:n], tr.left[:n]
	tr.m.fillWords(tr.ws, forms, loo, nil, 0)
	tr.left[0], tr.left[1] = tagStart, tagStart
	tr.left[n-2], tr.left[n-1] = tagEnd, tagEnd
}

func argmaxF(s []float32) int32 {
	best := 0
	for i, v := range s {
		if v > s[best] {
			best = i
		}
	}
	return int32(best)
}

// firstPassTags returns, for every sample, its padded first-pass tags, which the second pass learns
// from. They come from the first pass trained on all samples, so they are more accurate than they will
// be on new text; jackknifing (tagging each part with a first pass trained on the others) was measured
// on dev, with and without leaving words out of the dictionary, and did not help.
func firstPassTags(m *Model, samples []sample) [][]int32 {
	right := make([][]int32, len(samples))
	tg := (&Model{upos: m.upos, xpos: m.xpos, verbal: m.verbal, dict: m.dict, p1: m.p1}).NewTagger()
	for si, s := range samples {
		n := len(s.forms)
		tg.prepare(s.forms, s.loo)
		slices.Reverse(tg.ws)
		tg.pass(m.p1, nil, n, nil, false)
		r := slices.Clone(tg.left)
		slices.Reverse(r)
		r[0], r[1], r[n+pad], r[n+pad+1] = tagStart, tagStart, tagEnd, tagEnd
		right[si] = r
	}
	return right
}

// Accuracy counts correctly tagged words.
type Accuracy struct {
	Words, UPOSCorrect, XPOSCorrect int
}

// UPOS is the UPOS accuracy in percent.
func (a Accuracy) UPOS() float64 { return 100 * float64(a.UPOSCorrect) / float64(max(a.Words, 1)) }

// XPOS is the XPOS accuracy in percent.
func (a Accuracy) XPOS() float64 { return 100 * float64(a.XPOSCorrect) / float64(max(a.Words, 1)) }

// Evaluate tags the gold-tokenized sentences and compares the tags with theirs.
func (m *Model) Evaluate(gold []*conllu.Sentence) Accuracy {
	var a Accuracy
	tg := m.NewTagger()
	var forms, upos, xpos []string
	for _, s := range gold {
		forms, upos, xpos = forms[:0], upos[:0], xpos[:0]
		for _, w := range s.Words {
			forms = append(forms, w.Form)
		}
		upos = append(upos, make([]string, len(forms))...)
		xpos = append(xpos, make([]string, len(forms))...)
		tg.Tag(forms, upos, xpos)
		for i, w := range s.Words {
			a.Words++
			if upos[i] == w.UPOS {
				a.UPOSCorrect++
			}
			if xpos[i] == w.XPOS {
				a.XPOSCorrect++
			}
		}
	}
	return a
}
