package geo

import (
	"testing"
	"time"
)

// benchNames mixes the names a coder looks up: places, and the many words that are not.
var benchNames = []string{
	"Kabul", "the Gaza Strip", "São Paulo", "Helmand province", "Kyiv", "Paris", "Georgia",
	"minister", "said", "Tuesday", "Washington", "Donbas", "talks", "Sao Paulo", "ceasefire", "Idlib",
}

func TestLookupAllocs(t *testing.T) {
	g := testGazetteer(t)
	buf := make([]Place, 0, 64)
	tests := []struct {
		name string
		fn   func()
	}{
		{"Contains", func() { g.Contains("the Gaza Strip") }},
		{"AppendLookup", func() { buf = g.AppendLookup(buf[:0], "São Paulo") }},
		{"Lookup miss", func() { g.Lookup("ceasefire") }},
		{"Lookup generic", func() { buf = g.AppendLookup(buf[:0], "Helmand province") }},
		{"Resolve", func() { g.Resolve("Paris", Context{Countries: []string{"USA"}}) }},
		{"ResolveQualified", func() { g.ResolveQualified("Paris, Texas", Context{}) }},
		{"Country", func() { g.Country("af") }},
		{"CountryByName", func() { g.CountryByName("Britain") }},
		{"Ambiguous", func() { g.Ambiguous("Nice") }},
	}
	for _, tc := range tests {
		if n := testing.AllocsPerRun(200, tc.fn); n != 0 {
			t.Errorf("%s allocates %v times per call, want 0", tc.name, n)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	g := testGazetteer(b)
	buf := make([]Place, 0, 64)
	b.ReportAllocs()
	start := time.Now()
	n := 0
	for b.Loop() {
		for _, name := range benchNames {
			buf = g.AppendLookup(buf[:0], name)
		}
		n += len(benchNames)
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "lookups/s")
}

func BenchmarkContains(b *testing.B) {
	g := testGazetteer(b)
	b.ReportAllocs()
	start := time.Now()
	n := 0
	for b.Loop() {
		for _, name := range benchNames {
			g.Contains(name)
		}
		n += len(benchNames)
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "lookups/s")
}

func BenchmarkResolve(b *testing.B) {
	g := testGazetteer(b)
	ctx := Context{Countries: []string{"AFG", "USA"}}
	b.ReportAllocs()
	start := time.Now()
	n := 0
	for b.Loop() {
		for _, name := range benchNames {
			g.Resolve(name, ctx)
		}
		n += len(benchNames)
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "resolves/s")
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
