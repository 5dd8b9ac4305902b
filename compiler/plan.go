package compiler

import (
	"errors"
	"fmt"
	"maps"
	"path"
	"sort"
	"strconv"
	"strings"

	"cuelang.org/go/cue"

	"github.com/bdconf/bdconf/compiler/native"
)

// plan is the schema's #out decoded: what to render, before rendering.
type plan struct {
	platform   string
	namespace  string
	files      map[string]nativeFile    // native path -> content
	configMaps map[string]configMapPlan // ConfigMap name -> content
	objects    []object
	kerberos   *KerberosDescriptor // nil without Kerberos
	written    literals            // the profiles' numbers, as written
}

// nativeFile is one native configuration file to render.
type nativeFile struct {
	format   native.Format
	settings []Setting
	// nested holds the entries of a nested format (krb5.conf, JAAS), which
	// have no flat settings (see decodeNested).
	nested any
}

// configMapPlan says which native files a ConfigMap embeds.
type configMapPlan struct {
	Labels map[string]string `json:"labels"`
	Files  map[string]string `json:"files"` // key in the ConfigMap -> native path
}

// object is one Kubernetes object, as decoded from CUE.
type object = map[string]any

// decodePlan reads #out: the platform's own objects, then each component's
// native files, ConfigMaps and objects.
func decodePlan(out cue.Value, written literals) (*plan, error) {
	p := &plan{files: map[string]nativeFile{}, configMaps: map[string]configMapPlan{}, written: written}
	if err := out.LookupPath(cue.ParsePath("platform")).Decode(&p.platform); err != nil {
		return nil, err
	}
	if err := out.LookupPath(cue.ParsePath("namespace")).Decode(&p.namespace); err != nil {
		return nil, err
	}
	if err := p.addObjects(out.LookupPath(cue.ParsePath("objects"))); err != nil {
		return nil, err
	}
	if err := p.decodeFiles(out.LookupPath(cue.ParsePath("files"))); err != nil {
		return nil, err
	}
	var err error
	if p.kerberos, err = decodeKerberos(out.LookupPath(cue.ParsePath("kerberos"))); err != nil {
		return nil, err
	}
	iter, err := out.LookupPath(cue.ParsePath("components")).Fields()
	if err != nil {
		return nil, err
	}
	for iter.Next() {
		if err := p.addComponent(iter.Value()); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// addComponent adds one component's output. Names of native files,
// ConfigMaps and objects all start with the component's, so none clash.
func (p *plan) addComponent(c cue.Value) error {
	var configMaps map[string]configMapPlan
	if err := c.LookupPath(cue.ParsePath("configMaps")).Decode(&configMaps); err != nil {
		return err
	}
	maps.Copy(p.configMaps, configMaps)
	if err := p.addObjects(c.LookupPath(cue.ParsePath("objects"))); err != nil {
		return err
	}
	return p.decodeFiles(c.LookupPath(cue.ParsePath("files")))
}

// addObjects appends the Kubernetes objects of v, in the order of their keys.
func (p *plan) addObjects(v cue.Value) error {
	var objects map[string]object
	if err := v.Decode(&objects); err != nil {
		return err
	}
	for _, id := range sortedKeys(objects) {
		p.objects = append(p.objects, objects[id])
	}
	return nil
}

// decodeFiles reads every planned native file.
func (p *plan) decodeFiles(files cue.Value) error {
	if !files.Exists() {
		return nil
	}
	iter, err := files.Fields()
	if err != nil {
		return err
	}
	for iter.Next() {
		f, err := p.written.decodeFile(iter.Selector().Unquoted(), iter.Value())
		var diagnostics *Error
		if errors.As(err, &diagnostics) {
			return err
		} else if err != nil {
			return fmt.Errorf("native file %s: %w", iter.Selector().Unquoted(), err)
		}
		p.files[iter.Selector().Unquoted()] = f
	}
	return nil
}

// decodeFile reads one native file: its catalog-checked entries, then the
// keys set under unchecked.
func (l literals) decodeFile(filePath string, v cue.Value) (nativeFile, error) {
	var f nativeFile
	format, err := v.LookupPath(cue.ParsePath("format")).String()
	if err != nil {
		return f, err
	}
	f.format = native.Format(format)
	checked := v.LookupPath(cue.ParsePath("entries"))
	if isNested(f.format) {
		f.nested, err = decodeNested(f.format, checked)
		return f, err
	}
	if f.settings, err = l.decodeSettings(checked, false); err != nil {
		return f, err
	}
	if err := placeSecrets(f.settings, v.LookupPath(cue.ParsePath("secrets")), path.Base(filePath)); err != nil {
		return f, err
	}
	if f.settings, err = l.applyMerged(f.settings, v.LookupPath(cue.ParsePath("merged"))); err != nil {
		return f, err
	}
	unchecked, err := l.decodeSettings(v.LookupPath(cue.ParsePath("unchecked")), true)
	if err != nil {
		return f, err
	}
	if err := placeSecrets(unchecked, v.LookupPath(cue.ParsePath("secrets")), path.Base(filePath)); err != nil {
		return f, err
	}
	if err := requireUnknown(checked, unchecked, path.Base(filePath)); err != nil {
		return f, err
	}
	f.settings = append(f.settings, unchecked...)
	return f, nil
}

// scalarString renders a concrete CUE value the way native files spell it:
// numbers as the profile wrote them, lists comma-separated.
func (l literals) scalarString(v cue.Value) (string, error) {
	v, _ = v.Default()
	switch v.Kind() {
	case cue.StringKind:
		return v.String()
	case cue.BoolKind:
		b, err := v.Bool()
		return strconv.FormatBool(b), err
	case cue.IntKind, cue.FloatKind:
		return l.numberString(v)
	case cue.ListKind:
		return l.joinList(v)
	}
	return "", fmt.Errorf("want a string, number, bool or list of them, got %v", v.Kind())
}

func (l literals) joinList(v cue.Value) (string, error) {
	iter, err := v.List()
	if err != nil {
		return "", err
	}
	var parts []string
	for iter.Next() {
		s, err := l.scalarString(iter.Value())
		if err != nil {
			return "", err
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ","), nil
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
