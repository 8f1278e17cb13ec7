//go:build unix

package synctest

import (
	"syscall"
	"testing"
	"time"
)

// processCPU is the processor time (user and system) this process used so
// far.
func processCPU(b *testing.B) time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		b.Fatal(err)
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
