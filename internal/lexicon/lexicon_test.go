package lexicon

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestKeyOf(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"C.I.A.", "CIA", true},
		{"U.S.", "us", true},
		{"Burns’", "burns'", true},
		{"Kabul", "KABUL", true},
		{"talks", "talk", false},
		{".", ",", false},
	}
	for _, tt := range tests {
		if got := KeyOf(tt.a) == KeyOf(tt.b); got != tt.same {
			t.Errorf("KeyOf(%q) == KeyOf(%q): %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
	if KeyOf("") != 0 || KeyOf(".") == 0 {
		t.Errorf("empty word must have key 0 and \".\" a non-zero key")
	}
}

func testFS() fstest.MapFS {
	return fstest.MapFS{
		"synsets.txt":          {Data: []byte("&MEETING = meeting | talks | summit\n")},
		"verbs/04.txt":         {Data: []byte("042 visit +\n040 hold &MEETING with +\n040 meet with +  # comment\n---  meet deadline\n")},
		"nouns/17.txt":         {Data: []byte("173 arrest of + by $\n")},
		"actors/countries.txt": {Data: []byte("USA United States | U.S. | America | US\nAFG Afghanistan | Afghan\n")},
		"actors/people.txt":    {Data: []byte("USAGOV Joe Biden | Biden @ 2021-01-20..2025-01-20\nUSAELI Joe Biden @ ..2021-01-19\n")},
		"agents.txt":           {Data: []byte("GOV government | ^president | minister\nSPY intelligence | spy\n")},
		"discards.txt":         {Data: []byte("+ world cup\nstock market\n")},
	}
}

func TestLoadFS(t *testing.T) {
	l := New()
	if err := l.LoadFS(testFS(), "t"); err != nil {
		t.Fatal(err)
	}
	st := l.Stats()
	if st.Patterns != 4 || st.NounPatterns != 1 || st.Actors != 3 {
		t.Fatalf("stats = %+v", st)
	}
	ps := l.VerbPatterns(KeyOf("hold"))
	if len(ps) != 1 || ps[0].Code != "040" || ps[0].Words != 2 || !ps[0].HasTarget() {
		t.Fatalf("hold patterns = %+v", ps)
	}
	if got := ps[0].After[0].Words; len(got) != 3 {
		t.Errorf("synset not expanded: %v", got)
	}
	meet := l.VerbPatterns(KeyOf("meet"))
	if len(meet) != 2 || meet[0].Words != 1 {
		t.Fatalf("meet patterns: %d", len(meet))
	}
	if ps[0].Where != "t/verbs/04.txt:2" {
		t.Errorf("Where = %q", ps[0].Where)
	}
}

func keys(words ...string) ([]Key, []bool) {
	var k []Key
	var u []bool
	for _, w := range words {
		k = append(k, KeyOf(w))
		u = append(u, isUpperWord(w))
	}
	return k, u
}

func TestActorMatch(t *testing.T) {
	l := New()
	if err := l.LoadFS(testFS(), "t"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words []string
		at    int
		want  string
		n     int
	}{
		{[]string{"the", "United", "States", "said"}, 1, "United States", 2},
		{[]string{"U.S.", "troops"}, 0, "United States", 1},
		{[]string{"told", "us", "that"}, 1, "", 0}, // "US" only in capitals
		{[]string{"US", "envoy"}, 0, "United States", 1},
		{[]string{"Afghan", "police"}, 0, "Afghanistan", 1},
	}
	for _, tt := range tests {
		k, u := keys(tt.words...)
		a, n := l.Actors.Match(k, u, tt.at)
		got := ""
		if a != nil {
			got = a.Name
		}
		if got != tt.want || n != tt.n {
			t.Errorf("%v at %d: got %q/%d, want %q/%d", tt.words, tt.at, got, n, tt.want, tt.n)
		}
	}
	k, u := keys("Biden")
	a, _ := l.Actors.Match(k, u, 0)
	if a == nil {
		t.Fatal("Biden not found")
	}
	for _, c := range []struct {
		date, code string
	}{{"2021-08-24", "USAGOV"}, {"2015-03-01", "USAELI"}, {"2026-01-01", ""}} {
		d, _ := time.Parse("2006-01-02", c.date)
		if got := a.CodeOn(d); got != c.code {
			t.Errorf("Biden on %s = %q, want %q", c.date, got, c.code)
		}
	}
	k, u = keys("presidents")
	if ag, n := l.Agents.Match(k, u, 0); n != 1 || ag.Codes[0] != "GOV" || !ag.Title {
		t.Errorf("plural agent: %+v %d", ag, n)
	}
}

func TestBrokenLines(t *testing.T) {
	fsys := fstest.MapFS{
		"verbs/x.txt":  {Data: []byte("042 visit +\n9z9 bad code\n040 hold &NOPE with +\n")},
		"actors/a.txt": {Data: []byte("usa lower code\nAFG Afghanistan @ 2021-13-01..\n")},
		"agents.txt":   {Data: []byte("GO government\n")},
	}
	l := New()
	err := l.LoadFS(fsys, "u")
	if err == nil {
		t.Fatal("want errors")
	}
	msg := err.Error()
	for _, want := range []string{"u/verbs/x.txt:2", "u/verbs/x.txt:3: undefined synset &NOPE", "u/actors/a.txt:1", "u/actors/a.txt:2", "u/agents.txt:1"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	if got := l.Stats().Patterns; got != 1 {
		t.Errorf("good lines must still load: %d patterns", got)
	}
}

func FuzzLoad(f *testing.F) {
	for _, v := range testFS() {
		f.Add(string(v.Data))
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, name := range []string{"verbs/f.txt", "nouns/f.txt", "actors/f.txt", "agents.txt", "discards.txt", "synsets.txt"} {
			l := New()
			_ = l.LoadFS(fstest.MapFS{name: {Data: []byte(s)}}, "f")
		}
	})
}
