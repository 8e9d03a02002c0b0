// Command gen builds the gazetteer table of package geo, internal/geo/data/places.tsv.gz, from
// Debian packages and one hand-kept file. Run it from the repository root:
//
//	go run ./internal/geo/gen
//
// It fetches libtimezonemap-data with `apt-get download` into a temporary folder and unpacks it
// with `dpkg-deb -x` (no install), and reads iso-codes from the system when installed, else
// fetches it the same way. From libtimezonemap-data it takes GeoNames' cities15000.txt,
// admin1Codes.txt and countryInfo.txt (CC BY 4.0); from iso-codes (LGPL-2.1+) the ISO 3166-1
// countries, the ISO 3166-2 first-level subdivisions and their English names. It links each ISO
// subdivision to its GeoNames admin1 by name, code and spelling, keeps only alternate names that
// English news may use (Latin script, one spelling per lookup key), adds the regions, extra names
// and country points of internal/geo/data/regions.tsv, and writes the table in a fixed order,
// so that the same packages give the same bytes.
//
// Flags: -geonames DIR and -isocodes ROOT use unpacked copies instead of fetching; -regions and
// -out name the hand-kept file and the output.
package main
