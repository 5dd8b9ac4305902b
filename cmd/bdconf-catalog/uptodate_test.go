package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/cuecontext"
	"github.com/google/go-cmp/cmp"
)

// upstreamDir is the shared upstream folder, next to the repository; CI
// clones only the repository, so the tests needing it skip without it.
const upstreamDir = "../../../shared/upstream"

// needUpstream skips the test when the upstream folder is absent.
func needUpstream(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(upstreamDir); err != nil {
		t.Skipf("upstream catalogs not found at %s (CI clones only the repository): %v", upstreamDir, err)
	}
}

// TestCatalogsUpToDate regenerates the catalogs and requires the committed
// files to be identical.
func TestCatalogsUpToDate(t *testing.T) {
	needUpstream(t)
	out := t.TempDir()
	if err := run(upstreamDir, out, io.Discard); err != nil {
		t.Fatal(err)
	}
	for _, tg := range targets {
		rel := filepath.Join(tg.pkg, tg.out)
		got, err := os.ReadFile(filepath.Join(out, rel))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(schemaDir, "catalog", rel))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("%s is stale; run go run ./cmd/bdconf-catalog -upstream ../shared/upstream -out schema/catalog (-committed +generated):\n%s", rel, diff)
		}
	}
	requireSameTypes(t, out)
}

// TestCatalogsCoverUpstream checks, against the committed catalogs, that
// every upstream key is allowed (as a field or through a pattern) and that
// every field is an upstream key, a deprecated key or a reviewed key.
func TestCatalogsCoverUpstream(t *testing.T) {
	needUpstream(t)
	ctx := cuecontext.New()
	for _, tg := range targets {
		upstream, extra := upstreamNames(t, tg)
		def := definition(t, ctx, tg.pkg, tg.def)
		for _, name := range upstream {
			if !def.Allows(cue.Str(name)) {
				t.Errorf("%s: upstream key %q is not allowed", tg.native, name)
			}
		}
		known := map[string]bool{}
		for _, n := range append(upstream, extra...) {
			known[n] = true
		}
		for _, name := range fieldNames(t, def) {
			if !known[name] {
				t.Errorf("%s: field %q is not an upstream key", tg.native, name)
			}
		}
	}
}

// fieldNames lists the fields of a definition.
func fieldNames(t *testing.T, def cue.Value) []string {
	iter, err := def.Fields(cue.Optional(true))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for iter.Next() {
		names = append(names, iter.Selector().Unquoted())
	}
	return names
}

// upstreamNames reads a target's upstream document independently of the
// catalog builders: upstream holds the keys users may write (placeholder
// names turned into an example), extra the other names a catalog may list.
func upstreamNames(t *testing.T, tg target) (upstream, extra []string) {
	t.Helper()
	if upstream, extra, ok := familyNames(t, tg); ok {
		return upstream, extra
	}
	if upstream, extra, ok := kafkaSparkNames(t, tg); ok {
		return upstream, extra
	}
	if upstream, extra, ok := hiveTrinoKerberosNames(t, tg); ok {
		return upstream, extra
	}
	switch tg.pkg {
	case "hadoop":
		return hadoopNames(t, tg)
	case "kafka":
		return kafkaNames(t, tg), nil
	default:
		return zooKeeperNames(t, tg)
	}
}

// placeholderExamples replaces each placeholder with a concrete segment.
var placeholderExamples = strings.NewReplacer(
	"EXAMPLENAMESERVICE", "ns1",
	"[port_number]", "8020",
	"EXAMPLECIPHERSUITE", "aes.ctr.nopadding",
)

// hadoopNames returns the property names (placeholders replaced) and the
// deprecated keys.
func hadoopNames(t *testing.T, tg target) (upstream, deprecated []string) {
	props, err := readHadoopXML(filepath.Join(upstreamDir, tg.source))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range props {
		upstream = append(upstream, placeholderExamples.Replace(p.Name))
	}
	f, err := os.Open(filepath.Join(upstreamDir, hadoopDeprecationsFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	deps, err := parseHadoopDeprecations(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range deps {
		deprecated = append(deprecated, d.Old)
	}
	return upstream, deprecated
}

// kafkaNames returns the entry names of a Kafka page.
func kafkaNames(t *testing.T, tg target) []string {
	src, err := os.ReadFile(filepath.Join(upstreamDir, tg.source))
	if err != nil {
		t.Fatal(err)
	}
	entries, err := parseKafkaHTML(string(src))
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name
	}
	return names
}

// zooKeeperNames returns the zoo.cfg keys of the guide's bullets, the
// sample's keys and one key per pattern bullet; extra holds the reviewed
// keys only QuorumPeerConfig documents.
func zooKeeperNames(t *testing.T, tg target) (upstream, extra []string) {
	guide, err := os.ReadFile(filepath.Join(upstreamDir, tg.source))
	if err != nil {
		t.Fatal(err)
	}
	sample, err := os.ReadFile(filepath.Join(upstreamDir, zkSampleFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range parseZooKeeperAdmin(string(guide)) {
		if ex, ok := zkPatternBullets[b.Names[0]]; ok {
			upstream = append(upstream, ex)
			continue
		}
		params, _, err := zkParams(b)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range params {
			upstream = append(upstream, p.Key)
		}
	}
	upstream = append(upstream, parseZooSample(string(sample))...)
	upstream = append(upstream, "superUser.1")
	return upstream, sortedKeys(zkSourceOnlyKeys)
}
