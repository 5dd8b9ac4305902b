package compiler

import (
	"io/fs"
	"path"
	"testing"

	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/parser"
	"cuelang.org/go/cue/token"

	"github.com/bdconf/bdconf/schema"
)

// TestEveryPatternTypeIsDescribed requires words for every schema
// definition written with a regular expression, which an error would
// otherwise quote, and no words for a definition that does not exist.
func TestEveryPatternTypeIsDescribed(t *testing.T) {
	defined := map[string]bool{}
	err := fs.WalkDir(schema.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".cue" || path.Dir(p) == "cue.mod" {
			return err
		}
		data, err := fs.ReadFile(schema.FS, p)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(p, data)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			field, ok := decl.(*ast.Field)
			if !ok {
				continue
			}
			name, _, _ := ast.LabelName(field.Label)
			if len(name) == 0 || name[0] != '#' {
				continue
			}
			key := folderOf(path.Join(schemaDir, p)) + name
			defined[key] = true
			if hasPattern(field.Value) && typeWords(key) == "" {
				t.Errorf("%s: %s is written with a regular expression but has no words (typeDescriptions or a catalog grammar)", p, name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for key := range typeDescriptions {
		if !defined[key] {
			t.Errorf("typeDescriptions describes %s, which the schema does not define", key)
		}
	}
}

// hasPattern tells an expression that is, or combines with & and |, a
// regular expression constraint (not one inside a struct or list).
func hasPattern(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.UnaryExpr:
		return e.Op == token.MAT || e.Op == token.NMAT
	case *ast.BinaryExpr:
		return hasPattern(e.X) || hasPattern(e.Y)
	case *ast.ParenExpr:
		return hasPattern(e.X)
	}
	return false
}

func TestDescribePatternWordsTheGeneratedShapes(t *testing.T) {
	for bound, want := range map[string]string{
		`=~"^(?i)(REBOOTSTRAP|NONE)$"`:                             "one of REBOOTSTRAP, NONE (in any case)",
		`=~"^ *((compact|delete)( *, *(compact|delete))*)? *$"`:    "a comma-separated list of compact, delete",
		`=~"^ *((broker|controller)( *, *(compact|delete))*)? *$"`: "",
		`=~"^[0-9]+$"`: "",
	} {
		if got := describePattern(bound); got != want {
			t.Errorf("describePattern(%s) = %q, want %q", bound, got, want)
		}
	}
}

// TestEveryKeyPatternIsDescribed requires words for every regular
// expression a catalog writes for a key of its own.
func TestEveryKeyPatternIsDescribed(t *testing.T) {
	files, err := fs.Glob(schema.FS, "catalog/*/*_gen.cue")
	more, _ := fs.Glob(schema.FS, "catalog/*/*/*_gen.cue")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range append(files, more...) {
		data, _ := fs.ReadFile(schema.FS, p)
		f, err := parser.ParseFile(p, data)
		if err != nil {
			t.Fatal(err)
		}
		ast.Walk(f, func(n ast.Node) bool {
			field, ok := n.(*ast.Field)
			if !ok {
				return true
			}
			if name, _, _ := ast.LabelName(field.Label); len(name) > 0 && name[0] == '#' {
				return true // a definition: TestEveryPatternTypeIsDescribed
			}
			for _, bound := range patterns(field.Value) {
				if describePattern(bound) == "" {
					t.Errorf("%s: %s: no words for %s", p, field.Label, bound)
				}
			}
			return false
		}, nil)
	}
}

// patterns lists the regular expression bounds an expression combines
// with & and |, spelled as CUE errors spell them.
func patterns(e ast.Expr) []string {
	switch e := e.(type) {
	case *ast.UnaryExpr:
		if lit, ok := e.X.(*ast.BasicLit); ok && (e.Op == token.MAT || e.Op == token.NMAT) {
			return []string{e.Op.String() + lit.Value}
		}
	case *ast.BinaryExpr:
		return append(patterns(e.X), patterns(e.Y)...)
	case *ast.ParenExpr:
		return patterns(e.X)
	}
	return nil
}
