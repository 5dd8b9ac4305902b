//go:build linux

package kubetest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// gracePeriod is how long a stopped process may take to exit after SIGTERM
// before its process group is killed.
const gracePeriod = 10 * time.Second

// process is one child process (etcd or kube-apiserver) in a process group
// of its own, logging to a file in the run's directory.
type process struct {
	name string
	log  string
	cmd  *exec.Cmd
	done chan struct{} // closed once the process has exited
}

// startProcess starts the binary at path with args and registers a cleanup
// that stops it, so it never outlives t, also when t fails. The kernel
// kills it too (SIGKILL) if the test binary dies without cleaning up.
func startProcess(t testing.TB, dir, path string, args ...string) *process {
	t.Helper()
	name := filepath.Base(path)
	p := &process{name: name, log: filepath.Join(dir, name+".log"), done: make(chan struct{})}
	logFile, err := os.Create(p.log)
	if err != nil {
		t.Fatalf("kubetest: %v", err)
	}
	defer logFile.Close()
	p.cmd = exec.Command(path, args...)
	p.cmd.Stdout, p.cmd.Stderr = logFile, logFile
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("kubetest: starting %s: %v", name, err)
	}
	go func() {
		p.cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(p.stop)
	return p
}

// stop sends SIGTERM to the process group, SIGKILL after gracePeriod, and
// waits until the process has exited.
func (p *process) stop() {
	p.signalGroup(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(gracePeriod):
		p.signalGroup(syscall.SIGKILL)
		<-p.done
	}
}

// signalGroup signals every process of the group led by p; a group that no
// longer exists is not an error.
func (p *process) signalGroup(sig syscall.Signal) {
	syscall.Kill(-p.cmd.Process.Pid, sig)
}

// exited reports whether the process has already exited.
func (p *process) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// logTail returns the last n lines of the process's log.
func (p *process) logTail(n int) string {
	data, _ := os.ReadFile(p.log)
	lines := bytes.Split(bytes.TrimRight(data, "\n"), []byte("\n"))
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return string(bytes.Join(lines, []byte("\n")))
}
