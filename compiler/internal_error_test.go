package compiler

import (
	"errors"
	"strings"
	"testing"
)

func TestPanicBecomesAnInternalErrorNamingTheFiles(t *testing.T) {
	sources := []Source{{Name: "base.yaml"}, {Name: "layer.yaml"}}
	err := func() (err error) {
		defer recoverInternal(&err, sources)
		var m map[string]int
		m["boom"]++ // a nil map write panics
		return nil
	}()
	var internal *InternalError
	if !errors.As(err, &internal) {
		t.Fatalf("err = %v, want an *InternalError", err)
	}
	if want := "internal error while compiling [base.yaml layer.yaml]: assignment to entry in nil map"; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("message %q, want it to start with %q", err.Error(), want)
	}
	if !strings.Contains(string(internal.Stack), "internal_error_test.go") {
		t.Errorf("stack does not show where the panic happened:\n%s", internal.Stack)
	}
}
