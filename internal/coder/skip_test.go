package coder

import (
	"context"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/source"
	"github.com/dyad-events/dyad/internal/text"
)

// TestMayHaveActor checks which sentences are worth parsing: those that could hold an event's source.
// before, when set, is coded first as the same document, so that its actors are remembered.
func TestMayHaveActor(t *testing.T) {
	c := standardCoder(t)
	for _, tt := range []struct {
		before, sentence string
		want             bool
	}{
		{"", "The dispute has simmered for more than a decade.", false},
		{"", "Heavy rain is expected to continue through the weekend.", false},
		{"", "Relations soured after the vote.", false},
		{"", "Protesters blocked the main road on Tuesday.", true},   // agent noun
		{"", "The ministry rejected the report.", true},              // agent noun
		{"", "They rejected the offer.", true},                       // pronoun
		{"", "Ruto rejected the offer.", true},                       // proper noun
		{"", "The group claimed the attack in a statement.", true},   // "the group"
		{"", "Kenyan lawmakers rejected the bill on Tuesday.", true}, // demonym
		{"", "The outfit rejected the proposal on Friday.", false},   // nothing to take up
		{"The Wagner outfit attacked Bakhmut on Thursday.", "The outfit rejected the proposal on Friday.", true},
		{"", "The two leaders agreed to reopen the border.", true}, // a pair of actors met before
		{"", "Both sides agreed to a truce.", true},
	} {
		w := c.pool.Get().(*worker)
		w.mem.reset()
		if tt.before != "" {
			doc := &source.Document{ID: "t", Text: tt.before, Published: time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)}
			if _, err := w.code(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
		}
		segs := text.Segment(tt.sentence)
		if len(segs) != 1 {
			t.Fatalf("%q: %d sentences", tt.sentence, len(segs))
		}
		s := &sentence{}
		for _, tok := range segs[0].Tokens {
			s.words = append(s.words, nlp.Word{Form: tok.Text, Start: tok.Start, End: tok.End})
		}
		w.ann.Tag(s.words)
		if got := w.mayHaveActor(s); got != tt.want {
			t.Errorf("%q after %q: mayHaveActor %v, want %v", tt.sentence, tt.before, got, tt.want)
		}
		c.pool.Put(w)
	}
}
