package petrarch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/coder"
	"github.com/dyad-events/dyad/internal/lexicon"
	lexpetrarch "github.com/dyad-events/dyad/internal/lexicon/petrarch"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/ontology"
	"github.com/dyad-events/dyad/internal/text"
)

func TestZZDebug(t *testing.T) {
	dir := shared(t)
	p, err := nlp.LoadDir("/tmp/petmodels")
	if err != nil {
		t.Skip(err)
	}
	file := os.Getenv("PETFILE")
	if file == "" {
		file = filepath.Join(dir, "text", "PETR.UnitTest.records.xml")
	}
	f, _ := readFile(t, file)
	lex := lexicon.New()
	ddir := filepath.Join(dir, "dictionaries")
	if e := os.Getenv("PETDICT"); e != "" {
		ddir = e
	}
	files := lexpetrarch.Files{Verbs: []string{f.Env.Verbfile}, Actors: strings.Fields(f.Env.Actorfile),
		Agents: []string{f.Env.Agentfile}, Discards: []string{f.Env.Discardfile}}
	if err := lexpetrarch.Load(lex, ddir, files); err != nil {
		t.Log(err)
	}
	ont, _ := ontology.Default()
	rep, err := Score(context.Background(), func(o Options) (Coder, error) {
		return coder.New(coder.Options{Pipeline: p, Lexicon: lex, Ontology: ont, Explain: true,
			Petrarch: coder.Petrarch{Enabled: true, NewActorLength: o.NewActorLength}})
	}, f)
	if err != nil {
		t.Fatal(err)
	}
	var cats []string
	for c := range rep.ByCategory {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	for _, c := range cats {
		fmt.Printf("%s %d/%d\n", c, rep.ByCategory[c].Passed, rep.ByCategory[c].Total)
	}
	fmt.Printf("TOTAL %d/%d enabled %d/%d\n", rep.Passed, rep.Total, rep.Enabled.Passed, rep.Enabled.Total)
	only := os.Getenv("PETID")
	ann := p.NewAnnotator()
	for _, fl := range rep.Failures {
		if only != "" && !strings.Contains(","+only+",", ","+fl.ID+",") {
			fmt.Printf("FAIL %s\texp %s\tgot %s\t%s\n", fl.ID, strings.Join(fl.Expected, "; "), strings.Join(fl.Got, "; "), fl.Text)
			continue
		}
		fmt.Printf("FAIL %s\texp %s\tgot %s\t%s\n", fl.ID, strings.Join(fl.Expected, "; "), strings.Join(fl.Got, "; "), fl.Text)
		for _, seg := range text.Segment(fl.Text) {
			var ws []nlp.Word
			for _, tk := range seg.Tokens {
				ws = append(ws, nlp.Word{Form: tk.Text})
			}
			ann.Annotate(ws)
			for i, w := range ws {
				fmt.Printf("   %d %s %s %s %d %s\n", i+1, w.Form, w.Lemma, w.UPOS, w.Head, w.DepRel)
			}
		}
	}
}
