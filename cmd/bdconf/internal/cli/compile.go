package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bdconf/bdconf/compiler"
)

// compileProfiles reads the profiles from disk and compiles them, printing
// warnings to stderr, and with --verbose the directory entries it skipped;
// any error is a failure of the command's work.
func compileProfiles(cmd *cobra.Command, paths []string) (*compiler.Result, error) {
	stderr := cmd.ErrOrStderr()
	reader := compiler.ProfileReader{}
	if verbose, _ := cmd.Flags().GetBool("verbose"); verbose {
		reader.Skipped = func(name, why string) { fmt.Fprintf(stderr, "bdconf: skipped %s: %s\n", name, why) }
	}
	sources, err := reader.ReadFiles(paths...)
	if err != nil {
		return nil, fail(err)
	}
	res, err := compiler.Compile(cmd.Context(), compiler.Options{Sources: sources})
	if err != nil {
		return nil, fail(err)
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "%s: warning: %s\n", w.Pos, strings.TrimPrefix(w.String(), w.Pos.String()+": "))
	}
	return res, nil
}
