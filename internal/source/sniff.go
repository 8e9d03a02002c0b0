package source

import (
	"bytes"
	"mime"
	"net/http"
	"path"
	"strings"
)

// sniffLen is how much of a stream is looked at to guess its format and spot binary content.
const sniffLen = 8 << 10

// extFormats maps file extensions that settle the format on their own; ".xml", ".json" and
// anything else are sniffed, since both feeds and XHTML pages end in ".xml" and a ".json" file may
// be JSONL or a JSON Feed.
var extFormats = map[string]Format{
	".txt":    FormatText,
	".text":   FormatText,
	".html":   FormatHTML,
	".htm":    FormatHTML,
	".xhtml":  FormatHTML,
	".jsonl":  FormatJSONL,
	".ndjson": FormatJSONL,
	".rss":    FormatFeed,
	".atom":   FormatFeed,
	".feeds":  FormatFeedList,
}

// formatByName guesses the format from a file name's extension ("a.jsonl.gz" counts as ".jsonl"
// once the caller has stripped ".gz"); FormatAuto when the extension says nothing.
func formatByName(name string) Format {
	if f, ok := extFormats[strings.ToLower(path.Ext(name))]; ok {
		return f
	}
	return FormatAuto
}

// formatByContent guesses the format from the first bytes of a stream. It always decides:
// anything that is neither JSON nor markup is text.
func formatByContent(head []byte) Format {
	head = trimLead(head)
	switch {
	case len(head) == 0:
		return FormatText
	case head[0] == '{':
		if bytes.Contains(head, []byte("jsonfeed.org/version")) {
			return FormatFeed
		}
		return FormatJSONL
	case head[0] == '<':
		low := bytes.ToLower(head[:min(len(head), 4096)])
		feedAt := firstTag(low, "<rss", "<feed", "<rdf:rdf")
		pageAt := firstTag(low, "<html", "<!doctype html", "<head", "<body")
		if feedAt >= 0 && (pageAt < 0 || feedAt < pageAt) {
			return FormatFeed
		}
		return FormatHTML
	}
	return FormatText
}

// trimLead drops a UTF-8 byte order mark and leading white space.
func trimLead(b []byte) []byte {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	return bytes.TrimLeft(b, " \t\r\n\f")
}

// firstTag returns the offset of the earliest of the given tag openings in low (already lower
// case), counting a match only when the tag name ends there, so "<feed" does not match "<feedback".
func firstTag(low []byte, tags ...string) int {
	best := -1
	for _, t := range tags {
		from := 0
		for {
			i := bytes.Index(low[from:], []byte(t))
			if i < 0 {
				break
			}
			i += from
			end := i + len(t)
			if end >= len(low) || strings.IndexByte(" \t\r\n>/", low[end]) >= 0 {
				if best < 0 || i < best {
					best = i
				}
				break
			}
			from = end
		}
	}
	return best
}

// isBinary tells whether the first bytes of a stream are not text. A NUL byte settles it (so
// UTF-16 counts as binary); otherwise the standard sniffer's verdict is used, and where it only
// says "octet-stream" a stray control byte is tolerated (the text cleaner replaces it) but many
// are not.
func isBinary(head []byte) bool {
	if len(head) == 0 {
		return false
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ct := http.DetectContentType(head)
	switch {
	case strings.HasPrefix(ct, "text/"):
		return false
	case ct == "application/octet-stream":
		ctl := 0
		for _, c := range head {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b {
				ctl++
			}
		}
		return ctl*20 > len(head)
	}
	return true
}

// binaryContentType tells whether an HTTP Content-Type names a non-text body. Unknown or generic
// types return false and the body is sniffed instead.
func binaryContentType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	major, minor, _ := strings.Cut(mt, "/")
	switch major {
	case "image", "audio", "video", "font":
		return true
	case "application":
		switch minor {
		case "pdf", "zip", "x-zip-compressed", "msword", "x-tar", "x-7z-compressed",
			"vnd.rar", "x-rar-compressed", "wasm":
			return true
		}
		return strings.HasPrefix(minor, "vnd.ms-") || strings.HasPrefix(minor, "vnd.openxmlformats")
	}
	return false
}
