package main

import (
	"bytes"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/biter777/countries"
)

// library names the source of the generated data in the file headers.
const library = "github.com/biter777/countries v1.7.5 (BSD-2-Clause, Copyright (c) 2019 Biter)"

func main() {
	dir := flag.String("dir", filepath.Join("internal", "lexicon", "data", "actors"), "folder to write countries.txt and capitals.txt into")
	flag.Parse()
	if err := run(*dir); err != nil {
		slog.Error("gen", "err", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	files := map[string][]byte{
		"countries.txt": countriesFile(),
		"capitals.txt":  capitalsFile(),
	}
	for _, name := range []string{"countries.txt", "capitals.txt"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return fmt.Errorf("write %s: %w", p, err)
		}
		slog.Info("wrote", "file", p, "bytes", len(files[name]))
	}
	return nil
}

// candidate is a name that news uses for a country, probed with the library's ByName: the name is kept
// only when the library maps it to a country, so the code comes from the library, not from this list.
type candidate struct {
	name   string
	plural string // for a demonym: its plural, kept with it ("Afghans" for "Afghan")
}

// candidates are probed in this order. "Congo" and "Korea" are left out on purpose: the library maps
// them to COG and KOR, but news "Congo" usually means the DRC (hand-written in countries_extra.txt) and
// "Korea" alone is ambiguous. "Afghani" is left out: it is also the name of the currency.
var candidates = []candidate{
	{name: "U.S."}, {name: "USA"}, {name: "United States of America"}, {name: "Britain"}, {name: "Great Britain"},
	{name: "UK"}, {name: "U.K."}, {name: "England"}, {name: "Scotland"}, {name: "Wales"}, {name: "Burma"},
	{name: "Russia"}, {name: "USSR"}, {name: "Iran"}, {name: "Syria"}, {name: "Laos"}, {name: "South Korea"},
	{name: "North Korea"}, {name: "ROK"}, {name: "Republic of Korea"}, {name: "Vietnam"}, {name: "Viet Nam"},
	{name: "Bolivia"}, {name: "Venezuela"}, {name: "Tanzania"}, {name: "Moldova"}, {name: "Macedonia"},
	{name: "North Macedonia"}, {name: "Czech Republic"}, {name: "Micronesia"}, {name: "Libya"},
	{name: "Ivory Coast"}, {name: "East Timor"}, {name: "Timor"}, {name: "Vatican"}, {name: "Vatican City"},
	{name: "Holy See"}, {name: "Holland"}, {name: "Swaziland"}, {name: "Eswatini"}, {name: "Cape Verde"},
	{name: "Cabo Verde"}, {name: "Brunei"}, {name: "Palestine"}, {name: "Taiwan"}, {name: "Kosovo"},
	{name: "Türkiye"}, {name: "Macau"}, {name: "Macao"}, {name: "Zaire"}, {name: "Democratic Republic of the Congo"},
	{name: "Hong Kong"}, {name: "Bosnia"}, {name: "Trinidad"}, {name: "Antigua"}, {name: "Saint Lucia"},
	{name: "St. Lucia"}, {name: "St Lucia"}, {name: "Saint Kitts"}, {name: "St Kitts"}, {name: "Saint Vincent"},
	{name: "Sao Tome"}, {name: "Guinea Bissau"}, {name: "Malvinas"}, {name: "UAE"}, {name: "Gambia"},
	{name: "Bahamas"}, {name: "Netherlands"}, {name: "Philippines"}, {name: "Maldives"}, {name: "Comoros"},
	{name: "Seychelles"}, {name: "Central African Republic"}, {name: "Equatorial Guinea"},
	{name: "Afghan", plural: "Afghans"}, {name: "Russian", plural: "Russians"}, {name: "Iranian", plural: "Iranians"},
	{name: "Syrian", plural: "Syrians"}, {name: "Libyan", plural: "Libyans"}, {name: "Palestinian", plural: "Palestinians"},
	{name: "Chinese"}, {name: "French"}, {name: "Swiss"}, {name: "Finnish"}, {name: "Thai", plural: "Thais"},
	{name: "Turkish"}, {name: "Saudi", plural: "Saudis"}, {name: "Indian", plural: "Indians"},
	{name: "Somali", plural: "Somalis"}, {name: "Nigerian", plural: "Nigerians"}, {name: "Brazilian", plural: "Brazilians"},
	{name: "Armenian", plural: "Armenians"}, {name: "Bahamian", plural: "Bahamians"}, {name: "Bolivian", plural: "Bolivians"},
	{name: "Namibian", plural: "Namibians"}, {name: "Mongolian", plural: "Mongolians"}, {name: "Slovak", plural: "Slovaks"},
	{name: "Nepali", plural: "Nepalis"}, {name: "Czech", plural: "Czechs"},
	// demonyms and names that this library version does not know are probed anyway: a later version
	// that knows them moves them into the generated file, and a miss costs nothing
	{name: "American", plural: "Americans"}, {name: "British"}, {name: "Israeli", plural: "Israelis"},
	{name: "Ukrainian", plural: "Ukrainians"}, {name: "German", plural: "Germans"}, {name: "Kenyan", plural: "Kenyans"},
}

// rename replaces a library name that would mislead in news text. The library calls COG "Congo", but
// news "Congo" usually means the Democratic Republic of the Congo (see countries_extra.txt).
var rename = map[string][]string{
	"COG": {"Republic of the Congo", "Republic of Congo", "Congo-Brazzaville", "Congo Brazzaville"},
}

// nameForms returns the names to write for a library name: the name itself when it has no parentheses;
// otherwise the short form without "(…)" and, for "Iran (Islamic Republic of)", the reordered form
// "Islamic Republic of Iran". A parenthesised alternative ("Timor-Leste (East Timor)") is kept when alt
// reports it to be a name of the same country, which drops descriptions such as "(Occupied)" and
// "(Special Administrative Region of China)". A comma-separated list ("Bonaire, Sint Eustatius And
// Saba") keeps its first part, which is how news names it.
func nameForms(s string, alt func(inner, short string) bool) []string {
	s = strings.Join(strings.Fields(s), " ")
	if i := strings.IndexByte(s, ','); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	open := strings.IndexByte(s, '(')
	closing := strings.LastIndexByte(s, ')')
	if open < 0 || closing < open {
		if s == "" {
			return nil
		}
		return []string{s}
	}
	inner := strings.TrimSpace(s[open+1 : closing])
	short := strings.Join(strings.Fields(s[:open]+" "+s[closing+1:]), " ")
	var out []string
	if short != "" {
		out = append(out, short)
	}
	switch {
	case inner == "" || short == "":
	case strings.HasSuffix(inner, " of"):
		out = append(out, inner+" "+short)
	case closing == len(s)-1 && alt != nil && alt(inner, short):
		out = append(out, inner)
	}
	return out
}

// countryNames lists the names of one country: library forms, then the probed candidates, without repeats.
func countryNames(c countries.CountryCode, probed map[countries.CountryCode][]string) []string {
	code := c.Alpha3()
	names := nameForms(c.String(), sameCountry)
	if r, ok := rename[code]; ok {
		names = slices.Clone(r)
	}
	names = append(names, probed[c]...)
	var out []string
	seen := make(map[string]bool)
	for _, n := range names {
		k := strings.ToLower(strings.ReplaceAll(n, ".", ""))
		if n == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, n)
	}
	return out
}

