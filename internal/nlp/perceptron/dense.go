package perceptron

// addRowsGo is the portable form of addRows.
func addRowsGo(acc []int32, tail *[8]int32, base []int8, offs []uint32, blocks int, init bool) {
	full := blocks
	if tail != nil && blocks > 0 {
		full--
	}
	acc = acc[:full*8]
	if init {
		clear(acc)
		if tail != nil {
			clear(tail[:])
		}
	}
	for _, o := range offs {
		at, scale := int(o>>9)*16, int32(o&511)
		for b := range blocks {
			sums := acc[min(b, full)*8:]
			if b == full {
				sums = tail[:]
			}
			// a pair of blocks is interleaved: the first's weights at even bytes, the second's at odd ones
			row := base[at+b/2*16+b%2:]
			for k := range 8 {
				sums[k] += int32(row[2*k]) * scale
			}
		}
	}
}
