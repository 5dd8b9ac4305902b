package outdir

import (
	"os"
)

// syncTree flushes the tree under root to stable storage, so that the tree
// swapped in is whole after a power loss too (see syncFileSystem).
func syncTree(root string) error {
	f, err := os.Open(root)
	if err != nil {
		return err
	}
	defer f.Close()
	return syncFileSystem(f)
}

// syncDir flushes a directory's entries, such as a rename inside it.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
