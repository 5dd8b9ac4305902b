package compiler_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bdconf/bdconf/compiler/internal/jdk"
	"github.com/bdconf/bdconf/compiler/native"
)

// jdkModes maps each native format to the ReadBack mode that parses it the
// way the technology does (java.util.Properties.load, the JDK XML parser).
var jdkModes = map[native.Format]string{
	native.JavaProperties: "properties",
	native.HadoopXML:      "hadoop-xml",
}

// TestNativeFilesReadBackByJDK writes every native file of every reference
// profile, and of a profile full of hostile values, and requires the JDK to
// read back exactly the key/values the compiler meant to write.
func TestNativeFilesReadBackByJDK(t *testing.T) {
	tmp := t.TempDir()
	want := map[string]map[string]string{}
	byMode := map[string][]string{}
	for _, dir := range append(referenceProfiles(t), "testdata/hostile") {
		res := compileFiles(t, dir)
		for _, n := range res.Natives {
			if _, flat := jdkModes[n.Format]; !flat {
				continue // TestNestedFilesReadBackByJDK
			}
			file := filepath.Join(tmp, filepath.FromSlash(n.Path))
			data, _ := res.File(n.Path)
			writeFile(t, file, data)
			want[file] = entryMap(n.Entries())
			byMode[jdkModes[n.Format]] = append(byMode[jdkModes[n.Format]], file)
		}
	}
	requireHostileValues(t, want)
	for mode, files := range byMode {
		got := jdk.Read(t, mode, files...)
		for _, file := range files {
			if diff := cmp.Diff(want[file], got[file]); diff != "" {
				t.Errorf("%s read back by the JDK differs (-meant +read):\n%s", file, diff)
			}
		}
	}
}

// requireHostileValues keeps the test honest: the hostile profile must still
// put every troublesome character into both formats.
func requireHostileValues(t *testing.T, files map[string]map[string]string) {
	t.Helper()
	for _, ext := range []string{".xml", ".properties", ".cfg"} {
		var all strings.Builder
		for file, entries := range files {
			if strings.Contains(file, "hostile") && strings.HasSuffix(file, ext) {
				for k, v := range entries {
					all.WriteString(k + v)
				}
			}
		}
		for _, c := range []string{"é", "中", "😀", "=", ":", "#", "!", `\`, "<", "&", "\n", " lead"} {
			if !strings.Contains(all.String(), c) {
				t.Errorf("hostile profile puts no %q into a %s file", c, ext)
			}
		}
	}
}

func entryMap(entries []native.Entry) map[string]string {
	m := map[string]string{}
	for _, e := range entries {
		m[e.Key] = e.Value
	}
	return m
}

func writeFile(t *testing.T, file string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
