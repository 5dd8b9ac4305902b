package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

const hiveFixture = "## Query\n\n" +
	"##### hive.a\n\n* Default Value: `1,000` prior to Hive 0.14.0; 256 MB (`256,000,000` ) in Hive 0.14.0 and later\n* Added In: Hive 0.2.0\n\n" +
	"##### hive.**b.c**\n\n* Default Value: (empty)\n* Removed In: Hive 2.0.0, replaced by **[hive.d]**\n\n" +
	"##### hive.old *or*hive.new\n\n* Default Value: `60` seconds\n* Deprecated In: Hive 2.2.0 (See **[hive.other.key]({{< ref \"#x\" >}})**.)\n\n" +
	"## MetaStore\n\n##### metastore.x\n\n* Default value: 1Gb\n* Deprecated name: hive.x.old\n"

func TestParseHiveProperties(t *testing.T) {
	got := parseHiveProperties(hiveFixture)
	want := []hiveProp{
		{Name: "hive.a", Default: "`1,000` prior to Hive 0.14.0; 256 MB (`256,000,000` ) in Hive 0.14.0 and later", HasDefaultLn: true},
		{Name: "hive.b.c", Default: "(empty)", HasDefaultLn: true, Removed: true},
		{Name: "hive.old", Default: "`60` seconds", HasDefaultLn: true, ReplacedBy: []string{"hive.other.key"}},
		{Name: "hive.new", Default: "`60` seconds", HasDefaultLn: true, ReplacedBy: []string{"hive.other.key"}},
		{Name: "metastore.x", Default: "1Gb", HasDefaultLn: true, Metastore: true, OldNames: []string{"hive.x.old"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestHiveDefault(t *testing.T) {
	for raw, want := range map[string]string{
		"`1,000` prior to Hive 0.14.0; 256 MB (`256,000,000` ) in Hive 0.14.0 and later": "256000000",
		"`true` in Hive 0.3 and later; `false` in Hive 0.2":                              "true",
		"`60` seconds":         "60s",
		"5 seconds":            "5s",
		"`256*1024` (262,144)": "262144",
		"10*1024*1024*1024L":   "10737418240",
		"`5000L`":              "5000",
		"1Gb":                  "1Gb",
		"(empty)":              "",
		"not set":              "",
	} {
		got, _ := hiveDefault(raw)
		if got != want {
			t.Errorf("hiveDefault(%q) = %q, want %q", raw, got, want)
		}
	}
}

func TestHiveKind(t *testing.T) {
	for _, tt := range []struct {
		name, def string
		want      Kind
	}{
		{"a", "1Gb", KindSize},
		{"a", "60s", KindDuration},
		{"a", "true", KindBool},
		{"a", "0.5", KindNumber},
		{"a", "org.apache.X", KindClass},
		{"x.port", "", KindInt},
	} {
		if got := hiveKind(tt.name, tt.def, tt.def != ""); got != tt.want {
			t.Errorf("hiveKind(%q, %q) = %v, want %v", tt.name, tt.def, got, tt.want)
		}
	}
}

func TestParseHiveMetastoreTables(t *testing.T) {
	src := "| Parameter | Hive 2 Parameter | Default Value | Description |\n| --- | --- | --- | --- |\n" +
		"| metastore.a | hive.metastore.a | 2 sec | x |\n| metastore.b | metastore.b | none | y |\n\n" +
		"| Configured On | Parameter | Hive 2 Parameter | Format | Default Value | Comment |\n| --- | --- | --- | --- | --- | --- |\n" +
		"| Server | metastore.thrift.port | hive.metastore.port | integer | 9083 | z |\n"
	want := []hiveMetastoreRow{
		{Name: "metastore.a", Alias: "hive.metastore.a", Default: "2s", HasDefault: true},
		{Name: "metastore.b", Alias: "metastore.b"},
		{Name: "metastore.thrift.port", Alias: "hive.metastore.port", Format: "integer", Default: "9083", HasDefault: true},
	}
	if diff := cmp.Diff(want, parseHiveMetastoreTables(src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestParseWebHCatNames(t *testing.T) {
	src := "| Name | Description |\n| --- | --- |\n| **templeton.port** | p |\n| *Obsolete:* **templeton.jar** | j |\n"
	if diff := cmp.Diff([]string{"templeton.port"}, parseWebHCatNames(src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestHiveOverridesUsed requires every reviewed entry to name a key the
// catalogs hold.
func TestHiveOverridesUsed(t *testing.T) {
	needUpstream(t)
	names := builtKeyNames(t, "hive")
	requireAll(t, "hiveTypeOverrides", sortedKeys(hiveTypeOverrides), names)
	requireAll(t, "hiveSecretOverrides", sortedKeys(hiveSecretOverrides), names)
	for _, n := range sortedKeys(hiveDefaultOverrides) {
		if n != "hive.spark.client.rpc.server.address" {
			requireAll(t, "hiveDefaultOverrides", []string{n}, names)
		}
	}
}
