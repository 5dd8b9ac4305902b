package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bdconf/bdconf/compiler"
	"github.com/bdconf/bdconf/compiler/outdir"
)

// checkOutput prints the diff between dir and res, failing when there is one.
func checkOutput(cmd *cobra.Command, dir string, res *compiler.Result, profiles []string) error {
	target := filepath.Join(dir, res.Platform)
	diff, err := outdir.Check(dir, res)
	if err != nil {
		return fail(fmt.Errorf("bdconf: checking %s: %w", target, err))
	}
	if diff == "" {
		return nil
	}
	fmt.Fprint(cmd.OutOrStdout(), diff)
	return fail(fmt.Errorf("bdconf: %s is stale; run: bdconf build %s -o %s", target, strings.Join(profiles, " "), dir))
}
