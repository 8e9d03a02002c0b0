// Package tagger assigns part-of-speech tags (UD UPOS and Penn XPOS) to the words of a sentence.
//
// It is a two-pass greedy averaged perceptron over joint UPOS+XPOS classes: the first pass tags left to
// right with the previous tags as context; the second pass re-tags every word seeing the first pass's
// tags on both sides. Frequent words that the training data shows with a single tag skip the classifier.
// Features are hashed from integer atoms computed once per word, so tagging allocates nothing.
package tagger
