package main

import (
	"fmt"
	"sort"
	"strings"
)

// report summarises a catalog on one line: key count, per-type counts
// (largest first), then patterns, deprecated and secret keys.
func report(c *Catalog) string {
	counts := map[string]int{}
	deprecated, secret := 0, 0
	for _, k := range c.Keys {
		counts[k.Type.Kind.String()]++
		if len(k.Deprecated) > 0 {
			deprecated++
		}
		if k.Secret {
			secret++
		}
	}
	return fmt.Sprintf("%s: %d keys: %s; %d patterns, %d deprecated, %d secret",
		catalogLabel(c), len(c.Keys), formatCounts(counts), len(c.Patterns), deprecated, secret)
}

// formatCounts lists "name n" pairs by decreasing count, then name.
func formatCounts(counts map[string]int) string {
	names := make([]string, 0, len(counts))
	for n := range counts {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if counts[names[i]] != counts[names[j]] {
			return counts[names[i]] > counts[names[j]]
		}
		return names[i] < names[j]
	})
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf("%s %d", n, counts[n])
	}
	return strings.Join(parts, ", ")
}

// catalogLabel names a catalog's native file and, when the definition
// types part of it, the section.
func catalogLabel(c *Catalog) string {
	if c.Section == "" {
		return c.NativeFile
	}
	return c.NativeFile + " [" + c.Section + "]"
}
