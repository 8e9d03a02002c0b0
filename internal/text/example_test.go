package text_test

import (
	"fmt"

	"github.com/dyad-events/dyad/internal/text"
)

func ExampleSegment() {
	src := `Gen. Ortiz said the U.S. envoy "won't be welcome." Talks resume Jan. 5 in Geneva.`
	for _, s := range text.Segment(src) {
		for _, t := range s.Tokens {
			fmt.Printf("%s|", t.Text)
		}
		fmt.Println()
	}
	// Output:
	// Gen.|Ortiz|said|the|U.S.|envoy|"|wo|n't|be|welcome|.|"|
	// Talks|resume|Jan.|5|in|Geneva|.|
}

func ExampleClean() {
	s, problems := text.Clean([]byte("Kabul\x00 talks \xffresume"))
	fmt.Printf("%+q\n", s)
	for _, p := range problems {
		fmt.Println(p.Offset, p.Reason)
	}
	// Output:
	// "Kabul  talks \ufffdresume"
	// 5 control character U+0000 at byte 5
	// 13 invalid UTF-8 at byte 13
}
