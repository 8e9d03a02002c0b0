package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

func testRecords() []*store.Record {
	d := storetest.Doc("x1", 1)
	full := storetest.Event(d, 1)
	bare := storetest.Bare(d, 2, "GBRBUS", "17", "1711", "", -2.5)
	bare.Sentence = "A line with a \"quote\", a comma,\na tab\tand a newline."
	added := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	return []*store.Record{
		{Event: full, Story: "x0", Count: event.Counts{Mentions: 3, Sources: 2, Articles: 3}, Day: time.Date(2021, 8, 23, 0, 0, 0, 0, time.UTC), Added: added},
		{Event: bare, Story: "x1", Count: event.Counts{Mentions: 1, Sources: 1, Articles: 1}, Added: added},
	}
}

func write(t *testing.T, format string, recs []*store.Record) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := New(&buf, format)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestParquetRoundTrip(t *testing.T) {
	recs := testRecords()
	data := write(t, "parquet", recs)
	f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]string{}
	for _, col := range f.Schema().Fields() {
		types[col.Name()] = col.Type().String()
	}
	for col, want := range map[string]string{
		"goldstein": "DOUBLE", "quad_class": "INT(32,true)", "negated": "BOOLEAN", "day": "DATE", "id": "STRING",
		"added": "TIMESTAMP(isAdjustedToUTC=true,unit=MILLIS)", "location_lat": "DOUBLE", "num_articles": "INT(32,true)",
	} {
		if types[col] != want {
			t.Errorf("column %s has type %q, want %q", col, types[col], want)
		}
	}
	rd := parquet.NewGenericReader[Row](bytes.NewReader(data))
	rows := make([]Row, 10)
	n, _ := rd.Read(rows)
	if n != len(recs) {
		t.Fatalf("read %d rows, want %d", n, len(recs))
	}
	for i := range n {
		got, err := rows[i].Event()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, recs[i].Event) {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, got, recs[i].Event)
		}
		if rows[i].StoryID != recs[i].Story || int(rows[i].NumArticles) != recs[i].Count.Articles ||
			int(rows[i].NumSources) != recs[i].Count.Sources || !rows[i].Added.Equal(recs[i].Added) {
			t.Errorf("row %d: store fields %+v", i, rows[i])
		}
	}
	if !rows[0].DayTime().Equal(recs[0].Day) || rows[1].Day != nil {
		t.Errorf("days %v %v", rows[0].DayTime(), rows[1].Day)
	}
}

func TestCSV(t *testing.T) {
	recs := testRecords()
	rows, err := csv.NewReader(bytes.NewReader(write(t, "csv", recs))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows", len(rows))
	}
	header := append(append([]string(nil), event.FlatColumns...), StoreColumns...)
	if !reflect.DeepEqual(rows[0], header) {
		t.Errorf("header %v", rows[0])
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	if got := rows[1][col["num_articles"]]; got != "3" {
		t.Errorf("num_articles %q", got)
	}
	if got := rows[2][col["sentence"]]; got != recs[1].Event.Sentence {
		t.Errorf("sentence %q", got)
	}
	if got := rows[1][col["source_agents"]]; got != "GOV" {
		t.Errorf("source_agents %q", got)
	}
}

func TestGDELT(t *testing.T) {
	r := csv.NewReader(bytes.NewReader(write(t, "gdelt", testRecords())))
	r.Comma = '\t'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, c := range event.GDELTColumns {
		col[c] = i
	}
	if len(rows) != 2 || len(rows[0]) != len(event.GDELTColumns) {
		t.Fatalf("%d rows of %d columns", len(rows), len(rows[0]))
	}
	want := map[string]string{"SQLDATE": "20210823", "Actor1Code": "AFGGOV", "EventCode": "040", "NumMentions": "3",
		"NumSources": "2", "NumArticles": "3", "DATEADDED": "20240506070809", "SOURCEURL": "https://news.example.org/x1"}
	for c, w := range want {
		if got := rows[0][col[c]]; got != w {
			t.Errorf("%s = %q, want %q", c, got, w)
		}
	}
}

func TestJSONL(t *testing.T) {
	recs := testRecords()
	lines := strings.Split(strings.TrimSpace(string(write(t, "jsonl", recs))), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines", len(lines))
	}
	for i, line := range lines {
		var got struct {
			event.Event
			Story    string    `json:"story_id"`
			Articles int       `json:"num_articles"`
			Sources  int       `json:"num_sources"`
			Added    time.Time `json:"added"`
		}
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Event, recs[i].Event) || got.Story != recs[i].Story || got.Articles != recs[i].Count.Articles ||
			got.Sources != recs[i].Count.Sources || !got.Added.Equal(recs[i].Added) {
			t.Errorf("line %d: %s", i, line)
		}
	}
}

func TestTable(t *testing.T) {
	lines := strings.Split(strings.TrimSpace(string(write(t, "table", testRecords()))), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	for i, want := range [][]string{{"DATE", "SOURCE", "SENTENCE"}, {"2021-08-23", "AFGGOV", "040", "IGOUNO", "1.0", "3"}, {"GBRBUS", "1711", "-2.5", "newline."}} {
		for _, w := range want {
			if !strings.Contains(lines[i], w) {
				t.Errorf("line %d %q lacks %q", i, lines[i], w)
			}
		}
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"}, {"a\nb\tc", 10, "a b c"}, {"abcdef", 4, "abc…"}, {"ééééé", 3, "éé…"},
	}
	for _, tt := range tests {
		if got := clip(tt.in, tt.n); got != tt.want {
			t.Errorf("clip(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := New(&bytes.Buffer{}, "xml"); err == nil {
		t.Error("no error for xml")
	}
}

func TestWriteBuckets(t *testing.T) {
	bs := []store.Bucket{{Period: "2021-08-23", Key: "17", Events: 3, Articles: 5, Goldstein: -4.25}, {Events: 1, Articles: 1}}
	tests := []struct {
		format string
		want   []string
	}{
		{"table", []string{"PERIOD", "2021-08-23  17", "-4.25", "\n-  "}},
		{"csv", []string{"period,key,events,articles,goldstein\n2021-08-23,17,3,5,-4.25\n,,1,1,0\n"}},
		{"jsonl", []string{`{"period":"2021-08-23","key":"17","events":3,"articles":5,"goldstein":-4.25}`, `{"events":1,"articles":1,"goldstein":0}`}},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := WriteBuckets(&buf, tt.format, bs); err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(buf.String(), w) {
				t.Errorf("%s output %q lacks %q", tt.format, buf.String(), w)
			}
		}
	}
	if err := WriteBuckets(&bytes.Buffer{}, "parquet", bs); err == nil {
		t.Error("parquet aggregate: no error")
	}
}
