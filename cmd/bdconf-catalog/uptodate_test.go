package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// upstreamDir is the shared upstream folder, next to the repository; CI
// clones only the repository, so the tests needing it skip without it.
const upstreamDir = "../../../shared/upstream"

// needUpstream skips the test when the upstream folder is absent.
func needUpstream(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(upstreamDir); err != nil {
		t.Skipf("upstream catalogs not found at %s (CI clones only the repository): %v", upstreamDir, err)
	}
}

// TestCatalogsUpToDate regenerates the catalogs and requires the committed
// files to be identical.
func TestCatalogsUpToDate(t *testing.T) {
	needUpstream(t)
	out := t.TempDir()
	if err := run(upstreamDir, out, io.Discard); err != nil {
		t.Fatal(err)
	}
	for _, tg := range targets {
		requireSameFile(t, out, filepath.Join(tg.pkg, tg.out))
	}
	for _, pkg := range typePackages() {
		requireSameFile(t, out, filepath.Join(pkg, typesFile))
	}
}

// requireSameFile compares the file rel generated below out with the
// committed one.
func requireSameFile(t *testing.T, out, rel string) {
	t.Helper()
	got := mustRead(t, filepath.Join(out, rel))
	want := mustRead(t, filepath.Join(schemaDir, "catalog", rel))
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s is stale; run go run ./cmd/bdconf-catalog -upstream ../shared/upstream -out schema/catalog (-committed +generated):\n%s", rel, diff)
	}
}

// mustRead returns the content of a file.
func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
