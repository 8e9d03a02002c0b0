package petrarch

import (
	"fmt"
	"io"
	"strings"

	"github.com/dyad-events/dyad/internal/lexicon"
)

// item is one token of a pattern or verb phrase.
type item struct {
	kind    byte       // 'w' word, 's' synset, '*' head, '+' target, '$' source, '%' compound, '^' skip
	alts    []string   // words, for 'w'; the synset name, for 's'
	phrases [][]string // multi-word alternatives, for 'w' from a synset
	joined  bool       // joined with "_" to the item before it: the two must be adjacent
}

// verbEntry is one verb line of a block.
type verbEntry struct {
	head          string
	before, after []item // the other words of a multi-word verb ("wire" in WIRE_+TAP), adjacent
	code, reverse string
	hasCode       bool
	forms         []string // irregular forms of the head
	text, where   string
}

// patEntry is one pattern line of a block.
type patEntry struct {
	items         []item
	code, reverse string
	text, where   string
}

// verbReader holds the state of one verb file.
type verbReader struct {
	lex     *lexicon.Lexicon
	file    string
	synsets map[string][][]string // NAME → members, each a list of words (plurals included)
	errs    []error

	inBlock     bool
	blockCode   string
	blockRev    string
	verbs       []verbEntry
	pats        []patEntry
	synset      string // the synset whose "+" members are being read
	synsetPlain bool   // its label ends in "_": no plurals
}

// ReadVerbs adds the synsets, verbs and patterns of a PETRARCH-2 or PETRARCH-1/TABARI verb file.
func ReadVerbs(lex *lexicon.Lexicon, name string, r io.Reader) []error {
	vr := &verbReader{lex: lex, file: name, synsets: make(map[string][][]string)}
	lr := newLineReader(r, name)
	for {
		n, line, ok := lr.next()
		if !ok {
			break
		}
		vr.line(n, strings.TrimSpace(line))
	}
	vr.flush()
	return append(vr.errs, lr.errs...)
}

func (vr *verbReader) errorf(n int, format string, args ...any) {
	vr.errs = append(vr.errs, fmt.Errorf("%s:%d: %s", vr.file, n, fmt.Sprintf(format, args...)))
}

func (vr *verbReader) line(n int, s string) {
	where := fmt.Sprintf("%s:%d", vr.file, n)
	switch {
	case strings.HasPrefix(s, "+") && vr.synset != "":
		vr.member(n, s[1:])
		return
	case strings.HasPrefix(s, "&"):
		vr.synset = ""
		label := strings.ToUpper(strings.Fields(s)[0][1:])
		if label == "" || strings.ContainsAny(label, "&+*$%[]{}()") {
			vr.errorf(n, "bad synset label %q", s)
			return
		}
		vr.synsetPlain = strings.HasSuffix(label, "_")
		vr.synset = strings.TrimRight(label, "_")
		vr.synsets[vr.synset] = nil
		return
	}
	vr.synset = ""
	switch {
	case strings.HasPrefix(s, "---"):
		vr.flush()
		vr.header(n, s)
	case strings.HasPrefix(s, "~"):
		// PETRARCH-2 transformations have no counterpart in dyad; skipped (see doc.go)
	case strings.HasPrefix(s, "-"):
		if !vr.inBlock {
			vr.errorf(n, "pattern outside a \"--- NAME [CODE] ---\" block")
			return
		}
		p, err := parsePatternLine(s[1:], where)
		if err != nil {
			vr.errorf(n, "%v", err)
			return
		}
		vr.pats = append(vr.pats, p)
	default:
		if !vr.inBlock {
			vr.errorf(n, "verb %q outside a \"--- NAME [CODE] ---\" block", s)
			return
		}
		v, err := parseVerbLine(s, where)
		if err != nil {
			vr.errorf(n, "%v", err)
			return
		}
		for _, f := range v.forms {
			if f != v.head {
				vr.lex.Forms[lexicon.KeyOf(f)] = lexicon.KeyOf(v.head)
			}
		}
		vr.verbs = append(vr.verbs, v)
	}
}

