package petrarch

import (
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// maxFile bounds a validation file.
const maxFile = 256 << 20

// Coding is one expected event.
type Coding struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Event  string `json:"event"`
}

func (c Coding) String() string { return c.Source + " " + c.Target + " " + c.Event }

// Record is one <Sentence>.
type Record struct {
	ID       string            `json:"id"`
	Category string            `json:"category"`
	Date     time.Time         `json:"date"`
	Enabled  bool              `json:"enabled"` // sentence="true"
	Text     string            `json:"text"`
	Codings  []Coding          `json:"codings"`
	NoEvents bool              `json:"noevents,omitempty"`
	Error    string            `json:"error,omitempty"`  // error="..." of an EventCoding
	Config   map[string]string `json:"config,omitempty"` // <Config> options in force, lower-case names
	Line     int               `json:"line"`
}

// Environment is the <Environment> of a validation file.
type Environment struct {
	Verbfile, Actorfile, Agentfile, Discardfile string
	Include                                     []string
	Config                                      map[string]string
}

// Dictionaries returns the file names the environment lists, split at commas and blanks (a file may name
// several actor files).
func (e Environment) Dictionaries() (verbs, actors, agents, discards []string) {
	split := func(s string) []string {
		return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' })
	}
	return split(e.Verbfile), split(e.Actorfile), split(e.Agentfile), split(e.Discardfile)
}

// File is a whole validation file.
type File struct {
	Name    string
	Env     Environment
	Records []Record
}

var (
	reComment  = regexp.MustCompile(`(?s)<!--.*?-->`)
	reItem     = regexp.MustCompile(`(?s)<Config\b([^>]*)>|<Sentence\b([^>]*)>(.*?)</Sentence\s*>|<Sentence\b`)
	reAttr     = regexp.MustCompile(`([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	reCoding   = regexp.MustCompile(`<EventCoding\b([^>]*)>`)
	reText     = regexp.MustCompile(`(?s)<Text>(.*?)</Text\s*>`)
	reEnv      = regexp.MustCompile(`(?s)<Environment>(.*?)</Environment\s*>`)
	reEnvField = regexp.MustCompile(`(?s)<(Verbfile|Actorfile|Agentfile|Discardfile|Include)>(.*?)</(?:Verbfile|Actorfile|Agentfile|Discardfile|Include)\s*>`)
)

// Read reads a validation file leniently: XML comments are ignored, attributes may use either quote and
// blanks around "=", and a broken record is reported as file:line with the reason while the others are
// kept.
func Read(r io.Reader, name string) (*File, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxFile+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(b) > maxFile {
		return nil, fmt.Errorf("%s: larger than %d bytes", name, maxFile)
	}
	// blank out comments, keeping their newlines so that line numbers stay right
	src := reComment.ReplaceAllStringFunc(string(b), func(c string) string {
		return strings.Repeat("\n", strings.Count(c, "\n"))
	})
	f := &File{Name: name}
	lineAt := lineIndex(src)
	var errs []error
	config := map[string]string{}
	if m := reEnv.FindStringSubmatchIndex(src); m != nil {
		env := src[m[2]:m[3]]
		for _, fm := range reEnvField.FindAllStringSubmatch(env, -1) {
			v := strings.TrimSpace(html.UnescapeString(fm[2]))
			switch fm[1] {
			case "Verbfile":
				f.Env.Verbfile = v
			case "Actorfile":
				f.Env.Actorfile = v
			case "Agentfile":
				f.Env.Agentfile = v
			case "Discardfile":
				f.Env.Discardfile = v
			case "Include":
				f.Env.Include = strings.Fields(v)
			}
		}
	}
	for _, m := range reItem.FindAllStringSubmatchIndex(src, -1) {
		line := lineAt(m[0])
		switch {
		case m[2] >= 0: // <Config option= value=>
			a := attrs(src[m[2]:m[3]])
			opt := strings.ToLower(a["option"])
			if opt == "" {
				errs = append(errs, fmt.Errorf("%s:%d: <Config> without option", name, line))
				continue
			}
			config = clone(config)
			config[opt] = a["value"]
			if f.Env.Config == nil && len(f.Records) == 0 {
				f.Env.Config = config
			}
		case m[4] >= 0:
			rec, err := record(src[m[4]:m[5]], src[m[6]:m[7]], line)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s:%d: %w", name, line, err))
				continue
			}
			rec.Config = config
			f.Records = append(f.Records, rec)
		default:
			errs = append(errs, fmt.Errorf("%s:%d: <Sentence> without </Sentence>", name, line))
		}
	}
	if len(f.Records) == 0 && len(errs) == 0 {
		errs = append(errs, fmt.Errorf("%s: no <Sentence> records", name))
	}
	return f, errors.Join(errs...)
}

func clone(m map[string]string) map[string]string {
	out := make(map[string]string, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	return out
}

// record reads one sentence's attributes and body.
func record(attrText, body string, line int) (Record, error) {
	a := attrs(attrText)
	rec := Record{ID: a["id"], Category: a["category"], Line: line, Enabled: !strings.EqualFold(a["sentence"], "false")}
	if rec.ID == "" {
		return rec, errors.New("<Sentence> without id")
	}
	if d := a["date"]; d != "" {
		t, err := time.Parse("20060102", d)
		if err != nil {
			t, err = time.Parse("060102", d) // a few records carry YYMMDD
		}
		if err != nil {
			return rec, fmt.Errorf("%s: bad date %q (want YYYYMMDD)", rec.ID, d)
		}
		rec.Date = t
	}
	tm := reText.FindStringSubmatch(body)
	if tm == nil {
		return rec, fmt.Errorf("%s: no <Text>", rec.ID)
	}
	rec.Text = strings.Join(strings.Fields(html.UnescapeString(tm[1])), " ")
	for _, cm := range reCoding.FindAllStringSubmatch(body, -1) {
		ca := attrs(cm[1])
		switch {
		case ca["noevents"] != "":
			if v, err := strconv.ParseBool(strings.TrimSpace(ca["noevents"])); err == nil && v {
				rec.NoEvents = true
			}
		case ca["error"] != "":
			rec.Error = ca["error"]
		default:
			c := Coding{Source: ca["sourcecode"], Target: ca["targetcode"], Event: ca["eventcode"]}
			if c.Event == "" {
				return rec, fmt.Errorf("%s: <EventCoding> without eventcode", rec.ID)
			}
			rec.Codings = append(rec.Codings, c)
		}
	}
	return rec, nil
}

// attrs reads name="value" and name='value' pairs.
func attrs(s string) map[string]string {
	out := map[string]string{}
	for _, m := range reAttr.FindAllStringSubmatch(s, -1) {
		v := m[2]
		if v == "" {
			v = m[3]
		}
		out[strings.ToLower(m[1])] = html.UnescapeString(v)
	}
	return out
}

// lineIndex returns a function from byte offset to 1-based line number; offsets must not decrease.
func lineIndex(src string) func(int) int {
	line, at := 1, 0
	return func(off int) int {
		if off < at {
			line, at = 1, 0
		}
		line += strings.Count(src[at:off], "\n")
		at = off
		return line
	}
}
