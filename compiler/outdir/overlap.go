package outdir

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// refuseOverlap refuses a platform tree that is, holds or lies inside one
// of the kept paths: replacing it would delete or overwrite the user's
// profiles. Paths are compared after resolving symbolic links, so that
// "-o ." from inside a profile directory is caught too.
func refuseOverlap(target string, keep []string) error {
	resolvedTarget, err := resolve(target)
	if err != nil {
		return err
	}
	for _, k := range keep {
		resolvedKeep, err := resolve(k)
		if err != nil {
			return err
		}
		if within(resolvedTarget, resolvedKeep) || within(resolvedKeep, resolvedTarget) {
			return fmt.Errorf("refused: it overlaps the profile %s, and a build replaces the whole tree: choose an output directory outside the profiles", k)
		}
	}
	return nil
}

// within tells whether path is base or lies below it.
func within(path, base string) bool {
	rel, err := filepath.Rel(base, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// resolve returns the absolute, symlink-free form of p; for a path that does
// not exist yet, its deepest existing ancestor is resolved and the rest kept.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for {
		real, err := filepath.EvalSymlinks(abs)
		if err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if !os.IsNotExist(err) {
			return "", err
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return filepath.Join(append([]string{abs}, rest...)...), nil
		}
		rest = append([]string{filepath.Base(abs)}, rest...)
		abs = parent
	}
}
