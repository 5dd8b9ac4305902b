// Command bdconf compiles big-data platform profiles into native
// configuration files and Kubernetes manifests.
package main

import (
	"os"

	"github.com/bdconf/bdconf/cmd/bdconf/internal/cli"
)

func main() { os.Exit(cli.Main()) }
