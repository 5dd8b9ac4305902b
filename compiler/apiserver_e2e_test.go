//go:build linux

package compiler_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"sigs.k8s.io/yaml"

	"github.com/bdconf/bdconf/compiler"
	"github.com/bdconf/bdconf/compiler/internal/kubetest"
)

// Pod Security admission labels of a namespace.
const (
	psaEnforce = "pod-security.kubernetes.io/enforce"
	psaWarn    = "pod-security.kubernetes.io/warn"
)

// TestAPIServer proves against a real etcd and kube-apiserver that every
// golden manifest is accepted: each platform's objects are server-side
// applied with strict field validation and no warning (Pod Security
// admission only warns about workload templates), each pod template is
// admitted as a Pod under the namespace's Pod Security level, and a second
// apply changes nothing. It also proves that the checks bite: an unknown
// field and a pod template that breaks "restricted" are refused.
//
// `make e2e` builds the binaries (.ci/kube/build.sh) and runs this test.
func TestAPIServer(t *testing.T) {
	bin := kubetest.RequireBinaries(t)
	start := time.Now()
	c := kubetest.Start(t, bin)
	version, err := c.Version(t.Context())
	if err != nil || !strings.HasPrefix(version, "v1.") {
		t.Fatalf("kube-apiserver reports version %q (%v); build it with the version ldflags of .ci/kube/build.sh", version, err)
	}
	t.Logf("etcd and kube-apiserver %s ready in %s", version, time.Since(start).Round(time.Millisecond))
	var applied, pods int
	var example kubetest.Object
	for _, dir := range goldenPlatforms(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			objects := readManifests(t, filepath.Join(dir, "kubernetes"))
			applied += len(objects)
			pods += checkPlatform(t, c, objects)
			if i := slices.IndexFunc(objects, isStatefulSet); i >= 0 && example.Name == "" {
				example = objects[i]
			}
		})
	}
	t.Run("rejects", func(t *testing.T) { checkRejections(t, c, example) })
	t.Logf("%d golden objects applied (twice each), %d pod templates dry-run as Pods, in %s",
		applied, pods, time.Since(start).Round(time.Millisecond))
}

// goldenPlatforms lists the directories under golden/.
func goldenPlatforms(t *testing.T) []string {
	t.Helper()
	dirs, err := filepath.Glob("../golden/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no golden platforms found: %v", err)
	}
	return dirs
}

