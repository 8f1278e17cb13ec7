//go:build windows

package fsfault

import "syscall"

// Windows says a disk is full with its own codes.
var diskFullErrnos = []syscall.Errno{
	39,  // ERROR_HANDLE_DISK_FULL
	112, // ERROR_DISK_FULL
}
