//go:build !linux

package outdir

// exchangeAtomically is not available outside Linux: Write falls back to
// two renames.
func exchangeAtomically(a, b string) error { return errNoExchange }
