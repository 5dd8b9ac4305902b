package compiler

import (
	"bytes"
	"regexp"
	"sort"
	"strconv"

	cueerrors "cuelang.org/go/cue/errors"
	"cuelang.org/go/encoding/yaml"
)

// yamlErrorLine reads the line of a YAML syntax error as CUE reports it:
// "file:line: message", with no column.
var yamlErrorLine = regexp.MustCompile(`^.*?:(\d+): (.*)$`)

// placeYAMLError gives a YAML syntax error the position of its problem.
// The YAML parser reports the line where the enclosing structure starts
// (its context), not where the problem is: for a misindented key it names
// the mapping's first line, column 1. The problem line is the first line
// whose addition makes the document fail to parse, found by bisection from
// the reported line; the column is that line's first non-blank character.
func placeYAMLError(name string, data []byte, err error) error {
	errs := cueerrors.Errors(err)
	if len(errs) != 1 || errs[0].Position().IsValid() {
		return err
	}
	m := yamlErrorLine.FindStringSubmatch(errs[0].Error())
	if m == nil {
		return err
	}
	reported, _ := strconv.Atoi(m[1])
	lines := bytes.SplitAfter(data, []byte("\n"))
	line := problemLine(name, lines, reported)
	offset := len(bytes.Join(lines[:line-1], nil))
	offset += len(lines[line-1]) - len(bytes.TrimLeft(lines[line-1], " \t")) // the first non-blank
	return cueerrors.Newf(positionAt(name, data, offset), "%s", m[2])
}

// problemLine is the first line, from reported on, whose prefix of the
// document no longer parses; reported when none can be told.
func problemLine(name string, lines [][]byte, reported int) int {
	if reported < 1 || reported > len(lines) {
		return max(1, min(reported, len(lines)))
	}
	first := sort.Search(len(lines)-reported+1, func(i int) bool {
		_, err := yaml.Extract(name, bytes.Join(lines[:reported+i], nil))
		return err != nil
	})
	return min(reported+first, len(lines))
}
