// Package models embeds the trained tagger, lemmatizer and parser models. The files are produced by
// `dyad train` (see the README) from UD English EWT and are licensed CC BY-SA 4.0 like the treebank.
package models

import "embed"

// FS holds the model files.
//
//go:embed *.bin.gz
var FS embed.FS
