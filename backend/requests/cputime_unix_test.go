//go:build unix

package requests

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user and system) the process used so far: unlike
// latency percentiles, it does not depend on what else the machine runs.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
