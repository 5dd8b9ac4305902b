package compiler_test

import (
	"bytes"
	"encoding/base64"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/bdconf/bdconf/compiler/catalog"
	"github.com/bdconf/bdconf/schema"
)

// testSecret is one Kubernetes Secret of testdata/secrets.
type testSecret struct {
	Metadata   struct{ Name string } `json:"metadata"`
	StringData map[string]string     `json:"stringData"`
}

// testSecrets reads the Secrets the reference profiles reference.
func testSecrets(t *testing.T) []testSecret {
	t.Helper()
	data, err := os.ReadFile("testdata/secrets/secrets.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var secrets []testSecret
	for _, doc := range bytes.Split(data, []byte("\n---\n")) {
		var s testSecret
		if err := yaml.Unmarshal(doc, &s); err != nil {
			t.Fatal(err)
		}
		secrets = append(secrets, s)
	}
	return secrets
}

// TestNoSecretValueInOutput scans every golden file for the values of the
// Secrets the reference profiles reference, plain and base64-encoded, and
// finds none; and it checks that the profiles do reference each Secret, so
// that the scan looks for values that would be there if bdconf leaked them.
func TestNoSecretValueInOutput(t *testing.T) {
	golden := readTree(t, "../golden")
	for _, s := range testSecrets(t) {
		if !anyContains(golden, s.Metadata.Name) {
			t.Errorf("no golden output references Secret %s: the scan would prove nothing", s.Metadata.Name)
		}
		for key, value := range s.StringData {
			for _, form := range []string{value, base64.StdEncoding.EncodeToString([]byte(value))} {
				for file, data := range golden {
					if strings.Contains(data, form) {
						t.Errorf("%s holds the value of Secret %s key %s", file, s.Metadata.Name, key)
					}
				}
			}
		}
	}
}

// placeholder is how a native file refers to a secret: an environment
// variable that Hadoop (${env.NAME}) or Kafka (${env:NAME}) expands.
var placeholder = regexp.MustCompile(`^\$\{env[.:]BDCONF_SECRET_[A-Z0-9_]+\}$`)

// TestSecretKeysHoldPlaceholders checks every key the catalogs mark secret,
// in every native file of every reference profile: its value is a
// placeholder for an environment variable, never a value.
func TestSecretKeysHoldPlaceholders(t *testing.T) {
	all, err := catalog.Load(schema.FS)
	if err != nil {
		t.Fatal(err)
	}
	var secrets []catalog.Option
	for _, o := range all {
		if o.Secret {
			secrets = append(secrets, o)
		}
	}
	checked := 0
	for _, dir := range referenceProfiles(t) {
		for _, n := range compileFiles(t, dir).Natives {
			for _, s := range n.Settings {
				if !inFile(secrets, filepath.Base(n.Path), s.Key) {
					continue
				}
				checked++
				if !placeholder.MatchString(s.Value) {
					t.Errorf("%s: secret key %s holds %q, not a placeholder", n.Path, s.Key, s.Value)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no reference profile sets a secret key: the test proves nothing")
	}
}

// inFile tells whether one of options is key of file.
func inFile(options []catalog.Option, file, key string) bool {
	matches, _ := catalog.Find(options, key)
	for _, o := range matches {
		if o.File == file {
			return true
		}
	}
	return false
}

// readTree returns every file under dir by path.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		files[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func anyContains(files map[string]string, s string) bool {
	for _, data := range files {
		if strings.Contains(data, s) {
			return true
		}
	}
	return false
}
