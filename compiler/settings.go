package compiler

import (
	"fmt"
	"strconv"
	"strings"

	"cuelang.org/go/cue"

	"github.com/bdconf/bdconf/compiler/native"
)

// Setting is one key of a native file, with where its value comes from.
type Setting struct {
	Key, Value string
	// Origin is where the value is written: a profile position for a value
	// the user set, a schema position for a value bdconf derives.
	Origin Position
	// Deprecated lists the keys that replace Key, when the catalog
	// deprecates it.
	Deprecated []string
	// Unchecked is set for a key given under `unchecked`, outside the catalog.
	Unchecked bool
	// Secret is set for a value that references a Kubernetes Secret: Value
	// is then the placeholder the file's technology expands at run time.
	Secret bool
	// Text is set for a value given as a string, such as "4": the
	// catalogs' bounds apply to numbers, and checkNumericText to the number
	// such a text is read as.
	Text bool
}

// Derived tells a value bdconf computed from one a profile set.
func (s Setting) Derived() bool {
	return strings.HasPrefix(s.Origin.File, schemaDir+"/")
}

// decodeSettings reads the concrete fields of v, marked unchecked or not.
func (l literals) decodeSettings(v cue.Value, unchecked bool) ([]Setting, error) {
	if !v.Exists() {
		return nil, nil
	}
	iter, err := v.Fields()
	if err != nil {
		return nil, err
	}
	var settings []Setting
	for iter.Next() {
		s, err := l.decodeSetting(iter.Selector().Unquoted(), iter.Value())
		if err != nil {
			return nil, err
		}
		s.Unchecked = unchecked
		settings = append(settings, s)
	}
	return settings, nil
}

// requireUnknown rejects unchecked keys that the file's catalog knows: those
// belong under config, where their type is checked.
func requireUnknown(checked cue.Value, unchecked []Setting, file string) error {
	e := &Error{}
	for _, s := range unchecked {
		if checked.Allows(cue.Str(s.Key)) {
			e.Diagnostics = append(e.Diagnostics, Diagnostic{
				Pos:     s.Origin,
				Path:    strconv.Quote(s.Key),
				Message: knownUncheckedMessage(file),
			})
		}
	}
	if len(e.Diagnostics) > 0 {
		return e
	}
	return nil
}

// knownUncheckedMessage refuses, under unchecked, a key the catalog of file knows.
func knownUncheckedMessage(file string) string {
	return fmt.Sprintf("the %s catalog knows this key: set it under config, where its type is checked", file)
}

func (l literals) decodeSetting(key string, v cue.Value) (Setting, error) {
	if isSecretRef(v) {
		// The struct's own position is the catalog's #Secret; its name is
		// where the reference was written.
		name := v.LookupPath(cue.ParsePath("secretKeyRef.name"))
		return Setting{Key: key, Secret: true, Origin: position(name.Pos())}, nil
	}
	value, err := l.scalarString(v)
	if err != nil {
		return Setting{}, fmt.Errorf("key %s: %w", key, err)
	}
	s := Setting{Key: key, Value: value, Origin: position(v.Pos()), Text: isText(v)}
	attr := v.Attribute("upstream")
	if replacement, found, _ := attr.Lookup(0, "deprecated"); found {
		s.Deprecated = strings.Split(replacement, ",")
	}
	return s, nil
}

// isText tells a value given as a string.
func isText(v cue.Value) bool {
	v, _ = v.Default()
	return v.Kind() == cue.StringKind
}

// entries returns the key/values of settings, for a native writer.
func entries(settings []Setting) []native.Entry {
	out := make([]native.Entry, len(settings))
	for i, s := range settings {
		out[i] = native.Entry{Key: s.Key, Value: s.Value}
	}
	return out
}
