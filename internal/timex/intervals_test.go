package timex

import (
	"strings"
	"testing"
	"time"
)

func TestIntervals(t *testing.T) {
	cases := loadCases(t, "testdata/intervals.txt")
	r := New()
	for _, c := range cases {
		got := r.Find(c.sentence, c.pub)
		parts := make([]string, len(got))
		for i, x := range got {
			if x.Begin.IsZero() && x.EndDate.IsZero() {
				parts[i] = "none"
				continue
			}
			parts[i] = x.Begin.Format(time.DateOnly) + ".." + x.EndDate.Format(time.DateOnly)
		}
		if d := strings.Join(parts, " ; "); d != c.want {
			t.Errorf("line %d: %q\n got: %s\nwant: %s", c.line, c.sentence, d, c.want)
		}
	}
}

func TestLexiconFitsLookup(t *testing.T) {
	for w := range lexicon {
		if len(w) > maxWord {
			t.Errorf("lexicon word %q is longer than maxWord %d and can never be found", w, maxWord)
		}
		if e, ok := lookup(strings.ToUpper(w)); !ok || e != lexicon[w] {
			t.Errorf("lookup(%q) = %v, %v", strings.ToUpper(w), e, ok)
		}
	}
}

func TestStoryDate(t *testing.T) {
	if _, ok := StoryDate(time.Time{}); ok {
		t.Error("StoryDate of a zero time should not be ok")
	}
	// 23:30 in New York on the 23rd is the 24th in UTC: the story's own day wins.
	ny := time.FixedZone("EDT", -4*3600)
	x, ok := StoryDate(time.Date(2021, 8, 23, 23, 30, 0, 0, ny))
	if !ok || x.Value != "2021-08-23" || x.Precision != Story || !x.Begin.Equal(x.EndDate) {
		t.Errorf("StoryDate = %+v, %v", x, ok)
	}
}
