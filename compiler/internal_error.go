package compiler

import (
	"fmt"
	"runtime/debug"
)

// InternalError is a failure of bdconf or of a library it uses, not of the
// input: a panic, recovered, with the profile files it happened on.
type InternalError struct {
	// Files names the profile files being compiled.
	Files []string
	// Panic is the value the panic carried.
	Panic any
	// Stack is where it happened.
	Stack []byte
}

// Error says what happened and on which files, and asks for a report.
func (e *InternalError) Error() string {
	return fmt.Sprintf("internal error while compiling %v: %v (please report this with the profile that caused it)", e.Files, e.Panic)
}

// recoverInternal turns a panic into an *InternalError in *err; it must be
// deferred directly.
func recoverInternal(err *error, sources []Source) {
	if p := recover(); p != nil {
		var files []string
		for _, s := range sources {
			files = append(files, s.Name)
		}
		*err = &InternalError{Files: files, Panic: p, Stack: debug.Stack()}
	}
}
