package source

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestReadHTML(t *testing.T) {
	tests := []struct {
		file      string
		wantErr   error
		title     string
		url       string
		publisher string
		pub       time.Time
		from      string
		warning   string
		lang      string
		contains  []string
		excludes  []string
	}{
		{
			file: "article.html", title: "Harbour workers end strike after pay deal", publisher: "The Coastal Ledger",
			pub: time.Date(2023, 5, 17, 6, 30, 0, 0, time.UTC), from: "meta", lang: "en",
			contains: []string{"Dock workers at the southern harbour returned to work", "\n\nThe union leader told reporters"},
			excludes: []string{"Home", "All rights reserved"},
		},
		{
			file: "jsonld.html", title: "Flood relief reaches river towns", publisher: "Valley Courier",
			pub: time.Date(2022, 9, 5, 14, 0, 0, 0, time.UTC), from: "meta", lang: "en",
			contains: []string{"Trucks carrying food, clean water and tents"},
		},
		{
			file: "timeonly.html", title: "Teachers march in the capital",
			pub: time.Date(2021, 11, 2, 9, 15, 0, 0, time.UTC), from: "time", lang: "en",
			contains: []string{"Thousands of teachers marched"},
		},
		{
			file: "itemprop.html", title: "Mayor resigns over contract inquiry", url: "https://news.example.org/mayor-resigns",
			pub: date(2020, 6, 30), from: "meta", lang: "en",
			contains: []string{"The mayor of the northern city resigned"},
		},
		{
			file: "baddate.html", title: "Rail link opens", warning: `bad date "sometime last spring"`, lang: "en",
			contains: []string{"The new rail link between the two border towns"},
		},
		{
			file: "latin1.html", title: "Réunion du conseil", lang: "fr",
			contains: []string{"Le conseil régional s'est réuni jeudi", "reporter le vote à la semaine"},
		},
		{file: "notext.html", wantErr: ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			opt, _ := testOptions()
			path := filepath.Join("testdata", "html", tt.file)
			it := one(t, readPath(t, path, opt))
			if tt.wantErr != nil {
				if !errors.Is(it.Err, tt.wantErr) || it.Err.Error() != path+": no article text" {
					t.Fatalf("err = %v, want %q", it.Err, path+": no article text")
				}
				return
			}
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			d := it.Doc
			if d.ID != path || d.Title != tt.title || d.URL != tt.url || d.Publisher != tt.publisher {
				t.Errorf("ID %q Title %q URL %q Publisher %q; want %q %q %q %q", d.ID, d.Title, d.URL, d.Publisher, path, tt.title, tt.url, tt.publisher)
			}
			if !d.Published.Equal(tt.pub) || d.DateFrom != tt.from || d.DateWarning != tt.warning {
				t.Errorf("Published %v from %q warning %q; want %v from %q warning %q", d.Published, d.DateFrom, d.DateWarning, tt.pub, tt.from, tt.warning)
			}
			if d.Lang != tt.lang {
				t.Errorf("Lang = %q, want %q", d.Lang, tt.lang)
			}
			for _, s := range tt.contains {
				if !strings.Contains(d.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, d.Text)
				}
			}
			for _, s := range tt.excludes {
				if strings.Contains(d.Text, s) {
					t.Errorf("text has boilerplate %q:\n%s", s, d.Text)
				}
			}
		})
	}
}

func TestHTMLCanonicalFromPageURL(t *testing.T) {
	opt, _ := testOptions()
	rd := newReader(t.Context(), opt, func(Item) bool { return true })
	data := mustRead(t, filepath.Join("testdata", "html", "article.html"))
	d, err := rd.htmlDoc("https://ledger.example.com/x?utm=1", data, streamHints{fetched: true, pageURL: "https://ledger.example.com/x?utm=1"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "https://ledger.example.com/news/2023/harbour-strike-ends"; d.URL != want {
		t.Errorf("URL = %q, want %q", d.URL, want)
	}
}

func TestHTMLText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words", "plain words"},
		{"<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"Line one<br>line two", "Line one\nline two"},
		{"A &amp; B &lt;ok&gt;", "A & B <ok>"},
		{"&lt;p&gt;Escaped twice.&lt;/p&gt;&lt;p&gt;Again.&lt;/p&gt;", "Escaped twice.\n\nAgain."},
		{"<div>  lots   of\n\n space </div>", "lots of space"},
		{"<p>Keep</p><script>var x = 1;</script><style>p{}</style><p>this</p>", "Keep\n\nthis"},
		{"<b>bold</b> and <i>italic</i>", "bold and italic"},
	}
	for _, tt := range tests {
		if got := htmlText(tt.in); got != tt.want {
			t.Errorf("htmlText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
