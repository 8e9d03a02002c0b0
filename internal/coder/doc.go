// Package coder turns parsed sentences into events: it finds predicates that the lexicon knows, takes their
// source and target from the dependency tree (subjects, objects, obliques, passives, coordination,
// complement clauses, nominal events), resolves actor phrases to CAMEO actor codes compositionally and by
// in-document coreference, and records modality, negation, attribution and the evidence for every event.
package coder
