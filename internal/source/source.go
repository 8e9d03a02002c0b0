package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"net/http"
	"time"
)

// Format names an input format.
type Format string

// Input formats. FormatAuto guesses from the name's extension, then from the content.
const (
	FormatAuto     Format = "auto"
	FormatText     Format = "text"
	FormatHTML     Format = "html"
	FormatJSONL    Format = "jsonl"
	FormatFeed     Format = "feed"     // RSS, Atom or JSON Feed
	FormatFeedList Format = "feedlist" // one feed URL per line; see Open
)

// ParseFormat checks a --format flag value; "" means FormatAuto.
func ParseFormat(s string) (Format, error) {
	switch f := Format(s); f {
	case "":
		return FormatAuto, nil
	case FormatAuto, FormatText, FormatHTML, FormatJSONL, FormatFeed, FormatFeedList:
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q (want auto, text, html, jsonl, feed or feedlist)", s)
}

// Defaults applied by Read and Open to zero Options fields.
const (
	DefaultMaxBytes    = 10 << 20
	DefaultRetries     = 3
	DefaultBackoff     = 500 * time.Millisecond
	DefaultHTTPTimeout = 30 * time.Second
)

// Options controls reading. The zero value is usable.
type Options struct {
	Format Format // FormatAuto when empty
	// Date is the default publication date (--date) for documents whose input gives none; it also
	// supplies the year of a dateline that has only a month and day. Zero means none.
	Date time.Time
	// HTTP fetches URLs; nil means a client with a 30 s timeout.
	HTTP *http.Client
	// MaxBytes caps one document (and one fetched body or feed); 0 means 10 MB. Larger text bodies
	// are truncated with a warning; a larger feed or JSONL line is an error item.
	MaxBytes int64
	// Retries is how many times a URL is retried after a 5xx, 429 or timeout; 0 means 3 and a
	// negative value means no retry.
	Retries int
	// Backoff is the wait before the first retry, doubled for each further one; 0 means 500 ms.
	Backoff time.Duration
	// Logger receives warnings (truncation, invalid bytes); nil discards them.
	Logger *slog.Logger
	// Stdin is read for the path "-"; nil means os.Stdin.
	Stdin io.Reader
	// Now gives the current time for dateline years when Date is zero; nil means time.Now.
	Now func() time.Time
}

// Item is one document or one error: a bad article never stops the batch.
type Item struct {
	Doc *Document
	Err error // an *Error naming the file (and line or item) and the reason
}

// Error is a failure to read one input, one line or one feed item.
type Error struct {
	Origin string // "file.jsonl:17", "feed.xml#3", "https://example.org/feed", "dir/a.html"
	Err    error
}

func (e *Error) Error() string { return e.Origin + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Reasons carried by Error; test them with errors.Is.
var (
	ErrEmpty       = errors.New("empty")
	ErrBinary      = errors.New("binary content")
	ErrNoText      = errors.New("no article text")
	ErrMissingText = errors.New("missing text")
	ErrInvalidJSON = errors.New("invalid JSON")
	ErrNotFeed     = errors.New("not a feed")
	ErrTooLarge    = errors.New("too large")
)

// Read reads one input stream named name (a path or URL, used for messages, IDs and the format
// guess). It yields one Item per document or failure. When ctx ends, iteration stops without an
// item for the input in progress: check ctx.Err() afterwards.
func Read(ctx context.Context, name string, r io.Reader, opt Options) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		rd := newReader(ctx, opt, yield)
		rd.stream(name, r, streamHints{})
	}
}

// Open reads every path in turn: files, directories (recursively, in lexical order, skipping
// names that start with "."), gzip-compressed files (by content, whatever the extension), "-" for
// Options.Stdin, and http(s) URLs (an HTML page or a feed, told apart by content; with
// Format "feed", an HTML page is an error).
//
// A feed list is a file of feed URLs, one per line, with blank lines and "#" comments allowed. A
// file is taken as a feed list when its name ends in ".feeds", when Format is "feedlist", or, with
// Format "auto", when it would be read as plain text and every line of it is an http(s) URL: a text
// made only of URLs is no article. Each URL of a list is fetched and read as a feed. Fetched bodies are never taken
// as feed lists, so a list cannot pull in further lists. Like Read, Open stops when ctx ends.
func Open(ctx context.Context, paths []string, opt Options) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		rd := newReader(ctx, opt, yield)
		for _, p := range paths {
			if !rd.path(p) {
				return
			}
		}
	}
}
