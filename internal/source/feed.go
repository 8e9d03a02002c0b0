package source

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readFeed reads an RSS, Atom or JSON feed: each item is a document, with the item's content (or
// else its description, or else its title) stripped of markup as text. head is the sniffed start
// of the stream, used to explain a failure.
func (rd *reader) readFeed(name string, r io.Reader, head []byte) bool {
	cr := &countingReader{r: io.LimitReader(r, rd.opt.MaxBytes+1)}
	var feed *gofeed.Feed
	err := protect(func() error {
		var err error
		feed, err = gofeed.NewParser().Parse(cr)
		return err
	})
	switch {
	case cr.n > rd.opt.MaxBytes:
		return rd.fail(name, fmt.Errorf("%w: feed over %d bytes", ErrTooLarge, rd.opt.MaxBytes))
	case err != nil && formatByContent(head) == FormatHTML:
		return rd.fail(name, fmt.Errorf("%w: got an HTML page", ErrNotFeed))
	case errors.Is(err, gofeed.ErrFeedTypeNotDetected):
		return rd.fail(name, fmt.Errorf("%w: no RSS, Atom or JSON Feed found", ErrNotFeed))
	case err != nil:
		return rd.fail(name, fmt.Errorf("invalid feed: %w", err))
	}
	publisher := oneLine(htmlText(feed.Title))
	if len(feed.Items) == 0 {
		rd.log.Warn("feed has no items", "origin", name)
	}
	for i, it := range feed.Items {
		at := name + "#" + strconv.Itoa(i+1)
		if it == nil {
			continue
		}
		d := &Document{Origin: at, Publisher: publisher, URL: strings.TrimSpace(it.Link)}
		d.ID = firstNonEmpty(strings.TrimSpace(it.GUID), d.URL, at)
		d.Title = oneLine(htmlText(it.Title))
		body := htmlText(firstNonEmpty(strings.TrimSpace(it.Content), strings.TrimSpace(it.Description)))
		if int64(len(body)) > rd.opt.MaxBytes {
			body = string(truncateUTF8([]byte(body), int(rd.opt.MaxBytes)))
			rd.log.Warn("document truncated", "origin", at, "max_bytes", rd.opt.MaxBytes)
		}
		clean, _ := cleanText([]byte(body))
		d.Text = tidyText(clean)
		if d.Text == "" && d.Title != "" {
			// A headline-only item still states an event; say where the text came from.
			d.Text = d.Title
			setMeta(d, "text_from", "title")
		}
		if d.Text == "" {
			if !rd.fail(at, ErrMissingText) {
				return false
			}
			continue
		}
		rd.feedDate(d, it)
		if it.Author != nil && it.Author.Name != "" {
			setMeta(d, "author", oneLine(it.Author.Name))
		}
		if len(it.Categories) > 0 {
			setMeta(d, "categories", oneLine(strings.Join(it.Categories, ", ")))
		}
		if !rd.emit(d) {
			return false
		}
	}
	return true
}

// feedDate sets the item's publication date: published, else updated, as gofeed parsed them or,
// failing that, as parseDate reads them; an unreadable date leaves a DateWarning.
func (rd *reader) feedDate(d *Document, it *gofeed.Item) {
	switch {
	case it.PublishedParsed != nil && plausible(*it.PublishedParsed):
		d.Published = *it.PublishedParsed
	case it.UpdatedParsed != nil && plausible(*it.UpdatedParsed):
		d.Published = *it.UpdatedParsed
	default:
		raw := strings.TrimSpace(firstNonEmpty(it.Published, it.Updated))
		if raw == "" {
			return
		}
		t, ok := parseDate(raw)
		if !ok {
			d.DateWarning = fmt.Sprintf("bad date %q", oneLine(raw))
			return
		}
		d.Published = t
	}
	d.DateFrom = "feed"
}

// countingReader counts the bytes read through it, to tell a feed over the cap from a broken one.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// htmlText turns a feed's HTML fragment into plain text: markup dropped, entities decoded, white
// space collapsed, block elements as paragraph breaks and <br> as a line break. Feeds that escape
// their HTML twice ("&lt;p&gt;") get a second pass.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	out := htmlTextOnce(s)
	if strings.Contains(out, "</") || strings.Contains(out, "<br") || strings.Contains(out, "<p>") {
		out = htmlTextOnce(out)
	}
	return out
}

func htmlTextOnce(s string) string {
	var b blockText
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0 // depth inside <script> or <style>, whose text is no prose
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.sb.String()
		case html.TextToken:
			if skip == 0 {
				b.text(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch a := atom.Lookup(name); a {
			case atom.Script, atom.Style:
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case atom.Br:
				b.brk(1)
			case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.Blockquote, atom.Pre, atom.Table,
				atom.Tr, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Hr, atom.Section,
				atom.Article, atom.Figure, atom.Figcaption, atom.Header, atom.Footer, atom.Dl, atom.Dt,
				atom.Dd:
				b.brk(2)
			}
		}
	}
}

// blockText builds text from HTML text runs and block breaks.
type blockText struct {
	sb      strings.Builder
	space   bool // a space is owed before the next word
	newline int  // line breaks owed before the next word
}

func (b *blockText) text(t []byte) {
	for _, r := range string(t) {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			b.space = true
			continue
		}
		if b.sb.Len() > 0 {
			switch {
			case b.newline > 0:
				b.sb.WriteString("\n\n"[:b.newline])
			case b.space:
				b.sb.WriteByte(' ')
			}
		}
		b.newline, b.space = 0, false
		b.sb.WriteRune(r)
	}
}

func (b *blockText) brk(n int) {
	b.newline = max(b.newline, n)
	b.space = false
}
