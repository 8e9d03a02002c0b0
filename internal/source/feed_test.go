package source

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestReadFeed(t *testing.T) {
	type want struct {
		err       string
		id        string
		title     string
		url       string
		publisher string
		pub       time.Time
		warning   string
		text      string
		meta      map[string]string
	}
	tests := []struct {
		file  string
		wants []want
	}{
		{"rss.xml", []want{
			{id: "https://wire.example.org/item/1001", title: "Ministers agree on grain exports", url: "https://wire.example.org/grain",
				publisher: "Example Wire & World", pub: time.Date(2021, 8, 24, 10, 30, 0, 0, time.UTC),
				text: "Agriculture ministers from four countries agreed on Tuesday to ease limits on grain exports.\n\nThe deal takes effect next month.",
				meta: map[string]string{"categories": "trade"}},
			{id: "https://wire.example.org/border", title: "Border crossing reopens", url: "https://wire.example.org/border",
				publisher: "Example Wire & World", pub: time.Date(2021, 8, 25, 7, 0, 0, 0, time.UTC),
				text: "The main border crossing reopened on Wednesday after a three-day closure.\nTrucks queued for several kilometres."},
			{id: "#3", title: "Storm warning for the coast", publisher: "Example Wire & World", warning: `bad date "not a date"`,
				text: "Storm warning for the coast", meta: map[string]string{"text_from": "title"}},
			{err: "#4: missing text"},
		}},
		{"atom.xml", []want{
			{id: "urn:example:valley-courier:2001", title: "Relief convoy reaches flooded towns", url: "https://courier.example.org/relief",
				publisher: "Valley Courier", pub: time.Date(2022, 9, 5, 14, 0, 0, 0, time.UTC),
				text: "A convoy of aid trucks reached three flooded towns on Monday, the governor said."},
			{id: "urn:example:valley-courier:2002", title: "Bridge repairs begin", publisher: "Valley Courier",
				pub: time.Date(2022, 9, 6, 11, 0, 0, 0, time.UTC), text: "Army engineers started work on the damaged road bridge on Tuesday."},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "feed", tt.file)
			opt, _ := testOptions()
			items := readPath(t, path, opt)
			if len(items) != len(tt.wants) {
				t.Fatalf("got %d items, want %d", len(items), len(tt.wants))
			}
			for i, w := range tt.wants {
				it := items[i]
				if w.err != "" {
					if it.Err == nil || it.Err.Error() != path+w.err {
						t.Errorf("item %d: err = %v, want %q", i, it.Err, path+w.err)
					}
					continue
				}
				if it.Err != nil {
					t.Errorf("item %d: %v", i, it.Err)
					continue
				}
				d := it.Doc
				if strings.HasPrefix(w.id, "#") {
					w.id = path + w.id
				}
				if d.ID != w.id || d.Title != w.title || d.URL != w.url || d.Publisher != w.publisher || d.Text != w.text {
					t.Errorf("item %d:\n got ID %q Title %q URL %q Publisher %q Text %q\nwant ID %q Title %q URL %q Publisher %q Text %q",
						i, d.ID, d.Title, d.URL, d.Publisher, d.Text, w.id, w.title, w.url, w.publisher, w.text)
				}
				wantFrom := "feed"
				if w.pub.IsZero() {
					wantFrom = ""
				}
				if !d.Published.Equal(w.pub) || d.DateFrom != wantFrom || d.DateWarning != w.warning {
					t.Errorf("item %d: Published %v from %q warning %q; want %v from %q warning %q", i, d.Published, d.DateFrom, d.DateWarning, w.pub, wantFrom, w.warning)
				}
				if d.Origin != path+"#"+string(rune('1'+i)) {
					t.Errorf("item %d: Origin = %q", i, d.Origin)
				}
				if len(d.Meta) != len(w.meta) {
					t.Errorf("item %d: Meta = %v, want %v", i, d.Meta, w.meta)
				}
				for k, v := range w.meta {
					if d.Meta[k] != v {
						t.Errorf("item %d: Meta[%q] = %q, want %q", i, k, d.Meta[k], v)
					}
				}
			}
		})
	}
}

func TestReadFeedNotAFeed(t *testing.T) {
	tests := []struct {
		name, file string
		want       string
	}{
		{"html page", filepath.Join("testdata", "html", "article.html"), "not a feed: got an HTML page"},
		{"plain text", filepath.Join("testdata", "text", "plain.txt"), "not a feed: no RSS, Atom or JSON Feed found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt, _ := testOptions()
			opt.Format = FormatFeed
			it := one(t, readPath(t, tt.file, opt))
			if !errors.Is(it.Err, ErrNotFeed) || it.Err.Error() != tt.file+": "+tt.want {
				t.Fatalf("err = %v, want %q", it.Err, tt.file+": "+tt.want)
			}
		})
	}
}

func TestReadFeedTooLarge(t *testing.T) {
	opt, _ := testOptions()
	opt.MaxBytes = 300
	it := one(t, readPath(t, filepath.Join("testdata", "feed", "rss.xml"), opt))
	if !errors.Is(it.Err, ErrTooLarge) {
		t.Fatalf("err = %v, want too large", it.Err)
	}
}

func TestReadFeedBroken(t *testing.T) {
	opt, _ := testOptions()
	in := `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Cut off`
	items := collect(t, Read(context.Background(), "cut.rss", strings.NewReader(in), opt))
	if len(items) == 0 {
		t.Fatal("no items for a broken feed")
	}
	last := items[len(items)-1]
	if last.Err == nil || !strings.HasPrefix(last.Err.Error(), "cut.rss") {
		t.Errorf("last item = %+v, want an error naming cut.rss", last)
	}
}
