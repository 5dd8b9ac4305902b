package compiler

import (
	"fmt"
	"strings"

	"cuelang.org/go/cue/token"
)

// Error reports invalid profiles: every problem found, each at a position in
// a profile file.
type Error struct {
	Diagnostics []Diagnostic
}

// Diagnostic is one problem in the profiles.
type Diagnostic struct {
	// Pos is where in a profile file the problem is.
	Pos Position
	// Path is the CUE path of the offending value, e.g. hdfs.datanode.replicas.
	Path string
	// Message says what is wrong and what was expected.
	Message string
	// Related are other positions involved, e.g. the other side of a conflict.
	Related []Related
}

// Related is a further position of a diagnostic, with what happened there.
type Related struct {
	Pos  Position
	Note string
}

// Position is a file, line and column (both 1-based).
type Position struct {
	File         string
	Line, Column int
}

// String formats p as file:line:col.
func (p Position) String() string {
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

// Error lists the diagnostics, one per line, related positions indented below.
func (e *Error) Error() string {
	var b strings.Builder
	for i, d := range e.Diagnostics {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// String formats d as "file:line:col: path: message".
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Pos.String())
	b.WriteString(": ")
	if d.Path != "" {
		b.WriteString(d.Path)
		b.WriteString(": ")
	}
	b.WriteString(d.Message)
	for _, r := range d.Related {
		fmt.Fprintf(&b, "\n    %s: %s", r.Pos, r.Note)
	}
	return b.String()
}

func position(p token.Pos) Position {
	if !p.IsValid() {
		return Position{}
	}
	tp := p.Position()
	// A node that parsers place nowhere in particular (an empty document)
	// is reported at the start of its file.
	return Position{File: tp.Filename, Line: max(tp.Line, 1), Column: max(tp.Column, 1)}
}

func containsPos(list []Position, p Position) bool {
	for _, q := range list {
		if q == p {
			return true
		}
	}
	return false
}

func lessPos(a, b Position) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Column < b.Column
}
