package geo

import (
	"math"
	"slices"
	"strings"
)

// Weights of the context in Resolve, on the scale of prominence (log10 of population).
const (
	// primaryBonus favours a place whose own name (or a close spelling of it) was written over
	// one that merely has the name as an alternate in some language; alternatePenalty further
	// demotes the alternates when some place bears the name as its own ("Victoria" is also an
	// old name of Hong Kong, "Pokrovsk" an old name of Engels).
	primaryBonus     = 0.5
	alternatePenalty = 3.0
	// inPlayArea is added for a country, subdivision or region in the most salient country in
	// play, inPlayCity for a city; each next country gets inPlayDecay times the one before.
	// inPlayArea outweighs the gap between a country and a subdivision, so "Georgia" is the US
	// state when the USA is in play; inPlayCity lets a town in the country in play beat a
	// foreign capital (Paris, Texas) but not a country (Lebanon, Tennessee). Two countries in
	// play still let prominence decide.
	inPlayArea  = 6.0
	inPlayCity  = 4.0
	inPlayDecay = 0.85
	// Near: its country counts as the first in play; the same subdivision and closeness
	// (halved at nearScaleKm) add to that.
	nearAdmin1  = 3.0
	nearClose   = 1.5
	nearScaleKm = 200.0
)

// maxQualifiers bounds the ", Region, Country" parts that ResolveQualified reads.
const maxQualifiers = 3

// Resolve picks the place a name most likely designates in ctx. The rules, in order of weight:
//
//  1. A place in a country in play beats one outside (the earlier in ctx.Countries, the more):
//     "Paris" is Paris, Texas when only the USA is in play; "Georgia" is the US state when the
//     USA is in play, the country otherwise.
//  2. A place near ctx.Near beats one far away: its country counts as in play, then the same
//     subdivision, then distance.
//  3. Prominence: countries, then well-known regions, then cities and subdivisions by
//     population, capitals and seats boosted; so countries and subdivisions beat small towns of
//     the same name, and a city beats the subdivision it is the seat of (Aleppo, Kherson).
//  4. A place whose own name (or curated English name) was written beats one that has it only
//     as an alternate name in another language.
//
// A name found only without a generic word ("Helmand province") resolves to a subdivision or
// region when there is one. Resolve allocates nothing.
func (g *Gazetteer) Resolve(name string, ctx Context) (Place, bool) {
	refs, areaOnly := g.find(name)
	i := g.best(refs, areaOnly, &ctx, nil)
	if i < 0 {
		return Place{}, false
	}
	return g.places[i], true
}

// ResolveQualified resolves a name followed by qualifiers, as news writes places: "Paris,
// Texas", "Paris, TX", "Kabul, Afghanistan", "Springfield, Illinois, USA". Each qualifier is a
// country (name or code) or a subdivision (name, or the code after the country's, as "TX"); the
// place must lie in all of them. When none of the head's places does, the head is resolved with
// the qualifier's country in play. Text without a comma, or that is itself a name ("Washington,
// D.C."), is resolved as Resolve does.
func (g *Gazetteer) ResolveQualified(text string, ctx Context) (Place, bool) {
	head, rest, ok := strings.Cut(text, ",")
	if !ok || g.Contains(text) {
		return g.Resolve(text, ctx)
	}
	var quals [maxQualifiers]string
	n := 0
	for rest != "" && n < maxQualifiers {
		var q string
		q, rest, _ = strings.Cut(rest, ",")
		if q = strings.TrimSpace(q); q != "" {
			quals[n] = q
			n++
		}
	}
	refs, areaOnly := g.find(head)
	if len(refs) == 0 {
		return Place{}, false
	}
	within := func(p *Place) bool {
		for _, q := range quals[:n] {
			if !g.inQualifier(p, q) {
				return false
			}
		}
		return true
	}
	if i := g.best(refs, areaOnly, &ctx, within); i >= 0 {
		return g.places[i], true
	}
	// No place of the head lies in the qualifier: trust the head, with the qualifier's country
	// in play ("Sinjar, Kurdistan" names a town the table may place in another subdivision).
	for _, q := range quals[:n] {
		if c, ok := g.qualifierCountry(q); ok {
			var countries [1]string
			countries[0] = c
			ctx2 := Context{Countries: countries[:], Near: ctx.Near}
			return g.Resolve(head, ctx2)
		}
	}
	return g.Resolve(head, ctx)
}

