//go:build !unix

package synctest

import (
	"testing"
	"time"
)

// processCPU is not measured here: 0.
func processCPU(*testing.B) time.Duration { return 0 }
