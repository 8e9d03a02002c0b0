package petrarch

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/lexicon"
)

// actorEntry is one record of an actor file being read: its names and codes.
type actorEntry struct {
	names [][]string
	actor *lexicon.Actor
}

// ReadActors adds the actors of a PETRARCH/TABARI actor file; name prefixes messages. It returns one error
// per broken line ("file:line: reason").
func ReadActors(lex *lexicon.Lexicon, name string, r io.Reader) []error {
	lr := newLineReader(r, name)
	var errs []error
	var cur *actorEntry
	flush := func() {
		if cur == nil {
			return
		}
		a := cur.actor
		switch {
		case len(a.Dated) > 0:
			a.Kind = "person" // dated roles are people's in these files
		case a.Code == "---" || a.Code == "":
			a.Kind = "group"
		case strings.HasPrefix(a.Code, "IGO"):
			a.Kind = "igo"
		case len(a.Code) == 3:
			a.Kind = "country"
		case strings.HasPrefix(a.Code, "NGO"), strings.HasPrefix(a.Code, "NGM"), strings.HasPrefix(a.Code, "MNC"):
			a.Kind = "org"
		default:
			a.Kind = "group"
		}
		var all [][]string
		for _, n := range cur.names {
			all = append(all, n)
			if split, ok := hyphenSplit(n); ok {
				all = append(all, split)
			}
		}
		lex.AddActor(a, all)
		cur = nil
	}
	for {
		n, line, ok := lr.next()
		if !ok {
			break
		}
		where := fmt.Sprintf("%s:%d", name, n)
		trimmed := strings.TrimSpace(line)
		switch {
		case line[0] == ' ' || line[0] == '\t' || trimmed[0] == '[':
			// a date restriction (or a code) for the record above
			if cur == nil {
				errs = append(errs, fmt.Errorf("%s: code line without an actor above it", where))
				continue
			}
			if err := addCodes(cur.actor, trimmed); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", where, err))
			}
		case trimmed[0] == '+':
			if cur == nil {
				errs = append(errs, fmt.Errorf("%s: synonym without an actor above it", where))
				continue
			}
			phrase, rest := splitCode(trimmed[1:])
			w := words(phrase)
			if len(w) == 0 {
				errs = append(errs, fmt.Errorf("%s: empty synonym", where))
				continue
			}
			cur.names = append(cur.names, w)
			if rest != "" {
				if err := addCodes(cur.actor, rest); err != nil {
					errs = append(errs, fmt.Errorf("%s: %w", where, err))
				}
			}
		default:
			flush()
			phrase, rest := splitCode(trimmed)
			w := words(phrase)
			if len(w) == 0 {
				errs = append(errs, fmt.Errorf("%s: no actor name", where))
				continue
			}
			cur = &actorEntry{names: [][]string{w}, actor: &lexicon.Actor{Name: strings.Join(w, " "), Where: where}}
			if rest != "" {
				if err := addCodes(cur.actor, rest); err != nil {
					errs = append(errs, fmt.Errorf("%s: %w", where, err))
				}
			}
		}
	}
	flush()
	return append(errs, lr.errs...)
}

// splitCode cuts a line into the phrase and the "[...]" part that follows it ("" when none).
func splitCode(s string) (phrase, codes string) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i:])
}

// addCodes reads one or more "[CODE restriction]" groups into a.
func addCodes(a *lexicon.Actor, s string) error {
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		inside, before, after, ok := bracket(s)
		if !ok || strings.TrimSpace(before) != "" {
			return fmt.Errorf("want [CODE] or [CODE restriction], got %q", s)
		}
		code, restr, _ := strings.Cut(inside, " ")
		code = strings.ToUpper(strings.TrimSpace(code))
		if !validActorCode(code) {
			return fmt.Errorf("bad actor code %q", code)
		}
		restr = strings.TrimSpace(restr)
		if restr == "" {
			a.Code = code
		} else {
			d, err := parseRestriction(restr)
			if err != nil {
				return err
			}
			d.Code = code
			a.Dated = append(a.Dated, d)
		}
		s = after
	}
	return nil
}

// validActorCode accepts letters, digits and the TABARI null and compound marks ("---", "ELR/GAL").
func validActorCode(c string) bool {
	if len(c) < 3 || len(c) > 40 {
		return false
	}
	for _, r := range c {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '/' || r == '+' || r == '#') {
			return false
		}
	}
	return true
}

// parseRestriction reads "<date", ">date" or "date-date" (bounds included).
func parseRestriction(s string) (lexicon.Dated, error) {
	var d lexicon.Dated
	var err error
	s = strings.ReplaceAll(s, " ", "")
	switch {
	case strings.HasPrefix(s, "<"):
		d.To, err = parseDate(s[1:])
	case strings.HasPrefix(s, ">"):
		d.From, err = parseDate(s[1:])
	default:
		from, to, ok := strings.Cut(s, "-")
		if !ok {
			return d, fmt.Errorf("bad date restriction %q (want <date, >date or date-date)", s)
		}
		if d.From, err = parseDate(from); err == nil {
			d.To, err = parseDate(to)
		}
		if err == nil && d.To.Before(d.From) {
			err = fmt.Errorf("date restriction %q ends before it starts", s)
		}
	}
	return d, err
}

// parseDate reads YYYYMMDD or YYMMDD; a two-digit year below 30 is in the 2000s (TABARI's convention for
// files written before 2030).
func parseDate(s string) (time.Time, error) {
	if len(s) != 6 && len(s) != 8 {
		return time.Time{}, fmt.Errorf("bad date %q (want YYYYMMDD or YYMMDD)", s)
	}
	if _, err := strconv.Atoi(s); err != nil {
		return time.Time{}, fmt.Errorf("bad date %q (want YYYYMMDD or YYMMDD)", s)
	}
	if len(s) == 6 {
		if s[:2] < "30" {
			s = "20" + s
		} else {
			s = "19" + s
		}
	}
	t, err := time.Parse("20060102", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad date %q: %w", s, err)
	}
	return t, nil
}
