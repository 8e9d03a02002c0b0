// Package conllu reads and writes the CoNLL-U format of Universal Dependencies: the treebank that
// dyad's models learn from and the format in which `dyad parse` prints its analyses.
package conllu
