// Package nlp is dyad's own natural-language core: it turns the tokens of a sentence into tagged,
// lemmatized and dependency-parsed words. The models it loads are trained by dyad's own trainer
// (package train) on UD English EWT and embedded in the binary.
package nlp
