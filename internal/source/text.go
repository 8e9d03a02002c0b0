package source

import (
	"bytes"
	"fmt"
	"io"
)

// readText reads a plain-text input as one document whose ID is its name. With mayBeList, a text
// made only of http(s) URLs is read as a feed list instead (see Open).
func (rd *reader) readText(name string, r io.Reader, mayBeList bool) bool {
	data, truncated, err := readCapped(r, rd.opt.MaxBytes)
	if err != nil {
		return rd.fail(name, fmt.Errorf("read: %w", err))
	}
	if truncated {
		rd.log.Warn("document truncated", "origin", name, "max_bytes", rd.opt.MaxBytes)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return rd.fail(name, ErrBinary)
	}
	if mayBeList && isURLList(data) {
		return rd.readFeedList(name, bytes.NewReader(data))
	}
	d, err := rd.textDoc(name, data)
	if err != nil {
		return rd.fail(name, err)
	}
	return rd.emit(d)
}

// textDoc cleans raw text into a Document, warning once about replaced bytes.
func (rd *reader) textDoc(name string, data []byte) (*Document, error) {
	text, bad := cleanText(data)
	if bad >= 0 {
		rd.log.Warn("invalid UTF-8 or control characters replaced", "origin", name, "offset", bad)
	}
	text = tidyText(text)
	if text == "" {
		return nil, ErrEmpty
	}
	return &Document{ID: name, Origin: name, Text: text}, nil
}
