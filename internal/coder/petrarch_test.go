package coder

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/lexicon/petrarch"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/ontology"
	"github.com/dyad-events/dyad/internal/source"
)

// petrarchCoder builds a PETRARCH-mode coder with the invented dictionaries of testdata/petrarch; it skips
// when the NLP models are not built.
func petrarchCoder(tb testing.TB) *Coder {
	tb.Helper()
	p, err := nlp.Load()
	if err != nil {
		tb.Skipf("NLP models not built (go run ./cmd/dyad train): %v", err)
	}
	lex := lexicon.New()
	files := petrarch.Files{Verbs: []string{"Test.verbs.txt"}, Actors: []string{"Test.actors.txt"}, Agents: []string{"Test.agents.txt"}}
	if err := petrarch.Load(lex, "testdata/petrarch", files); err != nil {
		tb.Fatal(err)
	}
	ont, err := ontology.Default()
	if err != nil {
		tb.Fatal(err)
	}
	c, err := New(Options{Pipeline: p, Lexicon: lex, Ontology: ont, Petrarch: Petrarch{Enabled: true}})
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

func TestPetrarch(t *testing.T) {
	c := petrarchCoder(t)
	tests := []struct {
		text, date string
		want       []string // "SOURCE TARGET CODE"; a missing target is ---
	}{
		{"Valdoria scolded Kestravia on Monday.", "2012-05-01", []string{"VLD KES 120"}},
		{"Valdoria berated Kestravia over fishing rights.", "2012-05-01", []string{"VLD KES 121"}},
		{"Valdoria never scolded Kestravia.", "2012-05-01", nil}, // a null-coded pattern
		{"Kestravia was scolded by Valdoria.", "2012-05-01", []string{"VLD KES 120"}},
		{"Valdoria and Orlan scolded Kestravia.", "2012-05-01", []string{"ORL KES 120", "VLD KES 120"}},
		{"The Valdorian envoy greeted Kestravia.", "2012-05-01", []string{"KES VLDGOV 042", "VLDGOV KES 041"}},
		{"The fishermen of Orlan scolded Kestravia.", "2012-05-01", []string{"ORLAGR KES 120"}},
		{"Valdoria pledged grain to Kestravia.", "2012-05-01", []string{"VLD KES 071"}},
		{"Valdoria pledged hard currency to Kestravia.", "2012-05-01", []string{"VLD KES 071"}},
		{"Valdoria pledged currency to Kestravia.", "2012-05-01", []string{"VLD KES 050"}},
		{"Valdoria and Kestravia signed a treaty.", "2012-05-01", []string{"KES VLD 057", "VLD KES 057"}},
		{"Maren Ostby scolded Orlan.", "2008-03-01", []string{"VLDOPP ORL 120"}},
		{"Maren Ostby scolded Orlan.", "2012-03-01", []string{"VLDGOV ORL 120"}},
	}
	for _, tt := range tests {
		d, err := time.Parse("2006-01-02", tt.date)
		if err != nil {
			t.Fatal(err)
		}
		evs, err := c.Code(context.Background(), &source.Document{ID: "t", Text: tt.text, Published: d})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range evs {
			tgt := "---"
			if e.Target != nil {
				tgt = e.Target.Code
			}
			got = append(got, e.Source.Code+" "+tgt+" "+e.CAMEO)
		}
		slices.Sort(got)
		got = slices.Compact(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q (%s):\n got %s\nwant %s", tt.text, tt.date, strings.Join(got, "; "), strings.Join(tt.want, "; "))
		}
	}
}

func BenchmarkPetrarch(b *testing.B) {
	c := petrarchCoder(b)
	doc := &source.Document{ID: "b", Published: time.Date(2012, 5, 1, 0, 0, 0, 0, time.UTC),
		Text: "The Valdorian envoy greeted Kestravia on Monday. Valdoria and Orlan scolded Kestravia over fishing rights, officials said."}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Code(ctx, doc); err != nil {
			b.Fatal(err)
		}
	}
}
