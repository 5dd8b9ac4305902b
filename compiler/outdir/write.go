// Package outdir writes a compiler.Result to disk atomically and checks a
// directory against one.
//
// A build owns DIR/<platform>: Write replaces that subtree as a whole, and
// leaves the rest of DIR alone.
package outdir

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/bdconf/bdconf/compiler"
)

// Write replaces dir/<platform> with exactly the files of res. The new tree is
// written beside the old one and swapped in with renames, so on any error the
// old tree is left as it was.
func Write(dir string, res *compiler.Result) (err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	staging, err := os.MkdirTemp(dir, "."+res.Platform+".new-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(staging)
		}
	}()
	if err := writeFiles(staging, res); err != nil {
		return err
	}
	return swap(filepath.Join(dir, res.Platform), filepath.Join(staging, res.Platform))
}

// writeFiles writes every file of res under root.
func writeFiles(root string, res *compiler.Result) error {
	for _, f := range res.Files {
		target := filepath.Join(root, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// swap puts fresh where target is, moving the old target aside first and
// restoring it if the final rename fails.
func swap(target, fresh string) error {
	staging := filepath.Dir(fresh)
	old := filepath.Join(staging, "old")
	hadOld := true
	if err := os.Rename(target, old); os.IsNotExist(err) {
		hadOld = false
	} else if err != nil {
		return fmt.Errorf("moving %s aside: %w", target, err)
	}
	if err := os.Rename(fresh, target); err != nil {
		if hadOld {
			if restoreErr := os.Rename(old, target); restoreErr != nil {
				return fmt.Errorf("replacing %s: %v; the previous output is kept at %s", target, err, old)
			}
		}
		return fmt.Errorf("replacing %s: %w", target, err)
	}
	return os.RemoveAll(staging)
}
