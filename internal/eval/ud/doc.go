// Package ud scores dyad's NLP core against Universal Dependencies treebanks.
package ud
