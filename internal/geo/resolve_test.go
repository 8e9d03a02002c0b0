package geo

import (
	"strings"
	"testing"
)

func TestResolve(t *testing.T) {
	g := testGazetteer(t)
	for _, c := range readCases(t, "resolve.tsv") {
		if len(c) != 4 {
			t.Fatalf("bad case %q", c)
		}
		var ctx Context
		if c[1] != "-" {
			ctx.Countries = strings.Split(c[1], ",")
		}
		if c[2] != "-" {
			near, ok := g.Admin1(c[2])
			if !ok {
				t.Fatalf("case %q: no subdivision %s", c, c[2])
			}
			ctx.Near = &near
		}
		var p Place
		var ok bool
		if strings.Contains(c[0], ",") {
			p, ok = g.ResolveQualified(c[0], ctx)
		} else {
			p, ok = g.Resolve(c[0], ctx)
		}
		if !ok || describe(p) != c[3] {
			t.Errorf("resolve %q in %s near %s = %s (%v), want %s", c[0], c[1], c[2], describe(p), ok, c[3])
		}
	}
}

func TestResolveQualifiedChecksQualifier(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct {
		text      string
		admin1    string // the admin1 the answer must lie in, or "" to check only ok
		wantFound bool
	}{
		{"Springfield, Illinois", "Illinois", true},
		{"Springfield, Missouri", "Missouri", true},
		{"Springfield, IL", "Illinois", true},
		{"Portland, Oregon", "Oregon", true},
		{"Portland, Maine", "Maine", true},
		{"Xqzvwplk, Texas", "", false},
		{",", "", false},
		{"", "", false},
	}
	for _, tc := range tests {
		p, ok := g.ResolveQualified(tc.text, Context{})
		if ok != tc.wantFound || (tc.admin1 != "" && p.Admin1 != tc.admin1) {
			t.Errorf("ResolveQualified(%q) = %s in %q (%v), want in %q (%v)", tc.text, describe(p), p.Admin1, ok, tc.admin1, tc.wantFound)
		}
	}
}

func TestResolveAgreesWithLookup(t *testing.T) {
	g := testGazetteer(t)
	// Without context, Resolve picks the first place Lookup lists.
	for _, name := range []string{"Paris", "Georgia", "Victoria", "Tripoli", "Punjab", "Gaza", "Alexandria", "Kherson", "Birmingham", "Washington"} {
		all := g.Lookup(name)
		p, ok := g.Resolve(name, Context{})
		if !ok || len(all) == 0 || all[0].ID != p.ID {
			t.Errorf("Resolve(%q) = %s, Lookup first = %v", name, describe(p), all)
		}
	}
}

func TestResolveNearDistance(t *testing.T) {
	g := testGazetteer(t)
	// Two Birminghams in one country: the one near the given place wins.
	near := Place{Lat: 33.5, Lon: -86.8, Country: "USA"} // northern Alabama
	p, ok := g.Resolve("Birmingham", Context{Near: &near})
	if !ok || p.Country != "USA" || p.Admin1 != "Alabama" {
		t.Errorf("Birmingham near Alabama = %s in %s", describe(p), p.Admin1)
	}
}

func TestDistanceKm(t *testing.T) {
	tests := []struct {
		lat1, lon1, lat2, lon2, want float64
	}{
		{0, 0, 0, 0, 0},
		{0, 0, 0, 1, 111.2},
		{0, 179.5, 0, -179.5, 111.2},
		{90, 0, -90, 0, 20015.1},
	}
	for _, tc := range tests {
		if d := distanceKm(tc.lat1, tc.lon1, tc.lat2, tc.lon2); d < tc.want-0.5 || d > tc.want+0.5 {
			t.Errorf("distanceKm(%v,%v,%v,%v) = %.1f, want %.1f", tc.lat1, tc.lon1, tc.lat2, tc.lon2, d, tc.want)
		}
	}
}

func TestResolveKindAndCapital(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, kind, country, wantKind, wantName string
	}{
		// the governorate bears the name as its own, the city only as a close spelling
		{"Hama", KindCity, "SYR", KindCity, "Ḩamāh"},
		{"Hama", "", "SYR", KindAdmin1, "Hama"},
		{"Kursk", KindAdmin1, "RUS", KindAdmin1, "Kursk"},
		{"Kursk", "", "", KindCity, "Kursk"},
		// a name without a place of the wanted kind still resolves
		{"Gaza Strip", KindCity, "PSE", KindAdmin1, "Gaza Strip"},
	}
	for _, tt := range tests {
		p, ok := g.Resolve(tt.name, Context{Countries: []string{tt.country}, Kind: tt.kind})
		if !ok || p.Kind != tt.wantKind || p.Name != tt.wantName {
			t.Errorf("Resolve(%q, kind %q) = %v %s %q, want %s %q", tt.name, tt.kind, ok, p.Kind, p.Name, tt.wantKind, tt.wantName)
		}
	}
	for code, want := range map[string]string{"ERI": "Asmara", "af": "Kabul", "FRA": "Paris"} {
		if p, ok := g.Capital(code); !ok || p.Name != want {
			t.Errorf("Capital(%s) = %q %v, want %q", code, p.Name, ok, want)
		}
	}
	if _, ok := g.Capital("XXX"); ok {
		t.Error("Capital(XXX) found a place")
	}
}
