package parser

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/nlp/conllu"
	"github.com/dyad-events/dyad/internal/nlp/perceptron"
)

// Options control training.
type Options struct {
	Iterations int    // passes over the training sentences
	Seed       uint64 // shuffling and exploration
	// ExploreAfter is the number of iterations that follow the oracle only; afterwards the parser
	// follows its own prediction with probability Explore and learns from the dynamic oracle there.
	ExploreAfter int
	Explore      float64
	// MinLifted is how often a lifted label ("rel|headrel") must occur in training to get its own
	// class; rarer lifts keep their plain label, and the word stays at the lifted head.
	MinLifted int
	// Prune drops averaged weights of smaller magnitude from the model.
	Prune float64
	// Groups is the number of label groups the transition model tells apart: the Groups-1 most
	// frequent labels get a group each, and the rest share the last one and are told apart by the label
	// model. More groups are more accurate and slower.
	Groups int
	// PruneReport lists further pruning thresholds whose model size and dev scores are logged at the
	// end, to choose Prune by.
	PruneReport []float64
	// EvalEvery scores the averaged model on dev every so many iterations (0: only at the end) and keeps
	// the best one; scoring costs one model build and one dev parse.
	EvalEvery int
	// PunctIterations is the number of passes that train the model that attaches punctuation once a
	// sentence is parsed; 0 leaves punctuation where the parser put it.
	PunctIterations int
	// LexMinCount is how often a word must occur in training to be known by its form and to have an
	// ambiguity class (the XPOS tags it had at least LexShare of the time); rarer words are unknown.
	LexMinCount int
	LexShare    float64
}

// DefaultOptions returns the settings the shipped model was trained with.
func DefaultOptions() Options {
	return Options{Iterations: 15, Seed: 1, ExploreAfter: 1, Explore: 0.9, MinLifted: 5, Prune: 1, Groups: 32, EvalEvery: 3, PunctIterations: 5,
		LexMinCount: 3, LexShare: 0.05}
}

// example is one training sentence: its atoms and its projectivized gold tree.
type example struct {
	forms, upos, xpos []string
	g                 *gold   // projectivized
	head, label       []int32 // the tree as given (label -1 when it has no class), for punctuation
}