// member reads one "+" line of a synset: words, a phrase, or another synset.
func (vr *verbReader) member(n int, s string) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "&") {
		name := strings.TrimRight(strings.ToUpper(strings.TrimSpace(s[1:])), "_")
		set, ok := vr.synsets[name]
		if !ok {
			vr.errorf(n, "undefined synset &%s", name)
			return
		}
		vr.synsets[vr.synset] = append(vr.synsets[vr.synset], set...)
		return
	}
	plain := vr.synsetPlain || strings.HasSuffix(s, "_")
	w := words(s)
	if len(w) == 0 {
		vr.errorf(n, "empty synset member")
		return
	}
	if bad := strings.IndexAny(s, "+$%*^&[]{}()"); bad >= 0 {
		vr.errorf(n, "synset members are words only, got %q", s)
		return
	}
	w, _ = hyphenSplit(w)
	vr.synsets[vr.synset] = append(vr.synsets[vr.synset], w)
	if !plain {
		pl := append(append([]string(nil), w[:len(w)-1]...), regularPlural(w[len(w)-1]))
		vr.synsets[vr.synset] = append(vr.synsets[vr.synset], pl)
	}
}

// header reads "--- NAME [CODE] ---".
func (vr *verbReader) header(n int, s string) {
	vr.inBlock = true
	vr.blockCode, vr.blockRev = "---", ""
	body := strings.TrimSpace(strings.TrimPrefix(s, "---"))
	if inside, _, _, ok := bracket(body); ok {
		c, r, err := parseCode(inside)
		if err != nil {
			vr.errorf(n, "%v", err)
			return
		}
		vr.blockCode, vr.blockRev = c, r
	}
}

// flush turns the block read so far into patterns: every verb gets its own line and every pattern.
func (vr *verbReader) flush() {
	defer func() { vr.verbs, vr.pats, vr.inBlock = vr.verbs[:0], vr.pats[:0], false }()
	pats := make([]patEntry, 0, len(vr.pats))
	for _, p := range vr.pats {
		items, err := vr.expand(p.items)
		if err == nil {
			_, _, err = splitHead(items)
		}
		if err != nil {
			vr.errs = append(vr.errs, fmt.Errorf("%s: %w", p.where, err))
			continue
		}
		p.items = items
		pats = append(pats, p)
	}
	for _, v := range vr.verbs {
		code, rev := vr.blockCode, vr.blockRev
		if v.hasCode {
			code, rev = v.code, v.reverse
		}
		vr.emit(v, patEntry{code: code, reverse: rev, text: v.text, where: v.where, items: []item{{kind: '*'}}})
		for _, p := range pats {
			vr.emit(v, p)
		}
	}
}

// emit adds one pattern line (synsets expanded) for one verb.
func (vr *verbReader) emit(v verbEntry, p patEntry) {
	pat := buildPattern(v, p.items)
	pat.Code, pat.Reverse, pat.Where, pat.Text = p.code, p.reverse, p.where, p.text
	vr.lex.AddPattern(pat)
}

// expand replaces synset items by their members: the words of one-word members and the phrases of
// multi-word ones become the alternatives of one item.
func (vr *verbReader) expand(items []item) ([]item, error) {
	out := make([]item, 0, len(items))
	for _, it := range items {
		if it.kind != 's' {
			out = append(out, it)
			continue
		}
		members, ok := vr.synsets[it.alts[0]]
		if !ok {
			return nil, fmt.Errorf("undefined synset &%s", it.alts[0])
		}
		if len(members) == 0 {
			return nil, fmt.Errorf("synset &%s is empty", it.alts[0])
		}
		w := item{kind: 'w', joined: it.joined}
		for _, m := range members {
			if len(m) == 1 {
				w.alts = append(w.alts, m[0])
			} else {
				w.phrases = append(w.phrases, m)
			}
		}
		out = append(out, w)
	}
	return out, nil
}

// splitHead finds the one '*' of a pattern.
func splitHead(items []item) (before, after []item, err error) {
	head := -1
	for i, it := range items {
		if it.kind == '*' {
			if head >= 0 {
				return nil, nil, fmt.Errorf("two verbs (*) in one pattern")
			}
			head = i
		}
	}
	if head < 0 {
		return nil, nil, fmt.Errorf("pattern without * (the verb)")
	}
	return items[:head], items[head+1:], nil
}

func clone(items []item) []item { return append([]item(nil), items...) }

