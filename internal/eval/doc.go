// Package eval holds dyad's scorers; each sub-package scores one kind of output against a gold standard:
// ud (tagging, lemmas, parses, segmentation), events (own gold set), petrarch (PETRARCH validation records) and
// plover (PLOVER gold-standard records).
package eval
