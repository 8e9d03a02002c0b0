// Package lexicon holds what dyad knows about words: verb and noun patterns that map predicates to CAMEO
// event codes, actor names (countries, capitals, organisations, armed groups, people with dated roles),
// agent and role nouns, and discard phrases. The own dictionaries are readable text files under data/
// (their format is in FORMAT.md); users add files of the same format with --lexicon DIR, and package
// lexicon/petrarch loads PETRARCH/TABARI-format dictionaries into the same structures.
package lexicon
