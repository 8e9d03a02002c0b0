package source

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2021-08-24T10:00:00Z", utc(2021, 8, 24, 10, 0), true},
		{"2021-08-24T12:00:00+02:00", utc(2021, 8, 24, 10, 0), true},
		{"2021-08-24T12:00:00.250+02:00", time.Date(2021, 8, 24, 10, 0, 0, 250e6, time.UTC), true},
		{"2021-08-24T12:00:00+0200", utc(2021, 8, 24, 10, 0), true},
		{"2021-08-24T10:00:00", utc(2021, 8, 24, 10, 0), true},
		{"2021-08-24 10:00:00", utc(2021, 8, 24, 10, 0), true},
		{"2021-08-24 10:00", utc(2021, 8, 24, 10, 0), true},
		{" 2021-08-24 ", utc(2021, 8, 24, 0, 0), true},
		{"2021/08/24", utc(2021, 8, 24, 0, 0), true},
		{"20210824", utc(2021, 8, 24, 0, 0), true},
		{"Tue, 24 Aug 2021 10:00:00 GMT", utc(2021, 8, 24, 10, 0), true},
		{"Tue, 24 Aug 2021 12:00:00 +0200", utc(2021, 8, 24, 10, 0), true},
		{"24 August 2021", utc(2021, 8, 24, 0, 0), true},
		{"August 24, 2021", utc(2021, 8, 24, 0, 0), true},
		{"Aug. 24, 2021", utc(2021, 8, 24, 0, 0), true},
		{"Sept. 4, 2021", utc(2021, 9, 4, 0, 0), true},
		{"September 4, 2021", utc(2021, 9, 4, 0, 0), true},
		{"1629799200", utc(2021, 8, 24, 10, 0), true},
		{"1629799200000", utc(2021, 8, 24, 10, 0), true},
		{"2021-02-30", time.Time{}, false},
		{"2021-13-01", time.Time{}, false},
		{"0001-01-01", time.Time{}, false},
		{"yesterday", time.Time{}, false},
		{"", time.Time{}, false},
		{"2021", time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := parseDate(tt.in)
			if ok != tt.ok || (ok && !got.Equal(tt.want)) {
				t.Errorf("parseDate(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}
