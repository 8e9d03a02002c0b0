// Package event defines the coded event — who did what to whom, when and where, with its evidence —
// and writes events as JSONL, CSV and GDELT-style TSV. The coder produces these values; stores and
// writers consume them.
package event
