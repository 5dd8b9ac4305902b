package outdir

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// stagingPrefix names the directories a Write of platform stages its tree
// in, beside the tree; they are hidden, and only Write creates them.
func stagingPrefix(platform string) string {
	return "." + platform + ".new-"
}

// removeStaleStaging removes the staging directories that earlier Writes
// of platform left when they were killed. The caller holds the platform's
// lock, so no live Write owns one.
func removeStaleStaging(dir, platform string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), stagingPrefix(platform)) {
			stale := filepath.Join(dir, e.Name())
			if err := os.RemoveAll(stale); err != nil {
				return fmt.Errorf("removing a killed build's staging directory: %w", err)
			}
		}
	}
	return nil
}
