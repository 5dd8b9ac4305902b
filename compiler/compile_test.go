package compiler_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bdconf/bdconf/compiler"
	"github.com/bdconf/bdconf/compiler/outdir"
)

// referenceProfiles lists the directories under profiles/.
func referenceProfiles(t testing.TB) []string {
	t.Helper()
	dirs, err := filepath.Glob("../profiles/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no reference profiles found: %v", err)
	}
	sort.Strings(dirs)
	return dirs
}

func compileFiles(t testing.TB, paths ...string) *compiler.Result {
	t.Helper()
	res, err := compile(paths...)
	if err != nil {
		t.Fatalf("compiling %v:\n%v", paths, err)
	}
	return res
}

func compile(paths ...string) (*compiler.Result, error) {
	sources, err := compiler.ReadFiles(paths...)
	if err != nil {
		return nil, err
	}
	return compiler.Compile(context.Background(), compiler.Options{Sources: sources})
}

// TestGolden proves golden/ is exactly what bdconf build writes for every
// reference profile; `make golden` refreshes it.
func TestGolden(t *testing.T) {
	platforms := map[string]bool{}
	for _, dir := range referenceProfiles(t) {
		res := compileFiles(t, dir)
		platforms[res.Platform] = true
		diff, err := outdir.Check("../golden", res)
		if err != nil {
			t.Fatal(err)
		}
		if diff != "" {
			t.Errorf("golden/%s is stale for %s; run `make golden` and explain the diff in the commit:\n%s", res.Platform, dir, diff)
		}
	}
	entries, err := os.ReadDir("../golden")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !platforms[e.Name()] {
			t.Errorf("golden/%s belongs to no reference profile; remove it", e.Name())
		}
	}
}

// TestDeterministic compiles every reference profile under several
// GOMAXPROCS values, concurrently, and requires identical bytes.
func TestDeterministic(t *testing.T) {
	for _, dir := range referenceProfiles(t) {
		want := compileFiles(t, dir)
		for _, procs := range []int{1, 2, 8} {
			prev := runtime.GOMAXPROCS(procs)
			results := make([]*compiler.Result, 4)
			errs := make([]error, len(results))
			var wg sync.WaitGroup
			for i := range results {
				wg.Add(1)
				go func() {
					defer wg.Done()
					results[i], errs[i] = compile(dir)
				}()
			}
			wg.Wait()
			runtime.GOMAXPROCS(prev)
			for i, got := range results {
				if errs[i] != nil {
					t.Fatal(errs[i])
				}
				if diff := cmp.Diff(want.Files, got.Files); diff != "" {
					t.Fatalf("%s at GOMAXPROCS=%d differs (-first +later):\n%s", dir, procs, diff)
				}
			}
		}
	}
}
