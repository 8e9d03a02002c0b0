package perceptron

import "golang.org/x/sys/cpu"

//go:noescape
func addRowsAVX2(acc *int32, tail *int32, base *int8, offs *uint32, n int, blocks int, init bool)

var haveAVX2 = cpu.X86.HasAVX2

// addRows adds the first blocks×8 weights of the dense rows at offs (each byte offset/16<<9 | scale) into
// acc, or with init, sets acc to their sum. With a tail, the last block's sums are in tail instead of acc.
func addRows(acc []int32, tail *[8]int32, base []int8, offs []uint32, blocks int, init bool) {
	if len(offs) == 0 || blocks == 0 || !haveAVX2 {
		addRowsGo(acc, tail, base, offs, blocks, init)
		return
	}
	var tp *int32
	if tail != nil {
		tp = &tail[0]
		if blocks > 1 {
			_ = acc[(blocks-1)*8-1]
		}
	} else {
		_ = acc[blocks*8-1]
	}
	var ap *int32
	if len(acc) > 0 {
		ap = &acc[0]
	}
	addRowsAVX2(ap, tp, &base[0], &offs[0], len(offs), blocks, init)
}

//go:noescape
func prefetchSlots(base *uint64, idx *uint32, n int)

//go:noescape
func prefetchRows(base *int8, offs *uint32, n int)

// prefetch asks the cache for the slots at idx, so that the probes that follow overlap their misses.
func prefetch(slots []uint64, idx []uint32) {
	if len(idx) > 0 {
		prefetchSlots(&slots[0], &idx[0], len(idx))
	}
}

// prefetchDense asks the cache for the dense rows at offs.
func prefetchDense(dense []int8, offs []uint32) {
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
