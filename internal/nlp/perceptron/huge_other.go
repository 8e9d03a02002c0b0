//go:build !linux

package perceptron

// hugeSlice returns a zeroed slice of n elements.
func hugeSlice[T any](n int) []T { return make([]T, n) }

// huge does nothing where transparent huge pages are not known to exist.
func huge[T any](s []T) {}
