package cli

import (
	"github.com/spf13/cobra"
)

func newVetCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "vet PROFILE...",
		Short: "Validate profiles without writing anything",
		Long: `vet compiles the profiles exactly as build does, reports every problem
with its file, line and column, and writes nothing.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := compileProfiles(cmd, args)
			return err
		},
	}
}
