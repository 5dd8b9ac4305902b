package readers

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	"sigs.k8s.io/yaml"
)

// object is one Kubernetes object as generic JSON (numbers are float64),
// the form both sides are compared in.
type object = map[string]any

// kustomizeBuild builds the kustomization in dir with kustomize's API (what
// `kubectl apply -k dir` runs) and returns its objects by objectID.
func kustomizeBuild(dir string) (map[string]object, error) {
	resources, err := krusty.MakeKustomizer(krusty.MakeDefaultOptions()).Run(filesys.MakeFsOnDisk(), dir)
	if err != nil {
		return nil, err
	}
	built := map[string]object{}
	for _, r := range resources.Resources() {
		m, err := r.Map()
		if err != nil {
			return nil, err
		}
		obj, err := asJSON(m)
		if err != nil {
			return nil, err
		}
		if err := addObject(built, obj, "kustomize build "+dir); err != nil {
			return nil, err
		}
	}
	return built, nil
}

// emittedObjects parses every manifest bdconf emitted into dir, all but the
// kustomization itself, and returns them by objectID.
func emittedObjects(t *testing.T, dir string) map[string]object {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	emitted := map[string]object{}
	for _, f := range files {
		if filepath.Base(f) == "kustomization.yaml" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var obj object
		if err := yaml.Unmarshal(data, &obj); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := addObject(emitted, obj, f); err != nil {
			t.Fatal(err)
		}
	}
	return emitted
}

// asJSON converts v to generic JSON, the form sigs.k8s.io/yaml parses to.
func asJSON(v any) (object, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var obj object
	return obj, json.Unmarshal(data, &obj)
}

// addObject adds obj to objects under its objectID; a duplicate is an error
// naming source.
func addObject(objects map[string]object, obj object, source string) error {
	id := objectID(obj)
	if _, dup := objects[id]; dup {
		return fmt.Errorf("%s: %s twice", source, id)
	}
	objects[id] = obj
	return nil
}

// objectID names an object the way the API server keys it:
// apiVersion kind namespace/name.
func objectID(obj object) string {
	meta, _ := obj["metadata"].(map[string]any)
	return fmt.Sprintf("%v %v %v/%v", obj["apiVersion"], obj["kind"], meta["namespace"], meta["name"])
}

// compareObjects returns every object missing from, added to or changed in
// built compared with emitted.
func compareObjects(built, emitted map[string]object) error {
	var errs []error
	for _, id := range slices.Sorted(maps.Keys(emitted)) {
		b, ok := built[id]
		switch {
		case !ok:
			errs = append(errs, fmt.Errorf("%s: emitted, missing from the kustomize build", id))
		case !reflect.DeepEqual(b, emitted[id]):
			errs = append(errs, fmt.Errorf("%s: the kustomize build changed it:\n%s", id, yamlText(b)))
		}
	}
	for _, id := range slices.Sorted(maps.Keys(built)) {
		if _, ok := emitted[id]; !ok {
			errs = append(errs, fmt.Errorf("%s: in the kustomize build, not emitted", id))
		}
	}
	return errors.Join(errs...)
}

// yamlText renders obj for a failure message.
func yamlText(obj object) string {
	data, err := yaml.Marshal(obj)
	if err != nil {
		return err.Error()
	}
	return string(data)
}

// TestKustomizeBuildsEmittedObjects builds every golden kustomization with
// kustomize and requires exactly the objects bdconf emitted beside it: the
// same set, each with the same content.
func TestKustomizeBuildsEmittedObjects(t *testing.T) {
	for _, dir := range platforms(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			manifests := filepath.Join(dir, "kubernetes")
			emitted := emittedObjects(t, manifests)
			built, err := kustomizeBuild(manifests)
			if err != nil {
				t.Fatal(err)
			}
			if err := compareObjects(built, emitted); err != nil {
				t.Error(err)
			}
			t.Logf("%d objects", len(built))
			t.Run("a resource removed from the kustomization fails", func(t *testing.T) {
				broken := copyDir(t, manifests)
				removed := removeLastResource(t, broken)
				built, err := kustomizeBuild(broken)
				if err != nil {
					t.Fatal(err)
				}
				err = compareObjects(built, emitted)
				if err == nil || !strings.Contains(err.Error(), "missing from the kustomize build") {
					t.Errorf("without %s, the comparison returned %v, want a missing object", removed, err)
				}
			})
		})
	}
}

// removeLastResource drops the last entry of resources from the
// kustomization.yaml in dir and returns it.
func removeLastResource(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "kustomization.yaml")
	var k map[string]any
	readYAML(t, path, &k)
	resources, _ := k["resources"].([]any)
	if len(resources) == 0 {
		t.Fatalf("%s lists no resources", path)
	}
	k["resources"] = resources[:len(resources)-1]
	data, err := yaml.Marshal(k)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(resources[len(resources)-1])
}
