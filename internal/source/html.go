package source

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

// readHTML reads an HTML page as one document: the article text found by readability, with the
// page's title, canonical URL and publication date.
func (rd *reader) readHTML(name string, r io.Reader, h streamHints) bool {
	data, truncated, err := readCapped(r, rd.opt.MaxBytes)
	if err != nil {
		return rd.fail(name, fmt.Errorf("read: %w", err))
	}
	if truncated {
		rd.log.Warn("document truncated", "origin", name, "max_bytes", rd.opt.MaxBytes)
	}
	d, err := rd.htmlDoc(name, data, h)
	if err != nil {
		return rd.fail(name, err)
	}
	return rd.emit(d)
}

func (rd *reader) htmlDoc(name string, data []byte, h streamHints) (*Document, error) {
	root, err := html.Parse(decodeHTML(data, h.contentType))
	if err != nil {
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	// Metadata first: readability removes scripts (JSON-LD) and rewrites the tree.
	m := pageMetaOf(root)
	base, _ := url.Parse(h.pageURL)
	if h.pageURL == "" {
		base = nil
	}
	var art readability.Article
	err = protect(func() error {
		p := readability.NewParser()
		p.MaxElemsToParse = maxHTMLElements
		var err error
		art, err = p.ParseAndMutate(root, base)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("readability: %w", err)
	}
	if art.Node == nil {
		return nil, ErrNoText
	}
	var sb strings.Builder
	if err := protect(func() error { return art.RenderText(&sb) }); err != nil {
		return nil, fmt.Errorf("readability: %w", err)
	}
	text, bad := cleanText([]byte(sb.String()))
	if bad >= 0 {
		rd.log.Warn("invalid UTF-8 or control characters replaced", "origin", name)
	}
	if text = tidyText(text); text == "" {
		return nil, ErrNoText
	}
	d := &Document{ID: name, Origin: name, Text: text}
	d.Title = firstNonEmpty(oneLine(art.Title()), m.title)
	d.Publisher = firstNonEmpty(oneLine(art.SiteName()), m.site)
	d.URL = firstAbsolute(base, m.canonical, m.ogURL, h.pageURL)
	if by := oneLine(art.Byline()); by != "" {
		setMeta(d, "byline", by)
	}
	if m.lang != "" {
		setMeta(d, "html_lang", m.lang)
	}
	for _, c := range m.dates {
		if t, ok := parseDate(c.value); ok {
			d.Published, d.DateFrom = t, c.from
			break
		}
	}
	if d.Published.IsZero() && len(m.dates) > 0 {
		d.DateWarning = fmt.Sprintf("bad date %q", oneLine(m.dates[0].value))
	}
	return d, nil
}

// decodeHTML returns data as UTF-8, honouring a BOM, the Content-Type charset or a <meta>
// charset. Without any of those, valid UTF-8 is taken as UTF-8 (the standard sniffer looks at
// 1 KB only and would call a page windows-1252 when its first non-ASCII byte comes later).
func decodeHTML(data []byte, contentType string) io.Reader {
	e, name, certain := charset.DetermineEncoding(data, contentType)
	if e == encoding.Nop || (!certain && name == "windows-1252" && utf8.Valid(data)) {
		return bytes.NewReader(data)
	}
	return transform.NewReader(bytes.NewReader(data), e.NewDecoder())
}

// dateCandidate is one publication date found in a page, with the DateFrom it would give.
type dateCandidate struct {
	value string
	from  string // "meta" or "time"
}

// pageMeta is what a page says about itself outside the article text.
type pageMeta struct {
	title, site, canonical, ogURL, lang string
	dates                               []dateCandidate // most trusted first
}

// metaDateKeys are <meta> names and properties that carry a publication date, most trusted first.
var metaDateKeys = []string{
	"article:published_time", "og:article:published_time", "og:published_time",
	"datepublished", "pubdate", "publishdate", "publish-date", "publication_date",
	"dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date", "dcterms.date",
	"parsely-pub-date", "sailthru.date", "date",
}

// maxHTMLElements bounds the pages readability will score (news pages have a few thousand
// elements); its scoring is costly, and a hostile page could otherwise hold a batch up.
const maxHTMLElements = 200_000

// maxJSONLD bounds the JSON-LD read per page; real blocks are a few KB.
const maxJSONLD = 256 << 10

// pageMetaOf collects title, site name, canonical URL, language and publication-date candidates:
// JSON-LD datePublished, <meta> dates (metaDateKeys), itemprop="datePublished" (all DateFrom
// "meta"), then the <time datetime> in the article, or else the first in the page ("time").
func pageMetaOf(root *html.Node) pageMeta {
	var m pageMeta
	metaDates := map[string]string{}
	var ldDates, itemDates []string
	var articleTime, firstTime string
	var walk func(n *html.Node, inArticle bool, depth int)
	walk = func(n *html.Node, inArticle bool, depth int) {
		if depth > 512 { // html.Parse already caps nesting; this keeps a hostile tree cheap
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				m.lang = strings.TrimSpace(attr(n, "lang"))
			case atom.Title:
				if m.title == "" {
					m.title = oneLine(textOf(n))
				}
			case atom.Link:
				if strings.EqualFold(strings.TrimSpace(attr(n, "rel")), "canonical") && m.canonical == "" {
					m.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Meta:
				key := strings.ToLower(strings.TrimSpace(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"))))
				content := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "":
				case "og:title", "twitter:title":
					if m.title == "" {
						m.title = oneLine(content)
					}
				case "og:site_name":
					m.site = oneLine(content)
				case "og:url":
					m.ogURL = content
				default:
					if _, dup := metaDates[key]; !dup && content != "" {
						metaDates[key] = content
					}
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
					ldDates = append(ldDates, jsonLDDates(textOf(n))...)
				}
			case atom.Article:
				inArticle = true
			case atom.Time:
				if dt := strings.TrimSpace(attr(n, "datetime")); dt != "" {
					if inArticle && articleTime == "" {
						articleTime = dt
					}
					if firstTime == "" {
						firstTime = dt
					}
				}
			}
			if strings.EqualFold(attr(n, "itemprop"), "datePublished") && n.DataAtom != atom.Meta {
				if v := strings.TrimSpace(firstNonEmpty(attr(n, "content"), attr(n, "datetime"), textOf(n))); v != "" {
					itemDates = append(itemDates, v)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inArticle, depth+1)
		}
	}
	walk(root, false, 0)
	for _, v := range ldDates {
		m.dates = append(m.dates, dateCandidate{v, "meta"})
	}
	for _, k := range metaDateKeys {
		if v, ok := metaDates[k]; ok {
			m.dates = append(m.dates, dateCandidate{v, "meta"})
		}
	}
	for _, v := range itemDates {
		m.dates = append(m.dates, dateCandidate{v, "meta"})
	}
	if t := firstNonEmpty(articleTime, firstTime); t != "" {
		m.dates = append(m.dates, dateCandidate{t, "time"})
	}
	return m
}

// jsonLDDates returns every datePublished in a JSON-LD block, at any depth (@graph, arrays).
func jsonLDDates(src string) []string {
	if len(src) > maxJSONLD {
		return nil
	}
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return nil
	}
	var out []string
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 32 {
			return
		}
		switch x := v.(type) {
		case map[string]any:
			if s, ok := x["datePublished"].(string); ok && strings.TrimSpace(s) != "" {
				out = append(out, strings.TrimSpace(s))
			}
			for _, k := range slices.Sorted(maps.Keys(x)) { // map order is random; output must not be
				visit(x[k], depth+1)
			}
		case []any:
			for _, c := range x {
				visit(c, depth+1)
			}
		}
	}
	visit(v, 0)
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// textOf concatenates the text nodes under n.
func textOf(n *html.Node) string {
	var sb strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// firstAbsolute returns the first of refs that is, or resolves against base to, an absolute
// http(s) URL; "" when none does (a relative canonical link in a saved file says nothing).
func firstAbsolute(base *url.URL, refs ...string) string {
	for _, ref := range refs {
		u, err := url.Parse(strings.TrimSpace(ref))
		if err != nil || ref == "" {
			continue
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return u.String()
		}
	}
	return ""
}
