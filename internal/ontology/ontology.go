package ontology

import (
	"cmp"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/*.tsv
var dataFS embed.FS

// Quad classes of CAMEO codes and PLOVER types.
const (
	VerbalCooperation   = 1
	MaterialCooperation = 2
	VerbalConflict      = 3
	MaterialConflict    = 4
)

// Kinds of Country.
const (
	KindCountry      = "country"       // officially assigned ISO 3166-1 code
	KindHistoric     = "historic"      // a former state's code, still met in older event data
	KindUserAssigned = "user-assigned" // in common use without ISO assignment (XKX, Kosovo)
	KindRegion       = "region"        // a CAMEO regional grouping (MEA, WAF, WST)
	KindSpecial      = "special"       // a CAMEO code for an entity without an ISO code (KOS)
)

// Event is one CAMEO event code with its weights and its PLOVER equivalent.
type Event struct {
	Code        string  // "042"; the leading zero is part of the code
	Name        string  // official CAMEO name: "Make a visit"
	Root        string  // the two-digit root: "04"
	Description string  // one-line gloss
	Quad        int     // quad class, 1-4
	Goldstein   float64 // Goldstein-scale weight, -10 to +10
	PLOVER      string  // PLOVER type, or "" where PLOVER has no counterpart (most 01 codes)
	Mode        string  // PLOVER mode, or "" when none applies
}

// PLOVERType is one PLOVER event type and its modes.
type PLOVERType struct {
	Name       string // "CONSULT"
	Quad       int    // quad class, 1-4
	Definition string
	Modes      []PLOVERMode // in codebook order; empty for types without modes
}

// PLOVERMode is one mode of a PLOVER type.
type PLOVERMode struct {
	Name       string // "visit"
	Definition string
}

// Country is a code that can stand first in an actor code: an ISO 3166-1 alpha-3 country code or a
// CAMEO region, special or historic code.
type Country struct {
	Code   string // "USA", "MEA"
	ISO2   string // ISO 3166-1 alpha-2, "" for CAMEO-only codes
	Name   string // English name
	Kind   string // one of the Kind constants
	Region string // continent of an ISO code, "" for CAMEO-only codes
}

// Agent is a CAMEO agent code: the groups after the country in "USAGOV", "AFGINS".
type Agent struct {
	Code string // "GOV"
	Name string // "Government"
	Kind string // state, nonstate, sector, transnational, attribute or religion
}

// IGO is an intergovernmental organisation that dyad codes as an actor head.
type IGO struct {
	Code    string // the actor code dyad writes: "IGOUNOWHO"
	Key     string // the organisation's own group, last in Code: "WHO"
	Acronym string // "WHO"
	Name    string // "World Health Organization"
}

// Ontology is the loaded set of tables. It is immutable and safe for concurrent use.
type Ontology struct {
	events    map[string]Event
	codes     []string // event codes, sorted
	plover    []PLOVERType
	countries map[string]Country
	ccodes    []string // country codes, sorted
	agents    map[string]Agent
	igos      map[string]IGO    // by code
	igoKeys   map[string]string // key -> code
}

// Data files, relative to the embedded data directory.
const (
	fileEvents    = "data/cameo.tsv"
	filePLOVER    = "data/plover.tsv"
	fileMapping   = "data/cameo_plover.tsv"
	fileCountries = "data/countries.tsv"
	fileRegions   = "data/regions.tsv"
	fileAgents    = "data/agents.tsv"
	fileIGOs      = "data/igos.tsv"
)

// loadDefault is the process-wide Ontology; the embedded files never change, so one load suffices.
var loadDefault = sync.OnceValues(Load)

// Default returns the Ontology built from the embedded tables, loading it on first use. Every call
// returns the same value.
func Default() (*Ontology, error) { return loadDefault() }

// Load reads the embedded tables and checks that they are well formed and refer to each other
// consistently.
func Load() (*Ontology, error) { return load(dataFS) }

// load builds an Ontology from the data files in fsys.
func load(fsys fs.FS) (*Ontology, error) {
	o := &Ontology{}
	var err error
	read := func(name string, parse func(io.Reader) error) {
		if err != nil {
			return
		}
		var f fs.File
		if f, err = fsys.Open(name); err != nil {
			err = fmt.Errorf("ontology: %w", err)
			return
		}
		defer f.Close() // read-only: a failed close loses nothing
		if perr := parse(f); perr != nil {
			err = fmt.Errorf("ontology: %s: %w", name, perr)
		}
	}
	var events []Event
	var mapping []mappingRow
	var countries, regions []Country
	var agents []Agent
	var igos []IGO
	read(fileEvents, func(r io.Reader) (e error) { events, e = parseEvents(r); return })
	read(filePLOVER, func(r io.Reader) (e error) { o.plover, e = parsePLOVER(r); return })
	read(fileMapping, func(r io.Reader) (e error) { mapping, e = parseMapping(r); return })
	read(fileCountries, func(r io.Reader) (e error) { countries, e = parseCountries(r); return })
	read(fileRegions, func(r io.Reader) (e error) { regions, e = parseRegions(r); return })
	read(fileAgents, func(r io.Reader) (e error) { agents, e = parseAgents(r); return })
	read(fileIGOs, func(r io.Reader) (e error) { igos, e = parseIGOs(r); return })
	if err != nil {
		return nil, err
	}
	if err := o.index(events, mapping, countries, regions, agents, igos); err != nil {
		return nil, fmt.Errorf("ontology: %w", err)
	}
	return o, nil
}

// index fills the lookup maps and checks references between the tables.
func (o *Ontology) index(events []Event, mapping []mappingRow, countries, regions []Country, agents []Agent, igos []IGO) error {
	o.events = make(map[string]Event, len(events))
	for _, e := range events {
		if _, dup := o.events[e.Code]; dup {
			return fmt.Errorf("%s: event code %s listed twice", fileEvents, e.Code)
		}
		o.events[e.Code] = e
		o.codes = append(o.codes, e.Code)
	}
	slices.Sort(o.codes)

	seen := make(map[string]bool, len(mapping))
	for _, m := range mapping {
		e, ok := o.events[m.code]
		if !ok {
			return fmt.Errorf("%s: line %d: unknown CAMEO code %s", fileMapping, m.line, m.code)
		}
		if seen[m.code] {
			return fmt.Errorf("%s: line %d: CAMEO code %s mapped twice", fileMapping, m.line, m.code)
		}
		seen[m.code] = true
		if m.typ == "" && m.mode != "" {
			return fmt.Errorf("%s: line %d: mode %q without a type", fileMapping, m.line, m.mode)
		}
		if m.typ != "" && !o.validPLOVER(m.typ, m.mode) {
			return fmt.Errorf("%s: line %d: %s %q is not a PLOVER type and mode", fileMapping, m.line, m.typ, m.mode)
		}
		e.PLOVER, e.Mode = m.typ, m.mode
		o.events[m.code] = e
	}

	o.countries = make(map[string]Country, len(countries)+len(regions))
	for _, c := range slices.Concat(countries, regions) {
		if _, dup := o.countries[c.Code]; dup {
			return fmt.Errorf("country code %s listed twice", c.Code)
		}
		o.countries[c.Code] = c
		o.ccodes = append(o.ccodes, c.Code)
	}
	slices.Sort(o.ccodes)

	o.agents = make(map[string]Agent, len(agents))
	for _, a := range agents {
		if _, dup := o.agents[a.Code]; dup {
			return fmt.Errorf("%s: agent code %s listed twice", fileAgents, a.Code)
		}
		o.agents[a.Code] = a
	}

	o.igos = make(map[string]IGO, len(igos))
	o.igoKeys = make(map[string]string, len(igos))
	for _, g := range igos {
		if _, dup := o.igos[g.Code]; dup {
			return fmt.Errorf("%s: IGO code %s listed twice", fileIGOs, g.Code)
		}
		if other, dup := o.igoKeys[g.Key]; dup {
			return fmt.Errorf("%s: IGO key %s used by %s and %s", fileIGOs, g.Key, other, g.Code)
		}
		// ParseActor skips region and agent groups after IGO, so a key that is one would be skipped.
		if _, ok := o.agents[g.Key]; ok {
			return fmt.Errorf("%s: IGO key %s of %s is also an agent code", fileIGOs, g.Key, g.Code)
		}
		if c, ok := o.countries[g.Key]; ok && c.Kind == KindRegion {
			return fmt.Errorf("%s: IGO key %s of %s is also a region code", fileIGOs, g.Key, g.Code)
		}
		o.igos[g.Code] = g
		o.igoKeys[g.Key] = g.Code
	}
	return nil
}

// validPLOVER reports whether typ is a PLOVER type and mode is "" or one of its modes.
func (o *Ontology) validPLOVER(typ, mode string) bool {
	t, ok := o.PLOVERType(typ)
	if !ok {
		return false
	}
	return mode == "" || slices.ContainsFunc(t.Modes, func(m PLOVERMode) bool { return m.Name == mode })
}

// Event returns the CAMEO event with the given code. Codes are matched exactly as strings, with no
// numeric coercion: "10" is the root DEMAND and "010" a public statement, so "42" does not find "042".
func (o *Ontology) Event(code string) (Event, bool) {
	e, ok := o.events[code]
	return e, ok
}

// Events returns every CAMEO event, sorted by code as strings, so each root comes just before its
// sub-codes.
func (o *Ontology) Events() []Event {
	out := make([]Event, len(o.codes))
	for i, c := range o.codes {
		out[i] = o.events[c]
	}
	return out
}

// Root returns the root (two-digit) event of a known code; the root of a root is itself.
func (o *Ontology) Root(code string) (Event, bool) {
	e, ok := o.events[code]
	if !ok {
		return Event{}, false
	}
	r, ok := o.events[e.Root]
	return r, ok
}

// PLOVERTypes returns the PLOVER event types in codebook order, each with its modes.
func (o *Ontology) PLOVERTypes() []PLOVERType {
	out := make([]PLOVERType, len(o.plover))
	for i, t := range o.plover {
		t.Modes = slices.Clone(t.Modes)
		out[i] = t
	}
	return out
}

// PLOVERType returns the PLOVER type with the given name ("ASSAULT").
func (o *Ontology) PLOVERType(name string) (PLOVERType, bool) {
	for _, t := range o.plover {
		if t.Name == name {
			t.Modes = slices.Clone(t.Modes)
			return t, true
		}
	}
	return PLOVERType{}, false
}

// Country returns the country, region or other CAMEO head code, e.g. "USA", "PSE", "MEA", "KOS".
func (o *Ontology) Country(code string) (Country, bool) {
	c, ok := o.countries[code]
	return c, ok
}

// Countries returns every country, region and other head code, sorted by code.
func (o *Ontology) Countries() []Country {
	out := make([]Country, len(o.ccodes))
	for i, c := range o.ccodes {
		out[i] = o.countries[c]
	}
	return out
}

// Agent returns the agent code, e.g. "GOV", "SPY", "SUN".
func (o *Ontology) Agent(code string) (Agent, bool) {
	a, ok := o.agents[code]
	return a, ok
}

// IGO returns an intergovernmental organisation by its actor code ("IGOUNOWHO") or by its key ("WHO").
func (o *Ontology) IGO(code string) (IGO, bool) {
	if g, ok := o.igos[code]; ok {
		return g, true
	}
	if full, ok := o.igoKeys[code]; ok {
		return o.igos[full], true
	}
	return IGO{}, false
}

// IGOs returns every intergovernmental organisation, sorted by code.
func (o *Ontology) IGOs() []IGO {
	out := make([]IGO, 0, len(o.igos))
	for _, g := range o.igos {
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b IGO) int { return cmp.Compare(a.Code, b.Code) })
	return out
}

// parseEvents reads cameo.tsv: code, quad, goldstein, name, description.
func parseEvents(r io.Reader) ([]Event, error) {
	var out []Event
	err := readTable(r, 5, func(_ int, f []string) error {
		code := f[0]
		if len(code) < 2 || len(code) > 4 || !isDigits(code) {
			return fmt.Errorf("event code %q is not 2 to 4 digits", code)
		}
		quad, err := parseQuad(f[1])
		if err != nil {
			return err
		}
		g, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return fmt.Errorf("goldstein %q: %w", f[2], err)
		}
		if math.IsNaN(g) || math.IsInf(g, 0) {
			return fmt.Errorf("goldstein %q is not a finite number", f[2])
		}
		out = append(out, Event{Code: code, Root: code[:2], Quad: quad, Goldstein: g, Name: f[3], Description: f[4]})
		return nil
	})
	return out, err
}

// parseQuad reads a quad class, 1 to 4.
func parseQuad(s string) (int, error) {
	if len(s) != 1 || s[0] < '1' || s[0] > '4' {
		return 0, fmt.Errorf("quad class %q is not 1 to 4", s)
	}
	return int(s[0] - '0'), nil
}

// parsePLOVER reads plover.tsv: type, mode ("-" on the type's own line), quad ("-" on mode lines),
// definition.
func parsePLOVER(r io.Reader) ([]PLOVERType, error) {
	var out []PLOVERType
	err := readTable(r, 4, func(_ int, f []string) error {
		name, mode, quad, def := f[0], f[1], f[2], f[3]
		if strings.ToUpper(name) != name {
			return fmt.Errorf("PLOVER type %q is not upper case", name)
		}
		if mode == none {
			q, err := parseQuad(quad)
			if err != nil {
				return err
			}
			if slices.ContainsFunc(out, func(t PLOVERType) bool { return t.Name == name }) {
				return fmt.Errorf("PLOVER type %s defined twice", name)
			}
			out = append(out, PLOVERType{Name: name, Quad: q, Definition: def})
			return nil
		}
		if quad != none {
			return fmt.Errorf("mode %s %s: quad %q on a mode line, want %q", name, mode, quad, none)
		}
		if len(out) == 0 || out[len(out)-1].Name != name {
			return fmt.Errorf("mode %s %s does not follow its type's line", name, mode)
		}
		t := &out[len(out)-1]
		if slices.ContainsFunc(t.Modes, func(m PLOVERMode) bool { return m.Name == mode }) {
			return fmt.Errorf("mode %s %s defined twice", name, mode)
		}
		t.Modes = append(t.Modes, PLOVERMode{Name: mode, Definition: def})
		return nil
	})
	return out, err
}

// mappingRow is one line of cameo_plover.tsv.
type mappingRow struct {
	code, typ, mode string
	line            int
}

// parseMapping reads cameo_plover.tsv: code, type, mode, with "-" for none.
func parseMapping(r io.Reader) ([]mappingRow, error) {
	var out []mappingRow
	err := readTable(r, 3, func(line int, f []string) error {
		out = append(out, mappingRow{code: f[0], typ: optional(f[1]), mode: optional(f[2]), line: line})
		return nil
	})
	return out, err
}

// parseCountries reads countries.tsv: alpha3, alpha2, numeric, kind, region, name.
func parseCountries(r io.Reader) ([]Country, error) {
	var out []Country
	err := readTable(r, 6, func(_ int, f []string) error {
		if !isUpper3(f[0]) {
			return fmt.Errorf("alpha-3 code %q is not three capital letters", f[0])
		}
		if len(f[1]) != 2 || !isUpper(f[1][0]) || !isUpper(f[1][1]) {
			return fmt.Errorf("alpha-2 code %q is not two capital letters", f[1])
		}
		if len(f[2]) != 3 || !isDigits(f[2]) {
			return fmt.Errorf("numeric code %q is not three digits", f[2])
		}
		switch f[3] {
		case KindCountry, KindHistoric, KindUserAssigned:
		default:
			return fmt.Errorf("country kind %q unknown", f[3])
		}
		out = append(out, Country{Code: f[0], ISO2: f[1], Kind: f[3], Region: f[4], Name: f[5]})
		return nil
	})
	return out, err
}

// parseRegions reads regions.tsv: code, kind, name.
func parseRegions(r io.Reader) ([]Country, error) {
	var out []Country
	err := readTable(r, 3, func(_ int, f []string) error {
		if !isUpper3(f[0]) {
			return fmt.Errorf("code %q is not three capital letters", f[0])
		}
		switch f[1] {
		case KindRegion, KindSpecial, KindHistoric:
		default:
			return fmt.Errorf("region kind %q unknown", f[1])
		}
		out = append(out, Country{Code: f[0], Kind: f[1], Name: f[2]})
		return nil
	})
	return out, err
}

// agentKinds are the kinds an agent line may have.
var agentKinds = []string{"state", "nonstate", "sector", "transnational", "attribute", "religion"}

// parseAgents reads agents.tsv: code, kind, name.
func parseAgents(r io.Reader) ([]Agent, error) {
	var out []Agent
	err := readTable(r, 3, func(_ int, f []string) error {
		if !isUpper3(f[0]) {
			return fmt.Errorf("agent code %q is not three capital letters", f[0])
		}
		if !slices.Contains(agentKinds, f[1]) {
			return fmt.Errorf("agent kind %q unknown", f[1])
		}
		out = append(out, Agent{Code: f[0], Kind: f[1], Name: f[2]})
		return nil
	})
	return out, err
}

// parseIGOs reads igos.tsv: code, acronym, name.
func parseIGOs(r io.Reader) ([]IGO, error) {
	var out []IGO
	err := readTable(r, 3, func(_ int, f []string) error {
		code := f[0]
		if len(code) < 6 || len(code)%3 != 0 || !strings.HasPrefix(code, "IGO") {
			return fmt.Errorf("IGO code %q is not IGO followed by 3-letter groups", code)
		}
		for i := 3; i < len(code); i += 3 {
			if !isUpper3(code[i : i+3]) {
				return fmt.Errorf("IGO code %q has a group that is not three capital letters", code)
			}
		}
		out = append(out, IGO{Code: code, Key: code[len(code)-3:], Acronym: f[1], Name: f[2]})
		return nil
	})
	return out, err
}
