// Package ontology holds the reference tables that dyad codes events into: the CAMEO event codebook
// with Goldstein weights and quad classes, the PLOVER event types and modes, dyad's CAMEO-to-PLOVER
// mapping, and the CAMEO actor-code scheme (countries, regions, intergovernmental organisations and
// agent codes), with the rules that split a composite actor code into its parts.
//
// The tables are readable tab-separated files under data/, embedded in the binary; each file's header
// comment explains its columns. Load reads them into an immutable Ontology that any number of
// goroutines may share; Default loads them once per process.
package ontology

//go:generate go run ./gen -o data/countries.tsv
