// Package fsfault tells which file system faults an error is: a read-only
// file or disk, or a full disk. The data folder and the store both need to
// tell the user which one it is and what to do.
package fsfault

import (
	"errors"
	"io/fs"
	"syscall"
)

// IsReadOnly tells whether err says the file or its disk cannot be written:
// a read-only mount (EROFS), missing write permission (EACCES), or a file
// the system protects (EPERM, an immutable file).
func IsReadOnly(err error) bool {
	return errors.Is(err, syscall.EROFS) || errors.Is(err, fs.ErrPermission)
}

// IsDiskFull tells whether err says the disk (or the user's quota) is full.
func IsDiskFull(err error) bool {
	for _, errno := range diskFullErrnos {
		if errors.Is(err, errno) {
			return true
		}
	}
	return false
}
