package compiler_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/bdconf/bdconf/compiler"
	"github.com/bdconf/bdconf/compiler/catalog"
)

// typedKeys are hdfs-site.xml keys of each Hadoop type, with its grammar.
var typedKeys = []struct {
	key     string
	grammar *catalog.Grammar
}{
	{"dfs.namenode.handler.count", catalog.HadoopInt},
	{"dfs.namenode.safemode.threshold-pct", catalog.HadoopNumber},
	{"dfs.permissions.enabled", catalog.HadoopBool},
	{"dfs.heartbeat.interval", catalog.HadoopDuration},
	{"dfs.blocksize", catalog.HadoopSize},
	{"dfs.datanode.data.dir.perm", catalog.HadoopPermission},
}

// FuzzTypedTextWrittenAsGiven sets a text as the value of a key of each
// Hadoop type: a text the catalog accepts is one the parser's grammar
// accepts (the CUE types and the Go grammars agree) and is written
// unchanged.
func FuzzTypedTextWrittenAsGiven(f *testing.F) {
	for _, seed := range []string{"0x10", "0.999f", " TRUE ", "3S", "u=rwx,g=rx,o=", "3 s"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, k := range typedKeys {
			profile, _ := json.Marshal(map[string]any{"name": "f", "hdfs": map[string]any{"config": map[string]any{"hdfs-site.xml": map[string]any{k.key: text}}}})
			res, err := compiler.Compile(context.Background(), compiler.Options{Sources: []compiler.Source{{Name: "f.json", Data: profile}}})
			if err != nil {
				continue
			}
			if !strings.Contains(text, "${") && !k.grammar.Match(text) {
				t.Errorf("%s accepts %q, which %s does not", k.key, text, k.grammar.Name)
			}
			if got := nativeSettings(res)["hdfs/hdfs-site.xml"][k.key]; got != text {
				t.Errorf("%s: %q written as %q", k.key, text, got)
			}
		}
	})
}
