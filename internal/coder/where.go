package coder

import (
	"slices"
	"strings"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/geo"
	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/source"
)

// locative prepositions: the phrases they head place an event
var locPreps = keySet("in", "at", "near", "off", "outside", "inside", "across", "around", "throughout", "within",
	"along", "into", "onto", "to", "from", "on", "out", "through")

// static places (where the event happened) versus movement ("to", "from"), which only places visits and
// sentence-level fallbacks
var motionPreps = keySet("to", "from", "into", "onto", "out")

// placeAt resolves a locative phrase headed by h to a place. ctx supplies the countries in play.
func (w *worker) placeAt(s *sentence, h int, ctx geo.Context, depth int) (geo.Place, int, int, bool) {
	g := w.c.opt.Gazetteer
	if g == nil || depth > 3 {
		return geo.Place{}, 0, 0, false
	}
	// the noun above may have said what kind of place this is ("the town of Jarablus")
	cue := ctx.Kind
	// a possessive country says where to look: "Somalia's Lower Juba region" is not South Sudan's Juba
	poss := ""
	for _, c := range s.children(h) {
		// and so does a country adjective: "the Indonesian island of Bali" is not Bali in India
		if s.rel[c] == "nmod:poss" || s.rel[c] == "amod" && c < h {
			if m := s.inActor[c]; m >= 0 && s.actorAt[m].actor.Kind == "country" {
				if cc := countryOf(s.actorAt[m].actor.CodeOn(w.on)); cc != "" {
					if s.rel[c] == "nmod:poss" {
						poss = cc
					}
					ctx.Countries = append([]string{cc}, ctx.Countries...)
				}
			}
		}
	}
	// a country or capital the actor lexicon knows ("Afghanistan", "Kabul", "the U.S.")
	if m := s.inActor[h]; m >= 0 {
		a := s.actorAt[m].actor
		lo, hi := m, m+s.actorAt[m].n-1
		switch a.Kind {
		case "country":
			code := countryOf(a.CodeOn(w.on))
			// a territory that the actor lexicon counts as its country ("the Gaza Strip", "the West Bank") is
			// the subdivision or region of that name
			var in [1]string
			in[0] = code
			if p, ok := g.Resolve(s.spanText(lo, hi), geo.Context{Countries: in[:]}); ok && p.Country == code &&
				(p.Kind == geo.KindAdmin1 || p.Kind == geo.KindRegion) {
				return p, lo, hi, true
			}
			if p, ok := g.Country(code); ok {
				return p, lo, hi, true
			}
		case "capital":
			if p, ok := g.Resolve(s.spanText(lo, hi), ctx); ok {
				return p, lo, hi, true
			}
		default:
			// a body, group, party or person is no place ("the U.N. General Assembly" is not Una, India);
			// the noun it modifies may still be one; "North Sinai province" is not the group "Sinai Province"
			if allCapitalized(s.spanText(lo, hi)) {
				return geo.Place{}, 0, 0, false
			}
		}
	}
	// a proper name: the run of name words around the head ("Helmand province", "Gaza Strip", "San José"); a
	// word written in lower case is none, whatever its tag ("a march in Minsk" is not March, England)
	named := (s.words[h].UPOS == "PROPN" || s.upper[h] || capitalized(s, h)) && !lowerInitial(s.words[h].Form)
	// "the Gulf of Oman", "the Sea of Azov": the name goes on past "of", and the generic word alone is none
	if o := s.child(h, "nmod"); genericGeo[s.lkey[h]] && o > h+1 && s.lkey[h+1] == keyOfPrep && s.words[o].UPOS == "PROPN" {
		if p, ok := g.Resolve(s.spanText(h, o), ctx); ok {
			return p, h, o, true
		}
		named = false
	}
	// "the West Bank city of Nablus", "the Texas town of Uvalde": a place noun with a name after "of" is that
	// place, not the name in front of the noun
	if !named && (isPlaceNoun(s.lkey[h]) || settlementNouns[s.lkey[h]]) {
		// the country the noun names ("the Burkinabe village of Solhan") is where the name lies: a place of
		// that name elsewhere (Solhan, Turkey) is not it, and the town is placed in the country instead
		cc := ""
		for _, c := range s.children(h) {
			if m := s.inActor[c]; c < h && m >= 0 && s.actorAt[m].actor.Kind == "country" &&
				(s.rel[c] == "amod" || s.rel[c] == "compound" || s.rel[c] == "nmod:poss") {
				cc = countryOf(s.actorAt[m].actor.CodeOn(w.on))
			}
		}
		for _, c := range s.children(h) {
			if cs := s.child(c, "case"); c > h && s.rel[c] == "nmod" && cs >= 0 && s.lkey[cs] == keyOfPrep && s.words[c].UPOS == "PROPN" {
				kc := ctx
				kc.Kind = placeNounKind(s.lkey[h])
				if cc != "" {
					kc.Countries = append([]string{cc}, ctx.Countries...)
				}
				p, lo, hi, ok := w.placeAt(s, c, kc, depth+1)
				if ok && cc != "" && p.Country != cc {
					if u, ok := w.unlisted(s, lo, hi, c, kc.Kind, "", kc, depth, false); ok && u.Country == cc {
						return u, lo, hi, true
					}
				}
				if ok {
					return p, lo, hi, true
				}
			}
		}
	}
	if named || isPlaceNoun(s.lkey[h]) {
		lo, hi := h, h
		for lo > 0 && inside(s, lo-1, h) && nameWord(s, lo-1) {
			lo--
		}
		for hi+1 < len(s.words) && s.head[hi+1] >= lo && s.head[hi+1] <= hi && (s.rel[hi+1] == "flat" || s.rel[hi+1] == "flat:name") {
			hi++
		}
		if k := placeNounKind(s.lkey[hi]); k != "" && lo < hi {
			// the name's own noun says more than the noun above: "villages of the Belgorod region"
			ctx.Kind = k
		}
		// a qualifier after a comma says which one: "Granada, Spain", "Paris, Texas"
		if q := qualifier(s, h, hi); q >= 0 {
			if p, ok := g.ResolveQualified(s.spanText(lo, hi)+", "+s.spanText(q, q), ctx); ok {
				return p, lo, hi, true
			}
		}
		for l := lo; l <= h; l++ {
			name := s.spanText(l, hi)
			if l == hi && g.Ambiguous(name) && s.words[h].UPOS != "PROPN" {
				break
			}
			if l > lo && (genericGeo[s.lkey[l]] || s.words[l-1].UPOS == "PROPN" && s.inActor[l-1] < 0) {
				// "Bekaa Valley" without "Bekaa" is no name ("Valley" is a town in Anguilla), nor is "Evo Morales"
				// without "Evo" (Morales, Colombia); only known modifiers drop ("Syrian", "Kenyan")
				break
			}
			if p, ok := g.Resolve(name, ctx); ok && (poss == "" || p.Country == poss) {
				return p, l, hi, true
			}
		}
		// "the Lower Juba region", "Helmand province": the name without its place noun, of the kind the noun
		// says
		if isPlaceNoun(s.lkey[hi]) && lo < hi {
			kc := ctx
			kc.Kind = placeNounKind(s.lkey[hi])
			for l := lo; l < hi; l++ {
				if l > lo && genericGeo[s.lkey[l]] {
					break // "Sadr City district" without "Sadr" is no name
				}
				if p, ok := g.Resolve(s.spanText(l, hi-1), kc); ok && (poss == "" || p.Country == poss) {
					return p, l, hi, true
				}
			}
			// "the Sadr City district of Baghdad": a part of a city the gazetteer lacks is in that city
			if subCityNouns[s.lkey[hi]] {
				for _, c := range s.children(hi) {
					if cs := s.child(c, "case"); c > hi && s.rel[c] == "nmod" && cs >= 0 && s.lkey[cs] == keyOfPrep {
						if p, plo, phi, ok := w.placeAt(s, c, ctx, depth+1); ok && p.Kind == geo.KindCity {
							return p, plo, phi, true
						}
					}
				}
			}
			if p, ok := w.unlisted(s, lo, hi-1, h, kc.Kind, poss, ctx, depth, false); ok {
				return p, lo, hi, true
			}
		}
		// a name the gazetteer lacks where the text says it is a place: the noun above ("the village of
		// Karma"), or what encloses it ("Butler, Pennsylvania", "Ogossagou in central Mali")
		if named && !isPlaceNoun(s.lkey[hi]) {
			// "the village of Kok-Tash": a hyphenated name the tokenizer split is one name
			uhi := hi
			for uhi+2 < len(s.words) && uhi-lo < 2 && s.words[uhi+1].Form == "-" && s.words[uhi+1].Start == s.words[uhi].End &&
				s.words[uhi+2].Start == s.words[uhi+1].End && upperFirst(s.words[uhi+2].Form) {
				uhi += 2
			}
			if p, ok := w.unlisted(s, lo, uhi, h, cue, poss, ctx, depth, cue == ""); ok {
				return p, lo, uhi, true
			}
		}
	}
	ctx.Kind = ""
	// "the island of Lesbos", "the Syrian city of Hama", "Dublin port", "Lusaka's airport": the named place
	// inside first; the name after "of" before a name in front ("the Texas town of Uvalde") and before a
	// possessive ("Khartoum's twin city of Omdurman")
	for _, c := range s.children(h) {
		if s.rel[c] != "nmod" && s.rel[c] != "appos" {
			continue
		}
		if borderNouns[s.lkey[h]] && s.rel[c] == "nmod" {
			// "its border with Eritrea" is on this side of the border, not in Eritrea
			continue
		}
		kc := ctx
		if cs := s.child(c, "case"); s.rel[c] == "nmod" && c > h && cs >= 0 && s.lkey[cs] == keyOfPrep {
			// "the city of Hama" is the city, not the governorate of that name
			kc.Kind = placeNounKind(s.lkey[h])
		}
		if p, lo, hi, ok := w.placeAt(s, c, kc, depth+1); ok {
			return p, lo, hi, true
		}
	}
	for _, c := range s.children(h) {
		switch {
		case s.rel[c] == "compound" && c < h && s.words[c].UPOS == "PROPN":
			if m := s.inActor[c]; m >= 0 && s.actorAt[m].actor.Kind == "country" {
				continue // "Kenyan police post": a country adjective is no city
			}
		case s.rel[c] == "nmod:poss":
		default:
			continue
		}
		if p, lo, hi, ok := w.placeAt(s, c, ctx, depth+1); ok {
			return p, lo, hi, true
		}
	}
	// "the Venezuelan border", "the Afghan capital": a country adjective on a geographic noun
	if geoNouns[s.lkey[h]] {
		for _, c := range s.children(h) {
			if s.rel[c] != "amod" && s.rel[c] != "compound" {
				continue
			}
			if m := s.inActor[c]; m >= 0 && s.actorAt[m].actor.Kind == "country" {
				code := countryOf(s.actorAt[m].actor.CodeOn(w.on))
				if borderNouns[s.lkey[h]] {
					// "Israeli army posts near the Lebanese border" are on the Israeli side
					if side := w.countryModifier(s, s.head[h]); side != "" && side != code {
						code = side
					}
				}
				if s.lkey[h] == lexicon.KeyOf("capital") {
					// "the Eritrean capital" is Asmara
					if p, ok := g.Capital(code); ok {
						return p, c, h, true
					}
				}
				if p, ok := g.Country(code); ok {
					return p, c, h, true
				}
			}
		}
		// "the capital" alone is the capital of the country in play
		if s.lkey[h] == lexicon.KeyOf("capital") && len(ctx.Countries) > 0 && bareNoun(s, h) {
			if p, ok := g.Capital(ctx.Countries[0]); ok {
				return p, h, h, true
			}
		}
	}
	return geo.Place{}, 0, 0, false
}

