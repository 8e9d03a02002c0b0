package lexicon

import (
	"io/fs"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/ontology"
	"github.com/dyad-events/dyad/internal/text"
)

// These tests check dyad's own lexicon files (data/): that they load cleanly, hold enough entries,
// use codes the ontology knows, and code a few well-known names and words as intended.

func loadBuiltin(t *testing.T) *Lexicon {
	t.Helper()
	l, err := Builtin()
	if err != nil {
		t.Fatalf("built-in lexicon: %v", err)
	}
	return l
}

// wordKeys turns text words into the keys and capital flags that PhraseDict.Match takes.
// wordKeys keys text words as the coder does: each given word is tokenized first ("al-Shabaab" → al - Shabaab).
func wordKeys(words ...string) ([]Key, []bool) {
	var k []Key
	var u []bool
	for _, w := range words {
		for _, t := range text.Tokenize(w) {
			k = append(k, KeyOf(t.Text))
			u = append(u, isUpperWord(t.Text))
		}
	}
	return k, u
}

// allPatterns returns every verb and noun pattern of l.
func allPatterns(l *Lexicon) []*Pattern {
	var out []*Pattern
	for _, m := range []map[Key][]*Pattern{l.patterns, l.nouns} {
		for _, ps := range m {
			out = append(out, ps...)
		}
	}
	return out
}

func TestBuiltinCounts(t *testing.T) {
	l := loadBuiltin(t)
	st := l.Stats()
	t.Logf("stats: %+v", st)

	roots := make(map[string]int)
	for _, p := range allPatterns(l) {
		if !p.IsNull() {
			roots[p.Code[:2]]++
		}
	}
	kinds := make(map[string]int)
	countries := make(map[string]bool)
	personRoles := 0
	for _, a := range l.actors {
		kinds[a.Kind]++
		if a.Kind == "country" {
			countries[a.Code] = true
		}
		if a.Kind == "person" {
			personRoles += len(a.Dated)
			if a.Code != "" {
				personRoles++
			}
		}
	}
	agentNouns := make(map[string]bool)
	for _, list := range l.Agents.first {
		for _, p := range list {
			agentNouns[p.val.Word] = true
		}
	}
	t.Logf("per root: %v; actors by kind: %v; countries: %d; person roles: %d; agent nouns: %d",
		roots, kinds, len(countries), personRoles, len(agentNouns))

	tests := []struct {
		what     string
		got, min int
	}{
		{"patterns (verbs and nouns)", st.Patterns + st.NounPatterns, 1500},
		{"noun patterns", st.NounPatterns, 150},
		{"countries", len(countries), 249},
		{"IGOs and NGOs", kinds["igo"], 60},
		{"groups", kinds["group"], 120},
		{"people roles", personRoles, 150},
		{"capitals", kinds["capital"], 150},
		{"agent nouns", len(agentNouns), 250},
		{"discards", st.Discards, 100},
	}
	for r := 1; r <= 20; r++ {
		root := string(rune('0'+r/10)) + string(rune('0'+r%10))
		tests = append(tests, struct {
			what     string
			got, min int
		}{"root " + root + " patterns", roots[root], 20})
	}
	for _, tt := range tests {
		if tt.got < tt.min {
			t.Errorf("%s: %d, want at least %d", tt.what, tt.got, tt.min)
		}
	}
}

func TestBuiltinCodesKnown(t *testing.T) {
	l := loadBuiltin(t)
	o, err := ontology.Default()
	if err != nil {
		t.Fatalf("ontology: %v", err)
	}
	for _, p := range allPatterns(l) {
		if p.IsNull() {
			continue
		}
		if _, ok := o.Event(p.Code); !ok {
			t.Errorf("%s: %q is not a CAMEO event code", p.Where, p.Code)
		}
	}
	checkActor := func(code, where string) {
		ac, err := o.ParseActor(code)
		if err != nil {
			t.Errorf("%s: %v", where, err)
			return
		}
		if ac.IGO {
			if code == "IGO" {
				return // the international community as a whole: the sector without an organisation
			}
			if _, ok := o.IGO(code); !ok {
				t.Errorf("%s: %s is not an IGO of the ontology", where, code)
			}
			return
		}
		groups := ac.Agents
		if len(groups) == 2 && groups[0] == "NGO" {
			groups = groups[:1] // NGOAMN: the last group is the organisation's own key (igos.txt)
		}
		for _, g := range groups {
			if _, ok := o.Agent(g); !ok {
				t.Errorf("%s: %s has group %s, not an agent code", where, code, g)
			}
		}
	}
	for _, a := range l.actors {
		if a.Code != "" {
			checkActor(a.Code, a.Where)
		}
		for _, d := range a.Dated {
			checkActor(d.Code, a.Where)
		}
	}
	for _, list := range l.Agents.first {
		for _, p := range list {
			for _, c := range p.val.Codes {
				if _, ok := o.Agent(c); !ok {
					t.Errorf("%s: agent %q has code %s, not in the ontology", p.val.Where, p.val.Word, c)
				}
			}
		}
	}
}

