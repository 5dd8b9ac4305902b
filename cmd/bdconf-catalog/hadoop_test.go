package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const hadoopFixture = `<?xml version="1.0"?>
<configuration>
<property>
  <name>dfs.replication</name>
  <value>3</value>
  <description>Some
    text.</description>
</property>
<property>
  <name>
    dfs.spaced.name
  </name>
  <value> a &amp; b </value>
  <decription>misspelt tag</decription>
</property>
<property>
  <name>hadoop.zk.address</name>
</property>
</configuration>`

func TestParseHadoopXML(t *testing.T) {
	got, err := parseHadoopXML(strings.NewReader(hadoopFixture))
	if err != nil {
		t.Fatal(err)
	}
	want := []hadoopProperty{
		{Name: "dfs.replication", Value: "3", Doc: "Some text."},
		{Name: "dfs.spaced.name", Value: "a & b", Doc: "misspelt tag"},
		{Name: "hadoop.zk.address"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestParseHadoopDeprecations(t *testing.T) {
	src := `{"version": "3.4.1", "deprecations": [
		{"deprecated_key": "dfs.umaskmode", "new_keys": ["fs.permissions.umask-mode"], "custom_message": "", "source_file": "a/HdfsConfiguration.java"}]}`
	got, err := parseHadoopDeprecations(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []hadoopDeprecation{{Old: "dfs.umaskmode", New: []string{"fs.permissions.umask-mode"}, SourceFile: "a/HdfsConfiguration.java"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestPlaceholderRegex(t *testing.T) {
	tests := []struct {
		name, match, noMatch string
		isPattern, isErr     bool
	}{
		{name: "dfs.ha.namenodes.EXAMPLENAMESERVICE", match: "dfs.ha.namenodes.ns1", noMatch: "dfs.ha.namenodes.ns1.nn0", isPattern: true},
		{name: "ipc.[port_number].backoff.enable", match: "ipc.8020.backoff.enable", noMatch: "ipc.client.backoff.enable", isPattern: true},
		{name: "hadoop.security.crypto.codec.classes.EXAMPLECIPHERSUITE", match: "hadoop.security.crypto.codec.classes.aes.ctr.nopadding", noMatch: "hadoop.security.crypto.codec.classes.", isPattern: true},
		{name: "dfs.client.failover.resolver.useFQDN"},
		{name: "dfs.foo.<nameservice>.bar", isErr: true},
		{name: "dfs.foo.NAMESERVICE.bar", isErr: true},
	}
	for _, tt := range tests {
		re, ok, err := placeholderRegex(tt.name)
		if (err != nil) != tt.isErr || ok != tt.isPattern {
			t.Errorf("%s: got ok=%v err=%v", tt.name, ok, err)
			continue
		}
		if !ok {
			continue
		}
		rx := regexp.MustCompile(re)
		if !rx.MatchString(tt.match) || rx.MatchString(tt.noMatch) {
			t.Errorf("%s: %s should match %q and not %q", tt.name, re, tt.match, tt.noMatch)
		}
	}
}

func TestAddHadoopDeprecation(t *testing.T) {
	var keys keySet
	for _, k := range []Key{
		{Name: "fs.defaultFS", Type: typ(KindString), Default: "file:///", HasDefault: true},
		{Name: "fs.default.name", Type: typ(KindString), Default: "file:///", HasDefault: true},
		{Name: "dfs.heartbeat.interval", Type: typ(KindDuration), Unit: "s"},
	} {
		if err := keys.add(k); err != nil {
			t.Fatal(err)
		}
	}
	deps := []hadoopDeprecation{
		{Old: "fs.default.name", New: []string{"fs.defaultFS"}},
		{Old: "dfs.heartbeat.old", New: []string{"other", "dfs.heartbeat.interval"}},
		{Old: "mapred.job.name", New: []string{"mapreduce.job.name"}},
	}
	for _, d := range deps {
		if err := addHadoopDeprecation(&keys, d); err != nil {
			t.Fatal(err)
		}
	}
	want := []Key{
		{Name: "fs.defaultFS", Type: typ(KindString), Default: "file:///", HasDefault: true},
		{Name: "fs.default.name", Type: typ(KindString), Default: "file:///", HasDefault: true, Deprecated: []string{"fs.defaultFS"}},
		{Name: "dfs.heartbeat.interval", Type: typ(KindDuration), Unit: "s"},
		{Name: "dfs.heartbeat.old", Type: typ(KindDuration), Unit: "s", Deprecated: []string{"other", "dfs.heartbeat.interval"}},
	}
	if diff := cmp.Diff(want, keys.keys); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestKeySetConflict(t *testing.T) {
	var keys keySet
	if err := keys.add(Key{Name: "a", Default: "1", HasDefault: true}); err != nil {
		t.Fatal(err)
	}
	if err := keys.add(Key{Name: "a", Default: "1", HasDefault: true}); err != nil {
		t.Errorf("same key twice: %v", err)
	}
	if err := keys.add(Key{Name: "a", Default: "2", HasDefault: true}); err == nil {
		t.Error("conflicting defaults: no error")
	}
}

func TestIsHadoopSecret(t *testing.T) {
	res := []*regexp.Regexp{regexp.MustCompile(`password$`), regexp.MustCompile(`oauth.*token`)}
	tests := map[string]bool{
		"ssl.server.keystore.password":             true,
		"ssl.server.keystore.password.file":        false,
		"fs.adl.oauth2.refresh.token":              true,
		"dfs.webhdfs.oauth2.access.token.provider": false, // reviewed exclusion
		"hadoop.zk.auth":                           true,  // reviewed addition
		"hadoop.security.group.mapping.ldap.base":  false,
	}
	for name, want := range tests {
		if got := isHadoopSecret(name, res); got != want {
			t.Errorf("%s: got %v, want %v", name, got, want)
		}
	}
}
