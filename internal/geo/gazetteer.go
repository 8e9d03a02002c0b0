package geo

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"

	"github.com/dyad-events/dyad/internal/geo/gazfile"
	"github.com/dyad-events/dyad/internal/geo/namekey"
)

//go:embed data/places.tsv.gz
var embeddedTable []byte

// keyBuf bounds the folded form of a query. No indexed name is longer, so a longer query
// cannot match and is not folded further; the buffer lives on the stack.
const keyBuf = 128

// Gazetteer is a loaded, read-only place table with its name index.
type Gazetteer struct {
	places  []Place
	base    []float64        // prominence score of each place, see Resolve
	index   map[string]int32 // name key → its span
	spans   []span           // entries of each key in refs
	refs    []ref            // place references of all keys, per key in Resolve's order without context
	byCode  map[string]int32 // "AF", "AFG" → country; "US.TX", "US-TX" → admin1
	byID    map[int]int32
	capital map[string]int32 // alpha-3 → the country's capital (GeoNames PPLC), the most populous if several
	counts  map[string]int
	maxKey  int
	amb     map[string]bool // keys of the hand-kept list of common words and first names
	ambList []string
}

type span struct{ off, n uint32 }

// ref is a place index shifted left by one; the low bit says the key is one of the place's own
// names (Name, ASCII, a curated name, or a close spelling of one) rather than an alternate.
type ref uint32

func (r ref) place() int    { return int(r >> 1) }
func (r ref) primary() bool { return r&1 == 1 }
func mkref(i int, prim bool) ref {
	r := ref(i) << 1
	if prim {
		r |= 1
	}
	return r
}

var defaultGazetteer = sync.OnceValues(Load)

// Default returns the gazetteer of the embedded table, loading it on first use.
func Default() (*Gazetteer, error) { return defaultGazetteer() }

// Load reads the embedded table. Each call builds a new Gazetteer; use Default to share one.
func Load() (*Gazetteer, error) {
	return Read(bytes.NewReader(embeddedTable))
}

