package eval

import "testing"

func TestPRF(t *testing.T) {
	tests := []struct {
		c       PRF
		p, r, f float64
	}{
		{PRF{TP: 8, FP: 2, FN: 8}, 0.8, 0.5, 2 * 0.8 * 0.5 / 1.3},
		{PRF{}, 0, 0, 0},
		{PRF{FP: 3}, 0, 0, 0},
	}
	for _, tt := range tests {
		tt.c.Finish()
		if tt.c.Precision != tt.p || tt.c.Recall != tt.r || tt.c.F1 != tt.f {
			t.Errorf("%+v: want %v %v %v", tt.c, tt.p, tt.r, tt.f)
		}
	}
}
