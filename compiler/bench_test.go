package compiler_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/bdconf/bdconf/compiler"
	"github.com/bdconf/bdconf/schema"
)

// BenchmarkCompile measures a whole compile (schema load, unification,
// validation, rendering) of each reference profile, from memory.
func BenchmarkCompile(b *testing.B) {
	for _, dir := range referenceProfiles(b) {
		sources, err := compiler.ReadFiles(dir)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(dir), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := compiler.Compile(context.Background(), compiler.Options{Sources: sources}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCompileOneComponent compiles a platform of a single component:
// the schema loads only the technologies a profile uses, so each costs
// what its own catalogs and objects cost.
func BenchmarkCompileOneComponent(b *testing.B) {
	for _, component := range schema.Components() {
		profile := fmt.Sprintf("name: one\n%s: {}\n", component)
		sources := []compiler.Source{{Name: "one.yaml", Data: []byte(profile)}}
		b.Run(component, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := compiler.Compile(context.Background(), compiler.Options{Sources: sources}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
