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

// Options says how to write.
type Options struct {
	// Keep lists paths that Write must never replace, remove or write into:
	// the profiles the result was compiled from. A platform tree that is,
	// holds or lies inside one of them is refused.
	Keep []string
	// Waiting, when set, is called once if another Write holds the same
	// output directory; Write then waits for it to finish.
	Waiting func(dir string)
}

// Write replaces dir/<platform> with exactly the files of res, in one atomic
// step: the new tree is written and synced beside the old one, then the two
// are exchanged, so a reader, a crash or a kill at any moment finds either
// the old tree or the new one, never a mix or none. On any error the old
// tree is left as it was. Concurrent Writes into one directory run one
// after the other.
func Write(dir string, res *compiler.Result, opts Options) error {
	target := filepath.Join(dir, res.Platform)
	if err := refuseOverlap(target, opts.Keep); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	unlock, err := lock(dir, opts.Waiting)
	if err != nil {
		return err
	}
	defer unlock()
	if err := removeStaleStaging(dir, res.Platform); err != nil {
		return err
	}
	return replace(dir, target, res)
}

// replace writes res into a fresh staging directory beside target and swaps
// it in; the staging directory, then holding the old tree, is removed.
func replace(dir, target string, res *compiler.Result) (err error) {
	staging, err := os.MkdirTemp(dir, stagingPrefix(res.Platform))
	if err != nil {
		return err
	}
	defer func() {
		if removeErr := os.RemoveAll(staging); err == nil && removeErr != nil {
			err = fmt.Errorf("removing %s: %w", staging, removeErr)
		}
	}()
	fresh := filepath.Join(staging, res.Platform)
	if err := writeFiles(fresh, res); err != nil {
		return err
	}
	if err := syncTree(fresh); err != nil {
		return err
	}
	if err := exchange(fresh, target); err != nil {
		return fmt.Errorf("replacing %s: %w", target, err)
	}
	return syncDir(dir)
}

// writeFiles writes every file of res under root, which holds the
// platform's tree: Result paths start with the platform name.
func writeFiles(root string, res *compiler.Result) error {
	base := filepath.Dir(root)
	if err := os.MkdirAll(root, 0o755); err != nil {
		return err
	}
	for _, f := range res.Files {
		target := filepath.Join(base, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
