//go:build !windows

package fsfault

import "syscall"

var diskFullErrnos = []syscall.Errno{syscall.ENOSPC, syscall.EDQUOT}
