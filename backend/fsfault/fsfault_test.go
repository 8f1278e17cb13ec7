package fsfault

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
	"testing"
)

func TestKinds(t *testing.T) {
	tests := []struct {
		name           string
		err            error
		readOnly, full bool
	}{
		{"ReadOnlyMount", &os.PathError{Op: "open", Path: "x", Err: syscall.EROFS}, true, false},
		{"NoPermission", fmt.Errorf("wrapped: %w", &os.PathError{Op: "open", Path: "x", Err: syscall.EACCES}), true, false},
		{"Immutable", &os.PathError{Op: "write", Path: "x", Err: syscall.EPERM}, true, false},
		{"DiskFull", &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, false, true},
		{"Missing", fs.ErrNotExist, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsReadOnly(tt.err); got != tt.readOnly {
				t.Errorf("IsReadOnly = %v", got)
			}
			if got := IsDiskFull(tt.err); got != tt.full {
				t.Errorf("IsDiskFull = %v", got)
			}
		})
	}
}
