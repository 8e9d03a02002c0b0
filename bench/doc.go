// Command bench measures dyad's NLP core against the prose/v2 tagger, the ready Go tagger, in one run on one
// core: XPOS accuracy on a UD treebank (prose tags its own tokenization of each sentence's words; tokens are
// aligned back to the gold words) and tokens per second. It is a separate module so that dyad itself does not
// depend on prose.
//
//	cd bench && go run . -ud ../../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu
package main
