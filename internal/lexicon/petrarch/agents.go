package petrarch

import (
	"fmt"
	"io"
	"strings"

	"github.com/dyad-events/dyad/internal/lexicon"
)

// ReadAgents adds the agents of a PETRARCH agent file ("PHRASE {PLURAL} [~CODE]", "!SET! = a, b").
func ReadAgents(lex *lexicon.Lexicon, name string, r io.Reader) []error {
	lr := newLineReader(r, name)
	var errs []error
	subst := make(map[string][]string) // !NAME! → replacements
	for {
		n, line, ok := lr.next()
		if !ok {
			break
		}
		where := fmt.Sprintf("%s:%d", name, n)
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "!") {
			if label, list, ok := strings.Cut(line, "="); ok {
				label = strings.TrimSpace(label)
				if len(label) < 3 || !strings.HasSuffix(label, "!") || strings.Count(label, "!") != 2 {
					errs = append(errs, fmt.Errorf("%s: want \"!NAME! = word, word\"", where))
					continue
				}
				var set []string
				for _, w := range strings.Split(list, ",") {
					if w = strings.ToLower(strings.Join(strings.Fields(w), "")); w != "" {
						set = append(set, w)
					}
				}
				if len(set) == 0 {
					errs = append(errs, fmt.Errorf("%s: substitution set %s is empty", where, label))
					continue
				}
				subst[strings.ToUpper(label)] = set
				continue
			}
		}
		if err := addAgentLine(lex, line, where, subst); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", where, err))
		}
	}
	return append(errs, lr.errs...)
}

func addAgentLine(lex *lexicon.Lexicon, line, where string, subst map[string][]string) error {
	i := strings.LastIndexByte(line, '[')
	j := strings.LastIndexByte(line, ']')
	if i < 0 || j < i {
		return fmt.Errorf("want \"PHRASE [~CODE]\", no [code] in %q", line)
	}
	code := strings.ToUpper(strings.Join(strings.Fields(line[i+1:j]), ""))
	head := line[:i]
	ag := &lexicon.Agent{Where: where}
	switch {
	case strings.HasPrefix(code, "~"):
		code = code[1:]
	case strings.HasSuffix(code, "~"):
		code = code[:len(code)-1]
		ag.Prefix = true
	default:
		return fmt.Errorf("agent code %q needs a ~ before (appended) or after (prefixed)", line[i:j+1])
	}
	if code == "" || len(code)%3 != 0 || !validActorCode(code) || strings.ContainsAny(code, "-/+#~") {
		return fmt.Errorf("agent code %q is not three-letter groups", code)
	}
	for k := 0; k < len(code); k += 3 {
		ag.Codes = append(ag.Codes, code[k:k+3])
	}
	// the plural: "{PLURAL}", "{}" for none, or regular
	plural, explicit := "", false
	if a := strings.IndexByte(head, '{'); a >= 0 {
		b := strings.IndexByte(head[a:], '}')
		if b < 0 {
			return fmt.Errorf("unclosed { in %q", line)
		}
		plural, explicit = strings.TrimSpace(head[a+1:a+b]), true
		head = head[:a] + " " + head[a+b+1:]
	}
	head = strings.TrimSpace(head)
	if head == "" {
		return fmt.Errorf("no agent phrase before %q", line[i:])
	}
	forms, substituted, err := expandSubst(head, subst)
	if err != nil {
		return err
	}
	ag.Word = strings.Join(words(forms[0]), " ")
	for _, f := range forms {
		w := words(f)
		if len(w) == 0 {
			continue
		}
		lex.AddAgent(ag, w)
		if substituted {
			continue // substitutions are written out in full, plurals included
		}
		switch {
		case explicit && plural != "":
			lex.AddAgent(ag, words(plural))
		case !explicit:
			pl := append(append([]string(nil), w[:len(w)-1]...), regularPlural(w[len(w)-1]))
			lex.AddAgent(ag, pl)
		}
	}
	return nil
}

// expandSubst replaces every !NAME! in a phrase by each member of its set.
func expandSubst(phrase string, subst map[string][]string) ([]string, bool, error) {
	out := []string{phrase}
	used := false
	for k := 0; k < 4; k++ { // a phrase uses at most a few markers
		a := strings.IndexByte(out[0], '!')
		if a < 0 {
			return out, used, nil
		}
		b := strings.IndexByte(out[0][a+1:], '!')
		if b < 0 {
			return nil, false, fmt.Errorf("unclosed ! in %q", phrase)
		}
		label := strings.ToUpper(out[0][a : a+b+2])
		set, ok := subst[label]
		if !ok {
			return nil, false, fmt.Errorf("undefined substitution set %s", label)
		}
		used = true
		var next []string
		for _, s := range out {
			i := strings.Index(strings.ToUpper(s), label)
			for _, m := range set {
				next = append(next, s[:i]+m+s[i+len(label):])
			}
		}
		out = next
	}
	return nil, false, fmt.Errorf("too many substitution markers in %q", phrase)
}

// regularPlural is PETRARCH's rule: +S, Y → IES after a consonant, S → +ES.
func regularPlural(w string) string {
	switch {
	case strings.HasSuffix(w, "s"):
		return w + "es"
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}

// ReadDiscards adds the phrases of a discard file: "+PHRASE" discards the story, "PHRASE" the sentence.
func ReadDiscards(lex *lexicon.Lexicon, name string, r io.Reader) []error {
	lr := newLineReader(r, name)
	var errs []error
	for {
		n, line, ok := lr.next()
		if !ok {
			break
		}
		where := fmt.Sprintf("%s:%d", name, n)
		d := lexicon.Discard{Where: where}
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "+") {
			d.Story = true
			line = line[1:]
		}
		w := words(line)
		if len(w) == 0 {
			errs = append(errs, fmt.Errorf("%s: empty discard phrase", where))
			continue
		}
		d.Text = strings.Join(w, " ")
		lex.AddDiscard(d, w)
		if split, ok := hyphenSplit(w); ok {
			lex.AddDiscard(d, split)
		}
	}
	return append(errs, lr.errs...)
}
