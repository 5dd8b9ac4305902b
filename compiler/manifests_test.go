package compiler_test

import (
	"context"
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

// TestPodsRunRestrictedAsTheirComponent checks every pod template of every
// reference profile: the restricted security settings and resources of
// every container and init container, and a ServiceAccount of the platform
// that mounts no token.
func TestPodsRunRestrictedAsTheirComponent(t *testing.T) {
	for _, dir := range referenceProfiles(t) {
		objects := manifests(t, compileFiles(t, dir))
		accounts := map[string]bool{}
		for _, o := range objects {
			if o["kind"] == "ServiceAccount" && o["automountServiceAccountToken"] == false {
				accounts[o["metadata"].(map[string]any)["name"].(string)] = true
			}
		}
		for name, o := range objects {
			if o["kind"] != "StatefulSet" {
				continue
			}
			pod := o["spec"].(map[string]any)["template"].(map[string]any)["spec"].(map[string]any)
			if account, _ := pod["serviceAccountName"].(string); !accounts[account] || pod["automountServiceAccountToken"] != false {
				t.Errorf("%s: %s runs as %q, want a token-less ServiceAccount of the platform", dir, name, account)
			}
			if sc := pod["securityContext"].(map[string]any); sc["runAsNonRoot"] != true {
				t.Errorf("%s: %s pods may run as root", dir, name)
			}
			initContainers, _ := pod["initContainers"].([]any)
			for _, c := range append(initContainers, pod["containers"].([]any)...) {
				checkContainerLockedDown(t, dir+": "+name, c.(map[string]any))
			}
		}
	}
}

// checkContainerLockedDown checks one container or init container: no
// privilege escalation, a read-only root file system, CPU and memory
// requests and a memory limit.
func checkContainerLockedDown(t *testing.T, where string, c map[string]any) {
	t.Helper()
	sc, _ := c["securityContext"].(map[string]any)
	if sc["allowPrivilegeEscalation"] != false || sc["readOnlyRootFilesystem"] != true {
		t.Errorf("%s container %v is not locked down: %v", where, c["name"], sc)
	}
	resources, _ := c["resources"].(map[string]any)
	requests, _ := resources["requests"].(map[string]any)
	limits, _ := resources["limits"].(map[string]any)
	if requests["cpu"] == nil || requests["memory"] == nil || limits["memory"] == nil {
		t.Errorf("%s container %v lacks CPU and memory requests or a memory limit: %v", where, c["name"], resources)
	}
}

// TestZoneSpread: with zoneSpread set, every workload spreads its pods over
// zones, as hard as asked; without it, none does.
func TestZoneSpread(t *testing.T) {
	for spread, want := range map[string]string{"preferred": "ScheduleAnyway", "required": "DoNotSchedule", "none": ""} {
		res, err := compiler.Compile(context.Background(), compiler.Options{Sources: []compiler.Source{{
			Name: "p.yaml", Data: []byte("name: x\nzoneSpread: " + spread + "\nzookeeper: {server: {replicas: 3}}\n"),
		}}})
		if err != nil {
			t.Fatal(err)
		}
		pod := manifests(t, res)["statefulset-x-zookeeper-server.yaml"]["spec"].(map[string]any)["template"].(map[string]any)["spec"].(map[string]any)
		constraints, _ := pod["topologySpreadConstraints"].([]any)
		got := ""
		if len(constraints) == 1 {
			got, _ = constraints[0].(map[string]any)["whenUnsatisfiable"].(string)
		}
		if got != want || (want == "") != (len(constraints) == 0) {
			t.Errorf("zoneSpread %s: topologySpreadConstraints %v, want whenUnsatisfiable %q", spread, constraints, want)
		}
	}
}