// sameCountry reports whether the library takes inner for the same country as short.
// "Taiwan (Province of China)" is a claim of status, not a name news uses, and the library knows it.
func sameCountry(inner, short string) bool {
	if strings.Contains(inner, "Province") || strings.Contains(inner, "Region") {
		return false
	}
	c := countries.ByName(inner)
	return c.IsValid() && c == countries.ByName(short)
}

func probe() map[countries.CountryCode][]string {
	out := make(map[countries.CountryCode][]string)
	for _, cand := range candidates {
		c := countries.ByName(cand.name)
		if !c.IsValid() {
			continue
		}
		out[c] = append(out[c], cand.name)
		if cand.plural != "" {
			out[c] = append(out[c], cand.plural)
		}
	}
	return out
}

// sorted returns every country of the library, by alpha-3 code.
func sorted() []countries.CountryCode {
	all := slices.Clone(countries.All())
	slices.SortFunc(all, func(a, b countries.CountryCode) int { return strings.Compare(a.Alpha3(), b.Alpha3()) })
	return all
}

func header(b *bytes.Buffer, what string) {
	fmt.Fprintf(b, "# Code generated by `go run ./internal/lexicon/gen` (from the repository root); DO NOT EDIT.\n")
	fmt.Fprintf(b, "# %s\n", what)
	fmt.Fprintf(b, "# Source: %s.\n", library)
	fmt.Fprintf(b, "# Format: ../../FORMAT.md. Hand-written additions go in the *_extra.txt files beside this one.\n\n")
}

