// Package store keeps coded events durably and answers questions over them. Store is the interface;
// SQL implements it over database/sql for every backend (the sqlite and postgres packages open one
// and run its migrations), so both backends share one set of statements and one test suite
// (package storetest).
//
// Put writes a batch of coded documents in one transaction: all of it or none of it. A document
// already stored (same ID, same URL, or the same text from the same publisher at the same URL) adds
// nothing. A copy of a stored story — the same text, or a text at least fingerprint.Threshold
// similar — is linked to that story: its events are not stored again, and the story's num_articles
// (and num_sources, when the publisher is new to the story) go up on every event of the story, as
// GDELT's NumArticles and NumSources.
//
// Every filter value reaches the database as a bound parameter, never as SQL text.
package store
