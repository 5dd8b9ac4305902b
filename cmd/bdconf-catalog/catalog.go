package main

import (
	"fmt"
	"sort"
)

// Kind is the value type of a configuration key, as the catalog types it.
type Kind int

// The kinds a key can have. Each maps to a named CUE type defined in the
// package's hand-written types.cue (see Kind.Ref), except the enumerations,
// which are written as disjunctions of string literals.
const (
	KindString Kind = iota
	KindBool
	KindInt
	KindShort
	KindLong
	KindNumber
	KindDuration
	KindSize
	KindClass
	KindList
	KindVersion
	KindEnum
	KindEnumList
	KindScalar
	// KindHeapSize is Trino's "heap size" type: a data size or a
	// percentage of the maximum heap.
	KindHeapSize
	// KindEnctypes is a krb5 enctype list: enctype, family or DEFAULT
	// names, with a "-" prefix to remove and a ":salt" suffix in key/salt
	// lists.
	KindEnctypes
	// KindPermission is a Hadoop file permission or umask.
	KindPermission
	// KindJaasConfig is a Kafka JAAS configuration: a secret whose literal
	// is allowed when it holds no credentials.
	KindJaasConfig
)

// kindNames are the kinds' names in the count report.
var kindNames = map[Kind]string{
	KindString:     "string",
	KindBool:       "bool",
	KindInt:        "int",
	KindShort:      "short",
	KindLong:       "long",
	KindNumber:     "number",
	KindDuration:   "duration",
	KindSize:       "size",
	KindClass:      "class",
	KindList:       "list",
	KindVersion:    "version",
	KindEnum:       "enum",
	KindEnumList:   "enum-list",
	KindScalar:     "scalar",
	KindHeapSize:   "heap-size",
	KindEnctypes:   "enctype-list",
	KindPermission: "permission",
	KindJaasConfig: "jaas-config",
}

// kindRefs are the CUE references of the kinds' named types.
var kindRefs = map[Kind]string{
	KindString:     "#String",
	KindBool:       "#Bool",
	KindInt:        "#Int",
	KindShort:      "#Short",
	KindLong:       "#Long",
	KindNumber:     "#Number",
	KindDuration:   "#Duration",
	KindSize:       "#Size",
	KindClass:      "#ClassName",
	KindList:       "#List",
	KindVersion:    "#Version",
	KindScalar:     "#Scalar",
	KindHeapSize:   "#HeapSize",
	KindEnctypes:   "#EnctypeList",
	KindPermission: "#Permission",
	KindJaasConfig: "#JaasConfig",
}

// String returns the name used for the kind in the count report.
func (k Kind) String() string { return kindNames[k] }

// Ref returns the CUE reference of the kind's named type; it is empty for
// the enumeration kinds.
func (k Kind) Ref() string { return kindRefs[k] }

// Type is the type of one key: a kind, the literal values of an
// enumeration, and an optional extra CUE constraint such as ">=1".
type Type struct {
	Kind   Kind
	Values []string
	Bounds string
}

// Key is one configuration key of a native file with its upstream facts.
type Key struct {
	Name       string
	Type       Type
	Default    string
	HasDefault bool
	Unit       string
	Deprecated []string
	Secret     bool
}

// Pattern is a family of keys matched by a regular expression (RE2, as
// CUE's =~ uses), generated from an upstream name with a placeholder.
type Pattern struct {
	Key
	Regex string
}

// Catalog is the typed key set of one native configuration file.
type Catalog struct {
	Package    string // CUE package, e.g. "hadoop"
	Definition string // CUE definition without '#', e.g. "HDFSSite"
	NativeFile string // e.g. "hdfs-site.xml"
	OutFile    string // e.g. "hdfs_site_gen.cue"
	Source     string // upstream document relative to the upstream folder
	Version    string // upstream product and version, e.g. "Apache Hadoop 3.4.1"
	Keys       []Key
	Patterns   []Pattern

	// Section names the part of the native file the definition types,
	// e.g. "libdefaults" of krb5.conf; empty for a whole file.
	Section string
	// Decls are CUE declarations placed before the keys: embedded
	// definitions and fixed fields.
	Decls []string
}

// sortCatalog orders keys by name and patterns by regex, so that output does
// not depend on upstream document order.
func sortCatalog(c *Catalog) {
	sort.Slice(c.Keys, func(i, j int) bool { return c.Keys[i].Name < c.Keys[j].Name })
	sort.Slice(c.Patterns, func(i, j int) bool { return c.Patterns[i].Regex < c.Patterns[j].Regex })
}

// sortedKeys returns the keys of a reviewed table in order.
func sortedKeys[V any](m map[string]V) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// keySet collects keys by name, keeping the first occurrence's position.
type keySet struct {
	keys  []Key
	index map[string]int
}

// add appends k; a key listed twice must carry the same default both times.
func (s *keySet) add(k Key) error {
	if old := s.get(k.Name); old != nil {
		if old.Default != k.Default || old.HasDefault != k.HasDefault {
			return fmt.Errorf("key %q listed twice with different defaults", k.Name)
		}
		return nil
	}
	if s.index == nil {
		s.index = map[string]int{}
	}
	s.index[k.Name] = len(s.keys)
	s.keys = append(s.keys, k)
	return nil
}

// addFirst adds k unless a key of that name is listed already: the first
// listing wins (documentation that repeats a key).
func (s *keySet) addFirst(k Key) {
	if s.get(k.Name) == nil {
		_ = s.add(k) // a new name cannot conflict
	}
}

// get returns the key called name, or nil.
func (s *keySet) get(name string) *Key {
	if i, ok := s.index[name]; ok {
		return &s.keys[i]
	}
	return nil
}
