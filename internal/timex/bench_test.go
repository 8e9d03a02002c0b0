package timex

import (
	"strings"
	"testing"
	"time"
)

// Benchmark sentences of about 25 words, typical of wire copy.
var benchSentences = []struct{ name, text string }{
	{"NoDate", "The two delegations exchanged proposals about prisoner releases and the reopening of border crossings while observers from neighbouring states waited outside the hall."},
	{"NumbersNoDate", "The agency said 1,200 families in 14 districts received 300 tonnes of food from 12 trucks, and another 40 convoys are waiting at the crossing."},
	{"OneDate", "The two delegations exchanged proposals about prisoner releases on Monday while observers from neighbouring states waited outside the hall in the capital."},
	{"TwoDates", "Since 2001 the militia has controlled the valley, and last week its commanders rejected an offer of talks from the provincial governor and elders."},
}

func BenchmarkFind(b *testing.B) {
	r := New()
	pub := time.Date(2021, 8, 24, 12, 0, 0, 0, time.UTC)
	for _, s := range benchSentences {
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r.Find(s.text, pub)
			}
		})
	}
}

// TestFindAllocations keeps the hot path honest: a sentence without a date allocates nothing, and
// one with a date allocates only its result (the slice and the Value string).
func TestFindAllocations(t *testing.T) {
	r := New()
	pub := time.Date(2021, 8, 24, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		text string
		max  float64
	}{
		{benchSentences[0].text, 0},
		{benchSentences[1].text, 0},
		{benchSentences[2].text, 2},
	} {
		if n := testing.AllocsPerRun(100, func() { r.Find(c.text, pub) }); n > c.max {
			t.Errorf("%d allocations for %q, want at most %v", int(n), c.text, c.max)
		}
	}
}

// TestFindLinear guards against work growing faster than the input: a long run of expressions must not
// take much longer per byte than a short one.
func TestFindLinear(t *testing.T) {
	r := New()
	pub := time.Date(2021, 8, 24, 12, 0, 0, 0, time.UTC)
	long := strings.Repeat("from March to May 2019 and on Monday, Aug. 23, since the 1980s ", 2000)
	start := time.Now()
	xs := r.Find(long, pub)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Find on %d bytes took %v", len(long), d)
	}
	if len(xs) < 6000 {
		t.Errorf("found %d expressions in the long input, want at least 6000", len(xs))
	}
}
