//go:build linux

package kubetest

import (
	"testing"

	"github.com/bdconf/bdconf/compiler/internal/daemon"
)

// startProcess starts the binary at path with args and registers a cleanup
// that stops it, so it never outlives t, also when t fails.
func startProcess(t testing.TB, dir, path string, args ...string) *daemon.Process {
	t.Helper()
	p, err := daemon.Start(dir, path, nil, args...)
	if err != nil {
		t.Fatalf("kubetest: %v", err)
	}
	t.Cleanup(p.Stop)
	return p
}
