package compiler

import (
	"fmt"
	"strconv"
)

// checkDeprecations warns, at its profile position, of every deprecated key
// a profile sets, naming the replacement. Setting a key together with its
// replacement is an error: the technology would silently apply one of them.
func checkDeprecations(files map[string]nativeFile, sources []Source) ([]Diagnostic, error) {
	inProfile := sourceNames(sources)
	var warnings []Diagnostic
	errs := &Error{}
	seen := map[string]bool{}
	for _, nativePath := range sortedKeys(files) {
		settings := files[nativePath].settings
		for _, s := range settings {
			if len(s.Deprecated) == 0 || !inProfile[s.Origin.File] {
				continue
			}
			d, isError := deprecation(s, settings)
			if key := d.String(); !seen[key] {
				seen[key] = true
				if isError {
					errs.Diagnostics = append(errs.Diagnostics, d)
				} else {
					warnings = append(warnings, d)
				}
			}
		}
	}
	if len(errs.Diagnostics) > 0 {
		return nil, errs
	}
	return warnings, nil
}

// deprecation describes one deprecated setting, and whether a replacement
// set beside it makes it an error.
func deprecation(s Setting, file []Setting) (Diagnostic, bool) {
	d := Diagnostic{Pos: s.Origin, Path: strconv.Quote(s.Key)}
	for _, other := range file {
		for _, replacement := range s.Deprecated {
			if other.Key == replacement {
				d.Message = fmt.Sprintf("deprecated, and its replacement %q is set too: keep only %q", replacement, replacement)
				d.Related = []Related{{Pos: other.Origin, Note: fmt.Sprintf("%q %s here", replacement, setOrDerived(other))}}
				return d, true
			}
		}
	}
	d.Message = fmt.Sprintf("deprecated: use %s instead", quoteJoin(s.Deprecated, " and "))
	return d, false
}

func setOrDerived(s Setting) string {
	if s.Derived() {
		return "derived by bdconf"
	}
	return "set"
}
