package petrarch

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dyad-events/dyad/internal/lexicon"
)

// Files names the dictionary files of a PETRARCH configuration, relative to the folder they are in.
type Files struct {
	Verbs    []string
	Actors   []string
	Agents   []string
	Discards []string
}

// Load adds the named dictionary files of dir to lex. Every broken line is reported (as a
// lexicon.ErrorList of "file:line: reason"); the good lines are loaded all the same.
func Load(lex *lexicon.Lexicon, dir string, files Files) error {
	var errs lexicon.ErrorList
	read := func(names []string, fn func(*lexicon.Lexicon, string, io.Reader) []error) {
		for _, n := range names {
			p := filepath.Join(dir, n)
			f, err := os.Open(p)
			if err != nil {
				errs = append(errs, fmt.Errorf("petrarch dictionary: %w", err))
				continue
			}
			errs = append(errs, fn(lex, p, f)...)
			f.Close()
		}
	}
	// agents and actors do not depend on each other; verbs need nothing else
	read(files.Verbs, ReadVerbs)
	read(files.Actors, ReadActors)
	read(files.Agents, ReadAgents)
	read(files.Discards, ReadDiscards)
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// LoadDir loads the dictionaries of a PETRARCH dictionary folder, chosen by name: the verb file
// CAMEO.2.0.txt (else the one verb file *.verbs.txt or CAMEO*.txt), the actor files *actors.txt, the
// agent file *agents.txt and the discard file *discards.txt. Several verb files would each re-define
// the same verbs, so more than one candidate without CAMEO.2.0.txt is an error.
func LoadDir(lex *lexicon.Lexicon, dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("petrarch dictionaries: %w", err)
	}
	var files Files
	var verbs []string
	for _, e := range entries {
		n := e.Name()
		low := strings.ToLower(n)
		if e.IsDir() || !strings.HasSuffix(low, ".txt") {
			continue
		}
		switch {
		case strings.HasSuffix(low, "actors.txt"):
			files.Actors = append(files.Actors, n)
		case strings.HasSuffix(low, "agents.txt"):
			files.Agents = append(files.Agents, n)
		case strings.HasSuffix(low, "discards.txt"):
			files.Discards = append(files.Discards, n)
		case strings.HasSuffix(low, "verbs.txt"), strings.HasPrefix(low, "cameo"):
			verbs = append(verbs, n)
		}
	}
	sort.Strings(verbs)
	switch {
	case contains(verbs, "CAMEO.2.0.txt"):
		files.Verbs = []string{"CAMEO.2.0.txt"}
	case len(verbs) == 1:
		files.Verbs = verbs
	case len(verbs) > 1:
		return fmt.Errorf("petrarch dictionaries %s: several verb files (%s); name one CAMEO.2.0.txt or keep one", dir, strings.Join(verbs, ", "))
	}
	if len(files.Verbs)+len(files.Actors) == 0 {
		return errors.New("petrarch dictionaries " + dir + ": no verb or actor files (*.verbs.txt, CAMEO*.txt, *actors.txt)")
	}
	// several agent or discard files: Phoenix and validation sets would mix; prefer Phoenix's
	files.Agents = preferPhoenix(files.Agents)
	files.Discards = preferPhoenix(files.Discards)
	files.Actors = preferPhoenixAll(files.Actors)
	return Load(lex, dir, files)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// preferPhoenix keeps the Phoenix file when a folder holds several of one kind.
func preferPhoenix(names []string) []string {
	if len(names) <= 1 {
		return names
	}
	for _, n := range names {
		if strings.HasPrefix(n, "Phoenix.") {
			return []string{n}
		}
	}
	sort.Strings(names)
	return names[:1]
}

// preferPhoenixAll keeps all Phoenix actor files when there are any, else all.
func preferPhoenixAll(names []string) []string {
	var ph []string
	for _, n := range names {
		if strings.HasPrefix(n, "Phoenix.") {
			ph = append(ph, n)
		}
	}
	if len(ph) > 0 {
		sort.Strings(ph)
		return ph
	}
	sort.Strings(names)
	return names
}
