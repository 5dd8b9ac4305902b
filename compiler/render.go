package compiler

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"sigs.k8s.io/yaml"

	"github.com/bdconf/bdconf/compiler/native"
)

// ChecksumAnnotation is set on every pod template to a digest of the
// ConfigMaps the pods mount, so that a configuration change rolls the pods.
const ChecksumAnnotation = "bdconf.dev/config-checksum"

// render turns a decoded plan into output files.
func render(p *plan) (*Result, error) {
	natives, err := renderNatives(p.files)
	if err != nil {
		return nil, err
	}
	objects := p.objects
	configMaps := map[string]object{}
	for _, name := range sortedKeys(p.configMaps) {
		cm, err := buildConfigMap(name, p, natives)
		if err != nil {
			return nil, err
		}
		configMaps[name] = cm
		objects = append(objects, cm)
	}
	stampChecksums(objects, configMaps)
	res := &Result{Platform: p.platform}
	for _, nativePath := range sortedKeys(natives) {
		outPath := path.Join(p.platform, "native", nativePath)
		res.Files = append(res.Files, File{Path: outPath, Data: natives[nativePath]})
		f := p.files[nativePath]
		res.Natives = append(res.Natives, Native{Path: outPath, Format: f.format, Settings: sortedSettings(f.settings), Nested: f.nested})
	}
	manifests, err := renderManifests(p.platform, objects)
	if err != nil {
		return nil, err
	}
	res.Files = append(res.Files, manifests...)
	if p.kerberos != nil {
		f, err := kerberosFile(p.platform, p.kerberos)
		if err != nil {
			return nil, err
		}
		res.Files = append(res.Files, f)
		res.Kerberos = p.kerberos
	}
	sort.Slice(res.Files, func(i, j int) bool { return res.Files[i].Path < res.Files[j].Path })
	return res, nil
}

// sortedSettings returns a copy of settings in key order, as native files list them.
func sortedSettings(settings []Setting) []Setting {
	sorted := slices.Clone(settings)
	slices.SortFunc(sorted, func(a, b Setting) int { return strings.Compare(a.Key, b.Key) })
	return sorted
}

func renderNatives(files map[string]nativeFile) (map[string][]byte, error) {
	out := make(map[string][]byte, len(files))
	for _, nativePath := range sortedKeys(files) {
		f := files[nativePath]
		if isNested(f.format) {
			data, err := renderNested(f.nested)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", nativePath, err)
			}
			out[nativePath] = data
			continue
		}
		data, err := native.Render(f.format, entries(f.settings))
		if err != nil {
			return nil, unwritable(nativePath, f.settings, err)
		}
		out[nativePath] = data
	}
	return out, nil
}

// unwritable places a value the native format cannot represent (a control
// character in XML, say) at the profile position that set it.
func unwritable(nativePath string, settings []Setting, err error) error {
	var keyErr *native.KeyError
	if errors.As(err, &keyErr) {
		for _, s := range settings {
			if s.Key == keyErr.Key {
				return &Error{Diagnostics: []Diagnostic{{
					Pos:     s.Origin,
					Path:    strconv.Quote(s.Key),
					Message: fmt.Sprintf("cannot be written to %s: %v", path.Base(nativePath), keyErr.Err),
				}}}
			}
		}
	}
	return fmt.Errorf("%s: %w", nativePath, err)
}

// buildConfigMap embeds the planned native files, byte for byte.
func buildConfigMap(name string, p *plan, natives map[string][]byte) (object, error) {
	cm := p.configMaps[name]
	data := map[string]any{}
	for key, nativePath := range cm.Files {
		content, ok := natives[nativePath]
		if !ok {
			return nil, fmt.Errorf("ConfigMap %s: no native file %s", name, nativePath)
		}
		data[key] = string(content)
	}
	labels := map[string]any{}
	for k, v := range cm.Labels {
		labels[k] = v
	}
	return object{
		"apiVersion": "v1",
		"kind":       "ConfigMap",
		"metadata":   map[string]any{"name": name, "namespace": p.namespace, "labels": labels},
		"data":       data,
	}, nil
}

// stampChecksums annotates each pod template with the digest of the
// ConfigMaps its volumes mount.
func stampChecksums(objects []object, configMaps map[string]object) {
	for _, o := range objects {
		template, ok := podTemplate(o)
		if !ok {
			continue
		}
		digest := sha256.New()
		for _, name := range mountedConfigMaps(template) {
			cm, ok := configMaps[name]
			if !ok {
				continue
			}
			writeConfigMapDigest(digest, name, cm["data"].(map[string]any))
		}
		meta, _ := template["metadata"].(map[string]any)
		if meta == nil {
			meta = map[string]any{}
			template["metadata"] = meta
		}
		annotations, _ := meta["annotations"].(map[string]any)
		if annotations == nil {
			annotations = map[string]any{}
			meta["annotations"] = annotations
		}
		annotations[ChecksumAnnotation] = "sha256:" + hex.EncodeToString(digest.Sum(nil))
	}
}

// writeConfigMapDigest feeds name and data, in key order, unambiguously.
func writeConfigMapDigest(w interface{ Write([]byte) (int, error) }, name string, data map[string]any) {
	fmt.Fprintf(w, "%d:%s", len(name), name)
	for _, key := range sortedKeys(data) {
		value := data[key].(string)
		fmt.Fprintf(w, "%d:%s%d:%s", len(key), key, len(value), value)
	}
}

// podTemplate returns spec.template of a workload object.
func podTemplate(o object) (map[string]any, bool) {
	spec, ok := o["spec"].(map[string]any)
	if !ok {
		return nil, false
	}
	template, ok := spec["template"].(map[string]any)
	return template, ok
}

// mountedConfigMaps lists, sorted, the ConfigMaps a pod template's volumes use.
func mountedConfigMaps(template map[string]any) []string {
	spec, _ := template["spec"].(map[string]any)
	volumes, _ := spec["volumes"].([]any)
	var names []string
	for _, v := range volumes {
		volume, _ := v.(map[string]any)
		if cm, ok := volume["configMap"].(map[string]any); ok {
			if name, ok := cm["name"].(string); ok {
				names = append(names, name)
			}
		}
	}
	sort.Strings(names)
	return names
}

// renderManifests writes one YAML file per object, named <kind>-<name>.yaml,
// plus a kustomization.yaml listing them.
func renderManifests(platform string, objects []object) ([]File, error) {
	var files []File
	var resources []string
	seen := map[string]bool{}
	for _, o := range objects {
		name := manifestName(o)
		if seen[name] {
			return nil, fmt.Errorf("two Kubernetes objects would be written to %s", name)
		}
		seen[name] = true
		data, err := yaml.Marshal(o)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		files = append(files, File{Path: path.Join(platform, "kubernetes", name), Data: data})
		resources = append(resources, name)
	}
	sort.Strings(resources)
	kustomization, err := yaml.Marshal(map[string]any{
		"apiVersion": "kustomize.config.k8s.io/v1beta1",
		"kind":       "Kustomization",
		"resources":  resources,
	})
	if err != nil {
		return nil, err
	}
	return append(files, File{Path: path.Join(platform, "kubernetes", "kustomization.yaml"), Data: kustomization}), nil
}

// manifestName is <lower-case kind>-<name>.yaml.
func manifestName(o object) string {
	kind, _ := o["kind"].(string)
	meta, _ := o["metadata"].(map[string]any)
	name, _ := meta["name"].(string)
	return strings.ToLower(kind) + "-" + name + ".yaml"
}
