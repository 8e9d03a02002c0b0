package storetest

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/source"
	"github.com/dyad-events/dyad/internal/store"
)

var (
	synthCountries = []string{"USA", "AFG", "RUS", "UKR", "CHN", "IND", "PAK", "IRN", "IRQ", "SYR", "ISR", "PSE", "EGY",
		"NGA", "KEN", "ETH", "SOM", "SDN", "LBY", "TUR", "FRA", "DEU", "GBR", "BRA", "MEX", "COL", "VEN", "JPN", "KOR",
		"PRK", "IDN", "PHL", "MMR", "BGD", "SAU", "YEM", "LBN", "JOR", "MLI", "NER"}
	synthAgents = []string{"GOV", "MIL", "COP", "OPP", "REB", "INS", "BUS", "MED", "CVL", "JUD", "LEG", ""}
	synthVerbs  = []string{"met", "accused", "attacked", "praised", "threatened", "arrested", "urged", "signed", "protested", "aided"}
)

// Synthetic yields n made-up documents of perDoc events each, spread over the ten years from 2015,
// forty countries, twelve agent types and the twenty CAMEO roots: data for benchmarks at scale. The
// same n gives the same data.
func Synthetic(n, perDoc int) func(yield func(store.Entry) bool) {
	return func(yield func(store.Entry) bool) {
		r := rand.New(rand.NewPCG(uint64(n), 11))
		start := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := range n {
			id := "s" + strconv.Itoa(i)
			pub := start.AddDate(0, 0, r.IntN(3650))
			doc := &source.Document{ID: id, URL: "https://synthetic.example.org/" + id, Publisher: "Synthetic Wire",
				Published: pub, Text: Text(uint64(i)+1e9, 60), Lang: "en"}
			events := make([]event.Event, perDoc)
			for j := range events {
				root := 1 + r.IntN(20)
				src := synthCountries[r.IntN(len(synthCountries))]
				tgt := synthCountries[r.IntN(len(synthCountries))]
				sa, ta := synthAgents[r.IntN(len(synthAgents))], synthAgents[r.IntN(len(synthAgents))]
				day := pub.AddDate(0, 0, -r.IntN(3))
				quad := 1 + (root-1)/5
				events[j] = event.Event{
					ID: fmt.Sprintf("%s-%d", id, j), DocID: id, URL: doc.URL, Publisher: doc.Publisher, Published: pub.Format("2006-01-02"),
					SentenceIndex: j, Sentence: fmt.Sprintf("Officials from %s %s counterparts from %s over the %s.", src,
						synthVerbs[r.IntN(len(synthVerbs))], tgt, vocabulary[r.IntN(len(vocabulary))]),
					Source: &event.Actor{Code: src + sa, Country: src, Agents: agentList(sa), Name: src},
					Target: &event.Actor{Code: tgt + ta, Country: tgt, Agents: agentList(ta), Name: tgt},
					CAMEO:  fmt.Sprintf("%02d%d", root, r.IntN(10)), Root: fmt.Sprintf("%02d", root), QuadClass: quad,
					Goldstein: float64(10-root) - r.Float64(), PLOVER: event.PLOVER{Type: "CONSULT"},
					Verb: event.Verb{Text: "met", Lemma: "meet"}, Modality: "asserted", Confidence: r.Float64(),
					Date: day.Format("2006-01-02"), DatePrecision: "day",
					Location: &event.Location{Name: "Capital of " + tgt, Country: tgt, Lat: r.Float64()*180 - 90, Lon: r.Float64()*360 - 180, Precision: "city"},
				}
			}
			if !yield(store.Entry{Doc: doc, Events: events}) {
				return
			}
		}
	}
}

func agentList(a string) []string {
	if a == "" {
		return nil
	}
	return []string{a}
}
