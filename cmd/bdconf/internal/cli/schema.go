package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/bdconf/bdconf/compiler/catalog"
	"github.com/bdconf/bdconf/schema"
)

func newSchemaCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "schema [TECHNOLOGY] [--json]",
		Short: "List the configuration keys bdconf knows, with their types and upstream facts",
		Long: `schema lists every key of every native file in the embedded catalogs:
technology, file, key (or a pattern for a family of keys), type, upstream
default, and whether it is secret or deprecated. With --json it prints an
array of objects with the fields technology, file, key, pattern, type,
default, unit, secret, deprecated and source.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			options, err := catalog.Load(schema.FS)
			if err != nil {
				return fail(err)
			}
			if len(args) == 1 {
				if options, err = ofTechnology(options, args[0]); err != nil {
					return err
				}
			}
			if asJSON {
				return printJSON(cmd.OutOrStdout(), options)
			}
			return printTable(cmd.OutOrStdout(), options)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array")
	return cmd
}

// ofTechnology keeps the options of one technology; an unknown name is a
// usage error that lists the known ones.
func ofTechnology(options []catalog.Option, tech string) ([]catalog.Option, error) {
	var kept []catalog.Option
	for _, o := range options {
		if o.Technology == tech {
			kept = append(kept, o)
		}
	}
	if len(kept) == 0 {
		return nil, fmt.Errorf("unknown technology %q (known: %s)", tech, strings.Join(catalog.Technologies(options), ", "))
	}
	return kept, nil
}

func printJSON(w io.Writer, options []catalog.Option) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(options)
}

func printTable(w io.Writer, options []catalog.Option) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TECHNOLOGY\tFILE\tKEY\tTYPE\tDEFAULT\tNOTES")
	for _, o := range options {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", o.Technology, o.File, o.Key, o.Type, orDash(o.Default), notes(o))
	}
	return tw.Flush()
}

func orDash(s *string) string {
	if s == nil {
		return "-"
	}
	if *s == "" {
		return `""`
	}
	return *s
}

// notes summarises the flags of an option for the table.
func notes(o catalog.Option) string {
	var n []string
	if o.Secret {
		n = append(n, "secret")
	}
	if o.Deprecated != nil {
		n = append(n, "deprecated: use "+*o.Deprecated)
	}
	if o.Unit != "" {
		n = append(n, "unit "+o.Unit)
	}
	return strings.Join(n, "; ")
}
