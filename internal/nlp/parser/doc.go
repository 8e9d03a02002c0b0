// Package parser is dyad's dependency parser: a greedy arc-hybrid transition parser trained as an
// averaged perceptron with a dynamic oracle and exploration, reading word forms and (predicted) UPOS and
// XPOS tags. Transitions are labeled with the most frequent relations; the rare ones share a transition
// and are told apart by a second, small label model.
//
// Tags at parse time come from a tagger and are sometimes wrong, so the parser leans on what does not
// depend on the tagger's choice too: each word's ambiguity class (the tags it had in training), and
// words too rare in training to be trusted are read as unknown, in training as at parse time.
//
// Non-projective trees are handled pseudo-projectively: training trees are projectivized by lifting
// arcs and encoding the original head's label in the lifted word's label; parses are deprojectivized
// by searching the encoded label below the word's head. Punctuation heads nothing, and once a sentence
// is parsed a third small model moves each mark to the best of the heads that keep its arc projective.
package parser
