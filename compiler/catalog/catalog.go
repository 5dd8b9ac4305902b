// Package catalog lists the option catalogs embedded in the schema: every key
// of every native file bdconf types, with its upstream facts. It reads the
// catalogs' syntax only, without evaluating them, so listing is cheap.
package catalog

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/parser"
)

// Root is the folder of the catalogs inside the schema module.
const Root = "catalog"

// Option is one key of a native file, or one family of keys (a pattern).
type Option struct {
	Technology string `json:"technology"`
	File       string `json:"file"`
	// Key is the key, or for a pattern the CUE label matching the family.
	Key     string `json:"key"`
	Pattern bool   `json:"pattern"`
	Type    string `json:"type"`
	// Default is the upstream default; nil when upstream gives none.
	Default *string `json:"default"`
	Unit    string  `json:"unit,omitempty"`
	Secret  bool    `json:"secret"`
	// Deprecated names the replacement key(s); nil for a current key.
	Deprecated *string `json:"deprecated"`
	// Source is the upstream document and version the facts come from.
	Source string `json:"source"`

	matcher *matcher
}

// Load reads every catalog under Root in fsys (the embedded schema module),
// sorted by technology, file and key.
func Load(fsys fs.FS) ([]Option, error) {
	defs := map[string]*definition{}
	err := fs.WalkDir(fsys, Root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".cue" {
			return err
		}
		return readFile(fsys, p, defs)
	})
	if err != nil {
		return nil, err
	}
	var options []Option
	for _, d := range defs {
		if d.file == "" {
			return nil, fmt.Errorf("catalog %s: no @catalog attribute names its native file", d.name)
		}
		options = append(options, d.options()...)
	}
	sort.SliceStable(options, func(i, j int) bool { return options[i].less(options[j]) })
	return options, nil
}

func (o Option) less(p Option) bool {
	if o.Technology != p.Technology {
		return o.Technology < p.Technology
	}
	if o.File != p.File {
		return o.File < p.File
	}
	if o.Pattern != p.Pattern {
		return !o.Pattern
	}
	if o.Key != p.Key {
		return o.Key < p.Key
	}
	// One key in several sections or catalogs of a file (krb5.conf's
	// sections, Trino's connectors) differs by type or source.
	if o.Type != p.Type {
		return o.Type < p.Type
	}
	return o.Source < p.Source
}

// Matches tells whether key is this option: the same key, or a key of the
// pattern's family.
func (o Option) Matches(key string) bool {
	if !o.Pattern {
		return o.Key == key
	}
	return o.matcher.matches(key)
}

// Technologies lists the technologies of options, sorted and distinct.
func Technologies(options []Option) []string {
	seen := map[string]bool{}
	var names []string
	for _, o := range options {
		if !seen[o.Technology] {
			seen[o.Technology] = true
			names = append(names, o.Technology)
		}
	}
	sort.Strings(names)
	return names
}

// definition gathers one catalog definition across the files of its package.
type definition struct {
	name, technology    string
	file, source, label string
	fields              []*ast.Field
}

// readFile adds the catalog definitions declared in one CUE file.
func readFile(fsys fs.FS, p string, defs map[string]*definition) error {
	src, err := fs.ReadFile(fsys, p)
	if err != nil {
		return err
	}
	f, err := parser.ParseFile(p, src, parser.ParseComments)
	if err != nil {
		return err
	}
	dir := path.Dir(p)
	for _, decl := range f.Decls {
		field, ok := decl.(*ast.Field)
		if !ok {
			continue
		}
		name, _, _ := ast.LabelName(field.Label)
		body, ok := field.Value.(*ast.StructLit)
		if !ok || !strings.HasPrefix(name, "#") {
			continue
		}
		key := dir + "." + name
		if defs[key] == nil {
			defs[key] = &definition{name: name, technology: technologyOf(dir)}
		}
		defs[key].add(body)
	}
	return nil
}

// technologyOf names the technology of a catalog folder: catalog/hadoop/yarn is hadoop.
func technologyOf(dir string) string {
	rest := strings.TrimPrefix(dir, Root+"/")
	tech, _, _ := strings.Cut(rest, "/")
	return tech
}

// add records the fields and the @catalog facts of one declaration of d.
func (d *definition) add(body *ast.StructLit) {
	for _, elt := range body.Elts {
		switch x := elt.(type) {
		case *ast.Attribute:
			if x.Name() == "catalog" {
				args := parseAttribute(x)
				d.file = args["file"]
				d.source = strings.TrimSpace(args["source"] + " (" + args["version"] + ")")
			}
		case *ast.Field:
			d.fields = append(d.fields, x)
		}
	}
}

// options turns the definition's fields into options.
func (d *definition) options() []Option {
	var out []Option
	for _, f := range d.fields {
		o := Option{Technology: d.technology, File: d.file, Source: d.source, Type: typeText(f.Value)}
		if list, isPattern := f.Label.(*ast.ListLit); isPattern {
			o.Pattern, o.Key, o.matcher = true, nodeText(list), newMatcher(list)
		} else {
			o.Key, _, _ = ast.LabelName(f.Label)
		}
		o.setFacts(f.Attrs)
		out = append(out, o)
	}
	return out
}

// setFacts reads the @upstream attribute of a field.
func (o *Option) setFacts(attrs []*ast.Attribute) {
	for _, a := range attrs {
		if a.Name() != "upstream" {
			continue
		}
		args := parseAttribute(a)
		if v, ok := args["default"]; ok {
			o.Default = &v
		}
		if v, ok := args["deprecated"]; ok {
			o.Deprecated = &v
		}
		_, o.Secret = args["secret"]
		o.Unit = args["unit"]
	}
}
