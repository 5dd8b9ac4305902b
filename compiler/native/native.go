// Package native writes native configuration files byte for byte, with
// escaping that the consuming technology reads back as exactly the intended
// keys and values: the flat formats Hadoop XML and Java properties through
// Render, krb5.conf through RenderKrb5Conf and JAAS login configurations
// through RenderJAAS.
package native

import (
	"fmt"
	"slices"
	"strings"
)

// Entry is one key/value pair of a native configuration file.
type Entry struct{ Key, Value string }

// Format names a native file syntax.
type Format string

// The supported native file syntaxes.
const (
	HadoopXML      Format = "hadoop-xml"      // core-site.xml, hdfs-site.xml ...
	JavaProperties Format = "java-properties" // server.properties, zoo.cfg, log4j.properties ...
	Krb5Conf       Format = "krb5"            // krb5.conf, nested: written by RenderKrb5Conf, not Render
	JAAS           Format = "jaas"            // JAAS login configuration: written by RenderJAAS, not Render
)

// Render returns the file bytes for entries in the given format. Entries are written sorted by key
// (Render sorts a copy; input order does not matter). Duplicate keys and unrepresentable content are errors
// that name the key.
func Render(f Format, entries []Entry) ([]byte, error) {
	var render func([]Entry) ([]byte, error)
	switch f {
	case HadoopXML:
		render = renderHadoopXML
	case JavaProperties:
		render = renderJavaProperties
	default:
		return nil, fmt.Errorf("native: unknown format %q", f)
	}
	sorted, err := sortedEntries(entries)
	if err != nil {
		return nil, fmt.Errorf("native: %s: %w", f, err)
	}
	out, err := render(sorted)
	if err != nil {
		return nil, fmt.Errorf("native: %s: %w", f, err)
	}
	return out, nil
}

// sortedEntries returns a copy of entries sorted by key, rejecting empty and
// duplicate keys.
func sortedEntries(entries []Entry) ([]Entry, error) {
	sorted := slices.Clone(entries)
	slices.SortFunc(sorted, func(a, b Entry) int { return strings.Compare(a.Key, b.Key) })
	for i, e := range sorted {
		if e.Key == "" {
			return nil, fmt.Errorf("empty key (value %q)", e.Value)
		}
		if i > 0 && sorted[i-1].Key == e.Key {
			return nil, keyError(e.Key, "duplicate key")
		}
	}
	return sorted, nil
}

// KeyError is a problem with one entry that the format cannot represent.
type KeyError struct {
	Key string
	Err error
}

// Error names the key and the problem.
func (e *KeyError) Error() string { return fmt.Sprintf("key %q: %v", e.Key, e.Err) }

// Unwrap returns the problem.
func (e *KeyError) Unwrap() error { return e.Err }

// keyError reports a problem with the key or value of the entry named key.
func keyError(key, format string, args ...any) error {
	return &KeyError{Key: key, Err: fmt.Errorf(format, args...)}
}

// errInvalidUTF8 reports invalid UTF-8 at byte offset i of a key or value.
func errInvalidUTF8(i int) error {
	return fmt.Errorf("contains invalid UTF-8 at byte %d", i)
}
