package perceptron

import "testing"

// Without AVX2, the portable loops score the same.
func TestScoreWithoutAVX2(t *testing.T) {
	if !haveAVX2 {
		t.Skip("the portable loops are what TestScoreSumsEntries runs here")
	}
	haveAVX2 = false
	t.Cleanup(func() { haveAVX2 = true })
	testScoreSumsEntries(t)
}
