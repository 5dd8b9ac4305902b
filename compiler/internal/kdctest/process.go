package kdctest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Timeouts of the harness: a one-shot tool (kdb5_util, kadmin.local, kinit,
// klist) normally takes milliseconds, the KDC listens within a second.
const (
	toolTimeout   = 60 * time.Second
	listenTimeout = 15 * time.Second
	gracePeriod   = 10 * time.Second
)

// process is a long-running child (krb5kdc -n) whose stdout and stderr go
// to a file in the run's directory.
type process struct {
	name     string
	output   string // path of the stdout and stderr file
	cmd      *exec.Cmd
	done     chan struct{} // closed once the process has exited
	stopOnce sync.Once
}

// startProcess starts path with args and env, writing its output to
// dir/NAME.out. The caller must call stop.
func startProcess(dir, path string, env []string, args ...string) (*process, error) {
	name := filepath.Base(path)
	p := &process{name: name, output: filepath.Join(dir, name+".out"), done: make(chan struct{})}
	out, err := os.Create(p.output)
	if err != nil {
		return nil, err
	}
	defer out.Close()
	p.cmd = exec.Command(path, args...)
	p.cmd.Env = env
	p.cmd.Dir = dir
	p.cmd.Stdout, p.cmd.Stderr = out, out
	p.cmd.SysProcAttr = childAttr()
	if err := p.cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", name, err)
	}
	go func() {
		p.cmd.Wait()
		close(p.done)
	}()
	return p, nil
}

// stop sends SIGTERM, SIGKILL after gracePeriod, and waits until the
// process has exited; calling it again does nothing.
func (p *process) stop() {
	p.stopOnce.Do(func() {
		p.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.done:
		case <-time.After(gracePeriod):
			p.cmd.Process.Kill()
			<-p.done
		}
	})
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

// waitListening polls until address accepts TCP connections; it fails
// early when p exits and after listenTimeout.
func waitListening(p *process, address string) error {
	deadline := time.Now().Add(listenTimeout)
	for {
		conn, err := net.DialTimeout("tcp", address, time.Second)
		if err == nil {
			conn.Close()
			return nil
		}
		if p.exited() {
			return fmt.Errorf("%s exited before listening on %s: %v", p.name, address, p.cmd.ProcessState)
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s not listening on %s after %v: %v", p.name, address, listenTimeout, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// runTool runs path with args and env, feeding it stdin, and returns its
// stdout and stderr; err reports a failure to run or a non-zero exit.
func runTool(env []string, stdin, path string, args ...string) (stdout, stderr string, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), toolTimeout)
	defer cancel()
	var out, errOut bytes.Buffer
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Env = env
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	if ctx.Err() != nil {
		err = errors.Join(err, fmt.Errorf("%s timed out after %v", filepath.Base(path), toolTimeout))
	}
	return out.String(), errOut.String(), err
}

// cleanEnv is the test process's environment without any KRB5* variable,
// so that only the variables the harness sets steer the MIT tools.
func cleanEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "KRB5") {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

// tail returns the last n lines of each file that exists, each under a
// header naming it.
func tail(n int, paths ...string) string {
	var b strings.Builder
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil || len(bytes.TrimSpace(data)) == 0 {
			continue
		}
		lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
		if len(lines) > n {
			lines = lines[len(lines)-n:]
		}
		fmt.Fprintf(&b, "--- %s (last %d lines)\n%s\n", path, len(lines), strings.Join(lines, "\n"))
	}
	return b.String()
}
