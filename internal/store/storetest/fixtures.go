package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/source"
)

// vocabulary for made-up article texts: random sequences of these words are dissimilar to each other.
var vocabulary = strings.Fields(`minister council border talks river harvest police crowd delegation
treaty water bridge market village governor election ballot court judge ruling army patrol convoy
refugees camp aid shipment port harbour strike union wages factory drought rain flood road tunnel
mountain province capital envoy embassy summit ceasefire rebels militia hostages negotiators
statement spokesman parliament vote budget tax protest march square station railway airport
pilot fishermen boats coast island storm school teachers hospital doctors vaccine clinic`)

// Text makes a made-up article of n words, the same for the same seed.
func Text(seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, 7))
	words := make([]string, n)
	for i := range words {
		words[i] = vocabulary[r.IntN(len(vocabulary))]
	}
	return strings.Join(words, " ") + "."
}

// Doc makes a document with a made-up text.
func Doc(id string, seed uint64) *source.Document {
	return &source.Document{
		ID: id, URL: "https://news.example.org/" + id, Title: "Story " + id, Publisher: "Example Wire",
		Published: time.Date(2021, 8, 24, 0, 0, 0, 0, time.UTC), Text: Text(seed, 120), Lang: "en",
		Origin: "test:" + id, Meta: map[string]string{"section": "world"},
	}
}

// Event makes a complete event of doc numbered n, every field set, for round trips.
func Event(doc *source.Document, n int) event.Event {
	return event.Event{
		ID: fmt.Sprintf("%s-e%d", doc.ID, n), DocID: doc.ID, URL: doc.URL, Publisher: doc.Publisher, Published: "2021-08-24",
		SentenceIndex: n, Sentence: "Delegates from Kabul met envoys of the United Nations.", SentenceStart: 100 * n,
		Source: &event.Actor{Code: "AFGGOV", Country: "AFG", Agents: []string{"GOV"}, Name: "Afghanistan", Text: "Delegates from Kabul",
			Start: 100*n + 0, End: 100*n + 20, Via: "capital", Group: ""},
		Target: &event.Actor{Code: "IGOUNO", Country: "", Agents: []string{"IGO", "UNO"}, Name: "United Nations",
			Text: "the United Nations", Start: 100*n + 33, End: 100*n + 51, Group: "United Nations"},
		CAMEO: "040", CAMEOName: "Consult, not specified", Root: "04", QuadClass: 1, Goldstein: 1,
		PLOVER: event.PLOVER{Type: "CONSULT", Mode: "visit"},
		Verb:   event.Verb{Text: "met", Lemma: "meet", Start: 100*n + 21, End: 100*n + 24}, Modality: "asserted",
		Attribution: &event.Attribution{Name: "a ministry spokesman", Text: "a ministry spokesman said", Start: 5, End: 30},
		Confidence:  0.87, Date: "2021-08-23", DatePrecision: "day", DateText: "on Monday",
		Location: &event.Location{Name: "Kabul", Admin1: "Kabul", Country: "AFG", Lat: 34.5, Lon: 69.2, Precision: "city", Approximate: true,
			Text: "in Kabul", From: "phrase"},
		Explain: &event.Explanation{Pattern: "meet with", Lexicon: "verbs.txt:12", Path: []string{"nsubj(met, Delegates)"}, Notes: []string{"capital"}},
	}
}

// Bare makes a minimal event: no target, attribution, place or explanation.
func Bare(doc *source.Document, n int, src, root, cameo, date string, goldstein float64) event.Event {
	country := src
	if len(country) > 3 {
		country = country[:3]
	}
	return event.Event{
		ID: fmt.Sprintf("%s-e%d", doc.ID, n), DocID: doc.ID, URL: doc.URL, Publisher: doc.Publisher, Published: "2021-08-24",
		SentenceIndex: n, Sentence: "Soldiers fired on protesters near the market.",
		Source: &event.Actor{Code: src, Country: country, Agents: []string{}, Name: src},
		CAMEO:  cameo, CAMEOName: "", Root: root, QuadClass: 4, Goldstein: goldstein, Modality: "asserted",
		Confidence: 0.5, Date: date, DatePrecision: "day",
	}
}
