package petrarch

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/lexicon"
)

func load(t *testing.T, fn func(*lexicon.Lexicon, string, *os.File) []error, file string) (*lexicon.Lexicon, []error) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lex := lexicon.New()
	return lex, fn(lex, file, f)
}

func readActors(l *lexicon.Lexicon, n string, f *os.File) []error   { return ReadActors(l, n, f) }
func readAgents(l *lexicon.Lexicon, n string, f *os.File) []error   { return ReadAgents(l, n, f) }
func readDiscards(l *lexicon.Lexicon, n string, f *os.File) []error { return ReadDiscards(l, n, f) }
func readVerbs(l *lexicon.Lexicon, n string, f *os.File) []error    { return ReadVerbs(l, n, f) }

// keysOf turns text words into the keys and capital flags a PhraseDict matches.
func keysOf(words ...string) ([]lexicon.Key, []bool) {
	k := make([]lexicon.Key, len(words))
	for i, w := range words {
		k[i] = lexicon.KeyOf(w)
	}
	return k, make([]bool, len(words))
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestReadActors(t *testing.T) {
	lex, errs := load(t, readActors, "testdata/dict/Test.actors.txt")
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	tests := []struct {
		words []string
		date  string
		code  string
		n     int
		kind  string
	}{
		{[]string{"Valdoria"}, "2020-01-01", "VLD", 1, "country"},
		{[]string{"the", "Valley", "Kingdom"}, "2020-01-01", "VLD", 3, "country"},
		{[]string{"Kestravian"}, "2020-01-01", "KES", 1, "country"},
		{[]string{"Maren", "Ostby"}, "1999-12-31", "VLDOPP", 2, "person"}, // "<" includes its date
		{[]string{"M.", "Ostby"}, "2000-01-01", "VLDGOV", 2, "person"},    // YYMMDD, 00 = 2000
		{[]string{"Maren", "Ostby"}, "2004-12-31", "VLDGOV", 2, "person"},
		{[]string{"Maren", "Ostby"}, "2005-01-01", "VLDELI", 2, "person"},
		{[]string{"Maren", "Ostby"}, "2004-12-31", "VLDGOV", 2, "person"},
		{[]string{"Tova", "Lindqvist"}, "2012-06-01", "KESGOV", 2, "person"},
		{[]string{"Tova", "Lindqvist"}, "2016-06-01", "KESELI", 2, "person"}, // default after the restriction
		{[]string{"North", "-", "Rim", "League"}, "2020-01-01", "IGONRL", 4, "igo"},
		{[]string{"North-Rim", "League"}, "2020-01-01", "IGONRL", 2, "igo"},
		{[]string{"Twin", "Cities"}, "2020-01-01", "VLD/KES", 2, "group"},
		{[]string{"nobody", "in", "particular"}, "2020-01-01", "---", 3, "group"},
		{[]string{"Starling", "Bank"}, "2020-01-01", "MNCVLD", 2, "org"},
	}
	for _, tt := range tests {
		k, u := keysOf(tt.words...)
		a, n := lex.Actors.Match(k, u, 0)
		if n != tt.n || a == nil {
			t.Errorf("%v: matched %d words, want %d", tt.words, n, tt.n)
			continue
		}
		if got := a.CodeOn(day(tt.date)); got != tt.code {
			t.Errorf("%v on %s: code %q, want %q", tt.words, tt.date, got, tt.code)
		}
		if a.Kind != tt.kind {
			t.Errorf("%v: kind %q, want %q", tt.words, a.Kind, tt.kind)
		}
	}
	k, u := keysOf("CountryInfo")
	if _, n := lex.Actors.Match(k, u, 0); n != 0 {
		t.Errorf("a ; comment was read as a name")
	}
}

func TestReadAgents(t *testing.T) {
	lex, errs := load(t, readAgents, "testdata/dict/Test.agents.txt")
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	tests := []struct {
		words  []string
		codes  string // "" = no match
		prefix bool
	}{
		{[]string{"harbour", "master"}, "GOV", false},
		{[]string{"harbour", "masters"}, "GOV", false}, // regular plural
		{[]string{"ferry"}, "BUS", false},
		{[]string{"ferries", "of", "state"}, "BUS", false}, // explicit plural
		{[]string{"ferrys"}, "", false},                    // no regular plural beside an explicit one
		{[]string{"constabulary"}, "COP", false},
		{[]string{"constabularies"}, "", false}, // {} = no plural
		{[]string{"dockhands"}, "LAB", false},   // substitution set
		{[]string{"dockworker"}, "LAB", false},
		{[]string{"dockworkerss"}, "", false}, // substitutions get no plural of their own
		{[]string{"relief", "charity"}, "NGO", true},
		{[]string{"relief", "charities"}, "NGO", true},
		{[]string{"naval", "cadets"}, "MILEDU", false},
	}
	for _, tt := range tests {
		k, u := keysOf(tt.words...)
		ag, n := lex.Agents.Match(k, u, 0)
		if tt.codes == "" {
			if n == len(tt.words) {
				t.Errorf("%v: matched, want no match", tt.words)
			}
			continue
		}
		if n != len(tt.words) || ag == nil {
			t.Errorf("%v: matched %d words, want %d", tt.words, n, len(tt.words))
			continue
		}
		if got := strings.Join(ag.Codes, ""); got != tt.codes || ag.Prefix != tt.prefix {
			t.Errorf("%v: codes %q prefix %v, want %q %v", tt.words, got, ag.Prefix, tt.codes, tt.prefix)
		}
	}
}

func TestReadDiscards(t *testing.T) {
	lex, errs := load(t, readDiscards, "testdata/dict/Test.discards.txt")
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	tests := []struct {
		words []string
		story bool
		n     int
	}{
		{[]string{"curling", "final"}, true, 2},
		{[]string{"Chess", "Olympiad"}, false, 2},
		{[]string{"kite", "-", "flying", "contest"}, false, 4},
		{[]string{"curling", "stone"}, false, 0},
	}
	for _, tt := range tests {
		k, u := keysOf(tt.words...)
		d, n := lex.Discards.Match(k, u, 0)
		if n != tt.n || n > 0 && d.Story != tt.story {
			t.Errorf("%v: n %d story %v, want %d %v", tt.words, n, d.Story, tt.n, tt.story)
		}
	}
}

// find returns the pattern of head with the given code.
func find(lex *lexicon.Lexicon, head, code string) *lexicon.Pattern {
	for _, p := range lex.VerbPatterns(lexicon.KeyOf(head)) {
		if p.Code == code || code == "" && p.Code == "---" {
			return p
		}
	}
	return nil
}

func TestReadVerbs(t *testing.T) {
	lex, errs := load(t, readVerbs, "testdata/dict/Test.verbs.txt")
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	check := func(head, code string) *lexicon.Pattern {
		t.Helper()
		p := find(lex, head, code)
		if p == nil {
			t.Fatalf("no %s pattern with code %s", head, code)
		}
		return p
	}
	// the bare verbs
	if p := check("scold", "120"); p.Words != 0 || len(p.Before)+len(p.After) != 0 {
		t.Errorf("SCOLD: %+v", p)
	}
	if p := check("berate", "120"); p.Where != "testdata/dict/Test.verbs.txt:11" {
		t.Errorf("BERATE where = %q", p.Where)
	}
	// PETRARCH-2 groups read as words in order
	p := check("berate", "125")
	if got := wordsOf(p.After); got != "for harbour fees" {
		t.Errorf("BERATE 125 after = %q", got)
	}
	// a multi-word verb: its particle follows the head, adjacent, before the pattern's words
	p = check("tell", "124")
	if got := wordsOf(p.After); got != "off" || !p.After[0].Adjacent {
		t.Errorf("TELL_OFF after = %q adjacent %v", got, p.After[0].Adjacent)
	}
	p = check("tell", "126")
	if got := wordsOf(p.After); got != "off talks|formal talks" { // &PARLEY_: no plurals
		t.Errorf("TELL_OFF 126 after = %q", got)
	}
	if len(p.After) != 2 || len(p.After[1].Phrases) == 0 {
		t.Fatalf("synset with a phrase member: %+v", p.After)
	}
	// irregular forms
	for _, f := range []string{"berated", "told", "telling"} {
		if _, ok := lex.Forms[lexicon.KeyOf(f)]; !ok {
			t.Errorf("form %q not recorded", f)
		}
	}
	if lex.Forms[lexicon.KeyOf("told")] != lexicon.KeyOf("tell") {
		t.Errorf("told does not map to tell")
	}
	// paired codes, slots, adjacency
	p = check("greeted", "041")
	if p.Reverse != "041" {
		t.Errorf("GREET reverse = %q", p.Reverse)
	}
	p = check("greeted", "042")
	if len(p.Before) != 2 || p.Before[0].Kind != lexicon.Target || p.Before[1].Kind != lexicon.Word || len(p.After) != 2 || p.After[1].Kind != lexicon.Source {
		t.Errorf("+ WAS_ * BY $: %+v %+v", p.Before, p.After)
	}
	if p.HeadAdjacent {
		t.Errorf("WAS_ * (trailing _) must not join the verb")
	}
	p = check("greeted", "043")
	if !p.HeadAdjacent || len(p.Before) != 1 {
		t.Errorf("SUDDENLY_*: head adjacent %v", p.HeadAdjacent)
	}
	p = check("greeted", "044")
	if len(p.After) != 3 || p.After[0].Kind != lexicon.Skip || p.After[2].Kind != lexicon.Compound {
		t.Errorf("* ^ AT %%: %+v", p.After)
	}
	p = findRev(lex, "greeted", "045")
	if p == nil || !p.IsNull() || p.Before[0].Kind != lexicon.Compound {
		t.Errorf("[:045]: %+v", p)
	}
	p = check("greeted", "046")
	if len(p.After[0].Phrases) != 4 { // groat, groats, silver mark, silver marks
		t.Errorf("&COIN phrases = %d", len(p.After[0].Phrases))
	}
	p = findPattern(lex, "greeted", "---", 2)
	if p == nil || wordsOf(p.Before) != "did n't" {
		t.Errorf("DID N'T *: %+v", p)
	}
	// a block with a null code; a verb with its own code and a prefix word
	check("barter", "---")
	p = check("out", "061")
	if !p.HeadAdjacent || wordsOf(p.Before) != "ship" {
		t.Errorf("SHIP_+OUT: %+v", p)
	}
}

func findRev(lex *lexicon.Lexicon, head, rev string) *lexicon.Pattern {
	for _, p := range lex.VerbPatterns(lexicon.KeyOf(head)) {
		if p.Reverse == rev {
			return p
		}
	}
	return nil
}

func findPattern(lex *lexicon.Lexicon, head, code string, words int) *lexicon.Pattern {
	for _, p := range lex.VerbPatterns(lexicon.KeyOf(head)) {
		if p.Code == code && p.Words == words {
			return p
		}
	}
	return nil
}

func wordsOf(es []lexicon.Elem) string {
	var out []string
	for _, e := range es {
		if e.Kind == lexicon.Word {
			out = append(out, strings.Join(e.Words, "|"))
		}
	}
	return strings.Join(out, " ")
}

func TestBrokenLines(t *testing.T) {
	tests := []struct {
		file string
		fn   func(*lexicon.Lexicon, string, *os.File) []error
		want []string
		good func(*lexicon.Lexicon) bool
	}{
		{"testdata/broken_actors.txt", readActors, []string{
			"broken_actors.txt:1: code line without an actor above it",
			"broken_actors.txt:3: bad date \"2001\"",
			"broken_actors.txt:4: date restriction \"20010101-20001231\" ends before it starts",
			"broken_actors.txt:5: bad actor code \"GD\"",
			"broken_actors.txt:6: empty synonym",
			"broken_actors.txt:7: bad date restriction \"20010101\"",
		}, func(l *lexicon.Lexicon) bool { return l.Stats().Actors == 2 }},
		{"testdata/broken_agents.txt", readAgents, []string{
			"broken_agents.txt:2: agent code \"[MIL]\" needs a ~",
			"broken_agents.txt:3: agent code \"MILX\" is not three-letter groups",
			"broken_agents.txt:4: want \"!NAME! = word, word\"",
			"broken_agents.txt:5: undefined substitution set !NOPE!",
			"broken_agents.txt:6: unclosed {",
		}, func(l *lexicon.Lexicon) bool { return l.Agents.Len() == 2 }},
		{"testdata/broken_verbs.txt", readVerbs, []string{
			"broken_verbs.txt:1: verb \"STRAY\" outside a \"--- NAME [CODE] ---\" block",
			"broken_verbs.txt:2: pattern outside",
			"broken_verbs.txt:5: pattern without [CODE]",
			"broken_verbs.txt:6: undefined synset &MISSING",
			"broken_verbs.txt:7: pattern without * (the verb)",
			"broken_verbs.txt:8: two verbs (*) in one pattern",
			"broken_verbs.txt:9: bad event code [03x!]",
		}, func(l *lexicon.Lexicon) bool { return l.Stats().Patterns == 2 }},
		{"testdata/broken_discards.txt", readDiscards, []string{
			"broken_discards.txt:1: empty discard phrase",
		}, func(l *lexicon.Lexicon) bool { return l.Discards.Len() == 1 }},
	}
	for _, tt := range tests {
		lex, errs := load(t, tt.fn, tt.file)
		msg := errors.Join(errs...).Error()
		if len(errs) != len(tt.want) {
			t.Errorf("%s: %d errors, want %d:\n%s", tt.file, len(errs), len(tt.want), msg)
		}
		for _, w := range tt.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: errors lack %q:\n%s", tt.file, w, msg)
			}
		}
		if !tt.good(lex) {
			t.Errorf("%s: the good lines were not all loaded: %+v", tt.file, lex.Stats())
		}
	}
}

