package outdir

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rogpeppe/go-internal/diff"

	"github.com/bdconf/bdconf/compiler"
)

// Check compares dir/<platform> with res and returns a unified diff from what
// is on disk to what a build would write; it is empty when they are identical.
func Check(dir string, res *compiler.Result) (string, error) {
	onDisk, err := readTree(dir, res.Platform)
	if err != nil {
		return "", err
	}
	want := map[string][]byte{}
	for _, f := range res.Files {
		want[f.Path] = f.Data
	}
	var out strings.Builder
	for _, name := range unionKeys(onDisk, want) {
		have, inDisk := onDisk[name]
		next, inResult := want[name]
		if inDisk && inResult && bytes.Equal(have, next) {
			continue
		}
		out.Write(diff.Diff(label(dir, name, inDisk), have, label(dir, name, inResult), next))
	}
	return out.String(), nil
}

// label names one side of a file diff; /dev/null when the side is absent.
func label(dir, name string, present bool) string {
	if !present {
		return "/dev/null"
	}
	return filepath.ToSlash(filepath.Join(dir, name))
}

// readTree reads every regular file under dir/platform, keyed by its
// slash-separated path relative to dir. A missing tree reads as empty.
func readTree(dir, platform string) (map[string][]byte, error) {
	files := map[string][]byte{}
	root := filepath.Join(dir, platform)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == root {
				return fs.SkipAll
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		files[filepath.ToSlash(rel)] = data
		return nil
	})
	return files, err
}

func unionKeys(a, b map[string][]byte) []string {
	set := map[string]bool{}
	for k := range a {
		set[k] = true
	}
	for k := range b {
		set[k] = true
	}
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
