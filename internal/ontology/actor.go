package ontology

import (
	"errors"
	"fmt"
)

// Errors returned by ParseActor, wrapped with the offending code.
var (
	ErrActorSyntax = errors.New("actor code is not 3-letter groups")
	ErrUnknownHead = errors.New("actor code starts with no known country, region, IGO or agent")
)

// maxActorLen bounds an actor code; real codes have at most six groups.
const maxActorLen = 60

// ActorCode is a CAMEO actor code split into its parts.
type ActorCode struct {
	// Country is the ISO 3166-1 alpha-3 or CAMEO region/special code of the actor, or "" when the
	// code names none (IGO codes, bare agent codes such as "REB").
	Country string
	// IGO reports that the code is headed by IGO: an intergovernmental organisation.
	IGO bool
	// Org is the organisation's key for an IGO code: "UNO" for IGOUNO, "WHO" for IGOUNOWHO and
	// IGOUNOHLHWHO, "EEC" for IGOEEC and IGOEUREEC. "" otherwise.
	Org string
	// Agents are the remaining 3-letter groups in order: ["GOV", "MIL"] for USAGOVMIL. Groups that
	// are not agent codes, such as named-group codes ("TAL" in AFGINSTAL), are kept as they are.
	Agents []string
}

// ParseActor splits a composite CAMEO actor code using the Default tables. See Ontology.ParseActor.
func ParseActor(code string) (ActorCode, error) {
	o, err := Default()
	if err != nil {
		return ActorCode{}, err
	}
	return o.ParseActor(code)
}

// ParseActor splits a composite CAMEO actor code into country, organisation and agent groups.
// Letters may be of either case. The rules, by the first group:
//
//   - a country, region, special or historic code: that is the Country, the rest are Agents
//     (USAGOVMIL -> USA [GOV MIL]; AFGINSTAL -> AFG [INS TAL]);
//   - IGO: after an optional UNO (the United Nations system), region and agent groups are
//     qualifiers CAMEO dictionaries insert before the organisation's key; the first group that is a
//     known key is Org and the groups after it are Agents (IGOUNOHLHWHO -> WHO; IGOEUREEC -> EEC;
//     IGONATMIL -> NAT [MIL]). With no known key, Org is UNO after UNO, else the group after IGO;
//   - NGO, NGM or MNC: the head is the first agent, and a country or region right after it is the
//     Country (MNCUSA -> USA [MNC]; NGOHRIAMN -> [NGO HRI AMN]);
//   - another agent code: no Country, every group is an agent (REB, CVLOPP).
//
// Anything else is an error wrapping ErrActorSyntax or ErrUnknownHead.
func (o *Ontology) ParseActor(code string) (ActorCode, error) {
	if len(code) == 0 || len(code)%3 != 0 || len(code) > maxActorLen {
		return ActorCode{}, fmt.Errorf("%w: %q has length %d", ErrActorSyntax, code, len(code))
	}
	lower := false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case isUpper(c):
		case c >= 'a' && c <= 'z':
			lower = true
		default:
			return ActorCode{}, fmt.Errorf("%w: %q has a character other than a letter", ErrActorSyntax, code)
		}
	}
	if lower {
		code = upperASCII(code) // the only allocation on this path; codes normally arrive upper case
	}
	n := len(code) / 3
	group := func(i int) string { return code[3*i : 3*i+3] }
	rest := func(from int) []string {
		if from >= n {
			return nil
		}
		out := make([]string, 0, n-from)
		for i := from; i < n; i++ {
			out = append(out, group(i))
		}
		return out
	}

	head := group(0)
	switch {
	case head == "IGO":
		return o.parseIGO(n, group, rest), nil
	case o.isCountry(head):
		return ActorCode{Country: head, Agents: rest(1)}, nil
	case head == "NGO" || head == "NGM" || head == "MNC":
		if n > 1 && o.isCountry(group(1)) {
			agents := make([]string, 0, n-1)
			agents = append(agents, head)
			for i := 2; i < n; i++ {
				agents = append(agents, group(i))
			}
			return ActorCode{Country: group(1), Agents: agents}, nil
		}
		return ActorCode{Agents: rest(0)}, nil
	default:
		if _, ok := o.agents[head]; ok {
			return ActorCode{Agents: rest(0)}, nil
		}
	}
	return ActorCode{}, fmt.Errorf("%w: %q", ErrUnknownHead, code)
}

// parseIGO applies the IGO rule of ParseActor to a code of n groups whose first is IGO.
func (o *Ontology) parseIGO(n int, group func(int) string, rest func(int) []string) ActorCode {
	a := ActorCode{IGO: true}
	i := 1
	un := i < n && group(i) == "UNO"
	if un {
		i++
	}
	for j := i; j < n; j++ {
		g := group(j)
		if _, ok := o.igoKeys[g]; ok {
			a.Org, a.Agents = g, rest(j+1)
			return a
		}
		if !o.isQualifier(g) {
			break
		}
	}
	switch {
	case un:
		a.Org, a.Agents = "UNO", rest(i)
	case n > 1:
		a.Org, a.Agents = group(1), rest(2)
	}
	return a
}

// isCountry reports whether g may head an actor code as its country: an ISO code or a CAMEO region,
// special or historic code.
func (o *Ontology) isCountry(g string) bool {
	_, ok := o.countries[g]
	return ok
}

// isQualifier reports whether g is a region or agent group that CAMEO may put between IGO and an
// organisation's key.
func (o *Ontology) isQualifier(g string) bool {
	if c, ok := o.countries[g]; ok && c.Kind == KindRegion {
		return true
	}
	_, ok := o.agents[g]
	return ok
}

// upperASCII upper-cases ASCII letters; the caller has checked that s holds nothing else.
func upperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}
