package main

import (
	"context"
	"fmt"
	"iter"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/source"
	"github.com/dyad-events/dyad/internal/store/ingest"
	"github.com/dyad-events/dyad/internal/store/sqlite"
)

// benchWords is the length of a benchmark article, about that of a wire story.
const benchWords = 600

// benchArticles makes n articles of about benchWords words each with text(r), deterministically.
func benchArticles(n int, text func(r *rand.Rand) string) []*source.Document {
	r := rand.New(rand.NewPCG(42, 42))
	docs := make([]*source.Document, n)
	for i := range docs {
		docs[i] = &source.Document{ID: fmt.Sprintf("bench-%d", i), URL: fmt.Sprintf("https://wire.example.org/b/%d", i),
			Publisher: "Example Wire", Published: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), Lang: "en", Text: text(r)}
	}
	return docs
}

// Parts of made-up wire copy for wireArticle, all written for these tests.
var (
	wireLeads = []string{"On Tuesday,", "Late on Monday,", "Earlier this week,", "For the second day running,",
		"In a rare move,", "Hours before the deadline,"}
	wireObjects = []string{"over the detention of two aid workers", "after talks on a ceasefire stalled",
		"during a visit to the disputed border region", "in a row over fishing rights in shared waters",
		"ahead of a regional summit on security", "following clashes that left several people wounded",
		"amid a dispute over unpaid gas bills", "at a meeting called to discuss refugee returns"}
	wireSaid = []string{"a spokesman for the interior ministry told reporters", "according to a statement released by the government",
		"two officials familiar with the matter said", "state media reported without giving further details",
		"witnesses told the agency by telephone", "the foreign ministry said in a brief statement"}
	wireQuotes = []string{"We will not accept any delay in the withdrawal of these forces",
		"This is a matter for the courts and we will respect their decision",
		"Our doors remain open to dialogue but our patience has limits",
		"The people of the region deserve security and a clear path to peace"}
	wireBackground = []string{"The dispute has simmered for more than a decade and has displaced thousands of families on both sides of the frontier.",
		"Relations between the two countries have been strained since a trade agreement collapsed two years ago amid accusations of bad faith.",
		"Aid agencies have warned that the fighting could push hundreds of thousands of people into hunger before the rainy season begins.",
		"Parliament is expected to vote on the measure next month, although several opposition parties have said they will boycott the session.",
		"The region, rich in minerals but poorly served by roads, has seen repeated outbreaks of violence since the last election."}
)

// wireArticle makes a made-up wire story of about benchWords words in sentences of 12 to 35 words,
// 20 to 25 on average as in real wire copy (the older article makes 12-word sentences, one event
// each, which overstates the events per word): reported events, quotes and background sentences.
// The same r gives the same story.
func wireArticle(r *rand.Rand) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, March %d (Wire) - ", newsPlaces[r.IntN(len(newsPlaces))], 1+r.IntN(28))
	actor := func() string { return newsActors[r.IntN(len(newsActors))] }
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	words, i := 0, 0
	for words < benchWords {
		var s string
		switch k := r.IntN(10); {
		case k < 4:
			s = fmt.Sprintf("%s %s %s %s, %s.", actor(), pick(newsVerbs), actor(), pick(wireObjects), pick(wireSaid))
		case k < 6:
			s = fmt.Sprintf("%s %s %s %s %s %s.", pick(wireLeads), actor(), pick(newsVerbs), actor(), pick(newsTails), pick(wireObjects))
		case k < 8:
			s = fmt.Sprintf("\"%s,\" %s said %s.", pick(wireQuotes), actor(), pick(newsTails))
		default:
			s = pick(wireBackground)
		}
		s = strings.ToUpper(s[:1]) + s[1:] // an actor may open the sentence
		b.WriteString(s)
		words += len(strings.Fields(s))
		if i++; i%4 == 0 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// cpuSeconds is the user and system time this process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

func items(docs []*source.Document) iter.Seq[source.Item] {
	return func(yield func(source.Item) bool) {
		for _, d := range docs {
			if !yield(source.Item{Doc: d}) {
				return
			}
		}
	}
}

// precoded is a batchCoder that hands out results coded beforehand, so that a benchmark measures the
// store alone through the same pipeline.
type precoded map[string]dyad.Result

func (p precoded) CodeAll(ctx context.Context, items iter.Seq[source.Item], _ int) iter.Seq[dyad.Result] {
	return func(yield func(dyad.Result) bool) {
		for it := range items {
			if ctx.Err() != nil || !yield(p[it.Doc.ID]) {
				return
			}
		}
	}
}

// BenchmarkIngest codes and stores 800 600-word articles (four batches) into SQLite on every core, as
// `dyad ingest` does, and reports articles/s and CPU per article. For each kind of article: code-only
// codes without storing, sqlite codes and stores, store-only stores results coded beforehand. "short"
// articles have fifty 12-word sentences (about 45 events each), "wire" ones sentences of wire-copy
// length.
func BenchmarkIngest(b *testing.B) {
	c, err := dyad.New(dyad.Options{})
	if err != nil {
		b.Skipf("coder: %v", err)
	}
	for _, kind := range []struct {
		name string
		text func(r *rand.Rand) string
	}{
		{"short", func(r *rand.Rand) string { return article(r, 50) }},
		{"wire", wireArticle},
	} {
		// Several batches, so that storing one overlaps coding the next as in a long ingest.
		docs := benchArticles(4*ingest.DefaultBatch, kind.text)
		words := 0
		for _, d := range docs {
			words += len(strings.Fields(d.Text))
		}
		var pre precoded // filled by code-only, or by store-only when run alone
		b.Run(kind.name+"/code-only", func(b *testing.B) {
			events := 0
			cpu0 := cpuSeconds()
			for b.Loop() {
				events, pre = 0, precoded{}
				for r := range c.CodeAll(b.Context(), items(docs), 0) {
					events += len(r.Events)
					pre[r.Doc.ID] = r
				}
			}
			b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric((cpuSeconds()-cpu0)*1000/float64(len(docs)*b.N), "cpu-ms/article")
			b.ReportMetric(float64(events)/float64(len(docs)), "events/article")
			b.ReportMetric(float64(words)/float64(len(docs)), "words/article")
		})
		ingestBench := func(b *testing.B, coder batchCoder) {
			setup := 0.0 // CPU spent opening databases, outside the timed part
			cpu0 := cpuSeconds()
			for b.Loop() {
				b.StopTimer()
				s0 := cpuSeconds()
				st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
				if err != nil {
					b.Fatal(err)
				}
				setup += cpuSeconds() - s0
				b.StartTimer()
				sum, err := runIngest(b.Context(), st, coder, items(docs), 0, ingest.DefaultBatch, &ingestProgress{quiet: true})
				if err != nil || sum.Added != len(docs) {
					b.Fatalf("%+v %v", sum, err)
				}
				// Closing checkpoints the WAL into the database: part of the cost of storing.
				if err := st.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "articles/s")
			// CPU per article tells the cost apart from the load of a shared machine.
			b.ReportMetric((cpuSeconds()-cpu0-setup)*1000/float64(len(docs)*b.N), "cpu-ms/article")
		}
		b.Run(kind.name+"/sqlite", func(b *testing.B) { ingestBench(b, c) })
		b.Run(kind.name+"/store-only", func(b *testing.B) {
			if len(pre) != len(docs) {
				pre = precoded{}
				for r := range c.CodeAll(b.Context(), items(docs), 0) {
					pre[r.Doc.ID] = r
				}
			}
			ingestBench(b, pre)
		})
	}
}
