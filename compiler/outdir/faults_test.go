package outdir_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/bdconf/bdconf/compiler"
	"github.com/bdconf/bdconf/compiler/outdir"
)

// The fault tests run this test binary as a child that writes into a
// directory: forever (to be killed at a random moment) or once.
const (
	childDirEnv  = "BDCONF_OUTDIR_CHILD_DIR"
	childModeEnv = "BDCONF_OUTDIR_CHILD_MODE" // "loop" or a version number
)

func TestMain(m *testing.M) {
	if dir := os.Getenv(childDirEnv); dir != "" {
		os.Exit(runChild(dir, os.Getenv(childModeEnv)))
	}
	os.Exit(m.Run())
}

// runChild writes version after version of a platform tree into dir.
func runChild(dir, mode string) int {
	if mode != "loop" {
		var version int
		fmt.Sscan(mode, &version)
		if err := outdir.Write(dir, version2(version), outdir.Options{}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return 0
	}
	for i := 0; ; i++ {
		if err := outdir.Write(dir, version2(i%2), outdir.Options{}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
}

// version2 is a platform tree of 60 files in a few directories, every file
// naming the version, so that a mix of two versions shows.
func version2(v int) *compiler.Result {
	files := map[string]string{}
	for i := range 60 {
		files[fmt.Sprintf("p/dir%d/file%02d", i%4, i)] = fmt.Sprintf("version %d file %d\n", v, i)
	}
	if v%2 == 1 {
		files["p/only-in-odd"] = "odd\n"
	}
	return result(files)
}

// files returns the files of res as tree reads them back.
func files(res *compiler.Result) map[string]string {
	out := map[string]string{}
	for _, f := range res.Files {
		out[f.Path] = string(f.Data)
	}
	return out
}

func child(t *testing.T, dir, mode string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childDirEnv+"="+dir, childModeEnv+"="+mode)
	cmd.Stderr = os.Stderr
	return cmd
}

// TestKilledWritesLeaveAWholeTree kills a writer at random moments: every
// time, the platform tree is one whole version, never a mix or nothing,
// and the next Write leaves no staging directory behind.
func TestKilledWritesLeaveAWholeTree(t *testing.T) {
	kills := 150
	if testing.Short() {
		kills = 20
	}
	dir := t.TempDir()
	if err := outdir.Write(dir, version2(0), outdir.Options{}); err != nil {
		t.Fatal(err)
	}
	whole := []map[string]string{files(version2(0)), files(version2(1))}
	for i := range kills {
		cmd := child(t, dir, "loop")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rand.IntN(30_000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		got := platformTree(t, dir)
		if !cmp.Equal(got, whole[0]) && !cmp.Equal(got, whole[1]) {
			t.Fatalf("kill %d left a tree that is neither version:\n%s", i, cmp.Diff(whole[0], got))
		}
	}
	if err := outdir.Write(dir, version2(0), outdir.Options{}); err != nil {
		t.Fatal(err)
	}
	if left := leftovers(t, dir); len(left) > 0 {
		t.Errorf("after %d kills and a clean Write, %s still holds %v", kills, dir, left)
	}
}

// TestTreeNeverMissing watches the platform tree while a writer replaces
// it over and over: it must exist at every moment, which a swap by two
// renames does not give.
func TestTreeNeverMissing(t *testing.T) {
	dir := t.TempDir()
	if err := outdir.Write(dir, version2(0), outdir.Options{}); err != nil {
		t.Fatal(err)
	}
	cmd := child(t, dir, "loop")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	target := filepath.Join(dir, "p")
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); {
		if _, err := os.Lstat(target); err != nil {
			t.Fatalf("while a writer replaced it, the platform tree was missing: %v", err)
		}
	}
}

// TestConcurrentWritesSerialise starts several writers of one platform at
// once: each succeeds, and the tree is whole, with no staging left.
func TestConcurrentWritesSerialise(t *testing.T) {
	dir := t.TempDir()
	var cmds []*exec.Cmd
	for v := range 8 {
		cmd := child(t, dir, fmt.Sprint(v))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("writer %d: %v", i, err)
		}
	}
	got := platformTree(t, dir)
	if !slices.ContainsFunc(cmds, func(cmd *exec.Cmd) bool { return cmp.Equal(got, files(version2(writerVersion(cmd)))) }) {
		t.Errorf("concurrent writers left a tree that is no writer's:\n%s", cmp.Diff(files(version2(0)), got))
	}
	if left := leftovers(t, dir); len(left) > 0 {
		t.Errorf("concurrent writers left %v behind", left)
	}
}

// writerVersion is the version a "once" child writes.
func writerVersion(cmd *exec.Cmd) int {
	var v int
	fmt.Sscan(strings.TrimPrefix(cmd.Env[len(cmd.Env)-1], childModeEnv+"="), &v)
	return v
}

// platformTree reads the tree of platform p only, keyed as Result paths.
func platformTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	return prefixed("p/", tree(t, filepath.Join(dir, "p")))
}

// prefixed returns files with prefix before every name.
func prefixed(prefix string, files map[string]string) map[string]string {
	out := map[string]string{}
	for name, data := range files {
		out[prefix+name] = data
	}
	return out
}

// leftovers lists the entries of dir besides the platform tree.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, e := range entries {
		if e.Name() != "p" {
			left = append(left, e.Name())
		}
	}
	return left
}

func TestWriteRemovesStagingOfKilledWrites(t *testing.T) {
	dir := t.TempDir()
	seed(t, dir, map[string]string{
		".p.new-123/p/half": "x",           // a killed Write of p
		".q.new-456/q/half": "another one", // another platform's: not ours
	})
	if err := outdir.Write(dir, version2(0), outdir.Options{}); err != nil {
		t.Fatal(err)
	}
	want := files(version2(0))
	want[".q.new-456/q/half"] = "another one"
	if diff := cmp.Diff(want, tree(t, dir)); diff != "" {
		t.Errorf("tree after Write (-want +got):\n%s", diff)
	}
}

func TestWriteRefusesToReplaceProfiles(t *testing.T) {
	for _, tc := range []struct {
		name, dir string // dir relative to the test's root; platform is "p"
		keep      string
	}{
		{"output is the profile directory", ".", "p"},
		{"output inside the profile directory", "p", "p"},
		{"profile file inside the output", ".", "p/platform.yaml"},
		{"output deep inside the profile", "p/sub", "p"},
		{"through a symbolic link", "link", "p/sub/p"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			before := map[string]string{"p/platform.yaml": "name: p\n", "p/sub/p/x.yaml": "x: 1\n"}
			seed(t, root, before)
			if err := os.Symlink(filepath.Join(root, "p", "sub"), filepath.Join(root, "link")); err != nil {
				t.Fatal(err)
			}
			err := outdir.Write(filepath.Join(root, tc.dir), version2(0), outdir.Options{Keep: []string{filepath.Join(root, tc.keep)}})
			if err == nil || !strings.Contains(err.Error(), "overlaps the profile") {
				t.Fatalf("Write = %v, want a refusal", err)
			}
			if diff := cmp.Diff(before, prefixed("p/", tree(t, filepath.Join(root, "p")))); diff != "" {
				t.Errorf("refused Write changed the tree (-before +after):\n%s", diff)
			}
		})
	}
}
