package compiler

import (
	"path/filepath"
	"testing"

	"cuelang.org/go/cue/cuecontext"
)

// TestUnknownFieldsFindNoneInValidProfiles keeps the error path's own
// unknown-field check honest: on profiles that compile, it finds nothing
// (secret references, pattern-typed maps, roles and layers included).
func TestUnknownFieldsFindNoneInValidProfiles(t *testing.T) {
	dirs, _ := filepath.Glob("../profiles/*")
	dirs = append(dirs, "testdata/hostile", "testdata/layers")
	for _, dir := range dirs {
		sources, err := ReadFiles(dir)
		if err != nil {
			t.Fatal(err)
		}
		ctx := cuecontext.New()
		profile, _, err := buildProfile(ctx, sources)
		if err != nil {
			t.Fatal(err)
		}
		schemaPlatform, err := loadSchema(ctx, usedComponents(profile))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range unknownFields(profile, schemaPlatform.Unify(profile), sourceNames(sources)) {
			t.Errorf("%s: %v reported as %s at %v", dir, c.path, c.message, c.profile)
		}
	}
}
