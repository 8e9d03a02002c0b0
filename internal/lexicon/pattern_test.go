package lexicon

import "testing"

// TestMayMatch checks the quick test that rules patterns out: a pattern may match only words that hold
// an alternative of each of its word elements.
func TestMayMatch(t *testing.T) {
	synsets := map[string][]string{"TALKS": {"talks", "negotiations"}}
	for _, tt := range []struct {
		pattern string
		words   []string
		want    bool
	}{
		{"*hold talks with +", []string{"held", "talks", "with", "Iran"}, true},
		{"*hold talks with +", []string{"held", "talks", "in", "Geneva"}, false},
		{"*hold &TALKS with +", []string{"held", "negotiations", "with", "Iran"}, true},
		{"*hold &TALKS with +", []string{"held", "a", "meeting", "with", "Iran"}, false},
		{"*stage rally|protest", []string{"staged", "a", "protest"}, true},
		{"*stage rally|protest", []string{"staged", "a", "coup"}, false},
		{"*attack +", []string{"attacked", "the", "base"}, true}, // no word element: always possible
		{"$ *fire at +", []string{"fired", "at", "troops"}, true},
		{"$ *fire at +", []string{"fired", "rockets"}, false},
	} {
		p, err := parsePattern("042", tt.pattern, false, synsets)
		if err != nil {
			t.Fatalf("%q: %v", tt.pattern, err)
		}
		p.setNeed()
		var have uint64
		for _, w := range tt.words {
			have |= KeyBit(KeyOf(w))
		}
		if got := p.MayMatch(have); got != tt.want {
			t.Errorf("%q over %q: MayMatch %v, want %v", tt.pattern, tt.words, got, tt.want)
		}
	}
}
