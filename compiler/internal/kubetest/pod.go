//go:build linux

package kubetest

import (
	"fmt"
	"slices"
	"strings"
)

// workloadKinds are the kinds whose spec.template becomes Pods.
var workloadKinds = []string{"StatefulSet", "Deployment", "DaemonSet"}

// PodFromTemplate returns the first Pod that the controller of a
// StatefulSet, Deployment or DaemonSet would create from spec.template:
// same namespace, labels, annotations and spec. For a StatefulSet it adds
// what its controller adds: pod-name and pod-index labels, the host name
// and subdomain, and one PersistentVolumeClaim volume per
// volumeClaimTemplate. ok is false for other kinds.
func PodFromTemplate(o Object) (pod Object, ok bool, err error) {
	if !slices.Contains(workloadKinds, o.Kind) {
		return Object{}, false, nil
	}
	spec := child(o.Copy(), "spec")
	template := child(spec, "template")
	podSpec, meta := child(template, "spec"), child(template, "metadata")
	if len(podSpec) == 0 {
		return Object{}, true, fmt.Errorf("%s: no spec.template.spec", o)
	}
	meta["name"], meta["namespace"] = o.Name+"-0", o.Namespace
	if o.Kind == "StatefulSet" {
		statefulSetPod(meta, spec, podSpec)
	}
	pod, err = NewObject(o.Source+": spec.template", map[string]any{
		"apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": podSpec,
	})
	return pod, true, err
}

// statefulSetPod adds to pod 0's metadata and spec what the StatefulSet
// controller adds.
func statefulSetPod(meta, spec, podSpec map[string]any) {
	name := meta["name"].(string)
	labels := child(meta, "labels")
	labels["statefulset.kubernetes.io/pod-name"] = name
	labels["apps.kubernetes.io/pod-index"] = "0"
	// The controller labels each pod with its revision: the StatefulSet's
	// name and a hash of up to 10 characters.
	labels["controller-revision-hash"] = strings.TrimSuffix(name, "-0") + "-5d8f7b9c6f"
	meta["labels"] = labels
	podSpec["hostname"] = name
	if service, ok := spec["serviceName"].(string); ok {
		podSpec["subdomain"] = service
	}
	claims, _ := spec["volumeClaimTemplates"].([]any)
	for _, c := range claims {
		claimTemplate, _ := c.(map[string]any)
		claim, _ := child(claimTemplate, "metadata")["name"].(string)
		setVolume(podSpec, map[string]any{
			"name":                  claim,
			"persistentVolumeClaim": map[string]any{"claimName": claim + "-" + name},
		})
	}
}

// setVolume adds volume to podSpec, replacing a volume of the same name.
func setVolume(podSpec map[string]any, volume map[string]any) {
	volumes, _ := podSpec["volumes"].([]any)
	volumes = slices.DeleteFunc(volumes, func(v any) bool {
		m, _ := v.(map[string]any)
		return m["name"] == volume["name"]
	})
	podSpec["volumes"] = append(volumes, volume)
}

// child returns m[key] as a map, or an empty map when it is missing or
// not a map; m may be nil.
func child(m map[string]any, key string) map[string]any {
	if c, ok := m[key].(map[string]any); ok {
		return c
	}
	return map[string]any{}
}
