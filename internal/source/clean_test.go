package source

import (
	"testing"
	"unicode/utf8"
)

func TestCleanText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
		bad  int
	}{
		{"clean", "Talks resumed.\nBoth sides attended.", "Talks resumed.\nBoth sides attended.", -1},
		{"unicode kept", "Café talks in Zürich — “calm”", "Café talks in Zürich — “calm”", -1},
		{"crlf and cr", "one\r\ntwo\rthree", "one\ntwo\nthree", -1},
		{"tab and form feed", "a\tb\fc", "a b c", -1},
		{"control", "ab\x01c\x7fd", "ab c d", 2},
		{"invalid bytes", "ok \xff\xfe end", "ok \uFFFD\uFFFD end", 3},
		{"truncated rune", "end\xe2\x80", "end\uFFFD\uFFFD", 3},
		{"c1 control", "x\u0085y", "x y", 1},
		{"bom", "\ufeffHello", "Hello", -1},
		{"bom then bad", "\ufeffHi\x02", "Hi ", 5},
		{"separators", "a\u2028b\u2029c", "a\nb\n\nc", -1},
		{"inner bom", "a\ufeffb", "ab", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, bad := cleanText([]byte(tt.in))
			if got != tt.want || bad != tt.bad {
				t.Errorf("cleanText(%q) = %q, %d; want %q, %d", tt.in, got, bad, tt.want, tt.bad)
			}
			if !utf8.ValidString(got) {
				t.Errorf("result is not valid UTF-8")
			}
		})
	}
}

func TestTidyText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\nb", "a\nb"},
		{"\n\n  \na  \n\n\n\nb\n\n", "a\n\nb"},
		{"  indented\nline  ", "  indented\nline"},
		{"   \n \t \n", ""},
	}
	for _, tt := range tests {
		if got := tidyText(tt.in); got != tt.want {
			t.Errorf("tidyText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTruncateUTF8(t *testing.T) {
	s := []byte("aé€😀") // 1 + 2 + 3 + 4 bytes
	for n := 0; n <= len(s); n++ {
		got := truncateUTF8(s, n)
		if len(got) > n || !utf8.Valid(got) {
			t.Errorf("truncateUTF8(%d) = %q", n, got)
		}
		if n >= 6 && len(got) < 6 {
			t.Errorf("truncateUTF8(%d) cut too much: %q", n, got)
		}
	}
}
