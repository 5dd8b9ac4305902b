package cli

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/bdconf/bdconf/compiler/outdir"
)

func newBuildCmd() *cobra.Command {
	var dir string
	var check bool
	cmd := &cobra.Command{
		Use:   "build PROFILE... [-o DIR]",
		Short: "Write the native files and Kubernetes manifests of a platform",
		Long: `build compiles the profiles (files, or directories standing for every
profile file in them) and replaces DIR/<platform> with the result:
DIR/<platform>/native/<component>/[<role>/]<file> and
DIR/<platform>/kubernetes/<kind>-<name>.yaml plus kustomization.yaml.
On any error nothing under DIR changes.

With --check, build writes nothing: it prints a unified diff and exits 1
when DIR/<platform> differs from what build would write.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if dir == "-" {
				return errors.New("-o - (standard output) is not supported: name an output directory")
			}
			res, err := compileProfiles(cmd, args)
			if err != nil {
				return err
			}
			target := filepath.Join(dir, res.Platform)
			if check {
				return checkOutput(cmd, dir, res, args)
			}
			opts := outdir.Options{Keep: args, Waiting: func(held string) {
				fmt.Fprintf(cmd.ErrOrStderr(), "bdconf: waiting for another build writing into %s\n", held)
			}}
			if err := outdir.Write(dir, res, opts); err != nil {
				return fail(fmt.Errorf("bdconf: writing %s: %w", target, err))
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %d files to %s\n", len(res.Files), target)
			return nil
		},
	}
	cmd.Flags().StringVarP(&dir, "out", "o", "out", "output directory; the build owns DIR/<platform>")
	cmd.Flags().BoolVar(&check, "check", false, "write nothing; exit 1 with a diff when DIR is stale")
	return cmd
}