func TestBuiltinActors(t *testing.T) {
	l := loadBuiltin(t)
	tests := []struct {
		words []string
		date  string // "" = no date
		code  string
	}{
		{[]string{"CIA"}, "", "USASPY"},
		{[]string{"C.I.A."}, "", "USASPY"},
		{[]string{"Taliban"}, "", "AFGINS"},
		{[]string{"Kyiv"}, "", "UKRGOV"},
		{[]string{"Kiev"}, "", "UKRGOV"},
		{[]string{"Washington"}, "", "USAGOV"},
		{[]string{"Kremlin"}, "", "RUSGOV"},
		{[]string{"White", "House"}, "", "USAGOV"},
		{[]string{"Pentagon"}, "", "USAMIL"},
		{[]string{"U.S."}, "", "USA"},
		{[]string{"United", "States"}, "", "USA"},
		{[]string{"Afghan"}, "", "AFG"},
		{[]string{"Afghans"}, "", "AFG"},
		{[]string{"Americans"}, "", "USA"},
		{[]string{"Britain"}, "", "GBR"},
		{[]string{"Burma"}, "", "MMR"},
		{[]string{"Congo"}, "", "COD"},
		{[]string{"Republic", "of", "the", "Congo"}, "", "COG"},
		{[]string{"Israeli"}, "", "ISR"},
		{[]string{"Gaza"}, "", "PSE"},
		{[]string{"United", "Nations"}, "", "IGOUNO"},
		{[]string{"U.N."}, "", "IGOUNO"},
		{[]string{"NATO"}, "", "IGONAT"},
		{[]string{"IAEA"}, "", "IGOUNOIAE"},
		{[]string{"Red", "Cross"}, "", "NGOIRC"},
		{[]string{"Hezbollah"}, "", "LBNINS"},
		{[]string{"Hamas"}, "", "PSEINS"},
		{[]string{"Houthis"}, "", "YEMREB"},
		{[]string{"al-Shabaab"}, "", "SOMINS"},
		{[]string{"M23"}, "", "CODREB"},
		{[]string{"Mossad"}, "", "ISRSPY"},
		{[]string{"FBI"}, "", "USACOP"},
		{[]string{"Biden"}, "2021-08-24", "USAGOV"},
		{[]string{"Biden"}, "2015-03-01", "USAGOV"},
		{[]string{"Biden"}, "2019-06-01", "USAELI"},
		{[]string{"Burns"}, "2021-08-24", "USASPY"},
		{[]string{"Baradar"}, "2021-08-24", "AFGINS"},
		{[]string{"Baradar"}, "2022-03-01", "AFGGOV"},
		{[]string{"Mullah", "Omar"}, "2000-01-01", "AFGGOV"},
		{[]string{"Mullah", "Omar"}, "2010-01-01", "AFGINS"},
		{[]string{"Putin"}, "2022-02-24", "RUSGOV"},
		{[]string{"Zelensky"}, "2022-02-24", "UKRGOV"},
		{[]string{"Assad"}, "2025-06-01", "SYRELI"},
	}
	for _, tt := range tests {
		k, u := wordKeys(tt.words...)
		a, n := l.Actors.Match(k, u, 0)
		if n != len(k) || a == nil {
			t.Errorf("%v: matched %d words, want %d", tt.words, n, len(tt.words))
			continue
		}
		var d time.Time
		if tt.date != "" {
			var err error
			if d, err = time.Parse("2006-01-02", tt.date); err != nil {
				t.Fatal(err)
			}
		}
		if got := a.CodeOn(d); got != tt.code {
			t.Errorf("%v on %q = %s (%s), want %s", tt.words, tt.date, got, a.Where, tt.code)
		}
	}
	// a lower-case "us" must not be the United States
	k, u := wordKeys("told", "us")
	if a, n := l.Actors.Match(k, u, 1); n > 0 && a.Code == "USA" {
		t.Errorf("lower-case \"us\" matched %s", a.Name)
	}
}

func TestBuiltinAgentsAndDiscards(t *testing.T) {
	l := loadBuiltin(t)
	agents := []struct {
		words []string
		code  string
		title bool
	}{
		{[]string{"spokesman"}, "GOV", false},
		{[]string{"President"}, "GOV", true},
		{[]string{"foreign", "minister"}, "GOV", true},
		{[]string{"Gen."}, "MIL", true},
		{[]string{"troops"}, "MIL", false},
		{[]string{"police"}, "COP", false},
		{[]string{"intelligence"}, "SPY", false},
		{[]string{"rebels"}, "REB", false},
		{[]string{"militants"}, "INS", false},
		{[]string{"protesters"}, "CVL", false},
		{[]string{"refugees"}, "REF", false},
		{[]string{"lawmakers"}, "LEG", false},
		{[]string{"journalists"}, "MED", false},
		{[]string{"cleric"}, "REL", false},
	}
	for _, tt := range agents {
		k, u := wordKeys(tt.words...)
		a, n := l.Agents.Match(k, u, 0)
		if n != len(k) || a == nil {
			t.Errorf("agent %v: matched %d words", tt.words, n)
			continue
		}
		if a.Codes[0] != tt.code || a.Title != tt.title {
			t.Errorf("agent %v = %v title %v (%s), want %s title %v", tt.words, a.Codes, a.Title, a.Where, tt.code, tt.title)
		}
	}
	discards := []struct {
		words []string
		story bool
	}{
		{[]string{"Premier", "League"}, true},
		{[]string{"Dow", "Jones"}, false},
		{[]string{"box", "office"}, true},
	}
	for _, tt := range discards {
		k, u := wordKeys(tt.words...)
		d, n := l.Discards.Match(k, u, 0)
		if n != len(tt.words) || d.Story != tt.story {
			t.Errorf("discard %v: matched %d words, story %v; want story %v", tt.words, n, d.Story, tt.story)
		}
	}
}

