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

// unknownField explains a "field not allowed" error at path: what it is and,
// from the fields the schema declares beside it (not those the profile
// sets), what was probably meant.
func unknownField(platform, profile cue.Value, path []string) string {
	name := unquote(path[len(path)-1])
	msg := fmt.Sprintf("unknown field %q", name)
	if !platform.Exists() {
		return msg
	}
	parentPath := cue.ParsePath(strings.Join(path[:len(path)-1], "."))
	allowed := declaredFields(platform.LookupPath(parentPath))
	if len(path) == 1 {
		allowed = append(allowed, schema.Components()...) // loaded only when used
		sort.Strings(allowed)
		allowed = slices.Compact(allowed)
	} else {
		// Below the top, a map typed by a pattern lists the profile's own
		// keys: those are no suggestion.
		setByProfile := declaredFields(profile.LookupPath(parentPath))
		allowed = slices.DeleteFunc(allowed, func(f string) bool { return slices.Contains(setByProfile, f) })
	}
	allowed = slices.DeleteFunc(allowed, func(f string) bool { return f == name })
	if close := fuzzy.Closest(name, allowed, 3); len(close) > 0 {
		return msg + "; did you mean " + quoteJoin(close, " or ") + "?"
	}
	if len(allowed) > 0 && len(allowed) <= maxListedFields {
		return msg + "; allowed: " + strings.Join(allowed, ", ")
	}
	return msg
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
