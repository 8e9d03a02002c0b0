package source

import "time"

// Document is one article ready for coding.
type Document struct {
	ID        string    // the input's id, or a name derived from the file (and line or item)
	URL       string    // canonical URL when known
	Title     string    // headline when known
	Publisher string    // outlet ("source" in JSONL input), e.g. "Reuters"
	Published time.Time // publication date; zero when unknown
	// DateFrom says where Published came from: "flag" (--date), "jsonl", "feed", "meta" (HTML meta or
	// JSON-LD), "time" (an HTML <time>), "dateline" ("KABUL, Aug 24 (Reuters) -"), or "" when unknown.
	DateFrom string
	// DateWarning is set when a date was given but could not be used (e.g. "bad date \"2021-02-30\"").
	DateWarning string
	Text        string // body text, valid UTF-8, paragraphs separated by blank lines
	// Lead is the byte offset where the story starts after a dateline ("NAIROBI, March 3 (Wire) - "), 0
	// when there is none; the dateline stays in Text but is not read as part of the first sentence.
	Lead   int
	Lang   string            // ISO 639-1 code detected from the text ("en"), "" when undecided
	Origin string            // where it came from, for messages: "file.jsonl:12", "feed.xml#3"
	Meta   map[string]string // other input fields, kept as metadata
}
