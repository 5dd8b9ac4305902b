// Package schema embeds the bdconf CUE module: the single source of truth for
// profiles, derivations, rules and Kubernetes objects, used by the compiler and
// by the cue CLI alike.
package schema

import (
	"embed"
	"io/fs"
	"strings"
)

// FS holds the CUE module rooted at this directory (cue.mod, the root package
// and every component and catalog package).
//
//go:embed cue.mod/module.cue *.cue common hdfs kafka zookeeper security catalog ownership/*.cue ownership/*.json
var FS embed.FS

// Components lists the platform's components, sorted: each has a root file
// platform_<component>.cue, included under the build tag of its name.
func Components() []string {
	files, _ := fs.Glob(FS, "platform_*.cue")
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = strings.TrimSuffix(strings.TrimPrefix(f, "platform_"), ".cue")
	}
	return names
}
