package compiler

import (
	"fmt"
	"sort"
)

// maxUnknownFields is how many unknown fields one run explains, each with
// its suggestions; a profile with more (a file of another product's keys
// pasted in the wrong place) gets one more diagnostic counting the rest.
const maxUnknownFields = 20

// moreUnknownFields starts the message of that last diagnostic.
const moreUnknownFields = "and "

// capUnknownFields keeps the first maxUnknownFields unknown fields, by
// position, and replaces the others with one candidate counting them, at
// the first of them.
func capUnknownFields(all []candidate) []candidate {
	var unknown []int
	for i, c := range all {
		if c.message == "field not allowed" {
			unknown = append(unknown, i)
		}
	}
	if len(unknown) <= maxUnknownFields {
		return all
	}
	sort.SliceStable(unknown, func(i, j int) bool { return lessCandidate(all[unknown[i]], all[unknown[j]]) })
	dropped := map[int]bool{}
	for _, i := range unknown[maxUnknownFields:] {
		dropped[i] = true
	}
	var out []candidate
	for i, c := range all {
		if !dropped[i] {
			out = append(out, c)
		}
	}
	first := all[unknown[maxUnknownFields]]
	first.message = fmt.Sprintf("%s%d more unknown fields from here on, not listed one by one", moreUnknownFields, len(unknown)-maxUnknownFields)
	return append(out, first)
}

// lessCandidate orders candidates by their first profile position.
func lessCandidate(a, b candidate) bool {
	if len(a.profile) == 0 || len(b.profile) == 0 {
		return len(a.profile) > len(b.profile)
	}
	return lessPos(a.profile[0], b.profile[0])
}
