package source

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestReadText(t *testing.T) {
	flag := date(2022, 1, 15)
	tests := []struct {
		file       string
		flagDate   time.Time
		wantErr    error
		wantPub    time.Time
		wantFrom   string
		wantPlace  string
		wantPrefix string
		wantLog    string // a warning that must have been logged
	}{
		{file: "kabul.txt", wantPub: date(2021, 8, 24), wantFrom: "dateline", wantPlace: "KABUL", wantPrefix: "KABUL, Aug 24 (Reuters) - Elders"},
		// The flag gives the year; the dateline gives the day and wins over the flag.
		{file: "kabul.txt", flagDate: flag, wantPub: date(2021, 8, 24), wantFrom: "dateline", wantPlace: "KABUL"},
		{file: "washington.txt", wantPlace: "WASHINGTON"},
		{file: "washington.txt", flagDate: flag, wantPub: flag, wantFrom: "flag", wantPlace: "WASHINGTON"},
		{file: "nairobi.txt", flagDate: flag, wantPub: date(2022, 3, 3), wantFrom: "dateline", wantPlace: "NAIROBI, Kenya"},
		{file: "headline.txt", wantPub: date(2021, 3, 12), wantFrom: "dateline", wantPlace: "GENEVA", wantPrefix: "Ceasefire talks resume in the north\n\nGENEVA"},
		// 2021 has no 29 February: the place is kept, the date is not invented.
		{file: "leapday.txt", wantPlace: "OSLO"},
		{file: "leapday.txt", flagDate: date(2024, 3, 10), wantPub: date(2024, 2, 29), wantFrom: "dateline", wantPlace: "OSLO"},
		{file: "plain.txt", wantPrefix: "The village council voted on Wednesday to build a new well near the school.\n\nResidents"},
		{file: "plain.txt", flagDate: flag, wantPub: flag, wantFrom: "flag"},
		{file: "messy.txt", wantPrefix: "Port officials reported on Friday that the harbour had reopened.\n\nShipping companies welcomed the decision and said  cargo would move again.\nCaf\uFFFD owners", wantLog: "offset=117"},
		{file: "empty.txt", wantErr: ErrEmpty},
		{file: "blank.txt", wantErr: ErrEmpty},
		{file: "image.txt", wantErr: ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.flagDate.Format("2006"), func(t *testing.T) {
			opt, logs := testOptions()
			opt.Date = tt.flagDate
			path := filepath.Join("testdata", "text", tt.file)
			it := one(t, readPath(t, path, opt))
			if tt.wantErr != nil {
				if !errors.Is(it.Err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", it.Err, tt.wantErr)
				}
				if want := path + ": " + tt.wantErr.Error(); it.Err.Error() != want {
					t.Errorf("err text = %q, want %q", it.Err, want)
				}
				return
			}
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			d := it.Doc
			if d.ID != path || d.Origin != path {
				t.Errorf("ID, Origin = %q, %q; want %q", d.ID, d.Origin, path)
			}
			if !d.Published.Equal(tt.wantPub) || d.DateFrom != tt.wantFrom {
				t.Errorf("Published = %v from %q, want %v from %q", d.Published, d.DateFrom, tt.wantPub, tt.wantFrom)
			}
			if got := d.Meta["dateline"]; got != tt.wantPlace {
				t.Errorf("dateline = %q, want %q", got, tt.wantPlace)
			}
			if !strings.HasPrefix(d.Text, tt.wantPrefix) {
				t.Errorf("text = %q, want prefix %q", d.Text, tt.wantPrefix)
			}
			if d.Lang != "en" {
				t.Errorf("Lang = %q, want en", d.Lang)
			}
			if tt.wantLog != "" && !strings.Contains(logs.String(), tt.wantLog) {
				t.Errorf("log %q lacks %q", logs, tt.wantLog)
			}
			if tt.wantLog == "" && logs.Len() > 0 {
				t.Errorf("unexpected warnings: %s", logs)
			}
		})
	}
}

// endless yields an unending article, counting what was read from it.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	const line = "The delegates talked late into the night about the ceasefire terms.\n"
	for i := range p {
		p[i] = line[(e.n+int64(i))%int64(len(line))]
	}
	e.n += int64(len(p))
	return len(p), nil
}

func TestTextCapped(t *testing.T) {
	opt, logs := testOptions()
	opt.MaxBytes = 1 << 20
	opt.Format = FormatText
	src := &endless{}
	it := one(t, collect(t, Read(context.Background(), "huge.txt", src, opt)))
	if it.Err != nil {
		t.Fatal(it.Err)
	}
	if n := int64(len(it.Doc.Text)); n > opt.MaxBytes || n < opt.MaxBytes-100 {
		t.Errorf("text is %d bytes, want just under %d", n, opt.MaxBytes)
	}
	// The reader may run ahead by one buffer, never further.
	if src.n > opt.MaxBytes+2*bufSize {
		t.Errorf("read %d bytes of the stream for a %d-byte cap", src.n, opt.MaxBytes)
	}
	if !strings.Contains(logs.String(), "document truncated") || !strings.Contains(logs.String(), "huge.txt") {
		t.Errorf("no truncation warning naming the file: %s", logs)
	}
}

func TestTextSharedSeed(t *testing.T) {
	dir := sharedDir(t, "seeds")
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Skipf("no seed articles in %s", dir)
	}
	opt, _ := testOptions()
	for _, it := range collect(t, Open(context.Background(), paths, opt)) {
		if it.Err != nil {
			t.Errorf("seed: %v", it.Err)
			continue
		}
		if it.Doc.Lang != "en" {
			t.Errorf("%s: Lang = %q, want en", it.Doc.ID, it.Doc.Lang)
		}
	}
}

// failing fails after returning some bytes, like a disk error or a broken gzip stream.
type failing struct{ sent bool }

func (f *failing) Read(p []byte) (int, error) {
	if f.sent {
		return 0, io.ErrUnexpectedEOF
	}
	f.sent = true
	return copy(p, "Some text arrived before the failure."), nil
}

func TestTextReadError(t *testing.T) {
	opt, _ := testOptions()
	it := one(t, collect(t, Read(context.Background(), "broken.txt", &failing{}, opt)))
	if !errors.Is(it.Err, io.ErrUnexpectedEOF) || !strings.HasPrefix(it.Err.Error(), "broken.txt: read:") {
		t.Fatalf("err = %v, want a read error naming broken.txt", it.Err)
	}
}
