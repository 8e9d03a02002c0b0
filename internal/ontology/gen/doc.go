// Command gen writes internal/ontology/data/countries.tsv, dyad's table of ISO 3166-1 alpha-3 country
// codes, from the Go module github.com/biter777/countries v1.7.5 (Copyright (c) 2019 Biter, BSD
// 2-Clause License; the licence text is reproduced in the header of the generated file). Run it from the
// repository root:
//
//	go run ./internal/ontology/gen
//
// or with go generate in internal/ontology. The output is deterministic; a test checks that the
// committed file is up to date.
package main
