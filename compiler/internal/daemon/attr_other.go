//go:build unix && !linux

package daemon

import "syscall"

// attributes put the child in a process group of its own; only Linux has
// Pdeathsig, so elsewhere a child relies on Stop alone.
func attributes() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}