// readManifests parses the files kustomization.yaml in dir lists, in its
// order, and requires it to list every other .yaml file of dir.
func readManifests(t *testing.T, dir string) []kubetest.Object {
	t.Helper()
	var kustomization struct{ Resources []string }
	if err := yaml.Unmarshal(readFile(t, filepath.Join(dir, "kustomization.yaml")), &kustomization); err != nil {
		t.Fatalf("%s/kustomization.yaml: %v", dir, err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	for _, f := range files {
		if name := filepath.Base(f); name != "kustomization.yaml" && !slices.Contains(kustomization.Resources, name) {
			t.Errorf("%s/kustomization.yaml does not list %s", dir, name)
		}
	}
	var objects []kubetest.Object
	for _, name := range kustomization.Resources {
		o, err := kubetest.ParseObject(name, readFile(t, filepath.Join(dir, name)))
		if err != nil {
			t.Fatal(err)
		}
		objects = append(objects, o)
	}
	return objects
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// checkPlatform applies one platform's objects and returns how many pod
// templates it admitted as Pods.
func checkPlatform(t *testing.T, c *kubetest.Client, objects []kubetest.Object) int {
	ns := prepareNamespace(t, c, objects)
	crds, err := c.InstallCRDs(t.Context(), objects)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("namespace %s (Pod Security %s), CRDs installed: %q", ns.Name, podSecurityLevel(t, ns), crds)
	first := map[string]*kubetest.Result{}
	for _, o := range objects {
		if r, ok := applyClean(t, c, o); ok {
			first[o.Source] = r
		}
	}
	pods := admitPodTemplates(t, c, objects)
	for _, o := range objects {
		checkNoDrift(t, c, o, first[o.Source])
	}
	return pods
}

// prepareNamespace applies the platform's one Namespace and creates its
// default ServiceAccount, which no controller-manager creates here and
// without which the ServiceAccount admission plugin refuses every Pod.
func prepareNamespace(t *testing.T, c *kubetest.Client, objects []kubetest.Object) kubetest.Object {
	t.Helper()
	var namespaces []kubetest.Object
	for _, o := range objects {
		if o.APIVersion == "v1" && o.Kind == "Namespace" {
			namespaces = append(namespaces, o)
		}
	}
	if len(namespaces) != 1 {
		t.Fatalf("want exactly one Namespace among the golden objects, got %d", len(namespaces))
	}
	ns := namespaces[0]
	for _, o := range []kubetest.Object{ns, newObject(t, "default ServiceAccount", map[string]any{
		"apiVersion": "v1", "kind": "ServiceAccount",
		"metadata": map[string]any{"name": "default", "namespace": ns.Name},
	})} {
		if _, ok := applyClean(t, c, o); !ok {
			t.FailNow()
		}
	}
	return ns
}

// podSecurityLevel returns the namespace's enforced Pod Security level and
// requires the warn label to name the same level, so that a workload
// template the level would refuse draws a Warning.
func podSecurityLevel(t *testing.T, ns kubetest.Object) string {
	t.Helper()
	labels, _ := ns.Body["metadata"].(map[string]any)["labels"].(map[string]any)
	enforce, warn := labels[psaEnforce], labels[psaWarn]
	if enforce == nil || enforce != warn {
		t.Errorf("%s: labels %s=%v and %s=%v: want both, with the same level", ns, psaEnforce, enforce, psaWarn, warn)
	}
	level, _ := enforce.(string)
	return level
}

// applyClean applies o and reports an error, or any warning, as a test
// failure.
func applyClean(t *testing.T, c *kubetest.Client, o kubetest.Object) (*kubetest.Result, bool) {
	t.Helper()
	r, err := c.Apply(t.Context(), o)
	if err != nil {
		t.Errorf("the API server refused: %v", err)
		return nil, false
	}
	if len(r.Warnings) > 0 {
		t.Errorf("apply %s: the API server warned: %q", o, r.Warnings)
	}
	return r, true
}

// admitPodTemplates creates, as a dry run, the first Pod of every workload
// and returns how many workloads it tried.
func admitPodTemplates(t *testing.T, c *kubetest.Client, objects []kubetest.Object) int {
	t.Helper()
	n := 0
	for _, o := range objects {
		pod, ok, err := kubetest.PodFromTemplate(o)
		if !ok {
			continue
		}
		n++
		if err == nil {
			_, err = dryRunPod(t.Context(), c, pod)
		}
		if err != nil {
			t.Errorf("pod template refused: %v", err)
		}
	}
	return n
}

// dryRunPod creates pod as a dry run; a warning is an error too.
func dryRunPod(ctx context.Context, c *kubetest.Client, pod kubetest.Object) (*kubetest.Result, error) {
	r, err := c.DryRunCreate(ctx, pod)
	if err == nil && len(r.Warnings) > 0 {
		err = errors.New("dry-run create " + pod.String() + ": the API server warned: " + strings.Join(r.Warnings, "; "))
	}
	return r, err
}

// checkNoDrift applies o again and requires the stored object to be
// unchanged: same resourceVersion (the server wrote nothing) and
// generation.
func checkNoDrift(t *testing.T, c *kubetest.Client, o kubetest.Object, first *kubetest.Result) {
	t.Helper()
	if first == nil {
		return
	}
	again, ok := applyClean(t, c, o)
	if !ok {
		return
	}
	if first.ResourceVersion() == "" {
		t.Errorf("apply %s: the stored object has no resourceVersion", o)
	}
	if again.ResourceVersion() != first.ResourceVersion() || again.Generation() != first.Generation() {
		t.Errorf("%s drifted on the second apply: resourceVersion %s -> %s, generation %d -> %d",
			o, first.ResourceVersion(), again.ResourceVersion(), first.Generation(), again.Generation())
	}
}

func isStatefulSet(o kubetest.Object) bool { return o.Kind == "StatefulSet" }

func newObject(t *testing.T, source string, body map[string]any) kubetest.Object {
	t.Helper()
	o, err := kubetest.NewObject(source, body)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// rejectsNamespace is where checkRejections works, under Pod Security
// "restricted" whatever the golden platforms declare.
const rejectsNamespace = "bdconf-e2e-rejects"

// checkRejections proves the checks bite, on variants of a golden
// StatefulSet: the unchanged object passes, an unknown field is refused,
// and a pod template that breaks "restricted" is refused as a Pod and
// draws a Warning as a StatefulSet. It also exercises the vendored
// cert-manager Certificate CRD.
func checkRejections(t *testing.T, c *kubetest.Client, example kubetest.Object) {
	if example.Name == "" {
		t.Fatal("no golden StatefulSet to derive broken variants from")
	}
	prepareNamespace(t, c, []kubetest.Object{newObject(t, "rejects namespace", map[string]any{
		"apiVersion": "v1", "kind": "Namespace",
		"metadata": map[string]any{"name": rejectsNamespace, "labels": map[string]any{psaEnforce: "restricted", psaWarn: "restricted"}},
	})})
	// The example's pods run as its component's ServiceAccount.
	account, _ := example.Copy()["spec"].(map[string]any)["template"].(map[string]any)["spec"].(map[string]any)["serviceAccountName"].(string)
	if account != "" {
		if _, ok := applyClean(t, c, newObject(t, "the example's ServiceAccount", map[string]any{
			"apiVersion": "v1", "kind": "ServiceAccount",
			"metadata": map[string]any{"name": account, "namespace": rejectsNamespace},
		})); !ok {
			t.FailNow()
		}
	}
	t.Run("unchanged", func(t *testing.T) { checkAccepted(t, c, variant(t, example, "", nil)) })
	t.Run("unknown field", func(t *testing.T) {
		_, err := c.DryRunApply(t.Context(), variant(t, example, "spec.replicaz", 3))
		requireRefusal(t, err, "field not declared in schema", "unknown field")
	})
	t.Run("runAsNonRoot false", func(t *testing.T) {
		checkPodSecurityRefusal(t, c, variant(t, example, "spec.template.spec.securityContext.runAsNonRoot", false))
	})
	t.Run("Certificate CRD", func(t *testing.T) { checkCertificateCRD(t, c) })
}

// variant returns o in rejectsNamespace, with the field at the dotted path
// set to value (no field when path is empty).
func variant(t *testing.T, o kubetest.Object, path string, value any) kubetest.Object {
	t.Helper()
	body := o.Copy()
	kubetest.SetField(body, rejectsNamespace, "metadata", "namespace")
	source := o.Source + " in " + rejectsNamespace
	if path != "" {
		kubetest.SetField(body, value, strings.Split(path, ".")...)
		source += " with " + path + " set"
	}
	return newObject(t, source, body)
}

// checkAccepted requires o and its pod template to pass without warnings,
// so that the refusals of its variants are due to their changes.
func checkAccepted(t *testing.T, c *kubetest.Client, o kubetest.Object) {
	t.Helper()
	r, err := c.DryRunApply(t.Context(), o)
	if err == nil && len(r.Warnings) > 0 {
		t.Errorf("dry-run apply %s: the API server warned: %q", o, r.Warnings)
	}
	if err != nil {
		t.Error(err)
	}
	pod, _, err := kubetest.PodFromTemplate(o)
	if err == nil {
		_, err = dryRunPod(t.Context(), c, pod)
	}
	if err != nil {
		t.Error(err)
	}
}

// checkPodSecurityRefusal requires o's pod template to be refused as a Pod
// and o itself to be admitted with a Pod Security warning (enforcement
// applies to Pods only).
func checkPodSecurityRefusal(t *testing.T, c *kubetest.Client, o kubetest.Object) {
	t.Helper()
	pod, _, err := kubetest.PodFromTemplate(o)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.DryRunCreate(t.Context(), pod)
	requireRefusal(t, err, `violates PodSecurity "restricted`)
	r, err := c.DryRunApply(t.Context(), o)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(r.Warnings, func(w string) bool { return strings.Contains(w, `would violate PodSecurity "restricted`) }) {
		t.Fatalf("dry-run apply %s: want a PodSecurity warning, got warnings %q", o, r.Warnings)
	}
	t.Logf("warned as expected: %q", r.Warnings)
}

// requireRefusal requires err to be the API server's refusal with a
// message that contains one of wants.
func requireRefusal(t *testing.T, err error, wants ...string) {
	t.Helper()
	var refusal *kubetest.StatusError
	if !errors.As(err, &refusal) {
		t.Fatalf("want the API server to refuse with %q, got error %v", wants, err)
	}
	if !slices.ContainsFunc(wants, func(w string) bool { return strings.Contains(refusal.Message, w) }) {
		t.Fatalf("want the API server to refuse with %q, got: %v", wants, err)
	}
	t.Logf("refused as expected: %v", err)
}

// checkCertificateCRD installs the vendored Certificate CRD through the
// same path a platform with TLS takes, then requires a valid Certificate
// to pass and one with an unknown field to be refused.
func checkCertificateCRD(t *testing.T, c *kubetest.Client) {
	t.Helper()
	cert := newObject(t, "Certificate", map[string]any{
		"apiVersion": "cert-manager.io/v1", "kind": "Certificate",
		"metadata": map[string]any{"name": "e2e-tls", "namespace": rejectsNamespace},
		"spec": map[string]any{
			"secretName": "e2e-tls",
			"dnsNames":   []any{"*.e2e." + rejectsNamespace + ".svc.cluster.local"},
			"usages":     []any{"server auth", "client auth"},
			"privateKey": map[string]any{"algorithm": "ECDSA", "size": 256, "rotationPolicy": "Always"},
			"issuerRef":  map[string]any{"name": "e2e-ca", "kind": "Issuer", "group": "cert-manager.io"},
		},
	})
	if crds, err := c.InstallCRDs(t.Context(), []kubetest.Object{cert}); err != nil || len(crds) != 1 {
		t.Fatalf("installing the Certificate CRD: installed %q, error %v", crds, err)
	}
	applyClean(t, c, cert)
	body := cert.Copy()
	kubetest.SetField(body, []any{"typo.example"}, "spec", "dnsName")
	_, err := c.DryRunApply(t.Context(), newObject(t, "Certificate with spec.dnsName", body))
	requireRefusal(t, err, "field not declared in schema", "unknown field")
}

// TestAPIServerLongestNames proves the name limits bdconf enforces are the
// API server's: prod-secure (the most objects, the longest names) with the
// longest platform name bdconf accepts is admitted, pods and revision labels
// included, and one character more is refused by bdconf itself.
func TestAPIServerLongestNames(t *testing.T) {
	bin := kubetest.RequireBinaries(t)
	profile := readFile(t, "../profiles/prod-secure/platform.yaml")
	longest, refused := longestAcceptedName(t, profile)
	if !strings.Contains(refused.Error(), "too long: bdconf would name a") {
		t.Errorf("one character more: %v, want bdconf's name error", refused)
	}
	c := kubetest.Start(t, bin)
	var objects []kubetest.Object
	for _, f := range longest.Files {
		if dir, name := filepath.Split(f.Path); strings.HasSuffix(dir, "/kubernetes/") && name != "kustomization.yaml" {
			o, err := kubetest.ParseObject(f.Path, f.Data)
			if err != nil {
				t.Fatal(err)
			}
			objects = append(objects, o)
		}
	}
	t.Logf("platform name of %d characters: %d objects", len(longest.Platform), len(objects))
	checkPlatform(t, c, objects)
}

// longestAcceptedName compiles profile under ever shorter platform names
// from 63 characters and returns the first result bdconf accepts and the
// error of the name one character longer.
func longestAcceptedName(t *testing.T, profile []byte) (*compiler.Result, error) {
	t.Helper()
	nameLine := regexp.MustCompile(`(?m)^name: .*$`)
	var refused error
	for n := 63; n > 0; n-- {
		name := strings.Repeat("n", n)
		sources := []compiler.Source{{Name: "platform.yaml", Data: nameLine.ReplaceAll(profile, []byte("name: "+name))}}
		res, err := compiler.Compile(t.Context(), compiler.Options{Sources: sources})
		if err == nil {
			if refused == nil {
				t.Fatal("a 63-character platform name was accepted: no name limit was reached")
			}
			return res, refused
		}
		refused = err
	}
	t.Fatalf("no platform name is accepted: %v", refused)
	return nil, nil
}
