// Command bdconf compiles big-data platform profiles into native
// configuration files and Kubernetes manifests.
package main

import (
	"os"
	"runtime/debug"

	"github.com/bdconf/bdconf/cmd/bdconf/internal/cli"
)

// memoryLimit bounds the heap once garbage collection is off.
const memoryLimit = 512 << 20

func main() {
	// A bdconf run is short and allocates a few tens of MiB, which the
	// process exit frees: collecting garbage on the way costs a third of
	// the run. The limit turns collection back on if a profile ever needs
	// more. GOGC, when set, keeps the Go defaults.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(cli.Main())
}
