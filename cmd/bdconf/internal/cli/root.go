// Package cli is the bdconf command line: it parses flags, calls the
// compiler library and writes; the work happens in package compiler.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/bdconf/bdconf/compiler"
)

// Exit codes of bdconf.
const (
	exitOK    = 0
	exitFail  = 1 // invalid input or stale output
	exitUsage = 2 // bad command line
	exitBug   = 3 // a failure of bdconf itself (compiler.InternalError)
)

// failure is an error a command's work returned, as opposed to a usage error.
type failure struct{ err error }

// Error returns the underlying error's message.
func (f *failure) Error() string { return f.err.Error() }

// Unwrap returns the underlying error.
func (f *failure) Unwrap() error { return f.err }

// fail wraps err as a failure of the command's work.
func fail(err error) error { return &failure{err: err} }

// Main runs bdconf with os.Args and returns the process exit code.
func Main() int {
	return run(os.Args[1:], os.Stdout, os.Stderr)
}

func run(args []string, stdout, stderr io.Writer) int {
	root := newRootCmd(stdout, stderr)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err == nil {
		return exitOK
	}
	var internal *compiler.InternalError
	if errors.As(err, &internal) {
		fmt.Fprintf(stderr, "bdconf: %v\n%s", internal, internal.Stack)
		return exitBug
	}
	var f *failure
	if errors.As(err, &f) {
		fmt.Fprintln(stderr, f.err)
		return exitFail
	}
	fmt.Fprintf(stderr, "bdconf: %v\nRun '%s --help' for usage.\n", err, cmd.CommandPath())
	return exitUsage
}

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "bdconf",
		Short: "Compile big-data platform profiles into native configs and Kubernetes manifests",
		Long: `bdconf unifies profiles (.cue, .yaml, .json) with its embedded CUE schema,
checks every key, type and rule, and writes the native configuration files of
each technology and the Kubernetes objects that run them.`,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	flags := root.PersistentFlags()
	flags.BoolP("verbose", "v", false, "say which entries of a profile directory are skipped, and why")
	flags.Duration("timeout", 10*time.Second, "stop evaluating the profiles after this long")
	flags.Int("max-input-bytes", compiler.DefaultMaxInputBytes, "refuse profiles larger than this in total")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return err })
	root.AddCommand(newBuildCmd(), newVetCmd(), newSchemaCmd(), newExplainCmd(), newKerberosCmd())
	return root
}
