package source

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// errStop ends a directory walk once the consumer has stopped.
var errStop = errors.New("stop")

// path reads one argument of Open.
func (rd *reader) path(p string) bool {
	switch {
	case !rd.alive():
		return false
	case p == "-":
		return rd.stream("stdin", rd.opt.Stdin, streamHints{})
	case isURL(p):
		return rd.url(p, rd.opt.Format == FormatFeed)
	}
	info, err := os.Stat(p)
	if err != nil {
		return rd.fail(p, pathErr(err))
	}
	if !info.IsDir() {
		return rd.file(p)
	}
	root := p
	if li, err := os.Lstat(p); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		// WalkDir does not enter a root that is a link; a trailing separator makes it.
		root = p + string(filepath.Separator)
	}
	err = filepath.WalkDir(root, func(q string, e fs.DirEntry, err error) error {
		if err != nil {
			if !rd.fail(q, pathErr(err)) {
				return errStop
			}
			if e != nil && e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if q != root && strings.HasPrefix(e.Name(), ".") {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			return nil
		}
		if e.Type()&fs.ModeSymlink != 0 {
			// Follow links to files only; linked directories could loop.
			if fi, err := os.Stat(q); err != nil || !fi.Mode().IsRegular() {
				return nil
			}
		} else if !e.Type().IsRegular() {
			return nil
		}
		if !rd.file(q) {
			return errStop
		}
		return nil
	})
	return err == nil
}

// file reads one regular file.
func (rd *reader) file(p string) bool {
	f, err := os.Open(p)
	if err != nil {
		return rd.fail(p, pathErr(err))
	}
	defer f.Close()
	return rd.stream(p, f, streamHints{})
}

// pathErr drops the path from an os error: the Item's origin already names it.
func pathErr(err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err
	}
	return err
}

// url fetches a URL and reads the body, as a feed when wantFeed.
func (rd *reader) url(u string, wantFeed bool) bool {
	body, ct, err := rd.fetch(u)
	if err != nil {
		return rd.fail(u, fmt.Errorf("fetch: %w", err))
	}
	if binaryContentType(ct) {
		return rd.fail(u, fmt.Errorf("%w (%s)", ErrBinary, ct))
	}
	return rd.stream(u, bytes.NewReader(body), streamHints{fetched: true, contentType: ct, wantFeed: wantFeed, pageURL: u})
}

// maxListLine bounds a line of a feed list; URLs are short.
const maxListLine = 64 << 10

// readFeedList fetches and reads, as a feed, every URL listed one per line in r.
func (rd *reader) readFeedList(name string, r io.Reader) bool {
	br := bufio.NewReaderSize(r, bufSize)
	var buf []byte
	for lineNo := 1; ; lineNo++ {
		if !rd.alive() {
			return false
		}
		line, tooLong, err := readLine(br, buf[:0], maxListLine)
		buf = line[:0]
		at := name + ":" + strconv.Itoa(lineNo)
		s := strings.TrimSpace(string(line))
		switch {
		case tooLong:
			if !rd.fail(at, fmt.Errorf("%w: line over %d bytes", ErrTooLarge, maxListLine)) {
				return false
			}
		case s == "" || strings.HasPrefix(s, "#"):
		case !isURL(s):
			if !rd.fail(at, fmt.Errorf("not an http(s) URL: %q", s)) {
				return false
			}
		default:
			if !rd.url(s, true) {
				return false
			}
		}
		if errors.Is(err, io.EOF) {
			return true
		}
		if err != nil {
			return rd.fail(at, fmt.Errorf("read: %w", err))
		}
	}
}

// isURL accepts absolute http and https URLs with a host.
func isURL(s string) bool {
	low := strings.ToLower(s)
	if !strings.HasPrefix(low, "http://") && !strings.HasPrefix(low, "https://") ||
		strings.ContainsAny(s, " \t\r\n") {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && u.Host != ""
}

// isURLList tells whether data is a list of URLs: at least one, and nothing but URLs, blank lines
// and "#" comments.
func isURLList(data []byte) bool {
	n := 0
	for line := range bytes.Lines(data) {
		s := strings.TrimSpace(string(line))
		switch {
		case s == "" || strings.HasPrefix(s, "#"):
		case isURL(s):
			n++
		default:
			return false
		}
	}
	return n > 0
}
