package compiler_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/bdconf/bdconf/compiler"
)

// FuzzCompileErrorsArePositioned feeds arbitrary profile text to Compile:
// it must never panic, and every failure must be diagnostics that name the
// profile file with a line and column.
func FuzzCompileErrorsArePositioned(f *testing.F) {
	for _, seed := range []string{
		"name: x\nzookeeper: {server: {replicas: 3}}\n",
		"name: x\nhdfs: {namenode: {replicas: 2}}\n",
		"name: x\nkafka:\n  config:\n    server.properties: {num.io.threads: 0}\n",
		"name: Bad\n",
		"- a\n",
		"name: x\nhdfs:\n  datanode: [\n",
		"{}",
		// Hostile text: line breaks CUE's YAML decoder once panicked on,
		// ambiguous breaks, other encodings, duplicate and deep keys.
		"\r\r0\r\r",
		"name: x\r\nzookeeper: {}\r\n",
		"name: x\u0085zookeeper: {}\n",
		"name: x\n\u2028\n",
		"\xff\xfen\x00",
		"\xef\xbb\xbfname: x\n",
		"name: x\nname: y\n",
		"# only a comment\n",
		"a: " + strings.Repeat("[", 300) + strings.Repeat("]", 300) + "\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, profile string) {
		_, err := compiler.Compile(context.Background(), compiler.Options{
			Sources: []compiler.Source{{Name: "p.yaml", Data: []byte(profile)}},
		})
		if err == nil {
			return
		}
		var diagnostics *compiler.Error
		if !errors.As(err, &diagnostics) {
			t.Fatalf("error without diagnostics: %v", err)
		}
		for _, d := range diagnostics.Diagnostics {
			if d.Pos.File != "p.yaml" || d.Pos.Line < 1 || d.Pos.Column < 1 || d.Message == "" {
				t.Fatalf("diagnostic %q lacks a position in p.yaml or a message", d)
			}
		}
	})
}
