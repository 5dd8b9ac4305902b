// Command bdconf-catalog turns the upstream configuration catalogs of the
// technologies bdconf targets into typed CUE definitions, one per native
// file, written under schema/catalog and committed:
//
//	go run ./cmd/bdconf-catalog -upstream ../shared/upstream -out schema/catalog
//
// It prints a per-file, per-type count report to standard output.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func main() {
	upstream := flag.String("upstream", "../shared/upstream", "folder holding the upstream catalogs")
	out := flag.String("out", "schema/catalog", "folder receiving one sub-folder per CUE package")
	flag.Parse()
	if err := run(*upstream, *out, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bdconf-catalog:", err)
		os.Exit(1)
	}
}

// run builds every target's catalog, writes its generated file below out
// and reports the counts to w.
func run(upstream, out string, w io.Writer) error {
	for _, t := range targets {
		c, err := t.build(upstream, t)
		if err != nil {
			return err
		}
		if err := writeCatalog(out, c); err != nil {
			return err
		}
		fmt.Fprintln(w, report(c))
	}
	return writeTypes(out)
}

// writeCatalog renders c into out/<package>/<file>.
func writeCatalog(out string, c *Catalog) error {
	src, err := render(c)
	if err != nil {
		return err
	}
	return writeFile(out, c.Package, c.OutFile, src)
}

// writeFile writes src to out/<pkg>/<name>, creating the folder.
func writeFile(out, pkg, name string, src []byte) error {
	dir := filepath.Join(out, pkg)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, name), src, 0o644)
}
