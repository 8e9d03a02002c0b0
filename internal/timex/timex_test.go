package timex

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// findCase is one line of a case file in testdata (find.txt, intervals.txt).
type findCase struct {
	line       int
	pub        time.Time
	monthFirst bool
	sentence   string
	want       string
}

func loadCases(t *testing.T, path string) []findCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open cases: %v", err)
	}
	defer f.Close()
	var (
		cases      []findCase
		pub        time.Time
		monthFirst bool
	)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case line == "@pub none":
			pub, monthFirst = time.Time{}, false
		case strings.HasPrefix(line, "@pub "):
			p, err := time.Parse("2006-01-02", strings.TrimPrefix(line, "@pub "))
			if err != nil {
				t.Fatalf("line %d: %v", n, err)
			}
			pub, monthFirst = p, false
		case line == "@monthfirst":
			monthFirst = true
		default:
			sent, want, ok := strings.Cut(line, "\t")
			if !ok {
				t.Fatalf("line %d: no tab between sentence and expectation", n)
			}
			cases = append(cases, findCase{n, pub, monthFirst, sent, want})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read cases: %v", err)
	}
	return cases
}

// describe writes expressions in the notation of testdata/find.txt.
func describe(xs []Expr) string {
	if len(xs) == 0 {
		return "-"
	}
	parts := make([]string, len(xs))
	for i, x := range xs {
		s := fmt.Sprintf("%s => %s %s %s", x.Text, x.Value, x.Precision, x.Kind)
		if x.Future {
			s += " fut"
		}
		if x.Relative {
			s += " rel"
		}
		parts[i] = s
	}
	return strings.Join(parts, " ; ")
}

func TestFind(t *testing.T) {
	cases := loadCases(t, "testdata/find.txt")
	if len(cases) < 60 {
		t.Fatalf("only %d cases in testdata/find.txt", len(cases))
	}
	dayFirst, monthFirst := New(), New(WithMonthFirst())
	for _, c := range cases {
		r := dayFirst
		if c.monthFirst {
			r = monthFirst
		}
		// Publication at noon in a western zone: the day comes from the timestamp's own location.
		pub := c.pub
		if !pub.IsZero() {
			pub = time.Date(pub.Year(), pub.Month(), pub.Day(), 21, 30, 0, 0, time.FixedZone("EDT", -4*3600))
		}
		got := r.Find(c.sentence, pub)
		if d := describe(got); d != c.want {
			t.Errorf("line %d: %q\n got: %s\nwant: %s", c.line, c.sentence, d, c.want)
		}
		checkInvariants(t, c.sentence, got)
	}
}

// checkInvariants holds for every result: spans inside the sentence and matching Text, ordered
// non-overlapping expressions, and Begin not after EndDate.
func checkInvariants(t *testing.T, s string, xs []Expr) {
	t.Helper()
	prev := 0
	for _, x := range xs {
		if x.Start < prev || x.End <= x.Start || x.End > len(s) || s[x.Start:x.End] != x.Text {
			t.Errorf("%q: bad span %d:%d %q", s, x.Start, x.End, x.Text)
			return
		}
		prev = x.End
		if x.EndDate.Before(x.Begin) {
			t.Errorf("%q: %q Begin %v after EndDate %v", s, x.Text, x.Begin, x.EndDate)
		}
		if x.Value == "" || x.Kind == "" || x.Precision == "" {
			t.Errorf("%q: %q has empty fields: %+v", s, x.Text, x)
		}
	}
}

// TestFindConcurrent shares one Resolver between goroutines; run with -race to check it holds no mutable
// state. Every goroutine must see the same results as a sequential run.
func TestFindConcurrent(t *testing.T) {
	cases := loadCases(t, "testdata/find.txt")
	r := New()
	want := make([]string, len(cases))
	for i, c := range cases {
		want[i] = describe(r.Find(c.sentence, c.pub))
	}
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		go func() {
			for i, c := range cases {
				if d := describe(r.Find(c.sentence, c.pub)); d != want[i] {
					errs <- fmt.Sprintf("line %d: concurrent %s, sequential %s", c.line, d, want[i])
					return
				}
			}
			errs <- ""
		}()
	}
	for g := 0; g < 4; g++ {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}
