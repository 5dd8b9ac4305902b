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
	"time"

	"github.com/bdconf/bdconf/compiler/internal/daemon"
)

// Timeouts of the harness: a one-shot tool (kdb5_util, kadmin.local, kinit,
// klist) normally takes milliseconds, the KDC listens within a second.
const (
	toolTimeout   = 60 * time.Second
	listenTimeout = 15 * time.Second
)

// waitListening polls until address accepts TCP connections; it fails
// early when p exits and after listenTimeout.
func waitListening(p *daemon.Process, address string) error {
	deadline := time.Now().Add(listenTimeout)
	for {
		conn, err := net.DialTimeout("tcp", address, time.Second)
		if err == nil {
			conn.Close()
			return nil
		}
		if p.Exited() {
			return fmt.Errorf("%s exited before listening on %s: %v", p.Name, address, p.State())
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s not listening on %s after %v: %v", p.Name, address, listenTimeout, err)
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
		if lines := daemon.Tail(n, path); strings.TrimSpace(lines) != "" {
			fmt.Fprintf(&b, "--- %s (last lines)\n%s\n", path, lines)
		}
	}
	return b.String()
}
