// Package fingerprint recognises copies of one story: an exact content hash for identical texts and a
// MinHash signature for near-identical ones (the same wire text with another headline, byline or
// boilerplate), with locality-sensitive band keys so that a store finds candidates by index lookups
// instead of comparing every pair.
//
// Similarity is the Jaccard resemblance of the two texts' sets of word 3-shingles (words are runs of
// letters and digits, case-folded). A signature keeps the minimum of 128 hash functions over those
// shingles; the fraction of equal minima estimates the resemblance. The 128 minima are cut into 16
// bands of 8; two texts share at least one band key with probability 1-(1-s^8)^16: 0.9999 at
// s = 0.9, 0.95 at s = 0.8 and 0.06 at s = 0.5, so every pair at or above Threshold is found and
// few others are looked at. Candidates are then confirmed with Similarity ≥ Threshold.
package fingerprint
