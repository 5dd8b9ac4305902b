package outdir

import (
	"os"

	"golang.org/x/sys/unix"
)

// syncFileSystem flushes the whole file system holding f with one
// syncfs(2): one journal commit for every file of a tree, where an fsync
// per file costs a commit each.
func syncFileSystem(f *os.File) error {
	return unix.Syncfs(int(f.Fd()))
}