// Train trains a parser on the trees and tags of train, reporting attachment scores on dev (which may
// be empty) to log.
func Train(ctx context.Context, train, dev []*conllu.Sentence, opt Options, log *slog.Logger) (*Model, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opt.Iterations <= 0 {
		return nil, errors.New("parser: Iterations must be positive")
	}
	labels, rootSeen, childSeen, exs, skipped := prepare(train, opt.MinLifted)
	if len(exs) == 0 {
		return nil, errors.New("parser: no usable training trees")
	}
	log.Info("parser training data", "sentences", len(exs), "skipped", skipped, "labels", len(labels))
	nl := len(labels)
	group := groups(labels, opt.Groups)
	shell := newModel(labels, rootSeen, childSeen, group, nil, nil) // label tables for the training loop
	lex := buildLexicon(exs, opt.LexMinCount, opt.LexShare)
	shell.lex = lex
	nc := 1 + 2*shell.ngroups
	lk, ll := perceptron.NewLearner(nc), perceptron.NewLearner(nl)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	var (
		st     state
		a      atoms
		feats  = make([]uint64, 0, numTemplates)
		lfeats = make([]uint64, 0, numLabelTemplates)
		ks     = make([]float32, nc)
		ls     = make([]float32, nl)
		order  = make([]int, len(exs))
	)
	for i := range order {
		order[i] = i
	}
	a.lex = lex
	build := func() *Model {
		m := newModel(labels, rootSeen, childSeen, group, lk.Model(opt.Prune), ll.Model(opt.Prune))
		m.lex = lex
		return m
	}
	var bestModel *Model
	bestLAS := -1.0
	start := time.Now()
	for it := 1; it <= opt.Iterations; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		explore := it > opt.ExploreAfter
		var steps, errs, arcs, lerrs int
		for k, i := range order {
			if k%256 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, fmt.Errorf("parser training: %w", err)
				}
			}
			ex := exs[i]
			st.reset(len(ex.forms))
			a.set(ex.forms, ex.upos, ex.xpos)
			for !st.terminal() {
				if len(st.stack) == 1 {
					st.apply(kindShift, -1) // forced, as in Parse
					continue
				}
				feats = a.features(&st, feats[:0])
				lk.Score(feats, ks)
				pred := bestClass(shell, &st, ks, nil)
				truth, wrong := ex.g.oracle(shell, &st, ks, pred)
				if wrong {
					lk.Update(feats, truth, pred)
					errs++
				}
				lk.Tick()
				steps++
				next, followed := truth, false
				if explore && rng.Float64() < opt.Explore {
					next, followed = pred, true
				}
				kind, g := shell.class(next)
				label := -1
				if kind != kindShift {
					h, d := arc(&st, kind)
					gold := ex.g.head[d] == h && group[ex.g.label[d]] == int32(g)
					switch {
					case gold && !followed:
						label = int(ex.g.label[d])
					case shell.single[g] >= 0:
						label = int(shell.single[g])
					default:
						lfeats = a.labelFeatures(&st, h, d, lfeats[:0])
						ll.Score(lfeats, ls)
						label = bestLabel(shell.labelMask(h, g), ls)
					}
					// The label model learns on gold arcs of groups that it has to decide.
					if gold && shell.single[g] < 0 {
						lfeats = a.labelFeatures(&st, h, d, lfeats[:0])
						ll.Score(lfeats, ls)
						pl := bestLabel(shell.labelMask(h, g), ls)
						if gl := int(ex.g.label[d]); pl != gl {
							ll.Update(lfeats, gl, pl)
							lerrs++
						}
						ll.Tick()
						arcs++
					}
				}
				st.apply(kind, label)
			}
		}
		log.Info("parser iteration", "iter", it, "transitions", steps, "errors", errs, "labeled", arcs,
			"label_errors", lerrs, "features", lk.Features()+ll.Features(), "elapsed", time.Since(start).Round(time.Second))
		last := it == opt.Iterations
		if len(dev) > 0 && (last || opt.EvalEvery > 0 && it%opt.EvalEvery == 0) {
			m := build()
			sc := m.Evaluate(dev)
			log.Info("parser dev", "iter", it, "uas", pct(sc.UAS()), "las", pct(sc.LAS()),
				"weights", m.Weights(), "elapsed", time.Since(start).Round(time.Second))
			if sc.LAS() > bestLAS {
				bestLAS, bestModel = sc.LAS(), m
			}
		}
	}
	if bestModel == nil {
		bestModel = build()
	}
	if opt.PunctIterations > 0 {
		var before Score
		if len(dev) > 0 {
			before = bestModel.Evaluate(dev)
		}
		pm, err := trainPunct(ctx, exs, shell.baseOf, opt.PunctIterations, opt.Prune, rng)
		if err != nil {
			return nil, err
		}
		bestModel.punct = pm
		if len(dev) > 0 {
			sc := bestModel.Evaluate(dev)
			log.Info("parser punctuation", "uas_before", pct(before.UAS()), "las_before", pct(before.LAS()),
				"uas", pct(sc.UAS()), "las", pct(sc.LAS()), "weights", bestModel.punct.Weights())
		}
	} else {
		bestModel.punct = perceptron.NewLearner(2).Model(0)
	}
	for _, pr := range opt.PruneReport {
		if len(dev) == 0 {
			break
		}
		m := newModel(labels, rootSeen, childSeen, group, lk.Model(pr), ll.Model(pr))
		m.lex, m.punct = lex, bestModel.punct
		size, err := m.WriteTo(io.Discard)
		if err != nil {
			return nil, err
		}
		sc := m.Evaluate(dev)
		log.Info("parser prune", "threshold", pr, "weights", m.Weights(), "bytes", size,
			"uas", pct(sc.UAS()), "las", pct(sc.LAS()))
	}
	return bestModel, nil
}

func pct(x float64) string { return fmt.Sprintf("%.2f", 100*x) }

// oracle returns the class to learn, the best-scoring of the cheapest legal ones, and whether pred
// costs more than it. An arc in the wrong label group costs one more when it is a gold arc.
func (g *gold) oracle(m *Model, s *state, scores []float32, pred int) (truth int, wrong bool) {
	var kc [numKinds]int32
	kc[kindShift], kc[kindLeft], kc[kindRight] = g.costs(s)
	_, _, _, rightRoot := s.legal()
	s0 := s.stack[len(s.stack)-1]
	var s1 int32 = -1
	if len(s.stack) >= 2 {
		s1 = s.stack[len(s.stack)-2]
	}
	gg := int32(-1) // gold group of s0's arc
	if s0 > 0 {
		gg = m.group[g.label[s0]]
	}
	cost := func(c int) int32 {
		kind, grp := m.class(c)
		k := kc[kind]
		switch {
		case k < 0:
			return -1
		case kind == kindLeft:
			if !m.childG[grp] {
				return -1
			}
			if g.head[s0] == s.b && gg != int32(grp) {
				k++
			}
		case kind == kindRight:
			if rightRoot && !m.rootG[grp] || !rightRoot && !m.childG[grp] {
				return -1
			}
			if g.head[s0] == s1 && gg != int32(grp) {
				k++
			}
		}
		return k
	}
	truth = -1
	var best int32
	for c := range 1 + 2*m.ngroups {
		k := cost(c)
		if k >= 0 && (truth < 0 || k < best || k == best && scores[c] > scores[truth]) {
			truth, best = c, k
		}
	}
	if truth < 0 {
		return pred, false
	}
	return truth, cost(pred) > best
}

