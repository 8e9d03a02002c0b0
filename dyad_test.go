package dyad

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/eval/events"
)

var (
	coderOnce sync.Once
	coderVal  *Coder
	coderErr  error
)

func testCoder(t testing.TB) *Coder {
	t.Helper()
	coderOnce.Do(func() { coderVal, coderErr = New(Options{}) })
	if coderErr != nil {
		t.Fatal(coderErr)
	}
	return coderVal
}

// seedEvent describes an event a careful analyst codes from the seed article.
type seedEvent struct {
	name     string
	src, tgt string // country keys (events.Key); tgt "-" means no target
	root     string
	code     string // exact CAMEO code, when it matters
	date     string
	place    string
}

func (s seedEvent) matches(e *Event) bool {
	if events.Key(e.Source) != s.src || e.Root != s.root {
		return false
	}
	switch {
	case s.tgt == "-" && e.Target != nil:
		return false
	case s.tgt != "-" && events.Key(e.Target) != s.tgt:
		return false
	}
	if s.code != "" && e.CAMEO != s.code {
		return false
	}
	if s.date != "" && e.Date != s.date {
		return false
	}
	if s.place != "" && (e.Location == nil || e.Location.Country != s.place) {
		return false
	}
	return true
}

func describe(e *Event) string {
	tgt := "-"
	if e.Target != nil {
		tgt = e.Target.Code + " " + fmt.Sprintf("%q", e.Target.Text)
	}
	loc := ""
	if e.Location != nil {
		loc = e.Location.Country
	}
	return fmt.Sprintf("%s %s %q -> %s | %q %s %s %s", e.CAMEO, e.Source.Code, e.Source.Text, tgt, e.Verb.Text, e.Modality, e.Date, loc)
}

// TestSeedArticle codes the article in ../shared/seeds with its publication date and checks the five events
// the project's brief names (a visit and meeting on the Monday before publication in Afghanistan, a Taliban
// threat to the U.S., the C.I.A. declining to comment, the 2010 arrest, the appeal to other governments), and
// that at least 80 % of everything coded is right.
func TestSeedArticle(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "shared", "seeds", "*.txt"))
	if len(files) == 0 {
		t.Skip("../shared/seeds is absent: the seed article test needs it")
	}
	text, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	pub := time.Date(2021, 8, 24, 0, 0, 0, 0, time.UTC)
	evs, err := testCoder(t).Code(context.Background(), &Document{ID: "seed", Text: string(text), Published: pub})
	if err != nil {
		t.Fatal(err)
	}
	required := []seedEvent{
		{name: "visit/meeting", src: "USA", tgt: "AFG", root: "04", date: "2021-08-23", place: "AFG"},
		{name: "threat", src: "AFG", tgt: "USA", root: "13"},
		{name: "declined to comment", src: "USA", tgt: "-", root: "01", code: "011"},
		{name: "arrest in 2010", src: "USA", tgt: "AFG", root: "17", code: "173", date: "2010"},
		{name: "appeal to governments", src: "AFG", tgt: "IGO", root: "02"},
	}
	// Events a human coder also accepts from this article: the hypothetical yield to America's request, and
	// Baradar's fight against the Soviets in the 1980s.
	acceptable := []seedEvent{
		{name: "yield (hypothetical)", src: "AFG", tgt: "USA", root: "08"},
		{name: "fought the Soviets", src: "AFG", tgt: "RUS", root: "19", date: "1980/1989"},
		{name: "fought the Soviets", src: "AFG", tgt: "USR", root: "19", date: "1980/1989"},
	}
	correct := 0
	for i := range evs {
		e := &evs[i]
		ok := false
		for _, s := range append(required[:len(required):len(required)], acceptable...) {
			if s.matches(e) {
				ok = true
				break
			}
		}
		if ok {
			correct++
		}
		t.Logf("%v %s", ok, describe(e))
	}
	for _, s := range required {
		found := false
		for i := range evs {
			if s.matches(&evs[i]) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("missing: %s (%s→%s root %s %s %s)", s.name, s.src, s.tgt, s.root, s.code, s.date)
		}
	}
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	precision := float64(correct) / float64(len(evs))
	t.Logf("precision %d/%d = %.2f", correct, len(evs), precision)
	if precision < 0.8 {
		t.Errorf("precision %.2f < 0.80", precision)
	}
	// evidence: every span must be the text it claims to be
	runes := []rune(string(text))
	for i := range evs {
		e := &evs[i]
		for _, span := range []struct {
			what       string
			text       string
			start, end int
		}{{"verb", e.Verb.Text, e.Verb.Start, e.Verb.End}, {"source", e.Source.Text, e.Source.Start, e.Source.End}} {
			if span.start < 0 || span.end > len(runes) || string(runes[span.start:span.end]) != span.text {
				t.Errorf("%s span %d:%d does not hold %q", span.what, span.start, span.end, span.text)
			}
		}
		if !strings.Contains(e.Sentence, e.Verb.Text) {
			t.Errorf("sentence %q lacks its verb %q", e.Sentence, e.Verb.Text)
		}
	}
}
