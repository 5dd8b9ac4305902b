package compiler

import (
	"errors"
	"fmt"
	"path"
	"strings"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/ast"
	cueerrors "cuelang.org/go/cue/errors"
	"cuelang.org/go/cue/load"
	"cuelang.org/go/cue/parser"
	"cuelang.org/go/cue/token"
	"cuelang.org/go/encoding/json"
	"cuelang.org/go/encoding/yaml"

	"github.com/bdconf/bdconf/schema"
)

// schemaDir is how schema files are named in positions of error messages.
const schemaDir = "schema"

// loadSchema builds the embedded root package with the given components
// and returns its #Platform.
func loadSchema(ctx *cue.Context, components []string) (cue.Value, error) {
	cfg := &load.Config{
		FS:         schema.FS,
		FromFSPath: func(p string) string { return path.Join(schemaDir, p) },
		Tags:       components,
	}
	insts := load.Instances([]string{"."}, cfg)
	if err := insts[0].Err; err != nil {
		return cue.Value{}, fmt.Errorf("loading embedded schema: %w", err)
	}
	root := ctx.BuildInstance(insts[0])
	if err := root.Err(); err != nil {
		return cue.Value{}, fmt.Errorf("building embedded schema: %w", err)
	}
	return root.LookupPath(cue.ParsePath("#Platform")), nil
}

// errUnsupportedType rejects a profile by its name: it has no position.
var errUnsupportedType = errors.New("unsupported profile file type (want .cue, .yaml, .yml or .json)")

// parseProfile turns one source file into a CUE file, keeping its name in
// every position. A parser's panic is an *InternalError naming the file.
func parseProfile(src Source) (_ *ast.File, err error) {
	defer recoverInternal(&err, []Source{src})
	if src.Data, err = profileText(src); err != nil {
		return nil, err
	}
	switch strings.ToLower(path.Ext(src.Name)) {
	case ".cue":
		return parseCUE(src)
	case ".yaml", ".yml":
		return parseYAML(src)
	case ".json":
		return parseJSON(src)
	}
	return nil, fmt.Errorf("%s: %w", src.Name, errUnsupportedType)
}

func parseCUE(src Source) (*ast.File, error) {
	f, err := parser.ParseFile(src.Name, src.Data)
	if err != nil {
		return nil, err
	}
	for spec := range f.ImportSpecs() {
		return nil, cueerrors.Newf(spec.Pos(), "a profile imports nothing: the compiler unifies it with the schema")
	}
	return f, nil
}

func parseYAML(src Source) (*ast.File, error) {
	data, err := normalizeLineEndings(src.Name, src.Data)
	if err != nil {
		return nil, err
	}
	f, err := yaml.Extract(src.Name, data)
	if err != nil {
		return nil, placeYAMLError(src.Name, data, err)
	}
	if len(f.Decls) == 1 {
		if embed, notMapping := f.Decls[0].(*ast.EmbedDecl); notMapping {
			if isEmptyDocument(embed.Expr) { // only comments: an empty layer
				return &ast.File{Filename: src.Name}, nil
			}
			return nil, cueerrors.Newf(embed.Pos(), "a profile is one YAML document holding a mapping")
		}
	}
	if err := refuseDuplicateKeys(f.Decls); err != nil {
		return nil, err
	}
	// Offsets in f are those of the text as parsed, line breaks normalised.
	if err := settleYAMLNumbers(f, data); err != nil {
		return nil, err
	}
	return f, nil
}

func parseJSON(src Source) (*ast.File, error) {
	expr, err := json.Extract(src.Name, src.Data)
	if err != nil {
		return nil, err
	}
	s, ok := expr.(*ast.StructLit)
	if !ok {
		return nil, cueerrors.Newf(expr.Pos(), "a profile is a JSON object")
	}
	return &ast.File{Filename: src.Name, Decls: s.Elts}, refuseDuplicateKeys(s.Elts)
}

// isEmptyDocument tells what CUE's YAML decoder makes of a document with
// no content, only comments or nothing: *null | _.
func isEmptyDocument(e ast.Expr) bool {
	or, ok := e.(*ast.BinaryExpr)
	if !ok || or.Op != token.OR {
		return false
	}
	def, ok := or.X.(*ast.UnaryExpr)
	if !ok || def.Op != token.MUL {
		return false
	}
	lit, ok := def.X.(*ast.BasicLit)
	return ok && lit.Kind == token.NULL
}

// buildProfile unifies every source into one value, before the schema
// applies, and records the text of the numbers they write.
func buildProfile(ctx *cue.Context, sources []Source) (cue.Value, literals, error) {
	profile := ctx.CompileString("{}")
	written := literals{}
	for _, src := range sources {
		f, err := parseProfile(src)
		if err != nil {
			return cue.Value{}, nil, err
		}
		written.record(f)
		v := ctx.BuildFile(f)
		if err := v.Err(); err != nil {
			return cue.Value{}, nil, err
		}
		profile = profile.Unify(v)
	}
	return profile, written, nil
}

// usedComponents lists the components a profile sets at its top level; only
// those are loaded.
func usedComponents(profile cue.Value) []string {
	var used []string
	for _, c := range schema.Components() {
		if profile.LookupPath(cue.MakePath(cue.Str(c))).Exists() {
			used = append(used, c)
		}
	}
	return used
}
