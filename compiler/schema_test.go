package compiler

import (
	"testing"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/cuecontext"

	"github.com/bdconf/bdconf/schema"
)

// TestSchemaEvaluatesAsCUEWritesIt unifies #Platform in CUE syntax, as the
// cue command would, with every component: the schema must be valid CUE on
// its own terms (closedness included), not only through the Go API.
func TestSchemaEvaluatesAsCUEWritesIt(t *testing.T) {
	ctx := cuecontext.New()
	platform, err := loadSchema(ctx, schema.Components())
	if err != nil {
		t.Fatal(err)
	}
	v := ctx.CompileString(`p: #P & {name: "x", zookeeper: {}, hdfs: {}, kafka: {}}`,
		cue.Scope(ctx.CompileString("{}").FillPath(cue.MakePath(cue.Def("P")), platform)))
	out := v.LookupPath(cue.ParsePath("p.#out"))
	if err := out.Validate(cue.Concrete(true)); err != nil {
		t.Fatalf("p.#out: %v", err)
	}
	if iter, _ := out.LookupPath(cue.ParsePath("components")).Fields(); !iter.Next() {
		t.Fatal("p.#out has no components")
	}
}
