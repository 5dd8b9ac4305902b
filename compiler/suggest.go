package compiler

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"cuelang.org/go/cue"

	"github.com/bdconf/bdconf/compiler/internal/fuzzy"
	"github.com/bdconf/bdconf/schema"
)

// maxListedFields is how many allowed fields an unknown-field error lists
// when none is close to the typo.
const maxListedFields = 12

// suggester explains unknown fields. It reads the fields the schema
// declares in a struct once, however many unknown keys a file holds.
type suggester struct {
	platform cue.Value
	allowed  map[string][]string // parent path -> declared fields
}

func newSuggester(platform cue.Value) *suggester {
	return &suggester{platform: platform, allowed: map[string][]string{}}
}

// unknownField explains a "field not allowed" error at path: what it is and
// what was probably meant. A native key that another catalog lists names
// the file it belongs in; otherwise the closest keys the schema declares
// beside it are suggested, including those the profile sets elsewhere (a
// typo in an override layer of a key the base layer sets).
func (s *suggester) unknownField(path []string) string {
	name := unquote(path[len(path)-1])
	msg := fmt.Sprintf("unknown field %q", name)
	if !s.platform.Exists() {
		return msg
	}
	if file, ok := nativeFileOf(path); ok {
		if hint := keyElsewhere(name, file); hint != "" {
			return msg + hint
		}
	}
	allowed := slices.DeleteFunc(slices.Clone(s.fieldsBeside(path)), func(f string) bool { return f == name })
	if close := fuzzy.Closest(name, allowed, 3); len(close) > 0 {
		return msg + "; did you mean " + quoteJoin(close, " or ") + "?"
	}
	if len(allowed) > 0 && len(allowed) <= maxListedFields {
		return msg + "; allowed: " + strings.Join(allowed, ", ")
	}
	return msg
}

// fieldsAt lists the fields the schema declares in the struct at path.
func (s *suggester) fieldsAt(path []string) []string {
	return s.fieldsBeside(append(path[:len(path):len(path)], ""))
}

// fieldsBeside lists the fields the schema declares in the struct holding
// path; at the top, the components too, which load only when used.
func (s *suggester) fieldsBeside(path []string) []string {
	if !s.platform.Exists() || len(path) == 0 {
		return nil
	}
	parent := strings.Join(path[:len(path)-1], ".")
	if allowed, ok := s.allowed[parent]; ok {
		return allowed
	}
	allowed := schemaFields(s.platform.LookupPath(cue.ParsePath(parent)))
	if len(path) == 1 {
		allowed = append(allowed, schema.Components()...)
		sort.Strings(allowed)
		allowed = slices.Compact(allowed)
	}
	s.allowed[parent] = allowed
	return allowed
}

// nativeFileOf names the native file of a key path
// <component>[.<role>].config.<file>.<key>.
func nativeFileOf(path []string) (string, bool) {
	n := len(path)
	if n < 3 || path[n-3] != "config" {
		return "", false
	}
	return unquote(path[n-2]), true
}

// schemaFields lists the fields the schema declares in parent, the profile
// unified with the schema: those of its schema conjuncts, not the keys the
// profile adds to a map typed by a pattern (a schema conjunct may be a
// reference to such a map). The root, whose conjuncts carry
// no position, lists its own fields.
func schemaFields(parent cue.Value) []string {
	var names []string
	fromSchema := false
	_, conjuncts := parent.Expr()
	for _, c := range conjuncts {
		if isSchemaPos(position(c.Pos())) {
			fromSchema = true
			names = append(names, fieldsDeclaredInSchema(c)...)
		}
	}
	if !fromSchema {
		return declaredFields(parent)
	}
	sort.Strings(names)
	return slices.Compact(names)
}

// fieldsDeclaredInSchema lists the fields of v whose declaration is in a
// schema file.
func fieldsDeclaredInSchema(v cue.Value) []string {
	iter, err := v.Fields(cue.Optional(true))
	if err != nil {
		return nil
	}
	var names []string
	for iter.Next() {
		if isSchemaPos(position(iter.Value().Pos())) {
			names = append(names, iter.Selector().Unquoted())
		}
	}
	return names
}

// declaredFields lists the regular and optional field names of v, sorted.
func declaredFields(v cue.Value) []string {
	iter, err := v.Fields(cue.Optional(true))
	if err != nil {
		return nil
	}
	var names []string
	for iter.Next() {
		names = append(names, iter.Selector().Unquoted())
	}
	sort.Strings(names)
	return names
}

func unquote(label string) string {
	return strings.Trim(label, `"`)
}

// quoteJoin quotes each name and joins them with sep.
func quoteJoin(names []string, sep string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = strconv.Quote(n)
	}
	return strings.Join(quoted, sep)
}

// upstreamDefault names the catalog's upstream default of the key at path,
// as "; upstream default: 3", or returns "" for a value with none.
func upstreamDefault(platform cue.Value, path []string) string {
	if !platform.Exists() || len(path) == 0 {
		return ""
	}
	attr := platform.LookupPath(cue.ParsePath(strings.Join(path, "."))).Attribute("upstream")
	if def, found, _ := attr.Lookup(0, "default"); found {
		return fmt.Sprintf("; upstream default: %q", def)
	}
	return ""
}
