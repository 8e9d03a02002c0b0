// Package source reads news articles from plain text, HTML, RSS/Atom feeds and JSONL into Documents:
// clean UTF-8 text with its identity, publication date and provenance. It is the first step of the
// data path; nothing here knows about language processing.
//
// Read takes one stream; Open takes command-line arguments (files, folders, "-", URLs, feed
// lists). Both yield Items, each a Document or an *Error naming the input (with its line or item)
// and the reason, so one bad article never stops a batch.
//
// Formats. With Format "auto" the extension decides (.txt, .html/.htm, .jsonl/.ndjson, .rss/.atom,
// .feeds), else the first bytes do: "{" is JSONL (or a JSON Feed), markup is a feed when an <rss>,
// <feed> or <rdf:RDF> comes before any <html>, otherwise HTML, and anything else is text. Gzip is
// recognised by its magic bytes and decompressed as it streams.
//
// IDs are stable and unique per input: the JSONL "id" field or "file.jsonl:LINE"; a feed item's
// guid, else its link, else "feed.xml#N"; the path (or URL) for text and HTML.
//
// Dates. A date given by the input itself comes first (JSONL "date", the feed item, HTML metadata:
// DateFrom "jsonl", "feed", "meta", "time"). Failing that, a dateline at the start of the text
// ("KABUL, Aug 24 (Reuters) -") gives the day (DateFrom "dateline"); when it has no year, the year
// is that of Options.Date, or of the current time when there is no --date, moved one year back if
// the date would otherwise fall more than two days after that reference. Failing both, Options.Date
// is used (DateFrom "flag"). An input date that cannot be read is kept in DateWarning and the
// document still goes through. Whatever the date, a dateline's place goes to Meta["dateline"].
//
// Language. Every document gets Lang from DetectLanguage over its first 2 KB; "" means undecided
// (too short, or no language stands out). Skipping non-English documents is the caller's choice.
package source
