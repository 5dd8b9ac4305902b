package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/bdconf/bdconf/compiler"
)

// compileProfiles reads the profiles from disk and compiles them, printing
// warnings to stderr; any error is a failure of the command's work.
func compileProfiles(ctx context.Context, stderr io.Writer, paths []string) (*compiler.Result, error) {
	sources, err := compiler.ReadFiles(paths...)
	if err != nil {
		return nil, fail(err)
	}
	res, err := compiler.Compile(ctx, compiler.Options{Sources: sources})
	if err != nil {
		return nil, fail(err)
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "%s: warning: %s\n", w.Pos, strings.TrimPrefix(w.String(), w.Pos.String()+": "))
	}
	return res, nil
}
