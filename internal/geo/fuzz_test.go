package geo

import (
	"slices"
	"testing"
)

// FuzzResolve feeds arbitrary names and contexts to the query methods: none may panic, and
// their answers must agree with each other.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{"Kabul", "Paris, Texas", "the Gaza Strip", "Helmand province", "São Paulo",
		", ,", "province of", "\xff\xfe", "St. ", "Georgia, USA, , x", "Us"} {
		f.Add(s, "USA")
	}
	g, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, name, country string) {
		ctx := Context{Countries: []string{country, "FRA"}}
		all := g.Lookup(name)
		p, ok := g.Resolve(name, ctx)
		if ok != (len(all) > 0) || g.Contains(name) != (len(all) > 0) {
			t.Fatalf("%q: Resolve ok=%v, Lookup %d places", name, ok, len(all))
		}
		if ok && !slices.ContainsFunc(all, func(q Place) bool { return q.ID == p.ID }) {
			t.Fatalf("%q: Resolve gave %d, not among Lookup's", name, p.ID)
		}
		near := p
		ctx.Near = &near
		g.Resolve(name, ctx)
		g.ResolveQualified(name, ctx)
		g.Ambiguous(name)
		g.Country(name)
		g.CountryByName(name)
		g.Admin1(name)
	})
}
