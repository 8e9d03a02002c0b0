package perceptron

import "golang.org/x/sys/cpu"

//go:noescape
func addRowsAVX2(acc *int32, base *int16, offs *uint32, n int, blocks int)

var haveAVX2 = cpu.X86.HasAVX2

// addRows adds the dense rows at offs (each blocks×8 weights long) into acc.
func addRows(acc []int32, base []int16, offs []uint32, blocks int) {
	if len(offs) == 0 {
		return
	}
	if haveAVX2 {
		addRowsAVX2(&acc[0], &base[0], &offs[0], len(offs), blocks)
		return
	}
	addRowsGo(acc, base, offs, blocks)
}

//go:noescape
func prefetchSlots(base *uint64, idx *uint32, n int)

//go:noescape
func prefetchRows(base *int16, offs *uint32, n int)

// prefetch asks the cache for the slots at idx, so that the probes that follow overlap their misses.
func prefetch(slots []uint64, idx []uint32) {
	if len(idx) > 0 {
		prefetchSlots(&slots[0], &idx[0], len(idx))
	}
}

// prefetchDense asks the cache for the dense rows at offs.
func prefetchDense(dense []int16, offs []uint32) {
	if len(offs) > 0 && len(dense) > 0 {
		prefetchRows(&dense[0], &offs[0], len(offs))
	}
}

//go:noescape
func prefetchEnts(base *uint32, idx *uint32, n int)

// prefetchSparse asks the cache for the sparse rows that start at idx.
func prefetchSparse(ent []uint32, idx []uint32) {
	if len(idx) > 0 && len(ent) > 0 {
		prefetchEnts(&ent[0], &idx[0], len(idx))
	}
}
