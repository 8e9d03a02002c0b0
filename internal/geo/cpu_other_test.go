//go:build !unix

package geo

import "time"

// processCPU is unknown here; TestLoadCost then checks memory only.
func processCPU() time.Duration { return 0 }