// buildPattern makes the lexicon pattern of verb v with the pattern items (exactly one '*', checked).
func buildPattern(v verbEntry, items []item) *lexicon.Pattern {
	pre, rest, _ := splitHead(items)
	head := len(pre)
	p := &lexicon.Pattern{Head: lexicon.KeyOf(v.head), Word: v.head}
	before := append(clone(pre), v.before...)
	if len(v.before) > 0 {
		// the pattern's word before the verb now comes before the verb's own first word
		before[head].joined = items[head].joined
		p.HeadAdjacent = true
	} else {
		p.HeadAdjacent = items[head].joined && head > 0
	}
	after := append(clone(v.after), rest...)
	p.Before = elems(before)
	p.After = elems(after)
	for _, e := range p.Before {
		if e.Kind == lexicon.Word {
			p.Words++
		}
	}
	for _, e := range p.After {
		if e.Kind == lexicon.Word {
			p.Words++
		}
	}
	return p
}

func elems(items []item) []lexicon.Elem {
	out := make([]lexicon.Elem, 0, len(items))
	for _, it := range items {
		e := lexicon.Elem{Adjacent: it.joined}
		switch it.kind {
		case '+':
			e.Kind = lexicon.Target
		case '$':
			e.Kind = lexicon.Source
		case '%':
			e.Kind = lexicon.Compound
		case '^':
			e.Kind = lexicon.Skip
		default:
			e.Kind = lexicon.Word
			for _, a := range it.alts {
				e.Alts = append(e.Alts, lexicon.KeyOf(a))
				e.Words = append(e.Words, a)
			}
			if len(it.phrases) > 0 {
				for _, a := range it.alts {
					e.Phrases = append(e.Phrases, []lexicon.Key{lexicon.KeyOf(a)})
				}
				for _, ph := range it.phrases {
					ks := make([]lexicon.Key, len(ph))
					for i, w := range ph {
						ks[i] = lexicon.KeyOf(w)
					}
					e.Phrases = append(e.Phrases, ks)
					last := ph[len(ph)-1]
					e.Alts = append(e.Alts, lexicon.KeyOf(last))
					e.Words = append(e.Words, strings.Join(ph, " "))
				}
			}
		}
		out = append(out, e)
	}
	return out
}

// parseCode reads "064", "---", "032:033", ":173" (only the reversed event).
func parseCode(s string) (code, reverse string, err error) {
	s = strings.Join(strings.Fields(s), "")
	code, reverse, _ = strings.Cut(s, ":")
	if code == "" {
		code = "---"
	}
	for _, c := range []string{code, reverse} {
		if len(c) > 8 {
			return "", "", fmt.Errorf("bad event code [%s]", s)
		}
		for _, r := range c {
			if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || strings.ContainsRune("-+#?", r)) {
				return "", "", fmt.Errorf("bad event code [%s]", s)
			}
		}
	}
	if reverse == "---" {
		reverse = ""
	}
	return code, reverse, nil
}

// lastCode cuts the final "[CODE]" off a line.
func lastCode(s string) (text, code string, ok bool) {
	i := strings.LastIndexByte(s, '[')
	if i < 0 {
		return s, "", false
	}
	j := strings.IndexByte(s[i:], ']')
	if j < 0 {
		return s, "", false
	}
	return s[:i], s[i+1 : i+j], true
}

// parsePatternLine reads the part of a pattern line after "-".
func parsePatternLine(s, where string) (patEntry, error) {
	text, code, ok := lastCode(s)
	if !ok {
		return patEntry{}, fmt.Errorf("pattern without [CODE]")
	}
	p := patEntry{text: strings.TrimSpace(text), where: where}
	var err error
	if p.code, p.reverse, err = parseCode(code); err != nil {
		return p, err
	}
	// PETRARCH-2 groups: "(PREP NOUN)" and "{NOUN PHRASE}" are the same words in order
	text = strings.NewReplacer("(", " ", ")", " ", "{", " ", "}", " ").Replace(text)
	if p.items, err = tokens(text); err != nil {
		return p, err
	}
	return p, nil
}

