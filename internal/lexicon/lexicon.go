package lexicon

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/dyad-events/dyad/internal/text"
)

// Lexicon is everything dyad knows about words. Build it with New and the Add methods (or Load), then use
// it read-only; it is safe for concurrent readers.
type Lexicon struct {
	patterns map[Key][]*Pattern // by head key, best first
	nouns    map[Key][]*Pattern
	Synsets  map[string][]string
	Actors   *PhraseDict[*Actor]
	Agents   *PhraseDict[*Agent]
	Discards *PhraseDict[Discard]
	// Forms maps an inflected verb form to its lemma key, for dictionaries (PETRARCH) that list irregular
	// forms; the coder consults it when its lemmatizer's lemma has no patterns.
	Forms   map[Key]Key
	nPat    int
	order   int
	actors  []*Actor
	sources []string
}

// Discard marks text that is not coded.
type Discard struct {
	Story bool // the whole story is not coded
	Text  string
	Where string
}

// New returns an empty lexicon.
func New() *Lexicon {
	return &Lexicon{
		patterns: make(map[Key][]*Pattern),
		nouns:    make(map[Key][]*Pattern),
		Synsets:  make(map[string][]string),
		Actors:   newPhraseDict[*Actor](),
		Agents:   newPhraseDict[*Agent](),
		Discards: newPhraseDict[Discard](),
		Forms:    make(map[Key]Key),
	}
}

// AddPattern adds a pattern. A later pattern of equal specificity ranks before an earlier one, so that a
// user's lexicon overrides the built-in one.
func (l *Lexicon) AddPattern(p *Pattern) {
	l.order++
	p.order = l.order
	p.setNeed()
	m := l.patterns
	if p.Noun {
		m = l.nouns
	}
	list := append(m[p.Head], p)
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].Words != list[j].Words {
			return list[i].Words > list[j].Words
		}
		return list[i].order > list[j].order
	})
	m[p.Head] = list
	l.nPat++
}

// AddActor adds an actor under each of its names (each name a list of words).
func (l *Lexicon) AddActor(a *Actor, names [][]string) {
	l.actors = append(l.actors, a)
	for _, n := range names {
		l.Actors.add(n, a)
	}
}

// AddAgent adds an agent noun phrase.
func (l *Lexicon) AddAgent(a *Agent, words []string) { l.Agents.add(words, a) }

// AddDiscard adds a discard phrase.
func (l *Lexicon) AddDiscard(d Discard, words []string) { l.Discards.add(words, d) }

// VerbPatterns returns the patterns whose head is the verb with key k, most specific first.
func (l *Lexicon) VerbPatterns(k Key) []*Pattern { return l.patterns[k] }

// NounPatterns returns the nominal-event patterns whose head is the noun with key k, most specific first.
func (l *Lexicon) NounPatterns(k Key) []*Pattern { return l.nouns[k] }

// Stats counts what the lexicon holds.
type Stats struct{ Patterns, NounPatterns, Actors, ActorNames, Agents, Discards int }

// Stats counts what the lexicon holds.
func (l *Lexicon) Stats() Stats {
	s := Stats{Actors: len(l.actors), ActorNames: l.Actors.Len(), Agents: l.Agents.Len(), Discards: l.Discards.Len()}
	for _, ps := range l.patterns {
		s.Patterns += len(ps)
	}
	for _, ps := range l.nouns {
		s.NounPatterns += len(ps)
	}
	return s
}

// Sources lists the files loaded, in order.
func (l *Lexicon) Sources() []string { return l.sources }

// ErrorList collects every broken line of a load, so that a user sees all of them at once.
type ErrorList []error

