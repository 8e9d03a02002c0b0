package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"
)

// bufSize is the read buffer for every stream; it must exceed sniffLen so a Peek can see it all.
const bufSize = 64 << 10

// reader carries one Read or Open call: its options with defaults filled in and the consumer.
type reader struct {
	ctx   context.Context
	opt   Options
	log   *slog.Logger
	yield func(Item) bool
	done  bool // the consumer stopped or ctx ended: yield must not be called again
}

func newReader(ctx context.Context, opt Options, yield func(Item) bool) *reader {
	if opt.Format == "" {
		opt.Format = FormatAuto
	}
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	switch {
	case opt.Retries == 0:
		opt.Retries = DefaultRetries
	case opt.Retries < 0:
		opt.Retries = 0
	}
	if opt.Backoff <= 0 {
		opt.Backoff = DefaultBackoff
	}
	if opt.HTTP == nil {
		opt.HTTP = &http.Client{Timeout: DefaultHTTPTimeout}
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if opt.Stdin == nil {
		opt.Stdin = os.Stdin
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	return &reader{ctx: ctx, opt: opt, log: opt.Logger, yield: yield}
}

// alive tells whether more items may be produced.
func (rd *reader) alive() bool {
	if !rd.done && rd.ctx.Err() != nil {
		rd.done = true
	}
	return !rd.done
}

// emit completes a document (dateline, default date, language) and hands it on; false means stop.
func (rd *reader) emit(d *Document) bool {
	if !rd.alive() {
		return false
	}
	rd.finish(d)
	if !rd.yield(Item{Doc: d}) {
		rd.done = true
	}
	return !rd.done
}

// fail hands on an error item for origin; false means stop.
func (rd *reader) fail(origin string, err error) bool {
	if !rd.alive() {
		return false
	}
	if !rd.yield(Item{Err: &Error{Origin: origin, Err: err}}) {
		rd.done = true
	}
	return !rd.done
}

// finish applies what every format shares. Date precedence: a date given by the input itself
// (JSONL field, feed, HTML metadata), then a dateline at the start of the text, then Options.Date.
func (rd *reader) finish(d *Document) {
	if dl, ok := parseDateline(d.Text); ok {
		setMeta(d, "dateline", dl.Place)
		d.Lead = dl.End
		if d.Published.IsZero() {
			ref := rd.opt.Date
			if ref.IsZero() {
				ref = rd.opt.Now()
			}
			if t, ok := dl.date(ref); ok {
				d.Published, d.DateFrom = t, "dateline"
			}
		}
	}
	if d.Published.IsZero() && !rd.opt.Date.IsZero() {
		d.Published, d.DateFrom = rd.opt.Date, "flag"
	}
	d.Lang = DetectLanguage(d.Text)
}

func setMeta(d *Document, k, v string) {
	if d.Meta == nil {
		d.Meta = make(map[string]string)
	}
	d.Meta[k] = v
}

// streamHints says how a stream reached stream().
type streamHints struct {
	fetched     bool   // body of a URL: no extension guess, never a feed list
	contentType string // HTTP Content-Type of a fetched body
	wantFeed    bool   // an entry of a feed list, or a URL read with Format "feed"
	pageURL     string // base for relative links in HTML
}

// stream reads one input: gunzips it when it starts with the gzip magic, refuses binary and empty
// input, settles the format and hands it to the format's reader.
func (rd *reader) stream(name string, r io.Reader, h streamHints) bool {
	if !rd.alive() {
		return false
	}
	if name == "" {
		name = "input"
	}
	br := bufio.NewReaderSize(r, bufSize)
	head, err := br.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) {
		return rd.fail(name, fmt.Errorf("read: %w", err))
	}
	formatName := name
	if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return rd.fail(name, fmt.Errorf("corrupt gzip: %w", err))
		}
		defer zr.Close()
		br = bufio.NewReaderSize(gzipErrors{zr}, bufSize)
		if head, err = br.Peek(sniffLen); err != nil && !errors.Is(err, io.EOF) {
			return rd.fail(name, err)
		}
		formatName = strings.TrimSuffix(strings.TrimSuffix(name, ".gz"), ".GZ")
	}
	// A blank head shorter than a sniff is the whole input; longer blank inputs are caught by the
	// format readers, which find no text.
	if len(head) < sniffLen && len(bytes.TrimSpace(trimLead(head))) == 0 {
		return rd.fail(name, ErrEmpty)
	}
	if isBinary(head) {
		return rd.fail(name, ErrBinary)
	}
	format := rd.opt.Format
	if h.wantFeed {
		format = FormatFeed
	}
	if format == FormatAuto && !h.fetched {
		format = formatByName(formatName)
	}
	if format == FormatAuto {
		format = formatByContent(head)
		if format == FormatText && isHTMLType(h.contentType) {
			format = FormatHTML
		}
	}
	switch format {
	case FormatText:
		return rd.readText(name, br, !h.fetched && rd.opt.Format == FormatAuto)
	case FormatHTML:
		return rd.readHTML(name, br, h)
	case FormatJSONL:
		return rd.readJSONL(name, br)
	case FormatFeed:
		return rd.readFeed(name, br, head)
	case FormatFeedList:
		if h.fetched {
			return rd.fail(name, errors.New("feed lists are read from files, not fetched"))
		}
		return rd.readFeedList(name, br)
	}
	return rd.fail(name, fmt.Errorf("unknown format %q", format))
}

// gzipErrors labels failures of a gzip stream, which surface far from where it was opened.
type gzipErrors struct{ r io.Reader }

func (g gzipErrors) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && !errors.Is(err, io.EOF) {
		err = fmt.Errorf("corrupt gzip: %w", err)
	}
	return n, err
}

func isHTMLType(ct string) bool {
	ct = strings.ToLower(ct)
	return strings.HasPrefix(ct, "text/html") || strings.HasPrefix(ct, "application/xhtml")
}

// readCapped reads at most limit bytes of r; truncated tells whether there was more, which is left
// unread so a huge input is never loaded whole.
func readCapped(r io.Reader, limit int64) (data []byte, truncated bool, err error) {
	data, err = io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, false, err
	}
	if int64(len(data)) > limit {
		return truncateUTF8(data, int(limit)), true, nil
	}
	return data, false, nil
}

// protect runs a third-party parser and turns a panic inside it into an error, so one hostile
// page cannot stop a batch.
func protect(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parser failure: %v", r)
		}
	}()
	return f()
}