func TestBuiltinPatterns(t *testing.T) {
	l := loadBuiltin(t)
	tests := []struct {
		noun       bool
		head, text string // text is the pattern as written, after the head word
		code       string
	}{
		{false, "say", "say", "010"},
		{false, "decline", "decline comment", "011"},
		{false, "visit", "visit +", "042"},
		{false, "travel", "travel to +", "042"},
		{false, "hold", "hold &MEETING with +", "040"},
		{false, "host", "host +", "043"},
		{false, "call", "call_on + to", "020"},
		{false, "sign", "sign &AGREEMENT with +", "057"},
		{false, "impose", "impose &SANCTION on|against +", "163"},
		{false, "arrest", "arrest +", "173"},
		{false, "take", "take + into custody", "173"},
		{false, "fire", "fire|use|lob|throw gas|teargas|canisters|grenades|bullets|cannon|pellets|batons|rubber at|on|against +", "175"},
		{false, "launch", "launch|carry_out|mount|stage|conduct|begin|start|unleash|intensify|escalate|step_up|resume|renew &ATTACK on|against|in|into +", "190"},
		{true, "arrest", "arrest|detention|capture|imprisonment of + by $", "173"},
		{true, "request", "request", "020"},
		{true, "visit", "visit|trip|tour|journey|stopover to +", "042"},
		{true, "attack", "attack|attacks|offensive|assault|raid|raids|incursion|invasion|onslaught|counteroffensive on|against|into|in +", "190"},
	}
	for _, tt := range tests {
		ps := l.VerbPatterns(KeyOf(tt.head))
		if tt.noun {
			ps = l.NounPatterns(KeyOf(tt.head))
		}
		found := false
		for _, p := range ps {
			if p.Text == strings.Replace(tt.text, strings.SplitN(tt.text, " ", 2)[0], tt.head, 1) || p.Text == tt.text {
				found = true
				if p.Code != tt.code {
					t.Errorf("%s %q = %s, want %s", p.Where, p.Text, p.Code, tt.code)
				}
			}
		}
		if !found {
			t.Errorf("no pattern %q for head %q (noun %v)", tt.text, tt.head, tt.noun)
		}
	}
	// the non-political senses of common heads are blocked
	for _, head := range []string{"attack", "fire", "meet", "strike", "receive"} {
		null := false
		for _, p := range l.VerbPatterns(KeyOf(head)) {
			null = null || p.IsNull()
		}
		if !null {
			t.Errorf("verb %q has no \"---\" pattern for its non-political senses", head)
		}
	}
}

// A name in the country, capital, IGO and group files must not stand for two different codes: the
// phrase dictionary would keep only one of them, silently.
func TestBuiltinNoConflictingNames(t *testing.T) {
	sub, err := fs.Sub(builtin, "data")
	if err != nil {
		t.Fatal(err)
	}
	files, err := fs.Glob(sub, "actors/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	owner := make(map[string]string) // name key -> code and file
	for _, f := range files {
		if strings.HasPrefix(path.Base(f), "people") {
			continue // people repeat their names on purpose, one line per role
		}
		data, err := fs.ReadFile(sub, f)
		if err != nil {
			t.Fatal(err)
		}
		code := ""
		for i, line := range strings.Split(string(data), "\n") {
			if j := strings.IndexByte(line, '#'); j >= 0 {
				line = line[:j]
			}
			c, rest, ok := strings.Cut(strings.TrimSpace(line), " ")
			if !ok {
				continue
			}
			if c != "=" {
				code = c
			}
			names, _, _ := strings.Cut(rest, "@")
			for _, n := range splitNames(names) {
				var key strings.Builder
				for _, w := range n {
					key.WriteString(strings.ToLower(strings.ReplaceAll(w, ".", "")))
					key.WriteByte(' ')
				}
				where := f + ":" + itoa(i+1)
				if prev, dup := owner[key.String()]; dup && !strings.HasPrefix(prev, code+" ") {
					t.Errorf("%s: %q is %s here and %s", where, strings.Join(n, " "), code, prev)
				}
				owner[key.String()] = code + " " + where
			}
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for ; n > 0; n /= 10 {
		i--
		b[i] = byte('0' + n%10)
	}
	return string(b[i:])
}
