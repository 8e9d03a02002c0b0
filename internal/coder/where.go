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
	"along", "into", "onto", "to", "from", "on")

// static places (where the event happened) versus movement ("to", "from"), which only places visits and
// sentence-level fallbacks
var motionPreps = keySet("to", "from", "into", "onto")

// placeAt resolves a locative phrase headed by h to a place. ctx supplies the countries in play.
func (w *worker) placeAt(s *sentence, h int, ctx geo.Context, depth int) (geo.Place, int, int, bool) {
	g := w.c.opt.Gazetteer
	if g == nil || depth > 2 {
		return geo.Place{}, 0, 0, false
	}
	// a possessive country says where to look: "Somalia's Lower Juba region" is not South Sudan's Juba
	for _, c := range s.children(h) {
		if s.rel[c] == "nmod:poss" {
			if m := s.inActor[c]; m >= 0 && s.actorAt[m].actor.Kind == "country" {
				if cc := countryOf(s.actorAt[m].actor.CodeOn(w.on)); cc != "" {
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
			if p, ok := g.Country(countryOf(a.CodeOn(w.on))); ok {
				return p, lo, hi, true
			}
		case "capital":
			if p, ok := g.Resolve(s.spanText(lo, hi), ctx); ok {
				return p, lo, hi, true
			}
		}
	}
	// a proper name: the run of name words around the head ("Helmand province", "Gaza Strip", "San José")
	if s.words[h].UPOS == "PROPN" || s.upper[h] || isPlaceNoun(s.lkey[h]) {
		lo, hi := h, h
		for lo > 0 && inside(s, lo-1, h) && nameWord(s, lo-1) {
			lo--
		}
		for hi+1 < len(s.words) && s.head[hi+1] >= lo && s.head[hi+1] <= hi && (s.rel[hi+1] == "flat" || s.rel[hi+1] == "flat:name") {
			hi++
		}
		for l := lo; l <= h; l++ {
			name := s.spanText(l, hi)
			if l == hi && g.Ambiguous(name) && s.words[h].UPOS != "PROPN" {
				break
			}
			if p, ok := g.Resolve(name, ctx); ok {
				return p, l, hi, true
			}
		}
		// "the Lower Juba region", "Helmand province": the name without its place noun
		if isPlaceNoun(s.lkey[hi]) && lo < hi {
			for l := lo; l < hi; l++ {
				if p, ok := g.Resolve(s.spanText(l, hi-1), ctx); ok {
					return p, l, hi, true
				}
			}
		}
	}
	// "the island of Lesbos", "the Syrian city of Hama", "Lusaka's airport", "Dublin port": the named place
	// inside first
	for _, c := range s.children(h) {
		switch s.rel[c] {
		case "compound":
			if c > h || s.words[c].UPOS != "PROPN" {
				continue
			}
			if m := s.inActor[c]; m >= 0 && s.actorAt[m].actor.Kind == "country" {
				continue // "Kenyan police post": a country adjective is no city
			}
			if p, lo, hi, ok := w.placeAt(s, c, ctx, depth+1); ok {
				return p, lo, hi, true
			}
		case "nmod", "appos", "nmod:poss":
			if borderNouns[s.lkey[h]] && s.rel[c] == "nmod" {
				// "its border with Eritrea" is on this side of the border, not in Eritrea
				continue
			}
			if p, lo, hi, ok := w.placeAt(s, c, ctx, depth+1); ok {
				return p, lo, hi, true
			}
		}
	}
	// "the Venezuelan border", "the Afghan capital": a country adjective on a geographic noun
	if geoNouns[s.lkey[h]] {
		for _, c := range s.children(h) {
			if s.rel[c] != "amod" && s.rel[c] != "compound" {
				continue
			}
			if m := s.inActor[c]; m >= 0 && s.actorAt[m].actor.Kind == "country" {
				if p, ok := g.Country(countryOf(s.actorAt[m].actor.CodeOn(w.on))); ok {
					return p, c, h, true
				}
			}
		}
	}
	return geo.Place{}, 0, 0, false
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
		if cs := s.child(i, "case"); cs >= 0 && locPreps[s.lkey[cs]] {
			out = append(out, i)
			continue
		}
		// a name right after a locative preposition, whatever the parse hung it on ("in Bandar Seri
		// Begawan on Tuesday", with "in" taken for Tuesday's)
		if j := i - 1; j >= 0 && s.words[i].UPOS == "PROPN" && s.words[j].UPOS == "ADP" && locPreps[s.lkey[j]] {
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
	if l := try(heads, "phrase"); l != nil {
		return l
	}
	// a visit's or an attack's object may be the place itself: "visited Yerevan", "captured the Syrian city of
	// Hama", "struck Brussels airport"
	if visit || code >= "17" {
		if o := s.child(p, "obj"); o >= 0 && !demonym(s, o) {
			if l := try([]int{o}, "phrase"); l != nil {
				return l
			}
			for _, c := range s.children(o) {
				if s.rel[c] == "compound" && c < o {
					if l := try([]int{c}, "phrase"); l != nil {
						return l
					}
				}
			}
		}
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
		if t := strings.TrimPrefix(strings.TrimPrefix(text, "the "), "The "); !strings.ContainsAny(t, ",") && strings.Count(t, " ") <= 2 {
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
		Precision: prec, Text: text, From: from}
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
		if pl, _, _, ok := w.placeAt(s, h, geo.Context{Countries: w.docCountries}, 0); ok {
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
