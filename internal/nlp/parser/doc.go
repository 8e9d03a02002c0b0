// Package parser is dyad's dependency parser: a greedy arc-hybrid transition parser trained as an
// averaged perceptron with a dynamic oracle and exploration, reading lowercased word forms and
// (predicted) UPOS and XPOS tags. Transitions are labeled with the most frequent relations; the rare
// ones share a transition and are told apart by a second, small label model.
//
// Non-projective trees are handled pseudo-projectively: training trees are projectivized by lifting
// arcs and encoding the original head's label in the lifted word's label; parses are deprojectivized
// by searching the encoded label below the word's head.
package parser
