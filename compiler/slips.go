package compiler

import (
	"fmt"
	"regexp"
	"strings"
)

// CUE's words for a scalar where the schema has a struct, and for a null
// (an empty YAML value, "hdfs:") where it has one.
var (
	scalarForStruct = regexp.MustCompile(`^conflicting values (.+) and \{.*\} \(mismatched types (\w+) and struct\)$`)
	nullForStruct   = regexp.MustCompile(`^(conflicting values null and \{.*\} \(mismatched types null and struct\)|invalid value \{.*\} \(want null, got struct\))$`)
	// colonNoSpace is "key:value" with no blank after the colon, which YAML
	// reads as one plain string instead of a key and its value.
	colonNoSpace = regexp.MustCompile(`^"([A-Za-z0-9_.-]+):(\S.*)"$`)
)

// explainSlip rewrites CUE's message for the common slips of a profile
// writer: a mapping written as a scalar, "key:value" without the blank
// YAML needs, and an empty value where a mapping belongs. fields lists what
// the mapping declares; it returns "" for another message.
func explainSlip(message string, path []string, fields []string) string {
	name := "it"
	if len(path) > 0 {
		name = unquote(path[len(path)-1])
	}
	if nullForStruct.MatchString(message) {
		msg := fmt.Sprintf("%s is empty (null in YAML): write %s: {} for its defaults", name, name)
		if list := fieldList(fields); list != "" {
			msg += ", or set some of its fields: " + list
		}
		return msg
	}
	m := scalarForStruct.FindStringSubmatch(message)
	if m == nil {
		return ""
	}
	if kv := colonNoSpace.FindStringSubmatch(m[1]); kv != nil {
		return fmt.Sprintf("invalid value %s: YAML reads %s:%s as one string because the colon has no blank after it; write %s: %s", m[1], kv[1], kv[2], kv[1], kv[2])
	}
	want := "a mapping"
	if list := fieldList(fields); list != "" {
		want += " with fields " + list
	}
	return fmt.Sprintf("invalid value %s (want %s, got %s)", m[1], want, m[2])
}

// fieldList is "a, b, c" for the fields a mapping declares, or "" when
// there are none or too many to list.
func fieldList(fields []string) string {
	var public []string
	for _, f := range fields {
		if !strings.HasPrefix(f, "#") && !strings.HasPrefix(f, "_") {
			public = append(public, f)
		}
	}
	if len(public) == 0 || len(public) > maxListedFields {
		return ""
	}
	return strings.Join(public, ", ")
}
