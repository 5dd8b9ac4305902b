package outdir

import (
	"errors"
	"os"
)

// exchange puts the tree fresh at target in one atomic step where the file
// system can (see exchangeAtomically): when target exists, fresh's path then
// holds the old tree, for the caller to remove with the staging directory.
func exchange(fresh, target string) error {
	if _, err := os.Lstat(target); os.IsNotExist(err) {
		return os.Rename(fresh, target)
	}
	err := exchangeAtomically(fresh, target)
	if errors.Is(err, errNoExchange) {
		return swapByRenames(fresh, target)
	}
	return err
}

// errNoExchange says the platform or file system cannot exchange two paths.
var errNoExchange = errors.New("atomic exchange not supported")

// swapByRenames replaces target with fresh by two renames, for file systems
// without an atomic exchange: a kill between them leaves no tree at target
// (the old one is parked in the staging directory, which the next Write
// removes). The old tree is put back if the second rename fails.
func swapByRenames(fresh, target string) error {
	parked := fresh + ".old"
	if err := os.Rename(target, parked); err != nil {
		return err
	}
	if err := os.Rename(fresh, target); err != nil {
		if restoreErr := os.Rename(parked, target); restoreErr != nil {
			return errors.Join(err, restoreErr)
		}
		return err
	}
	return nil
}
