//go:build !linux

package kdctest

import "syscall"

// childAttr has nothing to add outside Linux: only Linux has Pdeathsig, so
// there a child relies on the test's cleanup alone.
func childAttr() *syscall.SysProcAttr {
	return nil
}
