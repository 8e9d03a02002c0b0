package namekey

import (
	"testing"
	"unicode/utf8"
)

func TestString(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Kabul", "kabul"},
		{"São Paulo", "sao paulo"},
		{"SAO PAULO", "sao paulo"},
		{"Sao-Paulo", "sao paulo"},
		{"  Sao   Paulo ", "sao paulo"},
		{"N'Djamena", "ndjamena"},
		{"Sana’a", "sanaa"},
		{"St. Petersburg", "st petersburg"},
		{"Nagorno–Karabakh", "nagorno karabakh"},
		{"the Gaza Strip", "gaza strip"},
		{"The Hague", "hague"},
		{"Theodore", "theodore"},
		{"the", "the"},
		{"Düsseldorf", "dusseldorf"},
		{"Straße", "strasse"},
		{"Łódź", "lodz"},
		{"Ærøskøbing", "aeroskobing"},
		{"Şanlıurfa", "sanliurfa"},
		{"İstanbul", "istanbul"},
		{"Hà Nội", "ha noi"},
		{"Rafaḩ", "rafah"},
		{"Khān Yūnis", "khan yunis"},
		{"Ōsaka", "osaka"},
		{"Hawaiʻi", "hawaii"},
		{"Кабул", "кабул"},
		{"Elgeyo/Marakwet", "elgeyo marakwet"},
		{"U.S.", "us"},
		{"", ""},
		{"--", ""},
		{"\xff\xfeParis", "paris"},
	}
	for _, tc := range tests {
		if got := String(tc.in); got != tc.want {
			t.Errorf("String(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestAppendKeepsPrefix(t *testing.T) {
	got := string(Append([]byte("x:"), "the Golan Heights"))
	if got != "x:golan heights" {
		t.Errorf("Append kept %q, want %q", got, "x:golan heights")
	}
}

func TestAppendAllocs(t *testing.T) {
	var buf [64]byte
	n := testing.AllocsPerRun(100, func() {
		Append(buf[:0], "Provence-Alpes-Côte d’Azur")
	})
	if n != 0 {
		t.Errorf("Append allocates %v times per call, want 0", n)
	}
}

func FuzzString(f *testing.F) {
	for _, s := range []string{"São Paulo", "the the Hague", "N'Djamena", "Кабул", "\xff", "ǅ", "ﬁ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := String(s)
		if !utf8.ValidString(k) {
			t.Fatalf("key %q of %q is not UTF-8", k, s)
		}
		if again := String(k); again != k {
			t.Fatalf("not idempotent: %q → %q → %q", s, k, again)
		}
		if len(k) > 0 && (k[0] == ' ' || k[len(k)-1] == ' ') {
			t.Fatalf("key %q has outer spaces", k)
		}
	})
}

func BenchmarkAppend(b *testing.B) {
	var buf [64]byte
	b.ReportAllocs()
	for b.Loop() {
		Append(buf[:0], "São Paulo")
	}
}
