package compiler

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"cuelang.org/go/cue"
)

// maxListedFields is how many allowed fields an unknown-field error lists
// when none is close to the typo.
const maxListedFields = 12

// unknownField explains a "field not allowed" error at path: what it is and,
// from the fields the schema declares beside it, what was probably meant.
func unknownField(platform cue.Value, path []string) string {
	name := unquote(path[len(path)-1])
	msg := fmt.Sprintf("unknown field %q", name)
	if !platform.Exists() {
		return msg
	}
	parent := platform.LookupPath(cue.ParsePath(strings.Join(path[:len(path)-1], ".")))
	allowed := slices.DeleteFunc(declaredFields(parent), func(f string) bool { return f == name })
	if close := closest(name, allowed, 3); len(close) > 0 {
		return msg + "; did you mean " + quoteAll(close) + "?"
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

// closest returns up to n candidates within a small edit distance of name,
// nearest first.
func closest(name string, candidates []string, n int) []string {
	limit := max(2, len(name)/4)
	type scored struct {
		name string
		dist int
	}
	var near []scored
	for _, c := range candidates {
		if d := editDistance(name, c); d <= limit {
			near = append(near, scored{c, d})
		}
	}
	sort.SliceStable(near, func(i, j int) bool { return near[i].dist < near[j].dist })
	var out []string
	for i := 0; i < len(near) && i < n; i++ {
		out = append(out, near[i].name)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

func unquote(label string) string {
	return strings.Trim(label, `"`)
}

func quoteAll(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(quoted, " or ")
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
