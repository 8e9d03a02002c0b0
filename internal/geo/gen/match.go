package main

import (
	"slices"
	"sort"
	"strings"

	"github.com/dyad-events/dyad/internal/geo/namekey"
)

// genericWords name the kind of a subdivision rather than the subdivision, in the languages that
// iso-codes and GeoNames use; they are dropped before names are compared ("Khersonska oblast",
// "Idlib Governorate").
var genericWords = map[string]bool{
	"province": true, "provincia": true, "provincie": true, "provinsi": true, "region": true,
	"regiao": true, "regione": true, "state": true, "estado": true, "oblast": true, "oblys": true,
	"krai": true, "kray": true, "respublika": true, "republic": true, "governorate": true,
	"district": true, "county": true, "prefecture": true, "department": true,
	"departement": true, "departamento": true, "territory": true, "voivodeship": true,
	"wojewodztwo": true, "canton": true, "kanton": true, "autonomous": true, "okrug": true,
	"municipality": true, "of": true, "de": true, "del": true, "la": true, "le": true,
	"and": true, "y": true, "et": true, "division": true, "zone": true, "parish": true,
	"capital": true, "city": true, "federal": true, "special": true, "administrative": true,
	"misto": true, "shi": true, "sheng": true, "zizhiqu": true, "kraj": true, "oblysy": true,
	"novads": true, "rajons": true, "rayon": true, "zupanija": true, "gewest": true, "sar": true,
	"muhafazah": true, "muhafazat": true, "wilayah": true, "viloyati": true, "vilayati": true,
	"changwat": true, "baladiyat": true, "mintaqat": true, "shabiyat": true, "raionul": true,
	"opstina": true, "opshtina": true,
	// The Arabic article, which one source writes and the other drops ("Al Anbār", "Anbar").
	"al": true, "el": true, "an": true, "ar": true, "as": true, "ash": true, "at": true,
	"ad": true, "adh": true, "az": true, "ath": true,
}

