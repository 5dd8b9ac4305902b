// Package readers checks bdconf's golden output with independent readers
// from the Go module proxy: a Go HDFS client (colinmarc/hdfs) and kustomize.
// It is its own module so that the tool's go.mod does not carry them.
package readers

import (
	"os"
	"path/filepath"
	"testing"

	"sigs.k8s.io/yaml"
)

// goldenDir holds one directory per reference profile, as `make golden`
// writes it.
const goldenDir = "../../golden"

// platforms returns the golden platform directories, sorted; none fails the
// test.
func platforms(t *testing.T) []string {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join(goldenDir, "*", "kubernetes"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no golden platform under %s (%v)", goldenDir, err)
	}
	for i, d := range dirs {
		dirs[i] = filepath.Dir(d)
	}
	return dirs
}

// readYAML unmarshals the YAML file at path into v.
func readYAML(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// copyDir copies the regular files of dir (not its subdirectories) into a
// new temporary directory and returns it.
func copyDir(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	dst := t.TempDir()
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// readJSON unmarshals the JSON file at path into v.
func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	readYAML(t, path, v) // JSON is YAML
}