// qualifier returns the name after a comma that qualifies the name ending at hi (head h), "Granada, Spain", or
// -1.
func qualifier(s *sentence, h, hi int) int {
	if hi+2 >= len(s.words) || s.words[hi+1].Form != "," {
		return -1
	}
	q := hi + 2
	if s.words[q].UPOS != "PROPN" || s.head[q] != h && s.head[q] != hi {
		return -1
	}
	switch s.rel[q] {
	case "appos", "conj", "flat", "list", "nmod:npmod", "obl:npmod":
		return q
	}
	return -1
}

// countryModifier returns the country of a country adjective or possessive on noun n ("Israeli army posts"),
// or "".
func (w *worker) countryModifier(s *sentence, n int) string {
	if n < 0 || !s.isNominal(n) {
		return ""
	}
	for _, c := range s.children(n) {
		if c > n {
			continue
		}
		switch s.rel[c] {
		case "amod", "compound", "nmod:poss":
			if m := s.inActor[c]; m >= 0 && s.actorAt[m].actor.Kind == "country" {
				return countryOf(s.actorAt[m].actor.CodeOn(w.on))
			}
			if cc := w.countryModifier(s, c); cc != "" && s.rel[c] == "compound" {
				return cc // "Israeli army posts": the adjective is on "army"
			}
		}
	}
	return ""
}