func TestLoadDir(t *testing.T) {
	lex := lexicon.New()
	if err := LoadDir(lex, "testdata/dict"); err != nil {
		t.Fatal(err)
	}
	st := lex.Stats()
	if st.Actors != 8 || st.Patterns == 0 || st.Agents == 0 || st.Discards == 0 {
		t.Errorf("stats %+v", st)
	}
	if err := LoadDir(lexicon.New(), "testdata/nope"); err == nil {
		t.Error("a missing folder must be an error")
	}
	err := Load(lexicon.New(), "testdata", Files{Verbs: []string{"broken_verbs.txt"}})
	var el lexicon.ErrorList
	if !errors.As(err, &el) || len(el) != 7 {
		t.Errorf("Load: want the 7 broken lines as an ErrorList, got %v", err)
	}
}

// sharedDicts is the PETRARCH dictionary folder of the shared data, read at test time only.
func sharedDicts(t *testing.T) string {
	dir := filepath.Join("..", "..", "..", "..", "shared", "anchors-data", "petrarch2", "dictionaries")
	if _, err := os.Stat(filepath.Join(dir, "CAMEO.2.0.txt")); err != nil {
		t.Skipf("shared PETRARCH dictionaries not found at %s: %v", dir, err)
	}
	return dir
}

// TestPhoenixDictionaries loads the full Phoenix dictionaries and CAMEO.2.0.txt. The files have a few real
// defects (dates of 7, 9 and 10 digits, a misplaced code, stray text after codes), reported by line.
func TestPhoenixDictionaries(t *testing.T) {
	dir := sharedDicts(t)
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	start := time.Now()
	lex := lexicon.New()
	err := LoadDir(lex, dir)
	took := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&m1)
	var el lexicon.ErrorList
	if err != nil && !errors.As(err, &el) {
		t.Fatal(err)
	}
	for _, e := range el {
		t.Log(e)
	}
	st := lex.Stats()
	t.Logf("loaded in %v, %d MB: %+v, %d broken lines", took.Round(time.Millisecond), (m1.HeapAlloc-m0.HeapAlloc)>>20, st, len(el))
	if len(el) > 30 {
		t.Errorf("%d broken lines; the files have about 20 real defects", len(el))
	}
	if st.Patterns < 10000 || st.Actors < 20000 || st.Agents < 3000 || st.Discards < 200 {
		t.Errorf("too little loaded: %+v", st)
	}
	runtime.KeepAlive(lex)
}

func FuzzReadActors(f *testing.F)   { fuzzReader(f, ReadActors, "testdata/dict/Test.actors.txt") }
func FuzzReadAgents(f *testing.F)   { fuzzReader(f, ReadAgents, "testdata/dict/Test.agents.txt") }
func FuzzReadDiscards(f *testing.F) { fuzzReader(f, ReadDiscards, "testdata/dict/Test.discards.txt") }
func FuzzReadVerbs(f *testing.F)    { fuzzReader(f, ReadVerbs, "testdata/dict/Test.verbs.txt") }

func fuzzReader(f *testing.F, fn func(*lexicon.Lexicon, string, io.Reader) []error, seeds ...string) {
	for _, s := range append(seeds, "testdata/broken_actors.txt", "testdata/broken_agents.txt", "testdata/broken_verbs.txt") {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, s string) {
		lex := lexicon.New()
		for _, err := range fn(lex, "fuzz", strings.NewReader(s)) {
			if !strings.HasPrefix(err.Error(), "fuzz") {
				t.Errorf("error does not name the file: %v", err)
			}
		}
	})
}
