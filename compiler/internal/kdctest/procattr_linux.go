package kdctest

import "syscall"

// childAttr makes the kernel kill a child (SIGKILL) when the test binary
// dies without running its cleanups, so no KDC outlives its test.
func childAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
