// Package perceptron is the averaged multiclass perceptron that dyad's tagger and parser learn with.
//
// Features are 64-bit hashes built by the callers from small integer atoms (word IDs, tags, template
// numbers), so extracting them allocates nothing. A Learner keeps sparse per-feature class weights with
// lazy averaging; Learner.Model turns them into a compact, read-only Model whose weights are pruned and
// quantized to 16 bits and whose scores are integer sums, cheap enough for the hot path. In memory, the
// weights of features with many classes are kept as dense int8 rows, each with its own scale, which an
// AVX2 kernel multiplies and adds eight classes at a time.
package perceptron
