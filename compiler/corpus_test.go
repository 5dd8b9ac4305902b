package compiler_test

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/bdconf/bdconf/compiler"
)

// TestCorpus compiles the configuration snippets of testdata/corpus, each
// taken from public docs or shipped files (its first comment names the
// source). A snippet with a "# want-error: <text>" line must fail with a
// message holding text; any other must compile with every string value
// written byte for byte.
func TestCorpus(t *testing.T) {
	paths, err := filepath.Glob("testdata/corpus/*.yaml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			res, err := compiler.Compile(context.Background(), compiler.Options{Sources: []compiler.Source{{Name: filepath.Base(p), Data: data}}})
			if want := wantError(data); want != "" {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Fatalf("want an error holding %q, got %v", want, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			requireWrittenAsGiven(t, res, data)
		})
	}
}

// wantError returns the text of a "# want-error:" line, or "".
func wantError(data []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if text, ok := strings.CutPrefix(sc.Text(), "# want-error: "); ok {
			return text
		}
	}
	return ""
}

// requireWrittenAsGiven checks that each string value a snippet sets under
// <component>.config.<file> is the value of its key in every native file
// of that name the component writes.
func requireWrittenAsGiven(t *testing.T, res *compiler.Result, data []byte) {
	t.Helper()
	var profile map[string]any
	if err := yaml.Unmarshal(data, &profile); err != nil {
		t.Fatal(err)
	}
	written := nativeSettings(res)
	for component, model := range profile {
		m, _ := model.(map[string]any)
		files, _ := m["config"].(map[string]any)
		for file, keys := range files {
			for key, value := range keys.(map[string]any) {
				want, isString := value.(string)
				if !isString {
					continue
				}
				found := false
				for nativePath, settings := range written {
					if strings.HasPrefix(nativePath, component+"/") && path.Base(nativePath) == file {
						found = true
						if settings[key] != want {
							t.Errorf("%s %s: wrote %q, want %q", nativePath, key, settings[key], want)
						}
					}
				}
				if !found {
					t.Errorf("no native %s written for %s", file, component)
				}
			}
		}
	}
}
