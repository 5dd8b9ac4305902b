//go:build linux

package kubetest

import (
	"net/http"
	"slices"
	"testing"
)

const statefulSet = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: zk, namespace: data}
spec:
  serviceName: zk-headless
  template:
    metadata:
      labels: {app: zk}
    spec:
      containers: [{name: zk, image: zk:3.8}]
      volumes:
      - {name: data, emptyDir: {}}
      - {name: config, configMap: {name: zk}}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce]}
`

const wantPod = `apiVersion: v1
kind: Pod
metadata:
  labels:
    app: zk
    apps.kubernetes.io/pod-index: "0"
    controller-revision-hash: zk-5d8f7b9c6f
    statefulset.kubernetes.io/pod-name: zk-0
  name: zk-0
  namespace: data
spec:
  containers:
  - image: zk:3.8
    name: zk
  hostname: zk-0
  subdomain: zk-headless
  volumes:
  - configMap:
      name: zk
    name: config
  - name: data
    persistentVolumeClaim:
      claimName: data-zk-0
`

// TestPodFromStatefulSet checks that pod 0 gets what the StatefulSet
// controller adds, its claim replacing the template's volume of that name.
func TestPodFromStatefulSet(t *testing.T) {
	sts, err := ParseObject("sts.yaml", []byte(statefulSet))
	if err != nil {
		t.Fatal(err)
	}
	pod, ok, err := PodFromTemplate(sts)
	if !ok || err != nil {
		t.Fatalf("PodFromTemplate: ok %v, error %v", ok, err)
	}
	if string(pod.Manifest) != wantPod {
		t.Errorf("got pod\n%s\nwant\n%s", pod.Manifest, wantPod)
	}
	if _, ok, _ := PodFromTemplate(Object{Kind: "ConfigMap"}); ok {
		t.Error("a ConfigMap has no pod template")
	}
}

// TestWarnings checks that Warning headers are read as the API server
// sends them, quoted with escapes.
func TestWarnings(t *testing.T) {
	h := http.Header{}
	h.Add("Warning", `299 - "would violate PodSecurity \"restricted:latest\": privileged"`)
	h.Add("Warning", `299 - "unknown field \"spec.replicaz\""`)
	got := warnings(h)
	want := []string{`would violate PodSecurity "restricted:latest": privileged`, `unknown field "spec.replicaz"`}
	if !slices.Equal(got, want) {
		t.Errorf("warnings = %q, want %q", got, want)
	}
}
