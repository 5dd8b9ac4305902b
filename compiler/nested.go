package compiler

import (
	"fmt"

	"cuelang.org/go/cue"

	"github.com/bdconf/bdconf/compiler/native"
)

// isNested tells the native formats that are sections of relations or of
// login modules rather than flat key/values.
func isNested(f native.Format) bool {
	return f == native.Krb5Conf || f == native.JAAS
}

// decodeNested reads the entries of a nested native file into what its
// writer takes: map[string]map[string]any for krb5.conf,
// map[string][]native.LoginModule for JAAS.
func decodeNested(f native.Format, entries cue.Value) (any, error) {
	switch f {
	case native.Krb5Conf:
		var sections map[string]map[string]any
		err := entries.Decode(&sections)
		return sections, err
	case native.JAAS:
		var apps map[string][]native.LoginModule
		err := entries.Decode(&apps)
		return apps, err
	}
	return nil, fmt.Errorf("native: %s is not a nested format", f)
}

// renderNested writes a nested native file decoded by decodeNested.
func renderNested(nested any) ([]byte, error) {
	switch n := nested.(type) {
	case map[string]map[string]any:
		return native.RenderKrb5Conf(n)
	case map[string][]native.LoginModule:
		return native.RenderJAAS(n)
	}
	return nil, fmt.Errorf("native: cannot render %T", nested)
}
