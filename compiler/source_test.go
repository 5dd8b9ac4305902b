package compiler_test

import (
	"context"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/bdconf/bdconf/compiler"
)

func TestReadFSExpandsDirectoriesInOrder(t *testing.T) {
	fsys := fstest.MapFS{
		"p/b.yaml":    {Data: []byte("zookeeper: {}\n")},
		"p/a.cue":     {Data: []byte(`name: "x"`)},
		"p/notes.txt": {Data: []byte("ignored")},
		"p/c.json":    {Data: []byte(`{"namespace": "ns"}`)},
		"layer.yml":   {Data: []byte("kafka: {}\n")},
	}
	sources, err := compiler.ReadFS(fsys, "p", "layer.yml")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range sources {
		names = append(names, s.Name)
	}
	if diff := cmp.Diff([]string{"p/a.cue", "p/b.yaml", "p/c.json", "layer.yml"}, names); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
	res, err := compiler.Compile(context.Background(), compiler.Options{Sources: sources})
	if err != nil {
		t.Fatal(err)
	}
	if res.Platform != "x" {
		t.Errorf("platform %q, want x", res.Platform)
	}
}

func TestReadFSErrorsNameThePath(t *testing.T) {
	fsys := fstest.MapFS{"empty/readme.md": {Data: []byte("no profile")}}
	for path, want := range map[string]string{
		"missing.yaml": "missing.yaml: cannot read profile: file does not exist",
		"empty":        "empty: directory holds no profile file (.cue, .yaml, .yml, .json)",
	} {
		_, err := compiler.ReadFS(fsys, path)
		if err == nil || err.Error() != want {
			t.Errorf("ReadFS(%q) error = %v, want %q", path, err, want)
		}
	}
}

func TestProfileReaderSkipsWhatIsNoProfile(t *testing.T) {
	fsys := fstest.MapFS{
		"p/platform.yaml":   {Data: []byte("name: x\n")},
		"p/.#platform.yaml": {Data: []byte("name: [\n")}, // an editor's lock
		"p/#platform.yaml#": {Data: []byte("name: [\n")}, // an editor's autosave
		"p/.hidden.cue":     {Data: []byte("name: [\n")},
		"p/fifo.yaml":       {Mode: fs.ModeNamedPipe},
		"p/sub/more.yaml":   {Data: []byte("name: [\n")},
	}
	skipped := map[string]string{}
	reader := compiler.ProfileReader{Skipped: func(name, why string) { skipped[name] = why }}
	sources, err := reader.ReadFS(fsys, "p")
	if err != nil {
		t.Fatal(err)
	}
	if len(sources) != 1 || sources[0].Name != "p/platform.yaml" {
		t.Errorf("sources = %v, want p/platform.yaml only", sources)
	}
	want := map[string]string{
		"p/.#platform.yaml": "a hidden or editor file",
		"p/#platform.yaml#": "a hidden or editor file",
		"p/.hidden.cue":     "a hidden or editor file",
		"p/fifo.yaml":       "not a regular file (a named pipe)",
	}
	if diff := cmp.Diff(want, skipped); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
}
