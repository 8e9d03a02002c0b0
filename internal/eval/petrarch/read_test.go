package petrarch

import (
	"os"
	"strings"
	"testing"
)

func readFile(t *testing.T, name string) (*File, error) {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return Read(f, name)
}

func TestRead(t *testing.T) {
	f, err := readFile(t, "testdata/records.xml")
	if err == nil {
		t.Fatal("want the three broken records reported")
	}
	for _, want := range []string{
		"records.xml:45: BAD-01: bad date \"2003-04-09\"",
		"records.xml:49: BAD-02: <EventCoding> without eventcode",
		"records.xml:54: BAD-03: no <Text>",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("errors lack %q:\n%v", want, err)
		}
	}
	env := f.Env
	if env.Verbfile != "Test.verbs.txt" || env.Actorfile != "Test.actors.txt" || env.Agentfile != "Test.agents.txt" ||
		env.Discardfile != "Test.discards.txt" || strings.Join(env.Include, ",") != "valid,ONE,TWO" {
		t.Errorf("environment = %+v", env)
	}
	if v, a, g, d := (Environment{Verbfile: "v.txt", Actorfile: "a.txt, b.txt,c.txt", Agentfile: "g.txt"}).Dictionaries(); len(v) != 1 || len(a) != 3 || a[2] != "c.txt" || len(g) != 1 || len(d) != 0 {
		t.Errorf("Dictionaries() = %v %v %v %v", v, a, g, d)
	}
	if env.Config["stop_on_error"] != "True" {
		t.Errorf("environment config = %v", env.Config)
	}
	tests := []struct {
		id, category, date string
		enabled, noevents  bool
		errText            string
		codings            []string
		text               string
		config             map[string]string
	}{
		{"ONE-01", "ONE", "2003-04-05", true, false, "", []string{"VLD KES 120"}, "Valdoria scolded Kestravia & its ferries.",
			map[string]string{"stop_on_error": "True"}},
		{"ONE-02", "ONE", "2003-04-06", false, false, "", []string{`"THE HARBOUR" KES 041`, `KES "THE HARBOUR" 041`}, "The harbour greeted Kestravia.",
			map[string]string{"stop_on_error": "True", "require_dyad": "false", "new_actor_length": "3"}},
		{"TWO-01", "TWO", "2003-04-07", true, true, "", nil, "Nothing happened.",
			map[string]string{"stop_on_error": "True", "require_dyad": "TRUE", "new_actor_length": "3"}},
		{"TWO-02", "THREE", "2003-04-08", true, false, "sentencediscard", nil, "The chess olympiad began.", nil},
	}
	if len(f.Records) != len(tests) {
		t.Fatalf("%d records, want %d", len(f.Records), len(tests))
	}
	for i, tt := range tests {
		r := f.Records[i]
		var codings []string
		for _, c := range r.Codings {
			codings = append(codings, c.String())
		}
		if r.ID != tt.id || r.Category != tt.category || r.Date.Format("2006-01-02") != tt.date || r.Enabled != tt.enabled ||
			r.NoEvents != tt.noevents || r.Error != tt.errText || strings.Join(codings, ";") != strings.Join(tt.codings, ";") || r.Text != tt.text {
			t.Errorf("record %d = %+v\nwant %+v", i, r, tt)
		}
		for k, v := range tt.config {
			if r.Config[k] != v {
				t.Errorf("%s: config %s = %q, want %q", r.ID, k, r.Config[k], v)
			}
		}
	}
}

func TestReadEmpty(t *testing.T) {
	for _, s := range []string{"", "<Validation></Validation>", "<Sentence id=\"x\">never closed"} {
		if _, err := Read(strings.NewReader(s), "e.xml"); err == nil {
			t.Errorf("%q: want an error", s)
		}
	}
}

func FuzzRead(f *testing.F) {
	b, err := os.ReadFile("testdata/records.xml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Add(`<Sentence id='a' date="19950101"><Text>x</Text><EventCoding sourcecode="A"></EventCoding></Sentence>`)
	f.Fuzz(func(t *testing.T, s string) {
		file, err := Read(strings.NewReader(s), "f.xml")
		if file == nil && err == nil {
			t.Fatal("no file and no error")
		}
		if file != nil {
			for _, r := range file.Records {
				if r.ID == "" || r.Line < 1 {
					t.Errorf("record without id or line: %+v", r)
				}
			}
		}
	})
}
