// Package fuzzy finds the names closest to a misspelled one, for "did you
// mean" suggestions.
package fuzzy

import "sort"

// Closest returns up to n candidates within a small edit distance of name,
// nearest first; ties keep the candidates' order.
func Closest(name string, candidates []string, n int) []string {
	limit := max(2, len(name)/4)
	type scored struct {
		name string
		dist int
	}
	var near []scored
	for _, c := range candidates {
		// The distance is at least the difference in length: most
		// candidates are ruled out without computing it.
		if abs(len(c)-len(name)) > limit {
			continue
		}
		if d := Distance(name, c); d <= limit {
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

// Distance is the Levenshtein distance between a and b, in bytes.
func Distance(a, b string) int {
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

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