// Read builds a gazetteer from a gzip'd table in the gazfile format.
func Read(r io.Reader) (*Gazetteer, error) {
	// Sized for the embedded table (about 28,000 places), so that loading it does not regrow.
	g := &Gazetteer{
		places:  make([]Place, 0, 1<<15),
		base:    make([]float64, 0, 1<<15),
		byCode:  make(map[string]int32, 8000),
		byID:    make(map[int]int32, 1<<15),
		capital: make(map[string]int32, 256),
		counts:  make(map[string]int, 4),
	}
	b := indexBuilder{
		entries: make([]entry, 0, 1<<17),
		arena:   make([]byte, 0, 1<<21),
	}
	err := gazfile.Read(r, func(rec *gazfile.Record) error {
		i := len(g.places)
		if _, dup := g.byID[rec.ID]; dup {
			return fmt.Errorf("geo: place id %d appears twice", rec.ID)
		}
		g.places = append(g.places, Place{
			ID: rec.ID, Name: rec.Name, ASCII: rec.ASCII, Kind: rec.Kind, Country: rec.Country,
			Admin1: rec.Admin1, Admin1Code: rec.Admin1Code, Subdivision: rec.Subdivision,
			Feature: rec.Feature, Lat: rec.Lat, Lon: rec.Lon, Population: rec.Population,
			Approximate: rec.Approximate,
		})
		g.base = append(g.base, prominence(rec))
		g.byID[rec.ID] = int32(i)
		g.counts[rec.Kind]++
		switch rec.Kind {
		case KindCountry:
			g.byCode[rec.Country] = int32(i)
			g.byCode[rec.Country2] = int32(i)
		case KindCity:
			if j, ok := g.capital[rec.Country]; rec.Feature == "PPLC" && (!ok || g.places[j].Population < rec.Population) {
				g.capital[rec.Country] = int32(i)
			}
		case KindAdmin1:
			if rec.Admin1Code != "" {
				g.byCode[rec.Admin1Code] = int32(i)
			}
			if rec.Subdivision != "" {
				g.byCode[rec.Subdivision] = int32(i)
			}
		}
		b.place(i, rec)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("geo: read table: %w", err)
	}
	if len(g.places) == 0 {
		return nil, errors.New("geo: empty table")
	}
	b.build(g)
	g.amb, g.ambList = ambiguousWords()
	return g, nil
}

// entry is one (key, place) pair while the index is built; the key is arena[lo:hi].
type entry struct {
	lo, hi uint32
	ref    ref
}

// indexBuilder collects the keys of all places in one arena, then groups them by key. Grouping
// by map rather than sorting all entries keeps loading fast.
type indexBuilder struct {
	entries []entry
	arena   []byte
	start   int // first entry of the current place
	maxKey  int
	scratch [2 * keyBuf]byte
	variant [2 * keyBuf]byte
}

// place adds the keys of place i: first its own names, then its alternates. An alternate that is
// a close spelling of an own name ("Odesa", "Hama" for "Ḩamāh") counts as an own name.
func (b *indexBuilder) place(i int, rec *gazfile.Record) {
	b.start = len(b.entries)
	area := rec.Kind == KindAdmin1 || rec.Kind == KindRegion
	arabic := arabicNames[rec.Country2]
	b.name(i, rec.Name, true, area, arabic)
	b.name(i, rec.ASCII, true, area, arabic)
	for _, n := range rec.Preferred {
		b.name(i, n, true, area, arabic)
	}
	own := len(b.entries)
	for _, n := range rec.Alternates {
		k := namekey.Append(b.scratch[:0], n)
		prim := false
		for j := b.start; j < own && !prim; j++ {
			e := b.entries[j]
			prim = closeSpelling(b.arena[e.lo:e.hi], k)
		}
		b.name(i, n, prim, area, arabic)
	}
}

// arabicNames holds the alpha-2 codes of countries whose place names carry the Arabic article,
// which English news often drops ("An Najaf" is "Najaf").
var arabicNames = map[string]bool{
	"AE": true, "BH": true, "DZ": true, "EG": true, "EH": true, "IQ": true, "JO": true, "KW": true,
	"LB": true, "LY": true, "MA": true, "MR": true, "OM": true, "PS": true, "QA": true, "SA": true,
	"SD": true, "SY": true, "TN": true, "YE": true, "IL": true, "TD": true,
}

// arabicArticles are the romanized forms of the article, assimilated or not.
var arabicArticles = [...]string{"al ", "el ", "ad ", "adh ", "an ", "ar ", "as ", "ash ", "at ", "ath ", "az "}

// closeSpelling reports whether two keys differ by at most one edit (two for keys longer than
// six bytes): transliteration variants rather than other names.
func closeSpelling(a, b []byte) bool {
	bound := 1
	if min(len(a), len(b)) > 6 {
		bound = 2
	}
	if len(a)-len(b) > bound || len(b)-len(a) > bound || len(a) >= keyBuf || len(b) >= keyBuf {
		return false
	}
	// Levenshtein distance, two rows on the stack.
	var prev, cur [keyBuf + 1]int
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c = 1 + min(prev[j-1], prev[j], cur[j-1])
			}
			cur[j] = c
			rowMin = min(rowMin, c)
		}
		if rowMin > bound {
			return false
		}
		prev = cur
	}
	return prev[len(b)] <= bound
}

// saintForms are the spellings of "Saint" that news swaps ("St Petersburg", "Saint Petersburg").
var saintForms = [...][2]string{{"saint ", "st "}, {"st ", "saint "}, {"sainte ", "ste "}, {"ste ", "sainte "}}

// name adds the keys of one name: its key, for areas the key without a generic word
// ("Kherson Oblast" → "kherson"), the other spelling of a leading "Saint", and for Arabic names
// the key without the article.
func (b *indexBuilder) name(i int, name string, prim, area, arabic bool) {
	k := namekey.Append(b.scratch[:0], name)
	if len(k) == 0 || len(k) > keyBuf {
		return
	}
	b.key(i, k, prim)
	if area {
		if s, ok := stripGeneric(k); ok {
			b.key(i, s, prim)
		}
	}
	for _, f := range saintForms {
		if len(k) > len(f[0]) && string(k[:len(f[0])]) == f[0] {
			v := append(append(b.variant[:0], f[1]...), k[len(f[0]):]...)
			if len(v) <= keyBuf {
				b.key(i, v, prim)
			}
			break
		}
	}
	if arabic {
		for _, a := range arabicArticles {
			if len(k) > len(a)+2 && string(k[:len(a)]) == a {
				b.key(i, k[len(a):], prim)
				break
			}
		}
	}
}

// key adds one key of place i, once per place; an own-name entry wins over an alternate.
func (b *indexBuilder) key(i int, k []byte, prim bool) {
	for j := b.start; j < len(b.entries); j++ {
		e := &b.entries[j]
		if string(b.arena[e.lo:e.hi]) == string(k) {
			if prim {
				e.ref |= 1
			}
			return
		}
	}
	lo := uint32(len(b.arena))
	b.arena = append(b.arena, k...)
	b.entries = append(b.entries, entry{lo: lo, hi: uint32(len(b.arena)), ref: mkref(i, prim)})
	b.maxKey = max(b.maxKey, len(k))
}

