package coder

import (
	"context"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/source"
)

// FuzzCode codes arbitrary text: no input may panic, and every event cites spans that lie inside the text.
func FuzzCode(f *testing.F) {
	for _, s := range []string{
		"Gunmen killed nine farmers in the village of Kwarabe in northern Nigeria on Sunday.",
		"Police arrested two men in Millbrook, Alabama, on Friday.",
		"Israeli jets bombed Hezbollah positions in the Bekaa Valley on Tuesday.",
		"Kenya's president met Japan's prime minister on the sidelines of the U.N. General Assembly in New York.",
		"in the town of , in the capital of the of , Paris, , , Texas",
		"",
	} {
		f.Add(s)
	}
	c := standardCoder(f)
	pub := time.Date(2024, 3, 13, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 2000 {
			return
		}
		evs, err := c.Code(context.Background(), &source.Document{ID: "f", Text: text, Published: pub})
		if err != nil {
			return // refusing input is allowed; panicking is not
		}
		n := utf8.RuneCountInString(text)
		for _, e := range evs {
			for _, a := range [...]int{e.Verb.Start, e.Verb.End} {
				if a < 0 || a > n {
					t.Fatalf("verb span %d-%d outside a text of %d characters", e.Verb.Start, e.Verb.End, n)
				}
			}
		}
	})
}
