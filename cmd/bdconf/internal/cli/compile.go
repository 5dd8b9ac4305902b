package cli

import (
	"context"

	"github.com/bdconf/bdconf/compiler"
)

// compileProfiles reads the profiles from disk and compiles them; any error
// is a failure of the command's work.
func compileProfiles(ctx context.Context, paths []string) (*compiler.Result, error) {
	sources, err := compiler.ReadFiles(paths...)
	if err != nil {
		return nil, fail(err)
	}
	res, err := compiler.Compile(ctx, compiler.Options{Sources: sources})
	if err != nil {
		return nil, fail(err)
	}
	return res, nil
}