// bareNoun reports whether noun h has no modifier but a determiner ("the capital", not "a regional capital").
func bareNoun(s *sentence, h int) bool {
	for _, c := range s.children(h) {
		switch s.rel[c] {
		case "det", "case", "punct", "appos", "conj", "cc", "acl", "acl:relcl":
		default:
			return false
		}
	}
	return true
}

// inside reports whether token t belongs to h's subtree without leaving the span t..h.
func inside(s *sentence, t, h int) bool {
	for j, d := t, 0; j >= 0 && d < 6; j, d = s.head[j], d+1 {
		if j == h {
			return true
		}
		if j > h || j < t {
			return false
		}
	}
	return false
}

// nameWord: a word that can be part of a place name.
func nameWord(s *sentence, t int) bool {
	switch s.rel[t] {
	case "compound", "flat", "flat:name", "amod":
		return s.words[t].UPOS == "PROPN" || s.upper[t] || len(s.words[t].Form) > 0 && s.words[t].Form[0] >= 'A' && s.words[t].Form[0] <= 'Z'
	}
	return false
}

// geographic nouns that a country adjective turns into a place
var geoNouns = keySet("border", "region", "state", "district", "county", "department", "frontier", "coast", "coastline", "waters", "capital", "city", "town", "village",
	"territory", "side", "soil", "province", "region", "airspace", "mainland", "countryside", "north", "south",
	"east", "west", "countryside", "port", "island", "islands", "desert", "mountains", "highlands", "enclave")

