// Package lemma gives words their dictionary form (lemma) as UD English EWT spells it, from the word
// and its part-of-speech tags.
//
// Forms seen in training take their most frequent lemma for the tag. Other forms are lemmatized by
// rules learned from the training data: a suffix edit chosen by the tag and the longest known ending of
// the form ("rebranded"/VBD: drop "ed"), and a casing chosen by the tag and the form's capitalization
// (proper nouns keep their case, other words are lower-cased).
package lemma
