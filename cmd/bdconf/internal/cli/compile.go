package cli

import (
	"context"
	"errors"
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
	flags := cmd.Flags()
	maxBytes, _ := flags.GetInt("max-input-bytes")
	timeout, _ := flags.GetDuration("timeout")
	reader := compiler.ProfileReader{MaxBytes: maxBytes}
	if verbose, _ := cmd.Flags().GetBool("verbose"); verbose {
		reader.Skipped = func(name, why string) { fmt.Fprintf(stderr, "bdconf: skipped %s: %s\n", name, why) }
	}
	sources, err := reader.ReadFiles(paths...)
	if err != nil {
		return nil, fail(withLimitFlags(err))
	}
	ctx, cancel := context.WithTimeout(cmd.Context(), timeout)
	defer cancel()
	res, err := compiler.Compile(ctx, compiler.Options{Sources: sources, MaxInputBytes: maxBytes})
	if err != nil {
		return nil, fail(withLimitFlags(err))
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "%s: warning: %s\n", w.Pos, strings.TrimPrefix(w.String(), w.Pos.String()+": "))
	}
	return res, nil
}

// withLimitFlags names the flags that set a limit the error reports.
func withLimitFlags(err error) error {
	if limit := (*compiler.LimitError)(nil); errors.As(err, &limit) {
		return fmt.Errorf("%w (flags --timeout and --max-input-bytes)", err)
	}
	return err
}
