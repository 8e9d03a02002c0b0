// Package geo is dyad's gazetteer: it turns a place name found in news text into a place with
// coordinates, country and first-level subdivision, and picks among places that share a name.
//
// The data is a table generated from GeoNames (cities of 15,000 people or more, first-level
// subdivisions, countries) and ISO 3166 (via Debian's libtimezonemap-data and iso-codes), plus a
// small hand-kept list of well-known regions ("Donbas", "Golan Heights"); see README.md. It is
// embedded, loaded once and read-only afterwards, so a *Gazetteer is safe for concurrent use.
//
// Lookup finds every place of a name, ignoring case, diacritics and punctuation. Resolve picks
// one, preferring places in the countries in play, then near a given place, then the more
// prominent (countries and subdivisions before towns, capitals and large cities before small
// ones). ResolveQualified reads "Paris, Texas" and "Kabul, Afghanistan". Ambiguous says whether a
// name is also a common English word or first name ("Nice", "Chad"), which a coder should accept
// as a place only with support such as a locative preposition.
package geo
