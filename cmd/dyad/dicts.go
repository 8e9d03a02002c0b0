package main

import (
	"fmt"
	"strings"

	"github.com/dyad-events/dyad/internal/lexicon"
)

// loadDicts builds a lexicon from --dict KIND:DIR flags on top of the built-in one; nil when there are none.
func loadDicts(specs []string) (*lexicon.Lexicon, error) {
	if len(specs) == 0 {
		return nil, nil
	}
	lex, err := lexicon.Builtin()
	if err != nil {
		return nil, err
	}
	for _, spec := range specs {
		kind, dir, ok := strings.Cut(spec, ":")
		if !ok || dir == "" {
			return nil, fmt.Errorf("--dict %q: want KIND:DIR, e.g. petrarch:./dictionaries", spec)
		}
		switch kind {
		case "dyad":
			err = lex.LoadDir(dir)
		case "petrarch":
			err = loadPetrarch(lex, dir)
		default:
			return nil, fmt.Errorf("--dict %q: unknown dictionary kind %q (known: dyad, petrarch)", spec, kind)
		}
		if err != nil {
			return nil, err
		}
	}
	return lex, nil
}
