package petrarch

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/internal/event"
	"github.com/dyad-events/dyad/internal/source"
)

// Coder is what is scored.
type Coder interface {
	Code(ctx context.Context, doc *source.Document) ([]event.Event, error)
}

// Options are the PETRARCH options of one record that change how it is coded.
type Options struct {
	NewActorLength int // new_actor_length: code unknown noun phrases of up to this many words
}

// CoderFor returns the coder for a record's options.
type CoderFor func(Options) (Coder, error)

// Count is passed out of total records.
type Count struct {
	Passed int `json:"passed"`
	Total  int `json:"total"`
}

// Failure is a record dyad codes differently.
type Failure struct {
	ID       string   `json:"id"`
	Category string   `json:"category"`
	Enabled  bool     `json:"enabled"`
	Expected []string `json:"expected"` // "SOURCE TARGET EVENT", or "noevents" / "error=..."
	Got      []string `json:"got"`
	Text     string   `json:"text"`
}

// Report is the outcome over a validation file.
type Report struct {
	File       string            `json:"file"`
	Passed     int               `json:"passed"`
	Total      int               `json:"total"`
	Enabled    Count             `json:"enabled"` // sentence="true" records of included categories
	ByCategory map[string]*Count `json:"by_category"`
	Failures   []Failure         `json:"failures"`
}

// Score codes every record and compares the events with the expected ones.
func Score(ctx context.Context, coderFor CoderFor, f *File) (*Report, error) {
	rep := &Report{File: f.Name, ByCategory: map[string]*Count{}}
	coders := map[Options]Coder{}
	for _, rec := range f.Records {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		opt := Options{NewActorLength: atoi(rec.Config["new_actor_length"])}
		c, ok := coders[opt]
		if !ok {
			var err error
			if c, err = coderFor(opt); err != nil {
				return rep, err
			}
			coders[opt] = c
		}
		doc := &source.Document{ID: rec.ID, Published: rec.Date, Text: rec.Text, Lang: "en", Origin: fmt.Sprintf("%s:%d", f.Name, rec.Line)}
		evs, err := c.Code(ctx, doc)
		if err != nil {
			return rep, fmt.Errorf("%s:%d: %s: %w", f.Name, rec.Line, rec.ID, err)
		}
		got := Codings(evs, requireDyad(rec.Config))
		want := expected(rec)
		pass := slices.Equal(got, want)
		enabled := rec.Enabled && (len(f.Env.Include) == 0 || slices.Contains(f.Env.Include, rec.Category))
		rep.Total++
		cat := rep.ByCategory[rec.Category]
		if cat == nil {
			cat = &Count{}
			rep.ByCategory[rec.Category] = cat
		}
		cat.Total++
		if enabled {
			rep.Enabled.Total++
		}
		if pass {
			rep.Passed++
			cat.Passed++
			if enabled {
				rep.Enabled.Passed++
			}
			continue
		}
		fl := Failure{ID: rec.ID, Category: rec.Category, Enabled: enabled, Expected: want, Got: got, Text: rec.Text}
		switch {
		case rec.Error != "":
			fl.Expected = []string{"error=" + rec.Error}
		case rec.NoEvents || len(want) == 0:
			fl.Expected = []string{"noevents"}
		}
		rep.Failures = append(rep.Failures, fl)
	}
	return rep, nil
}

func atoi(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// requireDyad is PETRARCH's require_dyad option, true unless set to false.
func requireDyad(cfg map[string]string) bool {
	v, err := strconv.ParseBool(strings.TrimSpace(cfg["require_dyad"]))
	return err != nil || v
}

// expected is the sorted set of a record's codings; error and noevents records expect none.
func expected(rec Record) []string {
	if rec.Error != "" || rec.NoEvents {
		return []string{}
	}
	set := make([]string, 0, len(rec.Codings))
	for _, c := range rec.Codings {
		set = append(set, normal(c.Source)+" "+normal(c.Target)+" "+c.Event)
	}
	slices.Sort(set)
	return slices.Compact(set)
}

// Codings turns events into the sorted set of "SOURCE TARGET EVENT" strings PETRARCH would print; with
// requireDyad, events lacking a source or a target are left out.
func Codings(evs []event.Event, requireDyad bool) []string {
	set := []string{}
	for i := range evs {
		e := &evs[i]
		src, tgt := "---", "---"
		if e.Source != nil && e.Source.Code != "" {
			src = e.Source.Code
		}
		if e.Target != nil && e.Target.Code != "" {
			tgt = e.Target.Code
		}
		if requireDyad && (src == "---" || tgt == "---") {
			continue
		}
		set = append(set, src+" "+tgt+" "+e.CAMEO)
	}
	slices.Sort(set)
	return slices.Compact(set)
}

// normal writes an empty code as PETRARCH's null code.
func normal(code string) string {
	if code = strings.TrimSpace(code); code == "" {
		return "---"
	}
	return code
}