// demonym reports whether token t names a country's people rather than the country ("two Canadians").
func demonym(s *sentence, t int) bool {
	m := s.inActor[t]
	if m < 0 || s.actorAt[m].actor.Kind != "country" {
		return false
	}
	text := s.spanText(m, m+s.actorAt[m].n-1)
	return !strings.EqualFold(text, s.actorAt[m].actor.Name) && strings.HasSuffix(strings.ToLower(text), "s")
}

var borderNouns = keySet("border", "frontier", "boundary")

func geoContext(countries []string) geo.Context { return geo.Context{Countries: countries} }

// place nouns that follow a name ("Helmand province", "Ouham prefecture")
var placeNouns = keySet("province", "region", "state", "city", "island", "prefecture", "department", "district",
	"county", "governorate", "oblast", "municipality", "territory", "emirate", "canton", "division", "zone")

func isPlaceNoun(k lexicon.Key) bool { return placeNouns[k] }

// settlement nouns name a populated place: "the border town of Jarablus", "the Iraqi city of Ramadi"
var settlementNouns = keySet("city", "town", "village", "hamlet", "township", "settlement", "capital", "port",
	"suburb", "neighborhood", "neighbourhood", "district", "county", "municipality", "camp")

// subCityNouns name a part of a city: "the Karrada district of Baghdad", "a southern suburb of Beirut"
var subCityNouns = keySet("district", "suburb", "suburbs", "neighborhood", "neighbourhood", "quarter", "area",
	"outskirts", "borough")

// areaNouns name a subdivision or a region: "Kursk region", "the province of Helmand"
var areaNouns = keySet("province", "region", "state", "prefecture", "department", "governorate", "oblast",
	"territory", "emirate", "canton", "division", "zone", "krai", "republic", "island", "islands", "peninsula",
	"valley")

// genericGeo words end place names but are none on their own
var genericGeo = keySet("valley", "river", "lake", "sea", "gulf", "bay", "strait", "coast", "island", "islands",
	"mountains", "mountain", "hills", "hill", "desert", "plain", "plains", "forest", "peninsula", "basin", "delta",
	"strip", "bank", "square", "street", "road", "bridge", "dam", "camp", "crossing", "airport", "port", "city")

// placeNounKind is the kind of place a place noun names, or "" when it names none.
func placeNounKind(k lexicon.Key) string {
	switch {
	case settlementNouns[k]:
		return geo.KindCity
	case areaNouns[k]:
		return geo.KindAdmin1
	}
	return ""
}