func (e ErrorList) Error() string {
	var b strings.Builder
	for i, err := range e {
		if i == 10 {
			fmt.Fprintf(&b, "\n... and %d more", len(e)-10)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(err.Error())
	}
	return b.String()
}

// LoadFS adds every lexicon file of a dyad-format folder (see FORMAT.md). name prefixes file names in
// messages (e.g. the folder path). Broken lines are reported as file:line with the reason; the good lines
// of the same files are still added.
func (l *Lexicon) LoadFS(fsys fs.FS, name string) error {
	var errs ErrorList
	read := func(p string, fn func(file string, r io.Reader) []error) {
		f, err := fsys.Open(p)
		if errors.Is(err, fs.ErrNotExist) {
			return
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", path.Join(name, p), err))
			return
		}
		defer f.Close()
		l.sources = append(l.sources, path.Join(name, p))
		errs = append(errs, fn(path.Join(name, p), f)...)
	}
	glob := func(pat string) []string {
		m, _ := fs.Glob(fsys, pat) // the patterns are constant and valid
		sort.Strings(m)
		return m
	}
	read("synsets.txt", l.readSynsets)
	for _, p := range glob("verbs/*.txt") {
		read(p, func(f string, r io.Reader) []error { return l.readPatterns(f, r, false) })
	}
	for _, p := range glob("nouns/*.txt") {
		read(p, func(f string, r io.Reader) []error { return l.readPatterns(f, r, true) })
	}
	for _, p := range glob("actors/*.txt") {
		kind := strings.TrimSuffix(path.Base(p), ".txt")
		switch {
		case strings.HasPrefix(kind, "countr"):
			kind = "country"
		case strings.HasPrefix(kind, "capital"):
			kind = "capital"
		case strings.HasPrefix(kind, "igo"):
			kind = "igo"
		case strings.HasPrefix(kind, "group"):
			kind = "group"
		case strings.HasPrefix(kind, "people"), strings.HasPrefix(kind, "person"):
			kind = "person"
		default:
			kind = "org"
		}
		read(p, func(f string, r io.Reader) []error { return l.readActors(f, r, kind) })
	}
	read("agents.txt", l.readAgents)
	read("discards.txt", l.readDiscards)
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// lines calls fn for every non-blank line with comments removed.
func lines(r io.Reader, fn func(n int, line string)) error {
	br := bufio.NewReader(r)
	n := 0
	for {
		s, err := br.ReadString('\n')
		if len(s) > 0 {
			n++
			if i := strings.IndexByte(s, '#'); i >= 0 {
				s = s[:i]
			}
			if s = strings.TrimSpace(s); s != "" {
				fn(n, s)
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func (l *Lexicon) readSynsets(file string, r io.Reader) []error {
	var errs []error
	err := lines(r, func(n int, s string) {
		name, members, ok := strings.Cut(s, "=")
		name = strings.TrimSpace(name)
		if !ok || !strings.HasPrefix(name, "&") || len(name) < 2 {
			errs = append(errs, fmt.Errorf("%s:%d: want \"&NAME = word | word\"", file, n))
			return
		}
		var set []string
		for _, m := range strings.Split(members, "|") {
			if m = strings.TrimSpace(m); m != "" {
				set = append(set, m)
			}
		}
		if len(set) == 0 {
			errs = append(errs, fmt.Errorf("%s:%d: synset %s has no members", file, n, name))
			return
		}
		l.Synsets[strings.ToUpper(name[1:])] = set
	})
	if err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", file, err))
	}
	return errs
}

func (l *Lexicon) readPatterns(file string, r io.Reader, noun bool) []error {
	var errs []error
	err := lines(r, func(n int, s string) {
		code, rest, ok := strings.Cut(s, " ")
		if !ok {
			code, rest, ok = strings.Cut(s, "\t")
		}
		if !ok || !validCode(code) {
			errs = append(errs, fmt.Errorf("%s:%d: want \"CODE pattern\" with a CAMEO code or ---, got %q", file, n, s))
			return
		}
		p, err := parsePattern(code, strings.TrimSpace(rest), noun, l.Synsets)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %w", file, n, err))
			return
		}
		p.Where = fmt.Sprintf("%s:%d", file, n)
		l.AddPattern(p)
	})
	if err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", file, err))
	}
	return errs
}

func validCode(c string) bool {
	if c == "---" {
		return true
	}
	if len(c) < 2 || len(c) > 4 {
		return false
	}
	for _, r := range c {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func splitNames(s string) [][]string {
	var out [][]string
	for _, n := range strings.Split(s, "|") {
		if w := words(n); len(w) > 0 {
			out = append(out, w)
		}
	}
	return out
}

// words splits a dictionary phrase the way the tokenizer splits text ("al-Qaeda" → al - Qaeda, "People's"
// → People 's), so that a name matches the tokens it will meet; "_" joins words like a blank.
func words(phrase string) []string {
	phrase = strings.ReplaceAll(phrase, "_", " ")
	// The tokenizer knows abbreviations in their written case ("Gen.", not "gen."): tokenize a copy with
	// capitalized words, then take the words from the phrase as written.
	capd := []byte(phrase)
	for i := range capd {
		if (i == 0 || capd[i-1] == ' ') && capd[i] >= 'a' && capd[i] <= 'z' {
			capd[i] -= 'a' - 'A'
		}
	}
	toks := text.Tokenize(string(capd))
	if len(toks) == 0 {
		return nil
	}
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = phrase[t.Start:t.End]
	}
	return out
}

func (l *Lexicon) readActors(file string, r io.Reader, kind string) []error {
	var errs []error
	var last *Actor
	byName := make(map[string]*Actor) // several dated lines with one name are one actor
	err := lines(r, func(n int, s string) {
		code, rest, ok := strings.Cut(strings.ReplaceAll(s, "\t", " "), " ")
		rest = strings.TrimSpace(rest)
		if !ok || rest == "" {
			errs = append(errs, fmt.Errorf("%s:%d: want \"CODE name | alias\"", file, n))
			return
		}
		if code == "=" {
			if last == nil {
				errs = append(errs, fmt.Errorf("%s:%d: \"=\" line without an actor above it", file, n))
				return
			}
			l.AddActor(last, splitNames(rest))
			return
		}
		if !validActorCode(code) {
			errs = append(errs, fmt.Errorf("%s:%d: bad actor code %q (want letters, 3 to 15)", file, n, code))
			return
		}
		names, dates, dated := strings.Cut(rest, "@")
		nl := splitNames(names)
		if len(nl) == 0 {
			errs = append(errs, fmt.Errorf("%s:%d: no names", file, n))
			return
		}
		canon := strings.Join(nl[0], " ")
		a := byName[canon]
		fresh := a == nil
		if fresh {
			a = &Actor{Name: canon, Kind: kind, Where: fmt.Sprintf("%s:%d", file, n)}
			byName[canon] = a
		}
		if dated {
			from, to, ok := strings.Cut(strings.TrimSpace(dates), "..")
			if !ok {
				errs = append(errs, fmt.Errorf("%s:%d: want \"@ FROM..TO\"", file, n))
				return
			}
			f, err1 := parseDate(strings.TrimSpace(from), false)
			t, err2 := parseDate(strings.TrimSpace(to), true)
			if err := errors.Join(err1, err2); err != nil {
				errs = append(errs, fmt.Errorf("%s:%d: %w", file, n, err))
				return
			}
			a.Dated = append(a.Dated, Dated{Code: code, From: f, To: t})
		} else {
			a.Code = code
		}
		if fresh {
			l.AddActor(a, nl)
		} else if len(nl) > 1 {
			l.AddActor(a, nl[1:])
		}
		last = a
	})
	if err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", file, err))
	}
	return errs
}

func validActorCode(c string) bool {
	if len(c) < 3 || len(c) > 15 {
		return false
	}
	for _, r := range c {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// plural forms the regular English plural of a noun phrase's last word.
func plural(w string) string {
	switch {
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return w + "es"
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "man"):
		return w[:len(w)-3] + "men"
	}
	return w + "s"
}

func (l *Lexicon) readAgents(file string, r io.Reader) []error {
	var errs []error
	err := lines(r, func(n int, s string) {
		codes, rest, ok := strings.Cut(strings.ReplaceAll(s, "\t", " "), " ")
		if !ok || len(codes)%3 != 0 || !validActorCode(codes) {
			errs = append(errs, fmt.Errorf("%s:%d: want \"CODES noun | noun\" with three-letter agent codes", file, n))
			return
		}
		var cs []string
		for i := 0; i < len(codes); i += 3 {
			cs = append(cs, codes[i:i+3])
		}
		for _, name := range strings.Split(rest, "|") {
			name = strings.TrimSpace(name)
			title := strings.HasPrefix(name, "^")
			name = strings.TrimPrefix(name, "^")
			w := words(name)
			if len(w) == 0 {
				continue
			}
			a := &Agent{Codes: cs, Title: title, Word: strings.Join(w, " "), Where: fmt.Sprintf("%s:%d", file, n)}
			l.AddAgent(a, w)
			pl := append(append([]string(nil), w[:len(w)-1]...), plural(w[len(w)-1]))
			l.AddAgent(a, pl)
		}
	})
	if err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", file, err))
	}
	return errs
}

func (l *Lexicon) readDiscards(file string, r io.Reader) []error {
	var errs []error
	err := lines(r, func(n int, s string) {
		d := Discard{Where: fmt.Sprintf("%s:%d", file, n)}
		if strings.HasPrefix(s, "+") {
			d.Story = true
			s = strings.TrimSpace(s[1:])
		}
		w := words(s)
		if len(w) == 0 {
			errs = append(errs, fmt.Errorf("%s:%d: empty discard phrase", file, n))
			return
		}
		d.Text = strings.Join(w, " ")
		l.AddDiscard(d, w)
	})
	if err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", file, err))
	}
	return errs
}
