//go:build unix

package parser

import (
	"syscall"
	"time"
)

// cpuTime is the process's user and system CPU time. Benchmarks report per-token CPU time beside wall
// time because the shared build machine is often oversubscribed, which inflates wall time only.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
