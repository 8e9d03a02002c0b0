// Package gazfile reads and writes the gazetteer's data files: the generated place table
// (gzip'd, tab-separated, one place a line) and the hand-kept list of well-known regions and
// extra names that the generator merges into it. The generator in ../gen writes the table and
// package geo reads it; keeping the format here means both sides agree on one definition.
package gazfile
