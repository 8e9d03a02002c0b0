package perceptron

// Multipliers from splitmix64; any odd constants with good bit dispersion would do.
const (
	m1 = 0x9E3779B97F4A7C15
	m2 = 0xBF58476D1CE4E5B9
	m3 = 0x94D049BB133111EB
)

func fmix(h uint64) uint64 {
	h ^= h >> 30
	h *= m2
	h ^= h >> 27
	h *= m3
	h ^= h >> 31
	return h
}

// F1 is the feature for template t with one atom.
func F1(t, a uint64) uint64 { return fmix(t*m1 ^ fmix(a+m1)) }

// F2 is the feature for template t with two atoms.
func F2(t, a, b uint64) uint64 { return fmix(F1(t, a) ^ fmix(b+m2)) }

// F3 is the feature for template t with three atoms.
func F3(t, a, b, c uint64) uint64 { return fmix(F2(t, a, b) ^ fmix(c+m3)) }

// String hashes s (FNV-1a, then mixed), for turning word forms into atoms without allocating.
func String(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return fmix(h)
}

// Lower hashes the ASCII-lowercased s; equal to String(strings.ToLower(s)) for ASCII input, with no
// allocation. Non-ASCII bytes are hashed as they are.
func Lower(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return fmix(h)
}
