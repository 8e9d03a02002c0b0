//go:build !amd64

package perceptron

// addRows adds the dense rows at offs (each blocks×8 weights long) into acc.
func addRows(acc []int32, base []int16, offs []uint32, blocks int) {
	addRowsGo(acc, base, offs, blocks)
}

func prefetch(slots []uint64, idx []uint32)      {}
func prefetchDense(dense []int16, offs []uint32) {}

func prefetchSparse(ent []uint32, idx []uint32) {}
