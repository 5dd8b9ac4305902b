package outdir_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bdconf/bdconf/compiler"
	"github.com/bdconf/bdconf/compiler/outdir"
)

func result(files map[string]string) *compiler.Result {
	res := &compiler.Result{Platform: "p"}
	for _, name := range sortedNames(files) {
		res.Files = append(res.Files, compiler.File{Path: name, Data: []byte(files[name])})
	}
	return res
}

func sortedNames(files map[string]string) []string {
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// tree reads every file under dir, keyed by slash path.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func seed(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestWriteReplacesOnlyThePlatformTree(t *testing.T) {
	dir := t.TempDir()
	seed(t, dir, map[string]string{"p/stale.yaml": "old", "other/keep.yaml": "mine"})
	if err := outdir.Write(dir, result(map[string]string{"p/native/a.cfg": "a=1\n"}), outdir.Options{}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"p/native/a.cfg": "a=1\n", "other/keep.yaml": "mine"}
	if diff := cmp.Diff(want, tree(t, dir)); diff != "" {
		t.Errorf("tree after Write (-want +got):\n%s", diff)
	}
}

func TestWriteFailureLeavesDirAsItWas(t *testing.T) {
	dir := t.TempDir()
	before := map[string]string{"p/native/a.cfg": "a=1\n"}
	seed(t, dir, before)
	// A file and a directory of the same name cannot both be written.
	bad := result(map[string]string{"p/x": "file", "p/x/y": "under a file"})
	if err := outdir.Write(dir, bad, outdir.Options{}); err == nil {
		t.Fatal("Write succeeded, want an error")
	}
	if diff := cmp.Diff(before, tree(t, dir)); diff != "" {
		t.Errorf("tree changed by a failed Write (-before +after):\n%s", diff)
	}
}

func TestCheckReportsEveryDifference(t *testing.T) {
	dir := t.TempDir()
	seed(t, dir, map[string]string{"p/same": "1\n", "p/changed": "old\n", "p/extra": "x\n"})
	diff, err := outdir.Check(dir, result(map[string]string{"p/same": "1\n", "p/changed": "new\n", "p/missing": "m\n"}))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"-old", "+new", "-x", "+m", "/dev/null"} {
		if !strings.Contains(diff, want) {
			t.Errorf("diff lacks %q:\n%s", want, diff)
		}
	}
	if strings.Contains(diff, "same") {
		t.Errorf("diff mentions an identical file:\n%s", diff)
	}
}

func TestCheckIsEmptyWhenUpToDate(t *testing.T) {
	dir := t.TempDir()
	res := result(map[string]string{"p/a": "1\n"})
	if err := outdir.Write(dir, res, outdir.Options{}); err != nil {
		t.Fatal(err)
	}
	if diff, err := outdir.Check(dir, res); err != nil || diff != "" {
		t.Errorf("Check = %q, %v; want no diff", diff, err)
	}
}