// capitalized reports whether token t is written with a capital, as names are (the tagger may take an
// unknown name with diacritics, "Brasília", for a noun).
func capitalized(s *sentence, t int) bool {
	f := s.words[t].Form
	return t > 0 && f != "" && f[0] >= 'A' && f[0] <= 'Z' || s.words[t].UPOS == "PROPN"
}

// unlisted makes a place of a name that the gazetteer lacks, lo..hi (head h), when the text says it is one:
// "the village of Karma in northern Burkina Faso", "Butler, Pennsylvania", "Somalia's Lower Juba region".
// It lies in what encloses it in the text: a qualifier of the name (or of the noun above it), a possessive
// or adjective country, else, unless mustQualify, the sentence's other places and the countries in play.
// Its coordinates are the enclosure's, and it says so (Approximate).
func (w *worker) unlisted(s *sentence, lo, hi, h int, kind, poss string, ctx geo.Context, depth int, mustQualify bool) (geo.Place, bool) {
	g := w.c.opt.Gazetteer
	if hi-lo > 3 {
		return geo.Place{}, false
	}
	for t := lo; t <= hi; t++ {
		f := s.words[t].Form
		if f == "-" && t > lo && t < hi {
			continue // the hyphen inside "Kok-Tash"
		}
		if s.inActor[t] >= 0 || f == "" || f[0] < 'A' || f[0] > 'Z' || notPlaceNames[s.lkey[t]] {
			return geo.Place{}, false
		}
		// a people or a group is no town: "cleansing of Rohingya Muslims in Rakhine state"
		if s.words[t].XPOS == "NNPS" || s.agentAt[t].n > 0 {
			return geo.Place{}, false
		}
	}
	if kind == "" {
		kind = geo.KindCity
	}
	plain := geo.Context{Countries: ctx.Countries, Near: ctx.Near}
	var encl geo.Place
	found := false
	// qualifiers: "Butler, Pennsylvania", "Nuh, in Haryana state", "Ogossagou in central Mali"
	qualify := func(x int) {
		for _, c := range s.children(x) {
			if found {
				return
			}
			if c <= hi || c < lo && s.rel[c] != "amod" {
				continue
			}
			switch s.rel[c] {
			case "appos", "nmod", "conj":
				if cs := s.child(c, "case"); s.rel[c] == "nmod" && (cs < 0 || !locPreps[s.lkey[cs]]) {
					continue
				}
				if p, _, _, ok := w.placeAt(s, c, plain, depth+1); ok && p.ID != 0 && p.Country != "" {
					encl, found = p, true
				}
			}
		}
	}
	qualify(h)
	// "in Dorbo in eastern Chad" with the second phrase hung on the verb: the phrase right after the name
	if n := hi + 1; !found && n+1 < len(s.words) && s.lkey[n] == keyIn && s.head[n] > n {
		if p, _, _, ok := w.placeAt(s, s.head[n], plain, depth+1); ok && p.ID != 0 && p.Country != "" && p.Kind != geo.KindCity {
			encl, found = p, true
		}
	}
	// the noun above: "the village of Karma in northern Burkina Faso", "the Syrian town of X"
	up := s.head[h]
	settled := up >= 0 && s.rel[h] == "nmod" && settlementNouns[s.lkey[up]]
	if !found && settled {
		for _, c := range s.children(up) {
			if c > up || s.rel[c] != "amod" && s.rel[c] != "nmod:poss" && s.rel[c] != "compound" {
				continue
			}
			if m := s.inActor[c]; m >= 0 && s.actorAt[m].actor.Kind == "country" {
				if p, ok := g.Country(countryOf(s.actorAt[m].actor.CodeOn(w.on))); ok {
					encl, found = p, true
					break
				}
			}
			// "the small Texas town of X"
			if p, _, _, ok := w.placeAt(s, c, plain, depth+1); ok && p.ID != 0 && p.Kind != geo.KindCity {
				encl, found = p, true
				break
			}
		}
		if !found {
			qualify(up)
		}
	}
	if !found && poss != "" && !mustQualify {
		// "Somalia's Lower Juba region" (a possessive alone does not make a place of "France's Danone")
		encl, found = g.Country(poss)
	}
	if !found && mustQualify {
		return geo.Place{}, false
	}
	if !found {
		// the sentence's other places, nearest first: "rolled into Syria … the border town of Jarablus"
		var buf [16]int
		for _, t := range w.allLocatives(s, h, buf[:0]) {
			if t >= lo && t <= hi {
				continue
			}
			if p, _, _, ok := w.placeAt(s, t, plain, depth+1); ok && p.ID != 0 && p.Country != "" {
				encl, found = p, true
				break
			}
		}
	}
	if !found && settled && len(ctx.Countries) > 0 {
		// "the border town of Arsal" in a story of the Lebanese army: a town named as one is in the country in
		// play; a bare name or an island is not placed on such a guess
		encl, found = g.Country(ctx.Countries[0])
	}
	if !found {
		return geo.Place{}, false
	}
	p := geo.Place{Name: s.spanText(lo, hi), Kind: kind, Country: encl.Country, Lat: encl.Lat, Lon: encl.Lon,
		Approximate: true}
	if encl.Kind != geo.KindCountry && kind == geo.KindCity {
		p.Admin1, p.Admin1Code, p.Subdivision = encl.Admin1, encl.Admin1Code, encl.Subdivision
	}
	return p, true
}

