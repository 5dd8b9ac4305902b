package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// hostileCases are inputs a user or an attacker may give bdconf: each
// must end with its exit code and a message at the right position, never a
// panic, and leave a previous build's output exactly as it was.
var hostileCases = []struct {
	name   string
	files  map[string]string // profile files, in the work directory
	args   []string          // after "build"; "-o out" is added
	exit   int
	stderr string // a regexp, matched against stderr with the work directory as "."
}{
	{"CR line endings only", map[string]string{"p.yaml": "\r\r0\r\r"}, []string{"p.yaml"},
		exitFail, `^p\.yaml:3:1: a profile is one YAML document holding a mapping\n$`},
	{"CR line endings are line breaks", map[string]string{"p.yaml": "name: demo\rzookeeper: {server: {replicas: 0}}\r"}, []string{"p.yaml"},
		exitFail, `^p\.yaml:2:32: zookeeper\.server\.replicas: `},
	{"CR LF line endings", map[string]string{"p.yaml": "name: demo\r\nzookeeper: {server: {replicas: 0}}\r\n"}, []string{"p.yaml"},
		exitFail, `^p\.yaml:2:32: zookeeper\.server\.replicas: `},
	{"NEL", map[string]string{"p.yaml": "name: demo\u0085zookeeper: {}\n"}, []string{"p.yaml"},
		exitFail, `^p\.yaml:1:11: character U\+0085 is a line break to some YAML readers and not to others: use a plain line feed \(\\n\)\n$`},
	{"LINE SEPARATOR", map[string]string{"p.yaml": "name: demo\nx: a\u2028b\n"}, []string{"p.yaml"},
		exitFail, `^p\.yaml:2:5: character U\+2028 is a line break`},
	{"UTF-16", map[string]string{"p.yaml": "\xff\xfen\x00a\x00"}, []string{"p.yaml"},
		exitFail, `^p\.yaml:1:1: byte 0xFF at offset 0 is not UTF-8`},
	{"Latin-1 in a value", map[string]string{"p.yaml": "name: demo\nnamespace: caf\xe9\n"}, []string{"p.yaml"},
		exitFail, `^p\.yaml:2:15: byte 0xE9 at offset 25 is not UTF-8`},
	{"UTF-8 byte-order mark in JSON", map[string]string{"p.json": "\xef\xbb\xbf{\"name\": \"demo\", \"zookeeper\": {\"server\": {\"replicas\": 0}}}"}, []string{"p.json"},
		exitFail, `^p\.json:1:55: zookeeper\.server\.replicas: `},
	{"duplicate YAML key", map[string]string{"p.yaml": "name: demo\nzookeeper: {}\nname: demo\n"}, []string{"p.yaml"},
		exitFail, `^p\.yaml:3:1: duplicate key "name": it is already set at line 1, column 1 of this file\n$`},
	{"duplicate nested YAML key", map[string]string{"p.yaml": "name: demo\nzookeeper:\n  server: {replicas: 1, replicas: 3}\n"}, []string{"p.yaml"},
		exitFail, `^p\.yaml:3:25: duplicate key "replicas": it is already set at line 3, column 12 of this file\n$`},
	{"duplicate JSON key", map[string]string{"p.json": `{"name": "demo", "name": "demo"}`}, []string{"p.json"},
		exitFail, `^p\.json:1:19: duplicate key "name"`},
	{"deeply nested JSON", map[string]string{"p.json": `{"a": ` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}`}, []string{"p.json"},
		exitFail, `^p\.json:1:\d+: invalid JSON for file "p\.json": invalid character '\[' exceeded max depth\n$`},
	{"input too large", map[string]string{"p.yaml": "name: demo\nzookeeper: {}\n# " + strings.Repeat("x", 200) + "\n"}, []string{"--max-input-bytes", "100", "p.yaml"},
		exitFail, `^p\.yaml: the profiles hold 228 bytes, more than the limit of 100: .* \(flags --timeout and --max-input-bytes\)\n$`},
	{"runaway comprehension", map[string]string{"p.cue": "name: \"demo\"\nzookeeper: {}\n_d: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n_x: [for a in _d for b in _d for c in _d for d in _d for e in _d for f in _d for g in _d {a+b+c+d+e+f+g}]\n"},
		[]string{"--timeout", "500ms", "p.cue"},
		exitFail, `^evaluating the profiles took longer than 500ms: a profile this slow usually holds a runaway comprehension or a huge generated input \(raise the limit if it is expected\) \(flags --timeout and --max-input-bytes\)\n$`},
	{"output is the profile directory", map[string]string{"demo/p.yaml": "name: demo\nzookeeper: {}\n"}, []string{"demo", "-o", "."},
		exitFail, `refused: it overlaps the profile demo`},
	{"standard output", map[string]string{"p.yaml": "name: demo\nzookeeper: {}\n"}, []string{"p.yaml", "-o", "-"},
		exitUsage, `^bdconf: -o - \(standard output\) is not supported`},
}

func TestHostileInput(t *testing.T) {
	for _, tc := range hostileCases {
		t.Run(tc.name, func(t *testing.T) {
			work := t.TempDir()
			t.Chdir(work)
			writeFiles(t, work, tc.files)
			before := writeFiles(t, work, map[string]string{"out/demo/kept": "a previous build\n"})
			args := append([]string{"build"}, tc.args...)
			if !strings.Contains(strings.Join(tc.args, " "), "-o") {
				args = append(args, "-o", "out")
			}
			var stdout, stderr bytes.Buffer
			if code := run(args, &stdout, &stderr); code != tc.exit {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tc.exit, stderr.String())
			}
			if !regexp.MustCompile(tc.stderr).MatchString(stderr.String()) {
				t.Errorf("stderr:\n%s\nwant a match for %s", stderr.String(), tc.stderr)
			}
			if diff := cmp.Diff(before, readFiles(t, filepath.Join(work, "out"))); diff != "" {
				t.Errorf("output changed (-before +after):\n%s", diff)
			}
		})
	}
}

// writeFiles writes files under dir and returns those under dir/out, as
// readFiles reads them.
func writeFiles(t *testing.T, dir string, files map[string]string) map[string]string {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return readFiles(t, filepath.Join(dir, "out"))
}

// readFiles reads every file under dir, keyed by slash path.
func readFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	return out
}