func countriesFile() []byte {
	var b bytes.Buffer
	header(&b, "Countries: ISO 3166-1 alpha-3 code and the English names the library gives (short forms without\n"+
		"# \"(...)\"), plus the news names and demonyms that its ByName recognises from a probe list in the generator.")
	probed := probe()
	for _, c := range sorted() {
		names := countryNames(c, probed)
		if len(names) == 0 {
			continue
		}
		fmt.Fprintf(&b, "%s  %s\n", c.Alpha3(), strings.Join(names, " | "))
	}
	return b.Bytes()
}

// skipCapital holds capitals that are not written: the word is common or names other places or people
// far more often than the seat of a government, or the entry is historical or a place, not a seat.
var skipCapital = map[string]string{
	"Male":              "an English word",
	"Victoria":          "a common given name and many places",
	"The Valley":        "a common phrase",
	"Hamilton":          "a common surname and many cities",
	"Stanley":           "a common given name",
	"Douglas":           "a common name",
	"Plymouth":          "an English city",
	"Jamestown":         "several places",
	"George Town":       "several places",
	"West Island":       "a common phrase",
	"San Jose":          "also a large US city",
	"Saint-Denis":       "also a French city near Paris",
	"Diego Garcia":      "a military base, not a seat of government",
	"East Jerusalem":    "a place; the Palestinian government sits in Ramallah (capitals_extra.txt)",
	"Kingston":          "also Norfolk Island's; Jamaica's is written in capitals_extra.txt",
	"Flying Fish Cove":  "a settlement, never a metonym",
	"Adamstown":         "a settlement, never a metonym",
	"Amsterdam":         "the Dutch government sits in The Hague, which news also uses for the ICC and ICJ",
	"El-Aaiun":          "Western Sahara has no government of its own there",
	"Grytviken":         "a research station",
	"Port-aux-Francais": "a research station",
}

// historical codes have no government today.
var historical = map[string]bool{"ANT": true, "YUG": true}

// capitalName cleans a library capital name: "Georgetown Guyana" → "Georgetown".
func capitalName(capital, country string) string {
	capital = strings.Join(strings.Fields(capital), " ")
	for _, form := range nameForms(country, nil) {
		if cut, ok := strings.CutSuffix(capital, " "+form); ok && cut != "" {
			return cut
		}
	}
	return capital
}

func capitalsFile() []byte {
	var b bytes.Buffer
	header(&b, "Capitals standing for their governments (\"Moscow said\" = RUSGOV): code alpha-3 + GOV.\n"+
		"# Left out: capitals named like their country, and names listed in the generator's skipCapital.")
	seen := make(map[string]bool)
	for _, c := range sorted() {
		code := c.Alpha3()
		if historical[code] {
			continue
		}
		name := capitalName(c.Capital().String(), c.String())
		if name == "" || name == "None" || skipCapital[name] != "" || seen[name] {
			continue
		}
		if slices.Contains(countryNames(c, nil), name) || countries.ByName(name).IsValid() {
			continue // "Singapore", "Djibouti": the country name already stands for it
		}
		seen[name] = true
		fmt.Fprintf(&b, "%sGOV  %s\n", code, name)
	}
	return b.Bytes()
}
