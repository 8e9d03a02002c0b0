package perceptron

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// hugePage is the size of a transparent huge page on the platforms dyad runs on.
const hugePage = 2 << 20

// hugeSlice returns a zeroed slice of n elements for a table that is probed at random. A large one
// starts on a huge-page boundary and owns the memory up to the next one past its end, so that huge
// can back all of it with huge pages: with 4 KiB pages nearly every probe would also miss the TLB.
func hugeSlice[T any](n int) []T {
	var zero T
	elem := int(unsafe.Sizeof(zero))
	if elem == 0 || n*elem < hugePage/2 {
		return make([]T, n)
	}
	pad := hugePage / elem
	s := make([]T, n+2*pad)
	skip := 0
	if r := int(uintptr(unsafe.Pointer(unsafe.SliceData(s))) % hugePage); r != 0 {
		skip = (hugePage - r) / elem
	}
	return s[skip : skip+n : skip+n]
}

// huge asks the kernel to back the memory of a slice from hugeSlice with transparent huge pages, now
// that it is filled. It is advice only; where the kernel declines, the table works as well.
func huge[T any](s []T) {
	var zero T
	size := uintptr(cap(s)) * unsafe.Sizeof(zero)
	p := unsafe.Pointer(unsafe.SliceData(s))
	if size < hugePage/2 || uintptr(p)%hugePage != 0 {
		return
	}
	b := unsafe.Slice((*byte)(p), (size+hugePage-1)&^(hugePage-1)) // hugeSlice owns the rounded-up range
	_ = unix.Madvise(b, unix.MADV_HUGEPAGE)
	// the memory is in use already, so it is collapsed into huge pages rather than faulted in as such
	_ = unix.Madvise(b, unix.MADV_COLLAPSE)
}
