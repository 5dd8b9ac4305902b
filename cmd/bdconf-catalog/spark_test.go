package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

const sparkFixture = `<table>
<thead><tr><th>Property Name</th><th>Default</th><th>Meaning</th><th>Since Version</th></tr></thead>
<tr>
  <td><code>spark.driver.memory</code></td>
  <td>1g</td>
  <td>Prose that must not be copied.</td>
  <td>1.1.1</td>
</tr>
<tr>
  <td><code>spark.executor.resource.{resourceName}.amount</code></td>
  <td>0</td>
  <td>Prose.</td>
  <td>3.0.0</td>
</tr>
<tr>
  <td><code>spark.network.timeout</code></td>
  <td>120s</td>
  <td>Prose.</td>
  <td>1.3.0</td>
</tr>
<tr>
  <td><code>spark.rpc.askTimeout</code></td>
  <td><code>spark.network.timeout</code></td>
  <td>Prose.</td>
  <td>1.4.0</td>
</tr>
<tr>
  <td><code>spark.authenticate.secret</code></td>
  <td>None</td>
  <td>Prose.</td>
  <td>1.0.0</td>
</tr>
<tr>
  <td><code>spark.files.maxPartitionBytes</code></td>
  <td>134217728 (128 MiB)</td>
  <td>Prose.</td>
  <td>2.1.0</td>
</tr>
</table>
<table>
  <thead>
  <tr>
    <th>Config Namespace</th>
    <th>Component</th>
  </tr>
  </thead>
  <tr><td><code>spark.ssl</code></td><td>Default</td></tr>
  <tr><td><code>spark.ssl.ui</code></td><td>UI</td></tr>
</table>
<table>
<thead><tr><th>Environment Variable</th><th>Meaning</th></tr></thead>
<tr><td><code>JAVA_HOME</code></td><td>x</td><td>y</td></tr>
</table>`

func TestParseSparkHTML(t *testing.T) {
	rows, ns := parseSparkHTML(sparkFixture)
	if diff := cmp.Diff([]string{"spark.ssl", "spark.ssl.ui"}, ns); diff != "" {
		t.Errorf("namespaces (-want +got):\n%s", diff)
	}
	if len(rows) != 6 || rows[0].Name != "spark.driver.memory" || rows[0].Default != "1g" {
		t.Fatalf("rows: %+v", rows)
	}
	c := &Catalog{}
	if err := addSparkRows(c, rows, ns); err != nil {
		t.Fatal(err)
	}
	sortCatalog(c)
	var got []string
	for _, k := range c.Keys {
		got = append(got, k.Name+" "+typeExpr("spark", k.Type)+attribute(k))
	}
	want := []string{
		`spark.authenticate.secret #String @upstream(secret)`,
		`spark.driver.memory #Size @upstream(default="1g")`,
		`spark.files.maxPartitionBytes #Size @upstream(default="134217728")`,
		`spark.network.timeout #Duration @upstream(default="120s")`,
		`spark.rpc.askTimeout #Duration`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("keys (-want +got):\n%s", diff)
	}
	if len(c.Patterns) != 1 || c.Patterns[0].Regex != `^spark\.executor\.resource\.[^.]+\.amount$` {
		t.Errorf("patterns: %+v", c.Patterns)
	}
}

func TestSparkPatternRegex(t *testing.T) {
	tests := map[string]string{
		"${ns}.keyPassword": `^(spark\.ssl|spark\.ssl\.ui)\.keyPassword$`,
		"spark.kubernetes.driver.volumes.[VolumeType].[VolumeName].mount.path": `^spark\.kubernetes\.driver\.volumes\.(hostPath|emptyDir|nfs|persistentVolumeClaim)\.[^.]+\.mount\.path$`,
		"spark.{driver|executor}.rpc.io.serverThreads":                         `^spark\.(driver|executor)\.rpc\.io\.serverThreads$`,
		"spark.network.crypto.config.*":                                        `^spark\.network\.crypto\.config\..+$`,
	}
	for name, want := range tests {
		got, err := sparkPatternRegex(name, []string{"spark.ssl", "spark.ssl.ui"})
		if err != nil || got != want {
			t.Errorf("%s: got %s, %v; want %s", name, got, err, want)
		}
	}
	if _, err := sparkPatternRegex("spark.x.[Unknown]", nil); err == nil {
		t.Error("an unreviewed placeholder must be an error")
	}
}

func TestSparkDefault(t *testing.T) {
	tests := []struct {
		in   string
		want sparkDefaultValue
	}{
		{"(none)", sparkDefaultValue{}},
		{"Int.MaxValue", sparkDefaultValue{value: "2147483647", ok: true}},
		{"1024 * 1024", sparkDefaultValue{value: "1048576", ok: true}},
		{"(value of spark.buffer.size)", sparkDefaultValue{ref: "spark.buffer.size"}},
		{"Fall back on spark.rpc.io.serverThreads", sparkDefaultValue{ref: "spark.rpc.io.serverThreads"}},
		{`"1"`, sparkDefaultValue{value: "1", ok: true}},
	}
	for _, tt := range tests {
		got, err := sparkDefault(sparkRow{Name: "x", Default: tt.in})
		if err != nil || got != tt.want {
			t.Errorf("%q: got %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
	if _, err := sparkDefault(sparkRow{Name: "x", Default: "depends on the mode"}); err == nil {
		t.Error("an unreviewed prose default must be an error")
	}
}

func TestSparkType(t *testing.T) {
	tests := map[[2]string]Kind{
		{"spark.kryoserializer.buffer.max", "64m"}:                         KindSize,
		{"spark.cleaner.periodicGC.interval", "30min"}:                     KindDuration,
		{"spark.shuffle.io.retryWait", "5s"}:                               KindDuration,
		{"spark.ui.enabled", "true"}:                                       KindBool,
		{"spark.driver.cores", "1"}:                                        KindInt,
		{"spark.memory.fraction", "0.6"}:                                   KindNumber,
		{"spark.serializer", "org.apache.spark.serializer.JavaSerializer"}: KindClass,
		{"spark.submit.pyFiles", ""}:                                       KindString,
		{"spark.executor.heartbeatInterval", ""}:                           KindDuration,
		{"spark.network.io.preferDirectBufs", "true"}:                      KindBool,
	}
	for in, want := range tests {
		d, _ := sparkDefault(sparkRow{Name: in[0], Default: in[1]})
		if got := sparkType(sparkRow{Name: in[0], Default: in[1]}, d).Kind; got != want {
			t.Errorf("%v: got %v, want %v", in, got, want)
		}
	}
}

func TestSparkOverridesAreUpstream(t *testing.T) {
	needUpstream(t)
	names := map[string]bool{}
	for _, page := range sparkPages {
		rows, _ := parseSparkHTML(string(mustRead(t, upstreamDir+"/"+page)))
		for _, r := range rows {
			names[r.Name] = true
		}
	}
	for _, table := range []map[string]override{sparkTypeOverrides} {
		for n := range table {
			if !names[n] {
				t.Errorf("override for %q, which no Spark page lists", n)
			}
		}
	}
	for n := range sparkProseDefaults {
		if !names[n] {
			t.Errorf("prose default for %q, which no Spark page lists", n)
		}
	}
}
