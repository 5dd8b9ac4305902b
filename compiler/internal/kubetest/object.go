//go:build linux

package kubetest

import (
	"fmt"
	"strings"

	"sigs.k8s.io/yaml"
)

// Object is one Kubernetes object: the manifest sent to the server as is,
// the manifest decoded, and the fields that locate it.
type Object struct {
	Source     string // where the manifest came from, for messages
	Manifest   []byte
	Body       map[string]any
	APIVersion string
	Kind       string
	Name       string
	Namespace  string
}

// ParseObject decodes one YAML or JSON manifest.
func ParseObject(source string, manifest []byte) (Object, error) {
	var body map[string]any
	if err := yaml.Unmarshal(manifest, &body); err != nil {
		return Object{}, fmt.Errorf("%s: %w", source, err)
	}
	o := Object{Source: source, Manifest: manifest, Body: body}
	o.APIVersion, _ = body["apiVersion"].(string)
	o.Kind, _ = body["kind"].(string)
	meta, _ := body["metadata"].(map[string]any)
	o.Name, _ = meta["name"].(string)
	o.Namespace, _ = meta["namespace"].(string)
	if o.APIVersion == "" || o.Kind == "" || o.Name == "" {
		return Object{}, fmt.Errorf("%s: apiVersion, kind and metadata.name are required", source)
	}
	return o, nil
}

// NewObject encodes body as a manifest and parses it back.
func NewObject(source string, body map[string]any) (Object, error) {
	manifest, err := yaml.Marshal(body)
	if err != nil {
		return Object{}, fmt.Errorf("%s: %w", source, err)
	}
	return ParseObject(source, manifest)
}

// String names the object for messages: "StatefulSet dev/dev-zk (file)".
func (o Object) String() string {
	name := o.Name
	if o.Namespace != "" {
		name = o.Namespace + "/" + name
	}
	return fmt.Sprintf("%s %s (%s)", o.Kind, name, o.Source)
}

// Group returns the API group of the object ("" for the core group).
func (o Object) Group() string {
	group, _, found := strings.Cut(o.APIVersion, "/")
	if !found {
		return ""
	}
	return group
}

// Copy returns a deep copy of the object's body, to derive variants from.
func (o Object) Copy() map[string]any {
	var body map[string]any
	if err := yaml.Unmarshal(o.Manifest, &body); err != nil {
		panic(fmt.Sprintf("%s: decoding a manifest that decoded before: %v", o.Source, err))
	}
	return body
}

// SetField sets the field at path in body, making maps on the way; a nil
// value deletes the field. Tests use it to break an object on purpose.
func SetField(body map[string]any, value any, path ...string) {
	for _, key := range path[:len(path)-1] {
		next, ok := body[key].(map[string]any)
		if !ok {
			next = map[string]any{}
			body[key] = next
		}
		body = next
	}
	if value == nil {
		delete(body, path[len(path)-1])
		return
	}
	body[path[len(path)-1]] = value
}
