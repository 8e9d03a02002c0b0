// Package source reads news articles from plain text, HTML, RSS/Atom feeds and JSONL into Documents:
// clean UTF-8 text with its identity, publication date and provenance. It is the first step of the
// data path; nothing here knows about language processing.
package source
