//go:build !amd64

package perceptron

// addRows adds the first blocks×8 weights of the dense rows at offs (each byte offset/16<<9 | scale) into
// acc, or with init, sets acc to their sum. With a tail, the last block's sums are in tail instead of acc.
func addRows(acc []int32, tail *[8]int32, base []int8, offs []uint32, blocks int, init bool) {
	addRowsGo(acc, tail, base, offs, blocks, init)
}

func prefetch(slots []uint64, idx []uint32)     {}
func prefetchDense(dense []int8, offs []uint32) {}

func prefetchSparse(ent []uint32, idx []uint32) {}