// matchKey is the key of a subdivision name without its generic words; a name made only of
// generic words keeps them all.
func matchKey(name string) string {
	k := namekey.String(name)
	var kept []string
	for w := range strings.FieldsSeq(k) {
		if !genericWords[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return k
	}
	return strings.Join(kept, " ")
}

// isoNameVariants turns an iso-codes subdivision name into the plain names it holds:
// "Catalunya [Cataluña]" → Catalunya, Cataluña; "Madrid, Comunidad de" → Madrid;
// "Ilocos (Region I)" → Ilocos; "Wales [Cymru GB-CYM]" → Wales, Cymru.
func isoNameVariants(name string) []string {
	var out []string
	add := func(s string) {
		s = strings.Join(strings.Fields(s), " ")
		if s != "" && !strings.ContainsRune(s, ',') {
			out = append(out, s)
		}
	}
	main, inner := name, ""
	if i := strings.IndexByte(name, '['); i >= 0 {
		main = name[:i]
		inner = strings.TrimSuffix(name[i+1:], "]")
	}
	if i := strings.IndexByte(main, '('); i >= 0 {
		main = main[:i]
	}
	if i := strings.IndexByte(main, ','); i >= 0 {
		main = main[:i]
	}
	add(main)
	if inner != "" {
		var words []string
		for w := range strings.FieldsSeq(inner) {
			if !looksLikeCode(w) {
				words = append(words, w)
			}
		}
		add(strings.Join(words, " "))
	}
	return out
}

// looksLikeCode reports ISO 3166-2 codes that iso-codes puts inside names ("GB-CYM").
func looksLikeCode(w string) bool {
	cc, rest, ok := strings.Cut(w, "-")
	if !ok || len(cc) != 2 || rest == "" {
		return false
	}
	return strings.ToUpper(w) == w
}

// handPass marks the links that the regions file sets by hand.
const handPass = 5

// subdivisionPair is a candidate link between an ISO subdivision and a GeoNames admin1 in one
// country, as indexes into the callers' slices.
type subdivisionPair struct {
	iso, geo int
	score    float64
}

// matchSubdivisions links ISO subdivisions to GeoNames admin1 rows of the same country. isoKeys
// and geoKeys hold the match keys of each side's names; isoCodes and geoCodes the codes after
// the country ("TX" of US-TX and of US.TX). It returns, for each ISO index, the GeoNames index
// or -1, and the pass (0 to 4) that made each link. seatOf, when not nil, lists the GeoNames indexes
// whose seat city bears one of ISO subdivision i's names. preset holds the links set by hand
// (ISO index → GeoNames index); they are marked handPass. Passes go from safest to loosest, so that a loose
// pass only sees what the safe ones left.
func matchSubdivisions(isoKeys, geoKeys [][]string, isoCodes, geoCodes []string, seatOf func(i int) []int, preset map[int]int) (link, pass []int) {
	link = make([]int, len(isoKeys))
	pass = make([]int, len(isoKeys))
	for i := range link {
		link[i] = -1
	}
	taken := make([]bool, len(geoKeys))
	for i, g := range preset {
		link[i], taken[g], pass[i] = g, true, handPass
	}
	// tryUnique links i to the only untaken g that ok accepts.
	tryUnique := func(p int, ok func(i, g int) bool) {
		for i := range isoKeys {
			if link[i] >= 0 {
				continue
			}
			found := -1
			for g := range geoKeys {
				if taken[g] || !ok(i, g) {
					continue
				}
				if found >= 0 {
					found = -2
					break
				}
				found = g
			}
			if found >= 0 {
				link[i], taken[found] = found, true
				pass[i] = p
			}
		}
	}
	// 1: a name in common.
	tryUnique(0, func(i, g int) bool { return anyPair(isoKeys[i], geoKeys[g], func(a, b string) bool { return a == b }) })
	// 2: the same alphabetic code (GeoNames uses ISO letters in some countries, FIPS numbers in others).
	tryUnique(1, func(i, g int) bool {
		return isAlpha(geoCodes[g]) && geoCodes[g] == isoCodes[i]
	})
	// 3: one name is the start of the other ("Donetsk", "Donetska"; "Coahuila", "Coahuila de
	// Zaragoza"), but not when the ISO name is the first words of the GeoNames one ("Gaza",
	// "Gaza Strip"): that ISO unit is a part of the GeoNames one.
	tryUnique(2, func(i, g int) bool {
		return anyPair(isoKeys[i], geoKeys[g], func(a, b string) bool {
			if wordPrefix(a, b) {
				return false
			}
			if len(a) > len(b) {
				a, b = b, a
			}
			return len(a) >= 4 && len(b) > len(a) && strings.HasPrefix(b, a)
		})
	})
	// 4: close spellings, best pairs first.
	var pairs []subdivisionPair
	for i := range isoKeys {
		if link[i] >= 0 {
			continue
		}
		for g := range geoKeys {
			if taken[g] {
				continue
			}
			best := 0.0
			for _, a := range isoKeys[i] {
				for _, b := range geoKeys[g] {
					if !wordPrefix(a, b) {
						best = max(best, jaroWinkler(a, b))
					}
				}
			}
			if best >= 0.88 {
				pairs = append(pairs, subdivisionPair{i, g, best})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].score > pairs[b].score })
	for _, p := range pairs {
		if link[p.iso] < 0 && !taken[p.geo] {
			link[p.iso], taken[p.geo] = p.geo, true
			pass[p.iso] = 3
		}
	}
	// 5: the subdivision bears the name of an admin seat, in any spelling that GeoNames knows
	// for the city ("Ḩalab" is Aleppo, seat of the admin1 that GeoNames calls Aleppo).
	if seatOf != nil {
		tryUnique(4, func(i, g int) bool { return slices.Contains(seatOf(i), g) })
	}
	return link, pass
}

// wordPrefix reports whether a is b's leading words ("gaza" of "gaza strip").
func wordPrefix(a, b string) bool {
	return len(b) > len(a) && strings.HasPrefix(b, a) && b[len(a)] == ' '
}

func anyPair(as, bs []string, eq func(a, b string) bool) bool {
	for _, a := range as {
		for _, b := range bs {
			if eq(a, b) {
				return true
			}
		}
	}
	return false
}

func isAlpha(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < 'A' || s[i] > 'Z') && (s[i] < 'a' || s[i] > 'z') {
			return false
		}
	}
	return true
}

// jaroWinkler is the Jaro-Winkler similarity of two byte strings, 0 to 1.
func jaroWinkler(a, b string) float64 {
	if a == b {
		return 1
	}
	if a == "" || b == "" {
		return 0
	}
	window := max(len(a), len(b))/2 - 1
	window = max(window, 0)
	ma := make([]bool, len(a))
	mb := make([]bool, len(b))
	m := 0
	for i := range len(a) {
		lo, hi := max(0, i-window), min(len(b), i+window+1)
		for j := lo; j < hi; j++ {
			if !mb[j] && a[i] == b[j] {
				ma[i], mb[j] = true, true
				m++
				break
			}
		}
	}
	if m == 0 {
		return 0
	}
	t, j := 0, 0
	for i := range len(a) {
		if !ma[i] {
			continue
		}
		for !mb[j] {
			j++
		}
		if a[i] != b[j] {
			t++
		}
		j++
	}
	fm := float64(m)
	jaro := (fm/float64(len(a)) + fm/float64(len(b)) + (fm-float64(t)/2)/fm) / 3
	prefix := 0
	for prefix < 4 && prefix < len(a) && prefix < len(b) && a[prefix] == b[prefix] {
		prefix++
	}
	return jaro + float64(prefix)*0.1*(1-jaro)
}
