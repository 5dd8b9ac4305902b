package compiler_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/bdconf/bdconf/compiler"
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