// tokens splits pattern text into items.
func tokens(text string) ([]item, error) {
	var out []item
	for _, tok := range strings.Fields(text) {
		// "*WORD" (a missing blank) is read as "* WORD"
		if len(tok) > 1 && strings.HasPrefix(tok, "*") && tok[1] != '_' {
			tok = "*_" + tok[1:]
			out = append(out, item{kind: '*'})
			tok = tok[2:]
		}
		parts := strings.Split(tok, "_")
		for j, part := range parts {
			joined := j > 0 && parts[j-1] != ""
			if part == "" {
				continue
			}
			switch {
			case part == "*" || part == "+" || part == "$" || part == "%":
				out = append(out, item{kind: part[0], joined: joined})
			case part == "^":
				out = append(out, item{kind: '^', joined: joined})
			case strings.HasPrefix(part, "&"):
				name := strings.TrimRight(strings.ToUpper(part[1:]), "_")
				if name == "" {
					return nil, fmt.Errorf("empty synset name in %q", tok)
				}
				out = append(out, item{kind: 's', alts: []string{name}, joined: joined})
			default:
				if strings.ContainsAny(part, "*+$%^&[]") {
					return nil, fmt.Errorf("bad pattern word %q", part)
				}
				alts := strings.Split(strings.ToLower(part), "/")
				// a hyphenated word is split like the tokenizer splits it ("anti-" → anti, -)
				if len(alts) == 1 {
					if ws, ok := hyphenSplit([]string{alts[0]}); ok {
						for k, w := range ws {
							out = append(out, item{kind: 'w', alts: []string{w}, joined: joined || k > 0})
						}
						continue
					}
				}
				var clean []string
				for _, a := range alts {
					if a != "" {
						clean = append(clean, a)
					}
				}
				if len(clean) == 0 {
					return nil, fmt.Errorf("bad pattern word %q", part)
				}
				out = append(out, item{kind: 'w', alts: clean, joined: joined})
			}
		}
	}
	return out, nil
}

// parseVerbLine reads "VERB {FORMS} [CODE]", "+CORDON_OFF {+CORDONED_OFF}", "WIRE_+TAP".
func parseVerbLine(s, where string) (verbEntry, error) {
	v := verbEntry{where: where}
	text, code, ok := lastCode(s)
	if ok {
		var err error
		if v.code, v.reverse, err = parseCode(code); err != nil {
			return v, err
		}
		v.hasCode = true
		s = text
	}
	var forms []string
	if a := strings.IndexByte(s, '{'); a >= 0 {
		b := strings.IndexByte(s[a:], '}')
		if b < 0 {
			return v, fmt.Errorf("unclosed { in verb line")
		}
		forms = strings.Fields(s[a+1 : a+b])
		s = s[:a] + " " + s[a+b+1:]
	}
	v.text = strings.TrimSpace(s)
	head, before, after, err := verbPhrase(v.text)
	if err != nil {
		return v, err
	}
	v.head, v.before, v.after = head, before, after
	for _, f := range forms {
		fh, _, _, err := verbPhrase(f)
		if err != nil {
			return v, fmt.Errorf("irregular form %q: %w", f, err)
		}
		v.forms = append(v.forms, fh)
	}
	return v, nil
}

// verbPhrase splits a verb phrase into its head (marked "+" or the first word) and the words around it.
func verbPhrase(s string) (head string, before, after []item, err error) {
	var parts []item
	plus := -1
	for _, tok := range strings.Fields(s) {
		for j, w := range strings.Split(tok, "_") {
			if w == "" {
				continue
			}
			if strings.HasPrefix(w, "+") {
				if plus >= 0 {
					return "", nil, nil, fmt.Errorf("two verbs marked + in %q", s)
				}
				plus = len(parts)
				w = w[1:]
			}
			w = strings.ToLower(w)
			if w == "" || strings.ContainsAny(w, "+*$%^&[]{}()") {
				return "", nil, nil, fmt.Errorf("bad verb %q", s)
			}
			parts = append(parts, item{kind: 'w', alts: []string{w}, joined: j > 0})
		}
	}
	if len(parts) == 0 {
		return "", nil, nil, fmt.Errorf("empty verb")
	}
	if plus < 0 {
		plus = 0
	}
	head = parts[plus].alts[0]
	before = parts[:plus]
	after = clone(parts[plus+1:])
	for i := range before {
		before[i].joined = i > 0
	}
	return head, before, after, nil
}