// build groups the entries by key into g's index.
func (b *indexBuilder) build(g *Gazetteer) {
	all := string(b.arena) // one string: every map key is a slice of it
	g.index = make(map[string]int32, len(b.entries))
	spanOf := make([]int32, len(b.entries))
	for j, e := range b.entries {
		k := all[e.lo:e.hi]
		s, ok := g.index[k]
		if !ok {
			s = int32(len(g.spans))
			g.index[k] = s
			g.spans = append(g.spans, span{})
		}
		g.spans[s].n++
		spanOf[j] = s
	}
	off := uint32(0)
	for s := range g.spans {
		g.spans[s].off = off
		off += g.spans[s].n
		g.spans[s].n = 0 // refilled below as a cursor
	}
	g.refs = make([]ref, len(b.entries))
	for j, e := range b.entries {
		sp := &g.spans[spanOf[j]]
		g.refs[sp.off+sp.n] = e.ref
		sp.n++
	}
	// Within a key, in the order Resolve ranks them without context, so that Lookup lists the
	// likeliest place first.
	for _, sp := range g.spans {
		if sp.n < 2 {
			continue
		}
		rs := g.refs[sp.off : sp.off+sp.n]
		anyPrimary := slices.ContainsFunc(rs, ref.primary)
		slices.SortFunc(rs, func(x, y ref) int {
			if c := -cmpFloat(g.nameScore(x, anyPrimary), g.nameScore(y, anyPrimary)); c != 0 {
				return c
			}
			return g.places[x.place()].ID - g.places[y.place()].ID
		})
	}
	g.maxKey = b.maxKey
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// prominence is a place's score before context: how likely a bare mention of its name means it.
// The scale is log10 of population, so one point is a factor of ten. Countries come first, then
// our hand-kept regions; a subdivision weighs like a town of 10,000 plus a fifth of its
// population's weight, so that it beats small towns of its name but not cities of a few hundred
// thousand; capitals and seats of subdivisions get a boost.
func prominence(r *gazfile.Record) float64 {
	pop := math.Log10(float64(r.Rank) + 1)
	switch r.Kind {
	case KindCountry:
		return 8 + 0.2*pop
	case KindRegion:
		return 7
	case KindAdmin1:
		return 4 + 0.2*pop
	}
	s := pop
	switch r.Feature {
	case "PPLC":
		s += 1.5
	case "PPLA":
		s += 1.0
	}
	return s
}

// genericWords name a kind of area: "Helmand province", "Kherson region". Indexed subdivision
// names are also indexed without them ("Kherson Oblast" under "kherson"), and a query that
// misses is retried without them.
var genericWords = []string{
	"province", "region", "state", "governorate", "oblast", "district", "county", "prefecture",
	"department", "territory", "municipality", "voivodeship", "canton", "krai", "okrug", "emirate",
	"division", "wilaya", "autonomous region", "autonomous republic", "autonomous community",
}

// stripGeneric removes one generic word from the end ("helmand province") or a "<generic> of"
// from the start ("province of helmand") of a key. It returns a subslice of k.
func stripGeneric(k []byte) ([]byte, bool) {
	for _, w := range genericWords {
		if len(k) > len(w)+1 && string(k[len(k)-len(w):]) == w && k[len(k)-len(w)-1] == ' ' {
			return k[:len(k)-len(w)-1], true
		}
		if len(k) > len(w)+4 && string(k[:len(w)]) == w && string(k[len(w):len(w)+4]) == " of " {
			return k[len(w)+4:], true
		}
	}
	return k, false
}

// find returns the references for a name. areaOnly says that the name matched only after a
// generic word was stripped, so that the caller should prefer subdivisions and regions.
func (g *Gazetteer) find(name string) (refs []ref, areaOnly bool) {
	var buf [keyBuf]byte
	k := namekey.Append(buf[:0], truncate(name, keyBuf*2))
	if len(k) == 0 || len(k) > g.maxKey {
		return nil, false
	}
	if s, ok := g.index[string(k)]; ok {
		sp := g.spans[s]
		return g.refs[sp.off : sp.off+sp.n], false
	}
	if k, ok := stripGeneric(k); ok {
		if s, ok := g.index[string(k)]; ok {
			sp := g.spans[s]
			return g.refs[sp.off : sp.off+sp.n], true
		}
	}
	return nil, false
}

// truncate cuts s to at most n bytes: enough to tell that a folded key is too long, without
// folding a huge input.
func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func isArea(kind string) bool { return kind == KindAdmin1 || kind == KindRegion }

// hasArea reports whether any of refs is a subdivision or region.
func (g *Gazetteer) hasKind(refs []ref, kind string) bool {
	for _, r := range refs {
		if g.places[r.place()].Kind == kind {
			return true
		}
	}
	return false
}

func (g *Gazetteer) hasArea(refs []ref) bool {
	for _, r := range refs {
		if isArea(g.places[r.place()].Kind) {
			return true
		}
	}
	return false
}

// Lookup returns every place whose name or alternate name is name, ignoring case, diacritics
// and punctuation, most prominent first. A leading "the" is ignored ("the Gaza Strip"); a name
// with a generic word ("Helmand province", "province of Helmand", "Kherson region") that is not
// itself indexed finds the subdivisions and regions of the bare name. It returns nil when
// nothing matches, without allocating.
func (g *Gazetteer) Lookup(name string) []Place {
	return g.AppendLookup(nil, name)
}

// AppendLookup is Lookup appending to dst, so that a caller reusing dst allocates nothing.
func (g *Gazetteer) AppendLookup(dst []Place, name string) []Place {
	refs, areaOnly := g.find(name)
	areaOnly = areaOnly && g.hasArea(refs)
	for _, r := range refs {
		p := &g.places[r.place()]
		if areaOnly && !isArea(p.Kind) {
			continue
		}
		dst = append(dst, *p)
	}
	return dst
}

// Contains reports whether Lookup would find anything; it never allocates.
func (g *Gazetteer) Contains(name string) bool {
	refs, _ := g.find(name)
	return len(refs) > 0
}

// Country returns a country by ISO 3166-1 alpha-3 or alpha-2 code, in any case ("AFG", "af");
// "UK" is taken for GB as news writes it. The place lies at the capital.
func (g *Gazetteer) Country(code string) (Place, bool) {
	i, ok := g.countryIndex(code)
	if !ok {
		return Place{}, false
	}
	return g.places[i], true
}

func (g *Gazetteer) countryIndex(code string) (int, bool) {
	if len(code) != 2 && len(code) != 3 {
		return 0, false
	}
	var buf [3]byte
	for i := 0; i < len(code); i++ {
		c := code[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			return 0, false
		}
		buf[i] = c
	}
	k := buf[:len(code)]
	if string(k) == "UK" {
		k = []byte("GB")
	}
	i, ok := g.byCode[string(k)]
	if !ok || g.places[i].Kind != KindCountry {
		return 0, false
	}
	return int(i), true
}

// Capital returns the capital city of a country given by alpha-3 or alpha-2 code, when the table
// has it ("the Afghan capital" is Kabul).
func (g *Gazetteer) Capital(code string) (Place, bool) {
	i, ok := g.countryIndex(code)
	if !ok {
		return Place{}, false
	}
	j, ok := g.capital[g.places[i].Country]
	if !ok {
		return Place{}, false
	}
	return g.places[j], true
}

// CountryByName returns the country that a name designates: its English short, common or
// official name, or a name that English news uses ("Britain", "Ivory Coast", "DRC"). When
// several countries bear the name ("Congo"), the more populous wins.
func (g *Gazetteer) CountryByName(name string) (Place, bool) {
	refs, _ := g.find(name)
	for _, r := range refs {
		if p := &g.places[r.place()]; p.Kind == KindCountry {
			return *p, true
		}
	}
	return Place{}, false
}

// Admin1 returns a first-level subdivision by GeoNames admin1 code ("US.TX") or ISO 3166-2
// code ("US-TX").
func (g *Gazetteer) Admin1(code string) (Place, bool) {
	i, ok := g.byCode[code]
	if !ok || g.places[i].Kind != KindAdmin1 {
		return Place{}, false
	}
	return g.places[i], true
}

// ByID returns the place of an ID.
func (g *Gazetteer) ByID(id int) (Place, bool) {
	i, ok := g.byID[id]
	if !ok {
		return Place{}, false
	}
	return g.places[i], true
}

// Len returns the number of places.
func (g *Gazetteer) Len() int { return len(g.places) }

// Count returns the number of places of a kind.
func (g *Gazetteer) Count(kind string) int { return g.counts[kind] }

// Keys returns the number of distinct lookup keys.
func (g *Gazetteer) Keys() int { return len(g.index) }
