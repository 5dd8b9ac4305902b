package cli

import (
	"errors"
	"path"

	"github.com/spf13/cobra"

	"github.com/bdconf/bdconf/compiler"
)

func newKerberosCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "kerberos PROFILE...",
		Short: "Print the platform's Kerberos descriptor (JSON)",
		Long: `kerberos compiles the profiles and prints the Kerberos descriptor as JSON:
every principal of the platform, the keytab Secret and key that hold its
keys, and the pods that mount that Secret. KDC automation reads it to create
the principals and the keytab Secrets. build writes the same bytes to
<platform>/kerberos.json.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			res, err := compileProfiles(cmd, args)
			if err != nil {
				return err
			}
			data, ok := res.File(path.Join(res.Platform, compiler.KerberosFile))
			if !ok {
				return fail(errors.New("bdconf: the platform does not use Kerberos: set security.kerberos"))
			}
			_, err = cmd.OutOrStdout().Write(data)
			return err
		},
	}
}
