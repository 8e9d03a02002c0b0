package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// jsonlSlack is how far a JSONL line may exceed MaxBytes: room for the other fields and for JSON
// escapes, so a body at the cap still fits on its line.
const jsonlSlack = 1 << 20

// readJSONL streams a JSONL input line by line: one document per object, one error item per bad
// line, and on to the next.
func (rd *reader) readJSONL(name string, br *bufio.Reader) bool {
	lineCap := rd.opt.MaxBytes + jsonlSlack
	var buf []byte
	seen := false
	for lineNo := 1; ; lineNo++ {
		if !rd.alive() {
			return false
		}
		line, tooLong, err := readLine(br, buf[:0], lineCap)
		buf = line[:0]
		line = bytes.TrimSpace(line)
		if tooLong || len(line) > 0 {
			seen = true
			at := name + ":" + strconv.Itoa(lineNo)
			var ok bool
			if tooLong {
				ok = rd.fail(at, fmt.Errorf("%w: line over %d bytes", ErrTooLarge, lineCap))
			} else if d, derr := rd.jsonlDoc(at, line); derr != nil {
				ok = rd.fail(at, derr)
			} else {
				ok = rd.emit(d)
			}
			if !ok {
				return false
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return rd.fail(name+":"+strconv.Itoa(lineNo), fmt.Errorf("read: %w", err))
		}
	}
	if !seen {
		return rd.fail(name, ErrEmpty)
	}
	return true
}

// readLine reads one line into buf (reused between calls). A line longer than limit is consumed
// but not kept: tooLong reports it, so memory stays bounded by limit.
func readLine(br *bufio.Reader, buf []byte, limit int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(buf)+len(chunk)) > limit {
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return buf, tooLong, err
	}
}

// jsonlDoc turns one JSONL object into a Document: the fields id, date, text, url, title and
// source (the publisher, matched in any letter case) fill the Document, any other field goes to
// Meta as text.
func (rd *reader) jsonlDoc(at string, line []byte) (*Document, error) {
	if line[0] != '{' {
		return nil, fmt.Errorf("%w: not an object", ErrInvalidJSON)
	}
	// One decoding pass into generic values: decoding to json.RawMessage first would scan the
	// text (most of the line) twice more.
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber() // keep ids and numbers exactly as written
	var fields map[string]any
	if err := dec.Decode(&fields); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidJSON, err)
	}
	if dec.InputOffset() != int64(len(line)) {
		return nil, fmt.Errorf("%w: data after the object", ErrInvalidJSON)
	}
	d := &Document{ID: at, Origin: at}
	var text, date any
	for k, v := range fields {
		switch strings.ToLower(k) {
		case "text":
			text = v
		case "date":
			date = v
		case "id":
			if s := strings.TrimSpace(valueString(v)); s != "" {
				d.ID = s
			}
		case "url":
			d.URL = strings.TrimSpace(valueString(v))
		case "title":
			d.Title = oneLine(valueString(v))
		case "source":
			d.Publisher = oneLine(valueString(v))
		default:
			setMeta(d, k, valueString(v))
		}
	}
	if text == nil {
		return nil, ErrMissingText
	}
	body, ok := text.(string)
	if !ok {
		return nil, fmt.Errorf("%w: \"text\" is not a string", ErrMissingText)
	}
	if int64(len(body)) > rd.opt.MaxBytes {
		body = string(truncateUTF8([]byte(body), int(rd.opt.MaxBytes)))
		rd.log.Warn("document truncated", "origin", at, "max_bytes", rd.opt.MaxBytes)
	}
	clean, bad := cleanText([]byte(body))
	if bad >= 0 {
		rd.log.Warn("control characters replaced", "origin", at, "offset", bad)
	}
	if d.Text = tidyText(clean); d.Text == "" {
		return nil, ErrMissingText
	}
	if s := strings.TrimSpace(valueString(date)); s != "" {
		if t, ok := parseDate(s); ok {
			d.Published, d.DateFrom = t, "jsonl"
		} else {
			d.DateWarning = fmt.Sprintf("bad date %q", s)
			rd.log.Warn("bad date", "origin", at, "date", s)
		}
	}
	return d, nil
}

// valueString renders a decoded JSON value as text: a string as itself, null as "", a number as
// written, anything else as compact JSON.
func valueString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// oneLine cleans s and collapses its white space runs to single spaces, for titles and names.
func oneLine(s string) string {
	clean, _ := cleanText([]byte(s))
	return strings.Join(strings.Fields(clean), " ")
}
