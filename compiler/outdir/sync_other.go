//go:build !linux

package outdir

import (
	"io/fs"
	"os"
	"path/filepath"
)

// syncFileSystem flushes every file and directory under f's path, one
// fsync each, where syncfs(2) is missing.
func syncFileSystem(f *os.File) error {
	return filepath.WalkDir(f.Name(), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		g, err := os.Open(p)
		if err != nil {
			return err
		}
		defer g.Close()
		return g.Sync()
	})
}