// inQualifier reports whether p lies in the country or subdivision that qualifier q names.
func (g *Gazetteer) inQualifier(p *Place, q string) bool {
	if i, ok := g.countryIndex(q); ok && isCode(q) && g.places[i].Country == p.Country {
		return true
	}
	// A subdivision code after the country's: "TX" of US-TX.
	if isCode(q) && len(p.Subdivision) > 3 && strings.EqualFold(p.Subdivision[3:], q) {
		return true
	}
	refs, _ := g.find(q)
	for _, r := range refs {
		c := &g.places[r.place()]
		switch c.Kind {
		case KindCountry:
			if c.Country == p.Country {
				return true
			}
		case KindAdmin1:
			if c.Country == p.Country && ((c.Admin1Code != "" && c.Admin1Code == p.Admin1Code) ||
				(c.Subdivision != "" && c.Subdivision == p.Subdivision)) {
				return true
			}
		}
	}
	return false
}

// qualifierCountry returns the country a qualifier names or lies in.
func (g *Gazetteer) qualifierCountry(q string) (string, bool) {
	if isCode(q) {
		if i, ok := g.countryIndex(q); ok {
			return g.places[i].Country, true
		}
	}
	refs, _ := g.find(q)
	for _, r := range refs {
		if c := &g.places[r.place()]; c.Country != "" && (c.Kind == KindCountry || c.Kind == KindAdmin1) {
			return c.Country, true
		}
	}
	return "", false
}

// isCode reports text written as a code: two or three capital letters ("TX", "USA").
func isCode(s string) bool {
	if len(s) != 2 && len(s) != 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// best returns the index of the highest-scoring place among refs that keep accepts (all when
// keep is nil), or -1. With areaOnly, subdivisions and regions are taken when there are any.
func (g *Gazetteer) best(refs []ref, areaOnly bool, ctx *Context, keep func(*Place) bool) int {
	areaOnly = areaOnly && g.hasArea(refs)
	kind := ""
	switch ctx.Kind {
	case KindCity:
		if g.hasKind(refs, KindCity) {
			kind, areaOnly = KindCity, false
		}
	case KindAdmin1, KindRegion:
		areaOnly = areaOnly || g.hasArea(refs)
	}
	anyPrimary := slices.ContainsFunc(refs, ref.primary)
	bestI, bestS := -1, math.Inf(-1)
	for _, r := range refs {
		i := r.place()
		p := &g.places[i]
		if areaOnly && !isArea(p.Kind) || kind != "" && p.Kind != kind {
			continue
		}
		if keep != nil && !keep(p) {
			continue
		}
		s := g.nameScore(r, anyPrimary) + g.contextScore(p, ctx)
		// Ties go to the lower ID, so that the answer does not depend on table order.
		if s > bestS || (s == bestS && p.ID < g.places[bestI].ID) {
			bestI, bestS = i, s
		}
	}
	return bestI
}

// nameScore is a place's prominence plus what the way its name matched adds: the bonus for its
// own name, or the penalty for an alternate when another place bears the name as its own.
func (g *Gazetteer) nameScore(r ref, anyPrimary bool) float64 {
	s := g.base[r.place()]
	switch {
	case r.primary():
		s += primaryBonus
	case anyPrimary:
		s -= alternatePenalty
	}
	return s
}

// contextScore is what the context adds to a place's score.
func (g *Gazetteer) contextScore(p *Place, ctx *Context) float64 {
	w := inPlayArea
	if p.Kind == KindCity {
		w = inPlayCity
	}
	inPlay := 0.0
	for _, c := range ctx.Countries {
		if p.Country != "" && g.sameCountry(c, p.Country) {
			inPlay = w
			break
		}
		w *= inPlayDecay
	}
	s := 0.0
	if n := ctx.Near; n != nil {
		// The near place's country is in play as if it came first.
		if n.Country != "" && n.Country == p.Country {
			inPlay = inPlayCity
			if p.Kind != KindCity {
				inPlay = inPlayArea
			}
		}
		if (n.Admin1Code != "" && n.Admin1Code == p.Admin1Code) || (n.Subdivision != "" && n.Subdivision == p.Subdivision) {
			s += nearAdmin1
		}
		s += nearClose / (1 + distanceKm(n.Lat, n.Lon, p.Lat, p.Lon)/nearScaleKm)
	}
	return s + inPlay
}

// sameCountry compares a code from a Context (alpha-3 or alpha-2, any case) with an alpha-3.
func (g *Gazetteer) sameCountry(code, alpha3 string) bool {
	if len(code) == 3 && strings.EqualFold(code, alpha3) {
		return true
	}
	if len(code) == 2 {
		if i, ok := g.countryIndex(code); ok {
			return g.places[i].Country == alpha3
		}
	}
	return false
}

// distanceKm is the great-circle distance between two points.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dLat := (lat2 - lat1) * rad
	dLon := (lon2 - lon1) * rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) +
		math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * r * math.Asin(math.Sqrt(min(1, a)))
}
