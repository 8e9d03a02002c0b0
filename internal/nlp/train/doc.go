// Package train rebuilds dyad's NLP models (tagger, lemmatizer, parser) from a UD treebank: it reads the
// train and dev files only — never the test file — trains each model deterministically and writes the model
// files that package models embeds.
package train
