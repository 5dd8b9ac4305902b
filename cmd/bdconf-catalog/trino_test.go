package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const trinoFixture = "# Props\n\n## `query.max-memory`\n\n- **Type:** {ref}`prop-type-data-size`\n- **Default value:** `20GB`\n\nText.\n\n" +
	"### `x.mode`\n\n- **Type:** [](prop-type-string)\n- **Allowed values:** `A`, `B`\n- **Default value:** `A`\n\n" +
	"### `x.count`\n\n- **Type:** {ref}`prop-type-integer`\n- **Minimum value:** `1`\n\n## Other\n\n" +
	":::{list-table}\n:header-rows: 1\n\n* - Property name\n  - Description\n  - Default\n* - `fs.x.enabled`\n  - Enable it.\n    More.\n  - `false`\n* - `s3.codec`\n  - Codec. Possible values are `ZSTD`, `LZ4` or `NONE`.\n  - `NONE`\n:::\n\n" +
	":::{list-table} Hive table properties\n:header-rows: 1\n\n* - Property name\n  - Description\n* - `auto_purge`\n  - x\n:::\n\n" +
	"| Property name | Description |\n| --- | --- |\n| `kafka.nodes` | Nodes; defaults to `a:9092` |\n"

func TestParseTrinoDoc(t *testing.T) {
	got := parseTrinoDoc(trinoFixture, "d.md")
	want := []trinoProp{
		{Name: "query.max-memory", Type: "data-size", Default: "20GB", HasDefault: true, Doc: "d.md"},
		{Name: "x.mode", Type: "string", Default: "A", HasDefault: true, Allowed: []string{"A", "B"}, Doc: "d.md"},
		{Name: "x.count", Type: "integer", Min: "1", Doc: "d.md"},
		{Name: "fs.x.enabled", Default: "false", HasDefault: true, Doc: "d.md"},
		{Name: "s3.codec", Default: "NONE", HasDefault: true, Allowed: []string{"LZ4", "NONE", "ZSTD"}, Doc: "d.md"},
		{Name: "kafka.nodes", Default: "a:9092", HasDefault: true, Doc: "d.md"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestTrinoKey(t *testing.T) {
	for _, tt := range []struct {
		p    trinoProp
		want Type
	}{
		{trinoProp{Name: "a.b", Type: "duration"}, typ(KindDuration)},
		{trinoProp{Name: "a.b", Type: "heap-size"}, typ(KindHeapSize)},
		{trinoProp{Name: "a.b", Type: "integer", Min: "1", Max: "10"}, intIn(">=1 & <=10")},
		{trinoProp{Name: "a.b", Default: "10m", HasDefault: true}, typ(KindDuration)},
		{trinoProp{Name: "a.b", Default: "1.5GB", HasDefault: true}, typ(KindSize)},
		{trinoProp{Name: "a.b-enabled"}, typ(KindBool)},
		{trinoProp{Name: "a.b", Allowed: []string{"X", "Y"}}, oneOf("X", "Y")},
	} {
		k, err := trinoKey(tt.p)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, k.Type); diff != "" {
			t.Errorf("%+v: (-want +got):\n%s", tt.p, diff)
		}
	}
	if _, err := trinoKey(trinoProp{Name: "a.b", Type: "uuid"}); err == nil {
		t.Error("unknown prop-type accepted")
	}
}

func TestTrinoSecret(t *testing.T) {
	for name, want := range map[string]bool{
		"s3.aws-secret-key":                true,
		"http-server.https.keystore.key":   true,
		"kafka.ssl.truststore.password":    true,
		"s3.endpoint":                      false,
		"http-server.https.truststore.key": true,
		"gcs.oauth2.token":                 true,
		"http-server.authentication.oauth2.refresh-tokens.issued-token.audience": false,
		"hive.metastore.thrift.delegation-token.cache-ttl":                       false,
		"iceberg.rest-catalog.oauth2.token-exchange-enabled":                     false,
	} {
		if got := trinoSecret(name); got != want {
			t.Errorf("trinoSecret(%q) = %v", name, got)
		}
	}
}

// TestTrinoOverridesUsed requires every reviewed entry to name a
// documented property.
func TestTrinoOverridesUsed(t *testing.T) {
	needUpstream(t)
	names := builtKeyNames(t, "trino", "trino/catalogs")
	requireAll(t, "trinoTypeOverrides", sortedKeys(trinoTypeOverrides), names)
	requireAll(t, "trinoSecretOverrides", sortedKeys(trinoSecretOverrides), names)
	requireAll(t, "trinoDefaultOverrides", sortedKeys(trinoDefaultOverrides), names)
}

// TestTrinoConfigNamesCovered checks that a page routed to config.properties
// loses no key: every name is in config.properties or routed elsewhere.
func TestTrinoConfigNamesCovered(t *testing.T) {
	needUpstream(t)
	docs, err := trinoConfigDocs(upstreamDir)
	if err != nil {
		t.Fatal(err)
	}
	props, err := readTrinoProps(upstreamDir, docs)
	if err != nil {
		t.Fatal(err)
	}
	routed := 0
	for _, p := range props {
		if trinoElsewhere(p.Name) != "" {
			routed++
		}
	}
	if routed == 0 || len(props)-routed < 200 {
		t.Errorf("config pages: %d properties, %d routed elsewhere", len(props), routed)
	}
	for _, name := range sortedKeys(trinoOtherFileDocs) {
		if strings.Contains(name, "/") {
			t.Errorf("trinoOtherFileDocs key %q must be a base name", name)
		}
	}
}