// groups gives the first groups-1 plain labels (the most frequent) a group each and puts the rest in
// one shared group, numbering the groups without gaps.
func groups(labels []string, groups int) []int32 {
	group := make([]int32, len(labels))
	own := int32(0)
	var shared []int
	for l, name := range labels {
		if _, _, lifted := cutLift(name); len(labels) <= groups || !lifted && int(own) < groups-1 {
			group[l] = own
			own++
		} else {
			shared = append(shared, l)
		}
	}
	for _, l := range shared {
		group[l] = own
	}
	return group
}

// prepare converts sentences into projectivized training examples and builds the label table: plain
// labels first, by frequency, then the lifted ones that occur at least minLifted times.
func prepare(sents []*conllu.Sentence, minLifted int) (labels []string, rootSeen, childSeen []bool, exs []example, skipped int) {
	type tree struct {
		s      *conllu.Sentence
		heads  []int32
		labels []string
	}
	var trees []tree
	count := map[string]int{}
	for _, s := range sents {
		heads, ok := treeHeads(s)
		if !ok || !rooted(heads) {
			skipped++
			continue
		}
		labs := make([]string, len(heads))
		for i, w := range s.Words {
			labs[i+1] = w.DepRel
		}
		lifted := projectivize(heads, labs)
		for d := 1; d < len(heads); d++ {
			if lifted[d] != "" {
				labs[d] += liftSep + lifted[d]
			}
			count[labs[d]]++
		}
		trees = append(trees, tree{s, heads, labs})
	}
	type lc struct {
		l string
		n int
	}
	var plain, lift []lc
	for l, n := range count {
		if _, _, ok := cutLift(l); ok {
			if n >= minLifted {
				lift = append(lift, lc{l, n})
			}
		} else {
			plain = append(plain, lc{l, n})
		}
	}
	byCount := func(a, b lc) int { return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.l, b.l)) }
	slices.SortFunc(plain, byCount)
	slices.SortFunc(lift, byCount)
	id := map[string]int32{}
	for _, x := range append(plain, lift...) {
		id[x.l] = int32(len(labels))
		labels = append(labels, x.l)
	}
	rootSeen, childSeen = make([]bool, len(labels)), make([]bool, len(labels))
	for _, t := range trees {
		n := len(t.heads) - 1
		ls := make([]int32, n+1)
		for d := 1; d <= n; d++ {
			l := t.labels[d]
			if _, ok := id[l]; !ok {
				l, _, _ = cutLift(l) // a rare lift keeps its plain label
				if _, ok := id[l]; !ok {
					// the plain label occurs only lifted; give it a class of its own
					id[l] = int32(len(labels))
					labels = append(labels, l)
					rootSeen, childSeen = append(rootSeen, false), append(childSeen, false)
				}
			}
			ls[d] = id[l]
			if t.heads[d] == 0 {
				rootSeen[ls[d]] = true
			} else {
				childSeen[ls[d]] = true
			}
		}
		ex := example{forms: make([]string, n), upos: make([]string, n), xpos: make([]string, n),
			g: newGold(t.heads, ls), head: make([]int32, n+1), label: make([]int32, n+1)}
		for i, w := range t.s.Words {
			ex.forms[i], ex.upos[i], ex.xpos[i] = w.Form, w.UPOS, w.XPOS
			ex.head[i+1] = int32(w.Head)
			ex.label[i+1] = -1
			if l, ok := id[w.DepRel]; ok {
				ex.label[i+1] = l
			}
		}
		exs = append(exs, ex)
	}
	return labels, rootSeen, childSeen, exs, skipped
}

// rooted reports whether exactly one word hangs from the root.
func rooted(heads []int32) bool {
	roots := 0
	for d := 1; d < len(heads); d++ {
		if heads[d] == 0 {
			roots++
		}
	}
	return roots == 1
}

func cutLift(l string) (string, string, bool) { return strings.Cut(l, liftSep) }

// treeHeads returns the sentence's heads (1-based) if they form a tree.
func treeHeads(s *conllu.Sentence) ([]int32, bool) {
	n := len(s.Words)
	if n == 0 {
		return nil, false
	}
	heads := make([]int32, n+1)
	for i, w := range s.Words {
		if w.Head < 0 || w.Head > n || w.Head == i+1 || w.DepRel == "" {
			return nil, false
		}
		heads[i+1] = int32(w.Head)
	}
	for d := 1; d <= n; d++ {
		a := int32(d)
		for k := 0; a != 0; k++ {
			if k > n {
				return nil, false // a cycle
			}
			a = heads[a]
		}
	}
	return heads, true
}
