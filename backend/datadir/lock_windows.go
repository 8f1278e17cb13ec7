//go:build windows

package datadir

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// tryLock opens path shared with no one: a second opener gets a sharing
// violation until the holder's process ends.
func tryLock(path string) (*Lock, error) {
	p, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return nil, err
	}
	h, err := syscall.CreateFile(p, syscall.GENERIC_READ|syscall.GENERIC_WRITE, 0, nil,
		syscall.OPEN_ALWAYS, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		const errorSharingViolation = syscall.Errno(32)
		if errors.Is(err, errorSharingViolation) {
			return nil, errLocked
		}
		return nil, fmt.Errorf("datadir: unable to open the lock file: %w", err)
	}
	return &Lock{f: os.NewFile(uintptr(h), path)}, nil
}

func unlock(*os.File) error { return nil }