var keyIn, keyOfPrep, keyFrom = lexicon.KeyOf("in"), lexicon.KeyOf("of"), lexicon.KeyOf("from")

// lowerInitial reports whether a word starts with a lower-case ASCII letter.
func lowerInitial(f string) bool { return f != "" && f[0] >= 'a' && f[0] <= 'z' }

// words that are capitalized in a place's position but name no place of their own
var notPlaceNames = keySet("january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"the", "a", "an", "this", "that", "his", "her", "its", "their", "our", "north", "south", "east", "west",
	"northern", "southern", "eastern", "western", "central", "president", "minister", "parliament", "congress",
	"senate", "court", "army", "police", "government", "university", "hospital", "airport", "embassy")

// timeNames are the days and months, which a bare oblique ("struck on Tuesday" without "on") may be
var timeNames = keySet("january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"today", "yesterday", "tonight", "week", "month", "year", "day", "morning", "evening", "night", "weekend")

// locatives returns the locative phrases that are dependents of predicate p: obliques (and noun modifiers
// of its object) introduced by a locative preposition.
func (w *worker) locatives(s *sentence, p int, motion bool, out []int) []int {
	add := func(c int) {
		cs := s.child(c, "case")
		if cs < 0 || !locPreps[s.lkey[cs]] || (!motion && motionPreps[s.lkey[cs]]) {
			return
		}
		out = append(out, c)
	}
	for _, c := range s.children(p) {
		switch s.rel[c] {
		case "obl", "obl:tmod", "nmod", "advcl":
			add(c)
		case "obj", "nsubj:pass", "nsubj", "iobj":
			// "police in Bishkek detained …", "seized a tanker in the Gulf of Oman"
			for _, cc := range s.children(c) {
				if s.rel[cc] == "nmod" || s.rel[cc] == "acl" {
					add(cc)
				}
			}
		}
	}
	return out
}

// allLocatives lists every phrase of the sentence introduced by a locative preposition, nearest to token p
// first.
func (w *worker) allLocatives(s *sentence, p int, out []int) []int {
	for i := range s.words {
		if !s.isNominal(i) && s.words[i].UPOS != "PROPN" {
			continue
		}
		// "under pressure from Washington", "refugees from Syria": where a thing comes from is not where the
		// sentence happens
		fromNoun := func(prep int) bool {
			return s.lkey[prep] == keyFrom && s.head[i] >= 0 && s.isNominal(s.head[i])
		}
		if cs := s.child(i, "case"); cs >= 0 && locPreps[s.lkey[cs]] {
			if !fromNoun(cs) {
				out = append(out, i)
			}
			continue
		}
		// a name right after a locative preposition, whatever the parse hung it on ("in Bandar Seri
		// Begawan on Tuesday", with "in" taken for Tuesday's)
		// ("into Russia's Kursk region" is a phrase of "region", already listed)
		if j := i - 1; j >= 0 && s.words[i].UPOS == "PROPN" && s.words[j].UPOS == "ADP" && locPreps[s.lkey[j]] && !fromNoun(j) &&
			!((s.rel[i] == "nmod:poss" || s.rel[i] == "compound") && s.head[i] > i) {
			out = append(out, i)
		}
	}
	slices.SortStableFunc(out, func(a, b int) int { return abs(a-p) - abs(b-p) })
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// place locates an event: the locative phrase attached to its predicate (or a predicate it is coordinated
// with), then any locative phrase of the sentence, then the article's dateline; the article's most salient
// place is filled in after the whole document is coded (see fillSalient).
func (w *worker) place(doc *source.Document, s *sentence, p int, code string, countries []string) *event.Location {
	g := w.c.opt.Gazetteer
	if g == nil {
		return nil
	}
	ctx := geo.Context{Countries: append(countries, w.docCountries...)}
	try := func(heads []int, from string) *event.Location {
		for _, h := range heads {
			if pl, lo, hi, ok := w.placeAt(s, h, ctx, 0); ok {
				return location(pl, s.spanText(lo, hi), from)
			}
		}
		return nil
	}
	visit := strings.HasPrefix(code, "042") || strings.HasPrefix(code, "043")
	heads := w.locatives(s, p, visit, w.locs[:0])
	if h := s.head[p]; h >= 0 && (s.rel[p] == "conj" || s.rel[p] == "xcomp") {
		heads = w.locatives(s, h, visit, heads)
	}
	for _, c := range s.children(p) {
		if s.rel[c] == "conj" && s.isVerb(c) {
			heads = w.locatives(s, c, visit, heads)
		}
	}
	w.locs = heads
	own := try(heads, "phrase")
	if own != nil && own.Precision == "admin1" {
		// a town of that region named elsewhere in the sentence is where it happened, whatever the parse
		// hung it on: "shelled a bridge used by Russian troops near Nova Kakhovka in the Kherson region"
		var buf [16]int
		cands := w.allLocatives(s, p, buf[:0])
		for t := range s.words {
			// a town in an office's "of" phrase: "the mayor of Uruapan, in Mexico's Michoacán state"
			if cs := s.child(t, "case"); cs >= 0 && s.lkey[cs] == kOf && s.words[t].UPOS == "PROPN" && s.rel[t] == "nmod" {
				cands = append(cands, t)
			}
		}
		for _, t := range cands {
			if pl, lo, hi, ok := w.placeAt(s, t, ctx, 0); ok && pl.Kind == geo.KindCity && !pl.Approximate &&
				pl.Country == own.Country && pl.Admin1 == own.Admin1 {
				return location(pl, s.spanText(lo, hi), "phrase")
			}
		}
	}
	// a retreat's object is the place left: "left Bagram air base"
	leave := strings.HasPrefix(code, "087")
	if own != nil && (own.Precision == "city" || !(visit || leave || code >= "17")) {
		return own
	}
	// a visit's or an attack's object may be the place itself: "visited Yerevan", "captured the Syrian city of
	// Hama", "struck Brussels airport"; a town taken in a region is placed in the town ("recaptured the town
	// of Lalibela in the Amhara region")
	if visit || leave || code >= "17" {
		o := s.child(p, "obj")
		if o < 0 {
			// "struck Brussels airport" parsed as a bare oblique
			if c := s.child(p, "obl"); c >= 0 && s.child(c, "case") < 0 && !timeNames[s.lkey[c]] {
				o = c
			}
		}
		if o >= 0 && !demonym(s, o) {
			l := try([]int{o}, "phrase")
			for _, c := range s.children(o) {
				if l == nil && s.rel[c] == "compound" && c < o {
					l = try([]int{c}, "phrase")
				}
			}
			if l != nil && (own == nil || l.Precision == "city" && l.Country == own.Country) {
				return l
			}
		}
	}
	if own != nil {
		return own
	}
	// any locative phrase of the sentence, nearest first
	heads = w.allLocatives(s, p, heads[:0])
	w.locs = heads
	if l := try(heads, "sentence"); l != nil {
		return l
	}
	if dl := doc.Meta["dateline"]; dl != "" {
		if pl, ok := g.ResolveQualified(dl, ctx); ok {
			return location(pl, "", "dateline")
		}
	}
	return nil
}

// actorPlace is the last resort when nothing in the text places an event (and the article names no place):
// a domestic event happens in its country; force and visits happen where their target is; anything else
// where its source is.
func (w *worker) actorPlace(src, tgt *event.Actor, root string) *event.Location {
	g := w.c.opt.Gazetteer
	if g == nil {
		return nil
	}
	country := ""
	switch {
	case src != nil && tgt != nil && src.Country != "" && src.Country == tgt.Country:
		country = src.Country
	case tgt != nil && tgt.Country != "" && (root >= "18" || root == "04"):
		// attacks happen where their target is, visits where the host is; force postures, sanctions and
		// arrests on the actor's own side
		country = tgt.Country
	case src != nil:
		country = src.Country
	}
	if country == "" {
		return nil
	}
	pl, ok := g.Country(country)
	if !ok {
		return nil
	}
	return location(pl, "", "actors")
}

func location(p geo.Place, text, from string) *event.Location {
	if p.Kind == geo.KindCity && text != "" && !strings.EqualFold(text, p.Name) && len(text) <= len(p.Name)+12 &&
		!strings.HasPrefix(strings.ToLower(p.Name), strings.ToLower(text)) {
		// (a short form of the full name, "Conflans" for Conflans-Sainte-Honorine, keeps the full name)
		// the gazetteer's name may be dated ("Kiev"): the text's own name for the same place is the one to show
		if t := strings.TrimPrefix(strings.TrimPrefix(text, "the "), "The "); !strings.ContainsAny(t, ",") && strings.Count(t, " ") <= 2 && allCapitalized(t) {
			p.Name = t
		}
	}
	if (p.Kind == geo.KindAdmin1 || p.Kind == geo.KindRegion) && text != "" {
		// a subdivision that the gazetteer names in its own language ("Shamāl Sīnāʼ") shows the English name
		// the text used ("North Sinai province" → North Sinai)
		t := strings.TrimPrefix(strings.TrimPrefix(text, "the "), "The ")
		if i := strings.LastIndexByte(t, ' '); i > 0 && isPlaceNoun(lexicon.KeyOf(t[i+1:])) {
			t = t[:i]
		}
		if t != "" && !strings.ContainsAny(t, ",'’") && strings.Count(t, " ") <= 3 && allCapitalized(t) {
			p.Name = t
		}
	}
	prec := "city"
	switch p.Kind {
	case geo.KindCountry:
		prec = "country"
	case geo.KindAdmin1, geo.KindRegion:
		prec = "admin1"
	}
	return &event.Location{Name: p.Name, Admin1: p.Admin1, Country: p.Country, Lat: p.Lat, Lon: p.Lon,
		Precision: prec, Approximate: p.Approximate, Text: text, From: from}
}

// allCapitalized reports whether every word of text starts with a capital, as a name does ("the Eritrean
// capital" is no name).
func allCapitalized(text string) bool {
	for w := range strings.FieldsSeq(text) {
		if w[0] >= 'a' && w[0] <= 'z' {
			return false
		}
	}
	return true
}

// sharePlace gives the events of one sentence that found no place of their own the place that another event of
// the sentence found in its own phrase: "captured the city of Hama after government troops withdrew from it".
func sharePlace(events []event.Event) {
	var own *event.Location
	for i := range events {
		if l := events[i].Location; l != nil && l.From == "phrase" {
			own = l
			break
		}
	}
	if own == nil {
		return
	}
	for i := range events {
		if l := events[i].Location; l == nil || l.From == "dateline" {
			shared := *own
			shared.From = "sentence"
			events[i].Location = &shared
		}
	}
}

// notePlaces records the places named in the sentence's locative phrases, for the article's salient place.
func (w *worker) notePlaces(s *sentence) {
	g := w.c.opt.Gazetteer
	if g == nil {
		return
	}
	heads := w.locs[:0]
	for i := range s.words {
		if s.isVerb(i) {
			heads = w.locatives(s, i, false, heads)
		}
	}
	w.locs = heads
	for _, h := range heads {
		if pl, _, _, ok := w.placeAt(s, h, geo.Context{Countries: w.docCountries}, 0); ok && pl.ID != 0 {
			w.salience[pl.ID]++
			if w.salience[pl.ID] > w.salience[w.salientID] || w.salientID == 0 {
				w.salientID = pl.ID
			}
		}
	}
}

// fillSalient gives events without a place the article's most salient place.
func (w *worker) fillSalient(events []event.Event) {
	g := w.c.opt.Gazetteer
	if g == nil || w.salientID == 0 {
		return
	}
	pl, ok := g.ByID(w.salientID)
	if !ok {
		return
	}
	for i := range events {
		if events[i].Location == nil {
			events[i].Location = location(pl, "", "article")
		}
	}
}
