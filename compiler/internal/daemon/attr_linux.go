package daemon

import "syscall"

// attributes put the child in a process group of its own and make the
// kernel kill it (SIGKILL) when the test binary dies without stopping it.
func attributes() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}
