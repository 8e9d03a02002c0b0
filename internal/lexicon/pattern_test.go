package lexicon

import "testing"

func TestPatternNegative(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"not *comment", true},
		{"never *return to +", true},
		{"decline comment", false},
		{"deny", false},
		{"offer no_comment", true}, // the "no" of a multi-word element counts too
	}
	for _, tt := range tests {
		p, err := parsePattern("011", tt.text, false, nil)
		if err != nil {
			t.Fatalf("%q: %v", tt.text, err)
		}
		if got := p.Negative(); got != tt.want {
			t.Errorf("%q: Negative() = %v, want %v", tt.text, got, tt.want)
		}
	}
}
