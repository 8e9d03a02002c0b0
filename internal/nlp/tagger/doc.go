// Package tagger assigns part-of-speech tags (UD UPOS and Penn XPOS) to the words of a sentence.
//
// Each word gets one joint UPOS+XPOS class from two greedy averaged perceptrons: the first tags right to
// left; the second tags left to right, seeing the first pass's tags to its right, and decides by the sum
// of both passes' scores. Where the first pass is sure the second is skipped, and frequent words that
// training saw with one tag skip both. In training, each use of a word sees the tag dictionary as its
// other uses make it, as a word of new text sees one made without it. Features are hashed from integer
// atoms computed once per word; the scores of single-word features are precomputed for frequent forms.
// Tagging allocates nothing.
package tagger
