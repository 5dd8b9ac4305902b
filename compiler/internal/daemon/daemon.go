// Package daemon runs the long-lived daemons of end-to-end tests (etcd,
// kube-apiserver, krb5kdc) as child processes: each in a process group of
// its own, logging to a file, stopped gracefully, and killed by the kernel
// if the test binary dies without stopping it (on Linux).
package daemon

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// GracePeriod is how long a stopped process may take to exit after SIGTERM
// before its process group is killed.
const GracePeriod = 10 * time.Second

// Process is one running child.
type Process struct {
	// Name is the binary's base name.
	Name string
	// Log is the file that receives the child's stdout and stderr.
	Log string

	cmd      *exec.Cmd
	done     chan struct{} // closed once the process has exited
	stopOnce sync.Once
}

// Start runs path with args in dir, with env (nil inherits the test's),
// writing its output to dir/NAME.log. The caller must call Stop.
func Start(dir, path string, env []string, args ...string) (*Process, error) {
	name := filepath.Base(path)
	p := &Process{Name: name, Log: filepath.Join(dir, name+".log"), done: make(chan struct{})}
	logFile, err := os.Create(p.Log)
	if err != nil {
		return nil, err
	}
	defer logFile.Close()
	p.cmd = exec.Command(path, args...)
	p.cmd.Dir, p.cmd.Env = dir, env
	p.cmd.Stdout, p.cmd.Stderr = logFile, logFile
	p.cmd.SysProcAttr = attributes()
	if err := p.cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", name, err)
	}
	go func() {
		p.cmd.Wait()
		close(p.done)
	}()
	return p, nil
}

// Stop sends SIGTERM to the process group, SIGKILL after GracePeriod, and
// waits until the process has exited; calling it again does nothing.
func (p *Process) Stop() {
	p.stopOnce.Do(func() {
		p.signalGroup(syscall.SIGTERM)
		select {
		case <-p.done:
		case <-time.After(GracePeriod):
			p.signalGroup(syscall.SIGKILL)
			<-p.done
		}
	})
}

// Kill ends the process group at once (SIGKILL), as a crash or a lost
// node would, and waits until the process has exited.
func (p *Process) Kill() {
	p.stopOnce.Do(func() {
		p.signalGroup(syscall.SIGKILL)
		<-p.done
	})
}

// signalGroup signals every process of the group p leads; a group that no
// longer exists is not an error.
func (p *Process) signalGroup(sig syscall.Signal) {
	syscall.Kill(-p.cmd.Process.Pid, sig)
}

// Exited reports whether the process has already exited.
func (p *Process) Exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// State describes how the process exited; nil while it runs.
func (p *Process) State() *os.ProcessState {
	if !p.Exited() {
		return nil
	}
	return p.cmd.ProcessState
}

// Tail returns the last n lines of the file at path ("" if unreadable).
func Tail(n int, path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
