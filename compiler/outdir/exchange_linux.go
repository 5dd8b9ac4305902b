package outdir

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchangeAtomically swaps two existing paths with renameat2's
// RENAME_EXCHANGE (Linux 3.15; ext4, xfs, btrfs, tmpfs and others).
func exchangeAtomically(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) {
		return errNoExchange
	}
	return err
}
