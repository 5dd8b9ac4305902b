package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bdconf/bdconf/compiler"
	"github.com/bdconf/bdconf/compiler/catalog"
	"github.com/bdconf/bdconf/schema"
)

func newExplainCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "explain KEY [PROFILE...]",
		Short: "Show what bdconf knows of a key and, with profiles, its effective value",
		Long: `explain prints the facts the catalogs hold about a native key: the file it
belongs to, its type, upstream default, unit, deprecation and secrecy. With
profiles it compiles them and shows, for every native file holding the key,
the effective value and where it comes from: the profile line that set it,
or the schema line from which bdconf derived it.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			options, err := catalog.Load(schema.FS)
			if err != nil {
				return fail(err)
			}
			key, profiles := args[0], args[1:]
			matches, err := catalog.Find(options, key)
			if err != nil {
				return fail(fmt.Errorf("bdconf: %w", err))
			}
			out := cmd.OutOrStdout()
			for _, o := range matches {
				printFacts(out, key, o)
			}
			if len(profiles) == 0 {
				return nil
			}
			res, err := compileProfiles(cmd, profiles)
			if err != nil {
				return err
			}
			printEffective(out, key, matches, res)
			return nil
		},
	}
}

func printFacts(w io.Writer, key string, o catalog.Option) {
	fmt.Fprintf(w, "%s\n", key)
	fmt.Fprintf(w, "  technology: %s\n  file:       %s\n", o.Technology, o.File)
	if o.Pattern {
		fmt.Fprintf(w, "  pattern:    %s\n", o.Key)
	}
	fmt.Fprintf(w, "  type:       %s\n  default:    %s\n", o.Type, orDash(o.Default))
	if n := notes(o); n != "" {
		fmt.Fprintf(w, "  notes:      %s\n", n)
	}
	fmt.Fprintf(w, "  upstream:   %s\n", o.Source)
}

// printEffective shows the key's value in each native file of the platform
// whose catalog holds it, and where the value comes from.
func printEffective(w io.Writer, key string, options []catalog.Option, res *compiler.Result) {
	fmt.Fprintf(w, "\nin platform %s:\n", res.Platform)
	for _, n := range res.Natives {
		if !holdsFile(options, n.Path) {
			continue
		}
		fmt.Fprintf(w, "  %s: %s\n", n.Path, effective(n, key))
	}
}

func holdsFile(options []catalog.Option, nativePath string) bool {
	for _, o := range options {
		if strings.HasSuffix(nativePath, "/"+o.File) {
			return true
		}
	}
	return false
}

// effective describes the key's value in one native file.
func effective(n compiler.Native, key string) string {
	for _, s := range n.Settings {
		if s.Key != key {
			continue
		}
		if s.Derived() {
			return fmt.Sprintf("%s (derived by bdconf from %s)", s.Value, s.Origin)
		}
		return fmt.Sprintf("%s (set at %s)", s.Value, s.Origin)
	}
	return "not set (the upstream default applies)"
}
