package ontology

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestParseActor(t *testing.T) {
	o := mustLoad(t)
	for _, row := range readTestdata(t, "actors.tsv", 6) {
		in := optional(row[0])
		t.Run(row[0], func(t *testing.T) {
			got, err := o.ParseActor(in)
			switch row[5] {
			case "syntax":
				if !errors.Is(err, ErrActorSyntax) {
					t.Fatalf("ParseActor(%q) error = %v, want ErrActorSyntax", in, err)
				}
				return
			case "head":
				if !errors.Is(err, ErrUnknownHead) {
					t.Fatalf("ParseActor(%q) error = %v, want ErrUnknownHead", in, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseActor(%q): %v", in, err)
			}
			want := ActorCode{Country: optional(row[1]), IGO: row[2] == "yes", Org: optional(row[3])}
			if row[4] != none {
				want.Agents = strings.Fields(row[4])
			}
			if got.Country != want.Country || got.IGO != want.IGO || got.Org != want.Org || !slices.Equal(got.Agents, want.Agents) {
				t.Errorf("ParseActor(%q) = %+v, want %+v", in, got, want)
			}
		})
	}
}

func TestParseActorDefault(t *testing.T) {
	got, err := ParseActor("USASPY")
	if err != nil {
		t.Fatal(err)
	}
	if got.Country != "USA" || !slices.Equal(got.Agents, []string{"SPY"}) {
		t.Errorf("ParseActor(USASPY) = %+v", got)
	}
	if _, err := ParseActor(""); !errors.Is(err, ErrActorSyntax) {
		t.Errorf("ParseActor(\"\") error = %v, want ErrActorSyntax", err)
	}
}

func FuzzParseActor(f *testing.F) {
	for _, s := range []string{"USASPY", "USAGOVMIL", "IGOUNOHLHWHO", "IGOEUREECGOV", "NGOUSAEDU", "MNCUSA", "REB",
		"usagov", "IGO", "IGOUNO", "XYZGOV", "", "US", "ÜSAGOV", strings.Repeat("USA", 30)} {
		f.Add(s)
	}
	o, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, code string) {
		a, err := o.ParseActor(code)
		if err != nil {
			if !errors.Is(err, ErrActorSyntax) && !errors.Is(err, ErrUnknownHead) {
				t.Fatalf("ParseActor(%q) error %v wraps neither sentinel", code, err)
			}
			return
		}
		if a.Country != "" {
			if _, ok := o.Country(a.Country); !ok {
				t.Errorf("ParseActor(%q) country %q unknown", code, a.Country)
			}
		}
		if a.Org != "" && !a.IGO {
			t.Errorf("ParseActor(%q) = %+v: Org without IGO", code, a)
		}
		groups := len(a.Agents)
		for _, g := range a.Agents {
			if !isUpper3(g) {
				t.Errorf("ParseActor(%q) agent %q is not three capital letters", code, g)
			}
		}
		if a.Country != "" {
			groups++
		}
		if a.IGO {
			groups++ // the IGO head
		}
		if groups > len(code)/3 {
			t.Errorf("ParseActor(%q) = %+v has more parts than the code has groups", code, a)
		}
		up := strings.ToUpper(code)
		if b, err := o.ParseActor(up); err != nil || b.Country != a.Country || b.IGO != a.IGO || b.Org != a.Org || !slices.Equal(a.Agents, b.Agents) {
			t.Errorf("ParseActor(%q) = %+v but ParseActor(%q) = %+v, %v", code, a, up, b, err)
		}
	})
}

var sinkActor ActorCode

func BenchmarkParseActor(b *testing.B) {
	o := mustLoad(b)
	for _, code := range []string{"USA", "USAGOVMIL", "IGOUNOHLHWHO", "usagov"} {
		b.Run(code, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				a, err := o.ParseActor(code)
				if err != nil {
					b.Fatal(err)
				}
				sinkActor = a
			}
		})
	}
}

var sinkEvent Event

func BenchmarkEvent(b *testing.B) {
	o := mustLoad(b)
	b.ReportAllocs()
	for b.Loop() {
		e, ok := o.Event("0874")
		if !ok {
			b.Fatal("0874 not found")
		}
		sinkEvent = e
	}
}
