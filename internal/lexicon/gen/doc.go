// Command gen regenerates dyad's generated actor files, internal/lexicon/data/actors/countries.txt and
// capitals.txt, from the country tables of github.com/biter777/countries (BSD-2-Clause). Run it from the
// repository root:
//
//	go run ./internal/lexicon/gen
//
// The output is deterministic, so a test can check that the committed files are up to date. Demonyms,
// news short names and famous buildings that the library does not know are hand-written next to the
// generated files (countries_extra.txt, capitals_extra.txt).
package main
