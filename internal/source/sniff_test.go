package source

import "testing"

func TestFormatByName(t *testing.T) {
	tests := []struct {
		name string
		want Format
	}{
		{"a.txt", FormatText}, {"A.TXT", FormatText}, {"dir/page.html", FormatHTML}, {"p.htm", FormatHTML},
		{"x.jsonl", FormatJSONL}, {"x.ndjson", FormatJSONL}, {"f.rss", FormatFeed}, {"f.atom", FormatFeed},
		{"news.feeds", FormatFeedList}, {"f.xml", FormatAuto}, {"d.json", FormatAuto}, {"README", FormatAuto},
	}
	for _, tt := range tests {
		if got := formatByName(tt.name); got != tt.want {
			t.Errorf("formatByName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestFormatByContent(t *testing.T) {
	tests := []struct {
		head string
		want Format
	}{
		{`{"text":"a"}`, FormatJSONL},
		{"\ufeff  {\"id\":1}", FormatJSONL},
		{`{"version":"https://jsonfeed.org/version/1.1","items":[]}`, FormatFeed},
		{`<?xml version="1.0"?><rss version="2.0">`, FormatFeed},
		{`<?xml version="1.0"?>` + "\n<feed xmlns=\"http://www.w3.org/2005/Atom\">", FormatFeed},
		{`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`, FormatFeed},
		{`<!DOCTYPE html><html><head>`, FormatHTML},
		{`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">`, FormatHTML},
		{`<html><body><p>See our <a href="/feedback">feedback</a> page. <feedback></p>`, FormatHTML},
		{`<div>fragment</div>`, FormatHTML},
		{"Plain words here.", FormatText},
		{"", FormatText},
	}
	for _, tt := range tests {
		if got := formatByContent([]byte(tt.head)); got != tt.want {
			t.Errorf("formatByContent(%q) = %q, want %q", tt.head, got, tt.want)
		}
	}
}

func TestIsBinary(t *testing.T) {
	tests := []struct {
		head string
		want bool
	}{
		{"Ordinary text with a stray \x01 byte in it.", false},
		{"Latin-1 caf\xe9 text", false},
		{"<html><body>x</body></html>", false},
		{"text\x00with NUL", true},
		{"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", true},
		{"\xff\xd8\xff\xe0JFIF", true},
		{"PK\x03\x04zipped", true},
		{"\x01\x02\x03\x04\x05\x06\x07\x08", true},
		{"", false},
	}
	for _, tt := range tests {
		if got := isBinary([]byte(tt.head)); got != tt.want {
			t.Errorf("isBinary(%q) = %v, want %v", tt.head, got, tt.want)
		}
	}
}

func TestBinaryContentType(t *testing.T) {
	tests := []struct {
		ct   string
		want bool
	}{
		{"image/png", true}, {"application/pdf", true}, {"video/mp4", true},
		{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", true},
		{"text/html; charset=utf-8", false}, {"application/rss+xml", false}, {"application/octet-stream", false},
		{"application/json", false}, {"", false}, {"nonsense", false},
	}
	for _, tt := range tests {
		if got := binaryContentType(tt.ct); got != tt.want {
			t.Errorf("binaryContentType(%q) = %v, want %v", tt.ct, got, tt.want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, s := range []string{"", "auto", "text", "html", "jsonl", "feed", "feedlist"} {
		if _, err := ParseFormat(s); err != nil {
			t.Errorf("ParseFormat(%q): %v", s, err)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil {
		t.Error("ParseFormat(pdf) accepted")
	}
}
