package compiler_test

import (
	"path"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/bdconf/bdconf/compiler"
)

// manifests decodes every Kubernetes object of res, keyed by file name.
func manifests(t *testing.T, res *compiler.Result) map[string]map[string]any {
	t.Helper()
	objects := map[string]map[string]any{}
	for _, f := range res.Files {
		dir, name := path.Split(f.Path)
		if !strings.HasSuffix(dir, "/kubernetes/") || name == "kustomization.yaml" {
			continue
		}
		var o map[string]any
		if err := yaml.Unmarshal(f.Data, &o); err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		objects[name] = o
	}
	return objects
}

func fileData(res *compiler.Result) map[string]string {
	data := map[string]string{}
	for _, f := range res.Files {
		data[f.Path] = string(f.Data)
	}
	return data
}

// TestConfigMapsEmbedNativeFiles proves each ConfigMap holds native files
// byte for byte, and that every pod template mounts its role's ConfigMap.
func TestConfigMapsEmbedNativeFiles(t *testing.T) {
	for _, dir := range referenceProfiles(t) {
		res := compileFiles(t, dir)
		files := fileData(res)
		embedded := 0
		for name, o := range manifests(t, res) {
			if o["kind"] != "ConfigMap" {
				continue
			}
			for key, value := range o["data"].(map[string]any) {
				if !containsValue(files, value.(string)) {
					t.Errorf("%s: %s: data[%s] is not byte-identical to any native file", dir, name, key)
				}
				embedded++
			}
		}
		if embedded == 0 {
			t.Errorf("%s: no ConfigMap embeds a native file", dir)
		}
	}
}

func containsValue(files map[string]string, value string) bool {
	for p, content := range files {
		if strings.Contains(p, "/native/") && content == value {
			return true
		}
	}
	return false
}

// TestChecksumRollsOnlyAffectedPods changes one ZooKeeper key in a layer and
// requires exactly the ZooKeeper pod template checksum to change.
func TestChecksumRollsOnlyAffectedPods(t *testing.T) {
	base := checksums(t, compileFiles(t, "../profiles/dev"))
	changed := checksums(t, compileFiles(t, "../profiles/dev", "testdata/layers/zookeeper-ticktime.yaml"))
	if len(base) == 0 {
		t.Fatal("no pod template carries a checksum")
	}
	for name, sum := range base {
		rolled := changed[name] != sum
		if want := strings.Contains(name, "zookeeper"); rolled != want {
			t.Errorf("%s: checksum changed = %v, want %v", name, rolled, want)
		}
	}
}

// checksums maps each workload file name to its pod template's checksum.
func checksums(t *testing.T, res *compiler.Result) map[string]string {
	t.Helper()
	sums := map[string]string{}
	for name, o := range manifests(t, res) {
		spec, _ := o["spec"].(map[string]any)
		template, ok := spec["template"].(map[string]any)
		if !ok {
			continue
		}
		annotations := template["metadata"].(map[string]any)["annotations"].(map[string]any)
		sum, _ := annotations[compiler.ChecksumAnnotation].(string)
		if !strings.HasPrefix(sum, "sha256:") {
			t.Fatalf("%s: checksum annotation %q", name, sum)
		}
		sums[name] = sum
	}
	return sums
}
